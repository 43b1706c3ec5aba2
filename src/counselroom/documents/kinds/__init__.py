"""Kind builders: a data DTO (documents/data.py) and checked template parts → a Document.

One module per kind; each has ``key(data)`` (the template it prints with), ``values(data)``
(every placeholder of that key) and ``build(data, parts, template_version)``. This package
dispatches on the DTO's type, so the services hand over whatever they gathered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from counselroom.documents.data import (
    ClosureReportData,
    EscalationData,
    LedgerData,
    ParentNoticeData,
    PlanData,
    RecoverySheetData,
    ReferralLetterData,
    ReturnAssessmentData,
    TransferLetterData,
)
from counselroom.documents.kinds import (
    closure_report,
    escalation,
    ledger,
    parent_notice,
    plan,
    recovery_sheet,
    referral_letter,
    return_assessment,
    transfer_letter,
)
from counselroom.documents.kinds.samples import Sample, sample_data
from counselroom.documents.model import Document
from counselroom.documents.templates import check_template

__all__ = ["Sample", "build", "sample_document", "template_key_for", "template_values"]


class _Kind(NamedTuple):
    key: Callable[[Any], str]
    values: Callable[[Any], dict[str, str]]
    build: Callable[[Any, Mapping[str, str], int | None], Document]


def _kind(module: Any) -> _Kind:
    return _Kind(module.key, module.values, module.build)


_KINDS: dict[type, _Kind] = {
    ParentNoticeData: _kind(parent_notice),
    EscalationData: _kind(escalation),
    ReferralLetterData: _kind(referral_letter),
    PlanData: _kind(plan),
    ReturnAssessmentData: _kind(return_assessment),
    ClosureReportData: _kind(closure_report),
    LedgerData: _kind(ledger),
    RecoverySheetData: _kind(recovery_sheet),
    TransferLetterData: _kind(transfer_letter),
}


def _for(data: Sample) -> _Kind:
    kind = _KINDS.get(type(data))
    if kind is None:
        raise TypeError(f"no document kind prints {type(data).__name__}")
    return kind


def template_key_for(data: Sample) -> str:
    """The template key ``data`` prints with, e.g. "parent-notice-2" or "district-report"."""
    return _for(data).key(data)


def template_values(data: Sample) -> dict[str, str]:
    """Every placeholder of the data's template key, as the kind fills it in."""
    return _for(data).values(data)


def build(data: Sample, parts: Mapping[str, str], *, template_version: int | None) -> Document:
    """The document for ``data`` worded by ``parts`` (already checked with check_template for
    ``template_key_for(data)``); ``template_version`` is recorded on the document."""
    return _for(data).build(data, parts, template_version)


def sample_document(key: str, parts: Mapping[str, str]) -> Document:
    """The template editor's live preview: ``parts`` (checked here, TemplateError when wrong)
    filled with fictional data; ``template_version`` is None."""
    checked = check_template(key, parts)
    return build(sample_data(key), checked, template_version=None)
