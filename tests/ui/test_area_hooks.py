"""The area pages' and table models' hooks are checked when a subclass is defined, so a page
or model that forgot one fails at import, not when a user first opens it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from counselroom.services.context import Context
from counselroom.ui.areas.page_base import LoadingPage
from counselroom.ui.areas.table_kit import RowTableModel


def test_a_model_without_display_is_refused_when_defined() -> None:
    with pytest.raises(TypeError, match="Partial must define display"):

        class Partial(RowTableModel[int]):
            def headers(self) -> Sequence[str]:
                return ("n",)


def test_tier_is_required_only_with_a_tier_column() -> None:
    class Plain(RowTableModel[int]):
        def headers(self) -> Sequence[str]:
            return ("n",)

        def display(self, row: int, column: int) -> str:
            return str(row)

    assert Plain().columnCount() == 1
    with pytest.raises(TypeError, match="Tiered must define tier"):

        class Tiered(Plain):
            TIER_COLUMN = 0


def test_a_page_needs_fetch_and_show_unless_it_plans_its_own_loads() -> None:
    with pytest.raises(TypeError, match="Half must define fetch, show_result"):

        class Half(LoadingPage):
            def clear_content(self) -> None:
                pass

    class Planned(LoadingPage):  # like the audit page: load_plan gives the callables
        def load_plan(self) -> tuple[Callable[[Context], object], Callable[[Any], None]] | None:
            return None

        def clear_content(self) -> None:
            pass

    assert Planned.load_plan is not LoadingPage.load_plan
