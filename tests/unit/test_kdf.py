"""Argon2id: the production floors are real and asserted; weak parameters are opt-in only."""

from __future__ import annotations

import pytest

from counselroom.vault.errors import VaultFormatError
from counselroom.vault.kdf import (
    INSECURE_TEST_PARAMS,
    MIN_ITERATIONS,
    MIN_MEMORY_KIB,
    KdfParams,
    calibrate,
    derive,
)


def test_production_floors() -> None:
    assert MIN_MEMORY_KIB == 64 * 1024
    assert MIN_ITERATIONS == 2
    assert KdfParams().is_production_strength()
    assert not INSECURE_TEST_PARAMS.is_production_strength()


def test_calibration_never_goes_below_the_floors() -> None:
    # Even a tiny target time cannot buy weaker parameters.
    params = calibrate(target_seconds=0.0001)
    assert params.memory_kib >= MIN_MEMORY_KIB
    assert params.iterations >= MIN_ITERATIONS


def test_calibration_scales_passes_with_the_target() -> None:
    assert calibrate(target_seconds=1.0).iterations >= calibrate(target_seconds=0.05).iterations


def test_setup_uses_production_params_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    import counselroom.vault.kdf as kdf

    monkeypatch.setattr(kdf, "_calibrated", None)
    assert kdf.production_params().is_production_strength()


def test_derivation_depends_on_salt_and_secret() -> None:
    a = derive(b"pw", b"s" * 16, INSECURE_TEST_PARAMS)
    assert a != derive(b"pw", b"t" * 16, INSECURE_TEST_PARAMS)
    assert a != derive(b"px", b"s" * 16, INSECURE_TEST_PARAMS)
    assert a == derive(b"pw", b"s" * 16, INSECURE_TEST_PARAMS)


@pytest.mark.parametrize(
    "data",
    [
        {"name": "scrypt", "memory_kib": 1, "iterations": 1, "lanes": 1},
        {"name": "argon2id", "memory_kib": 65536, "iterations": 0, "lanes": 1},
        {"name": "argon2id", "memory_kib": 65536},
    ],
)
def test_bad_parameters_are_refused(data: dict[str, object]) -> None:
    with pytest.raises(VaultFormatError, match="slots"):
        KdfParams.from_dict(data, "vault.keys: slots[0].kdf")


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [(4294967295, 2, 4), (2**40, 2, 4), (65536, 2**31, 4), (65536, 65, 4), (65536, 2, 64)],
)
def test_parameters_read_from_a_file_are_bounded(
    memory_kib: int, iterations: int, lanes: int
) -> None:
    """A backup's vault.keys comes from a file someone hands over: parameters that would
    exhaust the PC before the password is refused are a format error, not a MemoryError."""
    data = {"name": "argon2id", "memory_kib": memory_kib, "iterations": iterations, "lanes": lanes}
    with pytest.raises(VaultFormatError, match="larger than CounselRoom ever writes"):
        KdfParams.from_dict(data, "vault.keys slot 1")
    production = KdfParams.from_dict(
        {"name": "argon2id", "memory_kib": 65536, "iterations": 64, "lanes": 4}, "x"
    )
    assert production.iterations == 64  # the largest calibration still reads
