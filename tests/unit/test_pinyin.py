"""Pinyin search keys: full pinyin and initials, surname readings, pass-through characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.domain.pinyin import SURNAME_READINGS, search_key, split_name


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("张三", "zhangsan zs"),
        ("欧阳娜娜", "ouyangnana oynn"),
        ("王喆", "wangzhe wz"),
        ("李珺", "lijun lj"),
        ("吕女", "lvnv ln"),
        ("诸葛亮", "zhugeliang zgl"),
        ("司马光", "simaguang smg"),
    ],
)
def test_full_pinyin_and_initials(name: str, key: str) -> None:
    assert search_key(name) == key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("单雄信", "shanxiongxin sxx"),
        ("曾国藩", "zengguofan zgf"),
        ("解缙", "xiejin xj"),
        ("仇英", "qiuying qy"),
        ("区小明", "ouxiaoming oxm"),
        ("朴树", "piaoshu ps"),
        ("查良镛", "zhaliangyong zly"),
        ("缪明", "miaoming mm"),
        ("翟明", "zhaiming zm"),
    ],
)
def test_surname_reading(name: str, key: str) -> None:
    assert search_key(name) == key


def test_surname_reading_applies_to_the_surname_only() -> None:
    # 曾 inside a given name keeps pypinyin's reading; only the first character is a surname.
    assert search_key("王曾") != "wangzeng wz"
    assert search_key("曾曾").startswith("zeng")


def test_every_table_entry_is_lower_case_ascii_pinyin() -> None:
    for char, reading in SURNAME_READINGS.items():
        assert len(char) == 1
        assert reading.isascii() and reading.isalpha() and reading.islower()
        assert search_key(char + "一").startswith(reading)


def test_characters_without_pinyin_pass_through_lower_cased() -> None:
    assert search_key("𠮷祥") == "𠮷xiang 𠮷x"
    assert search_key("Tom李") == "tomli toml"
    assert search_key("ＡＢ张") == "abzhang abz"  # full-width letters are normalised


def test_separators_and_spaces_are_dropped() -> None:
    assert search_key("张 三") == "zhangsan zs"
    assert search_key("阿依·买买提") == search_key("阿依买买提")
    assert search_key("") == ""
    assert search_key("   ") == ""


def test_split_name() -> None:
    assert split_name("欧阳娜娜") == ("欧阳", "娜娜")
    assert split_name("张三") == ("张", "三")
    assert split_name("欧") == ("欧", "")


@given(st.text(alphabet=st.sampled_from("张王李欧阳娜单曾一二三abcXYZ𠮷 ·"), max_size=8))
def test_key_has_two_lower_case_halves(name: str) -> None:
    key = search_key(name)
    if not key:
        return
    full, initials = key.split(" ")
    assert key == key.lower()
    assert len(initials) <= len(full)
    assert full[0] == initials[0]
