"""A fake Slack Web API, and a fake `response_url` endpoint, on loopback.

The real slack_sdk client talks to it over HTTP (`AsyncWebClient(base_url=fake.api_url)`), so
tests see what production would: form and JSON encodings, status codes, `Retry-After`. It
answers the methods the bot uses, records every call (method, arguments, encoding), checks the
Block Kit limits that real Slack enforces (a broken message or view is refused the same way:
`ok: false`), and answers 429 with Retry-After when asked to (`rate_limit`).

    async with FakeSlack() as slack:
        client = AsyncWebClient(token="xoxb-test", base_url=slack.api_url)
        url = slack.response_url("r1")   # POSTs to it are recorded in slack.responses
"""
from __future__ import annotations

import asyncio
import itertools
import json
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    encoding: str  # "json", "form" or "query"
    token: str | None


@dataclass
class Response:
    name: str
    body: dict[str, Any]
    raw_path: str = ""  # path and query exactly as requested


@dataclass
class FakeSlack:
    bot_user: str = "UBOT"
    bot_id: str = "BBOT"
    team: str = "T0001"
    locales: dict[str, str] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    api_url: str = ""
    base: str = ""

    def __post_init__(self) -> None:
        self.socket_acks: dict[str, Any] = {}  # Socket Mode: envelope_id -> the app's ack payload
        self._sockets: list[web.WebSocketResponse] = []
        self._failures: dict[str, deque[tuple[int, dict[str, str], dict[str, Any]]]] = defaultdict(deque)
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._changed = asyncio.Event()

    async def __aenter__(self) -> "FakeSlack":
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_get("/link", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base = f"http://127.0.0.1:{port}"
        self.api_url = f"{self.base}/api/"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        for ws in list(self._sockets):
            await ws.close()
        await self._runner.cleanup()

    # ---- what tests use -----------------------------------------------------------------------

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base}/respond/{name}"

    def rate_limit(self, method: str, times: int = 1, retry_after: int = 0) -> None:
        """The next `times` calls of `method` get HTTP 429 with `Retry-After: retry_after`."""
        for _ in range(times):
            self._failures[method].append((429, {"Retry-After": str(retry_after)}, {"ok": False, "error": "ratelimited"}))

    def fail(self, method: str, error: str, times: int = 1) -> None:
        for _ in range(times):
            self._failures[method].append((200, {}, {"ok": False, "error": error}))

    def to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def texts(self) -> str:
        """Everything the bot sent anywhere, as one string (for "does X appear anywhere?")."""
        parts = [json.dumps(c.args, ensure_ascii=False) for c in self.calls]
        parts += [json.dumps(r.body, ensure_ascii=False) for r in self.responses]
        return "\n".join(parts)

    async def wait(self, predicate, timeout: float = 5.0) -> None:
        """Until `predicate(self)` is true (calls arrive after the bot's ack)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate(self):
            if loop.time() > deadline:
                raise AssertionError("the fake Slack did not see what was expected in time")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), timeout=max(deadline - loop.time(), 0.01))
            except asyncio.TimeoutError:
                pass

    async def wait_for(self, method: str, n: int = 1, timeout: float = 5.0) -> list[Call]:
        await self.wait(lambda s: len(s.to(method)) >= n, timeout)
        return self.to(method)

    # ---- the server ---------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args, encoding = dict(request.query), "query"
        raw = await request.read()
        if raw:
            if request.content_type == "application/json":
                args.update(json.loads(raw))
                encoding = "json"
            else:
                args.update(dict(parse_qsl(raw.decode(), keep_blank_values=True)))
                encoding = "form"
        for key in ("view", "blocks"):  # form-encoded structures arrive as JSON strings
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        auth = request.headers.get("Authorization", "")
        self.calls.append(Call(method, args, encoding, auth.removeprefix("Bearer ") or None))
        self._changed.set()
        if self._failures[method]:
            status, headers, body = self._failures[method].popleft()
            return web.json_response(body, status=status, headers=headers)
        if not auth.startswith("Bearer "):
            return web.json_response({"ok": False, "error": "not_authed"})
        return web.json_response(self._answer(method, args))

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        n = next(self._ids)
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.test/", "team": "Fake", "user": "policybot",
                    "team_id": self.team, "user_id": self.bot_user, "bot_id": self.bot_id, "is_enterprise_install": False}
        if method == "conversations.open":
            users = str(args.get("users", ""))
            if not users:
                return {"ok": False, "error": "users_list_not_supplied"}
            prefix = "G" if "," in users else "D"
            return {"ok": True, "channel": {"id": prefix + users.replace(",", "")}}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            if not args.get("channel") or not (args.get("text") or args.get("blocks")):
                return {"ok": False, "error": "no_text" if args.get("channel") else "channel_not_found"}
            if method == "chat.postEphemeral" and not args.get("user"):
                return {"ok": False, "error": "user_not_in_channel"}
            if problem := message_problem(args.get("blocks") or []):
                return {"ok": False, "error": "invalid_blocks", "errors": [problem]}
            ts = f"1700000000.{n:06d}"
            return {"ok": True, "channel": args["channel"], "ts": ts, "message_ts": ts}
        if method in ("views.open", "views.push", "views.update", "views.publish"):
            view = args.get("view")
            if not isinstance(view, dict):
                return {"ok": False, "error": "invalid_arguments"}
            if method in ("views.open", "views.push") and not args.get("trigger_id"):
                return {"ok": False, "error": "invalid_trigger_id"}
            if problem := view_problem(view):
                return {"ok": False, "error": "invalid_arguments", "response_metadata": {"messages": [problem]}}
            return {"ok": True, "view": {**view, "id": args.get("view_id") or f"V{n:08d}", "hash": f"h{n}"}}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.base.replace("http://", "ws://") + "/link"}
        if method == "users.info":
            user = str(args.get("user", ""))
            return {"ok": True, "user": {"id": user, "name": user.lower(), "locale": self.locales.get(user, "en-US")}}
        return {"ok": False, "error": "unknown_method"}

    # ---- Socket Mode: the app connects here (apps.connections.open) and acks envelopes -------------

    async def socket_send(self, kind: str, payload: dict[str, Any], timeout: float = 5.0) -> Any:
        """Send an envelope ("slash_commands", "events_api", "interactive") to the connected app
        and return its ack payload (None for an empty ack)."""
        await self.wait(lambda s: s._sockets, timeout)
        envelope_id = f"env-{next(self._ids)}"
        await self._sockets[-1].send_json({"envelope_id": envelope_id, "type": kind, "payload": payload,
                                           "accepts_response_payload": kind != "events_api", "retry_attempt": 0})
        await self.wait(lambda s: envelope_id in s.socket_acks, timeout)
        return self.socket_acks[envelope_id]

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0001"}})
        self._sockets.append(ws)
        self._changed.set()
        async for message in ws:
            if message.type == 1:  # TEXT
                data = json.loads(message.data)
                if "envelope_id" in data:
                    self.socket_acks[data["envelope_id"]] = data.get("payload")
                    self._changed.set()
        self._sockets.remove(ws)
        return ws

    async def _respond(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.responses.append(Response(request.match_info["name"], body, request.raw_path))
        self._changed.set()
        if problem := message_problem(body.get("blocks") or []):
            return web.Response(status=400, text=problem)
        return web.Response(text="ok")


# ---- the Block Kit limits real Slack enforces ---------------------------------------------------------


def _text_len(obj: Any) -> int:
    return len(obj.get("text", "")) if isinstance(obj, dict) else 0


def blocks_problem(blocks: list[Any], max_blocks: int) -> str | None:
    if len(blocks) > max_blocks:
        return f"more than {max_blocks} blocks"
    block_ids = set()
    for b in blocks:
        if not isinstance(b, dict) or "type" not in b:
            return "a block without a type"
        if b.get("block_id"):
            if b["block_id"] in block_ids:
                return "duplicate block_id"
            block_ids.add(b["block_id"])
        if b["type"] == "section" and _text_len(b.get("text")) > 3000:
            return "section text over 3000"
        if b["type"] == "header" and _text_len(b.get("text")) > 150:
            return "header over 150"
        if b["type"] == "actions":
            elements = b.get("elements", [])
            ids = [e.get("action_id") for e in elements]
            if len(elements) > 25 or len(ids) != len(set(ids)):
                return "actions: more than 25 elements or duplicate action_id"
            for e in elements:
                if _text_len(e.get("text")) > 75 or len(e.get("value", "")) > 2000:
                    return "button text over 75 or value over 2000"
                if e.get("style") not in (None, "primary", "danger"):
                    return "bad button style"
        if b["type"] == "input":
            e = b.get("element", {})
            if not b.get("label") or e.get("type") not in (
                    "plain_text_input", "url_text_input", "static_select", "checkboxes", "radio_buttons",
                    "email_text_input", "number_input", "external_select"):
                return "input without label or with an unknown element"
            if e.get("type") == "plain_text_input" and e.get("max_length", 0) > 3000:
                return "plain_text_input max_length over 3000"
            for o in e.get("options", []):
                if _text_len(o.get("text")) > 75 or len(o.get("value", "")) > 150:
                    return "option text over 75 or value over 150"
    return None


def message_problem(blocks: list[Any]) -> str | None:
    if not isinstance(blocks, list):
        return "blocks is not a list"
    if any(isinstance(b, dict) and b.get("type") == "input" for b in blocks):
        return "input blocks in a message"
    return blocks_problem(blocks, 50)


def view_problem(view: dict[str, Any]) -> str | None:
    if view.get("type") not in ("modal", "home"):
        return "unknown view type"
    if view["type"] == "modal":
        for key in ("title", "submit", "close"):
            if key in view and _text_len(view[key]) > 24:
                return f"{key} over 24"
        if not view.get("title"):
            return "modal without a title"
        if any(b.get("type") == "input" for b in view.get("blocks", [])) and "submit" not in view:
            return "inputs without a submit button"
    if len(view.get("private_metadata", "")) > 3000:
        return "private_metadata over 3000"
    return blocks_problem(view.get("blocks", []), 100)


# ---- the other direction: requests as Slack sends them to the app -------------------------------------


class SlackDriver:
    """Signs and POSTs requests to the app's /slack/events exactly as Slack does: slash commands
    form-encoded, events as JSON `event_callback` envelopes, interactivity as one form field
    `payload` holding JSON. Returns (status, body) with body parsed as JSON when it is JSON."""

    def __init__(self, url: str, signing_secret: str, session: Any, team: str = "T0001") -> None:
        import hashlib
        import hmac
        import time

        self.url, self.session, self.team = url, session, team
        self._secret = signing_secret.encode()
        self._hmac, self._sha256, self._time = hmac, hashlib.sha256, time
        self._ids = itertools.count(1)

    def sign(self, body: bytes, timestamp: int | None = None) -> dict[str, str]:
        ts = str(int(self._time.time()) if timestamp is None else timestamp)
        mac = self._hmac.new(self._secret, b"v0:" + ts.encode() + b":" + body, self._sha256).hexdigest()
        return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + mac}

    async def post(self, body: bytes, content_type: str, headers: dict[str, str] | None = None,
                   sign: bool = True) -> tuple[int, Any]:
        all_headers = {"Content-Type": content_type, **(self.sign(body) if sign else {}), **(headers or {})}
        async with self.session.post(self.url, data=body, headers=all_headers) as response:
            text = await response.text()
            try:
                return response.status, json.loads(text)
            except ValueError:
                return response.status, text

    async def command(self, command: str, text: str = "", user: str = "U0001", channel: str = "C0001",
                      response_url: str = "http://127.0.0.1:9/unused", **extra: str) -> tuple[int, Any]:
        from urllib.parse import urlencode

        n = next(self._ids)
        fields = {
            "token": "legacy", "team_id": self.team, "team_domain": "fake", "channel_id": channel,
            "channel_name": "directmessage" if channel.startswith("D") else "general", "user_id": user,
            "user_name": user.lower(), "command": command, "text": text, "api_app_id": "A0001",
            "is_enterprise_install": "false", "response_url": response_url, "trigger_id": f"{n}.trigger", **extra,
        }
        return await self.post(urlencode(fields).encode(), "application/x-www-form-urlencoded")

    def envelope(self, event: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
        n = next(self._ids)
        return {
            "token": "legacy", "team_id": self.team, "api_app_id": "A0001", "type": "event_callback",
            "event_id": event_id or f"Ev{n:08d}", "event_time": 1700000000 + n, "event": event,
            "authorizations": [{"enterprise_id": None, "team_id": self.team, "user_id": "UBOT",
                                "is_bot": True, "is_enterprise_install": False}],
            "is_ext_shared_channel": False, "event_context": "4-fake",
        }

    async def event(self, event: dict[str, Any], event_id: str | None = None, retry: int | None = None) -> tuple[int, Any]:
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
        body = json.dumps(self.envelope(event, event_id)).encode()
        return await self.post(body, "application/json", headers)

    async def dm(self, text: str, user: str = "U0001", event_id: str | None = None, retry: int | None = None):
        n = next(self._ids)
        event = {"type": "message", "user": user, "text": text, "ts": f"1700000001.{n:06d}",
                 "channel": f"D{user}", "event_ts": f"1700000001.{n:06d}", "channel_type": "im"}
        return await self.event(event, event_id, retry)

    async def mention(self, text: str, user: str = "U0001", channel: str = "C0001", bot: str = "UBOT"):
        n = next(self._ids)
        event = {"type": "app_mention", "user": user, "text": f"<@{bot}> {text}", "ts": f"1700000002.{n:06d}",
                 "channel": channel, "event_ts": f"1700000002.{n:06d}", "channel_type": "channel"}
        return await self.event(event)

    async def interact(self, payload: dict[str, Any]) -> tuple[int, Any]:
        from urllib.parse import urlencode

        body = urlencode({"payload": json.dumps(payload)}).encode()
        return await self.post(body, "application/x-www-form-urlencoded")

    def user(self, user: str) -> dict[str, Any]:
        return {"id": user, "username": user.lower(), "name": user.lower(), "team_id": self.team}

    async def click(self, action_id: str, value: str, user: str = "U0001", *, block_id: str = "actions:en",
                    view: dict[str, Any] | None = None, response_url: str | None = None,
                    channel: str = "D0001") -> tuple[int, Any]:
        n = next(self._ids)
        payload: dict[str, Any] = {
            "type": "block_actions", "user": self.user(user), "api_app_id": "A0001", "token": "legacy",
            "team": {"id": self.team, "domain": "fake"}, "trigger_id": f"{n}.trigger",
            "actions": [{"type": "button", "action_id": action_id, "block_id": block_id, "value": value,
                         "text": {"type": "plain_text", "text": "x"}, "action_ts": "1700000003.000001"}],
            "is_enterprise_install": False, "enterprise": None,
        }
        if view is not None:
            payload.update(container={"type": "view", "view_id": view["id"]}, view=view)
        else:
            payload.update(container={"type": "message", "message_ts": "1700000000.000001", "channel_id": channel,
                                      "is_ephemeral": False},
                           channel={"id": channel, "name": "directmessage"},
                           message={"type": "message", "text": "x", "ts": "1700000000.000001"},
                           response_url=response_url or "http://127.0.0.1:9/unused")
        return await self.interact(payload)

    async def submit(self, view: dict[str, Any], values: dict[str, Any], user: str = "U0001") -> tuple[int, Any]:
        """Submit a modal as Slack would, filling its inputs by field name: text for text inputs,
        an option value for a select, True/False for checkboxes."""
        state: dict[str, Any] = {}
        for block in view.get("blocks", []):
            if block.get("type") != "input":
                continue
            element = block["element"]
            name, kind = element["action_id"], element["type"]
            value = values.get(name)
            if kind in ("plain_text_input", "url_text_input"):
                entry = {"type": kind, "value": value}
            elif kind == "static_select":
                option = next((o for o in element["options"] if o["value"] == value), None)
                entry = {"type": kind, "selected_option": option}
            else:
                entry = {"type": kind, "selected_options": element["options"] if value else []}
            state[block["block_id"]] = {name: entry}
        n = next(self._ids)
        payload = {
            "type": "view_submission", "team": {"id": self.team, "domain": "fake"}, "user": self.user(user),
            "api_app_id": "A0001", "token": "legacy", "trigger_id": f"{n}.trigger", "response_urls": [],
            "is_enterprise_install": False, "enterprise": None,
            "view": {**view, "id": view.get("id") or f"VS{n:06d}", "hash": view.get("hash") or f"hash{n}",
                     "team_id": self.team, "app_id": "A0001", "bot_id": "BBOT", "state": {"values": state}},
        }
        return await self.interact(payload)

    async def shortcut(self, message_text: str, user: str = "U0001", channel: str = "C0001",
                       response_url: str = "http://127.0.0.1:9/unused", author: str = "U0002") -> tuple[int, Any]:
        n = next(self._ids)
        payload = {
            "type": "message_action", "token": "legacy", "action_ts": "1700000004.000001",
            "team": {"id": self.team, "domain": "fake"}, "user": self.user(user),
            "channel": {"id": channel, "name": "general"}, "is_enterprise_install": False, "enterprise": None,
            "callback_id": "review_message", "trigger_id": f"{n}.trigger", "response_url": response_url,
            "message_ts": "1700000000.000002",
            "message": {"type": "message", "user": author, "text": message_text, "ts": "1700000000.000002"},
        }
        return await self.interact(payload)


# ---- malformed requests, for the fuzz test and benchmarks/slack_fuzz.py --------------------------------

_NASTY: list[Any] = [None, True, 0, -1, 10**30, 1.5e308, "", "x" * 3000, "\u0000\ud7ff", [], {}, [None], [[]],
                     {"id": None}, {"id": 7}, [{"x": 1}], "CANARY",
                     # values that steer bolt into its special paths
                     "workflow_step", "workflow_step_execute", "function_executed", "assistant_thread_started",
                     "assistant_thread_context_changed", "im", "message", "app_mention", "file_share", "modal",
                     "home", "view", "block_actions", "view_submission", "event_callback", "1", "true"]


# Keys bolt looks for that our templates lack; the fuzzer adds them with odd values.
_KEYS = ["thread_ts", "bot_id", "subtype", "is_ext_shared_channel", "enterprise", "enterprise_id", "authorizations",
         "response_urls", "function_execution_id", "function_data", "workflow_step", "assistant_thread",
         "bot_access_token", "user_team", "team", "channel", "message", "previous_message", "item", "view",
         "container", "is_enterprise_install", "response_url", "trigger_id", "state", "values", "private_metadata"]


def templates(team: str = "T0001", response_url: str = "http://127.0.0.1:9/unused") -> list[tuple[str, dict[str, Any]]]:
    """Valid requests of every kind the app reads, as ("form" | "json" | "payload", fields)."""
    user = {"id": "U0009", "username": "u", "name": "u", "team_id": team}
    view = {"id": "V1", "hash": "h1", "type": "modal", "callback_id": "report", "private_metadata": '{"c": "", "l": "en"}',
            "title": {"type": "plain_text", "text": "Report"},
            "state": {"values": {"category": {"category": {"type": "static_select", "selected_option": {"value": "other"}}},
                                 "text": {"text": {"type": "plain_text_input", "value": "fuzz report"}},
                                 "anonymous": {"anonymous": {"type": "checkboxes", "selected_options": []}}}}}
    event = {"type": "message", "user": "U0009", "text": "hello", "ts": "1.1", "channel": "DU0009", "channel_type": "im"}
    envelope = {"type": "event_callback", "team_id": team, "event_id": "EvFUZZ", "event": event, "api_app_id": "A1",
                "authorizations": [{"enterprise_id": None, "team_id": team, "user_id": "UBOT", "is_bot": True}]}
    return [
        ("form", {"command": "/review", "text": "We are hiring!", "user_id": "U0009", "team_id": team,
                  "channel_id": "C1", "response_url": response_url, "trigger_id": "1.t"}),
        ("form", {"command": "/report", "text": "", "user_id": "U0009", "team_id": team, "channel_id": "C1",
                  "response_url": response_url, "trigger_id": "1.t"}),
        ("json", envelope),
        ("json", {**envelope, "event": {**event, "type": "app_mention", "channel": "C1", "channel_type": "channel"}}),
        ("json", {**envelope, "event": {"type": "app_home_opened", "user": "U0009", "tab": "home"}}),
        ("json", {"type": "url_verification", "challenge": "abc", "token": "t"}),
        ("payload", {"type": "block_actions", "user": user, "team": {"id": team}, "trigger_id": "1.t",
                     "response_url": response_url, "container": {"type": "message"}, "channel": {"id": "C1"},
                     "actions": [{"action_id": "show_clause", "block_id": "actions:en", "value": "information-protection",
                                  "type": "button", "text": {"type": "plain_text", "text": "x"}}]}),
        ("payload", {"type": "block_actions", "user": user, "team": {"id": team}, "trigger_id": "1.t",
                     "container": {"type": "view"}, "view": view,
                     "actions": [{"action_id": "open_case", "block_id": "notice:en", "value": "SM-2026-0001"}]}),
        ("payload", {"type": "view_submission", "user": user, "team": {"id": team}, "view": view, "response_urls": []}),
        ("payload", {"type": "view_closed", "user": user, "team": {"id": team}, "view": view}),
        ("payload", {"type": "message_action", "user": user, "team": {"id": team}, "callback_id": "review_message",
                     "channel": {"id": "C1"}, "trigger_id": "1.t", "response_url": response_url,
                     "message": {"type": "message", "text": "We are hiring!", "user": "U2", "ts": "1.1"}}),
    ]


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, prefix + (i,))
    return out


def _get(value: Any, path: tuple) -> Any:
    for key in path:
        value = value[key]
    return value


def _mutate(value: Any, path: tuple, new: Any, delete: bool) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    copy = dict(value) if isinstance(value, dict) else list(value)
    if delete and not rest:
        del copy[head]
    elif not rest:
        copy[head] = new
    else:
        copy[head] = _mutate(copy[head], rest, new, delete)
    return copy


def encode(kind: str, fields: Any) -> tuple[bytes, str]:
    from urllib.parse import urlencode

    if kind == "json":
        return json.dumps(fields).encode(), "application/json"
    if kind == "payload":
        return urlencode({"payload": json.dumps(fields)}).encode(), "application/x-www-form-urlencoded"
    return urlencode(fields if isinstance(fields, dict) else {"x": json.dumps(fields)}).encode(), "application/x-www-form-urlencoded"


def malformed(rng, sign, now: int) -> tuple[str, bytes, dict[str, str]]:
    """One malformed request: (what it is, body, headers). `sign(body, ts)` gives valid
    signature headers; many cases are signed, since those reach deeper than the signature."""
    kind, fields = rng.choice(templates())
    body, ctype = encode(kind, fields)
    r = rng.random()
    if r < 0.04:
        return "unsigned", body, {"Content-Type": ctype}
    if r < 0.08:
        return "bad signature", body, {"Content-Type": ctype, "X-Slack-Request-Timestamp": str(now),
                                       "X-Slack-Signature": "v0=" + "%064x" % rng.getrandbits(256)}
    if r < 0.12:
        skew = rng.choice([-100000, -301, 301, 86400])
        return "stale", body, {"Content-Type": ctype, **sign(body, now + skew)}
    if r < 0.20:
        ts = rng.choice(["", "abc", "1e9", "١٢٣٤", " 12", "-5", "9" * 40, "12.5", "0x10", str(now) + "\u00e9"])
        sig = rng.choice(["", "v0=", "v0=\u00fc" + "a" * 63, "v1=" + "a" * 64, "V0=" + "A" * 64, "\u2603", "v0=" + "g" * 64])
        headers = {"Content-Type": ctype, **sign(body, now)}
        if rng.random() < 0.5:
            headers["X-Slack-Request-Timestamp"] = ts
        else:
            headers["X-Slack-Signature"] = sig
        if rng.random() < 0.2:
            headers.pop(rng.choice(["X-Slack-Request-Timestamp", "X-Slack-Signature"]))
        return "malformed headers", body, headers
    if r < 0.21:
        big = b"payload=" + b"A" * (2 * 1024 * 1024)
        return "2 MB", big, {"Content-Type": "application/x-www-form-urlencoded", **sign(big, now)}
    if r < 0.30:
        body = rng.choice([
            b"\xff\xfe\x00garbage", b"{", b"[]", b"null", b"42", b'"x"', b"{}", b"payload=%7B", b"payload=[1]",
            b"payload=null", b"payload=%22x%22", b"=&=&&", b"command", b"a=" + b"&a=" * 2000, b"[" * 100000,
            b'{"type": "event_callback"}', b'{"type": "block_actions", "actions": null}',
            b"payload=" + b"%5B" * 5000, b"ssl_check=1&token=x", b'{"type": "app_rate_limited"}',
        ])
        ctype = rng.choice(["application/json", "application/x-www-form-urlencoded", "text/plain", "", "application/json; charset=latin-1"])
        return "signed garbage", body, {"Content-Type": ctype, **sign(body, now)} if ctype else sign(body, now)
    # A valid request with one value replaced by something of the wrong type, removed, or added.
    if r < 0.45:
        objects = [p for p in _paths(fields) if isinstance(_get(fields, p), dict)]
        path = rng.choice(objects) + (rng.choice(_KEYS),)
        mutated = _mutate(fields, path, rng.choice(_NASTY), delete=False)
    else:
        path = rng.choice(_paths(fields)[1:])
        mutated = _mutate(fields, path, rng.choice(_NASTY), delete=rng.random() < 0.3)
    body, ctype = encode(kind, mutated)
    return f"mutated {kind} at {'.'.join(map(str, path))}", body, {"Content-Type": ctype, **sign(body, now)}
