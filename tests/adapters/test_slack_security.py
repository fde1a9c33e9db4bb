"""The Slack endpoint under hostile or broken input: signatures, headers, sizes, shapes, and
what reaches the logs. Everything goes over real HTTP to the real app (fixtures in conftest.py)."""
from __future__ import annotations

import json
import logging
import random
import time
from urllib.parse import urlencode

import pytest

from bot import logs
from tests.adapters.conftest import SLACK_LEADER
from tests.adapters.test_slack import CASE_ID, button, report
from tests.fakes.slack_api import malformed

REVIEW = urlencode({"command": "/review", "text": "We are hiring!", "user_id": "U1", "team_id": "T0001",
                    "channel_id": "C1", "response_url": "http://127.0.0.1:9/x", "trigger_id": "1.t"}).encode()
FORM = "application/x-www-form-urlencoded"


async def test_valid_signature_is_accepted(slack_world):
    status, _ = await slack_world.slack.post(REVIEW, FORM)
    assert status == 200


@pytest.mark.parametrize("headers", [
    {},
    {"X-Slack-Request-Timestamp": "{now}"},
    {"X-Slack-Signature": "v0=" + "0" * 64},
    {"X-Slack-Request-Timestamp": "{now}", "X-Slack-Signature": "v0=" + "0" * 64},
    {"X-Slack-Request-Timestamp": "{now}", "X-Slack-Signature": ""},
    {"X-Slack-Request-Timestamp": "", "X-Slack-Signature": "v0=" + "0" * 64},
    {"X-Slack-Request-Timestamp": "not-a-number", "X-Slack-Signature": "v0=" + "0" * 64},
    {"X-Slack-Request-Timestamp": "١٢٣٤٥٦٧٨٩٠", "X-Slack-Signature": "v0=" + "0" * 64},  # non-ASCII digits
    {"X-Slack-Request-Timestamp": "1e9", "X-Slack-Signature": "v0=" + "0" * 64},
    {"X-Slack-Request-Timestamp": "9" * 40, "X-Slack-Signature": "v0=" + "0" * 64},
    {"X-Slack-Request-Timestamp": "{now}", "X-Slack-Signature": "v0=ü" + "0" * 63},  # non-ASCII signature
    {"X-Slack-Request-Timestamp": "{now}", "X-Slack-Signature": "☃"},
    {"X-Slack-Request-Timestamp": "{now}", "X-Slack-Signature": "v1=" + "0" * 64},
])
async def test_bad_or_malformed_signature_headers_are_401(slack_world, headers):
    now = str(int(time.time()))
    headers = {k: v.replace("{now}", now) for k, v in headers.items()}
    status, _ = await slack_world.slack.post(REVIEW, FORM, headers=headers, sign=False)
    assert status == 401
    assert len(slack_world.api.calls) == 1  # only the start-up auth.test: nothing was processed


@pytest.mark.parametrize("skew", [-301, 301, -86400])
async def test_stale_signature_is_401(slack_world, skew):
    headers = slack_world.slack.sign(REVIEW, int(time.time()) + skew)
    status, _ = await slack_world.slack.post(REVIEW, FORM, headers=headers, sign=False)
    assert status == 401


async def test_signature_over_another_body_is_401(slack_world):
    headers = slack_world.slack.sign(b"command=%2Freview&text=other")
    status, _ = await slack_world.slack.post(REVIEW, FORM, headers=headers, sign=False)
    assert status == 401


@pytest.mark.parametrize("signed", [True, False])
async def test_bodies_over_1_mb_are_413(slack_world, signed):
    body = b"payload=" + b"A" * (2 * 1024 * 1024)
    status, _ = await slack_world.slack.post(body, FORM, sign=signed)
    assert status == 413


async def test_chunked_body_over_1_mb_is_413(slack_world):
    async def chunks():
        for _ in range(40):
            yield b"A" * 65536

    headers = {"Content-Type": FORM, **slack_world.slack.sign(b"irrelevant")}
    async with slack_world.slack.session.post(slack_world.slack.url, data=chunks(), headers=headers) as response:
        assert response.status == 413


