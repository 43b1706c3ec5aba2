"""Printed documents (issue 7), each figure next to bare reportlab measured in the same run.

    python bench/bench_documents.py

The primitive is bare reportlab: one SimpleDocTemplate on A4 with a Paragraph per string of
the same document (every text the notice prints, in the same TrueType face, already
registered), no running head, no tables, no glyph check — the least any PDF of that text costs.

* one parent notice (家长告知书, tier 2, sample data), warm: documents.render of the built
  Document, and the whole service (services.documents.render_document on a demo school: read
  the file, number it, word it, lay it out) — DESIGN.md wants ≤ 150 ms and ≤ 2 × bare;
* the same notice cold: a fresh process, font loading timed apart (the font load is the same
  file read both ways and is shown on its own line);
* 500 parent notices in one batch PDF (services.documents.render_batch) vs. bare reportlab
  laying out the same 500 notices' text into one PDF.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="counselroom-bench-documents-"))
os.environ["COUNSELROOM_CONFIG_DIR"] = str(WORK / "config")
sys.path.insert(0, str(Path(__file__).parent))
from common import HEADER, row, timed  # noqa: E402

BATCH = 500


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--cold":
        _cold(sys.argv[2])
        return
    try:
        _run()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


def texts_of(value: object) -> list[str]:
    """Every string a document prints, in order (the primitive lays out the same text)."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: list[str] = []
        for f in dataclasses.fields(value):
            if f.name not in ("kind", "template_version", "notes"):
                out += texts_of(getattr(value, f.name))
        return out
    if isinstance(value, tuple | list):
        return [t for item in value for t in texts_of(item)]
    return []


def bare_pdf(strings: list[str], font_name: str) -> bytes:
    import io
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = ParagraphStyle("body", fontName=font_name, fontSize=16, leading=28, wordWrap="CJK")
    story: list[object] = []
    for text in strings:
        if text == "\f":
            story.append(PageBreak())
        else:
            story.append(Paragraph(escape(text), style))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def notice():  # type: ignore[no-untyped-def]
    from counselroom.documents.kinds import build
    from counselroom.documents.kinds.samples import parent_notice
    from counselroom.documents.templates import DEFAULT_TEMPLATES

    return build(parent_notice(2), DEFAULT_TEMPLATES["parent-notice-2"], template_version=0)


def _cold(which: str) -> None:
    """One render in this fresh process: prints font-load and render seconds."""
    start = time.perf_counter()
    from counselroom.documents.fonts import resolve_fonts

    fonts = resolve_fonts()
    font_s = time.perf_counter() - start
    start = time.perf_counter()
    if which == "ours":
        from counselroom.documents.render import render

        render(notice(), fonts)
    else:
        bare_pdf(texts_of(notice()), fonts.primary.name)
    print(f"{font_s} {time.perf_counter() - start}")


def _run() -> None:
    from counselroom.documents.fonts import resolve_fonts
    from counselroom.documents.render import render

    fonts = resolve_fonts()
    print(f"font: {fonts.primary.label}; embedded: {fonts.primary.embedded}\n")
    document = notice()
    strings = texts_of(document)
    render(document, fonts)  # warm both paths once
    bare_pdf(strings, fonts.primary.name)
    lines = [HEADER]
    bare = timed(lambda: bare_pdf(strings, fonts.primary.name), repeat=7)
    lines.append(
        row(
            "parent notice, render only, warm",
            timed(lambda: render(document, fonts), 7),
            "bare reportlab",
            bare,
        )
    )

    cold: dict[str, tuple[float, float]] = {}
    for which in ("ours", "bare"):
        samples = []
        for _ in range(3):
            out = subprocess.run(
                [sys.executable, __file__, "--cold", which],
                check=True,
                capture_output=True,
                text=True,
                env={**os.environ},
            ).stdout.split()
            samples.append((float(out[0]), float(out[1])))
        cold[which] = min(samples, key=lambda s: s[1])
    lines.append(
        row(
            "parent notice, cold (fresh process)",
            cold["ours"][1],
            "bare reportlab, cold",
            cold["bare"][1],
        )
    )
    lines.append(f"| font load (apart), cold | {cold['ours'][0] * 1000:.0f} ms | | | |")

    ctx, student_id, batch_ids = _demo_school()
    from counselroom.services.documents import DocumentRequest, render_batch, render_document

    request = DocumentRequest("parent-notice", student_id)
    render_document(ctx, request)
    service = timed(lambda: render_document(ctx, request), repeat=7)
    lines.append(row("parent notice, whole service, warm", service, "bare reportlab", bare))

    batch_strings: list[str] = []
    for _ in range(BATCH):
        batch_strings += [*strings, "\f"]
    bare_batch = timed(lambda: bare_pdf(batch_strings, fonts.primary.name), repeat=2)
    ours_batch = timed(lambda: render_batch(ctx, "parent-notice", batch_ids), repeat=2)
    lines.append(
        row(
            f"{len(batch_ids)} parent notices, one batch PDF",
            ours_batch,
            f"bare reportlab, {BATCH} notices",
            bare_batch,
        )
    )
    print("\n".join(lines))


def _demo_school():  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from counselroom.services import auth
    from counselroom.services.demo import create_demo_vault
    from counselroom.storage.models import Student
    from counselroom.vault.kdf import INSECURE_TEST_PARAMS

    folder = WORK / "vault"
    made, _, _ = create_demo_vault(
        folder, 5000, seed=7, kdf=INSECURE_TEST_PARAMS, today=date.today(), profile="benchmark"
    )
    made.close()
    ctx = auth.login(folder, "admin", "demo-password")
    with ctx.vault.read() as session:
        ids = list(
            session.scalars(
                select(Student.id)
                .where(Student.tier >= 1, Student.file_state == "open")
                .order_by(Student.id)
            )
        )
    if len(ids) < BATCH:
        raise SystemExit(f"the demo school has only {len(ids)} open files at tier 1-3")
    return ctx, ids[0], ids[:BATCH]


if __name__ == "__main__":
    main()
