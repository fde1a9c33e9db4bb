"""Fakes of what lies outside the escalation core (notifiers, the clock) and small helpers."""
from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import inspect, select

from bot.escalation.model import NewReport, Person
from bot.escalation.notifiers import Notice, RetryAfter
from bot.escalation.store import Store

LEADERS = {"slack": frozenset({"UL1", "UL2"}), "teams": frozenset({"teams-lead"}), "console": frozenset({"leader"})}
CATEGORIES = ("c1", "c2", "other")
SLACK_LEADER = Person("slack", "UL1", "Lee")
REPORTER = Person("slack", "UREPORTER7", "Rita Reporter")


def report(text: str = "Someone posted client names on LinkedIn.", *, anonymous: bool = False,
           reporter: Person = REPORTER, link: str | None = None, category: str = "c1") -> NewReport:
    return NewReport(category=category, text=text, link=link, anonymous=anonymous, reporter=reporter)


class FakeClock:
    """A clock the test moves by hand; aware UTC like the real one."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)) -> None:
        self.now = start
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self.now

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        with self._lock:
            self.now += delta if delta is not None else timedelta(**kwargs)
            return self.now

    def set(self, when: datetime) -> None:
        with self._lock:
            self.now = when


class RecordingNotifier:
    """Accepts every notice and remembers it (thread-safe: workers may run in several threads)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.notices: list[Notice] = []
        self.delay = delay
        self._lock = threading.Lock()

    async def send(self, notice: Notice) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        with self._lock:
            self.notices.append(notice)


class FailingNotifier:
    """Fails while `down` is true (with `error`, or RetryAfter when `retry_after` is set), then
    records like RecordingNotifier. Counts every call."""

    def __init__(self, error: Exception | None = None, retry_after: float | None = None) -> None:
        self.down = True
        self.error = error or ConnectionError("platform unreachable")
        self.retry_after = retry_after
        self.calls = 0
        self.notices: list[Notice] = []

    async def send(self, notice: Notice) -> None:
        self.calls += 1
        if self.down:
            if self.retry_after is not None:
                raise RetryAfter(self.retry_after)
            raise self.error
        self.notices.append(notice)


def all_rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, for scans of what the database holds."""
    with store.read() as conn:
        names = inspect(conn).get_table_names()
        return {
            name: [dict(row._mapping) for row in conn.execute(select(_table(conn, name)))]
            for name in names
        }


def as_text(value: Any) -> str:
    """A column value as text: bytes decoded byte for byte, so plain text inside would show."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("latin-1")
    return str(value)


def _table(conn: Any, name: str) -> Any:
    from sqlalchemy import MetaData, Table

    return Table(name, MetaData(), autoload_with=conn)
