"""/review acknowledgement latency of the Slack app, side by side with a bare bolt app, in one run.

    python benchmarks/slack_bench.py                 # 16 clients, 3 interleaved rounds of 2 s each
    python benchmarks/slack_bench.py --clients 16 --seconds 2 --rounds 3

A child process serves, on loopback: our app (`bot.server.build_app` with real Services, SQLite in
a temp dir), a bare slack-bolt AsyncApp whose /review listener only acknowledges (bolt's default
mode, as most apps run it), the same bare app with process_before_response=True, and a fake Slack
Web API (auth.test). This process is the Slack side: 16 concurrent clients POST signed, form-encoded
/review commands (a draft with findings, so the engine does real work) and time each response.
Rounds are interleaved (ours, bare, bare-pbr, ours, ...) so that machine noise hits all alike.
Prints p50 / p99 / max in ms and requests per second for each, and the ratio of our p99 to the
bare app's. Only loopback is contacted; the run is bounded by --rounds x --seconds per app.
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECRET = "bench-signing-secret"
DRAFT = "Projekts Rudzi starts next month at Rimi, and Lāči bread is garbage! Write to janis.berzins@gmail.com"
APPS = ("ours", "bare", "bare_pbr")


# ---- the serving side (child process) --------------------------------------------------------------


async def serve() -> None:
    import logging

    from aiohttp import web
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.logs import setup
    from bot.server import MAX_BODY, adapters_for, build_app
    from bot.services import Services
    from bot.settings import Settings
    from tests.fakes.slack_api import FakeSlack

    setup("WARNING")
    logging.getLogger().setLevel(logging.WARNING)
    data = tempfile.mkdtemp(prefix="slackbench-")
    async with FakeSlack() as api:
        settings = Settings.from_env({
            "POLICYBOT_DATA_DIR": data, "DATABASE_URL": f"sqlite:///{data}/bot.db",
            "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api.api_url,
            "POLICYBOT_SLACK_LEADERS": "ULEAD",
        })
        services = Services.build(settings)
        adapters = adapters_for(services)
        apps = {"ours": build_app(services, adapters)}
        for adapter in adapters.values():
            await adapter.start()

        for name, pbr in (("bare", False), ("bare_pbr", True)):
            bolt = AsyncApp(client=AsyncWebClient(token="xoxb-bench", base_url=api.api_url), signing_secret=SECRET,
                            process_before_response=pbr)

            @bolt.command("/review")
            async def ack_only(ack) -> None:
                await ack()

            async def handler(request, bolt=bolt):
                return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

            bare = web.Application(client_max_size=MAX_BODY)
            bare.router.add_post("/slack/events", handler)
            apps[name] = bare

        ports = {}
        runners = []
        for name, app in apps.items():
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            runners.append(runner)
            ports[name] = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        print(json.dumps(ports), flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the parent closes it
        for adapter in adapters.values():
            await adapter.stop()
        for runner in runners:
            await runner.cleanup()
        services.store.close()


# ---- the Slack side (this process) ------------------------------------------------------------------


def signed(body: bytes) -> dict[str, str]:
    ts = str(int(time.time()))
    mac = hmac.new(SECRET.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + mac,
            "Content-Type": "application/x-www-form-urlencoded"}


async def load(url: str, clients: int, seconds: float) -> tuple[list[float], int, float]:
    """`clients` concurrent senders for `seconds`; returns (latencies in s, non-200 count, wall time)."""
    from aiohttp import ClientSession, TCPConnector

    latencies: list[float] = []
    failures = 0
    body_fields = {"command": "/review", "text": DRAFT, "user_id": "U0BENCH", "team_id": "T0001",
                   "channel_id": "C0BENCH", "response_url": "http://127.0.0.1:9/unused", "trigger_id": "1.t",
                   "user_name": "bench", "api_app_id": "A1"}
    body = urlencode(body_fields).encode()
    stop_at = time.perf_counter() + seconds

    async with ClientSession(connector=TCPConnector(limit=clients)) as session:
        async def client() -> None:
            nonlocal failures
            while time.perf_counter() < stop_at:
                started = time.perf_counter()
                async with session.post(url, data=body, headers=signed(body)) as response:
                    await response.read()
                    if response.status != 200:
                        failures += 1
                latencies.append(time.perf_counter() - started)

        began = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        wall = time.perf_counter() - began
    return latencies, failures, wall


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def bench(args: argparse.Namespace) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, __file__, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             env=env, cwd=ROOT, text=True)
    try:
        ports = json.loads(child.stdout.readline())  # type: ignore[union-attr]
        urls = {name: f"http://127.0.0.1:{ports[name]}/slack/events" for name in APPS}
        for url in urls.values():  # warm-up: connections, bolt's first auth.test, the engine's caches
            await load(url, args.clients, 0.3)
        results = {name: ([], 0, 0.0) for name in APPS}
        for _ in range(args.rounds):
            for name in APPS:
                lat, bad, wall = await load(urls[name], args.clients, args.seconds)
                old = results[name]
                results[name] = (old[0] + lat, old[1] + bad, old[2] + wall)
    finally:
        child.stdin.close()  # type: ignore[union-attr]
        child.wait(timeout=10)

    print(f"/review ack latency, {args.clients} concurrent clients, {args.rounds} x {args.seconds:g} s per app, "
          f"{os.cpu_count()} CPUs")
    print(f"{'app':<10} {'requests':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>8} {'non-200':>8}")
    for name in APPS:
        lat, bad, wall = results[name]
        print(f"{name:<10} {len(lat):>9} {pct(lat, 0.50):>8.2f} {pct(lat, 0.99):>8.2f} {max(lat) * 1000:>8.2f} "
              f"{len(lat) / wall:>8.0f} {bad:>8}")
    ratio = pct(results["ours"][0], 0.99) / pct(results["bare"][0], 0.99)
    print(f"ours p99 / bare p99 = {ratio:.2f} (target <= 1.5); mean ours {statistics.mean(results['ours'][0]) * 1000:.2f} ms")
    return 0 if ratio <= 1.5 and not results["ours"][1] else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=2.0, help="per app and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve())
        return 0
    return asyncio.run(bench(args))


if __name__ == "__main__":
    sys.exit(main())
