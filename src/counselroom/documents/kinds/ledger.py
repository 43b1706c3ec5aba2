"""台账 of one care group (重点关爱群体, seed 004 keeps three): one row per student."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from counselroom.documents.data import LedgerData, LedgerLine
from counselroom.documents.kinds import common
from counselroom.documents.model import Block, Document, Table
from counselroom.documents.printed_words import care_group_zh, gender_zh, tier_zh

KIND = "ledger"
# Seven columns fit a portrait A4 page at table size without breaking a name: the class and its
# 班主任 share a cell, and so do the three follow-up dates (in the compact 2026.11.20 form:
# since when the student is on the ledger, the last contact, the next follow-up).
HEADERS = ("序号", "姓名", "性别", "学籍号", "班级（班主任）", "分级", "跟踪情况")
WIDTHS = (22.0, 56.0, 26.0, 88.0, 72.0, 60.0, 118.0)


def key(data: LedgerData) -> str:
    return KIND


def values(data: LedgerData) -> dict[str, str]:
    return {
        **common.issue_values(data.school, data.issue),
        "关爱群体": care_group_zh(data.group),
        "人数": str(len(data.lines)),
    }


def short_date(d: date | None) -> str:
    return common.MISSING if d is None else f"{d.year}.{d.month}.{d.day}"


def _row(number: int, line: LedgerLine) -> tuple[str, ...]:
    follow_up = (
        f"纳入：{short_date(line.since)}\n"
        f"上次：{short_date(line.last_contact)}\n"
        f"下次：{short_date(line.next_follow_up)}"
    )
    return (
        str(number),
        line.name,
        gender_zh(line.gender),
        common.or_missing(line.student_no),
        f"{common.or_missing(line.class_label)}\n（{common.or_missing(line.head_teacher)}）",
        tier_zh(line.tier),
        follow_up,
    )


def build(data: LedgerData, parts: Mapping[str, str], template_version: int | None) -> Document:
    filled = values(data)
    title = common.heading(parts, filled, f"（{filled['关爱群体']}）")
    table = Table(
        HEADERS,
        tuple(_row(n, line) for n, line in enumerate(data.lines, start=1)),
        widths=WIDTHS,
        empty_text="（本群体暂无学生）",
    )
    blocks: list[Block] = [
        title,
        *common.paragraphs(common.filled(parts, "body", filled)),
        table,
        common.signature(data.school, data.issue, "心理辅导室"),
    ]
    head = common.running_head(data.school, data.issue, f"{title.text}（{filled['关爱群体']}）")
    return common.document(KIND, head, tuple(blocks), template_version)
