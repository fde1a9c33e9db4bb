"""Fuzz the Slack endpoint: many kinds of malformed or unsigned requests, and no 5xx allowed.

    python benchmarks/slack_fuzz.py                      # 10,000 requests against its own server
    python benchmarks/slack_fuzz.py --count 20000 --seed 7 --concurrency 8

It starts the real app (`bot.server.build_app`, real Services, SQLite in a temp dir) and a fake
Slack Web API on loopback, then sends requests from `tests.fakes.slack_api.malformed`: unsigned,
wrongly signed, stale, malformed signature headers (non-numeric or non-ASCII timestamps, non-ASCII
signatures), 2 MB bodies, signed garbage (bad UTF-8, bad JSON, JSON arrays, a `payload` that is not
JSON, deep nesting), and valid Slack payloads of every kind with one value replaced by a value of
the wrong type or removed. Prints the count of each status per kind. Exit status 1 if any response
was a 5xx, a connection failed, or a signature problem was not exactly a 401; else 0. Bounded by
--count and --max-seconds; only loopback is contacted.
"""
from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECRET = "fuzz-signing-secret"
MUST_BE_401 = {"unsigned", "bad signature", "stale", "malformed headers"}


async def fuzz(args: argparse.Namespace) -> int:
    import logging

    from aiohttp import ClientSession, TCPConnector
    from aiohttp.test_utils import TestServer

    from bot.adapters.slack_guard import Signature
    from bot.logs import setup
    from bot.server import adapters_for, build_app
    from bot.services import Services
    from bot.settings import Settings
    from tests.fakes.slack_api import FakeSlack, malformed

    setup("ERROR")
    logging.getLogger().setLevel(logging.ERROR)  # background replies to fuzzed ids fail by design
    data = tempfile.mkdtemp(prefix="slackfuzz-")
    rng = random.Random(args.seed)
    sign = Signature(SECRET).sign
    statuses: dict[str, Counter] = defaultdict(Counter)
    problems: list[str] = []
    async with FakeSlack() as api:
        settings = Settings.from_env({
            "POLICYBOT_DATA_DIR": data, "DATABASE_URL": f"sqlite:///{data}/bot.db",
            "SLACK_BOT_TOKEN": "xoxb-fuzz", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api.api_url,
            "POLICYBOT_SLACK_LEADERS": "ULEAD",
        })
        services = Services.build(settings)
        adapters = adapters_for(services)
        server = TestServer(build_app(services, adapters), host="127.0.0.1")
        await server.start_server()
        for adapter in adapters.values():
            await adapter.start()
        url = str(server.make_url("/slack/events"))
        started = time.monotonic()
        queue: asyncio.Queue = asyncio.Queue()
        for _ in range(args.count):
            queue.put_nowait(None)

        async with ClientSession(connector=TCPConnector(limit=args.concurrency)) as session:
            async def worker() -> None:
                while not queue.empty() and time.monotonic() - started < args.max_seconds:
                    queue.get_nowait()
                    what, body, headers = malformed(rng, lambda b, ts: sign(b, ts), int(time.time()))
                    kind = what.split(" at ")[0]
                    try:
                        async with session.post(url, data=body, headers=headers) as response:
                            await response.read()
                            status = response.status
                    except Exception as exc:  # a dropped connection is a failure too
                        statuses[kind][type(exc).__name__] += 1
                        problems.append(f"{what}: {type(exc).__name__}")
                        continue
                    statuses[kind][status] += 1
                    if status >= 500 or (kind in MUST_BE_401 and status != 401) or (kind == "2 MB" and status != 413):
                        problems.append(f"{what}: {status}")

            await asyncio.gather(*(worker() for _ in range(args.concurrency)))
        elapsed = time.monotonic() - started
        for adapter in adapters.values():
            await adapter.stop()
        await server.close()
        services.store.close()

    total = sum(sum(c.values()) for c in statuses.values())
    print(f"{total} requests in {elapsed:.1f} s ({total / elapsed:.0f}/s), seed {args.seed}")
    for kind in sorted(statuses, key=lambda k: -sum(statuses[k].values())):
        counts = ", ".join(f"{s}: {n}" for s, n in sorted(statuses[kind].items(), key=str))
        print(f"  {kind:<28} {sum(statuses[kind].values()):>6}   {counts}")
    overall = Counter()
    for c in statuses.values():
        overall.update(c)
    print("all statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(overall.items(), key=str)))
    for p in problems[:20]:
        print("PROBLEM", p)
    print("no 5xx" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--max-seconds", type=float, default=120)
    return asyncio.run(fuzz(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
