"""The Slack adapter's pure parts: the request guard, the Block Kit renderers, and the notifier
against the fake Web API. Limits are checked with the same validator the fake Slack applies."""
from __future__ import annotations

import json
import time
from datetime import datetime, timezone

import pytest

from bot.adapters import slack_blocks as kit
from bot.adapters.slack_guard import BadRequest, Signature, check, parse
from bot.adapters.slack_notifier import SlackDeliveryError, SlackNotifier, web_client
from bot.escalation.notifiers import Notice, RetryAfter
from bot.texts import t
from bot.messages import Button, CaseCard, Field, Form, Option, Reply
from bot.settings import SlackSettings
from policy.engine import Engine
from policy.model import Finding, Review
from tests.fakes.slack_api import FakeSlack, message_problem, view_problem


@pytest.fixture(scope="module")
def policy():
    return Engine.load().policy


# ---- signature ------------------------------------------------------------------------------------

NOW = 1_700_000_000


def signed(body: bytes, ts: int = NOW, secret: str = "s3cret") -> dict[str, str]:
    return Signature(secret, clock=lambda: ts).sign(body)


@pytest.mark.parametrize("headers,ok", [
    (signed(b"x"), True),
    (signed(b"x", NOW - 300), True),
    (signed(b"x", NOW - 301), False),
    (signed(b"x", NOW + 301), False),
    (signed(b"x", secret="other"), False),
    ({}, False),
    ({"X-Slack-Request-Timestamp": str(NOW)}, False),
    ({**signed(b"x"), "X-Slack-Request-Timestamp": "abc"}, False),
    ({**signed(b"x"), "X-Slack-Request-Timestamp": "١٧٠٠٠٠٠٠٠٠"}, False),
    ({**signed(b"x"), "X-Slack-Signature": "v0=é"}, False),
    ({**signed(b"x"), "X-Slack-Signature": "v0=\udcff"}, False),
    ({**signed(b"x"), "X-Slack-Signature": signed(b"x")["X-Slack-Signature"].upper()}, False),
])
def test_signature_verify_never_raises(headers, ok):
    assert Signature("s3cret", clock=lambda: NOW).verify(headers, b"x") is ok


# ---- parse and check --------------------------------------------------------------------------------


def test_parse_kinds():
    assert parse(b'{"type": "event_callback"}', "application/json") == {"type": "event_callback"}
    assert parse(b"command=%2Freview&text=the+payload+is+fine", "application/x-www-form-urlencoded") == {
        "command": "/review", "text": "the payload is fine"}
    assert parse(b"payload=%7B%22type%22%3A%22x%22%7D", None) == {"type": "x"}
    assert parse(b"[1]", "application/x-www-form-urlencoded") == {"[1]": ""}  # a form; check() refuses it
    for body in (b"\xff", b"payload=1", b"payload=%7B", b"{", b"payload=%5B%5D"):
        with pytest.raises(BadRequest):
            parse(body, "application/x-www-form-urlencoded")


@pytest.mark.parametrize("payload,kind", [
    ({"command": "/review", "user_id": "U1", "text": ""}, "command"),
    ({"ssl_check": "1", "token": "x"}, "ssl_check"),
    ({"type": "url_verification", "challenge": "c"}, "url_verification"),
    ({"type": "event_callback", "event_id": "E", "event": {"type": "message"}}, "event"),
    ({"type": "block_actions", "user": {"id": "U"}, "actions": [{"action_id": "a", "text": {"type": "plain_text"}}]},
     "block_actions"),
    ({"type": "view_submission", "user": {"id": "U"},
      "view": {"id": "V", "type": "modal", "callback_id": "c", "state": {"values": {}}}}, "view_submission"),
    ({"type": "event_callback", "event_id": "E", "event": {"type": "assistant_thread_started"}}, "other_event"),
    ({"type": "message_action", "user": {"id": "U"}, "callback_id": "c", "message": {"text": "x"}}, "message_action"),
])
def test_check_accepts_what_slack_sends(payload, kind):
    assert check(payload) == kind


@pytest.mark.parametrize("payload", [
    {"text": "no command"},
    {"command": "/review"},
    {"command": "/review", "user_id": "U1", "authorizations": "x"},
    {"type": "event_callback", "event_id": "E", "event": {"type": 5}},
    {"type": "event_callback", "event_id": "E", "event": {"type": "message", "user": {"id": 5}}},
    {"type": "event_callback", "event_id": "E", "event": {"type": "message", "message": []}},
    {"type": "event_callback", "event_id": "E", "event": {"type": "message"}, "enterprise": 1},
    {"type": "event_callback", "event_id": "E", "event": {"type": "message"}, "authorizations": [1]},
    {"type": "block_actions", "user": {"id": "U"}, "actions": None},
    {"type": "block_actions", "user": {"id": "U"}, "actions": [{"action_id": "a", "value": 5}]},
    {"type": "block_actions", "user": {"id": "U"}, "actions": [{"action_id": "a"}], "view": {"id": 5}},
    {"type": "block_actions", "user": {"id": "U"}, "actions": [{"action_id": "a"}], "response_urls": {}},
    {"type": "view_submission", "user": {"id": "U"}, "view": []},
    {"type": "view_submission", "user": {"id": "U"}, "view": {"id": "V", "callback_id": "c", "state": {"values": [1]}}},
    {"type": "dialog_submission", "callback_id": "x"},
    {"type": "view_submission", "user": {"id": "U"}, "view": {"id": "V", "callback_id": "c", "state": {"values": {}}}},
    {"type": "view_submission", "user": {"id": "U"},
     "view": {"id": "V", "type": "workflow_step", "callback_id": "c", "state": {"values": {}}}},
])
def test_check_refuses_malformed_shapes(payload):
    with pytest.raises(BadRequest):
        check(payload)


