"""A fake Bot Framework connector (what Teams' serviceUrl serves), on loopback, for tests.

It speaks the part of the Connector REST API the bot uses and records every call:

    POST /v3/conversations                                   create a conversation (a 1:1)
    POST /v3/conversations/{id}/activities                   send to a conversation
    POST /v3/conversations/{id}/activities/{replyToId}       reply to an activity
    PUT  /v3/conversations/{id}/activities/{activityId}      update an activity (replace a card)

`fail` queues failures per operation ("create", "send", "update") as HTTP statuses, e.g.
`connector.fail["send"] = [429]`; a 429 carries `Retry-After: 7`.
"""
from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field
from typing import Any, Callable

from aiohttp import web


@dataclass
class Call:
    op: str  # "create" | "send" | "reply" | "update"
    conversation: str | None
    activity_id: str | None  # replyToId of a reply, id of an update
    body: dict[str, Any]
    authorization: str | None
    id: str = ""  # the id the connector gave the new activity or conversation

    @property
    def text(self) -> str:
        """Everything a person would see: the text and every string inside the cards."""
        out = [str(self.body.get("text") or "")]
        for att in self.body.get("attachments") or []:
            out += list(_strings(att.get("content")))
        return "\n".join(s for s in out if s)

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [a.get("content") for a in self.body.get("attachments") or [] if isinstance(a.get("content"), dict)]

    def actions(self) -> list[dict[str, Any]]:
        """Every action of every card, nested ones included."""
        found: list[dict[str, Any]] = []
        for card in self.cards:
            _collect_actions(card, found)
        return found


