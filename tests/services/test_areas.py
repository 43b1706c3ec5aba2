"""The 筛查, 转介 and 统计 areas count exactly the records of a hand-built vault."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from counselroom.services.areas import referrals, screening_batches
from counselroom.services.context import Actor, Context
from counselroom.services.roles import PermissionDenied, Role
from counselroom.services.statistics import term_statistics
from counselroom.services.users import add_user
from counselroom.storage.base import Base
from counselroom.storage.models import (
    Closure,
    CounsellingSession,
    GroupActivity,
    Institution,
    Referral,
    SchoolClass,
    ScreeningBatch,
    ScreeningResult,
    Student,
    StudentGroup,
)
from vault_fixtures import CHEAP, PASSWORD, make_vault

TODAY = date(2026, 11, 20)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute) - timedelta(hours=8)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def _add(session: Any, model: type[Base], **values: Any) -> int:
    row = model(**values)
    session.add(row)
    session.flush()
    return int(row.id)  # type: ignore[attr-defined]


@dataclass
class Vault:
    counsellor: Context
    viewer: Context
    batches: dict[str, int]
    refs: dict[str, int]


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    admin, _code = make_vault(tmp_path / "vault")
    uid = add_user(admin, "lin", PASSWORD, Role.COUNSELLOR, kdf=CHEAP)
    vid = add_user(admin, "ban", PASSWORD, Role.VIEWER, kdf=CHEAP)
    batches: dict[str, int] = {}
    refs: dict[str, int] = {}
    with admin.vault.write() as s:
        c7 = _add(s, SchoolClass, grade_level=7, number=1, label="初一(1)班")
        c8 = _add(s, SchoolClass, grade_level=8, number=2, label="初二(2)班")

        def pupil(name: str, cls: int, level: int, **kw: Any) -> int:
            return _add(s, Student, name=name, class_id=cls, grade_level=level, **kw)

        a = pupil("甲", c7, 7, file_state="open", tier=2)
        b = pupil("乙", c7, 7, tier=1)
        c = pupil("丙", c7, 7)
        d = pupil("丁", c8, 8)
        e = pupil("戊", c8, 8, status="on_leave", file_state="open", tier=3)
        gone = pupil("己", c8, 8, status="transferred", file_state="open", tier=2)
        pupil("庚", c8, 8, status="graduated", file_state="closed")
        for sid, code in ((a, "left_behind"), (gone, "left_behind"), (d, "poverty")):
            _add(s, StudentGroup, student_id=sid, code=code)

        # Screening: PHQ-9 this term (4 results, 3 flagged, 2 item-9 alerts), GAD-7 last
        # term (2 results, one invalid, one flagged), an MHT batch with no results yet.
        for key, instrument, on, results in (
            ("gad7", "gad7", date(2026, 3, 10), [([], False), (["gad7_flag"], True)]),
            (
                "phq9",
                "phq9",
                date(2026, 10, 10),
                [
                    ([], True),
                    (["phq9_flag"], True),
                    (["phq9_flag", "item9"], True),
                    (["item9"], True),
                ],
            ),
            ("mht", "mht", date(2026, 11, 1), []),
        ):
            batch = _add(
                s,
                ScreeningBatch,
                instrument=instrument,
                on=on,
                term="t",
                grades="7,8",
                created_by_id=uid,
            )
            batches[key] = batch
            for sid, (flags, valid) in zip((a, b, c, d), results, strict=False):
                _add(
                    s,
                    ScreeningResult,
                    batch_id=batch,
                    student_id=sid,
                    flags_json=json.dumps(flags),
                    valid=valid,
                )

        hospital = _add(s, Institution, kind="hospital", name="市精神卫生中心")
        for key, sid, state, sent, feedback in (
            ("sent_20", a, "sent", ago(20), None),
            ("seen_3", b, "seen", ago(3), None),
            ("proposed", c, "proposed", None, None),
            ("closed", d, "closed", date(2026, 5, 1), date(2026, 5, 20)),
            ("consent", e, "consent_pending", None, None),
            ("sent_30", e, "sent", ago(30), None),
        ):
            refs[key] = _add(
                s,
                Referral,
                student_id=sid,
                institution_id=hospital,
                reason="r",
                state=state,
                proposed_on=ago(40),
                sent_on=sent,
                feedback_on=feedback,
                created_by_id=uid,
            )

        for sid, kind, at in (
            (a, "individual", local(date(2026, 10, 5), 9)),
            (a, "interview", local(date(2026, 9, 1), 0, 30)),  # 31 Aug in UTC, 1 Sep here
            (b, "group", local(date(2026, 10, 6), 9)),  # not 个体辅导
            (c, "crisis", local(date(2026, 8, 31), 23, 30)),  # summer
            (e, "family", local(date(2027, 1, 31), 23)),  # last evening of the term
            (gone, "home_visit", local(date(2026, 5, 31), 9)),  # last term
        ):
            _add(
                s,
                CounsellingSession,
                student_id=sid,
                started_at=at,
                duration_min=30,
                kind=kind,
                counsellor_id=uid,
            )
        for kind, on in (
            ("group_counselling", date(2026, 9, 15)),
            ("group_counselling", date(2026, 12, 1)),
            ("group_counselling", date(2026, 6, 1)),
            ("lecture", date(2026, 10, 20)),
        ):
            _add(s, GroupActivity, kind=kind, on=on, topic="t", created_by_id=uid)
        for sid, closed in ((gone, date(2026, 10, 1)), (c, date(2026, 6, 1))):
            _add(
                s,
                Closure,
                student_id=sid,
                closed_on=closed,
                reason="goals_met",
                goals_achieved="g",
                evaluation="e",
                closed_by_id=uid,
            )
    yield Vault(
        Context(admin.vault, Actor(uid, "lin", "lin", Role.COUNSELLOR)),
        Context(admin.vault, Actor(vid, "ban", "ban", Role.VIEWER)),
        batches,
        refs,
    )
    admin.close()


def test_screening_batches_count_results_and_flags(vault: Vault) -> None:
    rows = screening_batches(vault.counsellor)
    counts = [(r.id, r.results, r.flagged, r.item9_alerts, r.invalid) for r in rows]
    assert counts == [
        (vault.batches["mht"], 0, 0, 0, 0),
        (vault.batches["phq9"], 4, 3, 2, 0),
        (vault.batches["gad7"], 2, 1, 0, 1),
    ]
    assert rows[1].instrument == "phq9" and rows[1].on == date(2026, 10, 10)


def test_referrals_overdue_first_then_state_and_date(vault: Vault) -> None:
    rows = referrals(vault.counsellor, TODAY)
    refs = vault.refs
    assert [r.id for r in rows] == [
        refs["sent_30"],
        refs["sent_20"],
        refs["seen_3"],
        refs["consent"],
        refs["proposed"],
        refs["closed"],
    ]
    assert [r.overdue for r in rows] == [True, True, False, False, False, False]
    assert [r.feedback_due for r in rows[:3]] == [
        ago(30) + timedelta(days=14),
        ago(20) + timedelta(days=14),
        ago(3) + timedelta(days=14),
    ]
    assert all(r.feedback_due is None for r in rows[3:])
    assert (rows[0].name, rows[0].class_label, rows[0].institution) == (
        "戊",
        "初二(2)班",
        "市精神卫生中心",
    )


def test_viewer_may_not_list_screenings_or_referrals(vault: Vault) -> None:
    with pytest.raises(PermissionDenied):
        screening_batches(vault.viewer)
    with pytest.raises(PermissionDenied):
        referrals(vault.viewer, TODAY)


def test_term_statistics(vault: Vault) -> None:
    stats = term_statistics(vault.viewer, TODAY)  # aggregates only: a viewer may see them
    assert stats.term_label == "2026-2027学年第一学期"
    assert (stats.students, stats.open_files, stats.closed_files) == (5, 2, 1)
    assert stats.by_tier == {0: 2, 1: 1, 2: 1, 3: 1}
    assert stats.by_grade == (("初一", 3, 1), ("初二", 2, 1))
    assert stats.individual_sessions == 3
    assert (stats.group_sessions, stats.lectures) == (2, 1)
    assert stats.referrals_sent == 3
    assert (stats.screenings, stats.flagged) == (4, 3)
    assert stats.groups == {"left_behind": 1, "poverty": 1}


def test_august_reports_the_term_that_just_ended(vault: Vault) -> None:
    stats = term_statistics(vault.counsellor, date(2026, 8, 15))
    assert stats.term_label == "2025-2026学年第二学期"
    assert (stats.screenings, stats.flagged) == (2, 1)
    assert stats.group_sessions == 1
    assert stats.individual_sessions == 1  # the home visit in May
    assert stats.closed_files == 1
