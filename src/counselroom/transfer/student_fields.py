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

from dataclasses import dataclass

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
