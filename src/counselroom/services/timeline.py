"""The 时间线 of a file: every record in one list, newest first, and the clock it is read by.

The vault stores naive UTC (``storage.base.utcnow``); a school day is a Beijing day (China has
one time zone and no daylight saving). The helpers here convert between the two so "today",
"overdue" and term boundaries are local everywhere. Records that carry only a date are placed at
the moment they were entered when that was the same local day, else at local midnight, so a
tier decided after an interview sorts above the interview.

Titles and summaries are short factual text built from codes and dates; a note contributes at
most its first :data:`SNIPPET` characters, so the timeline never becomes a second copy of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from counselroom.domain.cutoffs import Severity
from counselroom.domain.printed_labels import INSTRUMENT_NAMES
from counselroom.domain.screening_flags import flag_label_zh
from counselroom.domain.tiers import RecipientRole
from counselroom.services.localtime import day_moment, local_date, to_local

if TYPE_CHECKING:
    from counselroom.services.student_file import (
        ClosureEntry,
        ConcernEntry,
        ConsentEntry,
        ContactEntry,
        DocumentEntry,
        LeaveEntry,
        PlanEntry,
        ReferralEntry,
        ScreeningEntry,
        SessionEntry,
        TaskEntry,
        TierEntry,
    )

SNIPPET = 40

KINDS = (
    "concern",
    "tier",
    "task",
    "plan",
    "session",
    "amendment",
    "referral",
    "referral_event",
    "contact",
    "consent",
    "leave",
    "return",
    "screening",
    "document",
    "closure",
)
# Among records at the same moment, the one that follows from the others sorts as newer.
_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class TimelineItem:
    """One line of the timeline; ``on`` is naive UTC like every stored time."""

    on: datetime
    kind: str
    title: str
    summary: str
    record_id: int


# -- the clock -----------------------------------------------------------------------------


# -- wording -------------------------------------------------------------------------------

_ROLE_ZH = {
    **{role.value: role.label_zh for role in RecipientRole},
    "subject_teacher": RecipientRole.SUBJECT_TEACHERS.label_zh,  # the staff role's spelling
    "counsellor": "心理教师",  # the same-day risk assessment after a PHQ-9 item-9 answer
}
_SOURCE_ZH = {
    "head_teacher": "班主任",
    "subject_teacher": "科任教师",
    "peer": "心理委员/同学",
    "parent": "家长",
    "self": "学生本人",
    "screening": "筛查",
    "hospital": "医院",
    "police": "公安",
    "observation": "心理教师观察",
    "other": "其他",
}
_SESSION_KIND_ZH = {
    "interview": "面谈",
    "individual": "个体辅导",
    "group": "团体辅导",
    "crisis": "危机干预",
    "family": "家庭会谈",
    "home_visit": "家访",
}
_MODE_ZH = {"in_person": "面询", "phone": "电话", "online": "线上"}
_RISK_ZH = {"none": "无", "self_harm": "自伤风险", "harm_others": "他伤风险"}
_METHOD_ZH = {
    "in_person": "当面",
    "phone": "电话",
    "message": "消息",
    "letter": "书面",
    "meeting": "会议",
}
_REFERRAL_STATE_ZH = {
    "proposed": "拟转介",
    "consent_pending": "待家长同意",
    "consent_given": "家长已同意",
    "consent_refused": "家长拒绝",
    "sent": "已转介",
    "seen": "已就诊",
    "feedback": "已反馈",
    "closed": "已结束",
    "withdrawn": "已撤回",
}
_URGENCY_ZH = {"routine": "常规", "urgent": "紧急", "emergency": "危急"}
_CONSENT_PURPOSE_ZH = {"screening": "心理筛查", "referral": "转介", "transfer": "档案转接"}
_CONSENT_METHOD_ZH = {"paper": "书面", "in_person": "当面", "phone": "电话", "message": "消息"}
_CONTACT_ZH = {
    "meeting": "面谈",
    "home_visit": "家访",
    "phone": "电话",
    "message": "消息",
    "parents_meeting": "家长会",
}
_EVIDENCE_ZH = {
    "interview": "面谈",
    "screening": "筛查",
    "report": "预警报告",
    "hospital": "医院信息",
    "other": "其他",
}
_CLOSURE_ZH = {
    "goals_met": "目标达成",
    "transferred": "转学",
    "graduated": "毕业",
    "referred": "转介移交",
    "lost": "失访",
    "other": "其他",
}
_LEAVE_ZH = {"on_leave": "休学中", "returned": "已复学", "cancelled": "已撤销"}
_DOCUMENT_ZH = {
    "parent-notice": "家长告知书",
    "escalation-notice": "升级通报",
    "district-report": "区县报告",
    "referral-letter": "转介函",
    "plan": "一生一策",
    "return-assessment": "复学评估",
    "closure-report": "结案报告",
}
_FIELD_ZH = {
    "presenting": "主诉",
    "observation": "观察",
    "assessment": "评估",
    "plan_text": "计划",
    "participants": "参与人",
}


def snippet(text: str | None, limit: int = SNIPPET) -> str:
    """The start of a note on one line: enough to recognise it, not to read it."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _label(table: dict[str, str], code: str | None) -> str:
    return table.get(code or "", code or "")


