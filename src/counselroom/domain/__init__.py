"""Pure domain rules of CounselRoom: tiers, policy defaults, ID checks, school calendar.

Nothing here does I/O or imports Qt or SQLAlchemy, so every rule can be tested by hand-computed
cases and reused unchanged by the CLI, the GUI, the importers and the document builders.
"""
