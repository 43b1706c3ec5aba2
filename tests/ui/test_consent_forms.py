"""知情同意 on the 家校 tab: record a consent or a refusal, who may consent, withdrawal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot
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

from counselroom.services.consents import ConsentInput, record_consent
from counselroom.services.institutions import InstitutionInput, add_institution
from counselroom.services.localtime import local_today
from counselroom.services.referrals import propose_referral, record_referral_consent
from counselroom.services.student_file import ConsentEntry
from counselroom.storage.models import Student
from counselroom.ui.i18n import fill as fill_in
from counselroom.ui.student_file import StudentFileWindow, labels
from counselroom.ui.student_file.consent_dialog import ConsentDialog, WithdrawConsentDialog
from counselroom.ui.student_file.contact_dialog import CONSENT, WITHDRAW_CONSENT, ContactActions
from counselroom.ui.student_file.window import CONTACTS, REFERRALS

translate = QCoreApplication.translate
VERSION = "心理测评知情同意书 2026版"


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    yield from make_case(tmp_path / "vault")


def born_years_ago(case: Case, years: int) -> None:
    """Give the student a birth date `years` (and a month) before today."""
    today = local_today()
    with case.admin.vault.write() as s:
        student = s.get(Student, case.student_id)
        assert student is not None
        student.birth_date = date(today.year - years, 1, 1) - timedelta(days=31)


def screening_consent(*, given: bool = True, on: date | None = None) -> ConsentInput:
    return ConsentInput(
        purpose="screening",
        given=given,
        on=on or local_today(),
        method="paper",
        text_version=VERSION,
        guardian_name=GUARDIAN,
        relation="母亲",
        witness=None if given else "班主任王老师",
    )


def tab(qtbot: QtBot, case: Case) -> tuple[StudentFileWindow, ContactActions]:
    window = open_file_window(qtbot, case.counsellor, case.student_id)
    window.tabs.setCurrentWidget(window.page(CONTACTS))
    return window, window.casework.contacts


def consents(case: Case) -> tuple[ConsentEntry, ...]:
    return file_of(case).consents or ()


def consent_rows(window: StudentFileWindow) -> list[list[str]]:
    view = records(window, CONTACTS).sections[1]
    model = view.model
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def choose(qtbot: QtBot, window: StudentFileWindow, consent_id: int) -> None:
    assert records(window, CONTACTS).select(("consent", consent_id))
    qtbot.waitUntil(lambda: records(window, CONTACTS).chosen_id("consent") == consent_id)


def test_a_screening_consent_is_recorded_and_listed(qtbot: QtBot, case: Case) -> None:
    window, actions = tab(qtbot, case)
    assert consent_rows(window) == []
    press(qtbot, actions, CONSENT)
    dialog = opened(actions, CONSENT, ConsentDialog)
    purposes = [dialog.purpose.itemData(i) for i in range(dialog.purpose.count())]
    assert purposes == ["screening", "transfer"]  # a referral's consent is its own step
    assert (dialog.guardian_name.text(), dialog.relation.text()) == (GUARDIAN, "母亲")
    dialog.method.setCurrentIndex(dialog.method.findData("in_person"))
    before = audit_count(case)
    save_refused(qtbot, dialog)  # the wording agreed to is required
    assert dialog.error_text("text_version")
    assert audit_count(case) == before and consents(case) == ()

    fill(dialog.text_version, VERSION)
    fill(dialog.reference, "纸质表 2026-031")
    save_and_reload(qtbot, window, dialog)
    [entry] = consents(case)
    assert (entry.purpose, entry.given, entry.method, entry.text_version, entry.reference) == (
        "screening",
        True,
        "in_person",
        VERSION,
        "纸质表 2026-031",
    )
    assert consent_rows(window) == [
        [
            labels.day(local_today()),
            labels.consent_purpose("screening"),
            labels.consent_answer(True),
            f"{GUARDIAN}（母亲）",
            labels.consent_method("in_person"),
        ]
    ]
    assert records(window, CONTACTS).chosen_id("consent") == entry.id
    detail = records(window, CONTACTS).detail_text()
    assert VERSION in detail and "纸质表 2026-031" in detail and "林老师" in detail
    window.wait_for_jobs()


def test_a_student_under_14_cannot_consent_himself(qtbot: QtBot, case: Case) -> None:
    born_years_ago(case, 13)
    window, actions = tab(qtbot, case)
    press(qtbot, actions, CONSENT)
    dialog = opened(actions, CONSENT, ConsentDialog)
    dialog.by_student.setCurrentIndex(dialog.by_student.findData(True))
    assert not dialog.guardian_name.isEnabled() and not dialog.relation.isEnabled()
    fill(dialog.text_version, VERSION)
    before = audit_count(case)
    save_refused(qtbot, dialog)
    assert dialog.error_text("by_student")
    assert dialog.error_text("guardian_name") == ""
    assert audit_count(case) == before and consents(case) == ()
    window.wait_for_jobs()


def test_a_student_of_15_consents_himself(qtbot: QtBot, case: Case) -> None:
    born_years_ago(case, 15)
    window, actions = tab(qtbot, case)
    press(qtbot, actions, CONSENT)
    dialog = opened(actions, CONSENT, ConsentDialog)
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("transfer"))
    dialog.by_student.setCurrentIndex(dialog.by_student.findData(True))
    fill(dialog.text_version, "档案转接知情同意书 第1版")
    save_and_reload(qtbot, window, dialog)
    [entry] = consents(case)
    assert (entry.purpose, entry.by_student) == ("transfer", True)
    assert consent_rows(window)[0][3] == translate("StudentFileLabels", "the student")
    window.wait_for_jobs()


def test_a_given_consent_is_withdrawn_and_a_refusal_cannot_be(qtbot: QtBot, case: Case) -> None:
    today = local_today()
    given = record_consent(
        case.counsellor, case.student_id, screening_consent(on=today - timedelta(days=9))
    )
    refused = record_consent(case.counsellor, case.student_id, screening_consent(given=False))
    window, actions = tab(qtbot, case)
    button = actions.bar.buttons[WITHDRAW_CONSENT]
    choose(qtbot, window, refused)
    assert not button.isEnabled()
    assert button.toolTip() == translate(
        "CaseActions", "This is a refusal: there is nothing to withdraw."
    )

    choose(qtbot, window, given)
    press(qtbot, actions, WITHDRAW_CONSENT)
    dialog = opened(actions, f"{WITHDRAW_CONSENT}:{given}", WithdrawConsentDialog)
    dialog.on.setDate(today - timedelta(days=10))  # before the consent was given
    before = audit_count(case)
    save_refused(qtbot, dialog)
    assert dialog.error_text("on")
    assert audit_count(case) == before
    assert all(c.withdrawn_on is None for c in consents(case))

    dialog.on.setDate(today)
    fill(dialog.note, "父亲来电撤回")
    save_and_reload(qtbot, window, dialog)
    entry = next(c for c in consents(case) if c.id == given)
    assert entry.withdrawn_on == today
    assert records(window, CONTACTS).chosen_id("consent") == given  # still chosen after reload
    row = next(r for r in consent_rows(window) if r[2] != labels.consent_answer(False))
    assert row[2] == labels.consent_answer(True, today)
    assert not button.isEnabled()
    assert button.toolTip() == fill_in(
        translate("CaseActions", "This consent was already withdrawn on %1."), labels.day(today)
    )
    assert "父亲来电撤回" in records(window, CONTACTS).detail_text()
    window.wait_for_jobs()


def test_withdrawing_the_consent_of_a_referral_not_sent_withdraws_it(
    qtbot: QtBot, case: Case
) -> None:
    hospital = add_institution(
        case.admin, InstitutionInput(kind="hospital", name="示范市精神卫生中心")
    )
    referral_id = propose_referral(
        case.counsellor,
        case.student_id,
        institution_id=hospital,
        urgency="routine",
        reason="情绪低落",
        on=local_today(),
    )
    consent_id = record_referral_consent(
        case.counsellor,
        referral_id,
        ConsentInput(
            purpose="referral",
            given=True,
            on=local_today(),
            method="phone",
            text_version="转介知情同意书 第1版",
            guardian_name=GUARDIAN,
            relation="母亲",
        ),
    )
    window, actions = tab(qtbot, case)
    assert [r[1] for r in consent_rows(window)] == [labels.consent_purpose("referral")]
    choose(qtbot, window, consent_id)
    press(qtbot, actions, WITHDRAW_CONSENT)
    dialog = opened(actions, f"{WITHDRAW_CONSENT}:{consent_id}", WithdrawConsentDialog)
    save_and_reload(qtbot, window, dialog)
    [referral] = file_of(case).referrals or ()
    assert referral.state == "withdrawn"
    referrals = records(window, REFERRALS)
    assert referrals.sections[0].model.index(0, 3).data() == labels.referral_state("withdrawn")
    window.wait_for_jobs()


def test_a_viewer_sees_no_consent_buttons(qtbot: QtBot, case: Case) -> None:
    record_consent(case.counsellor, case.student_id, screening_consent())
    window = open_file_window(qtbot, case.viewer, case.student_id)
    assert window.casework.contacts.bar.isHidden()
    assert not window.tabs.isTabEnabled(window.tab_index(CONTACTS))
    assert window.file is not None and window.file.consents is None
    window.wait_for_jobs()
