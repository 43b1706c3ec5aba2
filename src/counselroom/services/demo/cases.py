"""One 一生一策 file, from the concern that opened it to ``today``.

The file follows the closed loop of DOMAIN.md: interview, tier (with the notifications of a
raise), plan, follow-up at the tier's interval, sometimes a referral and a leave, tier changes
(a lowering always with its review record), and for some a closure. The current tier, status
and next follow-up of the pupil are left exactly as this history implies.
"""

from __future__ import annotations

from datetime import date, timedelta

from counselroom.domain.policy import follow_up_due, return_follow_up_dates
from counselroom.domain.tiers import Tier
from counselroom.services.follow_up import closer_follow_up
from counselroom.storage.models import Closure, Concern, TierChange

from . import wording
from .activities import add_parent_contact
from .notifications import add_raise_tasks
from .phrases import PRESENTING, pick
from .plans import add_plan
from .referrals import add_leave, add_referral, document
from .sessions import add_session
from .tables import utc
from .timeline import next_school_day, school_days
from .world import Pupil, World

STAY_DAYS = {0: (21, 60), 1: (42, 120), 2: (35, 84), 3: (21, 49)}
ESCALATE = {1: 0.12, 2: 0.15}
LEAVE_RATE = {0: 0.0, 1: 0.0, 2: 0.1, 3: 0.5}  # of referred pupils seen by the hospital
CLOSE_AT_ZERO = 0.7
OVERDUE_RATE = 0.08
TIER0_INTERVAL = timedelta(days=30)
ONE_DAY = timedelta(days=1)
# The course of a long-running file: (share of its sessions, new tier, evidence) — a crisis
# that settles after hospital care, a relapse, and a last lowering that half of them reach.
LONG_COURSE = ((0.12, 2, "hospital"), (0.4, 1, "interview"), (0.65, 2, "interview"))
LONG_LAST_LOWERING = (0.85, 1, "interview")
REPORTERS = {
    "head_teacher": "班主任",
    "subject_teacher": "科任教师",
    "peer": "班级心理委员",
    "parent": "家长",
    "self": "本人",
    "screening": "心理测评",
    "hospital": "合作医院",
    "police": "派出所",
    "observation": "心理教师",
    "other": "宿管老师",
}


def add_concern(
    world: World,
    pupil: Pupil,
    day: date,
    source: str,
    description: str,
    *,
    result_id: int | None,
    handled: date | None,
    outcome: str | None,
) -> None:
    reporter = pupil.head_teacher if source == "head_teacher" else REPORTERS[source]
    world.tables.add(
        Concern,
        student_id=pupil.id,
        reported_on=day,
        source=source,
        reporter=reporter,
        description=description,
        screening_result_id=result_id,
        handled_at=utc(handled, 16) if handled else None,
        outcome=outcome,
        created_by_id=world.counsellor_id,
        created_at=utc(day, 17),
        origin=None,
    )