# ---- renderers --------------------------------------------------------------------------------------


def finding(i: int, clause: str = "information-protection") -> Finding:
    return Finding(clause, "r", "high", 0, 5, f"words <{i}> & more", "because " * 20, "fix it " * 20)


def test_clean_verdict_carries_no_other_verdict_word():
    review = Review("ok", "1.0.0", "en", ())
    # The router labels a clean verdict's feedback button this way (tests/bot/test_router.py).
    reply = Reply("✅ OK — looks good, no issues found.", review=review,
                  buttons=(Button(t("missed", "en"), "wrong_verdict", "ok|1.0.0"),))
    body = kit.message(reply)
    texts = [body["text"]] + [b["text"]["text"] for b in body["blocks"] if "text" in b]
    texts += [e["text"]["text"] for b in body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    text = "\n".join(texts).lower()
    assert "looks good" in text and "no issues" in text
    assert not any(word in text for word in ("revise", "do not post", "wrong", "violat"))


def test_many_findings_stay_within_slack_limits(policy):
    review = Review("do_not_post", "1.0.0", "en", tuple(finding(i) for i in range(60)))
    buttons = tuple(Button(f"Show clause: {'x' * 100}", "show_clause", c.id) for c in policy.clauses) + (
        Button("This verdict is wrong", "wrong_verdict", "x" * 5000),)
    body = kit.message(Reply("⛔ Do not post this.", review=review, buttons=buttons))
    assert message_problem(body["blocks"]) is None
    assert "&lt;0&gt; &amp; more" in json.dumps(body)  # mrkdwn escaped
    ids = [e["action_id"] for b in body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert ids[:2] == ["show_clause", "show_clause#2"] and {kit.action_name(i) for i in ids} == {"show_clause", "wrong_verdict"}


def test_the_report_form_as_a_modal_and_back():
    form = Form("report", "Report a problem", (
        Field("category", "What is it about?", "select", True, (Option("c1", "Clause one"), Option("other", "Other"))),
        Field("text", "What happened?", "long_text", True, max_length=4000, hint="Only leadership reads this."),
        Field("link", "Link", "url"),
        Field("anonymous", "Keep me anonymous", "checkbox"),
    ), "Send privately", context="ctx")
    view = kit.modal(form, "lv")
    assert view_problem(view) is None
    elements = {b["block_id"]: b["element"] for b in view["blocks"]}
    assert elements["text"]["max_length"] == 3000 and elements["text"]["multiline"] is True
    assert elements["anonymous"]["options"][0]["text"]["text"] == "Keep me anonymous"
    assert {b["block_id"]: b["optional"] for b in view["blocks"]} == {
        "category": False, "text": False, "link": True, "anonymous": True}
    assert kit.read_metadata(view["private_metadata"]) == ("ctx", "lv")
    state = {"values": {
        "category": {"category": {"type": "static_select", "selected_option": {"value": "c1"}}},
        "text": {"text": {"type": "plain_text_input", "value": "hello"}},
        "link": {"link": {"type": "url_text_input", "value": None}},
        "anonymous": {"anonymous": {"type": "checkboxes", "selected_options": [{"value": "yes"}]}},
        "junk": "not a block", "junk2": {"x": {"type": "static_select", "selected_option": "nope"}},
    }}
    assert kit.form_values({"state": state}) == {"category": "c1", "text": "hello", "link": "", "anonymous": True, "x": ""}
    assert kit.errors(Form("report", "t", form.fields, "s", errors={"text": "Required", "nonsense": "Bad"})) == {
        "text": "Required", "category": "Bad"}


def test_long_modal_titles_are_cut_at_the_dot():
    form = Form("case_reply", "Atbilde ziņotājam · SM-2026-0042", (Field("text", "Jūsu atbilde", "long_text", True),),
                "Atbilde ziņotājam", context="SM-2026-0042")
    view = kit.modal(form, "lv")
    assert view_problem(view) is None and view["title"]["text"] == "Atbilde ziņotājam"
    assert "SM-2026-0042" in json.dumps(view, ensure_ascii=False)


def test_case_modal_shows_the_report_as_plain_text_within_limits():
    card = CaseCard("SM-2026-0042", "other", "new", "2026-11-25T08:00:00+00:00", "U1", text="<!channel> " + "a" * 3990,
                    link="https://x.test", messages=tuple(("leadership", "2026-11-25", f"m{i}") for i in range(80)))
    view = kit.case_modal(card, (Button("Acknowledge", "ack_case", card.case_id, "primary"),), "en")
    assert view_problem(view) is None
    texts = [b["text"] for b in view["blocks"] if b["type"] == "section"]
    assert any(t["type"] == "plain_text" and t["text"].startswith("<!channel>") for t in texts)
    assert view["blocks"][-1]["elements"][0]["action_id"] == "ack_case"


def test_home_lists_every_clause(policy):
    view = kit.home(policy, "lv")
    assert view_problem(view) is None
    text = json.dumps(view, ensure_ascii=False)
    assert policy.version in text and all(c.id in text for c in policy.clauses) and "/report" in text


def test_notices_carry_the_case_id_and_a_non_link_button():
    body = kit.notice_message("new_case", "SM-2026-0042", "other", "2026-11-25 08:00 UTC")
    assert "SM-2026-0042" in body["text"] and message_problem(body["blocks"]) is None
    (element,) = body["blocks"][-1]["elements"]
    assert element["action_id"] == "open_case" and element["value"] == "SM-2026-0042" and "url" not in element
    reply = kit.notice_message("reply", "SM-2026-0042", "other", "x")
    assert all(b["type"] != "actions" for b in reply["blocks"]) and "/report status SM-2026-0042" in reply["blocks"][0]["text"]["text"]


# ---- the notifier against the fake Web API ---------------------------------------------------------------


def notice(kind: str = "new_case", recipient: str = "ULEAD") -> Notice:
    return Notice(kind, "SM-2026-0007", "other", datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc), "slack", recipient)  # type: ignore[arg-type]


@pytest.fixture
async def api():
    async with FakeSlack() as fake:
        yield fake


def client(api: FakeSlack):
    return web_client(SlackSettings("xoxb-t", "s", None, api.api_url, frozenset({"ULEAD"})))


async def test_notifier_sends_a_1to1_dm_and_remembers_the_channel(api):
    notifier = SlackNotifier(client(api))
    await notifier.send(notice())
    await notifier.send(notice("reminder_unacknowledged"))
    assert [c.args["users"] for c in api.to("conversations.open")] == ["ULEAD"]
    first, second = api.to("chat.postMessage")
    assert first.args["channel"] == "DULEAD" and "SM-2026-0007" in first.args["text"]
    assert "not acknowledged" in second.args["text"]


async def test_notifier_short_429_is_retried_by_the_client(api):
    api.rate_limit("chat.postMessage", times=1, retry_after=0)
    await SlackNotifier(client(api)).send(notice())
    assert len(api.to("chat.postMessage")) == 2


async def test_notifier_long_429_goes_back_to_the_outbox(api):
    api.rate_limit("chat.postMessage", times=1, retry_after=30)
    started = time.monotonic()
    with pytest.raises(RetryAfter) as raised:
        await SlackNotifier(client(api)).send(notice())
    assert raised.value.seconds == 30 and time.monotonic() - started < 5


async def test_notifier_refusal_names_only_the_method_and_error(api):
    api.fail("chat.postMessage", "channel_not_found")
    with pytest.raises(SlackDeliveryError, match=r"^chat\.postMessage: channel_not_found$"):
        await SlackNotifier(client(api)).send(notice())


# ---- the manifests --------------------------------------------------------------------------------------


def test_manifests_declare_exactly_what_the_app_uses():
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[2] / "deploy" / "slack"
    http, socket = (yaml.safe_load((root / name).read_text()) for name in ("manifest.yaml", "manifest.socket.yaml"))
    for manifest in (http, socket):
        features, settings = manifest["features"], manifest["settings"]
        assert {c["command"] for c in features["slash_commands"]} == {"/review", "/report"}
        assert all(c["usage_hint"] for c in features["slash_commands"])
        (shortcut,) = features["shortcuts"]
        assert shortcut["type"] == "message" and shortcut["name"] == "Review with the policy bot"
        assert features["app_home"] == {"home_tab_enabled": True, "messages_tab_enabled": True,
                                        "messages_tab_read_only_enabled": False}
        assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
            "commands", "chat:write", "app_mentions:read", "im:history", "im:write", "users:read"}
        assert set(settings["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im", "app_home_opened"}
        assert settings["interactivity"]["is_enabled"] is True
        assert len(manifest["display_information"]["long_description"]) >= 175
    assert http["settings"]["socket_mode_enabled"] is False and socket["settings"]["socket_mode_enabled"] is True
    assert http["settings"]["interactivity"]["request_url"] == "https://YOUR-HOST/slack/events"
    assert http["settings"]["event_subscriptions"]["request_url"] == "https://YOUR-HOST/slack/events"
    assert "YOUR-HOST" not in (root / "manifest.socket.yaml").read_text().split("\n", 3)[-1]
    assert "request_url" not in json.dumps(socket) and '"url"' not in json.dumps(socket)
