"""Grade and class names as schools write them, normalised to 初二(3)班 with the original kept."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.domain.classes import ClassName, parse_class
from counselroom.domain.errors import ValidationError
from counselroom.domain.grades import grade_label

ZH = "一二三四五六七八九"
AUTUMN_2026 = date(2026, 10, 1)  # school year 2026-2027


def zh_number(n: int) -> str:
    """An independent spelling of 1-99 in Chinese numerals (十二, 二十, 二十三)."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else ZH[tens - 1] + "十")
    return head + (ZH[units - 1] if units else "")


def full_width(text: str) -> str:
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("初二(3)班", "初二(3)班"),
        ("初二（3）班", "初二(3)班"),
        ("八年级3班", "初二(3)班"),
        ("8年级3班", "初二(3)班"),
        ("高一.5", "高一(5)班"),
        ("高一-5", "高一(5)班"),
        ("高一5班", "高一(5)班"),
        ("高一(5)", "高一(5)班"),
        ("七年级（2）班", "初一(2)班"),
        ("初中二年级3班", "初二(3)班"),
        ("初二年级3班", "初二(3)班"),
        ("高中三年级12班", "高三(12)班"),
        ("初二（三）班", "初二(3)班"),
        ("初二三班", "初二(3)班"),
        ("高一十二班", "高一(12)班"),
        ("高二二十班", "高二(20)班"),
        ("初三二十三班", "初三(23)班"),
        ("五年级2班", "五年级(2)班"),
        ("三年级2班", "三年级(2)班"),
        ("三年级二班", "三年级(2)班"),
        ("小学六年级(1)班", "六年级(1)班"),
        ("七(1)班", "初一(1)班"),
        ("9.3", "初三(3)班"),
        ("8-3", "初二(3)班"),
        ("初2(3)班", "初二(3)班"),
        ("高3.10", "高三(10)班"),
        ("初二(03)班", "初二(3)班"),
        # full width, spaces, other brackets and dots
        ("８年级３班", "初二(3)班"),
        ("初二\u3000(3)\u3000班", "初二(3)班"),
        (" 初二 ( 3 ) 班 ", "初二(3)班"),
        ("高一．５", "高一(5)班"),
        ("高一·5", "高一(5)班"),
        ("初二【3】班", "初二(3)班"),
        ("８．３", "初二(3)班"),
        ("8 3", "初二(3)班"),
        ("初2 3班", "初二(3)班"),
    ],
)
def test_forms_schools_write(text: str, label: str) -> None:
    name = parse_class(text)
    assert name.label == label
    assert name.original == text.strip()


@pytest.mark.parametrize(
    ("text", "school_type", "label"),
    [
        ("三(2)班", "primary", "三年级(2)班"),
        ("三（二）班", "primary", "三年级(2)班"),
        ("6.1", "primary", "六年级(1)班"),
        ("一(2)班", "junior", "初一(2)班"),
        ("三(2)班", "junior", "初三(2)班"),
        ("二(4)班", "senior", "高二(4)班"),
    ],
)
def test_bare_numerals_count_within_the_schools_stage(
    text: str, school_type: str, label: str
) -> None:
    assert parse_class(text, school_type=school_type).label == label


def test_bare_numeral_one_to_six_in_a_complete_school_needs_the_stage() -> None:
    with pytest.raises(ValidationError, match="初三\\(2\\)班 or 高三\\(2\\)班") as caught:
        parse_class("三(2)班")
    assert caught.value.field == "class"
    # ... which the grade column can give.
    assert parse_class("三(2)班", "初三").label == "初三(2)班"


@pytest.mark.parametrize(("text", "school_type"), [("五(2)班", "junior"), ("四(1)班", "senior")])
def test_bare_numeral_beyond_the_stage_is_refused(text: str, school_type: str) -> None:
    with pytest.raises(ValidationError, match="has no grade"):
        parse_class(text, school_type=school_type)


@pytest.mark.parametrize(
    ("class_text", "grade_text"),
    [("3班", "八年级"), ("3", "初二"), ("(3)班", "8"), ("三班", "初中二年级"), ("３", "八")],
)
def test_class_number_with_the_grade_column(class_text: str, grade_text: str) -> None:
    name = parse_class(class_text, grade_text)
    assert (name.label, name.grade_level, name.number) == ("初二(3)班", 8, 3)
    assert name.original == f"{grade_text} / {class_text}"


def test_original_keeps_both_cells_as_written_without_outer_spaces() -> None:
    assert parse_class(" 3班 ", " 八年级 ").original == "八年级 / 3班"
    assert parse_class("初二(3)班", "初二").original == "初二 / 初二(3)班"


def test_the_same_grade_in_both_cells_is_accepted() -> None:
    assert parse_class("初二(3)班", "八年级").label == "初二(3)班"