class FakeConnector:
    def __init__(self, prefix: str = "/_connector") -> None:
        self.prefix = prefix.rstrip("/")
        self.calls: list[Call] = []
        self.fail: dict[str, list[int]] = {}
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> str:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        p = self.prefix
        app.router.add_post(p + "/v3/conversations", self._create)
        app.router.add_post(p + "/v3/conversations/{conversation}/activities", self._send)
        app.router.add_post(p + "/v3/conversations/{conversation}/activities/{activity}", self._reply)
        app.router.add_put(p + "/v3/conversations/{conversation}/activities/{activity}", self._update)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}{self.prefix}/"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # ---- what tests read -------------------------------------------------------------------------

    def to(self, conversation: str) -> list[Call]:
        """Activities posted (sent, replied or updated) in `conversation`."""
        return [c for c in self.calls if c.conversation == conversation and c.op != "create"]

    def created(self) -> list[Call]:
        return [c for c in self.calls if c.op == "create"]

    async def wait(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            result = predicate()
            if result:
                return result
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError("the fake connector did not receive what was expected in time")
            await asyncio.sleep(0.02)

    # ---- the API ---------------------------------------------------------------------------------

    async def _body(self, request: web.Request) -> dict[str, Any]:
        try:
            body = await request.json()
        except json.JSONDecodeError:
            body = {}
        return body if isinstance(body, dict) else {}

    def _failure(self, op: str) -> web.Response | None:
        queue = self.fail.get(op)
        if queue:
            status = queue.pop(0)
            headers = {"Retry-After": "7"} if status == 429 else {}
            return web.json_response({"error": {"code": "Fake", "message": "fake failure"}}, status=status, headers=headers)
        return None

    async def _create(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        failed = self._failure("create")
        call = Call("create", None, None, body, request.headers.get("Authorization"))
        self.calls.append(call)
        if failed:
            return failed
        call.id = f"a:1fake-personal-{next(self._ids)}"
        return web.json_response({"id": call.id, "activityId": str(next(self._ids)), "serviceUrl": self.url}, status=201)

    async def _send(self, request: web.Request) -> web.Response:
        return await self._record(request, "send", None)

    async def _reply(self, request: web.Request) -> web.Response:
        return await self._record(request, "reply", request.match_info["activity"])

    async def _update(self, request: web.Request) -> web.Response:
        return await self._record(request, "update", request.match_info["activity"])

    async def _record(self, request: web.Request, op: str, activity_id: str | None) -> web.Response:
        body = await self._body(request)
        failed = self._failure("update" if op == "update" else "send")
        call = Call(op, request.match_info["conversation"], activity_id, body, request.headers.get("Authorization"))
        self.calls.append(call)
        if failed:
            return failed
        call.id = activity_id if op == "update" else f"1{next(self._ids):012d}"
        return web.json_response({"id": call.id}, status=200 if op == "update" else 201)


def _strings(node: Any):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("text", "title", "value", "label", "placeholder", "facts", "items", "body", "columns",
                       "actions", "choices", "card", "inlines"):
                yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def _collect_actions(node: Any, found: list[dict[str, Any]]) -> None:
    if isinstance(node, dict):
        if str(node.get("type", "")).startswith("Action."):
            found.append(node)
        for value in node.values():
            _collect_actions(value, found)
    elif isinstance(node, list):
        for item in node:
            _collect_actions(item, found)


# ---- Teams itself: activities as Teams POSTs them to the bot ---------------------------------------

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
TEAM = "19:0f4d0c5d2b8e4a1c9d3e6f7a8b9c0d1e@thread.tacv2"


@dataclass(frozen=True)
class User:
    id: str  # "29:…" as Teams sends `from.id`
    name: str
    aad: str  # Entra object id (`from.aadObjectId`)


ALEX = User("29:1alexWilberXyZ-7c3f", "Alex Wilber", "6f1c2a4e-1111-4d6a-9f1e-0a1b2c3d4e5f")
MEGAN = User("29:1meganBowenAbC-9d2e", "Megan Bowen", "7a2d3b5f-2222-4e7b-8a2f-1b2c3d4e5f60")
LEADER = User("29:1leaderLeeGu-0e1f", "Lee Gu", "8b3e4c6a-3333-4f8c-9b3a-2c3d4e5f6071")


class Teams:
    """Builds activities the way Teams sends them and POSTs them to the bot's /api/messages.
    Ids are opaque: GUIDs, "…;messageid=…" channel threads, a bot id with or without "28:"."""

    def __init__(self, endpoint: str, service_url: str, bot_id: str = "28:9a3f4b2c-5d6e-4f70-8a9b-0c1d2e3f4a5b",
                 bot_name: str = "policybot") -> None:
        self.endpoint = endpoint
        self.service_url = service_url
        self.bot = {"id": bot_id, "name": bot_name}
        self._n = itertools.count(1_700_000_000_000)

    def personal_conversation(self, user: User) -> str:
        return f"a:1{user.aad.replace('-', '')}personal"

    def channel_conversation(self, root: str | None = None) -> str:
        return f"{TEAM};messageid={root or next(self._n)}"

    def _base(self, user: User, conversation: dict[str, Any], locale: str) -> dict[str, Any]:
        return {
            "type": "message",
            "id": str(next(self._n)),
            "timestamp": "2026-11-03T09:15:27.123Z",
            "localTimestamp": "2026-11-03T11:15:27.123+02:00",
            "channelId": "msteams",
            "serviceUrl": self.service_url,
            "from": {"id": user.id, "name": user.name, "aadObjectId": user.aad},
            "conversation": conversation,
            "recipient": dict(self.bot),
            "entities": [{"type": "clientInfo", "locale": locale, "country": "LV", "platform": "Web", "timezone": "Europe/Riga"}],
            "channelData": {"tenant": {"id": TENANT}},
            "locale": locale,
            "localTimezone": "Europe/Riga",
        }

    def personal(self, user: User, text: str | None = None, *, value: dict | None = None,
                 reply_to: str | None = None, locale: str = "en-US") -> dict[str, Any]:
        a = self._base(user, {"conversationType": "personal", "tenantId": TENANT, "id": self.personal_conversation(user)}, locale)
        if text is not None:
            a["text"], a["textFormat"] = text, "plain"
        if value is not None:
            a["value"] = value  # an Action.Submit: value set, no text
        if reply_to:
            a["replyToId"] = reply_to
        return a

    def channel(self, user: User, text: str, *, mention: bool = True, locale: str = "en-US",
                group_chat: bool = False) -> dict[str, Any]:
        if group_chat:
            conversation = {"isGroup": True, "conversationType": "groupChat", "tenantId": TENANT,
                            "id": "19:meeting_group_chat_7f3e@thread.v2"}
        else:
            conversation = {"isGroup": True, "conversationType": "channel", "tenantId": TENANT,
                            "id": self.channel_conversation()}
        a = self._base(user, conversation, locale)
        tag = f"<at>{self.bot['name']}</at>"
        a["text"] = f"{tag} {text}" if mention else text
        a["textFormat"] = "plain"
        if mention:
            a["entities"].append({"type": "mention", "mentioned": dict(self.bot), "text": tag})
        if not group_chat:
            a["channelData"] |= {"teamsChannelId": TEAM, "teamsTeamId": TEAM,
                                 "channel": {"id": TEAM}, "team": {"id": TEAM}}
        return a

    def installed(self, user: User) -> dict[str, Any]:
        a = self._base(user, {"conversationType": "personal", "tenantId": TENANT, "id": self.personal_conversation(user)}, "en-US")
        a.update(type="conversationUpdate", membersAdded=[dict(self.bot)])
        a.pop("entities")
        return a

    async def post(self, session: Any, activity: Any, *, headers: dict[str, str] | None = None,
                   raw: bytes | None = None) -> tuple[int, Any]:
        data = raw if raw is not None else json.dumps(activity).encode()
        hdrs = {"Content-Type": "application/json", **(headers or {})}
        async with session.post(self.endpoint, data=data, headers=hdrs) as resp:
            text = await resp.text()
            try:
                body = json.loads(text) if text else None
            except json.JSONDecodeError:
                body = text
            return resp.status, body
