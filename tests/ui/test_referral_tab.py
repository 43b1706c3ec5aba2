"""转介 tab: propose a referral and take it through every step; refused and stale steps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from test_casework_support import (
    GUARDIAN,
    Case,
    audit_count,
    file_of,
    fill,
    make_case,
    open_file_window,
    opened,
    press,
    records,
    save_and_reload,
    save_refused,
)

from counselroom.services.consents import ConsentInput
from counselroom.services.institutions import (
    InstitutionInput,
    add_institution,
    delete_institution,
)
from counselroom.services.localtime import local_today
from counselroom.services.referrals import (
    mark_referral_sent,
    propose_referral,
    record_referral_consent,
    withdraw_referral,
)
from counselroom.services.student_file import ReferralEntry
from counselroom.storage.models import AuditEntry, Student
from counselroom.ui.i18n import fill as fill_in
from counselroom.ui.student_file import StudentFileWindow, labels
from counselroom.ui.student_file.consent_dialog import ConsentDialog
from counselroom.ui.student_file.referral_actions import (
    ASK_CONSENT,
    CLOSE_REFERRAL,
    CONSENT,
    FEEDBACK,
    MARK_SEEN,
    MARK_SENT,
    REFER,
    WITHDRAW_REFERRAL,
    ReferralActions,
)
from counselroom.ui.student_file.referral_dialog import ReferralDialog
from counselroom.ui.student_file.referral_feedback_dialog import ReferralFeedbackDialog
from counselroom.ui.student_file.referral_step_dialog import ReferralStepDialog
from counselroom.ui.student_file.window import REFERRALS

translate = QCoreApplication.translate
HOSPITAL = "示范市精神卫生中心"
STEPS = (ASK_CONSENT, CONSENT, MARK_SENT, MARK_SEEN, FEEDBACK, CLOSE_REFERRAL, WITHDRAW_REFERRAL)


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    yield from make_case(tmp_path / "vault")


def hospital(case: Case) -> int:
    return add_institution(
        case.admin, InstitutionInput(kind="hospital", name=HOSPITAL, department="儿少心理科")
    )


def consent(on: object, *, given: bool = True) -> ConsentInput:
    return ConsentInput(
        purpose="referral",
        given=given,
        on=on,  # type: ignore[arg-type]
        method="paper",
        text_version="转介知情同意书 第1版",
        guardian_name=GUARDIAN,
        relation="母亲",
        witness=None if given else "班主任王老师",
    )


def tab(qtbot: QtBot, case: Case) -> tuple[StudentFileWindow, ReferralActions]:
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(REFERRALS))
    return window, window.casework.referrals


def referral_audits(case: Case) -> int:
    """Referral writes only (a reload of the file leaves a view entry of its own)."""
    with case.admin.vault.read() as s:
        query = select(func.count()).where(AuditEntry.action.startswith("referral."))
        return int(s.scalar(query.select_from(AuditEntry)) or 0)


def only_referral(case: Case) -> ReferralEntry:
    [referral] = file_of(case).referrals or ()
    return referral


def enabled(actions: ReferralActions) -> set[str]:
    return {name for name in STEPS if actions.bar.buttons[name].isEnabled()}


def shown_state(window: StudentFileWindow, row: int = 0) -> str:
    return str(records(window, REFERRALS).sections[0].model.index(row, 3).data())


def step(qtbot: QtBot, window: StudentFileWindow, name: str, kind: type, note: str = "") -> None:
    actions = window.casework.referrals
    referral_id = records(window, REFERRALS).chosen_id("referral")
    press(qtbot, actions, name)
    dialog = opened(actions, f"{name}:{referral_id}", kind)
    if note:
        fill(dialog.note, note)
    save_and_reload(qtbot, window, dialog)


def test_a_referral_is_proposed_and_taken_through_every_step(qtbot: QtBot, case: Case) -> None:
    hospital_id = hospital(case)
    gone = add_institution(case.admin, InstitutionInput(kind="hospital", name="已撤销的医院"))
    delete_institution(case.admin, gone)
    window, actions = tab(qtbot, case)
    assert actions.bar.isVisible()
    choose = translate("CaseActions", "Choose a referral in the list first.")
    assert enabled(actions) == set() and actions.bar.buttons[MARK_SENT].toolTip() == choose

    press(qtbot, actions, REFER)
    dialog = opened(actions, REFER, ReferralDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    offered = [dialog.institution.itemData(i) for i in range(dialog.institution.count())]
    assert hospital_id in offered and gone not in offered  # live institutions only
    index = dialog.institution.findData(hospital_id)
    assert dialog.institution.itemText(index).startswith(labels.institution_kind("hospital"))
    dialog.institution.setCurrentIndex(index)
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("urgent"))
    before = audit_count(case)
    save_refused(qtbot, dialog)  # the reason is required
    assert dialog.error_text("reason")
    assert audit_count(case) == before and file_of(case).referrals == ()

    fill(dialog.reason, "近三周每晚只睡四小时，两次在课堂上哭泣")
    save_and_reload(qtbot, window, dialog)
    referral = only_referral(case)
    assert (referral.state, referral.urgency, referral.institution) == (
        "proposed",
        "urgent",
        HOSPITAL,
    )
    assert records(window, REFERRALS).chosen_id("referral") == referral.id
    assert shown_state(window) == labels.referral_state("proposed")
    assert enabled(actions) == {ASK_CONSENT, CONSENT, WITHDRAW_REFERRAL}
    assert actions.bar.buttons[MARK_SENT].toolTip() == translate(
        "CaseActions",
        "The guardian's consent must be recorded before the referral is sent, in an "
        "emergency too (by phone then).",
    )

    step(qtbot, window, ASK_CONSENT, ReferralStepDialog, "在家长会上交给母亲")
    assert only_referral(case).state == "consent_pending"
    assert shown_state(window) == labels.referral_state("consent_pending")

    press(qtbot, actions, CONSENT)
    form = opened(actions, f"{CONSENT}:{referral.id}", ConsentDialog)
    assert (form.guardian_name.text(), form.relation.text()) == (GUARDIAN, "母亲")
    assert not form.fields["by_student"].shown()  # a student never consents to his referral
    assert not form.fields["witness"].shown()  # asked only for a refusal
    fill(form.text_version, "转介知情同意书 第1版")
    save_and_reload(qtbot, window, form)
    referral = only_referral(case)
    assert referral.state == "consent_given" and referral.consent is not None
    assert (referral.consent.guardian_name, referral.consent.text_version) == (
        GUARDIAN,
        "转介知情同意书 第1版",
    )
    assert enabled(actions) == {MARK_SENT, WITHDRAW_REFERRAL}
    assert "转介知情同意书 第1版" in records(window, REFERRALS).detail_text()

    step(qtbot, window, MARK_SENT, ReferralStepDialog, "经绿色通道")
    assert only_referral(case).state == "sent"
    assert enabled(actions) == {MARK_SEEN, FEEDBACK, WITHDRAW_REFERRAL}
    due = only_referral(case).feedback_due
    assert due is not None and labels.day(due) in records(window, REFERRALS).detail_text()

    step(qtbot, window, MARK_SEEN, ReferralStepDialog)
    assert shown_state(window) == labels.referral_state("seen")

    press(qtbot, actions, FEEDBACK)
    feedback = opened(actions, f"{FEEDBACK}:{referral.id}", ReferralFeedbackDialog)
    assert not feedback.fields["seen_on"].shown()  # the visit is already recorded
    fill(feedback.feedback_text, "门诊评估，建议每周心理治疗")
    fill(feedback.diagnosis_received, "家长告知：焦虑状态")
    fill(feedback.advice, "一个月内免体育考试")
    save_and_reload(qtbot, window, feedback)
    referral = only_referral(case)
    assert referral.state == "feedback" and referral.diagnosis_received == "家长告知：焦虑状态"
    assert enabled(actions) == {CLOSE_REFERRAL}  # only Close after feedback

    step(qtbot, window, CLOSE_REFERRAL, ReferralStepDialog)
    referral = only_referral(case)
    assert referral.state == "closed" and referral.closed_on == local_today()
    assert shown_state(window) == labels.referral_state("closed")
    assert enabled(actions) == set()
    assert actions.bar.buttons[CLOSE_REFERRAL].toolTip() == fill_in(
        translate("CaseActions", "This referral is %1: it takes no more steps."),
        labels.referral_state("closed"),
    )
    detail = records(window, REFERRALS).detail_text()
    assert [e.state for e in referral.events] == [
        "proposed",
        "consent_pending",
        "consent_given",
        "sent",
        "seen",
        "feedback",
        "closed",
    ]
    assert all(e.by == "林老师" for e in referral.events)
    for text in ("经绿色通道", "在家长会上交给母亲", "林老师", labels.day(local_today())):
        assert text in detail
    window.wait_for_jobs()


def test_a_step_dated_before_the_consent_is_refused_under_its_date(
    qtbot: QtBot, case: Case
) -> None:
    today = local_today()
    referral_id = propose_referral(
        case.counsellor,
        case.student_id,
        institution_id=hospital(case),
        urgency="routine",
        reason="情绪持续低落",
        on=today - timedelta(days=10),
    )
    record_referral_consent(case.counsellor, referral_id, consent(today - timedelta(days=5)))
    window, actions = tab(qtbot, case)
    press(qtbot, actions, MARK_SENT)
    dialog = opened(actions, f"{MARK_SENT}:{referral_id}", ReferralStepDialog)
    sent_on = today - timedelta(days=8)
    dialog.on.setDate(sent_on)
    before = audit_count(case)
    save_refused(qtbot, dialog)
    error = dialog.error_text("on")
    assert sent_on.isoformat() in error and (today - timedelta(days=5)).isoformat() in error
    assert dialog.error_text("note") == ""
    assert audit_count(case) == before
    assert only_referral(case).state == "consent_given" and only_referral(case).sent_on is None

    dialog.on.setDate(today)
    save_and_reload(qtbot, window, dialog)
    assert only_referral(case).sent_on == today
    window.wait_for_jobs()


def test_feedback_on_a_referral_only_sent_needs_the_day_of_the_visit(
    qtbot: QtBot, case: Case
) -> None:
    today = local_today()
    referral_id = propose_referral(
        case.counsellor,
        case.student_id,
        institution_id=hospital(case),
        urgency="urgent",
        reason="自述有轻生念头",
        on=today - timedelta(days=6),
    )
    record_referral_consent(case.counsellor, referral_id, consent(today - timedelta(days=6)))
    mark_referral_sent(case.counsellor, referral_id, on=today - timedelta(days=5))
    window, actions = tab(qtbot, case)
    press(qtbot, actions, FEEDBACK)
    dialog = opened(actions, f"{FEEDBACK}:{referral_id}", ReferralFeedbackDialog)
    assert dialog.fields["seen_on"].shown()
    fill(dialog.feedback_text, "医院已接诊，建议休息两周")
    before = audit_count(case)
    save_refused(qtbot, dialog)  # the day of the visit was left out
    assert dialog.error_text("seen_on")
    assert dialog.error_text("feedback_text") == ""
    assert audit_count(case) == before and only_referral(case).state == "sent"

    dialog.seen_on.check.setChecked(True)
    dialog.seen_on.edit.setDate(today - timedelta(days=3))
    save_and_reload(qtbot, window, dialog)
    referral = only_referral(case)
    assert referral.state == "feedback" and referral.seen_on == today - timedelta(days=3)
    assert [e.state for e in referral.events][-2:] == ["seen", "feedback"]
    assert shown_state(window) == labels.referral_state("feedback")
    window.wait_for_jobs()


def test_a_refusal_needs_a_witness_and_the_family_may_be_asked_again(
    qtbot: QtBot, case: Case
) -> None:
    referral_id = propose_referral(
        case.counsellor,
        case.student_id,
        institution_id=hospital(case),
        urgency="routine",
        reason="学习焦虑明显",
        on=local_today(),
    )
    window, actions = tab(qtbot, case)
    press(qtbot, actions, CONSENT)
    dialog = opened(actions, f"{CONSENT}:{referral_id}", ConsentDialog)
    dialog.given.setCurrentIndex(dialog.given.findData(False))
    assert dialog.fields["witness"].shown()
    fill(dialog.text_version, "转介知情同意书 第1版")
    before = audit_count(case)
    save_refused(qtbot, dialog)
    assert dialog.error_text("witness")
    assert dialog.error_text("text_version") == ""
    assert audit_count(case) == before and only_referral(case).state == "proposed"
    assert file_of(case).consents == ()

    fill(dialog.witness, "班主任王老师")
    save_and_reload(qtbot, window, dialog)
    referral = only_referral(case)
    assert referral.state == "consent_refused"
    assert referral.consent is not None and referral.consent.witness == "班主任王老师"
    assert shown_state(window) == labels.referral_state("consent_refused")
    assert enabled(actions) == {ASK_CONSENT, CONSENT, WITHDRAW_REFERRAL}
    assert labels.consent_answer(False) in records(window, REFERRALS).detail_text()
    window.wait_for_jobs()


def test_a_step_taken_in_another_window_is_reported_not_overwritten(
    qtbot: QtBot, case: Case
) -> None:
    referral_id = propose_referral(
        case.counsellor,
        case.student_id,
        institution_id=hospital(case),
        urgency="routine",
        reason="情绪低落",
        on=local_today(),
    )
    record_referral_consent(case.counsellor, referral_id, consent(local_today()))
    window, actions = tab(qtbot, case)
    press(qtbot, actions, MARK_SENT)
    dialog = opened(actions, f"{MARK_SENT}:{referral_id}", ReferralStepDialog)
    withdraw_referral(case.colleague, referral_id, on=local_today(), reason="家长选择其他医院")
    before = referral_audits(case)
    with qtbot.waitSignal(window.loaded, timeout=10_000):  # the file is read again behind it
        dialog.save_button.click()
    assert dialog.stale and dialog.isVisible()
    assert dialog.message.text() == dialog.stale_text()
    assert referral_audits(case) == before  # no step was written
    assert only_referral(case).state == "withdrawn" and only_referral(case).sent_on is None
    assert shown_state(window) == labels.referral_state("withdrawn")
    assert enabled(actions) == set()
    window.wait_for_jobs()


def test_a_closed_file_takes_no_step_and_a_viewer_sees_no_bar(qtbot: QtBot, case: Case) -> None:
    propose_referral(
        case.counsellor,
        case.student_id,
        institution_id=hospital(case),
        urgency="routine",
        reason="情绪低落",
        on=local_today(),
    )
    with case.admin.vault.write() as s:
        student = s.get(Student, case.student_id)
        assert student is not None
        student.file_state = "closed"
    window, actions = tab(qtbot, case)
    closed = actions.closed_text()
    for name in (REFER, *STEPS):
        button = actions.bar.buttons[name]
        assert not button.isEnabled() and button.toolTip() == closed, name

    viewer = open_file_window(qtbot, case.viewer, case.student_id)
    assert not viewer.tabs.isTabEnabled(viewer.tab_index(REFERRALS))
    assert viewer.casework.referrals.bar.isHidden()
    assert viewer.file is not None and viewer.file.referrals is None
    window.wait_for_jobs()
    viewer.wait_for_jobs()
