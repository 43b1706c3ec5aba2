"""What can be wrong with a roster row, as templates for the catalogue (context "problems").

Kept in one place so the reader of roster_rows.py and roster_checks.py sees the checks, not the
wording, and the translator sees every roster reason together. Each template is English (the
CLI prints it filled in) and holds only data in its placeholders — a cell, a number, a row —
so the window can show the whole reason in Chinese. lupdate collects them from the
QT_TRANSLATE_NOOP calls, which must therefore spell the context "problems" literally.
"""

from __future__ import annotations

from counselroom.domain.errors import QT_TRANSLATE_NOOP

FORMULA = QT_TRANSLATE_NOOP(
    "problems",
    "a formula, not a value: paste the column as values (选择性粘贴→数值) and import again",
)
TOO_LONG = QT_TRANSLATE_NOOP("problems", "has %1 characters; at most %2")
NOT_ONE_LINE = QT_TRANSLATE_NOOP("problems", "must be one line of text, without control characters")
NO_NAME = QT_TRANSLATE_NOOP("problems", "is empty; every row needs the student's name")
NAME_TOO_LONG = QT_TRANSLATE_NOOP("problems", "a name has at most %1 characters")
NAME_CONTROL = QT_TRANSLATE_NOOP("problems", "a name may not hold control characters")
PHONE_CHARACTERS = QT_TRANSLATE_NOOP(
    "problems", "'%1': a phone number holds only digits, spaces, '-' and '+'"
)
PHONE_LENGTH = QT_TRANSLATE_NOOP("problems", "'%1' is not a phone number (%2-%3 digits)")
NO_STUDENT_NO = QT_TRANSLATE_NOOP("problems", "is empty; every row needs the 学籍号")
BORN_TOO_EARLY = QT_TRANSLATE_NOOP("problems", "%1 is before %2")
ENROLLED_BEFORE_BIRTH = QT_TRANSLATE_NOOP("problems", "%1 is before the birth date")
IN_THE_FUTURE = QT_TRANSLATE_NOOP("problems", "%1 is in the future")
ID_BIRTH_DIFFERS = QT_TRANSLATE_NOOP("problems", "says born %1, the birth date column says %2")
# By the sex the ID number gives, when the gender column says the other one.
ID_SEX_DIFFERS = {
    "M": QT_TRANSLATE_NOOP("problems", "says male, the gender column says female"),
    "F": QT_TRANSLATE_NOOP("problems", "says female, the gender column says male"),
}
UNREADABLE_GRADE = QT_TRANSLATE_NOOP(
    "problems", "cannot read a grade from '%1' (write it like 初二)"
)
MEMBER_WITHOUT_NAME = QT_TRANSLATE_NOOP("problems", "is empty, but other 成员%1 columns are filled")

# Across rows (roster_checks.py).
SAME_STUDENT_NO = QT_TRANSLATE_NOOP("problems", "the same 学籍号 is on row %1")
SAME_ID_NUMBER = QT_TRANSLATE_NOOP("problems", "the same ID number is on row %1")
TWO_HEAD_TEACHERS = QT_TRANSLATE_NOOP("problems", "names %1 as 班主任 of %2, row %3 names %4")
