"""Why a file cannot be read as a table at all, as templates for the catalogue ("problems").

Kept apart from sheets.py so the reader sees how a file is read, and the translator sees the
reasons together. The file's name is the refusal's record, not part of the text: each reason
starts where "名单.xlsx: " leaves off. Placeholders hold only data (an extension, a size, a row
number) and, in two places, the words of the system or of Python's csv module, which are the
only account of what went wrong. lupdate reads the context from each call: "problems".
"""

from __future__ import annotations

from counselroom.domain.errors import QT_TRANSLATE_NOOP

OLD_WORKBOOK = QT_TRANSLATE_NOOP(
    "problems",
    "is an old-format %1 workbook; save it as .xlsx (Excel 2007 or later) or .csv and import again",
)
UNKNOWN_SUFFIX = QT_TRANSLATE_NOOP(
    "problems",
    "cannot read %1 files; save it as .xlsx (Excel 2007 or later) or .csv and import again",
)
NO_SUFFIX = QT_TRANSLATE_NOOP(
    "problems",
    "cannot read files without an extension; save it as .xlsx (Excel 2007 or later) or .csv"
    " and import again",
)
NO_ROWS = QT_TRANSLATE_NOOP("problems", "the file has no rows; choose the file that holds the data")
TOO_LARGE = QT_TRANSLATE_NOOP(
    "problems",
    "the file is %1 MB, far larger than a roster or score file; check that this is the right file",
)
CANNOT_OPEN = QT_TRANSLATE_NOOP("problems", "cannot open the file (%1)")  # %1: the system's words
TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "problems",
    "the file has more than %1 rows; a roster or score file has fewer — check that this is the"
    " right file, or split it",
)
DAMAGED_OLE2 = QT_TRANSLATE_NOOP(
    "problems",
    "is not a readable .xlsx file (damaged or not Excel); it is an old .xls or a"
    " password-protected workbook; open it in Excel or WPS, remove any password and save it as"
    " .xlsx",
)
DAMAGED = QT_TRANSLATE_NOOP(
    "problems",
    "is not a readable .xlsx file (damaged or not Excel); open it in Excel or WPS and save it"
    " again as .xlsx",
)
NO_WORKSHEET = QT_TRANSLATE_NOOP("problems", "the workbook has no worksheet with data")
BAD_CSV = QT_TRANSLATE_NOOP(  # %2: the csv module's words
    "problems",
    "row %1 is not readable CSV (%2); save it as .xlsx (Excel 2007 or later) or .csv and import"
    " again",
)
WORKBOOK_AS_TEXT = QT_TRANSLATE_NOOP(
    "problems", "is an Excel workbook, not text; rename it to .xlsx and import it"
)
OLD_WORKBOOK_AS_TEXT = QT_TRANSLATE_NOOP(
    "problems",
    "is an old-format Excel workbook, not text; save it as .xlsx (Excel 2007 or later) or .csv"
    " and import again",
)
BINARY = QT_TRANSLATE_NOOP(
    "problems",
    "contains binary data, not text; save it as .xlsx (Excel 2007 or later) or .csv and import"
    " again",
)
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP(
    "problems",
    "the text is neither UTF-8 nor GB18030 (GBK); open it in Excel or WPS and save it as .xlsx"
    " or as CSV UTF-8, then import again",
)
