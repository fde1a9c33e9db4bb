"""A canary string submitted in a report appears in no log record, with every logger at DEBUG
(SQLAlchemy's statement and row logging included), on every path: submission, refusals, the
leader flow, status, the outbox failing and warning, reminders, purge."""
from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest

from bot.escalation.cases import Cases, InvalidReport, NotAllowed
from bot.escalation.crypto import Cipher
from bot.escalation.notifiers import FileNotifier
from bot.escalation.outbox import Outbox
from bot.escalation.store import Store
from tests.escalation.helpers import CATEGORIES, LEADERS, REPORTER, SLACK_LEADER, FailingNotifier, FakeClock, report

CANARY = "CANARY-4e1d-never-in-logs"
LOGGERS = ("", "sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool", "alembic", "bot", "asyncio")


async def test_a_canary_in_a_report_reaches_no_log(
    store_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    store = Store.open(store_url)  # after the levels: SQLAlchemy decides to log per connection
    clock = FakeClock()
    cases = Cases(store, LEADERS, Cipher.from_settings(None, tmp_path, False), CATEGORIES, clock)
    try:
        named = cases.submit(report(f"text {CANARY}", link=f"https://example.com/{CANARY}"), key=f"ev-{CANARY}")
        cases.submit(report(f"text {CANARY}"), key=f"ev-{CANARY}")  # duplicate
        anonymous = cases.submit(report(f"anonymous {CANARY}", anonymous=True, reporter=REPORTER))
        barrier = threading.Barrier(3)

        def racing_retry(_: int) -> None:
            barrier.wait()
            cases.submit(report(f"race {CANARY}"), key="race")

        with ThreadPoolExecutor(max_workers=3) as pool:
            list(pool.map(racing_retry, range(3)))
        for bad in (report(CANARY * 200), report(f"x {CANARY}", link=f"ftp://{CANARY}"), report(CANARY, category=CANARY)):
            with pytest.raises(InvalidReport) as caught:
                cases.submit(bad)
            assert CANARY not in str(caught.value)
        with pytest.raises(NotAllowed):
            cases.open(named.case_id, REPORTER)
        cases.open(named.case_id, SLACK_LEADER)
        cases.reply(named.case_id, SLACK_LEADER, f"reply {CANARY}")
        cases.reply(anonymous.case_id, SLACK_LEADER, f"reply {CANARY}")
        cases.status(anonymous.case_id, receipt=anonymous.receipt)
        with pytest.raises(NotAllowed):
            cases.status(anonymous.case_id, receipt=CANARY)
        failing = FailingNotifier(RuntimeError("HTTP 500 from the platform"))
        box = Outbox(store, {"slack": failing, "console": FileNotifier(tmp_path / "notifications.log")}, clock=clock)
        await box.deliver_due()
        clock.advance(hours=2)
        await box.deliver_due()  # the warning about old undelivered rows
        cases.remind()
        failing.down = False
        clock.advance(hours=2)
        await box.deliver_due()
        cases.close(named.case_id, SLACK_LEADER, f"outcome {CANARY}")
        cases.list_open(SLACK_LEADER)
        clock.advance(timedelta(days=120))
        cases.remind()
        assert cases.purge() == 1
    finally:
        store.close()

    records = caplog.records
    assert any(r.name.startswith("sqlalchemy.engine") for r in records), "SQL logging was not captured"
    assert any(r.levelno == logging.WARNING and r.name == "bot.escalation.outbox" for r in records)
    formatter = logging.Formatter()
    for record in records:
        rendered = formatter.format(record) + repr(record.args)
        assert CANARY not in rendered, f"canary in a log record of {record.name}"
    out = capsys.readouterr()
    assert CANARY not in out.out + out.err
    assert CANARY not in (tmp_path / "notifications.log").read_text()
