"""The outbox on a real store (SQLite and PostgreSQL) with fake notifiers: delivery, failures,
back-off, Retry-After, long outages, leases, and two workers sharing one outbox."""
from __future__ import annotations

import asyncio
import logging
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import event, insert, select

from bot.escalation.cases import Cases
from bot.escalation.notifiers import Notice
from bot.escalation.outbox import Outbox, backoff
from bot.escalation.store import Store
from bot.escalation.tables import outbox as outbox_table
from tests.escalation.helpers import FailingNotifier, FakeClock, RecordingNotifier, report

CANARY = "CANARY-outbox-51d2"


def test_backoff_grows_exponentially_and_is_capped() -> None:
    ceilings = [backoff(n, 2.0, 3600.0, rand=lambda: 1.0) for n in range(1, 16)]
    assert ceilings == [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3600, 3600, 3600, 3600]
    assert backoff(5, 2.0, 3600.0, rand=lambda: 0.25) == 8.0  # full jitter: a fraction of the ceiling
    assert backoff(10_000, 2.0, 3600.0, rand=lambda: 1.0) == 3600  # no overflow however long it fails
    assert all(0 <= backoff(n, 2.0, 60.0) <= min(60.0, 2.0 * 2 ** (n - 1)) for n in range(1, 30) for _ in range(20))


async def test_a_notice_carries_ids_and_no_content(cases: Cases, store: Store, clock: FakeClock) -> None:
    submitted = cases.submit(report(f"text {CANARY}", link=f"https://example.com/{CANARY}"))
    notifier = RecordingNotifier()
    assert await Outbox(store, {"slack": notifier}, clock=clock).deliver_due() == 2
    assert sorted(n.recipient for n in notifier.notices) == ["UL1", "UL2"]
    notice = notifier.notices[0]
    assert notice == Notice("new_case", submitted.case_id, "c1", clock(), "slack", notice.recipient)
    assert CANARY not in repr(notifier.notices)
    assert Outbox(store, {}).pending() == []
    assert await Outbox(store, {"slack": notifier}, clock=clock).deliver_due() == 0  # delivered once


async def test_a_failing_notifier_is_retried_with_growing_capped_backoff(cases: Cases, store: Store, clock: FakeClock) -> None:
    cases.submit(report(reporter=_teams_reporter()))  # one Teams leader: one row
    notifier = FailingNotifier(ConnectionError("connector unreachable"))
    box = Outbox(store, {"teams": notifier}, base_delay=2.0, max_delay=60.0, clock=clock, rand=lambda: 1.0)
    delays = []
    for attempt in range(1, 9):
        assert await box.deliver_due() == 0
        (row,) = box.pending()
        assert row.attempts == attempt and row.last_error == "ConnectionError: connector unreachable"
        delays.append((row.next_at - clock()).total_seconds())
        clock.advance(seconds=delays[-1] - 0.5)
        assert await box.deliver_due() == 0 and notifier.calls == attempt  # not due yet
        clock.advance(seconds=0.5)
    assert delays == [2, 4, 8, 16, 32, 60, 60, 60]
    notifier.down = False
    assert await box.deliver_due() == 1
    assert len(notifier.notices) == 1 and box.pending() == []


async def test_retry_after_is_honoured(cases: Cases, store: Store, clock: FakeClock) -> None:
    cases.submit(report(reporter=_teams_reporter()))
    notifier = FailingNotifier(retry_after=30)
    box = Outbox(store, {"teams": notifier}, clock=clock, rand=lambda: 0.0)
    await box.deliver_due()
    (row,) = box.pending()
    assert row.next_at == clock() + timedelta(seconds=30) and row.last_error == "rate limited: retry after 30 s"
    clock.advance(seconds=29.9)
    await box.deliver_due()
    assert notifier.calls == 1
    notifier.down = False
    clock.advance(seconds=0.1)
    assert await box.deliver_due() == 1


