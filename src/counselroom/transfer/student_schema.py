"""The schema check of a student document: every field's type, presence, range and format.

A transfer archive is signed by a trusted school, but a bug in the sender's program or a
hand-edited document must still never reach the vault: one document that does not fit refuses
the whole archive, and the message names the member and the path of the first wrong value
("students/0003.json: sessions[2].started_at: expected a date-time (YYYY-MM-DDTHH:MM:SS)").
Unknown keys are refused too, so a newer format is never half read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from counselroom.domain.errors import QT_TRANSLATE_NOOP
from counselroom.transfer.errors import SCHEMA, ArchiveError
from counselroom.transfer.errors import VERSION as VERSION_CHECK
from counselroom.transfer.student_fields import (
    AUTHOR,
    BOOL,
    CHOICE,
    DATE,
    DATETIME,
    INT,
    INT_LIST,
    INT_MAP,
    LIST,
    MAX_RECORDS,
    MAX_SCORE,
    MAX_TEXT,
    OBJECT,
    REF,
    TEXT,
    TEXT_LIST,
    Accepts,
    Field,
    Record,
    accepts,
    encodable,
    is_date,
    is_datetime,
)
from counselroom.transfer.student_records import DOCUMENT_KEYS, SECTIONS, STUDENT

FORMAT = "counselroom-student"
VERSION = 1

NOT_AN_OBJECT = QT_TRANSLATE_NOOP("problems", "%1: %2: expected an object")
NOT_A_LIST = QT_TRANSLATE_NOOP("problems", "%1: %2: expected a list")
MISSING = QT_TRANSLATE_NOOP("problems", "%1: %2: missing")
UNKNOWN_KEY = QT_TRANSLATE_NOOP("problems", "%1: %2: unknown key")
NOT_NULL = QT_TRANSLATE_NOOP("problems", "%1: %2: must not be null")
NOT_TEXT = QT_TRANSLATE_NOOP("problems", "%1: %2: expected text")
TOO_LONG = QT_TRANSLATE_NOOP("problems", "%1: %2: text longer than %3 characters")
TOO_MANY = QT_TRANSLATE_NOOP("problems", "%1: %2: more than %3 entries")
NOT_INT = QT_TRANSLATE_NOOP("problems", "%1: %2: expected a whole number")
OUT_OF_RANGE = QT_TRANSLATE_NOOP("problems", "%1: %2: expected a number from %3 to %4")
NOT_BOOL = QT_TRANSLATE_NOOP("problems", "%1: %2: expected true or false")
NOT_DATE = QT_TRANSLATE_NOOP("problems", "%1: %2: expected a date (YYYY-MM-DD)")
NOT_DATETIME = QT_TRANSLATE_NOOP("problems", "%1: %2: expected a date-time (YYYY-MM-DDTHH:MM:SS)")
NOT_A_CHOICE = QT_TRANSLATE_NOOP("problems", "%1: %2: expected one of %3")
DUPLICATE_ID = QT_TRANSLATE_NOOP("problems", "%1: %2: id %3 is used twice in %4")
UNKNOWN_REF = QT_TRANSLATE_NOOP("problems", "%1: %2: no record with id %3 in %4")
DUPLICATE_VERSION = QT_TRANSLATE_NOOP("problems", "%1: %2: plan version %3 is used twice")
WRONG_FORMAT = QT_TRANSLATE_NOOP("problems", "%1: not a CounselRoom student document")
WRONG_VERSION = QT_TRANSLATE_NOOP(
    "problems", "%1: student document version %2, this program reads version %3"
)


def check_student_document(obj: object, member: str) -> None:
    """Raise :class:`ArchiveError` (check SCHEMA, or VERSION for another format or version) at
    the first value of ``obj`` that does not fit format "counselroom-student" version 1."""
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        raise ArchiveError(VERSION_CHECK, WRONG_FORMAT, member)
    version = obj.get("version")
    if type(version) is not int or version != VERSION:
        raise ArchiveError(VERSION_CHECK, WRONG_VERSION, member, version, VERSION)
    _Checker(member).document(obj)


@dataclass(frozen=True)
class _Plan:
    """How to check one record at one place of the document, worked out once at import: a
    whole school is a quarter of a million values, so nothing per value is decided twice."""

    section: str  # where its ids are counted: "sessions", "sessions.amendments"
    names: tuple[str, ...]
    keys: frozenset[str]
    # (name, nullable, field, a quick test that passes only values the full check passes —
    # None for the fields that need the full check: references, nested records — its plan)
    fields: tuple[tuple[str, bool, Field, Accepts | None, _Plan | None], ...]

    @classmethod
    def of(cls, record: Record, section: str) -> _Plan:
        fields = tuple(
            (
                field.name,
                field.nullable,
                field,
                accepts(field),
                None if field.record is None else cls.of(field.record, f"{section}.{field.name}"),
            )
            for field in record.fields
        )
        names = tuple(field.name for field in record.fields)
        return cls(section, names, frozenset(names), fields)


class _Checker:
    def __init__(self, member: str) -> None:
        self.member = member
        # section path ("sessions.amendments") -> ids seen, for duplicates and references
        self.ids: dict[str, set[int]] = {}
        self.refs: list[tuple[str, str, int]] = []  # (path, target section, id)

    def fail(self, template: str, path: str, *args: object) -> ArchiveError:
        return ArchiveError(SCHEMA, template, self.member, path, *args)

    def document(self, obj: dict[str, object]) -> None:
        self.keys(obj, DOCUMENT_KEYS, "")
        self.record(obj["student"], _STUDENT, "student")
        for name, plan in _SECTIONS:
            self.records(obj[name], plan, name, MAX_RECORDS)
        self.plan_versions(obj["plans"])
        for path, target, value in self.refs:
            if value not in self.ids.get(target, set()):
                raise self.fail(UNKNOWN_REF, path, value, target)

    def plan_versions(self, plans: object) -> None:
        """A student's plan versions are unique (the vault's constraint): a document with one
        version twice is refused here, not by a database error halfway through the import."""
        seen: set[object] = set()
        for index, plan in enumerate(plans if isinstance(plans, list) else []):
            version = plan.get("version") if isinstance(plan, dict) else None
            if version in seen:
                raise self.fail(DUPLICATE_VERSION, f"plans[{index}].version", version)
            seen.add(version)

    def keys(self, obj: Mapping[str, object], expected: tuple[str, ...], path: str) -> None:
        for key in obj:
            if key not in expected:
                raise self.fail(UNKNOWN_KEY, _join(path, str(key)))
        for key in expected:
            if key not in obj:
                raise self.fail(MISSING, _join(path, key))

    def records(self, obj: object, plan: _Plan, path: str, limit: int) -> None:
        if not isinstance(obj, list):
            raise self.fail(NOT_A_LIST, path)
        if len(obj) > limit:
            raise self.fail(TOO_MANY, path, limit)
        for index, item in enumerate(obj):
            here = f"{path}[{index}]"
            self.record(item, plan, here)
            assert isinstance(item, dict)  # checked by record()
            self.unique(item["id"], plan.section, here)  # every listed record has one

    def unique(self, identity: object, section: str, path: str) -> None:
        seen = self.ids.setdefault(section, set())
        if identity in seen:
            raise self.fail(DUPLICATE_ID, _join(path, "id"), identity, section)
        assert isinstance(identity, int)
        seen.add(identity)

    def record(self, obj: object, plan: _Plan, path: str) -> None:
        if not isinstance(obj, dict):
            raise self.fail(NOT_AN_OBJECT, path)
        if obj.keys() != plan.keys:  # then keys() finds the first unknown or missing one
            self.keys(obj, plan.names, path)
        for name, nullable, field, quick, nested in plan.fields:
            value = obj[name]
            if value is None:
                if not nullable:
                    raise self.fail(NOT_NULL, _join(path, name))
            elif quick is None or not quick(value):  # the full check names what is wrong
                self.value(value, field, _join(path, name), nested)

    def value(self, value: object, field: Field, path: str, nested: _Plan | None) -> None:
        kind = field.kind
        if kind in (TEXT, AUTHOR):
            self.text(value, path)
        elif kind == INT:
            self.whole(value, path, field.low, field.high)
        elif kind == BOOL:
            if not isinstance(value, bool):
                raise self.fail(NOT_BOOL, path)
        elif kind == DATE:
            if not is_date(value):
                raise self.fail(NOT_DATE, path)
        elif kind == DATETIME:
            if not is_datetime(value):
                raise self.fail(NOT_DATETIME, path)
        elif kind == CHOICE:
            if not any(type(value) is type(c) and value == c for c in field.choices):
                raise self.fail(NOT_A_CHOICE, path, ", ".join(map(str, field.choices)))
        elif kind == REF:
            self.whole(value, path, 1, 2**63 - 1)
            assert isinstance(value, int)
            self.refs.append((path, field.target, value))
        elif kind in (INT_LIST, TEXT_LIST, INT_MAP):
            self.short_collection(value, field, path)
        elif kind == OBJECT:
            assert nested is not None
            self.record(value, nested, path)
            if isinstance(value, dict) and "id" in value:  # a batch: one result per batch
                self.unique(value["id"], nested.section, path)
        elif kind == LIST:
            assert nested is not None
            self.records(value, nested, path, field.max_items)
        else:  # pragma: no cover - a kind added to student_fields and not here
            raise AssertionError(f"unknown field kind {kind!r}")

    def short_collection(self, value: object, field: Field, path: str) -> None:
        if field.kind == INT_MAP:
            if not isinstance(value, dict):
                raise self.fail(NOT_AN_OBJECT, path)
            items = list(value.items())
        elif not isinstance(value, list):
            raise self.fail(NOT_A_LIST, path)
        else:
            items = list(enumerate(value))
        if len(items) > field.max_items:
            raise self.fail(TOO_MANY, path, field.max_items)
        for key, item in items:
            here = f"{path}[{key}]" if isinstance(key, int) else _join(path, key)
            if field.kind == INT_MAP:
                self.text(key, _join(path, str(key)))
            if field.kind == TEXT_LIST:
                self.text(item, here)
            elif not (field.kind == INT_LIST and item is None):
                self.whole(item, here, 0, MAX_SCORE)

    def text(self, value: object, path: str) -> None:
        if not isinstance(value, str) or not encodable(value):
            raise self.fail(NOT_TEXT, path)
        if len(value) > MAX_TEXT:
            raise self.fail(TOO_LONG, path, MAX_TEXT)

    def whole(self, value: object, path: str, low: int, high: int) -> None:
        if type(value) is not int:
            raise self.fail(NOT_INT, path)
        if not low <= value <= high:
            raise self.fail(OUT_OF_RANGE, path, low, high)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_STUDENT = _Plan.of(STUDENT, "students")
_SECTIONS = tuple((name, _Plan.of(record, name)) for name, record in SECTIONS)
