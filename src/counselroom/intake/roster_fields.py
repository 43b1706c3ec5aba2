"""The columns of a roster (花名册) exported from the national student-status system.

Each field has a stable ASCII key (the mapping the window remembers, the ``--map`` option and
:class:`~counselroom.services.roster_import.FieldChange` use it) and the header texts schools'
files carry for it. Headers are compared through ``header_key``, so "姓名（必填）", "* 姓名" and
"姓 名" all find ``name``. The first synonym is the standard header: the export writes it, so a
file the program saved maps itself without help.

Only 学籍号 and 姓名 are required: everything else may be missing from a file, and a missing
column (or an empty cell) never clears what the vault already holds.
"""

from __future__ import annotations

from counselroom.intake.columns import FieldSpec

__all__ = [
    "CHANGE_LABELS_ZH",
    "FIELD_LABELS_ZH",
    "GROUP_FIELDS",
    "MEMBER_COUNT",
    "MEMBER_PARTS",
    "ROSTER_FIELDS",
    "member_key",
]

# The national export has 成员1 and 成员2; a few schools add more. Four columns' worth is what
# a roster can say about a family: the export writes at most this many.
MEMBER_COUNT = 4
MEMBER_PARTS = ("name", "relation", "phone", "guardian")

# Yes/no columns → care-group code (domain.groups). 否 never removes a group: see roster_import.
GROUP_FIELDS: dict[str, str] = {
    "left_behind": "left_behind",
    "migrant": "migrant",
    "orphan": "orphan",
    "disability": "disability",
}

_BASE: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("student_no", ("学籍号", "全国学籍号", "学生编号", "学籍编号", "全国学籍号码"), True),
    ("name", ("姓名", "学生姓名"), True),
    ("gender", ("性别",), False),
    ("birth_date", ("出生日期", "出生年月", "出生年月日"), False),
    ("grade", ("年级", "年级名称", "所在年级"), False),
    ("class", ("班级", "班级名称", "所在班级", "班号"), False),
    ("head_teacher", ("班主任", "班主任姓名"), False),
    ("id_type", ("身份证件类型", "证件类型"), False),
    (
        "id_number",
        ("身份证件号", "身份证号", "身份证号码", "证件号码", "身份证件号码", "证件号"),
        False,
    ),
    ("phone", ("联系电话", "电话", "家庭电话", "联系方式"), False),
    ("address", ("现住址", "家庭住址", "住址", "家庭地址"), False),
    ("ethnicity", ("民族",), False),
    ("roll_no", ("班内学号", "学号"), False),
    ("enrolled_on", ("入学日期", "入学年月"), False),
    ("left_behind", ("是否留守儿童", "留守儿童"), False),
    (
        "migrant",
        ("是否进城务工人员随迁子女", "是否随迁子女", "进城务工人员随迁子女", "随迁子女"),
        False,
    ),
    ("orphan", ("是否孤儿", "孤儿"), False),
    ("disability", ("是否残疾", "残疾"), False),
)


def member_key(n: int, part: str) -> str:
    """``member_key(2, "phone")`` → "member2_phone"."""
    return f"member{n}_{part}"


def _member_synonyms(n: int, part: str) -> tuple[str, ...]:
    if part == "name":
        return (f"成员{n}姓名", f"家庭成员{n}姓名")
    if part == "relation":
        return (f"成员{n}关系", f"成员{n}与学生关系", f"家庭成员{n}关系")
    if part == "phone":
        return (f"成员{n}联系电话", f"成员{n}电话", f"家庭成员{n}联系电话")
    return (f"成员{n}是否监护人", f"家庭成员{n}是否监护人")


ROSTER_FIELDS: tuple[FieldSpec, ...] = (
    *(FieldSpec(key, synonyms, required) for key, synonyms, required in _BASE),
    *(
        FieldSpec(member_key(n, part), _member_synonyms(n, part))
        for n in range(1, MEMBER_COUNT + 1)
        for part in MEMBER_PARTS
    ),
)

# The standard header of each field, in ROSTER_FIELDS order (the export's column order).
FIELD_LABELS_ZH: dict[str, str] = {spec.key: spec.synonyms[0] for spec in ROSTER_FIELDS}

# What a listed change names: the roster fields, plus the two that gather several columns.
CHANGE_LABELS_ZH: dict[str, str] = {
    **FIELD_LABELS_ZH,
    "guardians": "家庭成员",
    "groups": "关爱群体",
}
