"""Backup and restore of the M school (5,000 students), each next to its raw primitive.

    python bench/bench_backup.py

* backup (services.backups.backup_vault: write lock, `sqlcipher_export` of the committed state,
  head check, hashing, tar, fsync, rename, audit entry) vs. the bare `sqlcipher_export` of the
  same database into a file under the same key — the least a consistent encrypted copy costs;
* restore (services.backups.restore_backup: unpack with hashes, unlock, `verify_vault`, audit
  entry, the two renames) vs. the bare reading of the same tar plus SQLCipher's page check
  (`PRAGMA cipher_integrity_check`) of the unpacked database — the least a proven restore costs.

The vault uses cheap Argon2id parameters (INSECURE_TEST_PARAMS); with production parameters a
restore adds one Argon2id time (about 0.5 s) per account the password is tried on.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import sys
import tarfile
import tempfile
from datetime import date
from pathlib import Path

WORK = Path(tempfile.mkdtemp(prefix="counselroom-bench-backup-"))
os.environ["COUNSELROOM_CONFIG_DIR"] = str(WORK / "config")
sys.path.insert(0, str(Path(__file__).parent))
from common import HEADER, row, timed  # noqa: E402

STUDENTS = int(os.environ.get("BENCH_STUDENTS", "5000"))
PASSWORD = "demo-password"


def main() -> None:
    try:
        _run()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


def _run() -> None:
    from counselroom.services import auth
    from counselroom.services.backups import backup_vault, restore_backup
    from counselroom.services.demo import create_demo_vault
    from counselroom.storage import engine as storage_engine
    from counselroom.vault.kdf import INSECURE_TEST_PARAMS

    folder = WORK / "vault"
    made, _, summary = create_demo_vault(
        folder, STUDENTS, seed=7, kdf=INSECURE_TEST_PARAMS, today=date.today(), profile="benchmark"
    )
    made.close()
    print(f"school: {summary}")
    ctx = auth.login(folder, "admin", PASSWORD)
    key = ctx.vault.data_key
    counter = itertools.count()

    def bare_export() -> None:
        copy = WORK / f"bare-{next(counter)}.db"
        with contextlib.closing(storage_engine.open_raw(folder / "vault.db", key)) as conn:
            conn.execute(f"ATTACH DATABASE ? AS copy KEY \"x'{key.hex()}'\"", (str(copy),))
            conn.execute("SELECT sqlcipher_export('copy')")
            conn.execute("DETACH DATABASE copy")
        copy.unlink()

    def ours_backup() -> None:
        target = WORK / "school.crbackup"
        backup_vault(ctx, target)

    bare_backup_s = timed(bare_export, repeat=3)
    ours_backup_s = timed(ours_backup, repeat=3)
    backup_file = WORK / "school.crbackup"
    size = backup_file.stat().st_size
    ctx.close()

    def bare_restore() -> None:
        into = WORK / f"bare-restore-{next(counter)}"
        into.mkdir()
        with tarfile.open(backup_file) as tar:
            for member in tar.getmembers():
                if member.name != "backup.json":
                    source = tar.extractfile(member)
                    assert source is not None
                    with open(into / member.name, "wb") as out:
                        shutil.copyfileobj(source, out, 1024 * 1024)
        with contextlib.closing(storage_engine.open_raw(into / "vault.db", key)) as conn:
            conn.execute("PRAGMA cipher_integrity_check").fetchall()
        shutil.rmtree(into)

    def ours_restore() -> None:
        result = restore_backup(backup_file, folder, PASSWORD, "admin")
        assert result.replaced_folder is not None
        shutil.rmtree(result.replaced_folder)

    bare_restore_s = timed(bare_restore, repeat=3)
    ours_restore_s = timed(ours_restore, repeat=3)
    print(f"backup file: {size / 1e6:.1f} MB\n")
    print(HEADER)
    print(
        row(f"backup, {STUDENTS} students", ours_backup_s, "bare sqlcipher_export", bare_backup_s)
    )
    print(
        row(f"restore, {STUDENTS} students", ours_restore_s, "untar + page check", bare_restore_s)
    )


if __name__ == "__main__":
    main()
