"""`document`: one kind of printed document for one student, saved as a PDF.

The document is rendered and saved through the same services as the window's 文书 tab: the
save is recorded in the student's file and audited. `--out` is checked before anything is
rendered, so a wrong path leaves no trace; a kind the file does not give exits 1 with the
reason naming the student.
"""

from __future__ import annotations

import argparse
from typing import Any

from counselroom.cli.output import respond
from counselroom.services.context import Context
from counselroom.services.document_numbers import RenderedDocument, pdf_path
from counselroom.services.documents import (
    DocumentRequest,
    render_document,
    save_document,
    student_id_for,
)


def result_json(rendered: RenderedDocument, path: str) -> dict[str, Any]:
    return {
        "path": path,
        "kind": rendered.kind,
        "numbers": list(rendered.numbers),
        "pages": rendered.pages,
        "sha256": rendered.sha256,
        "font": rendered.font_note,
    }


def cmd_document(ctx: Context, args: argparse.Namespace) -> int:
    target = pdf_path(args.out)
    request = DocumentRequest(
        kind=args.kind,
        student_id=student_id_for(ctx, args.student),
        recipient=args.recipient,
        referral_id=args.referral,
        note=args.note or "",
    )
    rendered = render_document(ctx, request)
    save_document(ctx, rendered, target)
    numbers = "、".join(rendered.numbers)
    text = "\n".join(
        (
            f"saved {target}",
            f"{rendered.title}: {numbers} ({rendered.pages} pages)",
            rendered.font_note,
        )
    )
    respond(args.json, result_json(rendered, str(target)), text)
    return 0