async def test_a_long_outage_loses_nothing_and_warns_once_per_row(
    cases: Cases, store: Store, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    case_ids = [cases.submit(report(f"text {CANARY}")).case_id for _ in range(2)]  # 2 cases x 2 leaders
    notifier = FailingNotifier(TimeoutError("slack is down"))
    box = Outbox(store, {"slack": notifier}, clock=clock)  # defaults: 2 s doubling to 1 h, warn after 1 h
    start = clock()
    previous = {r.id: r.attempts for r in box.pending()}
    while clock() - start < timedelta(days=3):  # three days of outage, in 15-minute steps
        await box.deliver_due()
        rows = box.pending()
        assert len(rows) == 4  # nothing delivered, nothing lost, everything visible
        for row in rows:
            if row.attempts > previous[row.id]:
                assert row.next_at - clock() <= timedelta(hours=1)  # the cap
            previous[row.id] = row.attempts
        clock.advance(minutes=15)
    assert min(previous.values()) >= 40  # kept trying all along (about every half hour at the cap)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "bot.escalation.outbox"]
    assert len(warnings) == 4
    assert sorted(case for w in warnings for case in case_ids if case in w.getMessage()) == sorted(case_ids * 2)
    assert all("cases outbox" in w.getMessage() for w in warnings)
    notifier.down = False
    clock.advance(hours=1)
    assert await box.deliver_due() == 4
    assert sorted((n.case_id, n.recipient) for n in notifier.notices) == sorted(
        (c, leader) for c in case_ids for leader in ("UL1", "UL2"))
    assert box.pending() == []
    assert not any(CANARY in r.getMessage() for r in caplog.records)


async def test_a_platform_without_a_notifier_keeps_its_rows_visible(cases: Cases, store: Store, clock: FakeClock) -> None:
    cases.submit(report())
    box = Outbox(store, {}, clock=clock)
    assert await box.deliver_due() == 0
    assert [r.last_error for r in box.pending()] == ["no notifier for platform 'slack'"] * 2


async def test_a_send_that_hangs_times_out_inside_its_lease(cases: Cases, store: Store) -> None:
    cases.submit(report(reporter=_teams_reporter()))
    box = Outbox(store, {"teams": RecordingNotifier(delay=5)}, lease_seconds=0.4)
    started = time.monotonic()
    assert await box.deliver_due() == 0
    assert time.monotonic() - started < 2
    assert [r.last_error for r in box.pending()] == ["TimeoutError"]


async def test_a_claimed_row_waits_for_its_lease_when_its_worker_died(cases: Cases, store: Store, clock: FakeClock) -> None:
    cases.submit(report(reporter=_teams_reporter()))
    dead = Outbox(store, {}, lease_seconds=60, clock=clock, worker_id="dead")
    assert len(dead._claim(10)) == 1  # claimed, then the worker "dies" before sending
    notifier = RecordingNotifier()
    alive = Outbox(store, {"teams": notifier}, lease_seconds=60, clock=clock, worker_id="alive")
    assert await alive.deliver_due() == 0
    clock.advance(seconds=59)
    assert await alive.deliver_due() == 0
    clock.advance(seconds=1)
    assert await alive.deliver_due() == 1 and len(notifier.notices) == 1


async def test_run_delivers_until_stopped(cases: Cases, store: Store) -> None:
    notifier = RecordingNotifier()
    stop = asyncio.Event()
    worker = asyncio.create_task(Outbox(store, {"slack": notifier}).run(stop, interval=0.05))
    await asyncio.to_thread(cases.submit, report())
    for _ in range(200):
        if len(notifier.notices) == 2:
            break
        await asyncio.sleep(0.02)
    stop.set()
    await asyncio.wait_for(worker, timeout=5)
    assert len(notifier.notices) == 2


def test_two_workers_deliver_a_thousand_rows_exactly_once(cases: Cases, store: Store, store_url: str) -> None:
    """Two workers, each with its own engine (as two processes would be), drain 1,000 rows."""
    submitted = cases.submit(report())
    with store.write() as conn:
        template = dict(conn.execute(select(outbox_table).limit(1)).one()._mapping)
        del template["id"]
        conn.execute(insert(outbox_table), [template | dict(recipient=f"U{n:04d}") for n in range(1000)])
        conn.execute(outbox_table.delete().where(outbox_table.c.id <= 2))  # the two from submit
    notifier = RecordingNotifier(delay=0.001)
    delivered_by: dict[str, int] = {}
    errors: list[BaseException] = []

    claims: list[str] = []

    def worker(name: str) -> None:
        own = Store.open(store_url, migrate=False)
        event.listen(own.engine, "before_cursor_execute", lambda *a: claims.append(a[2]) if "FOR UPDATE" in a[2] else None)
        box = Outbox(own, {"slack": notifier}, worker_id=name)

        async def drain() -> None:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                delivered_by[name] = delivered_by.get(name, 0) + await box.deliver_due(limit=50)
                if not box.pending():
                    return
                await asyncio.sleep(0.001)
            raise AssertionError(f"{name}: rows still pending after 90 s")

        try:
            asyncio.run(drain())
        except BaseException as exc:
            errors.append(exc)
        finally:
            own.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(f"worker-{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    assert not errors, errors
    recipients = [n.recipient for n in notifier.notices]
    print(f"\n[{store.dialect}] two workers: {len(recipients)} sends, {len(set(recipients))} distinct, "
          f"split {delivered_by}, {elapsed:.2f} s")
    assert len(set(recipients)) == 1000
    assert len(recipients) == 1000, "a row was delivered twice"
    assert sum(delivered_by.values()) == 1000
    assert all(n.case_id == submitted.case_id for n in notifier.notices)
    if store.dialect == "postgresql":  # the claim really is SKIP LOCKED (SQLite: the write lock)
        assert claims and all("FOR UPDATE SKIP LOCKED" in c for c in claims)
    assert Outbox(store, {}).pending() == []


def _teams_reporter():
    from bot.escalation.model import Person

    return Person("teams", "29:someone")