def _clock(moment: datetime) -> str:
    return to_local(moment).strftime("%Y-%m-%d %H:%M")


def _join(*parts: str) -> str:
    return "；".join(part for part in parts if part)


# -- building ------------------------------------------------------------------------------


def build_timeline(
    *,
    tiers: Iterable[TierEntry] = (),
    tasks: Iterable[TaskEntry] = (),
    plans: Iterable[PlanEntry] | None = None,
    sessions: Iterable[SessionEntry] | None = None,
    concerns: Iterable[ConcernEntry] | None = None,
    referrals: Iterable[ReferralEntry] | None = None,
    contacts: Iterable[ContactEntry] | None = None,
    consents: Iterable[ConsentEntry] | None = None,
    leaves: Iterable[LeaveEntry] | None = None,
    screenings: Iterable[ScreeningEntry] | None = None,
    documents: Iterable[DocumentEntry] | None = None,
    closures: Iterable[ClosureEntry] | None = None,
) -> tuple[TimelineItem, ...]:
    """Every record given, newest first. A part the reader may not see is passed as None."""
    items: list[TimelineItem] = []
    items += [_tier(t) for t in tiers]
    items += [_task(t) for t in tasks]
    for plan in plans or ():
        items.append(
            TimelineItem(
                plan.created_at,
                "plan",
                f"一生一策 第{plan.version}版",
                _join(f"复评日期 {plan.review_on.isoformat()}", snippet(plan.change_note)),
                plan.id,
            )
        )
    for s in sessions or ():
        items.append(_session(s))
        for a in s.amendments:
            items.append(
                TimelineItem(
                    a.created_at,
                    "amendment",
                    "补充记录",
                    _join(
                        f"{_label(_FIELD_ZH, a.field)}（{_clock(s.started_at)} 的记录）",
                        snippet(a.reason),
                    ),
                    a.id,
                )
            )
    for c in concerns or ():
        items.append(_concern(c))
    for r in referrals or ():
        items += _referral(r)
    for ct in contacts or ():
        items.append(
            TimelineItem(
                day_moment(ct.on, ct.created_at),
                "contact",
                f"家校沟通：{_label(_CONTACT_ZH, ct.kind)}",
                _join(ct.with_whom, snippet(ct.summary)),
                ct.id,
            )
        )
    items += [_consent(c) for c in consents or ()]
    for leave in leaves or ():
        items += _leave(leave)
    for sc in screenings or ():
        items.append(_screening(sc))
    for d in documents or ():
        action = "打印" if d.action == "print" else "保存"
        items.append(
            TimelineItem(
                d.created_at,
                "document",
                f"文书{action}：{_label(_DOCUMENT_ZH, d.kind)}",
                snippet(d.title),
                d.id,
            )
        )
    for cl in closures or ():
        reopened = f"{local_date(cl.reopened_at).isoformat()} 重新开案" if cl.reopened_at else ""
        items.append(
            TimelineItem(
                day_moment(cl.closed_on, cl.created_at),
                "closure",
                f"结案：{_label(_CLOSURE_ZH, cl.reason)}",
                _join(f"辅导 {cl.sessions_count} 次", reopened),
                cl.id,
            )
        )
    items.sort(key=lambda i: (i.on, _RANK[i.kind], i.record_id), reverse=True)
    return tuple(items)


