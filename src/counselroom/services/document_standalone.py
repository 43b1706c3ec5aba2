"""Printed documents about no student: a care group's 台账, the vault's recovery sheet, and a
template's wording on fictional data (the template editor's preview).

They are apart from documents.py, which prints from one student's file: none of these reads a
file or is offered on the 文书 tab. services.documents re-exports them.
"""

from __future__ import annotations

from counselroom.documents.data import Issue, RecoverySheetData, SchoolCardInfo, SchoolInfo
from counselroom.documents.kinds import build, sample_document
from counselroom.documents.templates import DEFAULT_TEMPLATES
from counselroom.services import document_data as facts_of
from counselroom.services.checks import choice
from counselroom.services.context import Context
from counselroom.services.document_building import package, worded
from counselroom.services.document_fonts import document_fonts
from counselroom.services.document_numbers import RenderedDocument, next_numbers
from counselroom.services.localtime import local_today, to_local
from counselroom.services.roles import Permission
from counselroom.services.school_identity import school_card
from counselroom.storage.base import utcnow
from counselroom.storage.models.choices import CARE_GROUP_CODES

__all__ = ["printed_school_card", "render_ledger", "render_recovery_sheet", "render_sample"]


def render_ledger(ctx: Context, group: str) -> RenderedDocument:
    """The 台账 of a care group on paper (names on paper: EXPORT); record it like any other."""
    ctx.require(Permission.EXPORT)
    code = choice(group, CARE_GROUP_CODES, "group")
    fonts = document_fonts()
    with ctx.vault.write() as session:
        (number,) = next_numbers(session, local_today().year, 1)
        data = facts_of.ledger_data(session, code, facts_of.issue_for(ctx, session, number))
        rendered = package([worded(session, data)], "ledger", [None], fonts)
        ctx.audit(
            session,
            "document.preview",
            detail=f"kind=ledger group={code} rows={len(data.lines)}",
        )
    return rendered


def printed_school_card(ctx: Context) -> SchoolCardInfo:
    """This school's card as the recovery sheet prints it (on a page of its own)."""
    card = school_card(ctx)
    return SchoolCardInfo(
        name=card.name,
        code=card.code,
        district=card.district,
        age_recipient=card.age_recipient,
        signing_public_hex=card.signing_public_hex,
        fingerprint=card.spoken_fingerprint,
        qr_payload=card.qr_payload,
    )


def render_recovery_sheet(
    school_name: str,
    vault_id: str,
    recovery_code: str,
    admin: str,
    printed_by: str,
    card: SchoolCardInfo | None = None,
) -> bytes:
    """The recovery sheet shown once at creation; the code is never recorded or audited, and
    the sheet carries the built-in wording (no vault is open to read another from)."""
    now = utcnow()
    data = RecoverySheetData(
        school=SchoolInfo(name=school_name),
        issue=Issue(number="", on=to_local(now).date(), at=to_local(now), by=printed_by),
        vault_id=vault_id,
        recovery_code=recovery_code,
        admin=admin,
        card=card,
    )
    document = build(data, DEFAULT_TEMPLATES["recovery-sheet"], template_version=0)
    from counselroom.documents.render import render  # reportlab: only once a sheet is made

    return render(document, document_fonts()).pdf


def render_sample(key: str, parts: dict[str, str]) -> RenderedDocument:
    """A template's wording on fictional data (doc_templates.preview_template)."""
    document = sample_document(key, parts)
    return package([document], key, [None], document_fonts())
