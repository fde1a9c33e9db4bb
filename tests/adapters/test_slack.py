"""The Slack app over real HTTP, as Slack drives it: `bot.server.build_app` with real `Services`
(SQLite in tmp_path), signed requests on loopback, and a fake Slack Web API + response_url
endpoint recording everything the app sends (fixtures in conftest.py)."""
from __future__ import annotations

import json
import re

from tests.adapters.conftest import SLACK_LEADER

CASE_ID = re.compile(r"\b[A-Z]{2}-\d{4}-\d{3,}\b")
CLEAN_EN = "We are hiring a baker! Come and bake with us."
CLEAN_LV = "Meklējam maiznieku! Nāc cept kopā ar mums."
BAD_EN = "Projekts Rudzi starts next month at Rimi, and Lāči bread is garbage! Write to janis.berzins@gmail.com"
BAD_LV = "Projekts Rudzi sāksies nākammēnes Rimi veikalos, un Lāči maize ir mēsli! Rakstiet janis.berzins@gmail.com"
VERDICT_WORDS = ("revise", "do not post", "nepublicējiet", "labojiet", "violat", "⛔", "✏️")


def everything(body) -> str:
    return json.dumps(body, ensure_ascii=False)


def visible(body: dict) -> str:
    """The text a person sees in a message body: its blocks' texts (and the fallback text)."""
    out = [body.get("text", "")]
    for block in body.get("blocks", []):
        if isinstance(block.get("text"), dict):
            out.append(block["text"]["text"])
        for element in block.get("elements", []):
            out.append(element.get("text", {}).get("text", "") if isinstance(element.get("text"), dict) else element.get("text", ""))
    return "\n".join(out)


def button(body: dict, action: str) -> dict:
    for block in body.get("blocks", []):
        for element in block.get("elements", []):
            if element.get("type") == "button" and element["action_id"].split("#")[0] == action:
                return {**element, "block_id": block.get("block_id", "")}
    raise AssertionError(f"no {action} button in {everything(body)[:500]}")


# ---- /review ------------------------------------------------------------------------------------


async def test_review_clean_in_the_ack_body(slack_world):
    status, body = await slack_world.slack.command("/review", CLEAN_EN)
    assert status == 200 and body["response_type"] == "ephemeral"
    text = visible(body).lower()
    assert body["blocks"][0]["text"]["text"].lower().startswith("*✅ ok — looks good, no issues")
    assert not any(word in text for word in VERDICT_WORDS)
    await slack_world.settle()
    assert not slack_world.api.to("chat.postMessage") and not slack_world.api.responses


async def test_review_clean_latvian(slack_world):
    status, body = await slack_world.slack.command("/review", CLEAN_LV)
    assert status == 200
    assert "izskatās labi" in visible(body) and not any(w in visible(body).lower() for w in VERDICT_WORDS)


