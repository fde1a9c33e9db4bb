"""The store: URLs, SQLite durability settings, migrations at open (concurrent, any directory),
and the migrated schema matching the tables the code queries."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from bot.escalation.store import MIGRATIONS, Store, normalise_url
from bot.escalation.tables import metadata

REPO = Path(__file__).resolve().parents[2]


def head() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head() or ""


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://u:p@db:5432/bot", "postgresql+psycopg://u:p@db:5432/bot"),
        ("postgresql://u@db/bot", "postgresql+psycopg://u@db/bot"),
        ("postgresql+psycopg://u@db/bot", "postgresql+psycopg://u@db/bot"),
        ("sqlite:///:memory:", "sqlite:///:memory:"),
    ],
)
def test_urls_are_mapped_to_psycopg(url: str, expected: str) -> None:
    assert normalise_url(url).render_as_string(hide_password=False) == expected


def test_an_unsupported_database_is_refused() -> None:
    with pytest.raises(ValueError, match="sqlite or postgresql"):
        Store.open("mysql://u@localhost/db")


def test_open_migrates_to_head_and_reopening_changes_nothing(store_url: str) -> None:
    first = Store.open(store_url)
    assert first.revision() == head()
    second = Store.open(store_url)
    assert second.revision() == head()
    first.close()
    second.close()


def test_concurrent_starts_migrate_a_fresh_database_once(store_url: str) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        stores = list(pool.map(lambda _: Store.open(store_url), range(4)))
    assert {s.revision() for s in stores} == {head()}
    for s in stores:
        s.close()


def test_many_starts_on_a_fresh_sqlite_file_all_open(tmp_path: Path) -> None:
    # Switching a fresh file to WAL needs an exclusive lock and SQLite refuses it at once, without
    # the busy timeout, while another connection opens the file: the open retries instead of
    # failing one of the starts with "database is locked" (it did about one run in twenty).
    for attempt in range(12):
        url = f"sqlite:///{tmp_path / f'fresh{attempt}.db'}"
        with ThreadPoolExecutor(max_workers=8) as pool:
            stores = list(pool.map(lambda _: Store.open(url), range(8)))
        assert {s.revision() for s in stores} == {head()}
        for s in stores:
            s.close()


def test_the_migrated_schema_matches_the_tables_the_code_uses(store: Store) -> None:
    ours = set(metadata.tables)
    # Other parts of the bot add their own tables through later migrations: not ours to compare.
    opts = {"include_name": lambda name, kind, _parents: kind != "table" or name in ours}
    with store.read() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts=opts), metadata) == []


def test_sqlite_is_durable_and_checks_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'deep' / 'dir' / 'bot.db'}")
    with store.read() as conn:
        pragmas = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in ("journal_mode", "synchronous", "foreign_keys", "secure_delete")}
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "secure_delete": 1}
    store.close()


def test_writers_begin_immediate_on_sqlite(tmp_path: Path) -> None:
    """A write transaction holds SQLite's write lock from its start: another writer waits for it
    (busy timeout) instead of failing later when it tries to upgrade a read lock. Readers do not
    take it."""
    import sqlite3

    store = Store.open(f"sqlite:///{tmp_path / 'bot.db'}")
    other = sqlite3.connect(tmp_path / "bot.db", isolation_level=None, timeout=0.1)
    with store.write():
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    with store.read():
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    other.close()
    store.close()


def test_it_works_from_any_working_directory(tmp_path: Path) -> None:
    code = "from bot.escalation.store import Store; s = Store.open('sqlite:///data/rel.db'); print(s.revision())"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == head()
    assert (tmp_path / "data" / "rel.db").exists()
