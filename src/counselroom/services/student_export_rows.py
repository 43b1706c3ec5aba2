"""One stored row → one record of a student document, field by field (transfer/student_fields).

Authors: a record that came from another school is exported with the author its origin names
(the person who wrote it there, not the account that imported it here); a local record with
the display name of its user. Child rows that have no origin of their own (a session's
amendments, a referral's events) find their authors in the parent's origin, by position: the
importer inserts them in the sender's order, so the first n of them by id are the imported ones.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
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
    TEXT_LIST,
    Field,
    Record,
)

Row = Mapping[Any, Any]  # a SQLAlchemy RowMapping: column name → value
Document = dict[str, object]


def parse_origin(text: str | None) -> dict[str, Any] | None:
    """The origin of a row as a dict, or None for a local row (or one we cannot read)."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def origin_authors(record: Record, origin: Mapping[str, Any] | None) -> dict[str, str]:
    """Author field → the name the origin keeps for it (first author under "by")."""
    if origin is None:
        return {}
    names: dict[str, str] = {}
    for index, field in enumerate(record.authors):
        name = origin.get("by" if index == 0 else field.name)
        if isinstance(name, str):
            names[field.name] = name
    return names


def child_authors(origin: Mapping[str, Any] | None, section: str) -> Sequence[object]:
    """Authors of the imported children of one list (by position), from the parent's origin."""
    names = origin.get(section) if origin is not None else None
    return names if isinstance(names, list) else ()


def export_record(
    record: Record,
    row: Row,
    users: Mapping[int, str],
    overrides: Mapping[str, object],
) -> Document:
    """The record's fields from ``row``, or from ``overrides`` (an author the origin names);
    LIST and OBJECT fields are left for the caller."""
    out: Document = {}
    for field in record.fields:
        if field.name in overrides:
            out[field.name] = overrides[field.name]
            continue
        if field.kind in (LIST, OBJECT):
            continue
        out[field.name] = export_value(field, row[field.source], users)
    return out


def export_value(field: Field, value: Any, users: Mapping[int, str]) -> object:
    if value is None:
        return None
    kind = field.kind
    if kind == AUTHOR:
        return users.get(value)
    if kind == DATE:
        assert isinstance(value, date)
        return value.isoformat()
    if kind == DATETIME:
        assert isinstance(value, datetime)
        return value.isoformat()
    if kind == BOOL:
        return bool(value)
    if kind in (INT_LIST, INT_MAP, TEXT_LIST):
        return json.loads(value)
    return value  # TEXT, INT, CHOICE and REF (the referenced record's id is its document id)


def ordered_children(
    record: Record, rows: Sequence[Row], users: Mapping[int, str], names: Sequence[object]
) -> list[Document]:
    """Child records in document order, their authors taken from ``names`` by id position."""
    by_id = sorted(rows, key=lambda row: row["id"])
    author = record.authors[0].name if record.authors else None
    imported = {
        row["id"]: name for row, name in zip(by_id, names, strict=False) if isinstance(name, str)
    }
    out = []
    for row in rows:
        overrides = {author: imported[row["id"]]} if author and row["id"] in imported else {}
        out.append(export_record(record, row, users, overrides))
    return out
