"""Platform state: incoming event claims, conversation references, verdict feedback counts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seen_events",
        sa.Column("key", sa.String(128), primary_key=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_seen_events_claimed_at", "seen_events", ["claimed_at"])
    op.create_table(
        "conversation_refs",
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("user_id", sa.String(256), primary_key=True),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "verdict_feedback",
        sa.Column("clause", sa.String(64), primary_key=True),
        sa.Column("version", sa.String(32), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("verdict_feedback")
    op.drop_table("conversation_refs")
    op.drop_index("ix_seen_events_claimed_at", "seen_events")
    op.drop_table("seen_events")
