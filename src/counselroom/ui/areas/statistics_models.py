"""The breakdown tables of the 统计 page: students per tier, per grade and per care group."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from counselroom.ui.areas.codes import care_group_label, care_group_order
from counselroom.ui.areas.table_kit import RowTableModel
from counselroom.ui.labels import tier_full


@dataclass(frozen=True)
class Count:
    """One line of a breakdown: a key (tier, grade label or group code) and its numbers."""

    key: int | str
    count: int
    extra: int = 0  # open files, for the grade table
    total: int = 0  # what `count` is a share of


def share_text(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


COL_TIER, COL_TIER_NAME, COL_TIER_STUDENTS, COL_TIER_SHARE = range(4)


class TierCountModel(RowTableModel[Count]):
    TIER_COLUMN = COL_TIER
    NUMERIC_COLUMNS = frozenset({COL_TIER_STUDENTS, COL_TIER_SHARE})

    def set_counts(self, by_tier: Mapping[int, int]) -> None:
        whole = sum(by_tier.values())
        self.set_rows([Count(tier, by_tier.get(tier, 0), total=whole) for tier in range(4)])

    def headers(self) -> Sequence[str]:
        return (self.tr("Tier"), self.tr("Meaning"), self.tr("Students"), self.tr("Share"))

    def display(self, row: Count, column: int) -> str:
        if column == COL_TIER:
            return self.tier_text(self.tier(row))
        if column == COL_TIER_NAME:
            return tier_full(self.tier(row))
        if column == COL_TIER_STUDENTS:
            return str(row.count)
        if column == COL_TIER_SHARE:
            return share_text(row.count, row.total)
        return ""

    def tier(self, row: Count) -> int:
        return int(row.key)


COL_GRADE, COL_GRADE_STUDENTS, COL_GRADE_OPEN = range(3)


class GradeCountModel(RowTableModel[Count]):
    NUMERIC_COLUMNS = frozenset({COL_GRADE_STUDENTS, COL_GRADE_OPEN})

    def set_counts(self, by_grade: Sequence[tuple[str, int, int]]) -> None:
        self.set_rows(
            [Count(label, students, open_files) for label, students, open_files in by_grade]
        )

    def headers(self) -> Sequence[str]:
        return (self.tr("Grade"), self.tr("Students"), self.tr("Open files"))

    def display(self, row: Count, column: int) -> str:
        if column == COL_GRADE:
            return str(row.key)
        if column == COL_GRADE_STUDENTS:
            return str(row.count)
        if column == COL_GRADE_OPEN:
            return str(row.extra)
        return ""


COL_GROUP, COL_GROUP_STUDENTS = range(2)


class GroupCountModel(RowTableModel[Count]):
    NUMERIC_COLUMNS = frozenset({COL_GROUP_STUDENTS})

    def set_counts(self, groups: Mapping[str, int]) -> None:
        codes = sorted(groups, key=lambda code: (care_group_order(code), code))
        self.set_rows([Count(code, groups[code]) for code in codes])

    def headers(self) -> Sequence[str]:
        return (self.tr("Care group"), self.tr("Students"))

    def display(self, row: Count, column: int) -> str:
        if column == COL_GROUP:
            return care_group_label(str(row.key))
        if column == COL_GROUP_STUDENTS:
            return str(row.count)
        return ""
