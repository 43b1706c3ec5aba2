"""The migrations, run in order, build exactly the schema the models describe; downgrades undo
them down to nothing."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations

import counselroom.storage
from counselroom.storage.models import Base

VERSIONS = Path(counselroom.storage.__file__).parent / "migrations" / "versions"


def _load(filename: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_migration_{filename[:4]}", VERSIONS / filename)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _chain() -> list[ModuleType]:
    """Every migration, in the order their revisions link (one linear history)."""
    modules = {m.revision: m for m in map(_load, _files())}
    ordered: list[ModuleType] = []
    parent = None
    while True:
        children = [m for m in modules.values() if m.down_revision == parent]
        assert len(children) <= 1, f"history branches after {parent}"
        if not children:
            break
        ordered.append(children[0])
        parent = children[0].revision
    assert len(ordered) == len(modules), "a migration is not linked into the history"
    return ordered


def _files() -> list[str]:
    return sorted(p.name for p in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))


@pytest.fixture
def migration() -> ModuleType:
    return _load("0001_initial.py")


@pytest.fixture
def chain() -> list[ModuleType]:
    return _chain()


def _engine(path: Path) -> sa.Engine:
    engine = sa.create_engine(f"sqlite:///{path}")

    @sa.event.listens_for(engine, "connect")
    def _fk_on(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys = ON")

    return engine


@pytest.fixture
def migrated(tmp_path: Path, chain: list[ModuleType]) -> Iterator[sa.Engine]:
    engine = _engine(tmp_path / "migrated.db")
    for step in chain:
        _run(engine, step.upgrade)
    yield engine
    engine.dispose()


@pytest.fixture
def created(tmp_path: Path) -> Iterator[sa.Engine]:
    engine = _engine(tmp_path / "created.db")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


def _run(engine: sa.Engine, step: Callable[[], None]) -> None:
    with engine.begin() as conn:
        context = MigrationContext.configure(conn)
        with Operations.context(context):
            step()


def test_revision_identifiers(migration: ModuleType, chain: list[ModuleType]) -> None:
    assert migration.revision == "0001"
    assert migration.down_revision is None
    # File names carry the revision, and revisions count up one by one.
    assert [m.revision for m in chain] == [f"{n:04d}" for n in range(1, len(chain) + 1)]
    assert [name[:4] for name in _files()] == [m.revision for m in chain]


def _same_empty_default(
    _context: Any,
    _inspected_column: Any,
    _metadata_column: Any,
    inspected_default: str | None,
    _metadata_default: Any,
    rendered_metadata_default: str | None,
) -> bool | None:
    """Alembic renders ``server_default=""`` as an empty string and then reports a change
    against SQLite's reflected ``('')``; treat that pair as equal, defer on everything else."""
    if rendered_metadata_default == "" and inspected_default in ("''", "('')"):
        return False
    return None


def test_upgrade_matches_models(migrated: sa.Engine) -> None:
    with migrated.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={"compare_type": True, "compare_server_default": _same_empty_default},
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def _schema(engine: sa.Engine) -> dict[str, dict[str, Any]]:
    """Everything SQLite reflects, including what autogenerate does not compare (CHECKs)."""
    inspector = sa.inspect(engine)
    schema: dict[str, dict[str, Any]] = {}
    for table in inspector.get_table_names():
        schema[table] = {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"], c["default"])
                for c in inspector.get_columns(table)
            ],
            "pk": inspector.get_pk_constraint(table),
            "fks": sorted(
                (fk["name"], fk["constrained_columns"], fk["referred_table"], fk["options"])
                for fk in inspector.get_foreign_keys(table)
            ),
            "indexes": sorted(
                (ix["name"], ix["column_names"], ix["unique"])
                for ix in inspector.get_indexes(table)
            ),
            "uniques": sorted(
                (uq["name"], uq["column_names"]) for uq in inspector.get_unique_constraints(table)
            ),
            "checks": sorted(
                (ck["name"], " ".join(ck["sqltext"].split()))
                for ck in inspector.get_check_constraints(table)
            ),
        }
    return schema


