"""A refused referral move names the states by their translated names in the window, while the
CLI keeps the codes (the domain's English)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from counselroom.domain.errors import ValidationError
from counselroom.domain.referral_flow import check_transition
from counselroom.ui.problem_text import error_text


def test_a_skipped_state_reads_with_state_names(qapp: object) -> None:
    with pytest.raises(ValidationError) as caught:
        check_transition("proposed", "seen")
    assert "proposed" in str(caught.value) and "consent_pending" in str(caught.value)
    shown = error_text(caught.value)
    for code in ("proposed", "seen", "consent_pending", "consent_given", "withdrawn"):
        assert code not in shown
    assert QCoreApplication.translate("codes", "seen by the institution") in shown
    assert QCoreApplication.translate("codes", "awaiting guardian consent") in shown


def test_a_final_state_reads_with_its_name(qapp: object) -> None:
    with pytest.raises(ValidationError) as caught:
        check_transition("closed", "sent")
    shown = error_text(caught.value)
    assert "closed" not in shown
    assert QCoreApplication.translate("codes", "closed") in shown