class Case:
    def __init__(self, world: World, pupil: Pupil) -> None:
        self.world = world
        self.rng = world.rng
        self.pupil = pupil
        self.tier = 0
        self.sessions = 0
        self.last_contact: date | None = None
        self.last_appointment: date | None = None
        self.plan_version = 0
        self.review_on: date | None = None
        self.referred = False
        self.returned_on: date | None = None  # the latest return from leave (复学)
        self.escalated = False
        self.ever_crisis = False
        self.leave: tuple[date, date, str] | None = None
        self.theme = pick(self.rng, PRESENTING)  # what the pupil first came with
        pace = world.profile.pace
        # Follow-up this many times as often as the policy's interval (1: as the policy says).
        self.pace = self.rng.lognormvariate(*pace) * world.pace_scale if pace else 1.0

    # -- records ---------------------------------------------------------------------------

    def session(
        self,
        day: date,
        kind: str,
        *,
        mode: str = "in_person",
        self_harm: bool = False,
        source: str = "",
        brief: bool = False,
    ) -> None:
        add_session(
            self.world,
            self.pupil,
            day,
            kind,
            mode=mode,
            self_harm=self_harm,
            next_in=self.interval(),
            source=source,
            theme=self.theme,
            brief=brief,
        )
        self.sessions += 1
        self.last_contact = day
        self.last_appointment = day + self.interval()  # the session's next_appointment (local)

    def interval(self) -> timedelta:
        return self.world.policy.follow_up.interval_for(Tier(self.tier)) or TIER0_INTERVAL

    def change(self, day: date, new: int, evidence_kind: str) -> None:
        raising = new > self.tier
        decided = utc(day, 17)
        change_id = self.world.tables.add(
            TierChange,
            student_id=self.pupil.id,
            from_tier=self.tier,
            to_tier=new,
            effective_on=day,
            reason=wording.RAISE_REASONS[new] if raising else wording.LOWER_REASONS[new],
            evidence_kind=evidence_kind,
            evidence=wording.EVIDENCE[evidence_kind],
            review_note=None if raising else pick(self.rng, wording.REVIEW_NOTES),
            decided_by_id=self.world.counsellor_id,
            created_at=decided,
            origin=None,
        )
        if raising:
            add_raise_tasks(self.world, self.pupil, change_id, new, decided)
            if new >= 2:
                document(self.world, self.pupil, "escalation-notice", "心理危机分级上报单", day)
                document(self.world, self.pupil, "parent-notice", "致家长的告知书", day)
        self.tier = self.pupil.tier = new
        self.ever_crisis = self.ever_crisis or new == 3

    def plan(self, day: date, note: str | None) -> None:
        self.plan_version += 1
        self.review_on = add_plan(
            self.world,
            self.pupil,
            self.plan_version,
            day,
            self.tier,
            referred=self.referred,
            change_note=note,
        )

    def may_refer(self) -> bool:
        return self.rng.random() < self.world.profile.refer.get(self.tier, 0.0)

    def refer(self, day: date) -> None:
        self.referred = True
        outcome = add_referral(self.world, self.pupil, day, self.tier)
        if outcome.seen_on is not None and self.rng.random() < LEAVE_RATE[self.tier]:
            start = next_school_day(outcome.seen_on + timedelta(days=self.rng.randint(2, 7)))
            back = next_school_day(start + timedelta(days=self.rng.randint(60, 110)))
            self.leave = (start, back, outcome.hospital)

    # -- the course of the file ------------------------------------------------------------

    def open(self, day: date, tier: int, source: str, evidence_kind: str, self_harm: bool) -> None:
        self.session(day, "interview", self_harm=self_harm, source=source)
        self.change(day, tier, evidence_kind)
        self.pupil.file_state = "open"
        self.pupil.file_opened_at = utc(day, 16, 30)
        self.plan(day, None)
        add_parent_contact(self.world, self.pupil, day, "phone")
        if self.may_refer():
            self.refer(day)

    def follow(self, start: date, until: date) -> None:
        """Sessions at the tier's interval after ``start``, before ``until`` and ``today``."""
        rng = self.rng
        today = self.world.today
        if until >= today and rng.random() < OVERDUE_RATE:
            until = today - self.interval() * 1.5  # this file's follow-up has slipped
        day = start
        while True:
            step = self.interval() * rng.uniform(0.7, 1.0)
            day = next_school_day(day + max(step / self.pace, ONE_DAY))
            if day >= until or day >= today:
                return
            roll = rng.random()
            if roll < 0.08:
                self.session(day, "family")
            elif roll < 0.16:
                self.session(day, "individual", mode="phone")
            elif roll < 0.19 and "left_behind" in self.pupil.groups:
                self.session(day, "home_visit")
                add_parent_contact(self.world, self.pupil, day, "home_visit")
            else:
                self.session(day, "individual")
            if rng.random() < 0.12:
                add_parent_contact(self.world, self.pupil, day)
            if self.review_on is not None and day >= self.review_on:
                self.plan(day, wording.PLAN_CHANGES[1])

    def walk(self, start: date) -> None:
        rng = self.rng
        today = self.world.today
        day = start
        while True:
            low, high = STAY_DAYS[self.tier]
            event = next_school_day(day + timedelta(days=rng.randint(low, high)))
            if self.leave is not None and self.leave[0] < min(event, today):
                if not self._take_leave(day):
                    return
                day = self.last_contact or day
                continue
            self.follow(day, min(event, today))
            if event >= today:
                return
            if self.tier == 0:
                if self._may_close() and rng.random() < CLOSE_AT_ZERO:
                    self.close(event)
                    return
                if not self.world.profile.follow_at_zero:
                    self._review_while_observed()
                    return
                day = event
                continue
            if not self.escalated and self.tier < 3 and rng.random() < ESCALATE[self.tier]:
                self.escalated = True
                self_harm = self.tier == 2 and rng.random() < 0.7
                self.session(event, "crisis" if self_harm else "individual", self_harm=self_harm)
                self.change(event, self.tier + 1, "interview")
                self.plan(event, wording.PLAN_CHANGES[0])
                if not self.referred and self.may_refer():
                    self.refer(event)
            else:
                self.session(event, "individual")
                self.change(event, self.tier - 1, "interview")
                self.plan(event, wording.PLAN_CHANGES[0])
            day = event

    def _take_leave(self, day: date) -> bool:
        assert self.leave is not None
        start, back, hospital = self.leave
        self.leave = None
        self.follow(day, start)
        if not add_leave(self.world, self.pupil, start, back, hospital):
            return False
        self.returned_on = back
        add_parent_contact(self.world, self.pupil, back - timedelta(days=2), "meeting")
        self.session(back, "individual")
        if self.tier == 3:
            self.change(back, 2, "hospital")
        self.plan(back, wording.PLAN_CHANGES[2])
        for due in return_follow_up_dates(self.world.policy, back):
            visit = next_school_day(due)
            if visit >= self.world.today:
                break
            self.session(visit, "individual")
        return True

    def _review_while_observed(self) -> None:
        """A file kept open at tier 0 (观察) without sessions still has its plan reviewed on time,
        as a counsellor would with the 班主任; otherwise the dashboard would carry reviews
        overdue by months that no real room leaves standing."""
        today = self.world.today
        while self.review_on is not None:
            day = next_school_day(self.review_on)
            if day >= today:
                return
            self.plan(day, wording.PLAN_CHANGES[3])

    def _may_close(self) -> bool:
        return self.world.closures_left is None or self.world.closures_left > 0

    def close(self, day: date) -> None:
        rng = self.rng
        if self.world.closures_left is not None:
            self.world.closures_left -= 1
        self.session(day, "individual")
        scores = self.pupil.scores
        last = (
            f"{scores[-1][0].upper()} {scores[-1][1]}（{scores[-1][2].isoformat()}）"
            if scores
            else None
        )
        self.world.tables.add(
            Closure,
            student_id=self.pupil.id,
            closed_on=day,
            reason=rng.choices(("goals_met", "referred", "lost", "other"), (80, 10, 5, 5))[0],
            sessions_count=self.sessions,
            goals_achieved=wording.CLOSURE_GOALS,
            goals_not_achieved=None,
            last_scores=last,
            evaluation=wording.CLOSURE_EVALUATION,
            district_evaluation=wording.DISTRICT_EVALUATION if self.ever_crisis else None,
            closed_by_id=self.world.counsellor_id,
            created_at=utc(day, 17, 30),
            reopened_at=None,
            reopen_reason=None,
            reopened_by_id=None,
            origin=None,
        )
        document(self.world, self.pupil, "closure-report", "结案报告", day)
        self.pupil.file_state = "closed"

    def long_course(self, start: date, source: str, sessions: int) -> None:
        """A file kept open since ``start`` (often years ago) with ``sessions`` sessions on
        random school days (regular sessions, brief check-ins, phone calls, family meetings),
        plan reviews and the tier changes of :data:`LONG_COURSE`. It never closes; a referral
        made at opening leads to no leave."""
        rng = self.rng
        world = self.world
        self.open(start, 3, source, "hospital" if source == "hospital" else "report", True)
        self.leave = None
        days = school_days(next_school_day(start + ONE_DAY), world.today)
        wanted = sessions - self.sessions
        chosen = rng.sample(days, min(wanted, len(days)))
        if wanted > len(days):  # a short history: some days have two contacts
            chosen += rng.sample(days, min(wanted - len(days), len(days)))
        chosen.sort()
        course = list(LONG_COURSE)
        if rng.random() < 0.5:
            course.append(LONG_LAST_LOWERING)
        changes = {max(1, round(share * len(chosen))) - 1: (t, e) for share, t, e in course}
        for index, day in enumerate(chosen):
            if index in changes and changes[index][0] != self.tier:
                new, evidence = changes[index]
                self.session(day, "individual")
                self.change(day, new, evidence)
                self.plan(day, wording.PLAN_CHANGES[0])
                continue
            roll = rng.random()
            if roll < 0.06:
                self.session(day, "family")
            elif roll < 0.14:
                self.session(day, "individual", mode="phone")
            elif roll < 0.55:
                self.session(day, "individual", brief=True)
            else:
                self.session(day, "individual")
            if rng.random() < 0.05:
                add_parent_contact(world, self.pupil, day)
            if self.review_on is not None and day >= self.review_on:
                self.plan(day, wording.PLAN_CHANGES[1])

    def finish(self) -> None:
        pupil = self.pupil
        if pupil.file_state == "open" and pupil.status == "enrolled" and self.last_contact:
            # The services' rule (services/follow_up.py): decisions fall on session days, so the
            # last contact is the anchor; the last appointment may bring the date forward.
            policy = self.world.policy
            due = follow_up_due(policy, Tier(self.tier), self.last_contact, self.last_appointment)
            if self.returned_on is not None:  # the closer series after a return, as services do
                rule = policy.return_follow_up
                until = self.returned_on + rule.interval * rule.count
                closer = closer_follow_up(policy, self.returned_on, until, self.last_contact)
                if closer is not None and (due is None or closer < due):
                    due = closer
            pupil.next_follow_up = due
