"""Many students' parent notices (or escalation notices to the head teacher) in one PDF.

The batch is apart from documents.py because of what only it does: choosing which students a
kind applies to (the rest are skipped with the reason), progress over two passes, and
cancelling (BatchCancelled) before anything is produced or audited. One transaction, like
every render; services.documents re-exports its names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from counselroom.domain.errors import QT_TRANSLATE_NOOP, CounselRoomError, ValidationError
from counselroom.services.context import Context
from counselroom.services.document_building import data_for, package, worded
from counselroom.services.document_fonts import document_fonts
from counselroom.services.document_numbers import RenderedDocument, next_numbers
from counselroom.services.document_options import (
    DocumentRequest,
    check_request,
    file_facts,
    why_not,
)
from counselroom.services.document_reasons import Reason
from counselroom.services.localtime import local_today
from counselroom.services.roles import Permission
from counselroom.storage.models import Student

__all__ = ["BATCH_KINDS", "BatchCancelled", "render_batch"]

BATCH_KINDS = ("parent-notice", "escalation-notice")


class BatchCancelled(CounselRoomError):
    """The user stopped a batch before its PDF was made; nothing was produced or audited."""


def render_batch(
    ctx: Context,
    kind: str,
    student_ids: Sequence[int],
    *,
    note: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RenderedDocument:
    """Parent notices (or escalation notices to the head teacher) for many students in one
    PDF, each document its own pages; students the kind does not apply to are skipped with the
    reason. ``progress(done, total)`` counts each student twice (facts gathered, notice laid
    out); ``cancelled`` is asked at each step (BatchCancelled: nothing produced or audited)."""
    ctx.require(Permission.EDIT_CASES)
    if kind not in BATCH_KINDS:
        raise ValidationError(f"a batch prints {' or '.join(BATCH_KINDS)}", field="kind")
    recipient = "head_teacher" if kind == "escalation-notice" else None
    fonts = document_fonts()
    ids = list(dict.fromkeys(student_ids))
    with ctx.vault.write() as session:
        chosen: list[tuple[Student, DocumentRequest]] = []
        skipped: list[tuple[int, str]] = []
        for student_id in ids:
            student = session.get(Student, student_id)
            if student is None:
                gone = Reason(QT_TRANSLATE_NOOP("problems", "no student with id %1"), student_id)
                skipped.append((student_id, gone))
                continue
            request = check_request(DocumentRequest(kind, student.id, recipient, note=note))
            reason = why_not(file_facts(session, student), request)
            if reason:
                skipped.append((student.id, reason))
            else:
                chosen.append((student, request))
        if not chosen:
            first = f" ({skipped[0][1]})" if skipped else ""
            raise ValidationError(f"none of the {len(ids)} students can get a {kind}{first}")
        numbers = next_numbers(session, local_today().year, len(chosen))
        # Progress runs over two passes: gathering each student's facts, then laying each
        # notice out (most of the time); cancelling is honoured in both.
        total = 2 * len(chosen)

        def step(done: int) -> None:
            if cancelled is not None and cancelled():
                raise BatchCancelled(f"the batch of {kind} was cancelled")
            if progress is not None:
                progress(done, total)

        documents = []
        for index, ((student, request), number) in enumerate(zip(chosen, numbers, strict=True)):
            target = recipient or kind
            data = data_for(ctx, session, student, request, target, number)
            documents.append(worded(session, data))
            step(index + 1)

        def laid_out(done: int) -> None:
            step(len(chosen) + done)

        chosen_ids = [s.id for s, _r in chosen]
        rendered = package(documents, kind, chosen_ids, fonts, skipped, progress=laid_out)
        ctx.audit(
            session,
            "document.preview",
            detail=f"kind={kind} students={len(chosen)} skipped={len(skipped)}",
        )
    return rendered
