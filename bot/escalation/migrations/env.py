"""Alembic environment. `Store.open` hands over an open connection (already in a transaction and,
on PostgreSQL, holding an advisory lock so that concurrent starts migrate once). Run from the
alembic command line instead, it opens the URL given as `sqlalchemy.url`."""
from __future__ import annotations

from alembic import context

from bot.escalation.tables import metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from bot.escalation.store import Store

    store = Store.open(context.config.get_main_option("sqlalchemy.url") or "", migrate=False)
    try:
        with store.engine.begin() as conn:
            _run(conn)
    finally:
        store.close()
