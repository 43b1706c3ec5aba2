"""The schema check of a student document: a document that does not fit is refused, with the
member and the path of the wrong value; one that fits is accepted.

The valid document is built from the field list itself (every section, every child list, every
reference filled), and random mutations are judged by an oracle written here independently of
the checker: the checker must refuse exactly the values the oracle refuses.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counselroom.transfer.errors import SCHEMA, VERSION, ArchiveError
from counselroom.transfer.student_fields import (
    AUTHOR,
    BOOL,
    CHOICE,
    DATE,
    DATETIME,
    INT,
    INT_LIST,
    INT_MAP,
    LIST,
    MAX_TEXT,
    OBJECT,
    REF,
    TEXT,
    TEXT_LIST,
    Field,
    Record,
)
from counselroom.transfer.student_records import SECTIONS, STUDENT
from counselroom.transfer.student_schema import FORMAT, check_student_document
from counselroom.transfer.student_schema import VERSION as FORMAT_VERSION

MEMBER = "students/0003.json"
_TARGET_IDS = {"screening_results": 30, "tier_changes": 40, "consents": 90}


def _sample(field: Field, index: int) -> Any:
    kind = field.kind
    if kind == INT:
        return 1 + index if field.name == "id" else max(field.low, min(field.high, 1))
    if kind in (TEXT, AUTHOR):
        return f"{field.name} 文字 {index}"
    if kind == BOOL:
        return True
    if kind == DATE:
        return "2025-03-04"
    if kind == DATETIME:
        return "2025-03-04T08:30:00"
    if kind == CHOICE:
        return field.choices[0]
    if kind == REF:
        return _TARGET_IDS[field.target]
    if kind == INT_LIST:
        return [0, 1, None, 3]
    if kind == INT_MAP:
        return {"learning": 5, "social": 2}
    if kind == TEXT_LIST:
        return ["phq9_flag"]
    assert field.record is not None
    if kind == OBJECT:
        return _record(field.record, index)
    assert kind == LIST
    return [_record(field.record, index * 10 + n) for n in range(min(field.max_items, 2))]


def _record(record: Record, index: int) -> dict[str, Any]:
    return {field.name: _sample(field, index) for field in record.fields}


def valid_document() -> dict[str, Any]:
    doc: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION}
    doc["student"] = _record(STUDENT, 0)
    for name, record in SECTIONS:
        base = _TARGET_IDS.get(name, 100)
        doc[name] = [_record(record, base - 1), _record(record, base + 500)]
    # two results must not name one batch, two plans not share a version
    doc["screening_results"][1]["batch"]["id"] = 77
    doc["plans"][1]["version"] = 2
    return doc


def _leaves(doc: dict[str, Any]) -> list[tuple[str, Field, dict[str, Any]]]:
    """(path, field, the record holding it) for every scalar field of the document."""
    out: list[tuple[str, Field, dict[str, Any]]] = []

    def walk(record: Record, item: dict[str, Any], path: str) -> None:
        for field in record.fields:
            here = f"{path}.{field.name}"
            value = item[field.name]
            if field.kind == OBJECT and value is not None:
                assert field.record is not None
                walk(field.record, value, here)
            elif field.kind == LIST:
                assert field.record is not None
                for n, child in enumerate(value):
                    walk(field.record, child, f"{here}[{n}]")
            elif field.kind not in (REF, INT_LIST, INT_MAP, TEXT_LIST) and field.name != "id":
                out.append((here, field, item))  # ids and references: their own tests below

    walk(STUDENT, doc["student"], "student")
    for name, record in SECTIONS:
        for n, item in enumerate(doc[name]):
            walk(record, item, f"{name}[{n}]")
    return out


def acceptable(field: Field, value: Any) -> bool:
    """The oracle: what a value of ``field`` may be, written without the checker's code."""
    if value is None:
        return field.nullable
    if field.kind in (TEXT, AUTHOR):
        return isinstance(value, str) and len(value) <= MAX_TEXT and _utf8(value)
    if field.kind == INT:
        return type(value) is int and field.low <= value <= field.high
    if field.kind == BOOL:
        return value is True or value is False
    if field.kind == CHOICE:
        return isinstance(value, str) and value in field.choices
    if field.kind == DATE:
        return isinstance(value, str) and len(value) == 10 and _parses(value, "%Y-%m-%d")
    if field.kind == DATETIME:
        return isinstance(value, str) and (
            (len(value) == 19 and _parses(value, "%Y-%m-%dT%H:%M:%S"))
            or (len(value) == 26 and _parses(value, "%Y-%m-%dT%H:%M:%S.%f"))
        )
    raise AssertionError(field.kind)


