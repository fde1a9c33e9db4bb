"""How a leader (or a named reporter) is told that a case needs them.

A `Notice` carries only the case id, its category, when it was created, and where to send it:
never report text, replies or the reporter. Each platform adapter provides a `Notifier` (Slack
DM, Teams 1:1); `FileNotifier` is the offline default and the console's.
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal, Protocol

NoticeKind = Literal["new_case", "reminder_unacknowledged", "reminder_feedback", "reply", "undelivered"]

# What each kind says, with no content: the notifier's reader opens the case to see more.
PHRASES: dict[str, str] = {
    "new_case": "is waiting",
    "reminder_unacknowledged": "is still not acknowledged",
    "reminder_feedback": "is waiting for feedback to the reporter",
    "reply": "has a new reply from leadership",
    "undelivered": "has a notification that could not be delivered",
}


@dataclass(frozen=True)
class Notice:
    """One notification to one person.

    - new_case: a report arrived (to each leader).
    - reminder_unacknowledged / reminder_feedback: deadlines of the whistleblowing law.
    - reply: leadership replied (to a named reporter; anonymous ones read it with their receipt).
    - undelivered: another notification of this case has failed for a long time (to the other
      leaders), so that one broken channel cannot hide a case.
    """

    kind: NoticeKind
    case_id: str
    category: str
    created: datetime  # when the case was created: notifiers may show its age
    platform: str
    recipient: str  # the platform's user id

    def summary(self) -> str:
        """One line without content: "case SM-2026-0001 (c3) is waiting"."""
        return f"case {self.case_id} ({self.category}) {PHRASES.get(self.kind, 'needs attention')}"


class Notifier(Protocol):
    """Delivers notices on one platform.

    Raise `RetryAfter(seconds)` when the platform rate-limits (HTTP 429 with Retry-After); any
    other exception is a transient failure and the outbox retries with back-off. Return normally
    only once the platform accepted the message.
    """

    async def send(self, notice: Notice) -> None: ...


class RetryAfter(Exception):
    """The platform asked us to wait `seconds` before the next attempt."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds:g} s")
        self.seconds = float(seconds)


class FileNotifier:
    """The offline default: appends one JSON line per notice to `path` (normally
    <data dir>/notifications.log) and prints "[notify] <recipient>: case … is waiting"."""

    def __init__(self, path: Path, *, echo: bool = True) -> None:
        self.path = Path(path)
        self.echo = echo

    async def send(self, notice: Notice) -> None:
        record = asdict(notice) | {"created": notice.created.isoformat()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # One write() of one line in append mode: lines from several processes do not interleave.
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, sort_keys=True) + "\n")
        if self.echo:
            print(f"[notify] {notice.recipient}: {notice.summary()}", file=sys.stdout, flush=True)


class ConsoleNotifier(FileNotifier):
    """`FileNotifier` at <data_dir>/notifications.log."""

    def __init__(self, data_dir: Path, *, echo: bool = True) -> None:
        super().__init__(Path(data_dir) / "notifications.log", echo=echo)
