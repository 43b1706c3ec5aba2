"""The school's wording of its documents: versioned in the vault, edited by administrators.

Each save adds a NoticeTemplate row (``kind`` holds the template key, ``body`` the parts as a
JSON object) with the next version number; nothing is overwritten, so the wording a past paper
was printed with can be read back by the version its log entry names. Version 0 is the
built-in wording (documents/templates.py) and is never stored. Saving needs EDIT_POLICY, checks
the parts (placeholders, braces, parts present), refuses when someone saved meanwhile
(StaleRecordError) and is audited "template.save" with the key and the version only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from counselroom.documents.templates import (
    DEFAULT_TEMPLATES,
    TEMPLATE_SPECS,
    TemplateError,
    TemplateSpec,
    check_template,
)
from counselroom.domain.errors import StaleRecordError, ValidationError
from counselroom.services.context import Context
from counselroom.services.localtime import to_local
from counselroom.services.roles import Permission
from counselroom.storage.models import NoticeTemplate, User

if TYPE_CHECKING:
    from counselroom.services.document_numbers import RenderedDocument

__all__ = [
    "TemplateVersion",
    "current_template",
    "preview_template",
    "save_template",
    "template_history",
    "template_in",
    "template_specs",
]


@dataclass(frozen=True)
class TemplateVersion:
    key: str
    version: int  # 0 = the built-in default (never stored)
    parts: Mapping[str, str]
    created_at: datetime | None
    created_by: str
    note: str


def template_specs() -> list[TemplateSpec]:
    """Every editable template, in the order the editor lists them."""
    return list(TEMPLATE_SPECS.values())


def _key(key: object) -> str:
    if not isinstance(key, str) or key not in TEMPLATE_SPECS:
        raise ValidationError(f"unknown template {key!r}", field="key")
    return key


def _default(key: str) -> TemplateVersion:
    parts = check_template(key, DEFAULT_TEMPLATES[key])  # normalised as a save would be
    return TemplateVersion(key, 0, MappingProxyType(parts), None, "", "")


def _rows(session: Session, key: str) -> list[tuple[NoticeTemplate, str]]:
    return [
        (row, str(name or ""))
        for row, name in session.execute(
            select(NoticeTemplate, User.display_name)
            .outerjoin(User, NoticeTemplate.created_by_id == User.id)
            .where(NoticeTemplate.kind == key)
            .order_by(NoticeTemplate.version.desc())
        )
    ]


def _parsed(row: NoticeTemplate) -> dict[str, str]:
    """The stored parts; a part the program added since the save takes the built-in text."""
    where = f"template {row.kind} version {row.version}"
    try:
        value = json.loads(row.body)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"stored wording is not valid JSON ({exc.msg})", record=where
        ) from None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ValidationError("stored wording is not an object of texts", record=where)
    spec = TEMPLATE_SPECS[row.kind]
    parts = {part: value.get(part, DEFAULT_TEMPLATES[row.kind][part]) for part in spec.parts}
    try:
        return check_template(row.kind, parts)
    except TemplateError as exc:
        raise ValidationError(
            f"the saved wording no longer fits this version of the program ({exc}); an "
            "administrator must open it in the template editor and save it again",
            record=where,
        ) from None


def _version(row: NoticeTemplate, by: str) -> TemplateVersion:
    return TemplateVersion(
        key=row.kind,
        version=row.version,
        parts=MappingProxyType(_parsed(row)),
        created_at=to_local(row.created_at),
        created_by=by,
        note=row.note,
    )


def template_in(session: Session, key: str) -> TemplateVersion:
    """The wording in force, inside the caller's transaction (renders use it)."""
    key = _key(key)
    row = session.scalars(
        select(NoticeTemplate)
        .where(NoticeTemplate.kind == key)
        .order_by(NoticeTemplate.version.desc())
        .limit(1)
    ).first()
    return _default(key) if row is None else _version(row, "")


def current_template(ctx: Context, key: str) -> TemplateVersion:
    ctx.require(Permission.LIST_STUDENTS)
    key = _key(key)
    with ctx.vault.read() as session:
        rows = _rows(session, key)
        return _version(*rows[0]) if rows else _default(key)


def template_history(ctx: Context, key: str) -> list[TemplateVersion]:
    """Every saved version, newest first, ending with the built-in wording (version 0)."""
    ctx.require(Permission.LIST_STUDENTS)
    key = _key(key)
    with ctx.vault.read() as session:
        return [*(_version(row, by) for row, by in _rows(session, key)), _default(key)]


def save_template(
    ctx: Context, key: str, parts: Mapping[str, str], *, note: str, expected_version: int
) -> TemplateVersion:
    """Save ``parts`` as the next version of ``key``; ``expected_version`` is the version the
    editor was filled from. Wording equal to the current one writes nothing."""
    ctx.require(Permission.EDIT_POLICY)
    key = _key(key)
    if isinstance(expected_version, bool) or not isinstance(expected_version, int):
        raise ValidationError(
            f"must be a version number (got {expected_version!r})", field="version"
        )
    if not isinstance(note, str):
        raise ValidationError("must be text", field="note")
    checked = check_template(key, parts)
    with ctx.vault.write() as session:
        rows = _rows(session, key)
        current = _version(*rows[0]) if rows else _default(key)
        if current.version != expected_version:
            saved = (
                f"version {current.version} was saved by {current.created_by} at "
                f"{current.created_at:%Y-%m-%d %H:%M}"
                if current.created_at is not None
                else f"only version {current.version} exists"
            )
            raise StaleRecordError(
                f"template {key}: {saved}, but the editor was filled from version "
                f"{expected_version}; reload it and make the change again"
            )
        if dict(current.parts) == checked:
            return current
        row = NoticeTemplate(
            kind=key,
            version=current.version + 1,
            body=json.dumps(checked, ensure_ascii=False, sort_keys=True),
            created_by_id=ctx.actor.user_id,
            note=note.strip(),
        )
        session.add(row)
        session.flush()
        ctx.audit(
            session,
            "template.save",
            target=f"template:{key}",
            detail=f"key={key} version={row.version}",
        )
        return _version(row, ctx.actor.display_name)


def preview_template(key: str, parts: Mapping[str, str]) -> RenderedDocument:
    """The wording being edited on fictional sample data (the editor's live preview); raises
    TemplateError for wording that cannot be saved either."""
    from counselroom.services.documents import render_sample

    checked = check_template(key, parts)
    return render_sample(key, checked)
