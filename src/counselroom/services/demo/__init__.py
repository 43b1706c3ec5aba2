"""A synthetic school with a plausible case history, for the demo, benchmarks and tests.

Everything in it is invented: names are drawn from real surname and given-name frequencies,
ID numbers are valid but belong to nobody, the school, district and institutions are marked
(演示). The same seed, size, school type, ``rural`` flag, ``today`` and profile always give the
same content; only the vault's own bookkeeping (audit times, keys) differs between two runs.

Two profiles (see :mod:`.profiles` and docs/synthetic-school.md): ``school``, the default, is a
realistic school (``file_rate`` of the pupils with a file); ``benchmark`` carries DESIGN.md's
case load per pupil (30 % open files, about 20 sessions per open file and a few files with 300
or more, referrals for 16 % and two screening results per pupil), for the performance targets.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counselroom.domain.errors import CounselRoomError, ValidationError
from counselroom.domain.hotlines import phone_key
from counselroom.domain.policy import Policy
from counselroom.services.context import Context
from counselroom.services.roles import Permission, Role
from counselroom.services.setup import SCHOOL_TYPES, SchoolDetails, init_vault
from counselroom.services.users import add_user
from counselroom.storage.models import (
    Concern,
    CounsellingSession,
    GroupActivity,
    Guardian,
    Institution,
    Leave,
    NotificationTask,
    ParentContact,
    Plan,
    PolicySetting,
    Referral,
    SchoolClass,
    ScreeningResult,
    Staff,
    Student,
    TierChange,
    User,
)
from counselroom.vault.kdf import KdfParams

from . import places
from .history import build_history
from .loader import load, next_ids
from .profiles import PROFILES, get_profile
from .pupils import add_pupil_rows
from .roster import build_roster
from .tables import Tables
from .timeline import history_terms
from .world import World

__all__ = [
    "COUNSELLOR_USERNAME",
    "DEFAULT_FILE_RATE",
    "DEMO_PASSWORD",
    "PROFILES",
    "VIEWER_USERNAME",
    "DemoSummary",
    "create_demo_vault",
    "generate_school",
]

DEMO_PASSWORD = "demo-password"  # shown on the demo's login screen; the data is invented
COUNSELLOR_USERNAME = "counsellor"
VIEWER_USERNAME = "viewer"
COUNSELLOR_DISPLAY_NAME = "林心怡"
VIEWER_DISPLAY_NAME = "班主任（演示）"
DEFAULT_FILE_RATE = 0.08  # share of pupils with a 一生一策 file (open or closed)
MAX_STUDENTS = 100_000


@dataclass(frozen=True)
class DemoSummary:
    students: int
    classes: int
    staff: int
    guardians: int
    open_files: int
    closed_files: int
    on_leave: int
    sessions: int
    referrals: int
    screening_results: int
    concerns: int
    tier_changes: int
    notification_tasks: int
    open_tasks: int
    plans: int
    parent_contacts: int
    group_activities: int

    def audit_detail(self) -> str:
        return " ".join(f"{key}={value}" for key, value in self.__dict__.items())


def generate_school(
    ctx: Context,
    students: int,
    *,
    seed: int = 1,
    school_type: str = "complete",
    rural: bool = True,
    today: date | None = None,
    file_rate: float = DEFAULT_FILE_RATE,
    profile: str = "school",
) -> DemoSummary:
    """Fill an empty vault with a school of ``students`` pupils and two terms of case work.

    ``profile`` is ``"school"`` (realistic, the default) or ``"benchmark"`` (DESIGN.md's case
    load; ``file_rate`` is then not used)."""
    ctx.require(Permission.EDIT_CASES)
    _check_options(students, school_type, file_rate, profile)
    day = today or date.today()
    with ctx.vault.write() as session:
        if session.scalar(select(func.count()).select_from(Student)):
            raise CounselRoomError(
                "the vault already has students: a demo school is generated only into an empty "
                "vault"
            )
        counsellor_id, counsellor_name = _counsellor(session, ctx)
        rng = random.Random(seed)
        world = World(
            rng=rng,
            today=day,
            policy=_policy(session),
            school_type=school_type,
            rural=rural,
            file_rate=file_rate,
            profile=get_profile(profile),
            tables=Tables(next_ids(session)),
            counsellor_id=counsellor_id,
            counsellor_name=counsellor_name,
            terms=history_terms(day, rng),
            known_phones=frozenset(
                phone_key(phone) for phone in session.scalars(select(Institution.phone))
            ),
        )
        build_roster(world, students)
        build_history(world)
        add_pupil_rows(world)
        load(session, world.tables)
        summary = _summary(world)
        ctx.audit(
            session,
            "demo.generate",
            detail=summary.audit_detail(),
        )
    return summary


def create_demo_vault(
    folder: Path,
    students: int,
    *,
    seed: int = 1,
    admin: str = "admin",
    password: str = DEMO_PASSWORD,
    kdf: KdfParams | None = None,
    school_type: str = "complete",
    rural: bool = True,
    today: date | None = None,
    file_rate: float = DEFAULT_FILE_RATE,
    profile: str = "school",
) -> tuple[Context, str, DemoSummary]:
    """A new vault holding a demo school, with a counsellor and a viewer account besides the
    administrator (both with :data:`DEMO_PASSWORD`). Returns context, recovery code, summary."""
    _check_options(students, school_type, file_rate, profile)  # before a vault folder is made
    details = SchoolDetails(
        name=places.SCHOOL_NAMES[school_type],
        school_type=school_type,
        district=places.DISTRICT,
        address=f"{places.DISTRICT}学府路1号",
        phone=places.SCHOOL_PHONE,
        partner_hospital=places.PARTNER_HOSPITAL,
        district_contact=f"{places.DISTRICT_OFFICE} 023-6000 9000",
    )
    ctx, code = init_vault(
        folder, details, admin, password, admin_display_name="管理员（演示）", kdf=kdf
    )
    try:
        add_user(
            ctx,
            COUNSELLOR_USERNAME,
            DEMO_PASSWORD,
            Role.COUNSELLOR,
            display_name=COUNSELLOR_DISPLAY_NAME,
            kdf=kdf,
        )
        add_user(
            ctx,
            VIEWER_USERNAME,
            DEMO_PASSWORD,
            Role.VIEWER,
            display_name=VIEWER_DISPLAY_NAME,
            kdf=kdf,
        )
        summary = generate_school(
            ctx,
            students,
            seed=seed,
            school_type=school_type,
            rural=rural,
            today=today,
            file_rate=file_rate,
            profile=profile,
        )
    except BaseException:
        ctx.close()
        raise
    return ctx, code, summary


def _check_options(students: int, school_type: str, file_rate: float, profile: str) -> None:
    if (
        isinstance(students, bool)
        or not isinstance(students, int)
        or not (1 <= students <= MAX_STUDENTS)
    ):
        raise ValidationError(
            f"students must be 1-{MAX_STUDENTS} (got {students!r})", field="students"
        )
    if school_type not in SCHOOL_TYPES:
        raise ValidationError(f"unknown school type {school_type!r}", field="school_type")
    if not 0.0 <= file_rate <= 1.0:
        raise ValidationError(f"file_rate must be 0-1 (got {file_rate!r})", field="file_rate")
    get_profile(profile)


def _policy(session: Session) -> Policy:
    data = session.scalar(
        select(PolicySetting.data_json).order_by(PolicySetting.version.desc()).limit(1)
    )
    return Policy.from_dict(json.loads(data)) if data else Policy.default()


def _counsellor(session: Session, ctx: Context) -> tuple[int, str]:
    """The file keeper and author of the history: the first counsellor account, else the
    signed-in user."""
    row = session.execute(
        select(User.id, User.display_name)
        .where(User.role == Role.COUNSELLOR.value, User.disabled_at.is_(None))
        .order_by(User.id)
        .limit(1)
    ).first()
    if row is not None:
        return int(row[0]), str(row[1])
    return ctx.actor.user_id, ctx.actor.display_name


def _summary(world: World) -> DemoSummary:
    tables = world.tables
    pupils = world.pupils
    return DemoSummary(
        students=len(pupils),
        classes=tables.count(SchoolClass),
        staff=tables.count(Staff),
        guardians=tables.count(Guardian),
        open_files=sum(p.file_state == "open" for p in pupils),
        closed_files=sum(p.file_state == "closed" for p in pupils),
        on_leave=sum(row["state"] == "on_leave" for row in tables.rows[Leave]),
        sessions=tables.count(CounsellingSession),
        referrals=tables.count(Referral),
        screening_results=tables.count(ScreeningResult),
        concerns=tables.count(Concern),
        tier_changes=tables.count(TierChange),
        notification_tasks=tables.count(NotificationTask),
        open_tasks=sum(row["done_at"] is None for row in tables.rows[NotificationTask]),
        plans=tables.count(Plan),
        parent_contacts=tables.count(ParentContact),
        group_activities=tables.count(GroupActivity),
    )