def _utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parses(value: str, pattern: str) -> bool:
    if not value.isascii() or not all(c.isdigit() or c in "-T:." for c in value):
        return False
    try:
        datetime.strptime(value, pattern)
    except ValueError:
        return False
    return True


def refused(doc: object) -> ArchiveError:
    with pytest.raises(ArchiveError) as caught:
        check_student_document(doc, MEMBER)
    return caught.value


def test_the_built_document_is_valid_and_fills_every_section() -> None:
    doc = valid_document()
    check_student_document(doc, MEMBER)
    assert all(doc[name] for name, _ in SECTIONS)
    check_student_document(json.loads(json.dumps(doc)), MEMBER)


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(
        [
            "2025-02-29",
            "2024-02-29",
            "2025-1-05",
            "20250105",
            "2025-01-05T08:00:00",
            "2025-01-05 08:00:00",
            "2025-01-05T08:00:00.123456",
            "2025-01-05T08:00:00.12",
            "2025-01-05T25:00:00",
            "2025-01-05T08:00:00+08:00",
            "２０２５-01-05",
            "M",
            "F",
            "open",
            "enrolled",
            "interview",
            "\ud800",
            "x" * (MAX_TEXT + 1),
        ]
    ),
    st.sampled_from([0, 1, 3, 4, 12, 13, -1]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), value=VALUES)
def test_a_mutated_value_is_refused_at_its_path_or_accepted_only_if_valid(
    data: st.DataObject, value: Any
) -> None:
    doc = valid_document()
    leaves = _leaves(doc)
    path, field, holder = data.draw(st.sampled_from(leaves))
    holder[field.name] = value
    others = [p["version"] for p in doc["plans"] if p is not holder]
    clash = path.startswith("plans[") and path.endswith("].version") and value in others
    if acceptable(field, value) and not clash:
        check_student_document(doc, MEMBER)
    else:
        error = refused(doc)
        assert error.check == SCHEMA
        assert str(error).startswith(f"{MEMBER}: {path}: ")
        assert error.args_text[:2] == (MEMBER, path)


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (lambda d: d, "extra"),
        (lambda d: d["student"], "student.extra"),
        (lambda d: d["sessions"][1]["amendments"][0], "sessions[1].amendments[0].extra"),
        (lambda d: d["referrals"][0]["institution"], "referrals[0].institution.extra"),
        (lambda d: d["screening_results"][0]["batch"], "screening_results[0].batch.extra"),
    ],
)
def test_an_unknown_key_is_refused_wherever_it_is(where: Any, path: str) -> None:
    doc = valid_document()
    where(doc)["extra"] = 1
    error = refused(doc)
    assert error.check == SCHEMA
    assert str(error) == f"{MEMBER}: {path}: unknown key"


def test_a_missing_key_is_refused() -> None:
    doc = valid_document()
    del doc["plans"][0]["measures"][1]["what"]
    assert str(refused(doc)) == f"{MEMBER}: plans[0].measures[1].what: missing"
    doc = valid_document()
    del doc["closures"]
    assert str(refused(doc)) == f"{MEMBER}: closures: missing"


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("student", [], "student: expected an object"),
        ("sessions", {}, "sessions: expected a list"),
        ("guardians", ["x"], "guardians[0]: expected an object"),
    ],
)
def test_wrong_containers_are_refused(path: str, value: object, message: str) -> None:
    doc = valid_document()
    doc[path] = value
    assert str(refused(doc)) == f"{MEMBER}: {message}"


