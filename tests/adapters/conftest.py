"""Fixtures for the Slack app tests: the real app (`bot.server.build_app`, real `Services` with
SQLite in tmp_path) served on loopback, a fake Slack Web API it calls, and a driver that sends it
signed requests exactly as Slack does."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot.escalation.outbox import Outbox
from bot.server import adapters_for, build_app
from bot.services import Services
from bot.settings import Settings
from tests.fakes.slack_api import FakeSlack, SlackDriver

SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
SLACK_LEADER = "ULEAD01"


@dataclass
class SlackWorld:
    services: Services
    adapter: object
    api: FakeSlack
    slack: SlackDriver

    async def settle(self) -> None:
        """Until the work the app handed off after its acks is done."""
        await self.adapter.idle()  # type: ignore[attr-defined]

    async def deliver_notices(self) -> int:
        return await Outbox(self.services.store, self.services.notifiers).deliver_due()


@pytest.fixture
async def slack_world(tmp_path):
    async with FakeSlack() as api:
        settings = Settings.from_env({
            "POLICYBOT_DATA_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
            "SLACK_BOT_TOKEN": "xoxb-test-token",
            "SLACK_SIGNING_SECRET": SLACK_SECRET,
            "SLACK_API_URL": api.api_url,
            "POLICYBOT_SLACK_LEADERS": SLACK_LEADER,
        })
        services = Services.build(settings)
        adapters = adapters_for(services)
        server = TestServer(build_app(services, adapters), host="127.0.0.1")
        await server.start_server()
        adapter = adapters["slack"]
        await adapter.start()
        async with ClientSession() as session:
            driver = SlackDriver(str(server.make_url("/slack/events")), SLACK_SECRET, session)
            yield SlackWorld(services, adapter, api, driver)
        await adapter.stop()
        await server.close()
        services.store.close()
