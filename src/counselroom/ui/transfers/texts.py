"""Shown names of the transfer codes (standing of a card, outcome of a student, direction and
method of a transfer) and the time format, translated at the moment of display."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from counselroom.services.localtime import to_local
from counselroom.services.school_cards import KEY_CHANGED, OWN, TRUSTED, UNKNOWN
from counselroom.services.transfer_import import IMPORTED, MERGED, REFUSED, UNCHANGED
from counselroom.transfer.manifest import as_utc

# lupdate finds `translate("transfers", "…")` calls; a helper taking a variable would hide them.
translate = QCoreApplication.translate

# The purposes offered in the export form. They are data written into the archive and shown
# to the receiving school, which reads Chinese whatever language this window speaks.
PURPOSES = ("转学", "小升初", "初升高", "其他")


def standing_text(standing: str) -> str:
    names = {
        TRUSTED: translate("transfers", "on the trust list"),
        UNKNOWN: translate("transfers", "not on the trust list"),
        KEY_CHANGED: translate(
            "transfers", "KEYS CHANGED: a trusted school's name with other keys"
        ),
        OWN: translate("transfers", "this school's own card"),
    }
    return names.get(standing, standing)


def outcome_label(outcome: str) -> str:
    names = {
        IMPORTED: translate("transfers", "new"),
        MERGED: translate("transfers", "merged"),
        UNCHANGED: translate("transfers", "no change"),
        REFUSED: translate("transfers", "refused"),
        "exported": translate("transfers", "sent"),
    }
    return names.get(outcome, outcome)


def direction_label(direction: str) -> str:
    names = {
        "export": translate("transfers", "sent (转出)"),
        "import": translate("transfers", "received (转入)"),
    }
    return names.get(direction, direction)


def method_label(method: str) -> str:
    names = {
        "card": translate("transfers", "school card"),
        "passphrase": translate("transfers", "passphrase"),
    }
    return names.get(method, method)


def local_time_text(moment: datetime) -> str:
    """A stored (naive UTC) or manifest (aware) moment on the school's wall clock."""
    return to_local(as_utc(moment).replace(tzinfo=None)).strftime("%Y-%m-%d %H:%M")