def test_enumerations_and_ranges() -> None:
    for mutate, message in [
        (lambda d: d["student"].update(gender="X"), "student.gender: expected one of M, F, U"),
        (lambda d: d["student"].update(tier=4), "student.tier: expected a number from 0 to 3"),
        (lambda d: d["student"].update(tier=True), "student.tier: expected a whole number"),
        (lambda d: d["sessions"][0].update(kind="chat"), "sessions[0].kind: expected one of "),
        (
            lambda d: d["leaves"][0]["returns"].append(d["leaves"][0]["returns"][0]),
            "leaves[0].returns: more than 1 entries",
        ),
        (
            lambda d: d["screening_results"][0].update(answers=[0, "1"]),
            "screening_results[0].answers[1]: expected a whole number",
        ),
        (
            lambda d: d["screening_results"][0].update(flags=None),
            "screening_results[0].flags: must not be null",
        ),
    ]:
        doc = valid_document()
        mutate(doc)
        assert str(refused(doc)).startswith(f"{MEMBER}: {message}")


def test_dates_must_be_real_days_in_the_written_format() -> None:
    for bad in ("2025-02-29", "2025-2-28", "20250228", "2025-02-28T00:00:00"):
        doc = valid_document()
        doc["sessions"][1]["amendments"][0]["created_at"] = "2025-02-28 08:00:00"
        doc["concerns"][0]["reported_on"] = bad
        error = refused(doc)
        assert str(error) == f"{MEMBER}: concerns[0].reported_on: expected a date (YYYY-MM-DD)"
    doc = valid_document()
    doc["sessions"][2 - 1]["started_at"] = "2025-02-28 08:00:00"
    assert str(refused(doc)) == (
        f"{MEMBER}: sessions[1].started_at: expected a date-time (YYYY-MM-DDTHH:MM:SS)"
    )
    doc = valid_document()
    doc["sessions"][1]["started_at"] = "2025-02-28T08:00:00.000001"  # as stored: microseconds
    check_student_document(doc, MEMBER)
    assert date.fromisoformat(doc["concerns"][0]["reported_on"])


def test_ids_are_unique_per_section_and_references_must_resolve() -> None:
    doc = valid_document()
    doc["sessions"][1]["id"] = doc["sessions"][0]["id"]
    assert str(refused(doc)) == f"{MEMBER}: sessions[1].id: id 100 is used twice in sessions"
    doc = valid_document()
    doc["concerns"][0]["screening_result"] = 12345
    assert str(refused(doc)) == (
        f"{MEMBER}: concerns[0].screening_result: no record with id 12345 in screening_results"
    )
    doc = valid_document()
    doc["screening_results"][1]["batch"]["id"] = doc["screening_results"][0]["batch"]["id"]
    assert "used twice" in str(refused(doc))


def test_plan_versions_are_unique_in_a_document() -> None:
    """The vault allows one plan per version and student: found here, not as a database
    error halfway through an import."""
    doc = valid_document()
    assert len(doc["plans"]) >= 2
    doc["plans"][1]["version"] = doc["plans"][0]["version"]
    version = doc["plans"][0]["version"]
    assert str(refused(doc)) == f"{MEMBER}: plans[1].version: plan version {version} is used twice"


def test_text_length_is_capped_and_lone_surrogates_are_refused() -> None:
    doc = valid_document()
    doc["sessions"][0]["observation"] = "观" * MAX_TEXT
    check_student_document(doc, MEMBER)
    doc["sessions"][0]["observation"] += "察"
    assert "text longer than 100000 characters" in str(refused(doc))
    doc = valid_document()
    doc["student"]["name"] = "张\udc00"
    assert str(refused(doc)) == f"{MEMBER}: student.name: expected text"


def test_another_format_or_version_is_a_version_refusal() -> None:
    for mutate in (
        lambda d: d.update(format="other"),
        lambda d: d.update(version=2),
        lambda d: d.update(version="1"),
        lambda d: d.pop("version"),
    ):
        doc = valid_document()
        mutate(doc)
        assert refused(doc).check == VERSION
    assert refused([]).check == VERSION
    doc = copy.deepcopy(valid_document())
    assert str(refused({**doc, "version": 2})) == (
        f"{MEMBER}: student document version 2, this program reads version 1"
    )
