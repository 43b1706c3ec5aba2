"""The schema check's quick tests (student_fields.accepts) agree with its full check, value by
value: a quick test that passed a value the full check refuses would let it into the vault; one
that refused a valid value would only be slow, but says the two have drifted apart."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from counselroom.transfer.errors import ArchiveError
from counselroom.transfer.student_fields import LIST, MAX_TEXT, OBJECT, REF, Field, Record, accepts
from counselroom.transfer.student_records import SECTIONS, STUDENT
from counselroom.transfer.student_schema import _Checker


def _fields() -> list[Field]:
    out: list[Field] = []

    def walk(record: Record) -> None:
        for field in record.fields:
            if field.record is not None:
                walk(field.record)
            elif field.kind != REF:
                out.append(field)

    walk(STUDENT)
    for _, record in SECTIONS:
        walk(record)
    return out


FIELDS = _fields()
SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.sampled_from([0, 1, 3, 4, 12, 13, -1, 1000, 1001, 2**31 - 1, 2**31, 2**63 - 1, 2**63]),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(
        [
            "2025-02-29", "2024-02-29", "2025-1-05", "20250105", "2025-01-05T08:00:00",
            "2025-01-05 08:00:00", "2025-01-05T08:00:00.123456", "2025-01-05T08:00:00.12",
            "2025-01-05T25:00:00", "2025-01-05T08:00:00+08:00", "２０２５-01-05", "M", "F",
            "open", "enrolled", "interview", "in_person", "phq9", "\ud800", "张\udc00",
            "x" * MAX_TEXT, "x" * (MAX_TEXT + 1), "",
        ]
    ),
)  # fmt: skip
VALUES = st.one_of(
    SCALARS,
    st.lists(st.one_of(st.none(), SCALARS), max_size=6),
    st.lists(st.integers(min_value=0, max_value=1000), min_size=199, max_size=202),
    st.dictionaries(
        st.one_of(st.text(max_size=3), st.just("\ud800")), st.one_of(st.none(), SCALARS), max_size=4
    ),
)


def full_check_passes(field: Field, value: Any) -> bool:
    try:
        _Checker("m").value(value, field, "p", None)
    except ArchiveError:
        return False
    return True


@settings(max_examples=3000)
@given(field=st.sampled_from(FIELDS), value=VALUES)
def test_a_quick_test_passes_exactly_what_the_full_check_passes(field: Field, value: Any) -> None:
    quick = accepts(field)
    assert quick is not None and field.kind not in (OBJECT, LIST)
    assert quick(value) == full_check_passes(field, value), (field.name, field.kind, value)
