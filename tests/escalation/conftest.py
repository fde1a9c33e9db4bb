"""Store fixtures: every store test runs on SQLite (a file under tmp_path) and on PostgreSQL (a
fresh schema per test, dropped afterwards).

PostgreSQL comes from POLICYBOT_TEST_POSTGRES_URL (default root@127.0.0.1:5432/test). When it
cannot be reached its tests are skipped, unless POLICYBOT_REQUIRE_POSTGRES=1 (CI), where that is
a failure.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text

from bot.escalation.cases import Cases
from bot.escalation.crypto import Cipher
from bot.escalation.store import Store, normalise_url
from tests.escalation.helpers import CATEGORIES, LEADERS, FakeClock

POSTGRES_URL = os.environ.get("POLICYBOT_TEST_POSTGRES_URL", "postgresql+psycopg://root@127.0.0.1:5432/test")
REQUIRE_POSTGRES = os.environ.get("POLICYBOT_REQUIRE_POSTGRES", "") == "1"
SCHEMA_PREFIX = "pbtest_"


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An engine on the test database, or a skip (a failure when PostgreSQL is required)."""
    engine = create_engine(normalise_url(POSTGRES_URL), connect_args={"connect_timeout": 3}, hide_parameters=True)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # unreachable, wrong user, no database
        engine.dispose()
        shown = normalise_url(POSTGRES_URL).render_as_string(hide_password=True)
        message = f"PostgreSQL at {shown} is not reachable ({type(exc).__name__})"
        if REQUIRE_POSTGRES:
            pytest.fail(f"{message}, and POLICYBOT_REQUIRE_POSTGRES=1", pytrace=False)
        pytest.skip(message)
    _drop_orphan_schemas(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_admin: Engine) -> Iterator[str]:
    """A URL whose connections use a fresh schema (search_path), dropped after the test."""
    schema = f"{SCHEMA_PREFIX}{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with postgres_admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = normalise_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with postgres_admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store' / 'policybot.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    store = Store.open(store_url)
    yield store
    store.close()


@pytest.fixture
def cipher() -> Cipher:
    return Cipher.from_key(Cipher.generate_key())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def cases(store: Store, cipher: Cipher, clock: FakeClock) -> Cases:
    return Cases(store, LEADERS, cipher, CATEGORIES, clock)


def _drop_orphan_schemas(engine: Engine) -> None:
    """Schemas left by a test process that was killed: their pid no longer runs here."""
    with engine.begin() as conn:
        names = conn.execute(
            text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :prefix"), {"prefix": SCHEMA_PREFIX + "%"}
        ).scalars().all()
        for name in names:
            pid = name[len(SCHEMA_PREFIX):].split("_")[0]
            if pid.isdigit() and not Path(f"/proc/{pid}").exists():
                conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
