"""`policybot db upgrade`: apply the database migrations (every start does it too)."""
from __future__ import annotations

import argparse
from typing import Mapping


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "db", help="the database: apply migrations",
        description="The database holding reports, their notifications and the audit log.",
    )
    actions = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = actions.add_parser(
        "upgrade", help="bring the database schema up to date",
        description="Apply the Alembic migrations to the database (the bot also does this at every "
        "start). The database is --database-url, else DATABASE_URL, else SQLite at "
        "$POLICYBOT_DATA_DIR/policybot.db (default ./data).",
    )
    add_database_url(up)
    up.set_defaults(func=run)


def add_database_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url", metavar="URL",
        help="SQLAlchemy URL, e.g. sqlite:////abs/path/bot.db or postgresql://user@host/db "
        "(default: DATABASE_URL, else SQLite in the data directory)",
    )


def database_url(args: argparse.Namespace, environ: Mapping[str, str] | None = None) -> str:
    """--database-url, else what the settings say (DATABASE_URL, else SQLite in the data dir)."""
    if getattr(args, "database_url", None):
        return str(args.database_url)
    from bot.settings import Settings

    return Settings.from_env(environ).database_url


def run(args: argparse.Namespace) -> int:
    from bot.escalation.store import Store

    store = Store.open(database_url(args))
    try:
        print(f"{store.engine.url.render_as_string(hide_password=True)}: schema at revision {store.revision()}")
    finally:
        store.close()
    return 0
