"""Staff, classes and pupils of the synthetic school.

About 45 pupils a class (the national standard class size for secondary schools), one 班主任
each, a grade leader and a few subject teachers per grade, and the offices a tier-2 or tier-3
notification reaches: 德育处, 分管校长, 校长, 安全管理办公室, and the psychology teacher.
ID numbers are valid GB 11643 numbers built by the domain helper, birth dates fit the grade.
"""

from __future__ import annotations

from datetime import date, timedelta

from counselroom.domain.grades import grade_label
from counselroom.domain.idnumbers import make_id_number
from counselroom.domain.pinyin import split_name
from counselroom.storage.models import SchoolClass, Staff, Student

from . import names, places
from .family import distress_factor, family
from .timeline import birth_window, school_year_start
from .world import Pupil, World

LEVELS = {
    "primary": tuple(range(1, 7)),
    "junior": (7, 8, 9),
    "senior": (10, 11, 12),
    "complete": tuple(range(7, 13)),
}
CLASS_SIZE = 45
SUBJECT_TEACHERS_PER_GRADE = 4
# (role, how many) besides 班主任, grade leaders and subject teachers
OFFICES = (
    ("moral_education", 2),
    ("vice_principal", 1),
    ("principal", 1),
    ("safety_office", 1),
)


def class_label(grade: int, number: int) -> str:
    return f"{grade_label(grade)}({number})班"


def grade_sizes(students: int, levels: tuple[int, ...]) -> list[int]:
    base, extra = divmod(students, len(levels))
    return [base + (1 if i < extra else 0) for i in range(len(levels))]


def _staff(world: World, role: str) -> tuple[int, str]:
    rng = world.rng
    name = names.adult_name(rng, "F" if rng.random() < 0.6 else "M")
    staff_id = world.tables.add(Staff, name=name, role=role, phone=places.mobile(rng), active=True)
    world.staff.setdefault(role, []).append(name)
    return staff_id, name


def build_roster(world: World, students: int) -> None:
    levels = LEVELS[world.school_type]
    for role, count in OFFICES:
        for _ in range(count):
            _staff(world, role)
    world.tables.add(
        Staff,
        name=world.counsellor_name,
        role="psychology_teacher",
        phone=places.mobile(world.rng),
        active=True,
    )
    world.staff["psychology_teacher"] = [world.counsellor_name]
    year = school_year_start(world.today)
    used_ids: set[str] = set()
    for grade, size in zip(levels, grade_sizes(students, levels), strict=True):
        if size == 0:
            continue
        _staff(world, "grade_leader")
        world.subject_teachers[grade] = [
            _staff(world, "subject_teacher")[1] for _ in range(SUBJECT_TEACHERS_PER_GRADE)
        ]
        classes = max(1, round(size / CLASS_SIZE))
        base, extra = divmod(size, classes)
        for number in range(1, classes + 1):
            head_id, head = _staff(world, "head_teacher")
            class_id = world.tables.add(
                SchoolClass,
                grade_level=grade,
                number=number,
                label=class_label(grade, number),
                head_teacher_id=head_id,
            )
            for roll in range(1, base + (1 if number <= extra else 0) + 1):
                world.pupils.append(_pupil(world, grade, class_id, roll, head, year, used_ids))


def _pupil(
    world: World, grade: int, class_id: int, roll: int, head: str, year: int, used: set[str]
) -> Pupil:
    rng = world.rng
    gender = "M" if rng.random() < 0.52 else "F"
    family_name = names.surname(rng)
    extra = rng.choices((-1, 0, 1), weights=(2, 85, 13))[0]  # early entry, on time, a year late
    first, last = birth_window(grade, year, extra)
    birth = first + timedelta(days=rng.randrange((last - first).days + 1))
    entered = date(year - (grade - min(LEVELS[world.school_type])), 9, 1)
    members, groups = family(rng, family_name, world.rural, entered)
    # Most children carry the father's surname; some the mother's.
    surname = family_name
    mother = next((m for m in members if m.relation == "母亲"), None)
    if mother is not None and rng.random() < 0.05:
        surname = split_name(mother.name)[0]
    if "migrant" in groups:
        region = rng.choice(places.MIGRANT_REGIONS)
    elif rng.random() < 0.85:
        region = rng.choice(places.HOME_REGIONS_RURAL if world.rural else places.HOME_REGIONS_URBAN)
    else:
        region = rng.choice(places.NEARBY_REGIONS)
    while True:
        seq = rng.randrange(500) * 2 + (1 if gender == "M" else 0)
        id_number = make_id_number(region, birth, seq)
        if id_number not in used:
            used.add(id_number)
            break
    distress = rng.gammavariate(1.1, 3.2) * distress_factor(groups, gender, grade)
    return Pupil(
        id=world.tables.reserve(Student),  # the row itself is built once the history is known
        name=names.child_name(rng, gender, surname),
        gender=gender,
        birth=birth,
        id_number=id_number,
        grade=grade,
        class_id=class_id,
        roll_no=roll,
        head_teacher=head,
        address=places.address(rng, world.rural and "migrant" not in groups),
        ethnicity=places.ethnicity(rng),
        members=members,
        groups=groups,
        distress=distress,
        entered=entered,
    )
