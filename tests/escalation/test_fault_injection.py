"""Fault injection: a report-serving process is SIGKILLed at random moments, over and over.

The child is forked from this process (the modules are already imported, so it starts in
milliseconds and 100 kills fit in seconds). It opens the store, then loops: submit a report with
idempotency key k<i>, write "i case_id duplicate receipt" to a pipe only after the commit (the
acknowledgement), and every few reports deliver the outbox through a file notifier. It is killed
at a random moment: during start-up and migrations, inside a transaction, between commit and
acknowledgement, between a send and its record. The next child starts again at the first
unacknowledged key, as a platform retries an unanswered submission.

Afterwards: every acknowledged report is in the store with its own text; the store holds no case
that was not acknowledged (no duplicates); every leader notification of every case is delivered
once the outbox runs to completion. Duplicated deliveries (at-least-once) are counted and shown.

POLICYBOT_FAULT_KILLS sets the number of kills (default 100).
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import select
import signal
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select as sql_select, text

from bot.escalation.cases import Cases
from bot.escalation.crypto import Cipher
from bot.escalation.model import utcnow
from bot.escalation.notifiers import FileNotifier
from bot.escalation.outbox import Outbox
from bot.escalation.store import Store
from bot.escalation.tables import cases as cases_table
from tests.escalation.helpers import CATEGORIES, LEADERS, RecordingNotifier, report

KILLS = int(os.environ.get("POLICYBOT_FAULT_KILLS", "100"))
CANARY = "CANARY-fault-0b7e"
SLACK_LEADERS = sorted(LEADERS["slack"])


def serve_reports(url: str, key: str, start: int, ack_fd: int, notifications: Path) -> None:
    """The child: submit, acknowledge after commit, sometimes deliver. Never returns."""
    try:
        store = Store.open(url)
        cases = Cases(store, LEADERS, Cipher.from_key(key), CATEGORIES)
        box = Outbox(store, {"slack": FileNotifier(notifications, echo=False)}, lease_seconds=30)
        i = start
        while True:
            submitted = cases.submit(report(f"report {i} {CANARY}", anonymous=i % 7 == 0), key=f"k{i}")
            os.write(ack_fd, f"{i} {submitted.case_id} {int(submitted.duplicate)} {submitted.receipt or '-'}\n".encode())
            if i % 3 == 0:
                asyncio.run(box.deliver_due())
            i += 1
    finally:
        os._exit(0)


def test_sigkill_at_random_moments_loses_no_acknowledged_report(store: Store, store_url: str, tmp_path: Path) -> None:
    key = Cipher.generate_key()
    notifications = tmp_path / "notifications.log"
    rng = random.Random(int(os.environ.get("POLICYBOT_FAULT_SEED", time.time_ns())))
    acked: dict[int, str] = {}  # key index -> case id
    receipts: dict[int, str] = {}
    duplicate_acks = 0
    started = time.monotonic()

    for _ in range(KILLS):
        start = max(acked, default=-1) + 1
        store.engine.dispose()  # no pooled connection may be shared with the child
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(read_fd)
            serve_reports(store_url, key, start, write_fd, notifications)
        os.close(write_fd)
        data = _read_until(read_fd, time.monotonic() + rng.uniform(0.005, 0.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        data += _read_all(read_fd)  # what it acknowledged before it died
        os.close(read_fd)
        for line in data.decode().splitlines(keepends=True):
            if not line.endswith("\n"):
                continue  # a torn write is not an acknowledgement
            index, case_id, duplicate, receipt = line.split()
            assert acked.setdefault(int(index), case_id) == case_id, "a retry got another case"
            duplicate_acks += duplicate == "1"
            if receipt != "-":
                assert receipts.setdefault(int(index), receipt) == receipt, "a retry got another receipt"

    # The platform retries the last unanswered submission once more; then nothing is in flight.
    cases = Cases(store, LEADERS, Cipher.from_key(key), CATEGORIES)
    last = max(acked, default=-1) + 1
    settled = cases.submit(report(f"report {last} {CANARY}", anonymous=last % 7 == 0), key=f"k{last}")
    acked[last] = settled.case_id
    killing = time.monotonic() - started

    with store.read() as conn:
        stored = {row.id: row for row in conn.execute(sql_select(cases_table))}
        if store.dialect == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    lost = [case for case in acked.values() if case not in stored]
    unacknowledged = sorted(set(stored) - set(acked.values()))
    assert not lost, f"acknowledged but lost: {lost}"
    assert not unacknowledged, f"stored twice or never acknowledged: {unacknowledged}"
    assert len(set(acked.values())) == len(acked)
    for index, case_id in acked.items():  # each key's case holds that key's report
        if index % 10 == 0:
            assert cases.open(case_id, _leader()).text == f"report {index} {CANARY}"
    for index, receipt in list(receipts.items())[:3]:
        assert cases.status(acked[index], receipt=receipt).case_id == acked[index]

    # Run the outbox to completion; leases of killed workers are let run out.
    recorder = RecordingNotifier()
    later = lambda: utcnow() + timedelta(minutes=5)  # noqa: E731
    box = Outbox(store, {"slack": recorder}, clock=later)
    while asyncio.run(box.deliver_due(limit=500)):
        pass
    assert box.pending() == []
    in_child = [json.loads(line) for line in notifications.read_text().splitlines()] if notifications.exists() else []
    deliveries = [(n["case_id"], n["recipient"]) for n in in_child] + [(n.case_id, n.recipient) for n in recorder.notices]
    expected = {(case, leader) for case in acked.values() for leader in SLACK_LEADERS}
    assert expected <= set(deliveries), f"never delivered: {sorted(expected - set(deliveries))[:5]}"
    assert set(deliveries) <= expected
    assert CANARY not in notifications.read_text() if notifications.exists() else True

    print(
        f"\n[{store.dialect}] fault injection: {KILLS} SIGKILLs in {killing:.1f} s; "
        f"{len(acked)} reports acknowledged ({duplicate_acks} retries answered as duplicates), "
        f"{len(stored)} stored, lost {len(lost)}, duplicate cases {len(unacknowledged)}; "
        f"notifications: {len(expected)} expected, {len(in_child)} sent by the killed workers, "
        f"{len(recorder.notices)} by the final run, all delivered, "
        f"{len(deliveries) - len(set(deliveries))} delivered twice (at-least-once)"
    )


def _leader():
    from tests.escalation.helpers import SLACK_LEADER

    return SLACK_LEADER


def _read_until(fd: int, deadline: float) -> bytes:
    data = b""
    while (remaining := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            data += chunk
    return data


def _read_all(fd: int) -> bytes:
    data = b""
    while chunk := os.read(fd, 65536):
        data += chunk
    return data