def test_conflicting_grades_name_both_cells() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_class("初二(3)班", "初三")
    assert "'初二(3)班'" in caught.value.message
    assert "'初三'" in caught.value.message
    assert caught.value.field == "class"
    with pytest.raises(ValidationError, match="'九年级' \\(初三\\)"):
        parse_class("八年级3班", "九年级")


@pytest.mark.parametrize(
    ("today", "label"),
    [
        (date(2024, 9, 1), "初一(3)班"),
        (date(2025, 1, 20), "初一(3)班"),
        (date(2025, 8, 31), "初一(3)班"),  # the summer still belongs to the year that ends
        (date(2025, 9, 1), "初二(3)班"),
        (date(2026, 3, 1), "初二(3)班"),
        (date(2026, 9, 30), "初三(3)班"),
        (date(2027, 8, 1), "初三(3)班"),
    ],
)
def test_cohort_follows_the_school_year(today: date, label: str) -> None:
    name = parse_class("2024级3班", school_type="junior", today=today)
    assert name.label == label
    assert name.original == "2024级3班"


@pytest.mark.parametrize(
    ("school_type", "label"),
    [("junior", "初三(3)班"), ("senior", "高三(3)班"), ("primary", "三年级(3)班")],
)
def test_cohort_takes_the_stage_of_the_school(school_type: str, label: str) -> None:
    assert parse_class("2024级3班", school_type=school_type, today=AUTUMN_2026).label == label


def test_cohort_in_a_complete_school_needs_the_stage() -> None:
    with pytest.raises(ValidationError, match="初2024级3班 or 高2024级3班"):
        parse_class("2024级3班", today=AUTUMN_2026)
    assert parse_class("初2024级3班", today=AUTUMN_2026).label == "初三(3)班"
    assert parse_class("高中2025级5班", today=AUTUMN_2026).label == "高二(5)班"
    assert parse_class("2026级3班", "高一", today=AUTUMN_2026).label == "高一(3)班"


def test_cohort_prefix_wins_over_the_school_type() -> None:
    assert parse_class("高2026级1班", school_type="junior", today=AUTUMN_2026).label == "高一(1)班"


def test_cohort_disagreeing_with_the_grade_column_is_refused() -> None:
    with pytest.raises(ValidationError, match="is in 高三 but the grade column says '高二'"):
        parse_class("2024级3班", "高二", today=AUTUMN_2026)


def test_cohort_in_the_grade_column() -> None:
    name = parse_class("3班", "2025级", school_type="senior", today=AUTUMN_2026)
    assert (name.label, name.original) == ("高二(3)班", "2025级 / 3班")
    with pytest.raises(ValidationError) as caught:
        parse_class("3班", "2025级", today=AUTUMN_2026)
    assert caught.value.field == "grade"


@pytest.mark.parametrize("text", ["2023级1班", "2027级1班", "2030级1班"])
def test_cohort_outside_the_stage_is_refused(text: str) -> None:
    # In 2026-2027 the junior cohorts are 2024级-2026级.
    with pytest.raises(ValidationError, match="2024级-2026级") as caught:
        parse_class(text, school_type="junior", today=AUTUMN_2026)
    assert f"'{text}'" in caught.value.message


@pytest.mark.parametrize(
    ("text", "label"),
    [("2027届2班", "初三(2)班"), ("2029届2班", "初一(2)班"), ("初2028届1班", "初二(1)班")],
)
def test_graduation_cohort(text: str, label: str) -> None:
    assert parse_class(text, school_type="junior", today=AUTUMN_2026).label == label


def test_graduation_cohort_already_gone_is_refused() -> None:
    with pytest.raises(ValidationError, match="2027届-2029届"):
        parse_class("2026届2班", school_type="junior", today=AUTUMN_2026)


def test_cohort_without_today_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="today"):
        parse_class("2024级3班", school_type="junior")


def test_unknown_school_type_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="school type"):
        parse_class("初二(3)班", school_type="university")


@pytest.mark.parametrize(
    "text", ["初二(0)班", "初二(00)班", "初二(100)班", "初二(12345678901)班", "零班"]
)
def test_class_number_outside_1_to_99_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="class number must be 1-99") as caught:
        parse_class(text, "初二")
    assert caught.value.field == "class"


