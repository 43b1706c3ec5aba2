"""The plaintext scanner used by the security test and the benchmark.

It searches many needles in several encodings at once (Aho–Corasick over bytes viewed as
latin-1 text, one character per byte).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

import ahocorasick
from sqlalchemy import select

from counselroom.services.context import Context
from counselroom.storage.models import CounsellingSession, Guardian, Student

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "gb18030")
FRAGMENT_CHARS = 6
# Ciphertext is uniformly random: a 4-byte needle (a two-character name in UTF-16 or GB18030)
# turns up by chance a few times in a few megabytes among thousands of needles. From 6 bytes the
# expected number of chance hits is about 1e-4, so shorter encodings are not searched (a
# two-character name is still searched in UTF-8, where it is 6 bytes).
MIN_BYTES = 6


def needles(ctx: Context) -> set[str]:
    found: set[str] = set()
    with ctx.vault.read() as session:
        for name, student_no, id_number, phone in session.execute(
            select(Student.name, Student.student_no, Student.id_number, Student.phone)
        ):
            found.update(v for v in (student_no, id_number, phone) if v)
            if len(name) >= 2:
                found.add(name)
        for name, phone in session.execute(select(Guardian.name, Guardian.phone)):
            found.update(v for v in (name, phone) if v and len(v) >= 2)
        for observation, assessment in session.execute(
            select(CounsellingSession.observation, CounsellingSession.assessment)
        ):
            for text in (observation, assessment):
                if len(text) >= FRAGMENT_CHARS:
                    found.add(text[:FRAGMENT_CHARS])
                    found.add(text[-FRAGMENT_CHARS:])
    return found


def automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for word in words:
        for encoding in ENCODINGS:
            with contextlib.suppress(UnicodeEncodeError):
                encoded = word.encode(encoding)
                if len(encoded) >= MIN_BYTES:
                    auto.add_word(encoded.decode("latin-1"), (word, encoding))
    auto.make_automaton()
    return auto


def scan(auto: ahocorasick.Automaton, files: Iterable[Path]) -> list[tuple[str, str, str]]:
    hits = []
    for path in files:
        text = path.read_bytes().decode("latin-1")  # one char per byte
        for _end, (word, encoding) in auto.iter(text):
            hits.append((path.name, word, encoding))
    return hits
