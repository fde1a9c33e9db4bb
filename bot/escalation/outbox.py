"""The transactional outbox: notifications written with the case, delivered by workers.

A worker claims due rows with a lease (PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED`, so several
workers never wait on each other's rows; SQLite: the claim runs under `BEGIN IMMEDIATE`, SQLite's
single write lock, since SQLAlchemy silently drops `skip_locked` there). The lease is what makes a
claim exclusive: a row is claimable again only once its lease has run out, which happens only if
its worker died. Delivery is therefore at-least-once: a worker killed between a send and its
record sends that row again after the lease (the fault-injection test counts these).

Failures never lose a row: attempts + 1, the next attempt after an exponential back-off with full
jitter (capped), or after the platform's Retry-After. Rows are never deleted for failing; a row
older than `warn_after` is logged once as a WARNING (case id, kind and age only) and stays in
`pending()` for `policybot cases outbox`.

Async at the edge (it awaits notifiers); database work runs in threads.
"""
from __future__ import annotations

import asyncio
import logging
import os
import random
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable, Mapping, Sequence

from sqlalchemy import Row, or_, select, update

from bot.escalation.model import utcnow
from bot.escalation.notifiers import Notice, Notifier, RetryAfter
from bot.escalation.store import Store
from bot.escalation.tables import outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutboxRow:
    """A notification as stored: where it goes and how its delivery is going. No content."""

    id: int
    case_id: str
    kind: str
    category: str
    case_created: datetime
    platform: str
    recipient: str
    enqueued: datetime
    next_at: datetime
    attempts: int
    last_error: str | None
    delivered: datetime | None
    lease_until: datetime | None
    leased_by: str | None

    @classmethod
    def from_row(cls, row: Row[Any]) -> "OutboxRow":
        return cls(**{name: getattr(row, name) for name in cls.__dataclass_fields__})

    def notice(self) -> Notice:
        return Notice(
            kind=self.kind,  # type: ignore[arg-type]
            case_id=self.case_id, category=self.category, created=self.case_created,
            platform=self.platform, recipient=self.recipient,
        )


@dataclass(frozen=True)
class _Failed:
    error: str
    retry_after: float | None = None


