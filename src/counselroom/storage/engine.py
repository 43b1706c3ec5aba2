"""SQLAlchemy engine over SQLCipher 4 with a raw 256-bit key.

A raw key (`x'…'`) skips SQLCipher's own PBKDF2: the key already came out of Argon2id, and
opening a connection stays cheap. NullPool (DESIGN.md): each session gets its own connection,
so a worker thread never shares a SQLite handle with the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool
from sqlcipher3 import dbapi2 as sqlcipher

CONNECTION_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    # FULL: a committed counselling record must survive a power cut, not only a crash.
    "PRAGMA synchronous = FULL",
    # Temporary tables and sort spills stay in memory, never in a temp file.
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA busy_timeout = 5000",
)


def open_raw(path: Path, key: bytes) -> Any:
    """A keyed sqlcipher3 connection; callers own it. Used by the engine and by `verify`."""
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    # SQLCipher logs page failures to stderr by default; findings are reported by `verify`.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def make_engine(path: Path, key: bytes) -> Engine:
    def creator() -> Any:
        return open_raw(path, key)

    engine = create_engine(
        "sqlite+pysqlite://", module=sqlcipher, creator=creator, poolclass=NullPool
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        for pragma in CONNECTION_PRAGMAS:
            dbapi_conn.execute(pragma)

    # pysqlite's own implicit transactions break SAVEPOINT and transactional DDL; the
    # SQLAlchemy documentation's recipe: driver in autocommit, we emit BEGIN ourselves.
    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def initialise_file(path: Path, key: bytes) -> None:
    """Create the encrypted file and switch it to WAL (a persistent property of the file)."""
    conn = open_raw(path, key)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA secure_delete = ON")
    finally:
        conn.close()
