"""The Teams app over real HTTP: `bot.server.build_app` with real `Services` (SQLite in tmp_path),
activities POSTed as Teams sends them, and a fake connector on loopback at their `serviceUrl`.

Anonymous mode (POLICYBOT_TEAMS_ANONYMOUS=1) as with the Agents Playground; the JWT guard has
its own module, test_teams_auth.py.
"""
from __future__ import annotations

import json
import logging
import re
import time

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot import logs
from bot.escalation.outbox import Outbox
from bot.server import adapters_for, build_app
from bot.services import Services
from bot.settings import Settings
from tests.fakes.teams_connector import ALEX, LEADER, MEGAN, FakeConnector, Teams

CASE_ID = re.compile(r"\b[A-Z]{2}-\d{4}-\d{3,}\b")
CANARY = "CANARY-7f3a9c-the-boss-posted-our-payroll"
DRAFT = "Projekts Rudzi starts next month at Rimi, and Lāči bread is garbage! Write to janis.berzins@gmail.com"
VERDICT_WORDS = ("ok", "looks good", "no issues", "revise", "do not post", "nepublicējiet", "labojiet")


class World:
    def __init__(self, services: Services, teams: Teams, connector: FakeConnector, session: ClientSession) -> None:
        self.services, self.teams, self.connector, self.session = services, teams, connector, session

    async def post(self, activity, **kw):
        return await self.teams.post(self.session, activity, **kw)

    async def deliver_notices(self) -> int:
        return await Outbox(self.services.store, self.services.notifiers).deliver_due()


async def make_world(tmp_path, leaders: str):
    connector = FakeConnector()
    service_url = await connector.start()
    settings = Settings.from_env({
        "POLICYBOT_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "POLICYBOT_TEAMS_ANONYMOUS": "1",
        "POLICYBOT_TEAMS_LEADERS": leaders,
    })
    services = Services.build(settings)
    adapters = adapters_for(services)
    server = TestServer(build_app(services, adapters), host="127.0.0.1")
    await server.start_server()
    for adapter in adapters.values():
        await adapter.start()
    session = ClientSession()
    teams = Teams(str(server.make_url("/api/messages")), service_url)
    return World(services, teams, connector, session), server


@pytest.fixture
async def world(tmp_path):
    w, server = await make_world(tmp_path, LEADER.id)
    yield w
    await w.session.close()
    await server.close()
    await w.connector.stop()
    w.services.store.close()


@pytest.fixture
def production_logging(caplog):
    """bot/logs.py's set-up (SDK loggers kept quiet) at DEBUG, every record captured; the global
    logging state is put back afterwards so that other tests see what they saw before."""
    root = logging.getLogger()
    saved = (root.level, list(root.handlers), {name: logging.getLogger(name).level for name in logs.QUIET})
    logs.setup("DEBUG")
    caplog.set_level(logging.DEBUG)
    yield caplog
    root.setLevel(saved[0])
    root.handlers[:] = saved[1]
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


def submit_data(action) -> dict:
    return dict(action["data"])


# ---- 1:1 chat -----------------------------------------------------------------------------------


async def test_question_in_1to1_gets_a_cited_answer_card(world):
    question = "Can I post a photo of a client's shop?"
    a = world.teams.personal(ALEX, question)
    status, _ = await world.post(a)
    assert status == 202
    [call] = world.connector.to(a["conversation"]["id"])
    assert call.op == "reply" and call.activity_id == a["id"]
    assert call.cards and call.cards[0]["type"] == "AdaptiveCard"
    answer = world.services.engine.ask(question)
    assert answer.citations, "the embedded policy answers this question with a citation"
    clause = answer.citations[0].clause
    assert clause in call.text and f"v{answer.policy_version}" in call.text
    show = [x for x in call.actions() if x["data"].get("action") == "show_clause"]
    assert show and show[0]["type"] == "Action.Submit" and show[0]["data"]["value"] == clause

    # "Show clause" comes back as a message with `value` and no text
    click = world.teams.personal(ALEX, value=submit_data(show[0]), reply_to=call.id)
    assert (await world.post(click))[0] == 202
    shown = world.connector.to(a["conversation"]["id"])[-1]
    assert clause in shown.text and shown.op == "reply"