def _tier(t: TierEntry) -> TimelineItem:
    return TimelineItem(
        day_moment(t.effective_on, t.created_at),
        "tier",
        f"分级：{t.from_tier} → {t.to_tier}",
        _join(f"依据：{_label(_EVIDENCE_ZH, t.evidence_kind)}", snippet(t.reason), t.decided_by),
        t.id,
    )


def _task(t: TaskEntry) -> TimelineItem:
    role = _label(_ROLE_ZH, t.recipient_role)
    if t.done_at is not None:
        how = f"（{_label(_METHOD_ZH, t.done_method)}）" if t.done_method else ""
        return TimelineItem(t.done_at, "task", f"已通知{role}", f"已完成{how}", t.id)
    return TimelineItem(t.due_at, "task", f"待通知{role}", f"截止 {_clock(t.due_at)}", t.id)


def _session(s: SessionEntry) -> TimelineItem:
    risk = "" if s.risk_check == "none" else _label(_RISK_ZH, s.risk_check)
    return TimelineItem(
        s.started_at,
        "session",
        f"{_label(_SESSION_KIND_ZH, s.kind)}（{_label(_MODE_ZH, s.mode)}）",
        _join(f"{s.duration_min}分钟", risk, snippet(s.presenting)),
        s.id,
    )


def _concern(c: ConcernEntry) -> TimelineItem:
    handled = "已处理" if c.handled_at else "未处理"
    return TimelineItem(
        day_moment(c.reported_on, c.created_at),
        "concern",
        f"预警：{_label(_SOURCE_ZH, c.source)}",
        _join(handled, snippet(c.description)),
        c.id,
    )


def _referral(r: ReferralEntry) -> list[TimelineItem]:
    items = [
        TimelineItem(
            day_moment(r.proposed_on, r.created_at),
            "referral",
            f"转介：{r.institution}",
            _join(_label(_URGENCY_ZH, r.urgency), _label(_REFERRAL_STATE_ZH, r.state)),
            r.id,
        )
    ]
    for e in r.events:
        items.append(
            TimelineItem(
                e.at,
                "referral_event",
                f"转介进展：{_label(_REFERRAL_STATE_ZH, e.state)}",
                _join(r.institution, snippet(e.note)),
                e.id,
            )
        )
    return items


def _consent(c: ConsentEntry) -> TimelineItem:
    who = "学生本人" if c.by_student else f"{c.guardian_name}（{c.relation}）"
    withdrawn = f"{c.withdrawn_on.isoformat()} 撤回" if c.withdrawn_on else ""
    return TimelineItem(
        day_moment(c.on, c.created_at),
        "consent",
        f"知情同意：{_label(_CONSENT_PURPOSE_ZH, c.purpose)}（{'同意' if c.given else '拒绝'}）",
        _join(who, _label(_CONSENT_METHOD_ZH, c.method), withdrawn),
        c.id,
    )


def _leave(leave: LeaveEntry) -> list[TimelineItem]:
    back = leave.expected_return_on
    items = [
        TimelineItem(
            day_moment(leave.start_on, leave.created_at),
            "leave",
            "休学",
            _join(
                _label(_LEAVE_ZH, leave.state),
                f"预计复学 {back.isoformat()}" if back else "",
            ),
            leave.id,
        )
    ]
    ret = leave.return_record
    if ret is not None:
        until = ret.close_follow_up_until
        items.append(
            TimelineItem(
                day_moment(ret.returned_on, ret.created_at),
                "return",
                "复学",
                f"密切随访至 {until.isoformat()}" if until else "",
                ret.id,
            )
        )
    return items


def _band_label(band: str) -> str:
    try:
        return Severity(band).label_zh
    except ValueError:
        return band


def _screening(sc: ScreeningEntry) -> TimelineItem:
    total = "" if sc.total is None else f"总分 {sc.total}"
    band = f"（{_band_label(sc.band)}）" if sc.band else ""
    flags = f"提示：{'、'.join(flag_label_zh(f) for f in sc.flags)}" if sc.flags else ""
    return TimelineItem(
        day_moment(sc.on, sc.created_at),
        "screening",
        f"{INSTRUMENT_NAMES.get(sc.instrument, sc.instrument)} 筛查",
        _join(total + band, flags, "" if sc.valid else "无效"),
        sc.id,
    )