@pytest.mark.parametrize(
    "text",
    ["", "abc", "初23班", "十(2)班", "初四(1)班", "高二班班", "3年级3班3", "初二(三十十)班", "G7"],
)
def test_unreadable_class_names_are_refused_naming_the_text(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_class(text, "初二" if not text else "")
    assert f"'{text}'" in caught.value.message
    assert caught.value.field == "class"


def test_a_grade_without_a_class_number_says_so() -> None:
    with pytest.raises(ValidationError, match="'初二' has no class number"):
        parse_class("初二")


def test_a_class_number_without_any_grade_says_so() -> None:
    with pytest.raises(ValidationError, match="'3班' has no grade"):
        parse_class("3班")


@pytest.mark.parametrize("grade", ["初四", "十年级", "高中五年级", "小学七年级", "grade 8"])
def test_unreadable_grade_column_points_at_the_grade(grade: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_class("3班", grade)
    assert caught.value.field == "grade"
    assert f"'{grade}'" in caught.value.message


def test_long_text_is_quoted_short_and_on_one_line() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_class("初二\n" + "很长的说明" * 40)
    assert "\n" not in caught.value.message
    assert len(caught.value.message) < 120


def test_class_name_checks_its_values() -> None:
    assert ClassName(8, 3, "x").label == "初二(3)班"
    assert ClassName(1, 1, "x").label == "一年级(1)班"
    with pytest.raises(ValidationError):
        ClassName(13, 3, "x")
    with pytest.raises(ValidationError):
        ClassName(8, 0, "x")


def _writings(level: int, number: int) -> list[tuple[str, str, str]]:
    """(class cell, grade cell, school type) spellings of one class, built independently."""
    initial = grade_label(level)  # 一年级…六年级, 初一…高三
    numbers = [str(number), zh_number(number)]
    forms: list[tuple[str, str, str]] = []
    for n in numbers:
        forms += [(f"{initial}({n})班", "", "complete"), (f"{initial}{n}班", "", "complete")]
        forms += [(f"{n}班", initial, "complete"), (f"({n})", initial, "complete")]
        if level <= 9:
            forms += [(f"{ZH[level - 1]}年级{n}班", "", "complete")]
            # a bare grade digit 1-6 counts within the stage, so name a primary school there
            bare_school = "primary" if level <= 6 else "complete"
            forms += [(f"{level}年级({n})班", "", "complete"), (f"{n}", f"{level}", bare_school)]
        if level >= 7:
            stage = "初中" if level <= 9 else "高中"
            forms += [(f"{stage}{ZH[(level - 7) % 3]}年级{n}班", "", "complete")]
            forms += [(f"{initial}.{n}", "", "complete"), (f"{initial}-{n}", "", "complete")]
        if 7 <= level <= 9:
            forms += [(f"{ZH[level - 1]}({n})班", "", "junior"), (f"{level}.{n}", "", "complete")]
        if level <= 6:
            forms += [(f"{ZH[level - 1]}({n})班", "", "primary")]
    return forms


@given(
    st.integers(1, 12),
    st.integers(1, 40),
    st.data(),
    st.booleans(),
)
def test_every_writing_reads_back_to_the_same_class(
    level: int, number: int, data: st.DataObject, wide: bool
) -> None:
    class_text, grade_text, school_type = data.draw(st.sampled_from(_writings(level, number)))
    if wide:
        class_text, grade_text = full_width(class_text), full_width(grade_text)
    name = parse_class(class_text, grade_text, school_type=school_type)
    assert (name.grade_level, name.number) == (level, number)
    assert name.label == f"{grade_label(level)}({number})班"


@given(
    st.sampled_from(["primary", "junior", "senior"]),
    st.dates(date(2000, 1, 1), date(2090, 12, 31)),
    st.integers(0, 5),
    st.integers(1, 40),
)
def test_cohorts_read_back_for_any_day(
    school_type: str, today: date, years: int, number: int
) -> None:
    first, last = {"primary": (1, 6), "junior": (7, 9), "senior": (10, 12)}[school_type]
    years %= last - first + 1
    # An independent statement of the school year: it begins on 1 September.
    year_start = today.year if today.month >= 9 else today.year - 1
    entry = parse_class(f"{year_start - years}级{number}班", school_type=school_type, today=today)
    leaving = parse_class(
        f"{year_start + 1 + (last - first - years)}届{number}班",
        school_type=school_type,
        today=today,
    )
    assert entry.grade_level == leaving.grade_level == first + years
    assert entry.number == leaving.number == number


CLASS_ALPHABET = "0123456789一二三四五六七八九十零〇初高中小学年级届班()（）.-·、 ０３【】"


@given(
    st.one_of(st.text(), st.text(CLASS_ALPHABET, max_size=14)),
    st.one_of(st.just(""), st.text(CLASS_ALPHABET, max_size=8)),
    st.sampled_from(["primary", "junior", "senior", "complete"]),
    st.dates(date(2000, 1, 1), date(2090, 12, 31)),
)
def test_any_text_reads_or_fails_with_a_validation_error(
    class_text: str, grade_text: str, school_type: str, today: date
) -> None:
    try:
        name = parse_class(class_text, grade_text, school_type=school_type, today=today)
    except ValidationError as error:
        assert error.field in ("class", "grade")
        assert error.message
    else:
        assert 1 <= name.grade_level <= 12
        assert 1 <= name.number <= 99
