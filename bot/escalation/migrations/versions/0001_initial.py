"""Cases, their messages, the audit log and the notification outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.escalation.tables import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The audit log is append-only in the database itself, not only by convention in our code.
_SQLITE_TRIGGERS = [
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
]
_POSTGRES_TRIGGERS = [
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
]


def upgrade() -> None:
    op.create_table(
        "case_counter",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("created", UTCDateTime, nullable=False),
        sa.Column("acknowledged", UTCDateTime),
        sa.Column("answered", UTCDateTime),
        sa.Column("closed", UTCDateTime),
        sa.Column("text_enc", sa.LargeBinary, nullable=False),
        sa.Column("link_enc", sa.LargeBinary),
        sa.Column("outcome_enc", sa.LargeBinary),
        sa.Column("reporter_ref", sa.String(64)),
        sa.Column("reporter_enc", sa.LargeBinary),
        sa.Column("receipt_hash", sa.String(160)),
        sa.Column("submission_key", sa.String(64), unique=True),
        sa.CheckConstraint(
            "NOT anonymous OR (reporter_ref IS NULL AND reporter_enc IS NULL)",
            name="ck_cases_anonymous_has_no_reporter",
        ),
    )
    op.create_index("ix_cases_status_created", "cases", ["status", "created"])
    op.create_index("ix_cases_reporter_ref", "cases", ["reporter_ref"])
    op.create_table(
        "case_messages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(32), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("author", sa.String(300), nullable=False),
        sa.Column("author_name", sa.String(300)),
        sa.Column("created", UTCDateTime, nullable=False),
        sa.Column("text_enc", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_case_messages_case_id", "case_messages", ["case_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("actor", sa.String(300), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("case_id", sa.String(32)),
    )
    op.create_index("ix_audit_log_case_id", "audit_log", ["case_id"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(32), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("case_created", UTCDateTime, nullable=False),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("recipient", sa.String(300), nullable=False),
        sa.Column("dedup", sa.String(400), unique=True),
        sa.Column("enqueued", UTCDateTime, nullable=False),
        sa.Column("next_at", UTCDateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default=sa.text("0")),
        sa.Column("last_error", sa.String(300)),
        sa.Column("lease_until", UTCDateTime),
        sa.Column("leased_by", sa.String(64)),
        sa.Column("warned", UTCDateTime),
        sa.Column("delivered", UTCDateTime),
    )
    op.create_index("ix_outbox_case_id", "outbox", ["case_id"])
    op.create_index(
        "ix_outbox_due",
        "outbox",
        ["next_at"],
        postgresql_where=sa.text("delivered IS NULL"),
        sqlite_where=sa.text("delivered IS NULL"),
    )
    dialect = op.get_bind().dialect.name
    for statement in _POSTGRES_TRIGGERS if dialect == "postgresql" else _SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    else:
        op.drop_table("audit_log")
    for table in ("outbox", "case_messages", "cases", "case_counter"):
        op.drop_table(table)
