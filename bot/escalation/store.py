"""The escalation store: one SQLAlchemy 2 engine on SQLite or PostgreSQL, migrated at open.

SQLite is the default (one file in the data directory); it is made durable and safe for several
writers: WAL journal, `synchronous=FULL` (a commit survives power loss, not only a crash), foreign
keys on, and `BEGIN IMMEDIATE` for write transactions, so two writers queue on the write lock at
the start instead of one failing with "database is locked" when it tries to upgrade a read lock.
PostgreSQL is reached through psycopg 3.

Statements are bound with parameters and the engine hides them (`hide_parameters=True`): neither
SQLAlchemy's echo nor the text of a database exception carries the values we store.
"""
from __future__ import annotations

import logging
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_WRITE = "policybot_write"  # execution option: this transaction will write (SQLite: BEGIN IMMEDIATE)
_MIGRATION_LOCK = 0x706F6C6963790001  # PostgreSQL advisory lock key: "policy" + 1


class Store:
    """Holds the engine. `write()` and `read()` give a connection inside one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> "Store":
        """Open `url` (sqlite:///path, postgresql+psycopg://…, or plain postgresql:// and
        postgres://, which are mapped to psycopg) and bring its schema to the newest migration."""
        parsed = normalise_url(url)
        if parsed.get_backend_name() == "sqlite":
            engine = _sqlite_engine(parsed)
        elif parsed.get_backend_name() == "postgresql":
            engine = create_engine(parsed, hide_parameters=True, pool_pre_ping=True)
        else:
            raise ValueError(f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql")
        store = cls(engine)
        if migrate:
            try:
                store.upgrade()
            except BaseException:
                engine.dispose()
                raise
        return store

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection in a write transaction, committed when the block ends without error."""
        with self.engine.connect() as conn:
            conn.execution_options(**{_WRITE: True})
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a read transaction (one consistent snapshot on SQLite's WAL)."""
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    def upgrade(self) -> None:
        """Alembic `upgrade head`, programmatically: works from an installed package and any
        working directory. Concurrent starts are serialised (SQLite's write lock, PostgreSQL an
        advisory lock held for the transaction), so the schema is migrated exactly once."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
        with self.write() as conn:
            if self.dialect == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def revision(self) -> str | None:
        """The schema's current Alembic revision."""
        from alembic.runtime.migration import MigrationContext

        with self.read() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)})"


def normalise_url(url: str | URL) -> URL:
    """Map postgres:// and postgresql:// to psycopg 3 (SQLAlchemy would pick psycopg2, which is not
    installed); create the parent directory of a SQLite file."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    return parsed


def _sqlite_engine(url: URL) -> Engine:
    memory = url.database in (None, "", ":memory:")
    engine = create_engine(
        url,
        hide_parameters=True,
        # Connections move between threads (async callers use asyncio.to_thread); the pool
        # hands each to one thread at a time. timeout: wait up to 30 s for the write lock.
        connect_args={"check_same_thread": False, "timeout": 30},
        # An in-memory database exists once per connection: keep exactly one.
        **({"poolclass": StaticPool} if memory else {}),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN, instead of the sqlite3 module's
        # implicit transactions (which start only at the first write and never IMMEDIATE).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in ("busy_timeout=30000", "synchronous=FULL", "foreign_keys=ON", "secure_delete=ON"):
            cursor.execute(f"PRAGMA {pragma}")
        if not memory:
            _enable_wal(cursor)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


def _enable_wal(cursor: Any, patience: float = 30.0) -> None:
    """Switch a file database to WAL. The switch needs an exclusive lock and SQLite reports
    "database is locked" at once, without waiting in the busy handler, when another connection is
    opening the same fresh file; WAL persists in the file, so retry until it is set or `patience`
    runs out."""
    deadline = time.monotonic() + patience
    delay = 0.005
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode=WAL").fetchone()[0].lower() == "wal":
                return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError("could not switch the database to WAL journal mode")
        time.sleep(delay)
        delay = min(delay * 2, 0.2)
