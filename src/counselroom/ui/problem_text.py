"""A data problem in the window's language: an import's Problem or a service's ValidationError.

The layers below the window are Qt-free and speak English (the CLI prints their words), but a
message they make with a template (``ValidationError.of``, ``Problem.of``) keeps the template
and its data apart. Here the template is translated in the "problems" context and then filled
in; a message without a template is shown in English, as before, rather than not at all.

The filling is the domain's one-pass ``fill``: a cell that holds "%1" must be shown as typed,
and ``ui.i18n.fill`` replaces one placeholder after another, so it would fill it in again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from counselroom.domain.errors import PROBLEMS, ValidationError, fill
from counselroom.domain.referral_flow import STATE_TEMPLATES
from counselroom.intake.problems import Problem
from counselroom.transfer.errors import ArchiveError
from counselroom.ui.areas.codes import referral_state_label

__all__ = ["error_text", "message_text", "problem_text"]


def message_text(template: str, args: Sequence[str], english: str) -> str:
    """``template`` translated and filled with ``args``; ``english`` when there is no template."""
    if not template:
        return english
    if template in STATE_TEMPLATES:  # codes such as "consent_given" read as their names
        separator = QCoreApplication.translate("problems", ", ")  # 、 in a Chinese list
        args = [separator.join(referral_state_label(c) for c in a.split(", ")) for a in args]
    return fill(QCoreApplication.translate(PROBLEMS, template), *args)


def problem_text(problem: Problem) -> str:
    """The reason of an import problem (its row and column are shown apart)."""
    return message_text(problem.template, problem.args, problem.reason)


def error_text(error: BaseException, *, record: bool = True) -> str:
    """What a refusal says, for a message line; ``record=False`` leaves out what it concerns
    (a dialog that shows the error under its field, or that names the student itself).

    A ValidationError made from a template is translated and, with ``record``, preceded by its
    record (the file name); its ``field`` is a field key ("class"), not words, and is not
    shown. Any other error, or one without a template, reads as ``str()`` always did.

    An ArchiveError (a refused archive, card or backup) is translated from its template; its
    arguments already name the file where that matters.
    """
    if isinstance(error, ArchiveError):
        return message_text(error.template, error.args_text, str(error))
    if not isinstance(error, ValidationError) or not error.template:
        if isinstance(error, ValidationError) and not record:
            return error.message
        return str(error)
    reason = message_text(error.template, error.args, error.message)
    if record and error.record:
        # The context is spelled out: lupdate reads it from the call.
        return fill(QCoreApplication.translate("problems", "%1: %2"), error.record, reason)
    return reason
