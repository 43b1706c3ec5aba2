"""`student list|show`: the JSON shapes are a contract (DESIGN.md); keys are never renamed."""

from __future__ import annotations

import argparse
from typing import Any

from counselroom.cli.output import emit_json, table
from counselroom.domain.printed_labels import STUDENT_STATUS_ZH
from counselroom.domain.tiers import Tier
from counselroom.services.context import Context
from counselroom.services.students import StudentDetail, StudentRow, list_students, show_student


def row_json(row: StudentRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "student_no": row.student_no,
        "name": row.name,
        "grade": row.grade,
        "class": row.class_label,
        "tier": row.tier,
        "status": row.status,
        "next_follow_up": row.next_follow_up,
        "file_state": row.file_state,
        "groups": list(row.groups),
    }


def detail_json(detail: StudentDetail) -> dict[str, Any]:
    out = row_json(detail.row)
    out["tasks"] = [
        {"role": t.role, "person": t.person, "due": t.due, "done_at": t.done_at}
        for t in detail.tasks
    ]
    out["plan_version"] = detail.plan_version
    out["sessions"] = detail.sessions
    out["referrals"] = (
        None
        if detail.referrals is None
        else [
            {
                "state": r.state,
                "urgency": r.urgency,
                "sent_at": r.sent_at,
                "seen_at": r.seen_at,
                "feedback_at": r.feedback_at,
            }
            for r in detail.referrals
        ]
    )
    out["leave"] = (
        None
        if detail.leave is None
        else {"state": detail.leave.state, "from": detail.leave.start, "to": detail.leave.end}
    )
    out["screenings"] = (
        None
        if detail.screenings is None
        else [
            {"instrument": s.instrument, "date": s.date, "total": s.total, "flags": list(s.flags)}
            for s in detail.screenings
        ]
    )
    out["restricted"] = detail.restricted
    return out


def matches(row: StudentRow, args: argparse.Namespace) -> bool:
    if args.grade and args.grade not in (row.grade, str(row.grade_level)):
        return False
    if args.tier is not None and row.tier != args.tier:
        return False
    if args.status and row.status != args.status:
        return False
    if args.search:
        needle = args.search.lower()
        haystack = f"{row.name} {row.name_pinyin} {row.student_no or ''} {row.class_label}"
        return needle in haystack.lower()
    return True


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = [r for r in list_students(ctx) if matches(r, args)]
    if args.json:
        emit_json({"students": [row_json(r) for r in rows]})
        return 0
    body = [
        [
            r.student_no or str(r.id),
            r.name,
            r.grade,
            r.class_label,
            f"{r.tier} {Tier(r.tier).label_zh}",
            STUDENT_STATUS_ZH.get(r.status, r.status),
            r.next_follow_up.isoformat() if r.next_follow_up else "",
        ]
        for r in rows
    ]
    print(table(body, ["学籍号", "姓名", "年级", "班级", "分级", "状态", "下次随访"]))
    print(f"{len(rows)} students")
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    detail = show_student(ctx, args.sid)
    data = detail_json(detail)
    if args.json:
        emit_json(data)
        return 0
    row = detail.row
    print(f"{row.name}  {row.student_no or ''}  {row.grade} {row.class_label}")
    print(
        f"tier: {row.tier} {Tier(row.tier).label_zh}   status: {STUDENT_STATUS_ZH.get(row.status)}"
    )
    print(f"next follow-up: {row.next_follow_up or '-'}")
    open_tasks = [t for t in detail.tasks if t.done_at is None]
    print(f"open notification tasks: {len(open_tasks)}")
    for task in open_tasks:
        print(f"  {task.role}  {task.person}  due {task.due:%Y-%m-%d %H:%M}")
    if detail.restricted:
        print("(case notes, plans, referrals and screening results are not shown to this role)")
    else:
        print(f"plan version: {detail.plan_version or '-'}   sessions: {detail.sessions}")
        referrals, screenings = len(detail.referrals or ()), len(detail.screenings or ())
        print(f"referrals: {referrals}   screenings: {screenings}")
    return 0
