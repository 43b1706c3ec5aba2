"""Make the saved vault of the current schema revision for the migration harness.

Run it once per new migration, AT THE COMMIT THAT ADDS THE MIGRATION, and commit the folder it
writes (`tests/data/vaults/rev<REVISION>/`). Later versions of the program must keep opening
every saved vault: `tests/storage/test_saved_vaults.py` opens, upgrades and verifies each one.

    python tests/data/vaults/make_saved_vault.py
"""

from __future__ import annotations

import contextlib
import json
import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from counselroom.services.demo import create_demo_vault
from counselroom.storage import migrate
from counselroom.storage.base import Base
from counselroom.storage.models import Student
from counselroom.vault.kdf import INSECURE_TEST_PARAMS

PASSWORD = "saved-vault-1"
HERE = Path(__file__).parent


def main() -> None:
    revision = migrate.head_revision()
    target = HERE / f"rev{revision}"
    shutil.rmtree(target, ignore_errors=True)
    ctx, _code, _summary = create_demo_vault(
        target,
        40,
        seed=2026,
        password=PASSWORD,
        kdf=INSECURE_TEST_PARAMS,
        today=date(2026, 11, 20),
    )
    with ctx.vault.read() as session:
        counts = {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }
        students = {
            no: name
            for no, name in session.execute(
                select(Student.student_no, Student.name).order_by(Student.id).limit(5)
            )
        }
    ctx.close()
    (target / "vault.lock").unlink()
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(target / "backups")
    expected = {
        "revision": revision,
        "user": "admin",
        "password": PASSWORD,
        "counts": counts,
        "students": students,
    }
    (target / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
