"""Plain data of the escalation core: who reports, what they report, what they get back.

Nothing here does I/O. The exceptions carry messages that are safe to show the person who caused
them: they never quote report text, a receipt or anybody's identity.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone


def utcnow() -> datetime:
    """The default clock: aware UTC. Every time the core stores or compares is aware UTC."""
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Person:
    """Someone on a platform: `platform` is "console", "slack" or "teams"; `id` the platform's
    user id as it arrives; `name` a display name when the adapter knows one."""

    platform: str
    id: str
    name: str | None = None

    @property
    def ref(self) -> str:
        """"platform:id", the form used for leaders in the audit log and in messages."""
        return f"{self.platform}:{self.id}"


@dataclass(frozen=True)
class NewReport:
    """A report as the reporter filled it in. `reporter` is always given (the adapter knows who
    clicked); for an anonymous report it is used only to route the notification and to scope the
    idempotency key, and is never stored."""

    category: str
    text: str
    link: str | None
    anonymous: bool
    reporter: Person


@dataclass(frozen=True)
class Submitted:
    """What the reporter is told after the commit. `receipt` is set for anonymous reports only: it
    is their one way back to the case, shown once, stored only as a slow hash."""

    case_id: str
    receipt: str | None
    duplicate: bool


class NotFound(Exception):
    """No such case (or it was purged). The message is safe to show."""


class NotAllowed(Exception):
    """The person may not do this to this case. The message is safe to show."""


class InvalidReport(Exception):
    """The report (or reply) does not meet the rules; the message says which rule, in words a
    reporter can act on, and never quotes what they wrote."""
