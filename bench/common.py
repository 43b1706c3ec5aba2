"""Small timing helpers shared by the benchmarks (median of repeated runs, never a test)."""

from __future__ import annotations

import time
from collections.abc import Callable


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Fastest wall time in seconds of `repeat` calls: on a shared machine other programs only
    ever add time, so the minimum is the steadiest estimate of what the code itself costs."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return min(samples)


def row(name: str, seconds: float, primitive: str, primitive_seconds: float) -> str:
    ratio = seconds / primitive_seconds if primitive_seconds else float("nan")
    return (
        f"| {name} | {seconds * 1000:.0f} ms | {primitive} | "
        f"{primitive_seconds * 1000:.0f} ms | {ratio:.2f} |"
    )


HEADER = "| what | time | raw primitive | primitive time | ratio |\n|---|---|---|---|---|"
