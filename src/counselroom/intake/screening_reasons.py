"""Why a results file or one of its score cells is refused, as templates for the catalogue.

Kept apart from screening_layout.py so the checks read as checks and the translator finds the
screening file's reasons together. Each template is English (the CLI prints it filled in) with
only data in its placeholders — cells, counts, item numbers, instrument names such as PHQ-9 —
so the window shows the whole reason in Chinese. The context is spelled "problems" in every
QT_TRANSLATE_NOOP call because lupdate reads it from there.
"""

from __future__ import annotations

from counselroom.domain.errors import QT_TRANSLATE_NOOP

# -- the file as a whole (record = the file's name) --------------------------------------------

NO_DATA_ROWS = QT_TRANSLATE_NOOP("problems", "has a header row but no data rows; nothing to import")
NO_IDENTITY = QT_TRANSLATE_NOOP(
    "problems",
    "has no 学籍号 column and no 姓名 and 班级 columns, so its rows cannot be matched to students;"
    " map a 学籍号 column, or 姓名 and 班级",
)
ITEMS_AND_SCALES = QT_TRANSLATE_NOOP(
    "problems", "maps both item answers and MHT scale scores; map one or the other"
)
MHT_SCALES_GIVEN = QT_TRANSLATE_NOOP(
    "problems",
    "has MHT scale columns (学习焦虑, 对人焦虑, …); %1 is scored from its %2 item columns — is"
    " this an MHT file?",
)
# A scale export without some of its columns: scales missing (%1), the lie score too, or only it.
SCALES_MISSING = QT_TRANSLATE_NOOP(
    "problems",
    "has no column for %1; an MHT platform export needs the 8 scale scores and the lie (效度)"
    " score",
)
SCALES_AND_LIE_MISSING = QT_TRANSLATE_NOOP(
    "problems",
    "has no column for %1, 效度 (lie); an MHT platform export needs the 8 scale scores and the"
    " lie (效度) score",
)
LIE_MISSING = QT_TRANSLATE_NOOP(
    "problems",
    "has no column for 效度 (lie); an MHT platform export needs the 8 scale scores and the lie"
    " (效度) score",
)
NO_ITEMS = QT_TRANSLATE_NOOP(
    "problems",
    "has no item columns; %1's answers must be in columns headed 1 … %2, Q1 … Q%2 or 第1题 …"
    " 第%2题",
)
# Item columns that do not fit the instrument: %1 the item numbers found, %2 the instrument,
# %3 its item count; then the instrument the file looks like ("an MHT" is read "an em"), or
# the items without a column, or nothing more.
WRONG_ITEMS_AN = QT_TRANSLATE_NOOP(
    "problems", "has item columns %1; %2 has %3 items — is this an %4 file?"
)
WRONG_ITEMS_A = QT_TRANSLATE_NOOP(
    "problems", "has item columns %1; %2 has %3 items — is this a %4 file?"
)
ITEMS_MISSING = QT_TRANSLATE_NOOP(
    "problems", "has item columns %1; %2 has %3 items (no column for item %4)"
)
WRONG_ITEMS = QT_TRANSLATE_NOOP("problems", "has item columns %1; %2 has %3 items")

# -- one score cell of an MHT platform export: (a formula, not a score, out of range) ----------
# %1 is the cell; a scale is named by its Chinese name (%2), the lie score and the total in the
# template itself, so no English word is left to the data.

SCALE_RULES = (
    QT_TRANSLATE_NOOP("problems", "%1 is a formula, not a score: %2 is a whole number 0-%3"),
    QT_TRANSLATE_NOOP("problems", "%1 is not a score: %2 is a whole number 0-%3"),
    QT_TRANSLATE_NOOP("problems", "%1 is out of range: %2 is a whole number 0-%3"),
)
LIE_RULES = (
    QT_TRANSLATE_NOOP(
        "problems", "%1 is a formula, not a score: 效度 (lie) is a whole number 0-%2"
    ),
    QT_TRANSLATE_NOOP("problems", "%1 is not a score: 效度 (lie) is a whole number 0-%2"),
    QT_TRANSLATE_NOOP("problems", "%1 is out of range: 效度 (lie) is a whole number 0-%2"),
)
TOTAL_RULES = (
    QT_TRANSLATE_NOOP(
        "problems", "%1 is a formula, not a score: 总分 (total) is a whole number 0-%2"
    ),
    QT_TRANSLATE_NOOP("problems", "%1 is not a score: 总分 (total) is a whole number 0-%2"),
    QT_TRANSLATE_NOOP("problems", "%1 is out of range: 总分 (total) is a whole number 0-%2"),
)
