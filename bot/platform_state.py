"""Small durable state the platform adapters share through the database.

- Incoming event de-duplication (Slack `event_id`, Teams activity id): several replicas see
  Slack's retries, so the claim is a unique key in the database, not a set in memory.
- Conversation references (Teams): where to send a proactive message to a user.
- "This verdict is wrong" counts: per clause and policy version, with no text and no user.

The tables are created by the Alembic migration `0002_platform_state`.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, Text, select, update
from sqlalchemy.exc import IntegrityError

metadata = MetaData()

seen_events = Table(
    "seen_events", metadata,
    Column("key", String(128), primary_key=True),
    Column("claimed_at", DateTime(timezone=True), nullable=False),
    Column("done", Boolean, nullable=False, default=False),
)
conversation_refs = Table(
    "conversation_refs", metadata,
    Column("platform", String(16), primary_key=True),
    Column("user_id", String(256), primary_key=True),
    Column("reference", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
verdict_feedback = Table(
    "verdict_feedback", metadata,
    Column("clause", String(64), primary_key=True),
    Column("version", String(32), primary_key=True),
    Column("count", Integer, nullable=False, default=0),
)

# A claim older than this that never finished is taken to have died with its process: a retry of
# the same event is then processed again rather than dropped (Slack retries after ~1 and ~5 min).
STALE_CLAIM = timedelta(seconds=30)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _key(key: str) -> str:
    # Hashed: a raw platform event id beside a timestamp could tie a report to the platform's logs.
    return hashlib.sha256(key.encode()).hexdigest()


def _aware(value: datetime) -> datetime:
    # SQLite returns naive datetimes even for timezone=True columns.
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def first_seen(store: Any, key: str, now: datetime | None = None) -> bool:
    """Claim the event `key`. True: process it (first delivery, or an earlier claim went stale
    without finishing). False: another delivery has it or finished it; acknowledge and drop.
    Call `finish(store, key)` once the reply has been sent."""
    now = now or _now()
    key = _key(key)
    with store.write() as conn:
        try:
            with conn.begin_nested():
                conn.execute(seen_events.insert().values(key=key, claimed_at=now, done=False))
            return True
        except IntegrityError:
            row = conn.execute(select(seen_events.c.claimed_at, seen_events.c.done).where(seen_events.c.key == key)).one()
            if row.done or now - _aware(row.claimed_at) < STALE_CLAIM:
                return False
            # Re-claim only if nobody else re-claimed in between (compare-and-set on claimed_at).
            result = conn.execute(
                update(seen_events)
                .where(seen_events.c.key == key, seen_events.c.claimed_at == row.claimed_at, seen_events.c.done.is_(False))
                .values(claimed_at=now)
            )
            return result.rowcount == 1


def finish(store: Any, key: str) -> None:
    with store.write() as conn:
        conn.execute(update(seen_events).where(seen_events.c.key == _key(key)).values(done=True))


def forget_before(store: Any, before: datetime) -> int:
    """Drop finished claims older than `before` (housekeeping)."""
    with store.write() as conn:
        return conn.execute(
            seen_events.delete().where(seen_events.c.claimed_at < before, seen_events.c.done.is_(True))
        ).rowcount


def save_reference(store: Any, platform: str, user_id: str, reference: dict) -> None:
    """Insert or replace the conversation reference of a user."""
    data = json.dumps(reference, sort_keys=True)
    now = _now()
    with store.write() as conn:
        changed = conn.execute(
            update(conversation_refs)
            .where(conversation_refs.c.platform == platform, conversation_refs.c.user_id == user_id)
            .values(reference=data, updated_at=now)
        ).rowcount
        if not changed:
            try:
                with conn.begin_nested():
                    conn.execute(conversation_refs.insert().values(platform=platform, user_id=user_id, reference=data, updated_at=now))
            except IntegrityError:  # a concurrent insert won; ours is as fresh
                pass


def load_reference(store: Any, platform: str, user_id: str) -> dict | None:
    with store.read() as conn:
        data = conn.execute(
            select(conversation_refs.c.reference)
            .where(conversation_refs.c.platform == platform, conversation_refs.c.user_id == user_id)
        ).scalar()
    return json.loads(data) if data else None


def record_feedback(store: Any, clause: str, version: str) -> None:
    """Count one "this verdict is wrong" for (clause, version). No text, no user."""
    with store.write() as conn:
        changed = conn.execute(
            update(verdict_feedback)
            .where(verdict_feedback.c.clause == clause, verdict_feedback.c.version == version)
            .values(count=verdict_feedback.c.count + 1)
        ).rowcount
        if not changed:
            try:
                with conn.begin_nested():
                    conn.execute(verdict_feedback.insert().values(clause=clause, version=version, count=1))
            except IntegrityError:
                conn.execute(
                    update(verdict_feedback)
                    .where(verdict_feedback.c.clause == clause, verdict_feedback.c.version == version)
                    .values(count=verdict_feedback.c.count + 1)
                )


def feedback_counts(store: Any) -> list[tuple[str, str, int]]:
    with store.read() as conn:
        rows = conn.execute(select(verdict_feedback).order_by(verdict_feedback.c.version, verdict_feedback.c.clause))
        return [(r.clause, r.version, r.count) for r in rows]
