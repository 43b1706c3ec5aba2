"""What a roster row is read into (RosterRecord, Member) and the rules its values keep.

Apart from roster_rows.py, which walks a row's cells and reports each problem: these are the
values themselves — the record the importer and the vault receive, and the small checks and
derivations (a clean name, a one-line text, an ID number's birth date and sex) that need no
row around them.

The rules for names, phones and text lengths are those of the profile editor
(services/profile_checks.py): a value the roster brings must be one the 概况 form can save
again, or the student's file would become uneditable after an import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from counselroom.domain.classes import ClassName
from counselroom.domain.text import normalise_ascii

__all__ = [
    "EARLIEST_BIRTH",
    "MAX_ADDRESS",
    "MAX_NAME",
    "MAX_SHORT",
    "PHONE_CHARS",
    "PHONE_LENGTH",
    "Member",
    "RosterRecord",
    "clean_name",
    "has_control",
    "id_birth_date",
    "id_gender",
    "is_resident_id",
]

EARLIEST_BIRTH = date(1990, 1, 1)  # as services/profile_checks.EARLIEST_BIRTH
MAX_NAME, MAX_SHORT, MAX_ADDRESS = 50, 50, 200  # as profile_checks / profile.py
PHONE_CHARS = frozenset("0123456789 -+")
PHONE_LENGTH = (7, 20)
# A space between two Han characters is padding (王　明 aligned with 王小明), not part of a name.
_PADDING = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


@dataclass(frozen=True)
class Member:
    """A family member from the 成员N columns; "" and None mean "the cell was empty"."""

    name: str
    relation: str
    phone: str
    is_guardian: bool | None


@dataclass(frozen=True)
class RosterRecord:
    """One data row in stored form; None (or empty) where the row gave nothing."""

    row: int
    student_no: str  # canonical, "" when missing or unreadable
    name: str
    gender: str | None  # "M" | "F"
    birth_date: date | None
    class_name: ClassName | None
    grade_level: int | None  # from the class, else from the grade cell
    head_teacher: str | None
    id_type: str | None
    id_number: str | None
    phone: str | None
    address: str | None
    ethnicity: str | None
    roll_no: str | None
    enrolled_on: date | None
    groups: tuple[tuple[str, bool], ...]  # (care-group code, yes?) for each cell given
    members: tuple[Member, ...]  # () when no member cell is given


def clean_name(text: str) -> str:
    """A person's name as stored: ASCII forms, single spaces, no padding between Han characters."""
    return _PADDING.sub("", " ".join(normalise_ascii(text).split()))


def has_control(text: str) -> bool:
    """Whether a control or format character (a tab, a line break, a zero-width space) is in
    ``text``: a name or a one-line field that holds one cannot be saved by the 概况 form."""
    if text.isprintable():  # the usual case, in C: no Cc/Cf/Cs character can be in it
        return False
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in text)


def id_birth_date(number: str) -> date:
    """The birth date of an ID number parse_id_cell accepted (so it is a real date).

    idnumbers.birth_date_from_id checks the whole number again; for 5,000 rows the repeated
    checks were a fifth of the import's time.
    """
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def id_gender(number: str) -> str:
    """ "M" or "F" from an accepted ID number: the 17th character is odd for men."""
    return "M" if int(number[16]) % 2 else "F"


def is_resident_id(id_type: str | None) -> bool:
    """居民身份证 (or no type given): only that number follows GB 11643 and can be checked.

    Passports and 港澳台 documents have their own formats; they are kept as written.
    """
    return id_type is None or "居民身份证" in id_type or id_type == "身份证"
