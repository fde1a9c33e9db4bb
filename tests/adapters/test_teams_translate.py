"""The pure edges of the Teams adapter: `to_incoming(activity)` and the cards of `teams_cards`."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from microsoft_agents.activity import Activity

from bot.adapters import teams_cards
from bot.adapters.teams import is_loopback, to_activity, to_incoming
from bot.escalation.notifiers import Notice
from bot.messages import Button, CaseCard, Field, Form, Option, Reply
from policy.engine import Engine
from tests.fakes.teams_connector import ALEX, Teams

BOT = "28:9a3f4b2c-5d6e-4f70-8a9b-0c1d2e3f4a5b"


@pytest.fixture(scope="module")
def engine():
    return Engine.load()


def teams(bot_id: str = BOT) -> Teams:
    return Teams("http://127.0.0.1:1/api/messages", "http://127.0.0.1:2/_connector/", bot_id=bot_id)


def activity(raw: dict) -> Activity:
    return Activity.model_validate(raw)


@pytest.mark.parametrize("bot_id", [BOT, BOT[3:], "00000000-0000-0000-0000-00000000000011"])
def test_a_channel_mention_is_stripped_whatever_the_bot_id_looks_like(bot_id):
    t = teams(bot_id)
    raw = t.channel(ALEX, "review We are hiring!")
    raw["entities"][-1]["mentioned"]["id"] = bot_id[3:] if bot_id.startswith("28:") else "28:" + bot_id
    incoming = to_incoming(activity(raw))
    assert incoming is not None and incoming.kind == "message" and not incoming.direct
    assert incoming.text == "review We are hiring!"  # no leading space, no <at> tag
    assert incoming.user == ALEX.id and incoming.key == raw["id"]


def test_channel_messages_without_a_mention_of_the_bot_are_not_for_it():
    t = teams()
    assert to_incoming(activity(t.channel(ALEX, "hello all", mention=False))) is None
    raw = t.channel(ALEX, "hi")
    raw["entities"][-1]["mentioned"] = {"id": "29:someone-else", "name": "Megan"}
    assert to_incoming(activity(raw)) is None


def test_submissions_become_forms_and_buttons():
    t = teams()
    form = to_incoming(activity(t.personal(ALEX, value={"form": "case_reply", "context": "SM-2026-0001", "text": "ok"})))
    assert form.kind == "form" and form.form == "case_reply" and form.value == "SM-2026-0001"
    assert dict(form.values) == {"text": "ok"}
    button = to_incoming(activity(t.personal(ALEX, value={"action": "show_clause", "value": "goals"})))
    assert button.kind == "action" and button.action == "show_clause" and button.value == "goals"
    assert to_incoming(activity(t.personal(ALEX, value={"something": "else"}))) is None
    # a message with text and a value is a message (Teams puts clientInfo-like data in value)
    typed = to_incoming(activity(t.personal(ALEX, "help", value={"x": 1})))
    assert typed.kind == "message" and typed.text == "help"


def test_action_execute_reads_like_action_submit():
    raw = teams().personal(ALEX)
    raw.update(type="invoke", name="adaptiveCard/action",
               value={"action": {"type": "Action.Execute", "verb": "open_case", "data": {"value": "SM-2026-0001"}}})
    incoming = to_incoming(activity(raw))
    assert incoming.kind == "action" and incoming.action == "open_case" and incoming.value == "SM-2026-0001"


def test_leaders_configured_by_entra_id_are_known_by_it():
    raw = teams().personal(ALEX, "cases")
    assert to_incoming(activity(raw), frozenset({ALEX.aad})).user == ALEX.aad
    assert to_incoming(activity(raw), frozenset({ALEX.id})).user == ALEX.id
    assert to_incoming(activity(raw)).user == ALEX.id


def test_lone_surrogates_are_replaced():
    raw = teams().personal(ALEX, "hi \ud83d there")
    assert to_incoming(activity(raw)).text == "hi ? there"


@pytest.mark.parametrize("url, expected", [
    ("http://localhost:56150/_connector", True), ("http://127.0.0.1:9/", True), ("http://[::1]:80/", True),
    ("https://smba.trafficmanager.net/emea/", False), ("http://10.0.0.1/", False), ("ftp://127.0.0.1/", False),
    ("http://[::1", False), ("", False), ("http://127.0.0.1.nip.io/", False),
])
def test_loopback(url, expected):
    assert is_loopback(url) is expected


def test_verdict_and_answer_cards_carry_clause_version_and_buttons(engine):
    review = engine.review("Projekts Rudzi launches next week at Rimi! Lāči bread is garbage")
    assert review.findings
    buttons = (Button("Show clause", "show_clause", review.findings[0].clause), Button("This verdict is wrong", "wrong_verdict", "x|1"))
    card = teams_cards.render(Reply("text", review=review, buttons=buttons), engine.policy)
    flat = str(card)
    for f in review.findings:
        assert f.excerpt in flat and f.clause in flat
    assert f"v{review.policy_version}" in flat
    assert [a["data"] for a in card["actions"]] == [{"action": "show_clause", "value": review.findings[0].clause},
                                                  {"action": "wrong_verdict", "value": "x|1"}]
    assert all(a["type"] == "Action.Submit" for a in card["actions"])

    answer = engine.ask("Can I post a photo of a client's shop?")
    card = teams_cards.render(Reply(answer.answer, answer=answer), engine.policy)
    assert answer.citations[0].clause in str(card) and answer.citations[0].quote in str(card)


def test_form_card_has_labelled_inputs_and_errors_under_their_field():
    form = Form("report", "Report a problem", (
        Field("category", "What is it about?", "select", True, (Option("goals", "Goals"),), initial="goals"),
        Field("text", "What happened?", "long_text", True, max_length=4000, hint="Only leadership reads this."),
        Field("link", "Link", "url"),
        Field("anonymous", "Keep me anonymous", "checkbox"),
    ), "Send privately", context="", errors={"text": "Please fill this in."})
    card = teams_cards.form_card(form)
    inputs = {e["id"]: e for e in card["body"] if e["type"].startswith("Input.")}
    assert [inputs[k]["type"] for k in ("category", "text", "link", "anonymous")] == \
        ["Input.ChoiceSet", "Input.Text", "Input.Text", "Input.Toggle"]
    assert all(i["label"] for i in inputs.values())
    assert inputs["category"]["value"] == "goals" and inputs["text"]["isMultiline"] and inputs["link"]["style"] == "Url"
    texts = [e.get("text") for e in card["body"]]
    assert texts.index("Please fill this in.") == [e.get("id") for e in card["body"]].index("text") + 1
    assert card["actions"] == [{"type": "Action.Submit", "title": "Send privately", "style": "positive",
                                "data": {"form": "report", "context": ""}}]


def test_notice_card_has_the_case_id_a_button_and_no_content(engine):
    notice = Notice("new_case", "SM-2026-0042", "information-protection", datetime(2026, 11, 3, 9, 0, tzinfo=timezone.utc), "teams", "29:1x")
    card = teams_cards.notice_card(notice, "en", engine.policy)
    assert "SM-2026-0042" in str(card["body"]) and "SM-2026-0042" in teams_cards.notice_text(notice)
    [action] = card["actions"]
    assert action == {"type": "Action.Submit", "title": "Open case", "style": "positive",
                      "data": {"action": "open_case", "value": "SM-2026-0042"}}
    assert engine.policy.clause("information-protection").title.get("en") in str(card)
    reply = teams_cards.notice_card(Notice("reply", "SM-2026-0042", "other", notice.created, "teams", "29:1x"))
    assert reply["actions"][0]["data"]["msteams"] == {"type": "imBack", "value": "report status SM-2026-0042"}


def test_case_card_shows_content_only_when_the_card_carries_it(engine):
    closed = CaseCard("SM-2026-0042", "other", "new", "2026-11-03T09:00:00+00:00", "anonymous")
    card = teams_cards.case_card(closed, "", (), "en", engine.policy)
    assert "No replies yet." in str(card) and "2026-11-03 09:00 UTC" in str(card)
    opened = CaseCard("SM-2026-0042", "other", "new", "2026-11-03T09:00:00+00:00", "anonymous", text="what happened",
                      link="https://example.com", messages=(("lead", "2026-11-04", "we are on it"),))
    flat = str(teams_cards.case_card(opened, "", (), "en", engine.policy))
    assert "what happened" in flat and "https://example.com" in flat and "we are on it" in flat


def test_plain_replies_are_markdown_text_with_html_escaped(engine):
    out = to_activity(Reply("Use: /report status <case id>\nnext line"), engine.policy)
    assert out.attachments is None and out.text == "Use: /report status &lt;case id&gt;\n\nnext line"