def _payload(obj) -> bytes:
    return urlencode({"payload": obj if isinstance(obj, str) else json.dumps(obj)}).encode()


USER = {"id": "U1", "name": "u"}
MALFORMED = [
    ("application/json", b"{not json"),
    ("application/json", b"[1, 2]"),
    ("application/json", b"null"),
    ("application/json", b"[" * 50000 + b"]" * 50000),
    ("application/json", b"\xff\xfe\xfd"),
    ("application/json", json.dumps({"type": "event_callback", "event_id": "Ev1", "event": "hello"}).encode()),
    ("application/json", json.dumps({"type": "event_callback", "event_id": "Ev1", "event": None}).encode()),
    ("application/json", json.dumps({"type": "event_callback", "event": {"type": "message"}}).encode()),
    ("application/json", json.dumps({"type": "event_callback", "event_id": "Ev1", "event": {"type": "message"},
                                     "authorizations": "x"}).encode()),
    ("application/json", json.dumps({"type": "event_callback", "event_id": "Ev1", "team": 5,
                                     "event": {"type": "message"}}).encode()),
    ("application/json", json.dumps({"type": "mystery"}).encode()),
    (FORM, _payload("not json")),
    (FORM, _payload([1])),
    (FORM, _payload({"type": "block_actions", "user": USER, "actions": None})),
    (FORM, _payload({"type": "block_actions", "user": USER, "actions": []})),
    (FORM, _payload({"type": "block_actions", "user": USER, "actions": [None]})),
    (FORM, _payload({"type": "block_actions", "user": USER, "actions": [{"action_id": 5}]})),
    (FORM, _payload({"type": "block_actions", "actions": [{"action_id": "open_case", "value": "SM-2026-0001"}]})),
    (FORM, _payload({"type": "block_actions", "user": "U1", "actions": [{"action_id": "x"}]})),
    (FORM, _payload({"type": "view_submission", "user": USER, "view": "x"})),
    (FORM, _payload({"type": "view_submission", "user": USER, "view": {"id": "V1", "callback_id": "report",
                                                                         "state": {"values": []}}})),
    (FORM, _payload({"type": "view_submission", "user": USER, "view": {"id": "V1", "callback_id": "report",
                                                                         "state": {"values": {"a": "b"}}}})),
    (FORM, _payload({"type": "message_action", "user": USER, "callback_id": "review_message", "message": "x"})),
    (FORM, _payload({"type": "interactive_message", "callback_id": "x"})),
    (FORM, _payload({"type": "block_suggestion", "action_id": "x", "value": "CANARY"})),
    (FORM, b"command=%2Freview&text=x"),  # no user_id
    (FORM, b"command=%2Freview&user_id=U1&authorizations=x"),
    (FORM, b"just-some-words"),
    # Bolt's own special paths: a legacy workflow-step save, a view without a type.
    (FORM, _payload({"type": "view_submission", "user": USER, "view": {"id": "V1", "callback_id": "report",
                                                                         "type": "workflow_step", "state": {"values": {}}}})),
    (FORM, _payload({"type": "view_submission", "user": USER, "view": {"id": "V1", "callback_id": "report",
                                                                         "state": {"values": {}}}})),
]


@pytest.mark.parametrize("content_type,body", MALFORMED)
async def test_signed_malformed_payloads_are_4xx(slack_world, content_type, body):
    status, _ = await slack_world.slack.post(body, content_type)
    assert 400 <= status < 500


async def test_form_text_containing_the_word_payload_is_still_a_command(slack_world):
    # bolt alone parses any form body containing "payload" as an interactive payload
    status, body = await slack_world.slack.command("/review", "the payload of this post is a recipe")
    assert status == 200 and body["response_type"] == "ephemeral"


async def test_rate_limited_notice_and_url_verification(slack_world):
    status, _ = await slack_world.slack.post(json.dumps({"type": "app_rate_limited", "minute_rate_limited": 1}).encode(),
                                             "application/json")
    assert status == 200
    status, body = await slack_world.slack.post(json.dumps({"type": "url_verification", "challenge": "c-123"}).encode(),
                                                "application/json")
    assert status == 200 and body == {"challenge": "c-123"}