def backoff(attempts: int, base: float, cap: float, rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait after the `attempts`-th failure: full jitter, uniform in
    [0, min(cap, base * 2**(attempts-1))], so many failing rows do not retry in lockstep."""
    ceiling = min(cap, base * 2 ** min(max(attempts - 1, 0), 60))
    return ceiling * rand()


class Outbox:
    """Delivers due outbox rows through the notifier of each row's platform."""

    def __init__(
        self,
        store: Store,
        notifiers: Mapping[str, Notifier],
        *,
        lease_seconds: float = 60,
        base_delay: float = 2.0,
        max_delay: float = 3600.0,
        warn_after: timedelta = timedelta(hours=1),
        worker_id: str | None = None,
        clock: Callable[[], datetime] = utcnow,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.store = store
        # Kept by reference: adapters add their notifier to the shared dict after start-up.
        self.notifiers = notifiers
        self.lease = timedelta(seconds=lease_seconds)
        # A send must end well inside its lease, or another worker could claim the row meanwhile.
        self.send_timeout = lease_seconds / 2
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.warn_after = warn_after
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.clock = clock
        self.rand = rand
        self._lock = asyncio.Lock()  # one round at a time per Outbox (SQLite: the one worker)

    async def deliver_due(self, limit: int = 50) -> int:
        """One round: claim up to `limit` due rows, send them, record each outcome. Returns how
        many were delivered."""
        return (await self._round(limit))[1]

    async def run(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """Deliver until `stop` is set. A failing round (say, the database is down) is logged and
        retried with growing pauses; the worker itself never dies of it."""
        limit, failures = 50, 0
        while not stop.is_set():
            try:
                claimed, _ = await self._round(limit)
                failures = 0
            except Exception as exc:
                failures += 1
                claimed = 0
                log.error("outbox: delivery round failed (%s); retrying", _describe(exc))
            if claimed >= limit:
                continue  # more are due: go straight on
            pause = interval if not failures else min(60.0, interval * 2**failures)
            try:
                await asyncio.wait_for(stop.wait(), timeout=pause)
            except TimeoutError:
                pass

    def pending(self) -> list[OutboxRow]:
        """Undelivered notifications, next attempt first (for `policybot cases outbox`)."""
        with self.store.read() as conn:
            rows = conn.execute(select(outbox).where(outbox.c.delivered.is_(None)).order_by(outbox.c.next_at, outbox.c.id))
            return [OutboxRow.from_row(r) for r in rows]

    # ---- inside ------------------------------------------------------------------------------

    async def _round(self, limit: int) -> tuple[int, int]:
        async with self._lock:
            rows = await asyncio.to_thread(self._claim, limit)
            delivered = 0
            for index, row in enumerate(rows):
                if row.lease_until is not None and self.clock() + timedelta(seconds=self.send_timeout) >= row.lease_until:
                    # Not enough lease left for another send: give the rest back rather than
                    # risk a second worker sending them too.
                    await asyncio.to_thread(self._release, [r.id for r in rows[index:]])
                    break
                failure = await self._send(row)
                await asyncio.to_thread(self._record, row, failure)
                delivered += failure is None
            return len(rows), delivered

    def _claim(self, limit: int) -> list[OutboxRow]:
        now = self.clock()
        with self.store.write() as conn:
            self._warn(conn, now)
            due = (
                select(outbox.c.id)
                .where(
                    outbox.c.delivered.is_(None), outbox.c.next_at <= now,
                    or_(outbox.c.lease_until.is_(None), outbox.c.lease_until <= now),
                )
                .order_by(outbox.c.next_at, outbox.c.id)
                .limit(limit)
            )
            if self.store.dialect == "postgresql":
                due = due.with_for_update(skip_locked=True)
            ids = conn.execute(due).scalars().all()
            if not ids:
                return []
            claimed = conn.execute(
                update(outbox).where(outbox.c.id.in_(ids))
                .values(lease_until=now + self.lease, leased_by=self.worker_id)
                .returning(*outbox.c)
            ).all()
        return sorted((OutboxRow.from_row(r) for r in claimed), key=lambda r: (r.next_at, r.id))

    def _warn(self, conn: Any, now: datetime) -> None:
        """Log each row that has waited longer than `warn_after`, once (the conditional UPDATE …
        RETURNING makes exactly one worker log it)."""
        late = conn.execute(
            update(outbox)
            .where(outbox.c.delivered.is_(None), outbox.c.warned.is_(None), outbox.c.enqueued <= now - self.warn_after)
            .values(warned=now)
            .returning(outbox.c.case_id, outbox.c.kind, outbox.c.attempts, outbox.c.enqueued)
        ).all()
        for row in late:
            log.warning(
                "notification %s for case %s is still undelivered after %s (%d attempt(s)); "
                "see `policybot cases outbox`",
                row.kind, row.case_id, _age(now - row.enqueued), row.attempts,
            )

    async def _send(self, row: OutboxRow) -> _Failed | None:
        notifier = self.notifiers.get(row.platform)
        if notifier is None:
            return _Failed(f"no notifier for platform {row.platform!r}")
        try:
            await asyncio.wait_for(notifier.send(row.notice()), timeout=self.send_timeout)
        except RetryAfter as exc:
            return _Failed(f"rate limited: retry after {exc.seconds:g} s", retry_after=exc.seconds)
        except Exception as exc:  # any other failure is transient: retry later
            return _Failed(_describe(exc))
        log.debug("notification %s for case %s delivered", row.kind, row.case_id)
        return None

    def _record(self, row: OutboxRow, failure: _Failed | None) -> None:
        now = self.clock()
        if failure is None:
            values: dict[str, Any] = dict(delivered=now, last_error=None)
        else:
            attempts = row.attempts + 1
            if failure.retry_after is not None:
                delay = min(max(failure.retry_after, 0.0), self.max_delay)
            else:
                delay = backoff(attempts, self.base_delay, self.max_delay, self.rand)
            values = dict(next_at=now + timedelta(seconds=delay), last_error=failure.error[:300])
        with self.store.write() as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.id == row.id, outbox.c.delivered.is_(None))
                .values(attempts=outbox.c.attempts + 1, lease_until=None, leased_by=None, **values)
            )

    def _release(self, ids: Sequence[int]) -> None:
        with self.store.write() as conn:
            conn.execute(
                update(outbox).where(outbox.c.id.in_(ids), outbox.c.leased_by == self.worker_id)
                .values(lease_until=None, leased_by=None)
            )


def _describe(exc: BaseException) -> str:
    """The exception's type and the first line of its message, short. Database errors reach
    here with their parameters hidden by the engine; nothing here carries report content."""
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _age(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"
