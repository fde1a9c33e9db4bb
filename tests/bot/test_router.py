"""Scenario tests through the router: what a person types, what the bot says back."""
from __future__ import annotations

import logging
import re

import pytest

from bot.platform_state import feedback_counts
from bot.router import parse

CASE = re.compile(r"SM-\d{4}-\d{4}")


@pytest.mark.parametrize("text, expected", [
    ("/review We are hiring!", ("review", "We are hiring!")),
    ("/review\nline one\nline two", ("review", "line one\nline two")),
    ("review: Mūsu jaunais kliņģeris", ("review", "Mūsu jaunais kliņģeris")),
    ("review", ("review", "")),
    ("/help", ("help", "")),
    ("palīdzība", ("help", "")),
    ("help", ("help", "")),
    ("policy", ("policy", "")),
    ("policy on client logos?", (None, "policy on client logos?")),
    ("report", ("report", "")),
    ("report status SM-2026-0001 ABCD", ("report", "status SM-2026-0001 ABCD")),
    ("open SM-2026-0001", ("open", "SM-2026-0001")),
    ("open the door?", (None, "open the door?")),
    ("Can I post this?", (None, "Can I post this?")),
    ("/PoLiCy", ("policy", "")),
])
def test_parse(text, expected):
    assert parse(text) == expected


async def test_help_in_both_languages(bot):
    [en] = await bot.say("/help")
    assert "/review" in en.text and "/report" in en.text and en.private
    [lv] = await bot.say("palīdzība")
    assert "melnraksts" in lv.text and lv.language == "lv"


async def test_policy_summary_lists_every_clause_and_the_version(bot, services):
    [reply] = await bot.say("/policy")
    policy = services.engine.policy
    assert policy.version in reply.text
    for clause in policy.clauses:
        assert clause.id in reply.text


async def test_greetings_and_thanks(bot):
    [lv] = await bot.say("Sveiki!")
    assert lv.language == "lv" and "/review" in lv.text
    [en] = await bot.say("thanks")
    assert en.language == "en"


async def test_review_clean_draft_says_ok_and_nothing_else(bot):
    [reply] = await bot.say("/review We are hiring a baker! Join our friendly team in Riga.")
    assert reply.review.verdict == "ok" and reply.private
    assert "OK" in reply.text
    assert "revise" not in reply.text.lower() and "do not post" not in reply.text.lower()
    labels = " ".join(b.label for b in reply.buttons).lower()
    assert "wrong_verdict" in {b.action for b in reply.buttons} and "wrong" not in labels


async def test_review_flags_personal_data_with_clause_and_fix(bot):
    [reply] = await bot.say("/review Call our client Jānis on +371 29 123 456, he is furious about the delay!")
    review = reply.review
    assert review.verdict in ("revise", "do_not_post") and reply.private
    assert "information-protection" in reply.text
    assert any(f.clause == "information-protection" for f in review.findings)
    assert any("show_clause" == b.action for b in reply.buttons)
    assert any("wrong_verdict" == b.action for b in reply.buttons)


async def test_review_without_a_draft_says_how(bot):
    [reply] = await bot.say("/review")
    assert "/review" in reply.text and reply.review is None


async def test_a_question_gets_a_cited_private_answer(bot, services):
    [reply] = await bot.say("Can I post our quarterly revenue figures on LinkedIn?")
    assert reply.private and reply.answer is not None
    assert reply.answer.citations and reply.answer.citations[0].clause == "information-protection"
    assert services.engine.policy.version in reply.text or reply.answer.policy_version == services.engine.policy.version


async def test_show_clause_and_wrong_verdict_buttons(bot, services):
    [reply] = await bot.say("/review Mūsu vadība ir pilnīgi nekompetenta, algas atkal kavējas!")
    show = next(b for b in reply.buttons if b.action == "show_clause")
    [clause] = await bot.click(show)
    assert show.value in clause.text
    wrong = next(b for b in reply.buttons if b.action == "wrong_verdict")
    await bot.click(wrong)
    counts = feedback_counts(services.store)
    assert counts and all(n == 1 for _, _, n in counts)
    assert {c for c, _, _ in counts} <= set(services.engine.policy.clause_ids) | {"ok"}


