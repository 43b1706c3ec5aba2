"""Every kind's sample goes through the real renderer and reads back from the PDF.

The kinds' tests read the blocks; this one proves the blocks survive layout on this machine's
fonts: the facts each paper must carry are in the PDF's text, and a batch keeps one document's
pages apart from the next.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from test_kinds import KEYS, STUDENT_KEYS, TODAY, sample

from counselroom.documents.fonts import FontSet, resolve_fonts
from counselroom.documents.kinds import samples as S
from counselroom.documents.render import render


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return resolve_fonts()


def _pdf_text(pdf: bytes) -> list[str]:
    # Line breaks fall anywhere in Chinese text, so compare without any whitespace.
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("key", KEYS)
def test_each_sample_renders_with_its_facts(key: str, fonts: FontSet) -> None:
    doc = sample(key)
    result = render(doc, fonts)
    pages = _pdf_text(result.pdf)
    assert result.pages == len(pages) >= 1
    text = "".join(pages)
    facts = [S.SCHOOL.name, S.ISSUE.number, TODAY, doc.head.title]
    if key in STUDENT_KEYS:
        facts += [S.STUDENT.name, S.STUDENT.student_no or "", S.STUDENT.class_label]
    for fact in facts:
        assert re.sub(r"\s+", "", fact) in text, f"{key}: {fact!r} not in the PDF"


def test_a_batch_of_every_kind_keeps_their_pages_apart(fonts: FontSet) -> None:
    docs = [sample(key) for key in KEYS]
    result = render(docs, fonts)
    assert len(result.page_counts) == len(KEYS) and sum(result.page_counts) == result.pages
    pages = _pdf_text(result.pdf)
    first = 0
    for doc, count in zip(docs, result.page_counts, strict=True):
        # Each document's first page starts with its own title under the running head.
        assert re.sub(r"\s+", "", doc.head.title) in pages[first]
        first += count
