"""The state shared by the generator's steps: one random stream, the calendar, the people.

Everything random comes from ``World.rng`` (one ``random.Random(seed)``) and is drawn in a
fixed order, so a seed, a size, a school type, the ``rural`` flag, a date and a profile always
give the same school.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime

from counselroom.domain.policy import Policy
from counselroom.domain.terms import SchoolTerm

from .profiles import Profile
from .tables import Tables, utc


@dataclass(frozen=True)
class Member:
    """A family member as the roster lists him (成员n姓名/关系/联系电话/是否监护人)."""

    name: str
    relation: str
    phone: str
    is_guardian: bool


@dataclass
class Pupil:
    id: int
    name: str
    gender: str
    birth: date
    id_number: str
    grade: int
    class_id: int
    roll_no: int
    head_teacher: str
    address: str
    ethnicity: str
    members: list[Member]
    groups: dict[str, date]  # care-group code -> since
    distress: float  # latent PHQ-9 level; drives screening scores and who needs help
    status: str = "enrolled"
    file_state: str = "none"
    tier: int = 0
    next_follow_up: date | None = None
    file_opened_at: datetime | None = None
    flagged_on: date | None = None  # latest flagged screening (or item-9 alert)
    scores: list[tuple[str, int, date]] = field(default_factory=list)
    entered: date | None = None  # 入学日期: 1 September of the year he entered this school

    @property
    def guardian(self) -> Member:
        return next((m for m in self.members if m.is_guardian), self.members[0])


@dataclass
class World:
    rng: random.Random
    today: date
    policy: Policy
    school_type: str
    rural: bool
    file_rate: float
    profile: Profile
    tables: Tables
    counsellor_id: int
    counsellor_name: str
    terms: list[tuple[SchoolTerm, date]] = field(default_factory=list)
    pupils: list[Pupil] = field(default_factory=list)
    staff: dict[str, list[str]] = field(default_factory=dict)  # role -> names
    subject_teachers: dict[int, list[str]] = field(default_factory=dict)  # grade -> names
    institutions: dict[str, int] = field(default_factory=dict)  # kind or name -> id
    # phone_key of every institution already in the vault (the presets of a new vault): the
    # demo's own directory skips those, so 12355 is not listed twice
    known_phones: frozenset[str] = frozenset()
    closures_left: int | None = None  # a profile's cap on closed files; None: no cap
    pace_scale: float = 1.0  # multiplies each file's pace (profiles with a pace)

    @property
    def start(self) -> date:
        """First day of the history (start of the earlier screened term)."""
        return self.terms[0][0].start

    @property
    def now(self) -> datetime:
        """The moment the demo pretends it is: ``today`` at 17:00 local time."""
        return utc(self.today, 17)

    def staff_name(self, role: str) -> str:
        names = self.staff.get(role) or [""]
        return names[0]
