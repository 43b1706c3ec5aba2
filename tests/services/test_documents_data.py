"""What each kind of document is printed from: the facts gathered from a vault whose records
were written by the case-work services."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from documents_support import PHONE, SCHOOL, School, ago, make

from counselroom.documents.data import Guardian, Issue, Measure
from counselroom.services import document_data as data
from counselroom.services.localtime import local_today
from counselroom.storage.models import Referral, Student


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    yield from make(tmp_path_factory.mktemp("documents-data"))


def _issue() -> Issue:
    return Issue(
        number="心〔2026〕0001号", on=date(2026, 11, 22), at=datetime(2026, 11, 22, 9), by="x"
    )


def test_school_student_and_issue(school: School) -> None:
    with school.admin.vault.read() as s:
        info = data.school_in(s)
        assert (info.name, info.phone, info.district_contact) == (SCHOOL, PHONE, "区教委德育科")
        wang = s.get(Student, school.ids["wang"])
        assert wang is not None
        student = data.student_in(s, wang)
        issue = data.issue_for(school.counsellor, s, "心〔2026〕0007号", wang)
    assert student.name == "王小明" and student.student_no == "G500101201103041234"
    assert (student.grade, student.class_label, student.head_teacher) == (
        "初二",
        "初二(3)班",
        "陈红",
    )
    # only the legal guardian, not every family member of the roster
    assert student.guardians == (Guardian("王母", "母亲", "13800000001"),)
    assert issue.number == "心〔2026〕0007号" and issue.on == local_today()
    assert issue.by == "林老师" and issue.counsellor == "林老师" and issue.phone == PHONE


def test_parent_notice_carries_tier_and_note_only(school: School) -> None:
    with school.admin.vault.read() as s:
        li = s.get(Student, school.ids["li"])
        assert li is not None
        notice = data.parent_notice_data(s, li, _issue(), "请周五来校")
    assert notice.tier == 1 and notice.note == "请周五来校" and notice.student.name == "李华"


def test_escalation_reads_the_raising_decision_and_its_task(school: School) -> None:
    with school.admin.vault.read() as s:
        wang = s.get(Student, school.ids["wang"])
        assert wang is not None
        notice = data.escalation_data(s, wang, _issue(), "moral_education", "")
        district = data.escalation_data(s, wang, _issue(), "district", "补充")
    assert notice.tier == 2 and notice.tier_since == ago(10)
    assert notice.reason == "近两周多次哭泣，自述睡眠差" and notice.evidence == "面谈记录"
    assert notice.role == "moral_education" and notice.person == "刘强"
    assert notice.due is not None  # the task the decision created (48 hours)
    assert notice.measures[1] == Measure("head_teacher", "陈红", "日常关注", "每天")
    # the live referral, not the withdrawn one
    assert notice.referral_state == "consent_given"
    assert notice.guardian_informed is None  # the guardian task is not done
    assert district.role == "district" and district.person == "区教委德育科"
    assert district.note == "补充"


def test_referral_letter_names_the_standing_consent(school: School) -> None:
    with school.admin.vault.read() as s:
        wang = s.get(Student, school.ids["wang"])
        referral = s.get(Referral, school.referrals["live"])
        assert wang is not None and referral is not None
        letter = data.referral_letter_data(s, wang, _issue(), referral, "")
    assert letter.institution == "市精神卫生中心 儿童青少年心理科"
    assert (letter.urgency, letter.reason, letter.proposed_on) == ("urgent", "持续失眠", ago(5))
    assert letter.consent_on == ago(4) and letter.consent_by == "监护人 王母（母亲）"


def test_plan_is_the_current_version(school: School) -> None:
    with school.admin.vault.read() as s:
        wang = s.get(Student, school.ids["wang"])
        assert wang is not None
        plan = data.plan_data(s, wang, _issue())
    assert plan.version == 1 and plan.made_by == "林老师" and plan.made_on == local_today()
    assert plan.goals == "恢复规律作息" and len(plan.measures) == 2 and plan.tier == 2


def test_return_assessment_reads_the_leave_and_its_return(school: School) -> None:
    with school.admin.vault.read() as s:
        zhao = s.get(Student, school.ids["zhao"])
        assert zhao is not None
        sheet = data.return_assessment_data(s, zhao, _issue())
    assert sheet.leave_from == ago(50) and sheet.returned_on == ago(5)
    assert sheet.leave_certificate == "市中心医院诊断证明"
    assert sheet.recovery_certificate == "市中心医院康复证明"
    assert sheet.watchers == "班主任、心理委员" and sheet.close_follow_up_until is not None


def test_closure_report_reads_the_standing_closure(school: School) -> None:
    with school.admin.vault.read() as s:
        qian = s.get(Student, school.ids["qian"])
        assert qian is not None
        report = data.closure_report_data(s, qian, _issue())
    assert report.closed_on == ago(0) and report.reason == "goals_met"
    assert report.highest_tier == 1 and report.closed_by == "林老师"
    assert report.opened_on == local_today()  # the file was opened by the tier decision


def test_ledger_lists_group_members(school: School) -> None:
    with school.admin.vault.read() as s:
        ledger = data.ledger_data(s, "left_behind", _issue())
    assert ledger.group == "left_behind"
    assert [(line.name, line.tier, line.head_teacher) for line in ledger.lines] == [
        ("李华", 1, "陈红")
    ]
