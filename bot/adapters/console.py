"""The console chat: the same router as Slack and Teams, in a terminal.

It is the demo and the development loop. Forms become prompts, buttons become numbers to type,
and `/as NAME` switches who you are, so a whole report flow (employee reports, leader opens and
replies, the anonymous reporter reads the reply) can be walked through in one terminal.
"""
from __future__ import annotations

import asyncio
import sys
import uuid
from typing import Callable, TextIO

from bot.messages import Button, Form, Incoming, Reply
from bot.services import Services

BANNER = """\
policybot {version} — console chat ({user}). Languages: latviešu / English.
Ask a question, or: /review <draft>  /report  /report status <case> [receipt]  /policy  /help
Console only: /as NAME (become NAME; leaders: {leaders})  /quit
"""


class Console:
    def __init__(
        self,
        services: Services,
        user: str = "you",
        read: Callable[[str], str] = input,
        out: TextIO | None = None,
    ) -> None:
        self.services = services
        self.router = services.router
        self.user = user
        self.read = read
        self.out = out or sys.stdout
        self.buttons: list[Button] = []
        _enable_history()

    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    async def ask(self, prompt: str) -> str | None:
        """One line from the person, or None at end of input."""
        try:
            return await asyncio.to_thread(self.read, prompt)
        except (EOFError, KeyboardInterrupt):
            return None

    async def run(self) -> int:
        from bot.escalation.outbox import Outbox

        leaders = ", ".join(sorted(self.services.settings.console_leaders))
        self.say(BANNER.format(version=self.services.engine.policy.version, user=self.user, leaders=leaders))
        stop = asyncio.Event()
        outbox = Outbox(self.services.store, self.services.notifiers)
        worker = asyncio.create_task(outbox.run(stop, interval=0.5))
        try:
            while True:
                line = await self.ask(f"{self.user}> ")
                if line is None or line.strip() in ("/quit", "/exit"):
                    break
                await self.handle_line(line)
        finally:
            stop.set()
            await worker
        self.say("bye")
        return 0

    async def handle_line(self, line: str) -> None:
        text = line.strip()
        if not text:
            return
        if text.startswith("/as "):
            self.user = text[4:].strip() or self.user
            self.buttons = []
            self.say(f"(you are now {self.user})")
            return
        if text.isdigit() and 0 < int(text) <= len(self.buttons):
            button = self.buttons[int(text) - 1]
            await self.send(Incoming("console", self.user, kind="action", action=button.action, value=button.value))
            return
        await self.send(Incoming("console", self.user, kind="message", text=text, key=self._key()))

    async def send(self, incoming: Incoming) -> None:
        for reply in await self.router.handle(incoming):
            await self.show(reply)

    async def show(self, reply: Reply) -> None:
        if reply.form is not None:
            await self.fill(reply.form)
            return
        self.say(reply.text)
        self.buttons = list(reply.buttons)
        if self.buttons:
            self.say("   " + "   ".join(f"[{i}] {b.label}" for i, b in enumerate(self.buttons, 1)))
        self.say()

    async def fill(self, form: Form) -> None:
        """Walk through a form field by field; an empty answer to a required field cancels."""
        self.say(f"— {form.title} — (an empty answer to a required question cancels)")
        values: dict[str, object] = {"case_id": form.context} if form.context else {}
        for field in form.fields:
            if field.name in form.errors:
                self.say(f"  ! {field.label}: {form.errors[field.name]}")
            if field.kind == "select":
                for i, option in enumerate(field.options, 1):
                    self.say(f"  {i}. {option.label}")
            suffix = " [y/N]" if field.kind == "checkbox" else ""
            answer = await self.ask(f"  {field.label}{suffix}: ")
            if answer is None:
                return
            answer = answer.strip()
            if field.kind == "select" and answer.isdigit() and 0 < int(answer) <= len(field.options):
                answer = field.options[int(answer) - 1].value
            if field.kind == "checkbox":
                values[field.name] = answer.lower() in ("y", "yes", "j", "ja", "jā")
                continue
            if not answer and field.required:
                self.say("  (cancelled — nothing was sent)")
                return
            values[field.name] = answer
        incoming = Incoming("console", self.user, kind="form", form=form.id, values=values,
                            value=form.context or None, key=self._key())
        await self.send(incoming)

    def _key(self) -> str:
        # The console never resubmits, so every submission gets a fresh idempotency key.
        return f"console:{uuid.uuid4()}"


def _enable_history() -> None:
    """Arrow-key history for the session where the terminal supports it."""
    if sys.stdin.isatty():
        try:
            import readline  # noqa: F401  (importing it is what enables history in input())
        except ImportError:  # pragma: no cover - Windows
            pass
