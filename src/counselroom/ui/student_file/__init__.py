"""A student's 一生一策 file: header, 概况 editor, read-only record tabs and the timeline.

`StudentFileWindow(source, student_id)` is the entry point; see `window.py`.
"""

from counselroom.ui.student_file.window import StudentFileWindow

__all__ = ["StudentFileWindow"]
