"""Alembic migrations of the escalation store; run by `Store.open` (no alembic.ini needed)."""
