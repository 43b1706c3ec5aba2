"""Vault creation and unlock, with the Argon2id time measured apart in the same run.

Run: python bench/bench_vault.py   (production Argon2id parameters, calibrated here)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import HEADER, row, timed

from counselroom.services import auth
from counselroom.services.setup import SchoolDetails, init_vault
from counselroom.vault.kdf import derive, production_params


def main() -> None:
    params = production_params()
    kdf_time = timed(lambda: derive(b"password-123", os.urandom(16), params), repeat=5)
    work = Path(tempfile.mkdtemp(prefix="cr-bench-"))
    counter = iter(range(1000))

    def create() -> None:
        ctx, _ = init_vault(
            work / f"v{next(counter)}",
            SchoolDetails("基准中学"),
            "admin",
            "bench-password",
            kdf=params,
        )
        ctx.close()

    create_time = timed(create, repeat=3)
    folder = work / "v0"
    unlock_time = timed(lambda: auth.login(folder, "admin", "bench-password").close(), repeat=5)
    shutil.rmtree(work)

    print(
        f"Argon2id: {params.memory_kib // 1024} MiB, {params.iterations} passes, "
        f"{params.lanes} lanes"
    )
    print(HEADER)
    # creation derives two slot keys (administrator and recovery code)
    print(row("create vault (2 slots)", create_time, "2 × Argon2id", 2 * kdf_time))
    print(row("unlock (login)", unlock_time, "1 × Argon2id", kdf_time))
    print(
        f"\nunlock beyond the KDF: {(unlock_time - kdf_time) * 1000:.0f} ms; "
        f"creation beyond the KDF: {(create_time - 2 * kdf_time) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
