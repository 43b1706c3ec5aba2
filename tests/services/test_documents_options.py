"""Which documents a file gives, per state of the file, and the reasons when it does not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from documents_support import School, make

from counselroom.domain.errors import ValidationError
from counselroom.services.closure import reopen_file
from counselroom.services.document_options import (
    STUDENT_KINDS,
    VIEWER_REASON,
    DocumentOption,
    DocumentRequest,
    check_request,
    file_facts,
    why_not,
)
from counselroom.services.documents import document_options
from counselroom.storage.models import Student


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    yield from make(tmp_path_factory.mktemp("documents-options"))


def _options(school: School, key: str) -> list[DocumentOption]:
    return document_options(school.counsellor, school.ids[key])


def _by_kind(options: list[DocumentOption], kind: str) -> list[DocumentOption]:
    return [o for o in options if o.request.kind == kind]


def _available(options: list[DocumentOption]) -> set[str]:
    return {o.request.kind for o in options if o.available}


def test_a_tier_2_file_with_plan_and_referrals(school: School) -> None:
    options = _options(school, "wang")
    assert _available(options) == {
        "parent-notice",
        "escalation-notice",
        "district-report",
        "referral-letter",
        "plan",
    }
    escalation = _by_kind(options, "escalation-notice")
    # the internal roles of tier 2's list, in policy order; not the guardian nor the district
    assert [o.request.recipient for o in escalation] == [
        "head_teacher",
        "moral_education",
        "vice_principal",
    ]
    assert escalation[0].title == "分级通报单（班主任）"
    letters = _by_kind(options, "referral-letter")
    assert [o.request.referral_id for o in letters] == [school.referrals["live"]]
    assert "市精神卫生中心" in letters[0].title
    missing = {o.request.kind: o.why_not for o in options if not o.available}
    assert missing == {
        "return-assessment": "no return from leave (复学) is recorded",
        "closure-report": "the file has no closure (结案)",
    }
    assert all(o.request.student_id == school.ids["wang"] for o in options)


def test_a_tier_1_file(school: School) -> None:
    options = _options(school, "li")
    assert [o.request.recipient for o in _by_kind(options, "escalation-notice")] == ["head_teacher"]
    district = _by_kind(options, "district-report")[0]
    assert not district.available
    assert district.why_not == "the notification list of tier 1 does not include the district"
    assert _by_kind(options, "plan")[0].why_not == "the file has no plan"
    referral = _by_kind(options, "referral-letter")
    assert len(referral) == 1 and not referral[0].available


def test_a_student_without_a_file_gets_nothing(school: School) -> None:
    options = _options(school, "zhang")
    assert _available(options) == set()
    reasons = {o.request.kind: o.why_not for o in options}
    assert reasons["parent-notice"].startswith("the student is at tier 0")
    assert reasons["escalation-notice"] == "the student has no file (一生一策 档案)"


def test_return_and_closure(school: School) -> None:
    assert "return-assessment" in _available(_options(school, "zhao"))
    closed = _options(school, "qian")
    assert _available(closed) == {"closure-report"}
    assert _by_kind(closed, "parent-notice")[0].why_not == "the file is closed (结案)"


def test_tier_3_reaches_every_internal_role(school: School) -> None:
    escalation = _by_kind(_options(school, "sun"), "escalation-notice")
    assert [o.request.recipient for o in escalation] == [
        "head_teacher",
        "subject_teachers",
        "moral_education",
        "safety_office",
        "principal",
    ]
    assert all(o.available for o in escalation)


def test_a_viewer_sees_every_kind_greyed_and_no_referral(school: School) -> None:
    options = document_options(school.viewer, school.ids["wang"])
    assert [o.request.kind for o in options] == list(STUDENT_KINDS)
    assert all(not o.available and o.why_not == VIEWER_REASON for o in options)
    assert not any("市精神卫生中心" in o.title for o in options)


def _why(school: School, key: str, request: DocumentRequest) -> str:
    with school.admin.vault.read() as s:
        student = s.get(Student, school.ids[key])
        assert student is not None
        return why_not(file_facts(s, student), request)


def test_explicit_requests_are_checked_against_the_file(school: School) -> None:
    sid = school.ids["wang"]
    assert _why(school, "wang", DocumentRequest("escalation-notice", sid, "guardian")) == (
        "the guardian is told by the parent notice (parent-notice)"
    )
    assert _why(school, "wang", DocumentRequest("escalation-notice", sid, "principal")) == (
        "the notification list of tier 2 does not include 校长"
    )
    assert _why(school, "wang", DocumentRequest("escalation-notice", sid)) == ""
    withdrawn = school.referrals["withdrawn"]
    assert _why(school, "wang", DocumentRequest("referral-letter", sid, referral_id=withdrawn)) == (
        f"referral {withdrawn} was withdrawn"
    )
    other = DocumentRequest("referral-letter", school.ids["li"], referral_id=withdrawn)
    assert _why(school, "li", other) == f"referral {withdrawn} is not one of this student's"


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (DocumentRequest("letter", 1), "kind"),
        (DocumentRequest("plan", 1, recipient="head_teacher"), "recipient"),
        (DocumentRequest("escalation-notice", 1, recipient="janitor"), "role"),
        (DocumentRequest("plan", 1, referral_id=3), "referral_id"),
        (DocumentRequest("plan", 1, note="加一句"), "note"),
    ],
)
def test_malformed_requests_are_refused(request_: DocumentRequest, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_request(request_)
    assert caught.value.field == field


def test_a_reopened_file_has_no_closure_report(tmp_path: Path) -> None:
    for school in make(tmp_path):
        reopen_file(school.counsellor, school.ids["qian"], reason="再次出现焦虑")
        options = _options(school, "qian")
        closure = _by_kind(options, "closure-report")[0]
        assert closure.why_not == "the file was reopened after its last closure"
        assert "parent-notice" in _available(options)  # open again, still at tier 1


def test_reasons_keep_their_translatable_template_and_data() -> None:
    """The window shows a greyed option's reason in Chinese from the template (decision 54)."""
    from counselroom.services.document_reasons import Reason

    reason = Reason("referral %1 was withdrawn", 7)
    assert reason == "referral 7 was withdrawn"
    assert (reason.template, reason.args) == ("referral %1 was withdrawn", ("7",))
    assert not Reason() and isinstance(VIEWER_REASON, Reason) and VIEWER_REASON.template


def test_the_cli_offers_exactly_the_student_kinds() -> None:
    """cli/main.py writes the kinds out (parsing imports no service); they must not drift."""
    from counselroom.cli.main import DOCUMENT_KINDS
    from counselroom.services.document_options import STUDENT_KINDS

    assert DOCUMENT_KINDS == STUDENT_KINDS
