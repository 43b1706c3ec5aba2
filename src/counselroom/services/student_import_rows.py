"""One record of a student document → the column values of a new row, and its origin text.

Authors: user accounts never cross schools, so a NOT NULL author column is set to the importing
account and the sender's name is kept in the row's ``origin``; a nullable one (who did a
notification, who reopened a closure) is left empty rather than credited to someone who did not
do it. Child rows without an origin column (amendments, break-glass records, referral events)
keep their authors in the parent's origin, as a list in the sender's order.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from counselroom.transfer.student_fields import (
    AUTHOR,
    BOOL,
    DATE,
    DATETIME,
    INT_LIST,
    INT_MAP,
    LIST,
    OBJECT,
    REF,
    TEXT_LIST,
    Field,
    Record,
)

Item = Mapping[str, Any]  # one checked record of a document


@dataclass(frozen=True)
class _Shape:
    """What the importer needs of a record, worked out once: Record's properties are computed
    on every access, and an archive has tens of thousands of records."""

    record: Record
    columns: tuple[tuple[str, str, str, bool, str], ...]  # name, column, kind, nullable, target
    authors: tuple[Field, ...]
    children: tuple[Field, ...]
    child_authors: tuple[tuple[str, str], ...]  # list field, its records' author field
    # (children without an origin of their own: their authors go into the parent's)


_SHAPES: dict[int, _Shape] = {}


def shape(record: Record) -> _Shape:
    found = _SHAPES.get(id(record))
    if found is not None and found.record is record:
        return found
    columns = tuple(
        (field.name, field.source, field.kind, field.nullable, field.target)
        for field in record.fields
        if field.name != "id" and field.kind not in (LIST, OBJECT)
    )
    child_authors = []
    for field in record.children:
        child = field.record
        assert child is not None
        if not child.has_origin and child.authors:
            child_authors.append((field.name, child.authors[0].name))
    made = _SHAPES[id(record)] = _Shape(
        record, columns, record.authors, record.children, tuple(child_authors)
    )
    return made


def origin_text(record: Record, item: Item, sender: str) -> str:
    """``{"by", "id", "school", "table"}`` plus the names no column can keep (see module)."""
    known = shape(record)
    authors = known.authors
    data: dict[str, object] = {
        "by": item[authors[0].name] if authors else None,
        "id": item["id"],
        "school": sender,
        "table": record.table,
    }
    for field in authors[1:]:
        if item[field.name] is not None:
            data[field.name] = item[field.name]
    for name, author in known.child_authors:
        if item[name]:
            data[name] = [entry[author] for entry in item[name]]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def origin_key(text: str | None, sender: str, table: str) -> int | None:
    """The sender's id if ``text`` is an origin from ``sender``'s ``table``, else None."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("school") != sender or data.get("table") != table:
        return None
    identity = data.get("id")
    return identity if type(identity) is int else None


def column_values(
    record: Record, item: Item, user_id: int, refs: Mapping[str, Mapping[int, int]]
) -> dict[str, object]:
    """Columns of the new row, except ids of its owner and of OBJECT fields (the caller's).

    ``refs``: section → sender id → local id, for REF fields.
    """
    values: dict[str, object] = {}
    for name, source, kind, nullable, target in shape(record).columns:
        value = item[name]
        if kind == AUTHOR:
            values[source] = None if nullable else user_id
        elif value is None:
            values[source] = None
        elif kind == DATE:
            values[source] = date.fromisoformat(value)
        elif kind == DATETIME:
            values[source] = datetime.fromisoformat(value)
        elif kind == REF:
            values[source] = refs[target][value]
        elif kind == BOOL:
            values[source] = bool(value)
        elif kind in _JSON_KINDS:
            values[source] = json.dumps(value)  # as the screening import writes it
        else:
            values[source] = value
    return values


_JSON_KINDS = frozenset({INT_LIST, INT_MAP, TEXT_LIST})


def count_records(record: Record, item: Item) -> int:
    """The rows ``item`` becomes: itself and its children, at every depth."""
    total = 1
    for field in shape(record).children:
        assert field.record is not None
        total += sum(count_records(field.record, child) for child in item[field.name])
    return total
