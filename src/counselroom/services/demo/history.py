"""The case history of the two terms before ``today``.

Screenings come first; flagged pupils get a concern and an interview. The pupils most in need
(high latent distress, more so when flagged) get a file, opened from their screening or from a
report of the warning network; the rest of the flagged pupils are interviewed and watched.
A profile with long-running files opens them for pupils of the highest grade, soon after they
entered the school, before the rest.
"""

from __future__ import annotations

from datetime import date, timedelta

from counselroom.domain.grades import is_exam_year

from . import wording
from .activities import add_group_activities
from .cases import Case, add_concern
from .notifications import add_risk_task
from .profiles import LONG_FILE_SESSIONS
from .referrals import add_institutions
from .roster import LEVELS
from .screening import Flagged, run_screenings
from .tables import utc
from .timeline import grade_on, next_school_day, school_days, school_year_start
from .world import Pupil, World

# Where the files not opened from a screening came from, with weights.
REPORT_SOURCES = (
    ("head_teacher", 35),
    ("parent", 18),
    ("peer", 10),
    ("self", 12),
    ("subject_teacher", 10),
    ("observation", 6),
    ("hospital", 4),
    ("police", 1),
    ("other", 4),
)
SCREENING_SHARE = 0.55
EXTRA_GROUPS = (("bullied", 0.15), ("internet", 0.12), ("family_change", 0.10))


def _earliest(world: World, pupil: Pupil) -> date:
    """First day the pupil was at this school within the history."""
    first_level = LEVELS[world.school_type][0]
    if grade_on(pupil.grade, world.start, world.today) < first_level:
        return next_school_day(
            date(world.today.year if world.today.month >= 9 else world.today.year - 1, 9, 1)
        )
    return world.start


def _wanted(world: World) -> int:
    """How many pupils get a file (open or closed)."""
    profile = world.profile
    if profile.open_share is None:
        return round(world.file_rate * len(world.pupils))
    return round((profile.open_share + profile.closed_share) * len(world.pupils))


def _choose_files(world: World, flagged: dict[int, Flagged]) -> list[Pupil]:
    """The pupils most in need: about half found by screening, half by the warning network."""
    rng = world.rng
    wanted = _wanted(world)
    latest = world.today - timedelta(days=2)
    # A profile that sets the share of open files leaves out, beforehand, the pupils who
    # arrived too recently for a file (the first days of a school year), to keep the count.
    exact = world.profile.open_share is not None
    screened: list[tuple[float, int, Pupil]] = []
    reported: list[tuple[float, int, Pupil]] = []
    for pupil in world.pupils:
        need = (-pupil.distress * rng.lognormvariate(0, 0.5), pupil.id, pupil)
        if pupil.id in flagged:
            screened.append(need)
        elif not exact or _earliest(world, pupil) < latest:
            reported.append(need)
    screened.sort(key=lambda item: item[:2])
    reported.sort(key=lambda item: item[:2])
    from_screening = min(len(screened), round(wanted * SCREENING_SHARE))
    chosen = [p for _, _, p in screened[:from_screening]]
    chosen += [p for _, _, p in reported[: wanted - from_screening]]
    return sorted((p for p in chosen if _earliest(world, p) < latest), key=lambda p: p.id)


def _initial_tier(world: World, first: Flagged | None, source: str) -> int:
    rng = world.rng
    if first is not None and first.item9 >= 2:
        return rng.choices((2, 3), (50, 50))[0]
    if source in ("hospital", "police"):
        return rng.choices((2, 3), (60, 40))[0]
    return rng.choices((1, 2, 3), (64, 28, 8))[0]


def _open_file(world: World, pupil: Pupil, first: Flagged | None) -> None:
    rng = world.rng
    if first is not None:
        delay = 0 if first.item9 else rng.randint(1, 5)
        start = next_school_day(first.day + timedelta(days=delay))
        source = "screening"
        item9 = f"，第9题 {first.item9} 分" if first.item9 else ""
        description = wording.SCREENING_CONCERN.format(total=first.total, item9=item9)
        reported = first.day
    else:
        source = rng.choices([s for s, _ in REPORT_SOURCES], [w for _, w in REPORT_SOURCES])[0]
        earliest = _earliest(world, pupil)
        span = (world.today - timedelta(days=2) - earliest).days
        start = next_school_day(earliest + timedelta(days=rng.randrange(max(1, span))))
        description = rng.choice(wording.CONCERNS[source])
        reported = max(earliest, start - timedelta(days=rng.randint(0, 3)))
    if start >= world.today:
        start = reported = world.today - timedelta(days=1)
    add_concern(
        world,
        pupil,
        reported,
        source,
        description,
        result_id=first.result_id if first else None,
        handled=start,
        outcome=wording.SCREENING_OUTCOME_FILE,
    )
    tier = _initial_tier(world, first, source)
    evidence = {"screening": "screening", "hospital": "hospital", "observation": "interview"}
    case = Case(world, pupil)
    case.open(
        start,
        tier,
        source,
        evidence.get(source, "report"),
        self_harm=tier == 3 and rng.random() < 0.6,
    )
    for code, rate in EXTRA_GROUPS:
        if rng.random() < rate:
            pupil.groups.setdefault(code, start)
    case.walk(start)
    case.finish()


