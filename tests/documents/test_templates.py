"""Editable wording: every default is valid, every bad template is refused with its place.

A template a school saves is checked before it is stored; a refusal must say which part, which
line and which placeholder, and list what is allowed, so the counsellor can fix it. Parent
notices accept no tier name at all: the check is what keeps a label off a letter to a family.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counselroom.documents.kinds.samples import sample_data
from counselroom.documents.templates import (
    DEFAULT_TEMPLATES,
    TEMPLATE_SPECS,
    TemplateError,
    check_template,
    fill,
    placeholders_in,
    sample_values,
    template_key,
)
from counselroom.domain.errors import ValidationError

KEYS = list(TEMPLATE_SPECS)
EXPECTED_KEYS = {
    "parent-notice-1",
    "parent-notice-2",
    "parent-notice-3",
    "escalation-notice-1",
    "escalation-notice-2",
    "escalation-notice-3",
    "district-report",
    "referral-letter",
    "plan",
    "return-assessment",
    "closure-report",
    "ledger",
    "recovery-sheet",
    "transfer-letter",
}
NO_BRACES = st.text(alphabet=st.characters(blacklist_characters="{}"))
TITLE = st.text(alphabet=st.characters(blacklist_characters="{}"), min_size=1).filter(
    lambda t: t.strip()
)


def _body_error(key: str, body: str) -> TemplateError:
    parts = {**DEFAULT_TEMPLATES[key], "body": body}
    with pytest.raises(TemplateError) as caught:
        check_template(key, parts)
    return caught.value


def test_the_keys_and_their_parts() -> None:
    assert set(TEMPLATE_SPECS) == EXPECTED_KEYS == set(DEFAULT_TEMPLATES)
    for key, spec in TEMPLATE_SPECS.items():
        assert spec.key == key and spec.title
        assert spec.parts[:2] == ("title", "body")
        has_receipt = key.startswith("parent-notice") or key == "referral-letter"
        assert ("receipt" in spec.parts) == has_receipt, key
        assert len(set(spec.placeholders)) == len(spec.placeholders), key


@pytest.mark.parametrize("key", KEYS)
def test_every_default_is_accepted_unchanged(key: str) -> None:
    checked = check_template(key, DEFAULT_TEMPLATES[key])
    assert checked == DEFAULT_TEMPLATES[key]
    for text in checked.values():
        assert set(placeholders_in(text)) <= set(TEMPLATE_SPECS[key].placeholders)


@pytest.mark.parametrize("key", KEYS)
def test_sample_values_fill_every_placeholder_of_the_key(key: str) -> None:
    values = sample_values(key)
    assert set(values) == set(TEMPLATE_SPECS[key].placeholders)
    for part in TEMPLATE_SPECS[key].parts:
        filled = fill(DEFAULT_TEMPLATES[key][part], values)
        assert "{" not in filled and "}" not in filled
    assert sample_data(key) is not None


def test_unknown_placeholder_names_part_line_placeholder_and_the_allowed_list() -> None:
    error = _body_error("parent-notice-1", "第一行\n第二行\n请联系{班主任}和{分级名称}。")
    assert error.part == "body" and error.line == 3 and error.placeholder == "分级名称"
    assert "body" in error.message and "line 3" in error.message
    assert "{分级名称}" in error.message
    assert "{班主任}" in error.message and "{学生姓名}" in error.message  # the allowed list
    assert error.allowed == TEMPLATE_SPECS["parent-notice-1"].placeholders
    assert isinstance(error, ValidationError)
    assert str(error) == error.message


def test_the_same_placeholder_is_allowed_where_the_key_accepts_it() -> None:
    body = "{学生姓名}自{认定日期}起列入“{分级名称}”。"
    assert check_template("escalation-notice-2", {"title": "通报", "body": body})["body"] == body


@pytest.mark.parametrize("key", ["parent-notice-1", "parent-notice-2", "parent-notice-3"])
@pytest.mark.parametrize("name", ["分级名称", "认定原因", "认定日期", "转介原因"])
def test_parent_notices_accept_no_tier_or_reason(key: str, name: str) -> None:
    assert name not in TEMPLATE_SPECS[key].placeholders
    assert _body_error(key, f"{{{name}}}").placeholder == name


def test_the_transfer_letter_has_no_passphrase_placeholder() -> None:
    spec = TEMPLATE_SPECS["transfer-letter"]
    assert not [p for p in spec.placeholders if "口令" in p or "密码" in p]
    assert _body_error("transfer-letter", "口令：{口令}").placeholder == "口令"


@pytest.mark.parametrize(
    ("body", "line", "brace"),
    [
        ("好的\n请于{日期前联系", 2, "{"),
        ("一}二", 1, "}"),
        ("甲\n乙\n空的{}占位符", 3, "{}"),
        ("跨行{学生\n姓名}", 1, "{"),
    ],
)
def test_stray_braces_are_refused_with_their_line(body: str, line: int, brace: str) -> None:
    error = _body_error("plan", body)
    assert error.part == "body" and error.line == line and error.placeholder == brace
    assert f"line {line}" in error.message and "stray" in error.message


def test_doubled_braces_are_literal_braces() -> None:
    body = "集合{{A}}与{{B}}：{学生姓名}"
    assert check_template("plan", {"title": "方案", "body": body})["body"] == body
    assert fill(body, {"学生姓名": "张小明"}) == "集合{A}与{B}：张小明"
    assert placeholders_in(body) == ("学生姓名",)


def test_missing_unknown_and_empty_parts_are_refused() -> None:
    with pytest.raises(TemplateError, match="receipt") as missing:
        check_template("parent-notice-1", {"title": "告知书", "body": "正文"})
    assert missing.value.part == "receipt"
    with pytest.raises(TemplateError, match="footer") as extra:
        check_template("plan", {"title": "方案", "body": "正文", "footer": "页脚"})
    assert extra.value.part == "footer"
    for title in ("", "  \n ", "\n"):
        with pytest.raises(TemplateError, match="title") as empty:
            check_template("plan", {"title": title, "body": "正文"})
        assert empty.value.part == "title"
    with pytest.raises(TemplateError, match="unknown template"):
        check_template("birthday-card", {"title": "生日", "body": ""})


def test_an_unknown_placeholder_in_the_title_or_receipt_names_that_part() -> None:
    parts = {**DEFAULT_TEMPLATES["referral-letter"], "receipt": "请填写\n{诊断}"}
    with pytest.raises(TemplateError) as caught:
        check_template("referral-letter", parts)
    assert (caught.value.part, caught.value.line, caught.value.placeholder) == (
        "receipt",
        2,
        "诊断",
    )
    with pytest.raises(TemplateError) as title:
        check_template("ledger", {"title": "{群体}台账", "body": ""})
    assert title.value.part == "title" and title.value.line == 1


def test_check_normalises_line_ends_and_trailing_space() -> None:
    checked = check_template("plan", {"title": "  方案 \r\n", "body": "\n甲  \r\n\r\n乙\t\n\n"})
    assert checked == {"title": "  方案", "body": "甲\n\n乙"}


def test_fill_is_one_pass_and_refuses_holes() -> None:
    # A value holding braces (a counsellor's note) is printed as typed, not filled again.
    assert fill("{学生姓名}说", {"学生姓名": "{班主任}"}) == "{班主任}说"
    with pytest.raises(TemplateError, match="学籍号"):
        fill("编号{学籍号}", {})
    with pytest.raises(TemplateError, match="stray"):
        fill("半个{括号", {})


def test_template_errors_survive_pickling() -> None:
    error = _body_error("plan", "{甲}")
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, TemplateError)
    assert (copy.message, copy.part, copy.line, copy.placeholder) == (
        error.message,
        "body",
        1,
        "甲",
    )


def test_template_key() -> None:
    assert template_key("parent-notice", 3) == "parent-notice-3"
    assert template_key("escalation-notice", 1) == "escalation-notice-1"
    assert template_key("district-report") == "district-report"
    assert template_key("transfer-letter", 2) == "transfer-letter"
    for bad in (None, 0, 4, True):
        with pytest.raises(ValidationError, match="tier"):
            template_key("parent-notice", bad)
    with pytest.raises(ValidationError, match="kind"):
        template_key("birthday-card")


@given(title=TITLE, body=NO_BRACES)
def test_text_without_braces_is_accepted_and_fill_leaves_it_alone(title: str, body: str) -> None:
    checked = check_template("plan", {"title": title, "body": body})
    assert set(checked) == {"title", "body"}
    assert fill(body, {}) == body
    assert fill(title, sample_values("plan")) == title


ONE_LINE = st.text(alphabet=st.characters(blacklist_characters="{}\n\r"))


@given(name=ONE_LINE.filter(bool), before=ONE_LINE, after=NO_BRACES)
def test_any_placeholder_outside_the_spec_is_refused(name: str, before: str, after: str) -> None:
    key = "parent-notice-2"
    body = f"{before}{{{name}}}{after}"
    if name in TEMPLATE_SPECS[key].placeholders:
        assert check_template(key, {**DEFAULT_TEMPLATES[key], "body": body})
        return
    error = _body_error(key, body)
    assert (error.part, error.line, error.placeholder) == ("body", 1, name)
    assert f"{{{name}}}" in error.message