async def test_review_gets_a_verdict_card_with_findings_and_buttons(world):
    a = world.teams.personal(ALEX, "review " + DRAFT)
    assert (await world.post(a))[0] == 202
    [call] = world.connector.to(a["conversation"]["id"])
    review = world.services.engine.review(DRAFT)
    card_text = call.text
    from bot.render import verdict_line

    assert verdict_line(review) in card_text
    for f in review.findings:
        assert f.clause in card_text and f.excerpt in card_text
    titles = [x["title"] for x in call.actions()]
    assert "This verdict is wrong" in titles
    wrong = next(x for x in call.actions() if x["data"].get("action") == "wrong_verdict")
    assert wrong["type"] == "Action.Submit" and wrong["data"]["value"].endswith(review.policy_version)


async def test_help_policy_and_status_work_as_text(world):
    for text, expected in (("help", "/review"), ("policy", world.services.engine.policy.version),
                           ("report status SM-2026-9999", "SM-2026-9999")):
        a = world.teams.personal(ALEX, text)
        assert (await world.post(a))[0] == 202
        call = world.connector.to(a["conversation"]["id"])[-1]
        assert expected in call.body["text"], text


# ---- channels and group chats -------------------------------------------------------------------


@pytest.mark.parametrize("group_chat", [False, True])
async def test_mention_is_answered_privately_and_the_channel_gets_a_contentless_note(world, group_chat):
    a = world.teams.channel(ALEX, "review " + DRAFT, group_chat=group_chat)
    assert (await world.post(a))[0] == 202
    [created] = world.connector.created()
    assert created.body["members"] == [{"id": ALEX.id}] and created.body["isGroup"] is False
    assert created.body["bot"]["id"] == world.teams.bot["id"]
    private = world.connector.to(created.id)
    assert len(private) == 1 and private[0].cards  # the verdict, in the new 1:1
    review = world.services.engine.review(DRAFT)
    for f in review.findings:
        assert f.clause in private[0].text

    [note] = world.connector.to(a["conversation"]["id"])
    assert not note.cards and note.op == "reply"
    said = note.text.lower()
    assert "private" in said
    for word in VERDICT_WORDS:
        assert not re.search(rf"\b{re.escape(word)}\b", said), word
    for clause in world.services.engine.policy.clause_ids:
        assert clause not in said
    draft_words = {w.lower() for w in re.findall(r"\w{4,}", DRAFT)}
    assert not draft_words & set(re.findall(r"\w{4,}", said))

    # the second time the stored reference is used: no second 1:1 is created
    again = world.teams.channel(ALEX, "Can I post a photo of a client's shop?", group_chat=group_chat)
    assert (await world.post(again))[0] == 202
    assert len(world.connector.created()) == 1
    assert len(world.connector.to(created.id)) == 2


async def test_channel_message_without_a_mention_is_ignored(world):
    a = world.teams.channel(ALEX, "review " + DRAFT, mention=False)
    assert (await world.post(a))[0] == 202
    assert world.connector.calls == []


async def test_a_1to1_message_stores_the_reference_used_later(world):
    first = world.teams.personal(ALEX, "hello")
    assert (await world.post(first))[0] == 202
    mention = world.teams.channel(ALEX, "Can I post a photo of a client's shop?")
    assert (await world.post(mention))[0] == 202
    assert world.connector.created() == []  # the 1:1 chat is known: no new conversation
    posted = world.connector.to(first["conversation"]["id"])
    assert len(posted) == 2 and posted[-1].op == "send" and posted[-1].cards


# ---- reports --------------------------------------------------------------------------------------


def form_inputs(card: dict) -> dict[str, dict]:
    return {el["id"]: el for el in card["body"] if str(el.get("type", "")).startswith("Input.")}


async def open_report_form(world, user=ALEX):
    a = world.teams.personal(user, "report")
    assert (await world.post(a))[0] == 202
    call = world.connector.to(a["conversation"]["id"])[-1]
    [card] = call.cards
    return a, call, card