def test_upgrade_reflects_like_create_all(migrated: sa.Engine, created: sa.Engine) -> None:
    from_migration = _schema(migrated)
    from_models = _schema(created)
    assert sorted(from_migration) == sorted(Base.metadata.tables)
    for table, expected in from_models.items():
        assert from_migration[table] == expected, table


def test_every_table_has_named_constraints(migrated: sa.Engine) -> None:
    schema = _schema(migrated)
    for table, info in schema.items():
        assert info["pk"]["name"] == f"pk_{table}"
        assert all(name for name, *_ in info["fks"]), table
        assert all(name for name, *_ in info["checks"]), table


def test_downgrade_leaves_no_tables(migrated: sa.Engine, chain: list[ModuleType]) -> None:
    for step in reversed(chain):
        _run(migrated, step.downgrade)
    assert sa.inspect(migrated).get_table_names() == []


def test_each_downgrade_restores_the_schema_before_it(
    tmp_path: Path, chain: list[ModuleType]
) -> None:
    engine = _engine(tmp_path / "steps.db")
    before = [_schema(engine)]
    for step in chain:
        _run(engine, step.upgrade)
        before.append(_schema(engine))
    for index in range(len(chain) - 1, -1, -1):
        _run(engine, chain[index].downgrade)
        assert _schema(engine) == before[index], chain[index].revision
    engine.dispose()


def test_0003_dates_old_steps_by_the_local_day_and_adds_only_missing_presets(
    tmp_path: Path, chain: list[ModuleType]
) -> None:
    """Old steps get the Beijing day of the moment they were recorded; consents were all a
    guardian's; the preset hotlines are matched by phone digits, deleted entries included."""
    engine = _engine(tmp_path / "old.db")
    revisions = [m.revision for m in chain]
    for step in chain[: revisions.index("0003")]:
        _run(engine, step.upgrade)
    with engine.begin() as conn:
        for sql in (
            "INSERT INTO users (id, username, display_name, role, created_at) "
            "VALUES (1, 'lin', '林老师', 'counsellor', '2026-01-01 00:00:00')",
            "INSERT INTO students (id, name, created_at, updated_at) "
            "VALUES (1, '张三', '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            "INSERT INTO institutions (id, kind, name, phone) "
            "VALUES (1, 'hotline', '青少年热线', '123 55')",
            "INSERT INTO institutions (id, kind, name, phone, deleted_at) "
            "VALUES (2, 'hotline', '希望24', '4001619995', '2026-02-01 00:00:00')",
            "INSERT INTO referrals (id, student_id, institution_id, reason, proposed_on, "
            "created_by_id, created_at) VALUES (1, 1, 1, '失眠', '2026-11-20', 1, "
            "'2026-11-20 01:00:00')",
            "INSERT INTO referral_events (id, referral_id, state, at, by_id) "
            "VALUES (1, 1, 'proposed', '2026-11-20 01:00:00', 1)",
            "INSERT INTO referral_events (id, referral_id, state, at, by_id) "
            "VALUES (2, 1, 'consent_pending', '2026-11-20 17:30:00', 1)",
            "INSERT INTO consents (id, student_id, purpose, guardian_name, method, given, "
            "\"on\", text_version, recorded_by_id, created_at) VALUES (1, 1, 'referral', "
            "'李母', 'paper', 1, '2026-11-21', 'v1', 1, '2026-11-21 02:00:00')",
        ):
            conn.execute(sa.text(sql))
    _run(engine, chain[revisions.index("0003")].upgrade)
    with engine.connect() as conn:
        steps = conn.execute(sa.text('SELECT id, "on" FROM referral_events ORDER BY id')).all()
        assert [tuple(r) for r in steps] == [(1, "2026-11-20"), (2, "2026-11-21")]
        consent = conn.execute(sa.text("SELECT by_student, withdrawal_note FROM consents")).one()
        assert tuple(consent) == (0, None)
        rows = conn.execute(sa.text("SELECT id, name, phone FROM institutions ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [
        (1, "青少年热线", "123 55"),
        (2, "希望24", "4001619995"),
        (3, "12356 心理援助热线", "12356"),
    ]
    engine.dispose()
