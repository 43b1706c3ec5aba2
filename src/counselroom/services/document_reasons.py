"""Why a student's file cannot give a document: one rule set, reasons as templates.

The 文书 tab greys an option with the reason, the CLI refuses a kind with it, a batch lists the
students it left out with it. A reason is an English :class:`Reason` (a ``str``, so the CLI and
the services' messages use it as they are) that also keeps its QT_TRANSLATE_NOOP template and
data, so the window shows it in Chinese (decision 54's templates, ui/problem_text.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counselroom.domain.errors import QT_TRANSLATE_NOOP, fill
from counselroom.domain.tiers import RecipientRole

if TYPE_CHECKING:
    from counselroom.services.document_options import DocumentRequest, FileFacts

__all__ = ["VIEWER_REASON", "Reason", "internal_roles", "why_not"]


class Reason(str):
    """English text, plus the template and data it was filled from; "" means no reason."""

    template: str
    args: tuple[str, ...]

    def __new__(cls, template: str = "", *args: object) -> Reason:
        texts = tuple(str(arg) for arg in args)
        made = super().__new__(cls, fill(template, *texts))
        made.template = template
        made.args = texts
        return made


NONE = Reason()
VIEWER_REASON = Reason(QT_TRANSLATE_NOOP("problems", "printing needs a counsellor"))


def internal_roles(roles: tuple[str, ...]) -> list[str]:
    return [r for r in roles if RecipientRole(r).is_internal]


def why_not(facts: FileFacts, request: DocumentRequest) -> Reason:
    """Why ``request`` cannot be printed for this file; an empty Reason when it can."""
    kind = request.kind
    if kind == "parent-notice":
        if facts.tier == 0:
            return Reason(
                QT_TRANSLATE_NOOP(
                    "problems", "the student is at tier 0: parent notices go out from tier 1"
                )
            )
        return _open_file(facts)
    if kind in ("escalation-notice", "district-report"):
        closed = _open_file(facts)
        if closed:
            return closed
        if kind == "escalation-notice":
            return _escalation(facts, request.recipient)
        if RecipientRole.DISTRICT.value not in facts.roles:
            return Reason(
                QT_TRANSLATE_NOOP(
                    "problems", "the notification list of tier %1 does not include the district"
                ),
                facts.tier,
            )
        return NONE
    if kind == "referral-letter":
        return _referral(facts, request.referral_id)
    if kind == "plan":
        return NONE if facts.plan else Reason(QT_TRANSLATE_NOOP("problems", "the file has no plan"))
    if kind == "return-assessment":
        if facts.returned:
            return NONE
        return Reason(QT_TRANSLATE_NOOP("problems", "no return from leave (复学) is recorded"))
    if facts.closure == "none":
        return Reason(QT_TRANSLATE_NOOP("problems", "the file has no closure (结案)"))
    if facts.closure == "reopened":
        return Reason(QT_TRANSLATE_NOOP("problems", "the file was reopened after its last closure"))
    return NONE


def _open_file(facts: FileFacts) -> Reason:
    if facts.file_state == "none":
        return Reason(QT_TRANSLATE_NOOP("problems", "the student has no file (一生一策 档案)"))
    if facts.file_state == "closed":
        return Reason(QT_TRANSLATE_NOOP("problems", "the file is closed (结案)"))
    return NONE


def _escalation(facts: FileFacts, recipient: str | None) -> Reason:
    if recipient is None:
        if internal_roles(facts.roles):
            return NONE
        return Reason(
            QT_TRANSLATE_NOOP("problems", "the notification list of tier %1 names no school staff"),
            facts.tier,
        )
    role = RecipientRole.from_code(recipient)
    if role == RecipientRole.GUARDIAN:
        return Reason(
            QT_TRANSLATE_NOOP(
                "problems", "the guardian is told by the parent notice (parent-notice)"
            )
        )
    if role == RecipientRole.DISTRICT:
        return Reason(
            QT_TRANSLATE_NOOP(
                "problems", "the district is told by the district report (district-report)"
            )
        )
    if role.value not in facts.roles:
        return Reason(
            QT_TRANSLATE_NOOP("problems", "the notification list of tier %1 does not include %2"),
            facts.tier,
            role.label_zh,
        )
    return NONE


def _referral(facts: FileFacts, referral_id: int | None) -> Reason:
    if referral_id is None:
        if facts.referrals:
            return NONE
        return Reason(
            QT_TRANSLATE_NOOP("problems", "the file has no referral that was not withdrawn")
        )
    if referral_id in facts.withdrawn:
        return Reason(QT_TRANSLATE_NOOP("problems", "referral %1 was withdrawn"), referral_id)
    if all(ref[0] != referral_id for ref in facts.referrals):
        return Reason(
            QT_TRANSLATE_NOOP("problems", "referral %1 is not one of this student's"),
            referral_id,
        )
    return NONE