async def test_events_we_do_not_subscribe_to_are_acknowledged_untouched(slack_world):
    # bolt's assistant-thread path raises ValueError on these when they reach a listener
    status, _ = await slack_world.slack.event({"type": "assistant_thread_started", "assistant_thread": {}})
    assert status == 200


async def test_500_malformed_requests_get_no_5xx(slack_world):
    rng = random.Random(20261125)
    statuses: dict[str, set[int]] = {}
    for _ in range(500):
        now = int(time.time())
        what, body, headers = malformed(rng, slack_world.slack.sign, now)
        status, _ = await slack_world.slack.post(body, headers.get("Content-Type", ""), headers=headers, sign=False)
        statuses.setdefault(what.split(" at ")[0], set()).add(status)
        assert status < 500, what
        if what in ("unsigned", "bad signature", "stale", "malformed headers"):
            assert status == 401, what
        if what == "2 MB":
            assert status == 413
    await slack_world.settle()
    assert {"unsigned", "bad signature", "stale", "malformed headers", "signed garbage"} <= set(statuses)


# ---- nothing anyone wrote reaches a log ------------------------------------------------------------


@pytest.fixture
def production_logging(caplog):
    """The log set-up of `policybot serve` (bot/logs.py), at DEBUG for our own loggers."""
    saved = {name: logging.getLogger(name).level for name in [*logs.QUIET, ""]}
    logs.setup("DEBUG")
    caplog.set_level(logging.DEBUG)
    for name, floor in logs.QUIET.items():  # caplog lowered the root; the floors stay as serve sets them
        logging.getLogger(name).setLevel(floor)
    yield caplog
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


async def test_canary_appears_in_no_log_line(slack_world, production_logging):
    canary = "CANARY-5b1d-ceo-leaked-salaries"
    api, slack = slack_world.api, slack_world.slack
    await slack.command("/review", f"{canary} is our next product, at Rimi!")
    await slack.dm(f"Can I post this: {canary}")
    await slack.mention(f"is this fine {canary}")
    await slack.shortcut(f"{canary} Lāči bread is garbage", response_url=api.response_url("s"))
    # A rejected signature, a malformed signed payload and a failing Web API call, all carrying it.
    await slack.post(urlencode({"command": "/review", "text": canary}).encode(), FORM, sign=False)
    await slack.post(_payload({"type": "block_actions", "user": USER, "actions": None, "x": canary}), FORM)
    await slack.post(json.dumps({"type": "event_callback", "event_id": canary, "event": canary}).encode(), "application/json")
    api.fail("chat.postMessage", "channel_not_found")
    await slack.dm(f"second {canary}")
    # The whole report flow, with the canary in the report and in the leader's reply.
    body = await report(slack_world, f"Report {canary}", anonymous=False, user="U0777", link=f"https://x.test/{canary}")
    case_id = CASE_ID.search(json.dumps(body)).group(0)
    await slack_world.settle()
    await slack_world.deliver_notices()
    await slack.click("open_case", case_id, user=SLACK_LEADER)
    (opened,) = [c for c in await api.wait_for("views.open", 2) if c.args["view"]["callback_id"] == "case"]
    view = {**opened.args["view"], "id": "V9", "hash": "h9"}
    reply = button(view, "reply_case")
    await slack.click(reply["action_id"], reply["value"], user=SLACK_LEADER, view=view)
    (pushed,) = await api.wait_for("views.push")
    await slack.submit(pushed.args["view"], {"text": f"reply {canary}"}, user=SLACK_LEADER)
    await slack_world.settle()
    await slack_world.deliver_notices()

    records = production_logging.records
    assert records, "nothing was logged at all: the capture is not working"
    for record in records:
        line = record.getMessage() + (record.exc_text or "") + str(record.exc_info or "")
        assert canary not in line, f"{record.name}: {line[:200]}"
