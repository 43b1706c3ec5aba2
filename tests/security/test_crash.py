"""A process killed (SIGKILL) in the middle of a burst of writes leaves a whole vault.

The writer prints each number after its transaction committed; after the kill every printed
number must be in the database and `verify` must find nothing. Repeated with kills at varied
moments, so some land inside SQLite's commit and some inside the `vault.keys` replace.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from counselroom.services import auth
from counselroom.storage.models import Staff
from counselroom.vault.verify import verify_vault
from vault_fixtures import ADMIN, PASSWORD, make_vault

WRITER = r"""
import sys
from pathlib import Path
from counselroom.services import auth
from counselroom.storage.models import Staff

ctx = auth.login(Path(sys.argv[1]), sys.argv[2], sys.argv[3], record=False)
print("ready", flush=True)
i = 0
while True:
    i += 1
    with ctx.vault.write() as session:
        session.add(Staff(name=f"w{i}", role="other"))
        ctx.vault.audit(session, "test.burst", user_id=1, username="admin", target=f"w:{i}")
    print(i, flush=True)
"""

RUNS = 12


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_sigkill_during_writes_loses_no_committed_write(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    make_vault(folder)[0].close()
    rng = random.Random(20261126)
    for run in range(RUNS):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), ADMIN, PASSWORD],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(proc.pid, signal.SIGKILL)
        printed = [line.strip() for line in proc.stdout.read().splitlines()]
        proc.wait()
        committed = {f"w{n}" for n in printed if n.isdigit()}
        assert committed or run, "the writer committed nothing before the kill"

        ctx = auth.login(folder, ADMIN, PASSWORD, record=False)
        try:
            assert verify_vault(ctx.vault) == [], f"run {run}"
            with ctx.vault.read() as session:
                present = set(session.scalars(select(Staff.name).where(Staff.name.like("w%"))))
            assert committed <= present, f"run {run}: lost {sorted(committed - present)[:5]}"
            with ctx.vault.write() as session:  # start the next run from an empty table
                session.query(Staff).delete()
        finally:
            ctx.close()
