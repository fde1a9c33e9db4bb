"""Logging set-up: one format, and the SDK loggers that would print what people wrote kept quiet.

Drafts, questions and reports never reach a log. Our own code logs ids and kinds only; these
third-party loggers are known to log request bodies or input values, so they are raised above
the level at which they do that.
"""
from __future__ import annotations

import logging

# logger -> lowest level it may emit at
QUIET = {
    "slack_bolt": logging.WARNING,  # logs the raw body at INFO when a signature fails
    "slack_sdk": logging.WARNING,  # logs request/response bodies at DEBUG
    "microsoft_agents": logging.WARNING,
    "microsoft_agents.activity": logging.CRITICAL,  # logs pydantic errors with the input's values
    "msal": logging.WARNING,
    "openai": logging.WARNING,
    "httpx": logging.WARNING,
    "sqlalchemy": logging.WARNING,  # echo would print bound parameters
    "alembic": logging.WARNING,
    "aiohttp.access": logging.WARNING,
}


def setup(level: str = "INFO") -> None:
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for name, floor in QUIET.items():
        logging.getLogger(name).setLevel(max(floor, logging.getLogger().level))