def _long_files(world: World, files: list[Pupil]) -> list[Pupil]:
    """Pupils for long-running files: of the highest grade, so the longest at the school."""
    per = world.profile.pupils_per_long_file
    if not per or not files:
        return []
    count = min(len(files), max(1, len(world.pupils) // per))
    rng = world.rng
    ranked = sorted(files, key=lambda p: (-p.grade, rng.random()))
    return sorted(ranked[:count], key=lambda p: p.id)


def _open_long_file(world: World, pupil: Pupil) -> None:
    rng = world.rng
    years = pupil.grade - LEVELS[world.school_type][0]
    entered = date(school_year_start(world.today) - years, 9, 1)
    start = next_school_day(entered + timedelta(days=rng.randint(14, 60)))
    if start >= world.today - timedelta(days=2):
        start = _earliest(world, pupil)
    source = rng.choice(("head_teacher", "parent", "hospital", "self"))
    add_concern(
        world,
        pupil,
        start,
        source,
        rng.choice(wording.CONCERNS[source]),
        result_id=None,
        handled=start,
        outcome=wording.SCREENING_OUTCOME_FILE,
    )
    case = Case(world, pupil)
    case.long_course(start, source, rng.randint(*LONG_FILE_SESSIONS))
    case.finish()


def build_history(world: World) -> None:
    profile = world.profile
    if profile.pace is not None:
        days = len(school_days(world.start, world.today))
        world.pace_scale = profile.pace_school_days / max(days, 1)
    add_institutions(world)
    results = run_screenings(world)
    first_flag: dict[int, Flagged] = {}
    seen: set[tuple[int, date]] = set()
    unique: list[Flagged] = []
    for flag in results:  # one concern per pupil and screening day (PHQ-9 before GAD-7)
        if (flag.pupil.id, flag.day) not in seen:
            seen.add((flag.pupil.id, flag.day))
            unique.append(flag)
            first_flag.setdefault(flag.pupil.id, flag)
    files = _choose_files(world, first_flag)
    file_ids = {p.id for p in files}
    long_files = _long_files(world, files)
    for pupil in long_files:
        _open_long_file(world, pupil)
    long_ids = {p.id for p in long_files}
    rest = [p for p in files if p.id not in long_ids]
    if profile.open_share is not None:
        # Closures are capped: open them in random order so the closed files are spread
        # over the school rather than the first classes.
        world.closures_left = round(profile.closed_share * len(world.pupils))
        world.rng.shuffle(rest)
    for pupil in rest:
        _open_file(world, pupil, first_flag.get(pupil.id))
    opened_by = {first_flag[p.id].result_id for p in rest if p.id in first_flag}
    for flag in unique:
        pupil = flag.pupil
        interviewed = next_school_day(flag.day + timedelta(days=0 if flag.item9 else 2))
        if flag.item9:
            add_risk_task(world, pupil, utc(flag.day, 12), utc(flag.day, 15, 30))
        if flag.result_id in opened_by:
            continue  # the concern that opened the file
        item9 = f"，第9题 {flag.item9} 分" if flag.item9 else ""
        outcome = (
            "已建档学生，纳入本次随访。"
            if pupil.id in file_ids
            else wording.SCREENING_OUTCOME_WATCH
        )
        handled = min(interviewed, world.today - timedelta(days=1))
        add_concern(
            world,
            pupil,
            flag.day,
            "screening",
            wording.SCREENING_CONCERN.format(total=flag.total, item9=item9),
            result_id=flag.result_id,
            handled=handled,
            outcome=outcome,
        )
    add_group_activities(world)
    latest = world.terms[-1][1]
    for pupil in world.pupils:
        if is_exam_year(pupil.grade) and (
            pupil.file_state == "open" or (pupil.flagged_on and pupil.flagged_on >= latest)
        ):
            pupil.groups.setdefault("exam_pressure", date(latest.year, latest.month, 1))
