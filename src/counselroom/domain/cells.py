"""Roster cell values: dates, gender and yes/no flags as spreadsheets hold them.

Each parser takes the cell's text (the sheet reader has already turned numbers and dates into
text), accepts the spellings schools actually produce, and refuses anything it would have to
guess. A refusal is a ValidationError whose message quotes the cell and says what would be
accepted, and whose ``field`` lets the importer point at the column. Each message is a
template marked for the catalogue (QT_TRANSLATE_NOOP, context "problems") with the cell as its
data, so the window can show it in Chinese; the accepted forms are therefore written out in
every template rather than pasted in from a constant, which lupdate could not read.

ID numbers and 学籍号 are read by id_cells.py, which adds what Excel does to a long number.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from counselroom.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from counselroom.domain.text import normalise_ascii, squeeze

__all__ = [
    "EARLIEST_YEAR",
    "EXCEL_SERIAL_RANGE",
    "parse_date_cell",
    "parse_gender_cell",
    "parse_yes_no_cell",
    "quote_cell",
]

# Serial numbers Excel shows for a date cell formatted as a number: 30000 is 1982-02-18 and
# 60000 is 2064-04-08, which covers every pupil's, parent's and enrolment date. Other
# five-digit numbers are more likely a typo than a date, so they are refused.
EXCEL_SERIAL_RANGE = (30_000, 60_000)
# Day 0 of Excel's 1900 date system, counted so that serials above 60 (past Excel's phantom
# 1900-02-29) land on the right day.
_EXCEL_EPOCH = date(1899, 12, 30)
# A year before 1900 in a school roster is a typo ("0210-03-05"), not a date to keep.
EARLIEST_YEAR = 1900

_QUOTE_LIMIT = 40

_TIME = re.compile(r"^(?P<day>.+?)(?:\s*[ T]\s*(?P<h>\d{1,2}):(?P<m>\d{2})(?::\d{2}(?:\.\d+)?)?)?$")
_YMD = re.compile(
    r"^(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"|年(?P<zm>\d{1,2})月(?P<zd>\d{1,2})[日号]?"
    r"|(?P<cm>\d{2})(?P<cd>\d{2}))$"
)
_YM = re.compile(r"^(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})|年(?P<zm>\d{1,2})月?|(?P<cm>\d{2}))$")
_SERIAL = re.compile(r"^\d{5}$")
_SHORT_YEAR = re.compile(r"^\d{1,2}(?:[-/.](\d{1,2})[-/.]\d{1,2}|年\d{1,2}月(\d{1,2}[日号]?)?)$")
_YEAR_LAST = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$")

_GENDERS = {
    **dict.fromkeys(("男", "男性", "m", "male", "1"), "M"),
    **dict.fromkeys(("女", "女性", "f", "female", "2"), "F"),
    # GB/T 2261.1 codes 0 (未知的性别) and 9 (未说明的性别): the roster says it does not know.
    **dict.fromkeys(("", "未知", "未知的性别", "未说明", "未说明的性别", "0", "9"), "U"),
}
_YES = frozenset(("是", "y", "yes", "1", "√", "✓", "✔", "对", "有", "true"))
_NO = frozenset(("否", "n", "no", "0", "×", "✗", "✘", "错", "无", "没有", "false"))


def quote_cell(text: str) -> str:
    """The cell as a message quotes it: one line, cut at 40 characters, in single quotes.

    A cell may hold a line break or a pasted paragraph; the message must stay one readable line.
    """
    flat = " ".join(text.split())
    if len(flat) > _QUOTE_LIMIT:
        flat = flat[: _QUOTE_LIMIT - 1] + "…"
    return f"'{flat}'"


def parse_date_cell(text: str, *, field: str) -> date:
    """Read a date as rosters spell it; a year and month alone (出生年月) give the 1st.

    Two-digit years and day-first or month-first orders are refused: "10-3-5" or "3/5/2010"
    can be read more than one way, and a wrong birth date silently files a student under the
    wrong age. "2010.1" is refused too: it is also what Excel makes of 2010.10 typed as a
    number. Whether a date may lie in the future is the caller's rule, not this one's.
    """
    cleaned = " ".join(normalise_ascii(text).split())
    timed = _TIME.match(cleaned)
    if timed is None or not _plausible_time(timed["h"], timed["m"]):
        raise _unreadable_date(text, field)
    day_text = "".join(timed["day"].split())
    if match := _YMD.match(day_text):
        year = int(match["y"])
        month = int(match["m"] or match["zm"] or match["cm"])
        day = int(match["d"] or match["zd"] or match["cd"])
        return _real_date(text, field, year, month, day)
    if match := _YM.match(day_text):
        if match["cm"] and int(match["y"]) < EARLIEST_YEAR:
            raise _short_year(text, field)  # "100305": 2010-03-05 written with a short year
        if day_text.endswith(".1") and match["m"] == "1":
            # 2010.10 typed into a number cell comes out as 2010.1, the same text as January.
            raise ValidationError.of(
                QT_TRANSLATE_NOOP(
                    "problems",
                    "%1 could be January or October (Excel turns 2010.10 typed as a number into"
                    " 2010.1); write 2010-01 or 2010-10, or format the column as text (文本)",
                ),
                quote_cell(text),
                field=field,
            )
        return _real_date(
            text, field, int(match["y"]), int(match["m"] or match["zm"] or match["cm"]), 1
        )
    if _SERIAL.match(day_text):
        return _excel_serial(text, field, int(day_text))
    if _SHORT_YEAR.match(day_text):
        raise _short_year(text, field)
    if _YEAR_LAST.match(day_text):
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "%1 puts the year last, so day and month could be either way round; write the"
                " year first, like 2010-03-05, 2010/3/5, 2010.3.5, 2010年3月5日 or 20100305"
                " (year and month only: 2010-03)",
            ),
            quote_cell(text),
            field=field,
        )
    raise _unreadable_date(text, field)


def parse_gender_cell(text: str) -> str:
    """ "M", "F", or "U" for an empty cell or the national codes for unknown/unstated."""
    gender = _GENDERS.get(squeeze(text).lower())
    if gender is None:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems", "unknown gender %1; write 男 or 女 (also M/F, 1/2), or leave it empty"
            ),
            quote_cell(text),
            field="gender",
        )
    return gender


def parse_yes_no_cell(text: str, *, field: str) -> bool | None:
    """True or False for the yes/no marks rosters use; None when the cell is empty."""
    key = squeeze(text).lower()
    if not key:
        return None
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValidationError.of(
        QT_TRANSLATE_NOOP(
            "problems",
            "%1 is not a yes/no answer; write 是 or 否 (also Y/N, 1/0, √/×), or leave it empty",
        ),
        quote_cell(text),
        field=field,
    )


def _plausible_time(hour: str | None, minute: str | None) -> bool:
    return hour is None or minute is None or (int(hour) <= 23 and int(minute) <= 59)


def _real_date(text: str, field: str, year: int, month: int, day: int) -> date:
    if year < EARLIEST_YEAR:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 has the year %2, before %3; check the year"),
            quote_cell(text),
            year,
            EARLIEST_YEAR,
            field=field,
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP("problems", "%1 is not a real date (check the month and the day)"),
            quote_cell(text),
            field=field,
        ) from None


def _excel_serial(text: str, field: str, serial: int) -> date:
    low, high = EXCEL_SERIAL_RANGE
    if not low <= serial <= high:
        raise ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "%1 is not a date: an Excel date number must be %2-%3; write the date like"
                " 2010-03-05, 2010/3/5, 2010.3.5, 2010年3月5日 or 20100305 (year and month only:"
                " 2010-03)",
            ),
            quote_cell(text),
            low,
            high,
            field=field,
        )
    return _EXCEL_EPOCH + timedelta(days=serial)


def _short_year(text: str, field: str) -> ValidationError:
    return ValidationError.of(
        QT_TRANSLATE_NOOP(
            "problems",
            "%1 has a two-digit year, which is ambiguous; write the year in full, like"
            " 2010-03-05, 2010/3/5, 2010.3.5, 2010年3月5日 or 20100305 (year and month only:"
            " 2010-03)",
        ),
        quote_cell(text),
        field=field,
    )


def _unreadable_date(text: str, field: str) -> ValidationError:
    if not text.strip():
        return ValidationError.of(
            QT_TRANSLATE_NOOP(
                "problems",
                "the date is empty; write it like 2010-03-05, 2010/3/5, 2010.3.5, 2010年3月5日 or"
                " 20100305 (year and month only: 2010-03)",
            ),
            field=field,
        )
    return ValidationError.of(
        QT_TRANSLATE_NOOP(
            "problems",
            "%1 is not a date; write it like 2010-03-05, 2010/3/5, 2010.3.5, 2010年3月5日 or"
            " 20100305 (year and month only: 2010-03)",
        ),
        quote_cell(text),
        field=field,
    )
