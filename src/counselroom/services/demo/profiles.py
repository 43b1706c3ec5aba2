"""Case-load profiles: how much case work the synthetic school carries.

``school`` (the default) is a realistic school: ``file_rate`` of the pupils (8 %) have a file,
a quarter of them closed, about six sessions a file, every pupil from grade 4 screened with
PHQ-9 each term and GAD-7 (from 初一) in the latest term.

``benchmark`` reproduces DESIGN.md's size M per pupil (5,000 pupils: 1,500 open files,
30,000 sessions, 800 referrals, 10,000 screening results), so that S, M and L exercise the
program with the case load the performance targets are set for: 30 % of the pupils have an
open file and 5 % a closed one; follow-up runs faster than the policy's intervals by a skewed
per-file factor, so about 20 sessions per open file; one file per 1,000 pupils (at least one)
is a long-running one with 300 or more sessions; referrals are about 16 % of the pupils; GAD-7
is given to the graduating years only, so screening gives about two results per pupil.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from counselroom.domain.errors import ValidationError


@dataclass(frozen=True)
class Profile:
    name: str
    # Share of pupils with an open and with a closed file; None: ``file_rate`` gives the share
    # of pupils with a file and the course of each file decides whether it closes.
    open_share: float | None = None
    closed_share: float = 0.0
    # Chance of a referral when a file opens at a tier, or is raised to it.
    refer: Mapping[int, float] = field(default_factory=lambda: {2: 0.25, 3: 0.85})
    # Follow-up faster than the policy's interval by a factor lognormvariate(mu, sigma);
    # None: the policy's intervals as they are.
    pace: tuple[float, float] | None = None
    # ``pace`` is set for a history of this many school days (the two terms before 20 November
    # 2026) and scaled to the actual one, so the sessions per file hardly depend on ``today``.
    pace_school_days: int = 151
    # A file left at tier 0 and not closed is still followed up (else it is left alone).
    follow_at_zero: bool = False
    # One long-running file (300 or more sessions) per this many pupils, at least one; 0: none.
    pupils_per_long_file: int = 0
    # GAD-7 in the latest term for every grade from 初一, or only for the graduating years.
    gad7_exam_years_only: bool = False


SCHOOL = Profile("school")
BENCHMARK = Profile(
    "benchmark",
    open_share=0.30,
    closed_share=0.05,
    refer={1: 0.28, 2: 0.60, 3: 0.95},
    pace=(1.0, 0.5),
    follow_at_zero=True,
    pupils_per_long_file=1000,
    gad7_exam_years_only=True,
)
PROFILES: dict[str, Profile] = {p.name: p for p in (SCHOOL, BENCHMARK)}
LONG_FILE_SESSIONS = (300, 340)  # sessions in a long-running file, inclusive bounds


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except (KeyError, TypeError):
        accepted = ", ".join(PROFILES)
        raise ValidationError(
            f"unknown profile {name!r} (accepted: {accepted})", field="profile"
        ) from None
