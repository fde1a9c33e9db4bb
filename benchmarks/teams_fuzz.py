"""Fuzz the Teams endpoint: many kinds of malformed activities, and no 5xx allowed.

    python benchmarks/teams_fuzz.py --self                      # starts its own server (anonymous
                                                                # mode, SQLite in a temp dir) and a
                                                                # fake connector, all on loopback
    python benchmarks/teams_fuzz.py --url http://127.0.0.1:3978/api/messages --count 10000

Against a running server, start it with POLICYBOT_TEAMS_ANONYMOUS=1 (with an app id every
request is a 401, which is also no 5xx but tests little more). The activities' serviceUrl is
`--service-url` (default: a closed loopback port, so replies fail fast and are logged). Loops are
bounded by --count and --max-seconds; only loopback is contacted. Exit status 1 if any response
was a 5xx (or a connection failed), else 0. Prints the count of each status and of each kind.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterator

CANARY = "FUZZ-CANARY-5d1f0c"
JUNK: list[Callable[[random.Random], Any]] = [
    lambda r: None, lambda r: r.randint(-(2**63), 2**63), lambda r: r.random() * 1e308, lambda r: True,
    lambda r: "", lambda r: "x" * r.randint(1, 300), lambda r: [], lambda r: [1, "a", None], lambda r: {},
    lambda r: {"id": 5}, lambda r: {"nested": {"deeper": [{}]}}, lambda r: "\u0000\u202e\ufeff" + CANARY,
    lambda r: "\ud83d" + CANARY, lambda r: "<at>policybot</at>" * r.randint(1, 20), lambda r: float("1e400"),
]
FIELDS = ["type", "id", "timestamp", "localTimestamp", "channelId", "serviceUrl", "from", "conversation",
          "recipient", "textFormat", "attachmentLayout", "membersAdded", "membersRemoved", "locale", "text",
          "attachments", "entities", "channelData", "action", "replyToId", "value", "name", "relatesTo",
          "expiration", "importance", "deliveryMode", "localTimezone", "summary", "suggestedActions",
          "textHighlights", "semanticAction", "valueType", "label", "code", "listenFor", "callerId"]
NESTED = [("from", "id"), ("from", "name"), ("from", "aadObjectId"), ("conversation", "id"),
          ("conversation", "conversationType"), ("conversation", "isGroup"), ("conversation", "tenantId"),
          ("recipient", "id"), ("recipient", "role"), ("channelData", "tenant")]


def template(rng: random.Random, service_url: str) -> dict[str, Any]:
    """A well-formed Teams message, personal or channel, sometimes a card submission."""
    personal = rng.random() < 0.6
    conversation = ({"conversationType": "personal", "tenantId": "t-1", "id": f"a:1{uuid.UUID(int=rng.getrandbits(128)).hex}"}
                    if personal else
                    {"isGroup": True, "conversationType": "channel", "tenantId": "t-1",
                     "id": f"19:abc@thread.tacv2;messageid={rng.getrandbits(40)}"})
    bot = {"id": rng.choice(["28:9a3f4b2c-5d6e-4f70-8a9b-0c1d2e3f4a5b", "9a3f4b2c-5d6e-4f70-8a9b-0c1d2e3f4a5b"]), "name": "policybot"}
    a: dict[str, Any] = {
        "type": "message", "id": str(uuid.UUID(int=rng.getrandbits(128))), "channelId": "msteams",
        "serviceUrl": service_url, "timestamp": "2026-11-03T09:15:27.123Z",
        "from": {"id": f"29:1user{rng.randint(1, 50)}", "name": "Fuzz User", "aadObjectId": str(uuid.UUID(int=rng.getrandbits(128)))},
        "conversation": conversation, "recipient": bot, "locale": rng.choice(["en-US", "lv-LV", "xx", ""]),
        "channelData": {"tenant": {"id": "t-1"}},
        "text": rng.choice(["help", "policy", f"review {CANARY} our client", f"Can I post {CANARY}?", "report",
                            "report status SM-2026-0001", "hi"]),
    }
    if not personal:
        a["text"] = "<at>policybot</at> " + a["text"]
        a["entities"] = [{"type": "mention", "mentioned": bot, "text": "<at>policybot</at>"}]
    return a


def mutate(rng: random.Random, a: dict[str, Any]) -> tuple[str, dict[str, Any] | list | Any]:
    kind = rng.choice(["field-type", "nested-type", "missing", "value-junk", "entities", "attachments",
                       "huge-text", "deep-value", "invoke", "event-types", "members", "service-url",
                       "product-info", "ids", "form-submit"])
    if kind == "field-type":
        a[rng.choice(FIELDS)] = rng.choice(JUNK)(rng)
    elif kind == "nested-type":
        outer, inner = rng.choice(NESTED)
        if not isinstance(a.get(outer), dict):
            a[outer] = {}
        a[outer][inner] = rng.choice(JUNK)(rng)
    elif kind == "missing":
        for key in rng.sample(sorted(a), rng.randint(1, 4)):
            a.pop(key, None)
    elif kind == "value-junk":
        a.pop("text", None)
        a["value"] = rng.choice(JUNK)(rng)
    elif kind == "entities":
        a["entities"] = rng.choice([
            [{"type": "mention"}], [{"type": "mention", "mentioned": "bot", "text": 5}], [None], [[]],
            [{"type": rng.choice(JUNK)(rng)}], [{"type": "clientInfo", "locale": 7}],
            [{"type": "mention", "mentioned": {"id": None}, "text": "<at>x</at>"}] * rng.randint(1, 500),
        ])
    elif kind == "attachments":
        a["attachments"] = rng.choice([[{"contentType": 5}], [None], "x", [{"content": {"a": [1] * 100}}], [{}] * 300])
    elif kind == "huge-text":
        a["text"] = (CANARY + " ") * rng.randint(1_000, 60_000)
    elif kind == "deep-value":
        depth = rng.randint(50, 5_000)
        a.pop("text", None)
        a["value"] = json.loads("[" * depth + "]" * depth) if depth < 900 else {"form": "report", "text": "[" * depth}
    elif kind == "invoke":
        a.update(type="invoke", name=rng.choice(["task/fetch", "task/submit", "adaptiveCard/action", "signin/verifyState",
                                                 "composeExtension/query", "", "x" * 500, None]),
                 value=rng.choice([None, {}, {"action": rng.choice(JUNK)(rng)}, {"action": {"verb": rng.choice(JUNK)(rng), "data": rng.choice(JUNK)(rng)}}, "x"]))
    elif kind == "event-types":
        a["type"] = rng.choice(["conversationUpdate", "installationUpdate", "messageReaction", "typing", "event",
                                "endOfConversation", "messageUpdate", "messageDelete", "trace", "handoff",
                                "unknownType", "MESSAGE", " message"])
    elif kind == "members":
        a.update(type="conversationUpdate", membersAdded=rng.choice([[None], [{"id": None}], "x", [{"id": 5}], [{}] * 100]))
    elif kind == "service-url":
        a["serviceUrl"] = rng.choice(["", "::::", "ftp://127.0.0.1/", "http://[::1", "https://smba.trafficmanager.net/emea/",
                                      "http://169.254.169.254/latest/", "http://localhost:0/", "javascript:alert(1)",
                                      "http://" + "a" * 300 + ".localhost/"])
    elif kind == "product-info":
        a["channelId"] = "msteams:COPILOT"
        a["entities"] = [{"type": "ProductInfo", "id": "other-product"}]
    elif kind == "ids":
        a["id"] = rng.choice(["", " ", "1:abc;messageid=" + "9" * 200, "\u0000", "x" * 5000])
        a["conversation"]["id"] = rng.choice(["", "../../etc", "19:x@thread.tacv2;messageid=1/../../", "%2F%2F", "a" * 3000])
    elif kind == "form-submit":
        a.pop("text", None)
        a["replyToId"] = rng.choice(["1", None, 5])
        a["value"] = rng.choice([
            {"form": rng.choice(["report", "case_reply", "case_close", "x", 5]), "context": rng.choice(JUNK)(rng),
             "category": rng.choice(JUNK)(rng), "text": rng.choice(JUNK)(rng), "anonymous": rng.choice(JUNK)(rng)},
            {"action": rng.choice(["open_case", "ack_case", "show_clause", "wrong_verdict", "nope", 7]),
             "value": rng.choice(JUNK)(rng)},
        ])
    return kind, a


def cases(seed: int, service_url: str, count: int) -> Iterator[tuple[str, bytes, dict[str, str]]]:
    """`count` malformed requests: (kind, body, headers). Deterministic for a seed."""
    rng = random.Random(seed)
    for _ in range(count):
        roll = rng.random()
        headers = {"Content-Type": "application/json"}
        if roll < 0.08:
            body = rng.choice([b"", b"{", b"not json", b"\xff\xfe\x00", b"[" * 200_000, b'{"type": "message",',
                               bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 2000)))])
            yield "not-json", body, headers
        elif roll < 0.13:
            yield "json-not-object", json.dumps(rng.choice([[], [template(rng, service_url)], "message", 5, None, True])).encode(), headers
        elif roll < 0.16:
            headers = {"Content-Type": rng.choice(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""])}
            yield "content-type", json.dumps(template(rng, service_url)).encode(), headers
        else:
            kind, activity = mutate(rng, template(rng, service_url))
            try:
                body = json.dumps(activity, allow_nan=True).encode("utf-8", "surrogatepass")
            except (ValueError, RecursionError):
                body = b'{"type": "message"}'
            yield kind, body, headers


async def fuzz(url: str, service_url: str, count: int, seed: int, concurrency: int, max_seconds: float) -> dict[str, Any]:
    from aiohttp import ClientSession, ClientTimeout

    statuses: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    server_errors: list[tuple[str, int]] = []
    queue = iter(cases(seed, service_url, count))
    deadline = time.monotonic() + max_seconds
    started = time.monotonic()

    async with ClientSession(timeout=ClientTimeout(total=30)) as session:
        async def worker() -> None:
            for kind, body, headers in queue:
                if time.monotonic() > deadline:
                    return
                by_kind[kind] += 1
                try:
                    async with session.post(url, data=body, headers=headers) as resp:
                        await resp.read()
                        statuses[str(resp.status)] += 1
                        if resp.status >= 500:
                            server_errors.append((kind, resp.status))
                except Exception as exc:  # a dropped connection is as bad as a 5xx
                    statuses[f"error:{type(exc).__name__}"] += 1
                    server_errors.append((kind, -1))

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    sent = sum(statuses.values())
    return {"sent": sent, "seconds": round(time.monotonic() - started, 1), "statuses": dict(sorted(statuses.items())),
            "kinds": dict(sorted(by_kind.items())), "server_errors": len(server_errors),
            "first_errors": server_errors[:10]}


async def self_hosted(args: argparse.Namespace) -> dict[str, Any]:
    """Start the real app (anonymous mode, SQLite in a temp dir) and a fake connector, then fuzz."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from aiohttp.test_utils import TestServer

    from bot import logs
    from bot.server import adapters_for, build_app
    from bot.services import Services
    from bot.settings import Settings
    from tests.fakes.teams_connector import FakeConnector

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env({"POLICYBOT_DATA_DIR": tmp, "DATABASE_URL": f"sqlite:///{tmp}/bot.db",
                                      "POLICYBOT_TEAMS_ANONYMOUS": "1", "POLICYBOT_TEAMS_LEADERS": "29:1leader",
                                      "LOG_LEVEL": "CRITICAL"})
        logs.setup("CRITICAL")
        services = Services.build(settings)
        connector = FakeConnector()
        service_url = await connector.start()
        server = TestServer(build_app(services, adapters_for(services)), host="127.0.0.1")
        await server.start_server()
        try:
            return await fuzz(str(server.make_url("/api/messages")), service_url, args.count, args.seed,
                              args.concurrency, args.max_seconds)
        finally:
            await server.close()
            await connector.stop()
            services.store.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default="http://127.0.0.1:3978/api/messages", help="the running server's /api/messages")
    p.add_argument("--self", action="store_true", help="start the server and a fake connector in this process")
    p.add_argument("--service-url", default="http://127.0.0.1:9/_connector/", help="serviceUrl put in the activities")
    p.add_argument("--count", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=20261103)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--max-seconds", type=float, default=900)
    args = p.parse_args(argv)
    if args.self:
        result = asyncio.run(self_hosted(args))
    else:
        result = asyncio.run(fuzz(args.url, args.service_url, args.count, args.seed, args.concurrency, args.max_seconds))
    print(json.dumps(result, indent=2))
    return 1 if result["server_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
