"""Escalation core throughput: durable submissions per second, and outbox deliveries per second
with one and two workers, on SQLite (WAL, synchronous=FULL) and PostgreSQL.

    .venv/bin/python benchmarks/outbox_bench.py [--reports 300] [--postgres URL]

Without --postgres only SQLite runs (PostgreSQL: e.g. postgresql://root@127.0.0.1:5432/test; a
throw-away schema is created and dropped). Notifiers are fakes that take --send-ms per message.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text  # noqa: E402

from bot.escalation.cases import Cases  # noqa: E402
from bot.escalation.crypto import Cipher  # noqa: E402
from bot.escalation.model import NewReport, Person  # noqa: E402
from bot.escalation.notifiers import Notice  # noqa: E402
from bot.escalation.outbox import Outbox  # noqa: E402
from bot.escalation.store import Store, normalise_url  # noqa: E402

LEADERS = {"slack": frozenset({"UL1", "UL2"})}


class SlowNotifier:
    def __init__(self, seconds: float) -> None:
        self.seconds, self.count = seconds, 0

    async def send(self, notice: Notice) -> None:
        await asyncio.sleep(self.seconds)
        self.count += 1


def bench(url: str, label: str, reports: int, send_seconds: float) -> None:
    store = Store.open(url)
    cases = Cases(store, LEADERS, Cipher.from_key(Cipher.generate_key()), ["other"])
    latencies = []
    started = time.perf_counter()
    for i in range(reports):
        t = time.perf_counter()
        cases.submit(NewReport("other", f"report {i}", None, i % 10 == 0, Person("slack", f"U{i}")), key=f"ev{i}")
        latencies.append(time.perf_counter() - t)
    elapsed = time.perf_counter() - started
    latencies.sort()
    print(f"{label}: {reports} submissions (1 in 10 anonymous, with scrypt) in {elapsed:.2f} s = "
          f"{reports / elapsed:.0f}/s; median {statistics.median(latencies) * 1000:.1f} ms, "
          f"p99 {latencies[int(len(latencies) * 0.99) - 1] * 1000:.1f} ms")
    for workers in (1, 2):
        if workers == 2:  # re-arm: the same rows again
            with store.write() as conn:
                conn.execute(text("UPDATE outbox SET delivered = NULL, attempts = 0"))
        notifier = SlowNotifier(send_seconds)
        started = time.perf_counter()
        threads = [threading.Thread(target=_drain, args=(url, notifier)) for _ in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        print(f"{label}: {workers} worker(s) delivered {notifier.count} notifications in {elapsed:.2f} s = "
              f"{notifier.count / elapsed:.0f}/s (send {send_seconds * 1000:.0f} ms each)")
    store.close()


def _drain(url: str, notifier: SlowNotifier) -> None:
    store = Store.open(url, migrate=False)
    box = Outbox(store, {"slack": notifier})

    async def run() -> None:
        while await box.deliver_due(limit=50) or box.pending():
            await asyncio.sleep(0)

    asyncio.run(run())
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--send-ms", type=float, default=1.0)
    parser.add_argument("--postgres", metavar="URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench(f"sqlite:///{tmp}/bench.db", "sqlite", args.reports, args.send_ms / 1000)
    if args.postgres:
        admin = create_engine(normalise_url(args.postgres))
        schema = f"pbbench_{uuid.uuid4().hex[:8]}"
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            url = normalise_url(args.postgres).update_query_dict({"options": f"-csearch_path={schema}"})
            bench(url.render_as_string(hide_password=False), "postgresql", args.reports, args.send_ms / 1000)
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
