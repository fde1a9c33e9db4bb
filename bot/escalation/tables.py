"""The tables of the escalation store, as SQLAlchemy Core metadata.

The migrations in `migrations/versions/` create these tables; they are written out there rather than
derived from this module so that an old migration never changes when this file does.
`tests/escalation/test_store.py` checks that the migrated schema and this metadata agree.

What is stored in the clear, and why: case ids, categories, status and times (the leaders' list and
the reminders need them); leaders' ids (the audit log and notifications are about leaders); the
recipient of a pending notification (the notifier needs it). Report text, links, replies, outcomes
and the named reporter are encrypted; the reporter is matched by a keyed hash (pseudonym); an
anonymous case stores nothing about its reporter at all, which a CHECK constraint enforces.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    text,
)
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC in Python on every backend. SQLite has no time zones, so the value is stored as
    naive UTC there (ISO text, which also compares correctly as text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store: use aware UTC")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


metadata = MetaData()

# One row per year; incremented in the submitting transaction, so case ids are gap-free per
# committed report order and unique under concurrency (the row lock serialises submitters).
case_counter = Table(
    "case_counter",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("last", Integer, nullable=False),
)

cases = Table(
    "cases",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("category", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # new | acknowledged | closed
    Column("anonymous", Boolean, nullable=False),
    Column("created", UTCDateTime, nullable=False),
    Column("acknowledged", UTCDateTime),
    Column("answered", UTCDateTime),  # first reply from leadership: the feedback the law asks for
    Column("closed", UTCDateTime),
    Column("text_enc", LargeBinary, nullable=False),
    Column("link_enc", LargeBinary),
    Column("outcome_enc", LargeBinary),
    Column("reporter_ref", String(64)),  # keyed hash of "platform:id"; named reports only
    Column("reporter_enc", LargeBinary),  # the encrypted Person; named reports only
    Column("receipt_hash", String(160)),  # scrypt of the receipt; anonymous reports only
    # Keyed hash of reporter + the platform's event id. Cleared by purge() after a day: retries come
    # within minutes, and a kept key could link an anonymous case to the platform's own logs.
    Column("submission_key", String(64), unique=True),
    CheckConstraint(
        "NOT anonymous OR (reporter_ref IS NULL AND reporter_enc IS NULL)", name="ck_cases_anonymous_has_no_reporter"
    ),
    Index("ix_cases_status_created", "status", "created"),
    Index("ix_cases_reporter_ref", "reporter_ref"),
)

case_messages = Table(
    "case_messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(32), ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("author", String(300), nullable=False),  # the leader, "platform:id"
    Column("author_name", String(300)),
    Column("created", UTCDateTime, nullable=False),
    Column("text_enc", LargeBinary, nullable=False),
)

# Append-only (triggers in the migration refuse UPDATE and DELETE). No foreign key: the rows of a
# purged case stay. Never any content: who, what, when, which case.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(300), nullable=False),  # "slack:U123" for leaders; "reporter", "system"
    Column("action", String(32), nullable=False),
    Column("case_id", String(32), index=True),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(32), ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("category", String(64), nullable=False),
    Column("case_created", UTCDateTime, nullable=False),
    Column("platform", String(16), nullable=False),
    Column("recipient", String(300), nullable=False),
    Column("dedup", String(400), unique=True),  # reminders: one per case + kind + recipient
    Column("enqueued", UTCDateTime, nullable=False),
    Column("next_at", UTCDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("last_error", String(300)),
    Column("lease_until", UTCDateTime),
    Column("leased_by", String(64)),
    Column("warned", UTCDateTime),
    Column("delivered", UTCDateTime),
    Index(
        "ix_outbox_due",
        "next_at",
        postgresql_where=text("delivered IS NULL"),
        sqlite_where=text("delivered IS NULL"),
    ),
)
