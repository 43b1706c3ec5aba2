"""One stored row → one record of a student document, field by field (transfer/student_fields).

Fast for a whole school (a quarter of a million values): which column each field comes from and
how its value is written (a date as "YYYY-MM-DD", a user id as a name) is worked out once per
record, as a :class:`Layout`; a row is then read as a plain tuple in the layout's column order.

Authors: a record that came from another school is exported with the author its origin names
(the person who wrote it there, not the account that imported it here); a local record with
the display name of its user. Child rows that have no origin of their own (a session's
amendments, a referral's events) find their authors in the parent's origin, by position: the
importer inserts them in the sender's order, so the first n of them by id are the imported ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from operator import methodcaller
from typing import Any, cast

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
    Record,
)

Row = Sequence[Any]  # one result row: the layout's columns first, then the caller's own
Document = dict[str, object]
Reader = Callable[[Row], Document]

# How a stored value is written in the document, by kind of field; a kind not here (TEXT, INT,
# CHOICE, REF: the referenced record's id is its document id) is written as stored. AUTHOR is
# the users' names, known per export.
_WRITTEN: Mapping[str, Callable[[Any], object]] = {
    DATE: methodcaller("isoformat"),
    DATETIME: methodcaller("isoformat"),
    BOOL: bool,
    INT_LIST: json.loads,
    INT_MAP: json.loads,
    TEXT_LIST: json.loads,
}


@dataclass(frozen=True)
class Layout:
    """The fields of a record a row gives, in document order. LIST and OBJECT fields are the
    caller's (it appends them after these), except ``slots``: fields the caller fills in place
    (the profile's class label and head teacher), read as null."""

    names: tuple[str, ...]
    columns: tuple[str | None, ...]  # each name's column; None for a slot
    kinds: tuple[str, ...]


@cache
def layout(record: Record, slots: frozenset[str] = frozenset()) -> Layout:
    fields = [f for f in record.fields if f.name in slots or f.kind not in (LIST, OBJECT)]
    return Layout(
        names=tuple(field.name for field in fields),
        columns=tuple(None if field.name in slots else field.source for field in fields),
        kinds=tuple(field.kind for field in fields),
    )


def reader(shape: Layout, users: Mapping[int, str]) -> Reader:
    """A row (the layout's columns first, in order) → the record's document."""
    steps = tuple(
        (index, users.get if kind == AUTHOR else _WRITTEN[kind])
        for index, kind in enumerate(shape.kinds)
        if kind == AUTHOR or kind in _WRITTEN
    )
    names = shape.names

    def read(row: Row) -> Document:
        values = list(row)
        for index, write in steps:
            value = values[index]
            if value is not None:
                values[index] = write(value)
        return dict(zip(names, values, strict=False))  # the caller's columns are left out

    return read


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


def child_authors(
    grouped: Mapping[int, list[Document]],
    record: Record,
    section: str,
    parent_origins: Mapping[int, Mapping[str, Any]],
) -> None:
    """Give the imported children of each owner (records of ``record``, no origin of their own,
    listed as ``section`` in the parent) the authors their parent's origin names, in place: the
    first author field of the first len(names) of them by id, in the sender's order."""
    author = record.authors[0].name
    for owner, documents in grouped.items():
        origin = parent_origins.get(owner)
        names = origin.get(section) if origin is not None else None
        if not isinstance(names, list) or not names:
            continue
        ids = [cast(int, document["id"]) for document in documents]
        imported = {
            child: name
            for child, name in zip(sorted(ids), names, strict=False)
            if isinstance(name, str)
        }
        for child, document in zip(ids, documents, strict=True):
            if child in imported:
                document[author] = imported[child]