async def test_review_violation_english_verdict_first_then_findings(slack_world):
    status, body = await slack_world.slack.command("/review", BAD_EN)
    assert status == 200 and body["response_type"] == "ephemeral"
    blocks = body["blocks"]
    assert "do not post" in blocks[0]["text"]["text"].lower()
    findings = visible({"blocks": blocks[1:]})
    for expected in ("Projekts Rudzi", "information-protection", "appropriate-content", "v1.0.0", "Why:", "Fix:"):
        assert expected in findings
    assert button(body, "show_clause")["value"] in ("information-protection", "appropriate-content")
    wrong = button(body, "wrong_verdict")
    assert wrong["text"]["text"] == "This verdict is wrong"
    ids = [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert len(ids) == len(set(ids))


async def test_review_violation_latvian(slack_world):
    status, body = await slack_world.slack.command("/review", BAD_LV)
    assert status == 200
    text = visible(body)
    assert "Nepublicējiet" in text and "Kāpēc:" in text and "information-protection" in text
    assert button(body, "show_clause")["block_id"].endswith(":lv")


async def test_review_without_text_explains_usage(slack_world):
    status, body = await slack_world.slack.command("/review", "")
    assert status == 200 and "/review" in visible(body)


async def test_slow_command_answer_goes_via_response_url(slack_world, monkeypatch):
    import bot.adapters.slack

    # No budget: an answer that needs the database (a thread) is no longer ready in-line.
    monkeypatch.setattr(bot.adapters.slack, "ACK_BUDGET", 0.0)
    api = slack_world.api
    status, body = await slack_world.slack.command("/report", "status SM-2026-0999", response_url=api.response_url("slow"))
    assert status == 200 and not body
    await api.wait(lambda s: s.responses)
    assert api.responses[0].body["response_type"] == "ephemeral" and "SM-2026-0999" in api.responses[0].body["text"]


async def test_show_clause_and_wrong_verdict_buttons_answer_via_response_url(slack_world):
    api, slack = slack_world.api, slack_world.slack
    _, body = await slack.command("/review", BAD_EN)
    show, wrong = button(body, "show_clause"), button(body, "wrong_verdict")
    status, _ = await slack.click(show["action_id"], show["value"], block_id=show["block_id"], response_url=api.response_url("show"))
    assert status == 200
    status, _ = await slack.click(wrong["action_id"], wrong["value"], block_id=wrong["block_id"], response_url=api.response_url("wrong"))
    assert status == 200
    await slack_world.settle()
    answers = {r.name: r.body for r in api.responses}
    assert show["value"] in answers["show"]["text"] and answers["show"]["response_type"] == "ephemeral"
    assert "noted" in answers["wrong"]["text"].lower()
    from bot.platform_state import feedback_counts

    assert feedback_counts(slack_world.services.store)


# ---- the message shortcut, DMs, mentions, App Home ---------------------------------------------------


async def test_message_shortcut_answers_the_clicker_via_response_url(slack_world):
    api = slack_world.api
    url = api.response_url("shortcut-7") + "?token=a%2Fb"  # used exactly as given
    status, body = await slack_world.slack.shortcut(BAD_EN, response_url=url)
    assert status == 200 and not body
    await api.wait(lambda s: s.responses)
    (answer,) = api.responses
    assert answer.name == "shortcut-7" and answer.body["response_type"] == "ephemeral"
    assert answer.raw_path == "/respond/shortcut-7?token=a%2Fb"
    assert "do not post" in answer.body["blocks"][0]["text"]["text"].lower()
    assert not api.to("chat.postMessage")


async def test_direct_message_question_is_answered_in_the_dm(slack_world):
    api = slack_world.api
    status, _ = await slack_world.slack.dm("Can I post a photo of a client's shop?", user="U0042")
    assert status == 200
    (post,) = await api.wait_for("chat.postMessage")
    assert post.args["channel"] == "DU0042"
    assert "employee-responsibility" in everything(post.args) or "version 1.0.0" in post.args["text"]


async def test_mention_is_answered_to_the_asker_only(slack_world):
    api = slack_world.api
    status, _ = await slack_world.slack.mention(f"can I post this: {BAD_EN}", user="U0007", channel="C0999")
    assert status == 200
    (ephemeral,) = await api.wait_for("chat.postEphemeral")
    assert ephemeral.args["channel"] == "C0999" and ephemeral.args["user"] == "U0007"
    assert "<@UBOT>" not in ephemeral.args["text"]
    await slack_world.settle()
    assert not api.to("chat.postMessage")


async def test_the_bots_own_messages_and_edits_are_not_answered(slack_world):
    slack = slack_world.slack
    event = {"type": "message", "user": "UBOT", "bot_id": "BBOT", "text": "hello", "ts": "1.1", "channel": "DU1",
             "channel_type": "im"}
    assert (await slack.event(event))[0] == 200
    edit = {"type": "message", "subtype": "message_changed", "channel": "DU1", "channel_type": "im", "ts": "1.2",
            "message": {"user": "U1", "text": "x", "ts": "1.0"}, "previous_message": {"user": "U1", "text": "y"}}
    assert (await slack.event(edit))[0] == 200
    await slack_world.settle()
    assert not slack_world.api.to("chat.postMessage")


async def test_retried_event_is_answered_once(slack_world):
    api, slack = slack_world.api, slack_world.slack
    assert (await slack.dm("hello", event_id="Ev0RETRY"))[0] == 200
    await slack_world.settle()
    assert (await slack.dm("hello", event_id="Ev0RETRY", retry=1))[0] == 200
    await slack_world.settle()
    assert len(api.to("chat.postMessage")) == 1


async def test_retry_of_an_event_never_recorded_is_processed(slack_world):
    status, _ = await slack_world.slack.dm("hello", event_id="Ev0FIRSTLOST", retry=2)
    assert status == 200
    await slack_world.api.wait_for("chat.postMessage")


async def test_unknown_event_types_are_acknowledged(slack_world):
    status, _ = await slack_world.slack.event({"type": "reaction_added", "user": "U1", "item": {"channel": "C1"}})
    assert status == 200


async def test_app_home_lists_the_policy_and_how_to_report(slack_world):
    api = slack_world.api
    event = {"type": "app_home_opened", "user": "U0003", "channel": "DU0003", "tab": "home", "event_ts": "1.0"}
    assert (await slack_world.slack.event(event))[0] == 200
    (publish,) = await api.wait_for("views.publish")
    view = publish.args["view"]
    assert publish.args["user_id"] == "U0003" and view["type"] == "home"
    text = everything(view)
    policy = slack_world.services.engine.policy
    assert policy.version in text and all(c.id in text for c in policy.clauses) and "/report" in text
    assert button(view, "report")


async def test_locale_hint_answers_a_bare_command_in_latvian(slack_world):
    slack_world.api.locales["ULV"] = "lv-LV"
    _, body = await slack_world.slack.command("/review", "", user="ULV")
    assert "melnrakst" in visible(body)


# ---- /report and the leader's side -----------------------------------------------------------------


async def report(world, text: str, *, anonymous: bool, user: str = "U0100", link: str = ""):
    """/report -> the modal -> submitted; returns the ack body of the submission."""
    api, slack = world.api, world.slack
    status, body = await slack.command("/report", "", user=user)
    assert status == 200 and not body
    (opened,) = (await api.wait_for("views.open"))[-1:]
    view = opened.args["view"]
    assert opened.args["trigger_id"].endswith(".trigger")
    kinds = {b["element"]["type"] for b in view["blocks"] if b["type"] == "input"}
    assert kinds == {"static_select", "plain_text_input", "url_text_input", "checkboxes"}
    category = next(b for b in view["blocks"] if b["block_id"] == "category")["element"]["options"][0]["value"]
    status, body = await slack.submit(view, {"category": category, "text": text, "link": link, "anonymous": anonymous},
                                      user=user)
    assert status == 200
    return body


async def test_report_flow_named_reporter_leader_opens_replies(slack_world):
    api, slack = slack_world.api, slack_world.slack
    secret = "The shift manager posted a customer's photo without asking."
    body = await report(slack_world, secret, anonymous=False, user="U0100")
    assert body["response_action"] == "update"
    case_id = CASE_ID.search(everything(body["view"])).group(0)

    assert await slack_world.deliver_notices() == 1
    (opened_dm,) = api.to("conversations.open")
    assert opened_dm.args["users"] == SLACK_LEADER  # a 1:1 DM, not a group
    (notice,) = api.to("chat.postMessage")
    assert notice.args["channel"] == "D" + SLACK_LEADER and case_id in notice.args["text"]
    assert secret not in everything(notice.args)
    open_button = button(notice.args, "open_case")
    assert open_button["value"] == case_id and "url" not in open_button

    # A non-leader with the same click: 200 and nothing.
    calls_before = len(api.calls)
    status, _ = await slack.click("open_case", case_id, user="U0666")
    assert status == 200
    await slack_world.settle()
    assert len(api.calls) == calls_before and not api.responses

    # The leader: a modal with the report.
    status, _ = await slack.click("open_case", case_id, user=SLACK_LEADER, block_id=open_button["block_id"])
    assert status == 200
    (case_modal,) = [c for c in await api.wait_for("views.open", 2) if c.args["view"]["callback_id"] == "case"]
    assert secret in everything(case_modal.args["view"])
    case_view = {**case_modal.args["view"], "id": "VCASE1", "hash": "h1"}

    # Acknowledge inside the modal: the modal is updated (and still shows the report).
    ack = button(case_view, "ack_case")
    await slack.click(ack["action_id"], ack["value"], user=SLACK_LEADER, block_id=ack["block_id"], view=case_view)
    (update,) = await api.wait_for("views.update")
    assert update.args["view_id"] == "VCASE1" and secret in everything(update.args["view"])

    # Reply: a pushed modal with a text input, submitted through the router's case_reply form.
    reply = button(case_view, "reply_case")
    await slack.click(reply["action_id"], reply["value"], user=SLACK_LEADER, block_id=reply["block_id"], view=case_view)
    (pushed,) = await api.wait_for("views.push")
    reply_view = pushed.args["view"]
    assert reply_view["callback_id"] == "case_reply"
    status, body = await slack.submit(reply_view, {"text": "Thank you, we are on it."}, user=SLACK_LEADER)
    assert status == 200 and body["response_action"] == "update" and "Thank you, we are on it." in everything(body)

    # The named reporter is told in a DM that leadership replied (no content).
    await slack_world.deliver_notices()
    dms = [c for c in api.to("chat.postMessage") if c.args["channel"] == "DU0100"]
    assert len(dms) == 1 and case_id in dms[0].args["text"] and "Thank you" not in everything(dms[0].args)

    # And reads it with /report status.
    status, body = await slack.command("/report", f"status {case_id}", user="U0100")
    assert status == 200 and "Thank you, we are on it." in visible(body)


async def test_report_anonymous_shows_receipt_and_status_works_with_it(slack_world):
    body = await report(slack_world, "Someone shares client lists on Facebook.", anonymous=True)
    text = everything(body["view"])
    case_id = CASE_ID.search(text).group(0)
    receipt = re.search(r"/report status \S+ (\S+)", text).group(1)
    status, answer = await slack_world.slack.command("/report", f"status {case_id} {receipt}", user="U0200")
    assert status == 200 and case_id in visible(answer)


async def test_report_without_text_gets_inline_errors(slack_world):
    body = await report(slack_world, "", anonymous=False)
    assert body["response_action"] == "errors" and "text" in body["errors"]


async def test_report_submission_repeated_makes_one_case(slack_world):
    api, slack = slack_world.api, slack_world.slack
    await slack.command("/report", "", user="U0300")
    (opened,) = await api.wait_for("views.open")
    view = {**opened.args["view"], "id": "VREPEAT", "hash": "hrepeat"}
    values = {"category": "other", "text": "Same submission twice.", "anonymous": False}
    _, first = await slack.submit(view, values, user="U0300")
    _, second = await slack.submit(view, values, user="U0300")
    ids = {CASE_ID.search(everything(b)).group(0) for b in (first, second)}
    assert len(ids) == 1


async def test_report_in_a_mention_continues_in_the_dm(slack_world):
    api = slack_world.api
    await slack_world.slack.mention("report", user="U0400", channel="C0400")
    await slack_world.settle()
    dm = [c for c in api.to("chat.postMessage") if c.args["channel"] == "DU0400"]
    assert dm and button(dm[0].args, "report")
    assert all(c.args["channel"] != "C0400" for c in api.to("chat.postMessage"))


async def test_web_api_429_is_retried(slack_world):
    api = slack_world.api
    api.rate_limit("chat.postMessage", times=1, retry_after=0)
    await slack_world.slack.dm("hello", user="U0500")
    await api.wait_for("chat.postMessage", 2)
    assert len(api.to("chat.postMessage")) == 2


async def test_expired_trigger_falls_back_to_a_button(slack_world):
    api = slack_world.api
    api.fail("views.open", "expired_trigger_id")
    await slack_world.slack.command("/report", "", user="U0600", response_url=api.response_url("late"))
    await api.wait(lambda s: s.responses)
    assert button(api.responses[0].body, "report")


# ---- Socket Mode -------------------------------------------------------------------------------------


async def test_socket_mode_serves_the_same_app_without_a_route(tmp_path):
    from aiohttp import web

    from bot.server import adapters_for, build_app
    from bot.services import Services
    from bot.settings import Settings
    from tests.fakes.slack_api import FakeSlack

    async with FakeSlack() as api:
        services = Services.build(Settings.from_env({
            "POLICYBOT_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
            "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-1-test", "SLACK_API_URL": api.api_url,
            "POLICYBOT_SLACK_LEADERS": SLACK_LEADER,
        }))
        adapters = adapters_for(services)
        app = build_app(services, adapters)
        assert [r.resource.canonical for r in app.router.routes()] == ["/healthz", "/healthz"]  # GET and HEAD
        adapter = adapters["slack"]
        await adapter.start()
        try:
            (connect,) = api.to("apps.connections.open")
            assert connect.token == "xapp-1-test"
            ack = await api.socket_send("slash_commands", {
                "command": "/review", "text": BAD_EN, "user_id": "U0001", "team_id": "T0001", "channel_id": "C1",
                "response_url": api.response_url("sock"), "trigger_id": "1.t"})
            assert ack["response_type"] == "ephemeral" and "do not post" in ack["blocks"][0]["text"]["text"].lower()
            await api.socket_send("events_api", slack_envelope("Ev0SOCK", {
                "type": "message", "user": "U0002", "text": "hello", "ts": "1.1", "channel": "DU0002",
                "channel_type": "im"}))
            await api.wait_for("chat.postMessage")
            assert await api.socket_send("interactive", {"type": "block_actions", "actions": None}) is None
        finally:
            await adapter.stop()
            services.store.close()
        assert isinstance(app, web.Application)


def slack_envelope(event_id: str, event: dict) -> dict:
    return {"type": "event_callback", "team_id": "T0001", "api_app_id": "A0001", "event_id": event_id,
            "event_time": 1700000000, "event": event,
            "authorizations": [{"enterprise_id": None, "team_id": "T0001", "user_id": "UBOT", "is_bot": True}]}


async def test_home_tab_report_button_opens_the_form(slack_world):
    api = slack_world.api
    home = {"id": "VHOME", "type": "home", "callback_id": "", "hash": "h"}
    status, _ = await slack_world.slack.click("report", "", user="U0700", block_id="home:en", view=home)
    assert status == 200
    (opened,) = await api.wait_for("views.open")
    assert opened.args["view"]["callback_id"] == "report"
    assert not api.to("views.push")


async def test_forged_case_reply_submission_by_a_non_leader_is_refused_on_the_form(slack_world):
    body = await report(slack_world, "Something to hide from others.", anonymous=False, user="U0800")
    case_id = CASE_ID.search(everything(body["view"])).group(0)
    form = {"type": "modal", "callback_id": "case_reply", "title": {"type": "plain_text", "text": "Reply"},
            "private_metadata": json.dumps({"c": case_id, "l": "en"}),
            "blocks": [{"type": "input", "block_id": "text", "label": {"type": "plain_text", "text": "Reply"},
                        "element": {"type": "plain_text_input", "action_id": "text"}}]}
    status, answer = await slack_world.slack.submit(form, {"text": "I am not a leader"}, user="U0801")
    assert status == 200 and answer["response_action"] == "errors" and set(answer["errors"]) == {"text"}
    assert "Something to hide" not in everything(answer)


async def test_a_case_opened_by_typing_in_the_dm_stays_out_of_its_history(slack_world):
    api, slack = slack_world.api, slack_world.slack
    secret = "Nothing of this may stay in a DM."
    body = await report(slack_world, secret, anonymous=False, user="U0900")
    case_id = CASE_ID.search(everything(body["view"])).group(0)
    await slack.dm(f"open {case_id}", user=SLACK_LEADER)
    (pointer,) = await api.wait_for("chat.postEphemeral")
    assert pointer.args["user"] == SLACK_LEADER and case_id in pointer.args["text"]
    assert secret not in api.texts()  # not in any message, ephemeral or not
    assert button(pointer.args, "open_case")["value"] == case_id
    await slack.dm(f"report status {case_id}", user="U0900")
    await api.wait_for("chat.postEphemeral", 2)
    assert not [c for c in api.to("chat.postMessage") if case_id in everything(c.args) and c.args["channel"] == "DU0900"]


async def test_event_is_answered_even_when_it_cannot_be_de_duplicated(slack_world):
    from sqlalchemy import text

    with slack_world.services.store.write() as conn:  # a real database failure for first_seen
        conn.execute(text("DROP TABLE seen_events"))
    status, _ = await slack_world.slack.dm("hello", user="U0901")
    assert status == 200
    await slack_world.api.wait_for("chat.postMessage")
