"""ValidationError keeps reason and location apart and shows both."""

import copy
import pickle

import pytest

from counselroom.domain.errors import CounselRoomError, ValidationError


def test_validation_error_is_a_counselroom_error() -> None:
    with pytest.raises(CounselRoomError):
        raise ValidationError("bad")


def test_message_alone_when_no_location() -> None:
    err = ValidationError("check character is 3, expected X")
    assert str(err) == "check character is 3, expected X"
    assert err.field is None and err.record is None


def test_location_is_prefixed_record_first() -> None:
    err = ValidationError("is missing", field="身份证件号", record="row 12")
    assert str(err) == "row 12, 身份证件号: is missing"
    assert err.message == "is missing"


def test_located_adds_location_and_keeps_known_parts() -> None:
    err = ValidationError("is missing", field="idle_lock_minutes")
    moved = err.located(record="policy")
    assert (moved.message, moved.field, moved.record) == (
        "is missing",
        "idle_lock_minutes",
        "policy",
    )
    assert err.record is None  # the original is untouched


@pytest.mark.parametrize("clone", [copy.copy, lambda e: pickle.loads(pickle.dumps(e))])
def test_copy_and_pickle_keep_location(clone: object) -> None:
    err = ValidationError("bad", field="f", record="r")
    again = clone(err)  # type: ignore[operator]
    assert (again.message, again.field, again.record) == ("bad", "f", "r")
