"""Families and care groups (重点关爱群体) at rates close to published ones.

Rates per pupil: 留守 about 25 % in a rural county school and 5 % in a city school; 离异 8 %;
单亲/丧亲 4 %; 随迁 10 % in the city (1 % in the country); 贫困 6 %; 残疾 1 %; 孤儿 0.3 %.
A left-behind child's guardian is a grandparent, with the parent away at work listed second.
"""

from __future__ import annotations

import random
from datetime import date

from . import names, places
from .world import Member

# (relation, gender, same surname as the child's father)
_GRANDPARENTS = (
    ("祖母", "F", False),
    ("祖父", "M", True),
    ("外祖母", "F", False),
    ("外祖父", "M", False),
)
_RELATIVES = (("叔叔", "M", True), ("姑姑", "F", True), ("舅舅", "M", False))


def care_rates(rural: bool) -> dict[str, float]:
    return {
        "orphan": 0.003,
        "single_parent": 0.04,
        "divorced": 0.08,
        "left_behind": 0.25 if rural else 0.05,
        "migrant": 0.01 if rural else 0.10,
        "poverty": 0.06,
        "disability": 0.01,
        "hardship": 0.008,
    }


def family(
    rng: random.Random, family_name: str, rural: bool, entered: date
) -> tuple[list[Member], dict[str, date]]:
    """Members (guardian first) and care groups with the date each began."""
    rates = care_rates(rural)
    groups: dict[str, date] = {}
    mother_name = names.adult_name(rng, "F")
    father = Member(names.adult_name(rng, "M", family_name), "父亲", places.mobile(rng), True)
    mother = Member(mother_name, "母亲", places.mobile(rng), True)
    roll = rng.random()
    if roll < rates["orphan"]:
        groups["orphan"] = entered
        groups["hardship"] = entered
        relation, gender, same = rng.choice(_GRANDPARENTS + _RELATIVES)
        keeper = _relative(rng, relation, gender, family_name if same else None)
        return [keeper], groups
    roll -= rates["orphan"]
    if roll < rates["single_parent"]:
        groups["single_parent"] = entered
        parents = [mother] if rng.random() < 0.6 else [father]
    elif roll < rates["single_parent"] + rates["divorced"]:
        groups["divorced"] = entered
        custodial, other = (mother, father) if rng.random() < 0.55 else (father, mother)
        parents = [custodial]
        if rng.random() < 0.5:
            parents.append(Member(other.name, other.relation, other.phone, False))
    else:
        parents = [mother, father] if rng.random() < 0.55 else [father, mother]
    members = parents
    if rng.random() < rates["left_behind"]:
        groups["left_behind"] = entered
        relation, gender, same = rng.choice(_GRANDPARENTS)
        grandparent = _relative(rng, relation, gender, family_name if same else None)
        away = parents[0]
        members = [grandparent, Member(away.name, away.relation, away.phone, False)]
    elif rng.random() < rates["migrant"]:
        groups["migrant"] = entered
    if rng.random() < rates["poverty"]:
        groups["poverty"] = entered
    if rng.random() < rates["disability"]:
        groups["disability"] = entered
    if "orphan" not in groups and rng.random() < rates["hardship"]:
        groups["hardship"] = entered
    if len(members) > 2:
        members = members[:2]
    if rng.random() < 0.15 and len(members) == 2:
        members = members[:1]  # many roster rows list one member only
    return members, groups


def _relative(rng: random.Random, relation: str, gender: str, surname: str | None) -> Member:
    return Member(names.adult_name(rng, gender, surname), relation, places.mobile(rng), True)


def distress_factor(groups: dict[str, date], gender: str, grade: int) -> float:
    """Risk multipliers: adversity, adolescence and (from puberty) being a girl."""
    factor = 1.0
    for code, weight in (
        ("left_behind", 1.25),
        ("divorced", 1.2),
        ("single_parent", 1.2),
        ("orphan", 1.4),
        ("poverty", 1.1),
        ("disability", 1.2),
        ("hardship", 1.15),
    ):
        if code in groups:
            factor *= weight
    if grade <= 6:
        factor *= 0.8
    elif grade in (9, 12):
        factor *= 1.1
    if gender == "F" and grade >= 7:
        factor *= 1.15
    return factor
