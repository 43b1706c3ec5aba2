"""Chinese words for stored codes where the program prints them outside the window.

The window translates codes through Qt (English source, zh_CN catalogue); spreadsheets, the CLI's
tables and the timeline are written in Chinese directly, and take their words from here so the
same code reads the same everywhere.
"""

from __future__ import annotations

GENDER_ZH = {"M": "男", "F": "女"}
STUDENT_STATUS_ZH = {
    "enrolled": "在读",
    "on_leave": "休学",
    "transferred": "转出",
    "graduated": "毕业",
}
FILE_STATE_ZH = {"none": "未建档", "open": "已建档", "closed": "已结案"}
# Instrument names as printed (the same in every language).
INSTRUMENT_NAMES = {"phq9": "PHQ-9", "gad7": "GAD-7", "mht": "MHT"}