async def test_report_form_card_submission_replaces_the_card_and_reaches_the_leader_only(world, production_logging):
    caplog = production_logging
    a, call, card = await open_report_form(world)
    inputs = form_inputs(card)
    kinds = {el["type"] for el in inputs.values()}
    assert {"Input.ChoiceSet", "Input.Text", "Input.Toggle"} <= kinds
    assert all(el.get("label") for el in inputs.values())
    assert inputs["text"].get("isMultiline") is True and inputs["link"].get("style") == "Url"
    [submit] = [x for x in card["actions"] if x["type"] == "Action.Submit"]

    category = inputs["category"]["choices"][0]["value"]
    value = {**submit["data"], "category": category, "text": f"{CANARY} in the team chat",
             "link": "https://example.com/post/1", "anonymous": "false"}
    started = time.monotonic()
    sub = world.teams.personal(ALEX, value=value, reply_to=call.id)
    assert (await world.post(sub))[0] == 202
    update = await world.connector.wait(lambda: next((c for c in world.connector.calls if c.op == "update"), None))
    assert time.monotonic() - started < 5
    assert update.activity_id == call.id and update.conversation == a["conversation"]["id"]
    case_id = CASE_ID.search(update.text).group(0)
    assert CANARY not in update.text

    # the leader: a proactive 1:1 (created: the leader never wrote to the bot), case id + button
    assert await world.deliver_notices() == 1
    [created] = world.connector.created()
    assert created.body["members"] == [{"id": LEADER.id}]
    [notice] = world.connector.to(created.id)
    assert case_id in notice.body["text"] and case_id in notice.text
    assert CANARY not in notice.text and "team chat" not in notice.text
    [open_case] = [x for x in notice.actions() if x["data"].get("action") == "open_case"]
    assert open_case["type"] == "Action.Submit" and open_case["title"] == "Open case"

    # a non-leader sending the same submission sees nothing of the report
    peek = world.teams.personal(MEGAN, value=submit_data(open_case))
    assert (await world.post(peek))[0] == 202
    refused = world.connector.to(peek["conversation"]["id"])[-1]
    assert CANARY not in json.dumps(refused.body) and "can't see" in refused.text

    # the leader opens it: the content shows only now, with acknowledge / reply / close
    click = world.teams.personal(LEADER, value=submit_data(open_case), reply_to=notice.id)
    click["conversation"]["id"] = created.id
    assert (await world.post(click))[0] == 202
    case_card = world.connector.to(created.id)[-1]
    assert CANARY in case_card.text and case_id in case_card.text
    actions = {x["data"].get("action"): x for x in case_card.actions()}
    assert {"ack_case", "reply_case", "close_case"} <= set(actions)

    ack = world.teams.personal(LEADER, value=submit_data(actions["ack_case"]), reply_to=case_card.id)
    ack["conversation"]["id"] = created.id
    assert (await world.post(ack))[0] == 202
    assert "acknowledged" in world.connector.to(created.id)[-1].text

    reply = world.teams.personal(LEADER, value=submit_data(actions["reply_case"]))
    reply["conversation"]["id"] = created.id
    assert (await world.post(reply))[0] == 202
    reply_form = world.connector.to(created.id)[-1]
    [reply_submit] = reply_form.cards[0]["actions"]
    assert reply_submit["data"] == {"form": "case_reply", "context": case_id}
    sent = world.teams.personal(LEADER, value={**reply_submit["data"], "text": "Thank you, we are on it."},
                                reply_to=reply_form.id)
    sent["conversation"]["id"] = created.id
    assert (await world.post(sent))[0] == 202
    replaced = world.connector.calls[-1]
    assert replaced.op == "update" and replaced.activity_id == reply_form.id and "Thank you, we are on it." in replaced.text

    # the named reporter reads the reply by status
    status = world.teams.personal(ALEX, f"report status {case_id}")
    assert (await world.post(status))[0] == 202
    assert "Thank you, we are on it." in world.connector.to(a["conversation"]["id"])[-1].text

    for record in caplog.records:
        assert CANARY not in record.getMessage()
        assert CANARY not in str(record.args)


async def test_report_asked_in_a_channel_continues_privately(world):
    a = world.teams.channel(ALEX, "report")
    assert (await world.post(a))[0] == 202
    [note] = world.connector.to(a["conversation"]["id"])
    assert not note.cards and "privately" in note.text
    [created] = world.connector.created()
    [form] = world.connector.to(created.id)
    assert form.cards and form_inputs(form.cards[0])


async def test_invalid_report_is_shown_again_in_place(world):
    a, call, card = await open_report_form(world)
    [submit] = card["actions"]
    sub = world.teams.personal(ALEX, value={**submit["data"], "category": "", "text": ""}, reply_to=call.id)
    assert (await world.post(sub))[0] == 202
    update = world.connector.calls[-1]
    assert update.op == "update" and update.activity_id == call.id and form_inputs(update.cards[0])
    assert not CASE_ID.search(update.text)


async def test_a_retried_activity_is_answered_once(world):
    a = world.teams.personal(ALEX, "help")
    assert (await world.post(a))[0] == 202
    assert (await world.post(a))[0] == 202
    assert len(world.connector.to(a["conversation"]["id"])) == 1