async def test_case_commands_follow_the_locale_not_the_case_id(bot):
    [en] = await bot.say("open SM-2026-0001", user="leader")
    [lv] = await bot.say("open SM-2026-0001", user="leader", locale="lv-LV")
    assert en.language == "en" and "SM-2026-0001" in en.text
    assert lv.language == "lv"


async def test_unknown_command_and_oversized_text(bot):
    [reply] = await bot.say("/frobnicate")
    assert "/help" in reply.text
    [long] = await bot.say("/review " + "a" * 10_001)
    assert "10000" in long.text.replace(",", "").replace(" ", "") or "10 000" in long.text


async def test_anonymous_report_reaches_leaders_only_and_the_receipt_reads_the_reply(bot, services):
    [form_reply] = await bot.say("/report", user="emp")
    form = form_reply.form
    assert {f.name for f in form.fields} >= {"category", "text", "link", "anonymous"}
    [done] = await bot.submit(form, {"category": "internal-first", "text": "CANARY-7731 the manager hides defects",
                                     "link": "", "anonymous": True}, user="emp")
    case_id = CASE.search(done.text).group(0)
    receipt = re.search(r"(?:receipt|kvīts): (\S+)", done.text).group(1)
    assert "CANARY-7731" not in done.text  # never echoed back

    # A non-leader learns nothing.
    [nope] = await bot.say(f"/open {case_id}", user="emp")
    assert "CANARY" not in nope.text and nope.case is None

    # A leader opens it, and sees "anonymous", not the reporter.
    [opened] = await bot.say(f"/open {case_id}", user="leader")
    assert "CANARY-7731" in opened.text and opened.case.reporter == "anonymous"
    reply_button = next(b for b in opened.buttons if b.action == "reply_case")
    [reply_form] = await bot.click(reply_button, user="leader")
    await bot.submit(reply_form.form, {"text": "We are looking into it."}, user="leader")

    # The anonymous reporter reads the reply with case id and receipt; a wrong receipt gets nothing.
    [status] = await bot.say(f"/report status {case_id} {receipt}", user="someone-else")
    assert "We are looking into it." in status.text
    [wrong] = await bot.say(f"/report status {case_id} WRONG-RECEIPT", user="emp")
    assert "looking into" not in wrong.text


async def test_a_resubmitted_form_makes_no_second_case(bot):
    [form_reply] = await bot.say("/report")
    values = {"category": "other", "text": "Duplicate me", "anonymous": False}
    [first] = await bot.submit(form_reply.form, values, key="same-key")
    [second] = await bot.submit(form_reply.form, values, key="same-key")
    assert CASE.search(first.text).group(0) == CASE.search(second.text).group(0)


async def test_invalid_report_shows_the_form_again_with_errors(bot):
    [form_reply] = await bot.say("/report")
    [again] = await bot.submit(form_reply.form, {"category": "nonsense", "text": " "})
    assert again.form is not None and set(again.form.errors) == {"category", "text"}
    [bad_link] = await bot.submit(form_reply.form, {"category": "other", "text": "x", "link": "javascript:alert(1)"})
    assert bad_link.form is not None and "link" in bad_link.form.errors


async def test_report_asked_in_a_channel_continues_privately(bot):
    replies = await bot.say("report", direct=False)
    note, form = replies
    assert not note.private and note.form is None
    assert form.private and form.form is not None


async def test_nothing_anyone_wrote_reaches_a_log(bot, caplog):
    caplog.set_level(logging.DEBUG)
    await bot.say("/review CANARY-DRAFT-1 call me at jan@example.com")
    await bot.say("Can I post CANARY-QUESTION-2 about our client?")
    [form_reply] = await bot.say("/report")
    await bot.submit(form_reply.form, {"category": "other", "text": "CANARY-REPORT-3", "anonymous": True})
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "CANARY" not in logged
