"""Every tab of the file window from hand-made DTOs: all record kinds, words for codes, notes
escaped, the viewer's restricted tabs, timeline navigation, and nothing shown while locked."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from test_student_file_support import StaticSource, all_texts

from counselroom.services.student_file import (
    AmendmentEntry,
    BreakGlassEntry,
    ClosureEntry,
    ConcernEntry,
    ContactEntry,
    DocumentEntry,
    FileHeader,
    GuardianEntry,
    LeaveEntry,
    MeasureEntry,
    PlanEntry,
    ReferralEntry,
    ReferralEventEntry,
    ReturnEntry,
    ScreeningEntry,
    SessionEntry,
    StudentFile,
    StudentProfile,
    TaskEntry,
    TierEntry,
)
from counselroom.services.timeline import build_timeline
from counselroom.ui.student_file import StudentFileWindow, labels
from counselroom.ui.student_file.records import RecordsPage
from counselroom.ui.student_file.window import (
    CONTACTS,
    DOCUMENTS,
    LEAVE,
    PLAN,
    REFERRALS,
    RESTRICTED_TABS,
    SCREENING,
    SESSIONS,
    TIERS,
    FileSnapshot,
)

T0 = datetime(2026, 9, 1, 2, 0)
NOTE = "<b>不是标签</b> & 学生自述最近睡不好，第二行\n第二行内容"


def at(day: int, hour: int = 2) -> datetime:
    return datetime(2026, 9, day, hour, 0)


def make_file() -> StudentFile:
    header = FileHeader(
        student_id=7,
        name="王小明",
        student_no="G110101200801011237",
        grade="初二",
        class_label="初二(3)班",
        head_teacher="李老师",
        tier=2,
        groups=("left_behind", "divorced"),
        status="enrolled",
        file_state="open",
        next_follow_up=date(2026, 12, 1),
    )
    profile = StudentProfile(
        student_no=header.student_no,
        name=header.name,
        gender="M",
        birth_date=date(2008, 1, 1),
        id_number="110101200801011237",
        ethnicity="汉族",
        grade_level=8,
        class_id=3,
        class_label="初二(3)班",
        roll_no="5",
        address="某路 1 号",
        phone="13800000000",
        guardians=(GuardianEntry("王父", "父亲", "13900000000", True),),
        groups=header.groups,
        updated_at=T0,
    )
    tiers = (
        TierEntry(
            1,
            0,
            2,
            date(2026, 9, 3),
            "访谈后定为二级",
            "interview",
            "面谈记录",
            "",
            "林老师",
            at(3),
        ),
    )
    tasks = (
        TaskEntry(
            1,
            "head_teacher",
            "李老师",
            "phone",
            at(4),
            at(4, 5),
            "林老师",
            "phone",
            "已知悉",
            "",
            1,
        ),
        TaskEntry(2, "district", "教育局", None, at(5), None, "", None, None, "", 1),
    )
    plans = (
        PlanEntry(
            1,
            1,
            at(3),
            "林老师",
            "计划评估文字",
            "风险因素文字",
            "保护因素文字",
            "目标文字",
            date(2026, 10, 15),
            None,
            (MeasureEntry("head_teacher", "李老师", "每天观察情绪", "每天"),),
        ),
        PlanEntry(
            2,
            2,
            at(20),
            "林老师",
            "第二版评估",
            "",
            "",
            "第二版目标",
            date(2026, 11, 1),
            "复评后调整",
            (),
        ),
    )
    sessions = (
        SessionEntry(
            11,
            at(2),
            45,
            "in_person",
            "interview",
            "学生本人",
            NOTE,
            "观察文字",
            "评估文字",
            "计划文字",
            "self_harm",
            at(9),
            "林老师",
            at(2, 4),
            (AmendmentEntry(21, at(2, 6), "林老师", "observation", "补充的观察", "当日遗漏"),),
            (BreakGlassEntry(31, at(2, 5), at(2, 6), "林老师", "已告知"),),
        ),
        SessionEntry(
            12,
            at(9),
            30,
            "phone",
            "individual",
            None,
            "复谈主诉",
            "",
            "",
            "",
            "none",
            None,
            "林老师",
            None,
            (),
        ),
    )
    concerns = (
        ConcernEntry(
            41,
            date(2026, 9, 1),
            "head_teacher",
            "李老师",
            "班主任反映情绪低落",
            None,
            at(2),
            "已访谈",
            "林老师",
            at(1),
        ),
    )
    referrals = (
        ReferralEntry(
            51,
            "示范市精神卫生中心",
            "hospital",
            "转介原因文字",
            "urgent",
            "feedback",
            date(2026, 9, 5),
            3,
            date(2026, 9, 6),
            date(2026, 9, 8),
            date(2026, 9, 20),
            "医院反馈文字",
            "医院告知的诊断",
            "治疗文字",
            "给学校的建议",
            None,
            at(5),
            (ReferralEventEntry(61, "sent", at(6), "林老师", "经绿色通道", date(2026, 9, 6)),),
        ),
    )
    contacts = (
        ContactEntry(
            71,
            date(2026, 9, 4),
            "phone",
            "王父（父亲）",
            "电话沟通内容",
            "约定每周反馈",
            "林老师",
            at(4),
        ),
    )
    leaves = (
        LeaveEntry(
            81,
            "returned",
            date(2026, 9, 10),
            date(2026, 10, 10),
            "医院证明",
            "休学原因文字",
            at(10),
            ReturnEntry(
                91,
                date(2026, 10, 5),
                "康复证明",
                None,
                "复学评估文字",
                date(2026, 10, 8),
                "复学计划文字",
                "班主任、心理委员",
                "每周一次",
                date(2026, 10, 12),
                date(2026, 11, 12),
                at(12),
            ),
        ),
    )
    screenings = (
        ScreeningEntry(
            101,
            1,
            "phq9",
            date(2026, 9, 1),
            "2026-2027学年第一学期",
            14,
            "moderate",
            ("phq9_flag", "item9"),
            True,
            None,
            1,
            (),
            (1, 2, 1, 2, 2, 1, 2, 2, 1),
            at(1),
        ),
        ScreeningEntry(
            102,
            2,
            "mht",
            date(2026, 9, 2),
            "2026-2027学年第一学期",
            66,
            None,
            ("mht_attention",),
            True,
            3,
            None,
            (("learning", 9), ("lonely", 4)),
            None,
            at(1),
        ),
    )
    documents = (
        DocumentEntry(
            111, "parent-notice", "致家长的告知书", at(4), "林老师", "print", 1, "ab" * 32
        ),
    )
    closures = (
        ClosureEntry(
            121,
            date(2026, 11, 1),
            "goals_met",
            12,
            "目标达成文字",
            None,
            "PHQ-9 6",
            "结案评价文字",
            None,
            "林老师",
            datetime(2026, 11, 1, 3),
            None,
            None,
            "",
        ),
    )
    timeline = build_timeline(
        tiers=tiers, tasks=tasks, plans=plans, sessions=sessions, concerns=concerns,
        referrals=referrals, contacts=contacts, leaves=leaves, screenings=screenings,
        documents=documents, closures=closures,
    )  # fmt: skip
    return StudentFile(
        header=header,
        profile=profile,
        restricted=False,
        tier_history=tiers,
        tasks=tasks,
        plans=plans,
        sessions=sessions,
        concerns=concerns,
        referrals=referrals,
        contacts=contacts,
        leaves=leaves,
        screenings=screenings,
        documents=documents,
        closures=closures,
        timeline=timeline,
    )


def viewer_file(full: StudentFile) -> StudentFile:
    tiers = tuple(
        dataclasses.replace(t, reason="", evidence="", review_note="") for t in full.tier_history
    )
    return dataclasses.replace(
        full,
        restricted=True,
        tier_history=tiers,
        plans=None,
        sessions=None,
        concerns=None,
        referrals=None,
        contacts=None,
        leaves=None,
        screenings=None,
        closures=None,
        timeline=build_timeline(tiers=tiers, tasks=full.tasks),
    )


@pytest.fixture
def window(qtbot: QtBot) -> StudentFileWindow:
    window = StudentFileWindow(StaticSource(None), 7)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def page(window: StudentFileWindow, key: str) -> RecordsPage:
    result = window.page(key)
    assert isinstance(result, RecordsPage)
    return result


def test_every_kind_of_record_is_shown(window: StudentFileWindow) -> None:
    f = make_file()
    window.show_snapshot(FileSnapshot(f, [(3, "初二(3)班")], True))
    expected = {
        PLAN: [2, 1],  # versions, closures
        SESSIONS: [2],
        TIERS: [1, 2, 1],
        REFERRALS: [1],
        CONTACTS: [1],
        LEAVE: [1],
        SCREENING: [2],
        DOCUMENTS: [1],
    }
    for key, counts in expected.items():
        assert [v.model.rowCount() for v in page(window, key).sections] == counts, key
    details = {
        PLAN: ["计划评估文字", "每天观察情绪", "目标达成文字"],
        SESSIONS: ["学生自述最近睡不好", "补充的观察", "已告知"],
        TIERS: ["访谈后定为二级", "已知悉", "班主任反映情绪低落"],
        REFERRALS: ["转介原因文字", "医院告知的诊断", "经绿色通道"],
        CONTACTS: ["电话沟通内容", "约定每周反馈"],
        LEAVE: ["休学原因文字", "复学计划文字", "班主任、心理委员"],
        SCREENING: ["1", labels.mht_scale("learning")],
        DOCUMENTS: ["ab" * 32],
    }
    for key, fragments in details.items():
        records = page(window, key)
        seen = ""
        for view in records.sections:
            for row in range(view.model.rowCount()):
                view.table.selectRow(row)
                seen += records.detail_text()
        for fragment in fragments:
            assert fragment in seen, (key, fragment)


def test_notes_are_text_not_markup(window: StudentFileWindow) -> None:
    window.show_snapshot(FileSnapshot(make_file(), [], True))
    sessions = page(window, SESSIONS)
    sessions.sections[0].table.selectRow(1)  # the older one holds NOTE
    text = sessions.detail_text()
    assert "<b>不是标签</b> & 学生自述" in text
    assert "第二行\n第二行内容" in text or "第二行\u2028第二行内容" in text


def test_codes_are_shown_as_words(window: StudentFileWindow) -> None:
    window.show_snapshot(FileSnapshot(make_file(), [], True))
    # The timeline's titles and summaries are worded by the service (services/timeline.py).
    texts = [
        t
        for page_ in window.pages.values()
        if page_ is not window.timeline
        for t in all_texts(page_)
    ]
    texts += all_texts(window.header)
    for code in (
        "in_person",
        "self_harm",
        "head_teacher",
        "consent_given",
        "phq9_flag",
        "on_leave",
        "goals_met",
        "parent-notice",
        "left_behind",
    ):
        assert not any(code in text for text in texts), code
    sessions = page(window, SESSIONS).sections[0]
    risky = next(
        r for r in range(2) if sessions.model.index(r, 4).data() == labels.risk_check("self_harm")
    )
    assert sessions.model.index(risky, 4).data(9) is not None  # red text on a risk found


def test_the_viewers_file_keeps_case_tabs_closed(window: StudentFileWindow) -> None:
    window.show_snapshot(FileSnapshot(viewer_file(make_file()), [], False))
    texts = "\n".join(all_texts(window))
    for secret in (
        "学生自述最近睡不好",
        "计划评估文字",
        "访谈后定为二级",
        "转介原因文字",
        "电话沟通内容",
        "班主任反映情绪低落",
    ):
        assert secret not in texts
    for key in RESTRICTED_TABS:
        assert not window.tabs.isTabEnabled(window.tab_index(key))
    tiers = page(window, TIERS)
    assert [v.model.rowCount() for v in tiers.sections] == [1, 2, 0]
    assert not window.timeline.note.isHidden()


def test_a_timeline_line_opens_its_record(window: StudentFileWindow) -> None:
    window.show_snapshot(FileSnapshot(make_file(), [], True))
    assert window.show_record("amendment", 21)
    assert window.tabs.currentWidget() is window.page(SESSIONS)
    assert "补充的观察" in page(window, SESSIONS).detail_text()
    assert window.show_record("return", 91)
    assert "复学计划文字" in page(window, LEAVE).detail_text()
    assert not window.show_record("session", 999)


def test_the_timeline_lists_newest_first(window: StudentFileWindow) -> None:
    f = make_file()
    window.show_snapshot(FileSnapshot(f, [], True))
    model = window.timeline.model
    shown = [model.item_at(r).on for r in range(model.rowCount())]
    assert shown == sorted((i.on for i in f.timeline), reverse=True)
    assert model.rowCount() == len(f.timeline)


def test_nothing_stays_on_screen_when_locked(window: StudentFileWindow) -> None:
    window.show_snapshot(FileSnapshot(make_file(), [], True))
    window.reload()  # the source has no context: the session is locked
    assert window.file is None
    assert window.tabs.isHidden()
    texts = "\n".join(t for w, t in _visible_texts(window))
    assert "王小明" not in texts and "学生自述" not in texts


def _visible_texts(window: StudentFileWindow) -> list[tuple[object, str]]:
    return [(label, label.text()) for label in window.findChildren(QLabel) if label.isVisible()]
