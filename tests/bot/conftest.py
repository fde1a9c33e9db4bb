"""A `bot` fixture so that a test reads like a conversation (after errbot's `testbot`).

Real parts throughout: the embedded policy, the engine, SQLite in tmp_path, the escalation core
and the router. Only the clock of the world outside is not involved.
"""
from __future__ import annotations

import pytest

from bot.messages import Button, Form, Incoming, Reply
from bot.services import Services
from bot.settings import Settings


@pytest.fixture
def services(tmp_path):
    settings = Settings.from_env({"POLICYBOT_DATA_DIR": str(tmp_path), "POLICYBOT_CONSOLE_LEADERS": "leader,boss"})
    built = Services.build(settings)
    yield built
    built.store.close()


class Conversation:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.router = services.router
        self._n = 0

    async def say(self, text: str, user: str = "you", direct: bool = True, locale: str | None = None) -> list[Reply]:
        return await self.router.handle(Incoming("console", user, text=text, direct=direct, locale=locale))

    async def click(self, button: Button, user: str = "you") -> list[Reply]:
        return await self.router.handle(Incoming("console", user, kind="action", action=button.action, value=button.value))

    async def submit(self, form: Form, values: dict, user: str = "you", key: str | None = None) -> list[Reply]:
        self._n += 1
        values = {**values, **({"case_id": form.context} if form.context else {})}
        return await self.router.handle(Incoming(
            "console", user, kind="form", form=form.id, values=values, value=form.context or None,
            key=key or f"test-{self._n}"))


@pytest.fixture
def bot(services) -> Conversation:
    return Conversation(services)
