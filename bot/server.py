"""The HTTP server: one aiohttp application for every platform, plus the background workers.

    GET  /healthz        outside any authentication; 200 once the bot serves
    POST /slack/events   Slack (HTTP mode), when SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET are set
    POST /api/messages   Teams, when MICROSOFT_APP_ID (or POLICYBOT_TEAMS_ANONYMOUS=1) is set

Each platform adapter has the same small shape: `Adapter(services)`, `.mount(app)` adds its
routes, `.notifier` delivers leader notices, `await .start()` / `await .stop()` for connections
of its own (Slack Socket Mode).
"""
from __future__ import annotations

import asyncio
import gc
import logging
import signal
from datetime import datetime, timedelta, timezone
from typing import Protocol

from aiohttp import web

from bot.services import Services

log = logging.getLogger(__name__)
MAX_BODY = 1024 * 1024  # Slack and Teams payloads are far smaller; larger bodies get 413


class PlatformAdapter(Protocol):
    notifier: object

    def mount(self, app: web.Application) -> None: ...
    async def start(self) -> None: ...
    async def stop(self) -> None: ...


def adapters_for(services: Services) -> dict[str, PlatformAdapter]:
    out: dict[str, PlatformAdapter] = {}
    if services.settings.slack:
        from bot.adapters.slack import SlackAdapter

        out["slack"] = SlackAdapter(services)
    if services.settings.teams:
        from bot.adapters.teams import TeamsAdapter

        out["teams"] = TeamsAdapter(services)
    return out


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def build_app(services: Services, adapters: dict[str, PlatformAdapter]) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)
    app.router.add_get("/healthz", healthz)
    for name, adapter in adapters.items():
        adapter.mount(app)
        services.notifiers[name] = adapter.notifier  # type: ignore[assignment]
    return app


async def workers(services: Services, stop: asyncio.Event) -> None:
    """The outbox (leader notices) and, hourly, reminders and retention."""
    from bot.escalation.outbox import Outbox
    from bot.platform_state import forget_before

    s = services.settings
    outbox = Outbox(services.store, services.notifiers, warn_after=_minutes(s.outbox_warn_minutes))

    async def housekeeping() -> None:
        while not stop.is_set():
            try:
                await asyncio.to_thread(services.cases.remind)
                await asyncio.to_thread(services.cases.purge)
                await asyncio.to_thread(forget_before, services.store, datetime.now(timezone.utc) - timedelta(days=1))
            except Exception as exc:  # keep serving; the next round tries again
                log.error("housekeeping failed: %s", type(exc).__name__)
            try:
                await asyncio.wait_for(stop.wait(), timeout=3600)
            except asyncio.TimeoutError:
                pass

    await asyncio.gather(outbox.run(stop), housekeeping())


async def serve(services: Services) -> None:
    s = services.settings
    adapters = adapters_for(services)
    app = build_app(services, adapters)
    # Everything built so far (the engine's indexes, the policy) lives as long as the process.
    # Frozen, it is no longer walked by the collector: a full collection over it takes ~20 ms on
    # this kind of machine and otherwise lands on about one request in a hundred (Slack's p99).
    gc.collect()
    gc.freeze()
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, s.host, s.port)
    await site.start()
    for adapter in adapters.values():
        await adapter.start()
    log.info("policybot serves %s on %s:%d (policy %s)", ", ".join(adapters), s.host, s.port, services.engine.policy.version)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except NotImplementedError:  # pragma: no cover - not on Windows
            pass
    try:
        await workers(services, stop)
    finally:
        for adapter in adapters.values():
            await adapter.stop()
        await runner.cleanup()


def _minutes(n: int) -> timedelta:
    return timedelta(minutes=n)
