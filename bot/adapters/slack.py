"""Slack: a slack-bolt `AsyncApp` over the router, served at POST /slack/events or over Socket Mode.

The adapter only translates: Slack payloads become `Incoming`s (`*_incoming` below), the
router's `Reply`s become Block Kit (`slack_blocks`), and each reply goes where only its asker
sees it — the ack body of a slash command, `response_url`, an ephemeral message, the 1:1 DM,
or a modal. Policy and cases are the router's business; nothing here decides a verdict.

Acknowledgement (Slack gives 3 s, then shows the user an error):
- `process_before_response=True`. In bolt's default mode every ack waits for bolt's 10 ms
  polling loop (asyncio_runner: `while ack.response is None: sleep(0.01)`). Measured here with
  benchmarks/slack_bench.py (16 concurrent clients, a listener that only acks): median 11.3 ms
  and ~1,400 requests/s in the default mode, 1.8 ms and ~8,000/s with process_before_response,
  where the ack returns as soon as the listener does. So listeners ack in-line with what is
  ready at once (a /review verdict takes about half a millisecond: it goes in the ack body) and
  hand slow work (Web API calls, model answers) to `_spawn`, which runs after the HTTP answer.
- A command whose answer is not ready within ACK_BUDGET is acked empty and answered later
  through its `response_url`, used exactly as given.
- Modals open with the click's `trigger_id` straight after the ack (it expires after ~3 s).

Requests pass `slack_guard` before bolt sees them (signature, size, shapes); events are
de-duplicated on `event_id` in the database (`bot.platform_state`), since several replicas see
Slack's retries; a retry whose event was never recorded is processed like a first delivery.
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import re
import time
from dataclasses import replace
from typing import Any, Awaitable, Callable

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.response import SocketModeResponse
from yarl import URL

from bot.adapters import slack_blocks as kit
from bot.adapters.slack_guard import BadRequest, Signature, admit, check
from bot.adapters.slack_notifier import SlackNotifier, call, describe, error_code, web_client
from bot.escalation.model import Person
from bot.messages import Incoming, Reply
from bot.platform_state import finish, first_seen
from bot.services import Services

log = logging.getLogger(__name__)

PATH = "/slack/events"
ACK_BUDGET = 2.0  # seconds a command may take in-line before its answer goes via response_url
CASE_ACTIONS = frozenset({"open_case", "ack_case", "reply_case", "close_case"})
MENTION = re.compile(r"^\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s:,]*")
LOCALE_TTL = 3600.0
BOLT_HEADERS = ("Content-Type", "X-Slack-Retry-Num", "X-Slack-Retry-Reason", "X-Slack-Request-Timestamp")


def _bolt_logger() -> logging.Logger:
    """Bolt copies the ROOT logger's level into every logger it creates (slack_bolt.logger.
    _configure_from_root), so quieting "slack_bolt" in bot/logs.py does not reach them; they
    would log at INFO whatever the root allows — bodies included. With a base logger, bolt
    copies its level instead: WARNING, where bolt logs no request content."""
    logger = logging.getLogger("slack_bolt.policybot")
    logger.setLevel(logging.WARNING)
    if not logger.filters:
        logger.addFilter(_SameToken())
    return logger


class _SameToken(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment by itself and then warns that the client
    given to it wins; here both are the same token, so the warning only misleads."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("As you gave `client` as well")


class SlackAdapter:
    """`SlackAdapter(services)`; `.mount(app)` adds POST /slack/events (HTTP mode); `await
    .start()` connects Socket Mode when SLACK_APP_TOKEN is set; `.notifier` for the outbox."""

    def __init__(self, services: Services) -> None:
        settings = services.settings.slack
        if settings is None:
            raise ValueError("Slack is not configured")
        self.settings = settings
        self.services = services
        self.router = services.router
        self.socket_mode = bool(settings.app_token)
        self.client = web_client(settings)
        self.notifier = SlackNotifier(self.client)
        self.signature = Signature(settings.signing_secret) if settings.signing_secret else None
        self.app = AsyncApp(
            client=self.client,
            signing_secret=settings.signing_secret or "",
            # slack_guard verifies every request first; bolt's own check would only repeat it, and
            # it raises on malformed headers and logs bodies when a signature fails.
            request_verification_enabled=False,
            process_before_response=True,  # see the module docstring: no 10 ms ack polling
            logger=_bolt_logger(),
            name="policybot",
        )
        self.app.error(self._on_error)
        self._register()
        self._tasks: set[asyncio.Task] = set()
        self._http: aiohttp.ClientSession | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._locales: dict[str, tuple[str | None, float]] = {}
        self._key_secret = (settings.signing_secret or settings.bot_token).encode()

    # ---- the adapter contract -------------------------------------------------------------------

    def mount(self, app: web.Application) -> None:
        if not self.socket_mode:  # Socket Mode needs no public URL
            app.router.add_post(PATH, self.handle)

    async def start(self) -> None:
        self._session()
        try:
            await asyncio.wait_for(self.client.auth_test(), timeout=5)
        except SlackApiError as exc:
            log.error("slack: auth.test failed (%s): check SLACK_BOT_TOKEN", error_code(exc))
        except Exception as exc:
            log.error("slack: auth.test failed (%s); serving anyway", type(exc).__name__)
        if self.socket_mode:
            self._socket = GuardedSocketModeHandler(self.app, self.settings.app_token, logger=self.app.logger)
            await self._socket.connect_async()
            log.info("slack: Socket Mode connected")

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close_async()
        await self.idle(timeout=10)
        if self._http is not None:
            await self._http.close()

    async def idle(self, timeout: float = 10) -> None:
        """Wait until the work handed off after acks (replies, modals) is done."""
        deadline = time.monotonic() + timeout
        while self._tasks and time.monotonic() < deadline:
            await asyncio.wait(set(self._tasks), timeout=max(deadline - time.monotonic(), 0))

    # ---- HTTP -----------------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """POST /slack/events: size, signature and shapes first; only then bolt."""
        self._session()
        admitted = await admit(request, self.signature)
        if isinstance(admitted, web.StreamResponse):
            return admitted
        kind, payload = admitted
        headers = {h: request.headers[h] for h in BOLT_HEADERS if h in request.headers}
        # Bolt gets the parsed payload: its own parser raises on bad JSON and mistakes any form
        # containing the word "payload" for an interactive payload. `mode` only decides whether
        # bolt verifies the signature and parses the raw body again; the guard did both.
        bolt_request = AsyncBoltRequest(body=payload, headers=headers, mode="socket_mode")  # type: ignore[arg-type]
        try:
            response = await self.app.async_dispatch(bolt_request)
        except Exception as exc:
            # Bolt catches its listeners' errors (a 500 that Slack retries); what escapes is bolt
            # itself choking on a payload shape the guard does not know yet: a bad request.
            log.error("slack: bolt could not handle a %s payload (%s)", kind, type(exc).__name__)
            return web.json_response({"error": "bad request"}, status=400)
        return await to_aiohttp_response(response)

    # ---- listeners --------------------------------------------------------------------------------

    def _register(self) -> None:
        app, anything = self.app, re.compile(r".*")
        app.command(anything)(self._on_command)  # the router answers commands it does not know
        app.shortcut(anything)(self._on_shortcut)
        app.action(anything)(self._on_action)
        app.view_submission(anything)(self._on_submission)
        app.view_closed(anything)(self._ack)
        app.event("message")(self._on_message)
        app.event("app_mention")(self._on_mention)
        app.event("app_home_opened")(self._on_home)

    async def _ack(self, ack) -> None:
        await ack()

    async def _on_error(self, error: Exception) -> None:
        # Bolt's default handler logs the exception text, which can quote a payload.
        log.error("slack: a listener failed: %s", describe(error))

    async def _on_command(self, ack, body: dict) -> None:
        """/review, /report and any other command: the answer in the ack body when it is ready
        at once, a form as a modal (trigger_id), slow answers via response_url."""
        msg = command_incoming(body)
        if not msg.text.strip():  # no words to tell the language by: the user's locale
            msg = replace(msg, locale=await self._locale(msg.user))
        work = asyncio.ensure_future(self.router.handle(msg))
        done, _ = await asyncio.wait({work}, timeout=ACK_BUDGET)
        if not done:
            await ack()
            self._spawn(self._respond_later(work, body))
            return
        replies = work.result()
        forms = [r for r in replies if r.form is not None]
        texts = [r for r in replies if r.form is None]
        if forms:
            self._spawn(self._open_form(forms[0], body))
        for extra in texts[1:]:
            self._spawn(self._respond(body.get("response_url"), extra))
        if texts:
            await ack({"response_type": "ephemeral", **kit.message(texts[0])})
        else:
            await ack()

    async def _on_shortcut(self, ack, body: dict) -> None:
        """The message shortcut "Review with the policy bot": the verdict on the message goes
        to the clicker only, through the payload's response_url."""
        await ack()
        if body.get("type") == "message_action":
            self._spawn(self._review_message(body))

    async def _on_action(self, ack, body: dict) -> None:
        msg = action_incoming(body)
        if msg.action in CASE_ACTIONS and not await asyncio.to_thread(
                self.services.cases.is_leader, Person("slack", msg.user)):
            # Checked before anything else: a non-leader's click gets a 200 and nothing more.
            log.info("slack: a case button was refused to a non-leader")
            await ack()
            return
        await ack()
        self._spawn(self._answer_click(msg, body))

    async def _on_submission(self, ack, body: dict) -> None:
        """A modal's submission: the router's form handling, answered in the ack itself
        (`response_action`): errors inline, or the modal updated with the outcome."""
        view = body["view"]
        msg = self.submission_incoming(body)
        replies = await self.router.handle(msg)
        reply = replies[0] if replies else None
        lang = reply.language if reply else (msg.locale or "en")
        if reply is None:
            await ack()
        elif reply.form is not None and reply.form.errors:
            await ack(response_action="errors", errors=kit.errors(reply.form))
        elif reply.form is not None:
            await ack(response_action="update", view=kit.modal(reply.form, lang))
        elif reply.case is not None:
            await ack(response_action="update", view=kit.case_modal(reply.case, reply.buttons, lang))
        elif reply.replace:
            await ack(response_action="update", view=kit.notice_modal(_view_title(view), reply.text, lang))
        else:
            # A refusal or an error: shown on the form, so that what they typed is not lost.
            blocks = list(((view.get("state") or {}).get("values") or {}).keys())
            field = "text" if "text" in blocks else (blocks[0] if blocks else "text")
            await ack(response_action="errors", errors={field: kit.clip(reply.text, 2000)})

    async def _on_message(self, ack, body: dict) -> None:
        event = body["event"]
        if event.get("channel_type") != "im" or not _from_person(event):
            await ack()  # our own DMs, edits, joins: nothing to answer
            return
        await self._claim_then(ack, body, lambda: self._answer_dm(event, body["event_id"]))

    async def _on_mention(self, ack, body: dict) -> None:
        event = body["event"]
        if event.get("channel_type") == "im" or not _from_person(event) or not event.get("channel"):
            await ack()
            return
        await self._claim_then(ack, body, lambda: self._answer_mention(event, body["event_id"]))

    async def _on_home(self, ack, body: dict) -> None:
        event = body["event"]
        await ack()
        if event.get("tab", "home") == "home" and isinstance(event.get("user"), str):
            self._spawn(self._publish_home(event["user"]))

    # ---- after the ack ------------------------------------------------------------------------------

    async def _claim_then(self, ack, body: dict, work: Callable[[], Awaitable[None]]) -> None:
        """Claim the event in the database, then ack. A duplicate (another replica has it, or a
        retry of a finished event) is acked and dropped; a retry never recorded is processed.
        If the database is down the event is answered anyway: answering twice beats not at all,
        and failed acks would count towards Slack switching the app's events off."""
        key: str | None = f"slack:{body['event_id']}"
        try:
            first = await asyncio.to_thread(first_seen, self.services.store, key)
        except Exception as exc:
            log.error("slack: could not de-duplicate an event (%s); answering it anyway", describe(exc))
            first, key = True, None
        await ack()
        if first:
            self._spawn(self._then_finish(work, key))

    async def _then_finish(self, work: Callable[[], Awaitable[None]], key: str | None) -> None:
        await work()
        if key is not None:
            try:
                await asyncio.to_thread(finish, self.services.store, key)
            except Exception as exc:  # the claim expires by itself (platform_state.STALE_CLAIM)
                log.error("slack: could not mark an event done (%s)", describe(exc))

    async def _answer_dm(self, event: dict, event_id: str) -> None:
        msg = Incoming("slack", event["user"], text=event.get("text") or "", direct=True, key=event_id, raw=event)
        for reply in await self.router.handle(msg):
            if reply.case is not None:
                # A case ("open SM-…", "report status …") never stays in the DM's history: an
                # ephemeral message, and for a leader's case only a button to its modal.
                await call(self.client.chat_postEphemeral, channel=event["channel"], user=event["user"],
                           thread_ts=event.get("thread_ts"), **_case_message(reply))
            else:
                await call(self.client.chat_postMessage, channel=event["channel"], thread_ts=event.get("thread_ts"),
                           **kit.message(reply))

    async def _answer_mention(self, event: dict, event_id: str) -> None:
        """An @mention is answered to the asker only (ephemeral in the channel); a form goes to
        their DM as a button, since no modal can open without a click."""
        text = MENTION.sub("", event.get("text") or "", count=1)
        msg = Incoming("slack", event["user"], text=text, direct=False, key=event_id, raw=event)
        for reply in await self.router.handle(msg):
            if reply.form is not None:
                await self._dm(event["user"], reply)
            else:
                await call(self.client.chat_postEphemeral, channel=event["channel"], user=event["user"],
                           thread_ts=event.get("thread_ts"), **_case_message(reply))

    async def _review_message(self, body: dict) -> None:
        message = body.get("message") or {}
        text = message.get("text") if isinstance(message.get("text"), str) else ""
        msg = Incoming("slack", body["user"]["id"], kind="command", command="review", text=text, raw=body)
        for reply in await self.router.handle(msg):
            await self._respond(body.get("response_url"), reply, body)

    async def _answer_click(self, msg: Incoming, body: dict) -> None:
        """A button's answer: a form or a case opens as a modal (pushed or updated when the
        click came from one); text goes back ephemerally via response_url."""
        # A click inside a modal answers in the modal stack; one on the Home tab is like a message's.
        view = body.get("view") if (body.get("view") or {}).get("type") == "modal" else None
        replies = await self.router.handle(msg)
        if view and msg.action == "ack_case" and replies and replies[0].case is not None:
            # Only `open` returns the report text; refresh so the open modal keeps showing it.
            replies = await self.router.handle(replace(msg, action="open_case"))
        for reply in replies:
            lang = reply.language
            if reply.form is not None:
                await self._open_form(reply, body, push=bool(view))
            elif reply.case is not None and (view or reply.case.text is not None):
                case_view = kit.case_modal(reply.case, reply.buttons, lang)
                if view:
                    await call(self.client.views_update, view_id=view["id"], view=case_view)
                else:
                    await call(self.client.views_open, trigger_id=body.get("trigger_id"), view=case_view)
            elif view:
                await call(self.client.views_push, trigger_id=body.get("trigger_id"),
                           view=kit.notice_modal(_view_title(view), reply.text, lang))
            else:
                await self._respond(body.get("response_url"), reply, body)

    async def _open_form(self, reply: Reply, body: dict, push: bool = False) -> None:
        """A form as a modal with the click's trigger_id; if that fails (expired), a button in
        the same private place that opens it on the next click."""
        assert reply.form is not None
        view = kit.modal(reply.form, reply.language)
        try:
            method = self.client.views_push if push else self.client.views_open
            await call(method, trigger_id=body.get("trigger_id"), view=view)
        except Exception as exc:
            log.warning("slack: could not open a form (%s); offering a button instead", describe(exc))
            await self._respond(body.get("response_url"), reply, body)

    async def _respond_later(self, work: asyncio.Future, body: dict) -> None:
        for reply in await work:
            if reply.form is not None:
                await self._open_form(reply, body)
            else:
                await self._respond(body.get("response_url"), reply, body)

    async def _respond(self, url: Any, reply: Reply, body: dict | None = None) -> None:
        """An ephemeral answer via `response_url`, used exactly as given (yarl would otherwise
        re-encode it); without one, an ephemeral message in the channel or the DM."""
        payload = {"response_type": "ephemeral", "replace_original": False, **kit.message(reply)}
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            async with self._session().post(URL(url, encoded=True), json=payload,
                                            timeout=aiohttp.ClientTimeout(total=10)) as response:
                if response.status >= 300:
                    raise RuntimeError(f"response_url answered HTTP {response.status}")
            return
        user = (body or {}).get("user", {}).get("id") if isinstance((body or {}).get("user"), dict) else None
        channel = ((body or {}).get("channel") or {}).get("id") if isinstance((body or {}).get("channel"), dict) else None
        if user and channel:
            await call(self.client.chat_postEphemeral, channel=channel, user=user, **kit.message(reply))
        elif user:
            await self._dm(user, reply)

    async def _dm(self, user: str, reply: Reply) -> None:
        opened = await call(self.client.conversations_open, users=user)
        await call(self.client.chat_postMessage, channel=opened["channel"]["id"], **kit.message(reply))

    async def _publish_home(self, user: str) -> None:
        lang = _lang(await self._locale(user))
        await call(self.client.views_publish, user_id=user, view=kit.home(self.services.engine.policy, lang))

    # ---- helpers ----------------------------------------------------------------------------------

    def submission_incoming(self, body: dict) -> Incoming:
        """A view_submission as the router's form. Its idempotency key is stable across
        repeated deliveries of the same submission (Slack's retry, a second click on Submit
        after a timeout): the view id, the view's hash, and a keyed digest of the values —
        keyed, so that no hash of report text is stored anywhere."""
        view = body["view"]
        context_value, lang = kit.read_metadata(view.get("private_metadata"))
        values = kit.form_values(view)
        if context_value:
            values["case_id"] = context_value
        canonical = json.dumps(values, sort_keys=True, ensure_ascii=False).encode()
        digest = hmac.new(self._key_secret, canonical, hashlib.sha256).hexdigest()[:32]
        user = body["user"]
        return Incoming(
            "slack", user["id"], kind="form", form=view["callback_id"], values=values,
            value=context_value or None, locale=lang, raw=body,
            user_name=user.get("name") if isinstance(user.get("name"), str) else None,
            key=f"slack:view:{view['id']}:{view.get('hash') or ''}:{digest}",
        )

    async def _locale(self, user: str) -> str | None:
        """The user's Slack locale (users.info, scope users:read), cached; None when unknown.
        Asked only where no words tell the language (a bare command, the Home tab)."""
        now = time.monotonic()
        cached = self._locales.get(user)
        if cached and cached[1] > now:
            return cached[0]
        locale = None
        try:
            answer = await asyncio.wait_for(self.client.users_info(user=user, include_locale=True), timeout=1.0)
            found = (answer.get("user") or {}).get("locale")
            locale = found if isinstance(found, str) else None
        except Exception:  # no scope, a timeout, a fake without users.info: no hint
            pass
        if len(self._locales) > 10_000:
            self._locales.clear()
        self._locales[user] = (locale, now + LOCALE_TTL)
        return locale

    def _spawn(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(self._quietly(work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _quietly(self, work: Awaitable[None]) -> None:
        try:
            await work
        except Exception as exc:
            log.error("slack: sending an answer failed: %s", describe(exc))

    def _session(self) -> aiohttp.ClientSession:
        """One connection pool for the Web API and response_url (created in the running loop)."""
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession()
            self.client.session = self._http
        return self._http


class GuardedSocketModeHandler(AsyncSocketModeHandler):
    """Socket Mode with the same shape guard as HTTP (Slack's envelopes are authenticated by
    the connection, but bolt still indexes payloads unchecked)."""

    async def handle(self, client, req) -> None:  # type: ignore[override]
        try:
            kind = check(req.payload if isinstance(req.payload, dict) else {})
        except BadRequest as exc:
            log.info("slack: rejected a Socket Mode payload: %s", exc)
            kind = "rejected"
        if kind in ("rejected", "other_event", "app_rate_limited"):
            await client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
            return
        await super().handle(client, req)


# ---- translators: Slack payload -> Incoming ----------------------------------------------------------


def command_incoming(body: dict) -> Incoming:
    """A slash command. `direct` is True: its answers are ephemeral or modals, seen by no one else."""
    return Incoming(
        "slack", body["user_id"], kind="command", command=body["command"].lstrip("/").lower(),
        text=body.get("text") or "", direct=True, raw=body,
        user_name=body.get("user_name") or None,
    )


def action_incoming(body: dict) -> Incoming:
    """A button click; its language is the language of the message or modal that carried it."""
    action = body["actions"][0]
    return Incoming(
        "slack", body["user"]["id"], kind="action", action=kit.action_name(action["action_id"]),
        value=action.get("value") or "", direct=True, locale=kit.block_language(action.get("block_id")),
        raw=body,
    )


def _from_person(event: dict) -> bool:
    """A message a person wrote: not the bot's own (bolt drops those too), not an edit or a join."""
    return isinstance(event.get("user"), str) and not event.get("bot_id") and event.get("subtype") in (None, "file_share")


def _case_message(reply: Reply) -> dict[str, Any]:
    """A reply as a message body; a case with its report text only as a pointer to the modal."""
    if reply.case is not None and reply.case.text is not None:
        return kit.case_pointer(reply.case, reply.language)
    return kit.message(reply)


def _view_title(view: dict) -> str:
    title = view.get("title")
    text = title.get("text") if isinstance(title, dict) else None
    return text if isinstance(text, str) and text else "policybot"


def _lang(locale: str | None) -> str:
    return "lv" if (locale or "").lower().startswith("lv") else "en"
