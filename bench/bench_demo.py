"""Synthetic-school generation at S (1,000) and M (5,000) students, and the plaintext scan.

Raw primitives, measured in the same run:
* generation vs. `sqlcipher_export` of the finished database into a new encrypted file — the
  cost of writing the same pages through SQLCipher with no generation or ORM at all;
* the plaintext scan vs. reading the same files from disk.

Run: python bench/bench_demo.py [--benchmark] [S|M|L ...]   (default: S M, school profile)
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
from common import HEADER, row

from counselroom.services.demo import create_demo_vault
from counselroom.storage import engine as storage_engine
from counselroom.vault.kdf import INSECURE_TEST_PARAMS
from plaintext_scanner import automaton, needles, scan

SIZES = {"S": 1000, "M": 5000, "L": 20000}


def main(names: list[str], profile: str) -> None:
    print(f"profile: {profile}")
    print(HEADER)
    for name in names:
        n = SIZES[name]
        work = Path(tempfile.mkdtemp(prefix="cr-bench-"))
        start = time.perf_counter()
        ctx, _, summary = create_demo_vault(
            work / "v",
            n,
            seed=1,
            kdf=INSECURE_TEST_PARAMS,
            today=date(2026, 11, 20),
            profile=profile,
        )
        generate = time.perf_counter() - start

        start = time.perf_counter()
        export = work / "copy.db"
        with contextlib.closing(
            storage_engine.open_raw(work / "v" / "vault.db", ctx.vault.data_key)
        ) as c:
            c.execute(f"ATTACH DATABASE '{export}' AS copy KEY \"x'{'ab' * 32}'\"")
            c.execute("SELECT sqlcipher_export('copy')")
            c.execute("DETACH DATABASE copy")
        export_time = time.perf_counter() - start

        words = needles(ctx)
        ctx.close()
        files = [p for p in (work / "v").rglob("*") if p.is_file()]
        start = time.perf_counter()
        auto = automaton(words)
        hits = scan(auto, files)
        scan_time = time.perf_counter() - start
        blobs = [p.read_bytes() for p in files]
        size = sum(len(b) for b in blobs)
        start = time.perf_counter()
        for blob in blobs:  # the floor: one C-speed pass over every byte for one needle
            blob.count(b"\x00\x01\x02\x03\x04\x05")
        read_time = time.perf_counter() - start
        assert hits == []

        print(
            row(f"demo {name} ({n} students)", generate, "sqlcipher_export of result", export_time)
        )
        print(
            row(
                f"plaintext scan {name} ({len(words)} needles × 4 encodings, {size / 1e6:.1f} MB)",
                scan_time,
                "one bytes.count pass",
                read_time,
            )
        )
        print(f"<!-- {name}: {summary} -->")
        shutil.rmtree(work)


if __name__ == "__main__":
    args = sys.argv[1:]
    chosen_profile = "school"
    if "--benchmark" in args:
        args.remove("--benchmark")
        chosen_profile = "benchmark"
    main(args or ["S", "M"], chosen_profile)