async def test_leaders_may_be_configured_by_entra_object_id(tmp_path):
    w, server = await make_world(tmp_path, LEADER.aad)
    try:
        _, call, card = await open_report_form(w)
        [submit] = card["actions"]
        category = form_inputs(card)["category"]["choices"][0]["value"]
        sub = w.teams.personal(ALEX, value={**submit["data"], "category": category, "text": CANARY}, reply_to=call.id)
        assert (await w.post(sub))[0] == 202
        case_id = CASE_ID.search(w.connector.calls[-1].text).group(0)
        # the leader wrote to the bot before: the stored reference (by Entra id) is used
        hello = w.teams.personal(LEADER, "hi")
        assert (await w.post(hello))[0] == 202
        assert await w.deliver_notices() == 1
        assert w.connector.created() == []
        notice = w.connector.to(hello["conversation"]["id"])[-1]
        assert case_id in notice.text
        click = w.teams.personal(LEADER, value={"action": "open_case", "value": case_id})
        assert (await w.post(click))[0] == 202
        assert CANARY in w.connector.to(hello["conversation"]["id"])[-1].text
    finally:
        await w.session.close()
        await server.close()
        await w.connector.stop()
        w.services.store.close()


async def test_a_rate_limited_notice_raises_retry_after(world):
    from bot.escalation.notifiers import Notice, RetryAfter
    from datetime import datetime, timezone

    hello = world.teams.personal(LEADER, "hi")
    assert (await world.post(hello))[0] == 202
    world.connector.fail["send"] = [429]
    notice = Notice("new_case", "SM-2026-0001", "other", datetime.now(timezone.utc), "teams", LEADER.id)
    with pytest.raises(RetryAfter) as raised:
        await world.services.notifiers["teams"].send(notice)
    assert raised.value.seconds == 7


# ---- robustness -----------------------------------------------------------------------------------


async def test_malformed_activities_get_a_4xx_and_nothing_is_sent(world):
    good = world.teams.personal(ALEX, "help")
    bad: list[tuple[str, bytes]] = [
        ("not json", b"{this is not json"),
        ("empty", b""),
        ("a list", b"[1, 2, 3]"),
        ("a string", b'"message"'),
        ("not utf-8", b'{"type": "message", "text": "\xff\xfe"}'),
        ("deep nesting", b"[" * 100_000 + b"]" * 100_000),
    ]
    for name, patch in [
        ("type is a number", {"type": 5}),
        ("from is a string", {"from": "alex"}),
        ("conversation is a list", {"conversation": []}),
        ("entities is a dict", {"entities": {"type": "mention"}}),
        ("timestamp is garbage", {"timestamp": "yesterday-ish"}),
        ("attachments is a string", {"attachments": "x"}),
        ("no conversation", {"conversation": None}),
        ("no type", {"type": None}),
        ("no from", {"from": None}),
        ("no serviceUrl", {"serviceUrl": None}),
        ("serviceUrl not a URL", {"serviceUrl": "::::"}),
        ("mention entity malformed", {"entities": [{"type": "mention", "mentioned": "bot"}]}),
    ]:
        body = {k: v for k, v in {**good, **patch}.items() if v is not None}
        bad.append((name, json.dumps(body).encode()))
    for name, raw in bad:
        status, _ = await world.post(None, raw=raw)
        assert 400 <= status < 500, (name, status)
    status, _ = await world.post(None, raw=b"{" + b" " * (2 * 1024 * 1024) + b"}")
    assert status == 413
    assert world.connector.calls == []


async def test_anonymous_mode_calls_loopback_service_urls_only(world):
    a = world.teams.personal(ALEX, "help")
    a["serviceUrl"] = "https://smba.trafficmanager.net/emea/"
    status, _ = await world.post(a)
    assert status == 403


async def test_invokes_we_do_not_handle_get_200_not_501(world):
    a = world.teams.personal(ALEX)
    a.update(type="invoke", name="task/fetch", value={"data": {}})
    status, _ = await world.post(a)
    assert status == 200
    a = world.teams.personal(ALEX)
    a.update(type="invoke", name="adaptiveCard/action",
             value={"action": {"type": "Action.Execute", "verb": "show_clause",
                               "data": {"value": world.services.engine.policy.clause_ids[0]}}})
    status, body = await world.post(a)
    assert status == 200 and body["statusCode"] == 200
    assert world.services.engine.policy.clause_ids[0] in world.connector.calls[-1].text


async def test_connector_failure_is_not_a_5xx(world):
    world.connector.fail["send"] = [500]
    status, _ = await world.post(world.teams.personal(ALEX, "help"))
    assert status == 202
