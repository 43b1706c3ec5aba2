"""The fields of a student document (format "counselroom-student", version 1), section by section.

One description serves three readers: the schema check (what a value must look like), the
exporter (which column a field comes from) and the importer (which column it goes to). Keeping
them in one place is what makes "every column is carried" checkable: a column added to a model
and not here fails the coverage test in tests/services/test_student_document.py.

Field names are the column names, except that a foreign key loses its ``_id``: a user id
becomes the author's display name (``created_by``: user accounts never cross schools), a record
id becomes the id of the referenced record in this same document (``screening_result``).
Pure Python: no SQLAlchemy here, so another program can read the format from this file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

# Kinds of value.
TEXT = "text"  # a string of at most MAX_TEXT characters
INT = "int"  # a whole number from low to high (never true/false)
BOOL = "bool"
DATE = "date"  # "YYYY-MM-DD"
DATETIME = "datetime"  # "YYYY-MM-DDTHH:MM:SS", ".ffffff" when the stored time has microseconds
CHOICE = "choice"  # one of ``choices``
REF = "ref"  # the "id" of a record of section ``target`` in the same document
AUTHOR = "author"  # a person's display name (from a user id column)
INT_LIST = "int_list"  # a list of whole numbers or nulls (screening answers)
INT_MAP = "int_map"  # an object of whole numbers (MHT scale scores)
TEXT_LIST = "text_list"  # a list of short strings (screening flag codes)
OBJECT = "object"  # a nested record
LIST = "list"  # a list of nested records

MAX_TEXT = 100_000  # characters in one string: ten times the longest note anyone types
MAX_SHORT_LIST = 200  # answers (MHT has 100), flags, scale scores
MAX_RECORDS = 20_000  # records in one section: a file with 300 sessions is already exceptional
MAX_CHILDREN = 1_000  # measures of a plan, amendments of a session, events of a referral
MAX_INT = 2**31 - 1
MAX_SCORE = 1_000  # an answer, a scale score: single or double digits in every instrument
DATE_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)
DATETIME_FORMAT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\Z", re.ASCII)

# Tables whose rows carry ``origin`` (the sending school and the sender's id): the importer skips
# a record whose origin is already in the file. Child rows of other tables come with their parent.
ORIGIN_TABLES = frozenset(
    {
        "students",
        "closures",
        "consents",
        "documents",
        "leaves",
        "returns",
        "parent_contacts",
        "plans",
        "screening_results",
        "screening_batches",
        "sessions",
        "tier_changes",
        "concerns",
        "notification_tasks",
        "referrals",
    }
)


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    nullable: bool = False
    column: str = ""  # the table column when it is not ``name``
    choices: tuple[object, ...] = ()
    low: int = 0
    high: int = MAX_INT
    target: str = ""  # REF: the section whose ids it names
    record: Record | None = None  # OBJECT and LIST
    max_items: int = MAX_SHORT_LIST

    @property
    def source(self) -> str:
        return self.column or self.name


@dataclass(frozen=True)
class Record:
    """The fields of one record; ``table`` is the vault table it is read from and written to."""

    table: str
    fields: tuple[Field, ...]

    @property
    def has_origin(self) -> bool:
        return self.table in ORIGIN_TABLES

    @property
    def authors(self) -> tuple[Field, ...]:
        """Author fields; the first is the origin's "by", others are kept under their name."""
        return tuple(field for field in self.fields if field.kind == AUTHOR)

    @property
    def children(self) -> tuple[Field, ...]:
        return tuple(field for field in self.fields if field.kind == LIST)


def id_field() -> Field:
    return Field("id", INT, low=1, high=2**63 - 1)


def text(name: str, nullable: bool = False) -> Field:
    return Field(name, TEXT, nullable)


def whole(name: str, low: int = 0, high: int = MAX_INT, nullable: bool = False) -> Field:
    return Field(name, INT, nullable, low=low, high=high)


def day(name: str, nullable: bool = False) -> Field:
    return Field(name, DATE, nullable)


def moment(name: str, nullable: bool = False) -> Field:
    return Field(name, DATETIME, nullable)


def choice(name: str, choices: tuple[object, ...], nullable: bool = False) -> Field:
    return Field(name, CHOICE, nullable, choices=choices)


def author(name: str, nullable: bool = False) -> Field:
    return Field(name, AUTHOR, nullable, column=name + "_id")


def ref(name: str, target: str) -> Field:
    return Field(name, REF, True, column=name + "_id", target=target)


def children(name: str, record: Record, max_items: int = MAX_CHILDREN) -> Field:
    return Field(name, LIST, record=record, max_items=max_items)


# What a value of each kind may be.


def encodable(value: str) -> bool:
    """False for a lone surrogate ("\\ud800" is valid JSON): the vault stores UTF-8."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_date(value: object) -> bool:
    if not isinstance(value, str) or not DATE_FORMAT.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_datetime(value: object) -> bool:
    if not isinstance(value, str) or not DATETIME_FORMAT.match(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


# Quick tests of a whole value, one per field (accepts), for the schema check's fast path: each
# passes a value only if the full check (transfer/student_schema.py) would, which then names
# what is wrong with a value they do not pass. tests/unit/test_student_schema.py holds the whole
# check to an oracle of its own.

Accepts = Callable[[object], bool]


def _is_text(value: object) -> bool:
    if type(value) is not str or len(value) > MAX_TEXT:
        return False
    if value.isascii():
        return True
    try:  # encodable(), written out: a third of a school's values are text
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_bool(value: object) -> bool:
    return value is True or value is False


def _whole_from(low: int, high: int) -> Accepts:
    return lambda value: type(value) is int and low <= value <= high


def _one_of(choices: tuple[object, ...]) -> Accepts:
    types = frozenset(type(choice) for choice in choices)
    typed = frozenset((type(choice), choice) for choice in choices)  # True is not 1
    return lambda value: type(value) in types and (type(value), value) in typed


def _scores(value: object, limit: int, nulls: bool) -> bool:
    """A list (or a map's values) of whole numbers from 0 to MAX_SCORE, nulls if allowed."""
    assert isinstance(value, (list, dict))
    numbers = list(value.values()) if isinstance(value, dict) else value
    if len(numbers) > limit:
        return False
    types = set(map(type, numbers))
    if nulls and type(None) in types:
        types.discard(type(None))
        numbers = [number for number in numbers if number is not None]
    return types <= {int} and (not numbers or (min(numbers) >= 0 and max(numbers) <= MAX_SCORE))


def accepts(field: Field) -> Accepts | None:
    kind, limit = field.kind, field.max_items
    if kind in (TEXT, AUTHOR):
        return _is_text
    if kind == INT:
        return _whole_from(field.low, field.high)
    if kind == BOOL:
        return _is_bool
    if kind == DATE:
        return is_date
    if kind == DATETIME:
        return is_datetime
    if kind == CHOICE:
        return _one_of(field.choices)
    if kind == INT_LIST:
        return lambda value: type(value) is list and _scores(value, limit, True)
    if kind == INT_MAP:
        return lambda value: (
            type(value) is dict and all(map(_is_text, value)) and _scores(value, limit, False)
        )
    if kind == TEXT_LIST:
        return lambda value: (
            type(value) is list and len(value) <= limit and all(map(_is_text, value))
        )
    return None  # REF, OBJECT, LIST: the full check keeps their ids and references
