"""Argon2id password hashing for key slots, with calibration.

Parameters are stored in each slot, so a vault made on a slow PC still opens on a fast one and
parameters can be raised later slot by slot. Production floors (64 MiB, 2 passes) are enforced
here; tests pass cheaper parameters explicitly with `allow_weak=True` and a test asserts the
floors themselves.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from counselroom.vault.errors import VaultFormatError

MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 2
DEFAULT_LANES = 4
TARGET_SECONDS = 0.5
MAX_ITERATIONS = 64
# Upper bounds for parameters READ from a key file: a backup's vault.keys comes from a file
# someone hands over, and Argon2id with 4 TiB or 2**40 passes would exhaust the PC before the
# password could be refused. Calibration stays far below (64 MiB, ≤ 64 passes).
MAX_MEMORY_KIB = 1024 * 1024
MAX_LANES = 16
KEY_LENGTH = 32


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = MIN_ITERATIONS
    lanes: int = DEFAULT_LANES

    def to_dict(self) -> dict[str, int | str]:
        return {
            "name": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_dict(cls, data: object, where: str) -> KdfParams:
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise VaultFormatError(f"{where}: key derivation must be argon2id")
        try:
            params = cls(int(data["memory_kib"]), int(data["iterations"]), int(data["lanes"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise VaultFormatError(f"{where}: argon2id parameters are incomplete") from exc
        if params.memory_kib < 8 * params.lanes or params.iterations < 1 or params.lanes < 1:
            raise VaultFormatError(f"{where}: argon2id parameters are out of range")
        if (
            params.memory_kib > MAX_MEMORY_KIB
            or params.iterations > MAX_ITERATIONS
            or params.lanes > MAX_LANES
        ):
            raise VaultFormatError(
                f"{where}: argon2id parameters are larger than CounselRoom ever writes (at most "
                f"{MAX_MEMORY_KIB // 1024} MiB, {MAX_ITERATIONS} passes, {MAX_LANES} lanes)"
            )
        return params

    def is_production_strength(self) -> bool:
        return self.memory_kib >= MIN_MEMORY_KIB and self.iterations >= MIN_ITERATIONS


# Cheap parameters for tests and the throwaway demo vault only; never the default.
INSECURE_TEST_PARAMS = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    # Imported here: the login window reads key slots (and their KdfParams) at start-up,
    # before any password is typed (see keyslots.py).
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def calibrate(
    target_seconds: float = TARGET_SECONDS, memory_kib: int = MIN_MEMORY_KIB
) -> KdfParams:
    """Pick passes so that one derivation takes about `target_seconds` on this PC.

    Memory stays at the floor (64 MiB): school PCs often have 4 GiB and run other programs, so
    time is bought with passes, not memory. Never below the production floors.
    """
    memory = max(memory_kib, MIN_MEMORY_KIB)

    def seconds(passes: int) -> float:
        """Fastest of two runs: other programs only ever add time."""
        samples = []
        for _ in range(2):
            start = time.perf_counter()
            derive(b"calibration", b"\0" * 16, KdfParams(memory, passes))
            samples.append(time.perf_counter() - start)
        return min(samples)

    # Filling 64 MiB costs time once per derivation whatever the passes: measure the marginal
    # cost of a pass (2 vs 8 passes — a wide gap, so noise is small next to the difference)
    # instead of dividing one run by its passes.
    few, many = MIN_ITERATIONS, 4 * MIN_ITERATIONS
    short, long = seconds(few), seconds(many)
    per_pass = max((long - short) / (many - few), 1e-4)
    fixed = max(short - few * per_pass, 0.0)
    iterations = round((target_seconds - fixed) / per_pass)
    return KdfParams(memory, min(max(iterations, MIN_ITERATIONS), MAX_ITERATIONS))


_calibrated: KdfParams | None = None


def production_params() -> KdfParams:
    """Calibrated once per process: a new user or password change reuses the measurement."""
    global _calibrated
    if _calibrated is None:
        _calibrated = calibrate()
    return _calibrated
