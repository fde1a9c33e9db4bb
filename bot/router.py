"""The platform-neutral router: one `Incoming` in, the `Reply`s out.

It tells apart a question, `/review <draft>`, `/report` (and its form), `/report status`, `/policy`,
`/help`, a greeting and small talk, a leader's case actions, and button clicks. It knows no
platform: adapters translate to and from `bot.messages`. Every verdict, answer and case is a
private reply; who may open a case is decided here and in `Cases`, never by a model.
"""
from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from policy.engine import Engine
from policy.text import detect_language, fold

from bot import render
from bot.escalation.cases import Cases, InvalidReport, NotAllowed, NotFound
from bot.escalation.model import NewReport, Person
from bot.messages import Button, Field, Form, Incoming, Option, Reply
from bot.texts import t

if TYPE_CHECKING:
    from bot.llm import Polisher

log = logging.getLogger(__name__)

MAX_DRAFT = 10_000  # characters; a post, not a document (same limit as `policybot review`)
CASE_ID = re.compile(r"\b([A-Za-z]{2}-\d{4}-\d{3,})\b")
GREETINGS = {"hi", "hello", "hey", "hei", "sveiki", "sveiks", "sveika", "cau", "labdien", "labrit", "labvakar", "halo", "hallo"}
THANKS = {"thanks", "thank you", "thx", "ty", "paldies", "liels paldies"}
LATVIAN_WORDS = {"sveiki", "sveiks", "sveika", "cau", "labdien", "labrit", "labvakar", "paldies", "liels paldies"}
# Words that start a command when typed without the slash (Teams, and Slack DMs where a leading
# "/" is taken by the client). Latvian aliases included.
BARE = {
    "review": "review", "parbaudit": "review", "parbaudi": "review",
    "report": "report", "zinot": "report", "zinojums": "report",
    "policy": "policy", "vadlinijas": "policy", "politika": "policy",
    "help": "help", "palidziba": "help", "palidzi": "help",
    "cases": "cases", "lietas": "cases",
}
LEADER_COMMANDS = {"cases", "open", "ack", "reply", "close"}
REPORT_FORM, REPLY_FORM, CLOSE_FORM = "report", "case_reply", "case_close"

Feedback = Callable[[str, str], None]  # (clause id or "ok", policy version) -> count it


class Router:
    """`await router.handle(incoming)` -> replies. Engine calls are pure and fast (run inline);
    store calls are blocking SQL (run in a thread)."""

    def __init__(self, engine: Engine, cases: Cases | None = None, feedback: Feedback | None = None,
                 polisher: "Polisher | None" = None) -> None:
        self.engine = engine
        self.policy = engine.policy
        self.cases = cases
        self.feedback = feedback
        self.polisher = polisher  # the optional model layer; it may reword answers, never decide

    async def handle(self, msg: Incoming) -> list[Reply]:
        lang = self._language(msg)
        try:
            if msg.kind == "action":
                return await self._action(msg, lang)
            if msg.kind == "form":
                return await self._form(msg, lang)
            command, rest = (msg.command, msg.text.strip()) if msg.kind == "command" else parse(msg.text)
            if command:
                return await self._command(msg, command.lower(), rest, lang)
            return await self._message(msg, lang)
        except Exception as exc:  # never a traceback to a user; never the user's text in a log
            log.error("router failed on a %s from %s: %s", msg.kind, msg.platform, type(exc).__name__)
            return [Reply(t("error", lang), language=lang)]

    # ---- plain messages ---------------------------------------------------------------------

    async def _message(self, msg: Incoming, lang: str) -> list[Reply]:
        text = msg.text.strip()
        folded = fold(text).strip(" !.?,")
        if not text:
            return [Reply(t("greeting", lang), language=lang)]
        if folded in GREETINGS:
            return [Reply(t("greeting", lang), language=lang)]
        if folded in THANKS:
            return [Reply(t("thanks", lang), language=lang)]
        if len(text) > MAX_DRAFT:
            return [Reply(t("too_long", lang, length=len(text), limit=MAX_DRAFT), language=lang)]
        answer = self.engine.ask(text)
        if self.polisher is not None:
            answer = await self.polisher.polish(text, answer)
        buttons = ()
        if answer.citations:
            buttons = (Button(t("show_clause", answer.language), "show_clause", answer.citations[0].clause),)
        if answer.review is not None:
            buttons += (self._wrong_button(answer.review, answer.language),)
        return [Reply(render.answer_text(answer, self.policy), answer=answer, review=answer.review,
                      buttons=buttons, language=answer.language)]

    def _review(self, draft: str, lang: str) -> list[Reply]:
        if not draft:
            return [Reply(t("review_usage", lang), language=lang)]
        if len(draft) > MAX_DRAFT:
            return [Reply(t("too_long", lang, length=len(draft), limit=MAX_DRAFT), language=lang)]
        review = self.engine.review(draft)
        lang = review.language
        buttons = tuple(
            Button(f"{t('show_clause', lang)}: {self.policy.clause(c).title.get(lang)}", "show_clause", c)
            for c in dict.fromkeys(f.clause for f in review.findings)
        ) + (self._wrong_button(review, lang),)
        return [Reply(render.review_text(review, self.policy), review=review, buttons=buttons, language=lang)]

    def _wrong_button(self, review, lang: str) -> Button:
        clauses = ",".join(dict.fromkeys(f.clause for f in review.findings)) or "ok"
        label = t("wrong_verdict" if review.findings else "missed", lang)
        return Button(label, "wrong_verdict", f"{clauses}|{review.policy_version}")

    # ---- commands ---------------------------------------------------------------------------

    async def _command(self, msg: Incoming, command: str, rest: str, lang: str) -> list[Reply]:
        if rest and command in ("review", "report"):
            lang = detect_language(rest) if command == "review" else lang
        if command == "review":
            return self._review(rest, lang)
        if command == "report":
            return await self._report_command(msg, rest, lang)
        if command == "policy":
            return [Reply(render.policy_text(self.policy, lang), language=lang)]
        if command in ("help", "start"):
            return [Reply(t("help", lang, version=self.policy.version), language=lang)]
        if command in LEADER_COMMANDS:
            return await self._leader_command(msg, command, rest, lang)
        return [Reply(t("unknown_command", lang, command=command), language=lang)]

    async def _report_command(self, msg: Incoming, rest: str, lang: str) -> list[Reply]:
        if self.cases is None:
            return [Reply(t("report_unavailable", lang), language=lang)]
        words = rest.split()
        if words and fold(words[0]) in ("status", "statuss"):
            if len(words) < 2:
                return [Reply(t("report_status_usage", lang), language=lang)]
            case_id, receipt = words[1].upper(), (words[2] if len(words) > 2 else None)
            person = self._person(msg)
            card = await self._cases_call(lang, self.cases.status, case_id, person=person, receipt=receipt)
            if isinstance(card, Reply):
                return [card]
            return [Reply(render.case_text(card, lang), case=card, language=lang)]
        form = self.report_form(lang)
        replies = [Reply(form.title, form=form, language=lang)]
        if not msg.direct:  # never collect a report in a channel: continue in the 1:1 chat
            replies.insert(0, Reply(t("report_in_channel", lang), private=False, language=lang))
        return replies

    def report_form(self, lang: str, errors: dict[str, str] | None = None, values: dict | None = None) -> Form:
        values = values or {}
        categories = tuple(Option(c.id, c.title.get(lang)) for c in self.policy.clauses)
        categories += (Option("other", t("category_other", lang)),)
        return Form(
            id=REPORT_FORM,
            title=t("report_title", lang),
            submit=t("report_submit", lang),
            fields=(
                Field("category", t("report_category", lang), "select", True, categories,
                      initial=str(values.get("category") or "")),
                Field("text", t("report_text", lang), "long_text", True, max_length=4000,
                      hint=t("report_text_hint", lang)),
                Field("link", t("report_link", lang), "url", False, max_length=500),
                Field("anonymous", t("report_anonymous", lang), "checkbox", False),
            ),
            errors=errors or {},
        )

    # ---- forms ------------------------------------------------------------------------------

    async def _form(self, msg: Incoming, lang: str) -> list[Reply]:
        if self.cases is None:
            return [Reply(t("report_unavailable", lang), language=lang)]
        values = msg.values
        if msg.form == REPORT_FORM:
            return await self._submit_report(msg, values, lang)
        case_id = str(values.get("case_id") or msg.value or "").upper()
        text = str(values.get("text") or "").strip()
        if msg.form in (REPLY_FORM, CLOSE_FORM) and not text:
            form = self._leader_form(msg.form, case_id, lang)
            return [Reply(form.title, form=replace(form, errors={"text": t("required", lang)}), language=lang)]
        leader = self._person(msg)
        if msg.form == REPLY_FORM:
            card = await self._cases_call(lang, self.cases.reply, case_id, leader, text)
            done = t("reply_sent", lang, case_id=case_id)
        elif msg.form == CLOSE_FORM:
            card = await self._cases_call(lang, self.cases.close, case_id, leader, text)
            done = t("case_closed", lang, case_id=case_id)
        else:
            return [Reply(t("unknown_command", lang, command=str(msg.form)), language=lang)]
        if isinstance(card, Reply):
            return [card]
        return [Reply(done + "\n\n" + render.case_text(card, lang), case=card, replace=True,
                      buttons=self._case_buttons(card, lang), language=lang)]

    async def _submit_report(self, msg: Incoming, values, lang: str) -> list[Reply]:
        category = str(values.get("category") or "").strip()
        text = str(values.get("text") or "").strip()
        link = str(values.get("link") or "").strip() or None
        anonymous = truthy(values.get("anonymous"))
        errors = {}
        valid = set(self.policy.clause_ids) | {"other"}
        if category not in valid:
            errors["category"] = t("required", lang)
        if not text:
            errors["text"] = t("required", lang)
        if not errors:
            report = NewReport(category=category, text=text, link=link, anonymous=anonymous,
                               reporter=self._person(msg))
            try:
                submitted = await asyncio.to_thread(self.cases.submit, report, key=msg.key)
            except InvalidReport as exc:
                field = "link" if "link" in str(exc).lower() else "text"
                errors[field] = str(exc)
            else:
                text_out = t("report_received", lang, case_id=submitted.case_id)
                if submitted.receipt:
                    text_out += "\n\n" + t("report_receipt", lang, case_id=submitted.case_id, receipt=submitted.receipt)
                text_out += "\n\n" + t("report_outside", lang)
                return [Reply(text_out, replace=True, language=lang)]
        form = self.report_form(lang, errors, values)
        return [Reply(form.title, form=form, language=lang)]

    # ---- buttons ----------------------------------------------------------------------------

    async def _action(self, msg: Incoming, lang: str) -> list[Reply]:
        action, value = msg.action or "", (msg.value or "").strip()
        if action == "show_clause":
            if value not in self.policy.clause_ids:
                return [Reply(t("unknown_command", lang, command=value), language=lang)]
            return [Reply(render.clause_text(self.policy, value, lang), language=lang)]
        if action == "wrong_verdict":
            clauses, _, version = value.partition("|")
            if self.feedback is not None:
                for clause in clauses.split(","):
                    if clause in self.policy.clause_ids or clause == "ok":
                        await asyncio.to_thread(self.feedback, clause, version or self.policy.version)
            return [Reply(t("wrong_verdict_thanks", lang), language=lang)]
        if action in ("open_case", "ack_case", "reply_case", "close_case"):
            command = {"open_case": "open", "ack_case": "ack", "reply_case": "reply", "close_case": "close"}[action]
            return await self._leader_command(msg, command, value, lang)
        if action == "report":
            return await self._report_command(msg, "", lang)
        return [Reply(t("unknown_command", lang, command=action), language=lang)]

    # ---- leaders ----------------------------------------------------------------------------

    async def _leader_command(self, msg: Incoming, command: str, rest: str, lang: str) -> list[Reply]:
        if self.cases is None:
            return [Reply(t("report_unavailable", lang), language=lang)]
        leader = self._person(msg)
        if command == "cases":
            cards = await self._cases_call(lang, self.cases.list_open, leader)
            if isinstance(cards, Reply):
                return [cards]
            if not cards:
                return [Reply(t("no_open_cases", lang), language=lang)]
            text = "\n".join(render.case_text(c, lang).splitlines()[0] for c in cards)
            return [Reply(text, buttons=tuple(Button(f"{t('open_case', lang)} {c.case_id}", "open_case", c.case_id) for c in cards[:5]), language=lang)]
        case_id, _, text = rest.strip().partition(" ")
        case_id = case_id.upper()
        if not CASE_ID.fullmatch(case_id):
            return [Reply(t("report_status_usage", lang), language=lang)]
        if command == "open":
            card = await self._cases_call(lang, self.cases.open, case_id, leader)
        elif command == "ack":
            card = await self._cases_call(lang, self.cases.acknowledge, case_id, leader)
            if not isinstance(card, Reply):  # keep the text in view: the leader was reading it
                card = await self._cases_call(lang, self.cases.open, case_id, leader)
        elif command in ("reply", "close") and not text.strip():
            # Only a leader gets the form: the check happens before anything of the case is shown.
            allowed = await asyncio.to_thread(self.cases.is_leader, leader)
            if not allowed:
                return [Reply(t("not_allowed", lang, case_id=case_id), language=lang)]
            form = self._leader_form(REPLY_FORM if command == "reply" else CLOSE_FORM, case_id, lang)
            return [Reply(form.title, form=form, language=lang)]
        elif command == "reply":
            card = await self._cases_call(lang, self.cases.reply, case_id, leader, text.strip())
        else:
            card = await self._cases_call(lang, self.cases.close, case_id, leader, text.strip())
        if isinstance(card, Reply):
            return [card]
        return [Reply(render.case_text(card, lang), case=card, buttons=self._case_buttons(card, lang), language=lang)]

    def _leader_form(self, form_id: str, case_id: str, lang: str) -> Form:
        title, label = ("reply_title", "reply_field") if form_id == REPLY_FORM else ("close_title", "close_field")
        return Form(id=form_id, title=f"{t(title, lang)} · {case_id}", submit=t(title, lang), context=case_id,
                    fields=(Field("text", t(label, lang), "long_text", True, max_length=4000),))

    def _case_buttons(self, card, lang: str) -> tuple[Button, ...]:
        if card.status == "closed":
            return ()
        buttons = [Button(t("reply_case", lang), "reply_case", card.case_id),
                   Button(t("close_case", lang), "close_case", card.case_id, "danger")]
        if card.status == "new":
            buttons.insert(0, Button(t("ack_case", lang), "ack_case", card.case_id, "primary"))
        return tuple(buttons)

    async def _cases_call(self, lang: str, fn, *args, **kwargs):
        """Run a store call in a thread; turn its refusals into a private reply."""
        case_id = next((a for a in args if isinstance(a, str) and CASE_ID.fullmatch(a)), "")
        try:
            return await asyncio.to_thread(fn, *args, **kwargs)
        except NotFound:
            return Reply(t("not_found", lang, case_id=case_id), language=lang)
        except NotAllowed:
            return Reply(t("not_allowed", lang, case_id=case_id), language=lang)

    # ---- helpers ----------------------------------------------------------------------------

    def _person(self, msg: Incoming) -> Person:
        return Person(platform=msg.platform, id=msg.user, name=msg.user_name)

    def _language(self, msg: Incoming) -> str:
        """The language of what they wrote; for a bare command, a click or a case id, their locale."""
        hint = "lv" if (msg.locale or "").lower().startswith("lv") else "en"
        text = msg.text.strip()
        word = fold(text).strip(" !.?,").lstrip("/")
        if word in LATVIAN_WORDS or BARE.get(word, word) != word:  # "sveiki", "palīdzība"
            return "lv"
        if msg.kind not in ("message", "command"):
            return hint
        command, rest = (msg.command, text) if msg.kind == "command" else parse(text)
        if command in LEADER_COMMANDS | {"report"} and command != "reply":
            rest = ""  # case ids and receipts are not words: "open SM-2026-0001" has no language
        prose = CASE_ID.sub(" ", rest)
        return detect_language(prose) if len(prose.split()) >= 2 else hint


def parse(text: str) -> tuple[str | None, str]:
    """Split a typed command from its argument: "/review x", "review: x", "help".

    Without a slash only the command words in BARE count, and "policy"/"help"/"cases" only
    alone, so that a question that happens to start with "policy" stays a question."""
    text = text.strip()
    if text.startswith("/"):
        head, _, rest = text[1:].partition(" ")
        head, sep, tail = head.partition("\n")
        return head.lower(), (tail + " " + rest).strip() if sep else rest.strip()
    m = re.match(r"([^\s:]+)\s*(:|\n|\s|$)(.*)", text, re.S)
    if not m:
        return None, text
    word = fold(m.group(1))
    command = BARE.get(word)
    if command is None:
        if word in ("open", "ack", "reply", "close") and CASE_ID.match(m.group(3).strip()):
            return word, m.group(3).strip()
        return None, text
    rest = m.group(3).strip()
    if command in ("policy", "help", "cases") and rest:
        return None, text
    if command == "review" and not rest and m.group(2) not in (":", "\n"):
        return "review", ""
    return command, rest


def truthy(value: object) -> bool:
    if isinstance(value, (list, tuple, set)):
        return bool(value)
    return str(value or "").strip().lower() in ("1", "true", "yes", "on", "anonymous", "y", "jā", "ja")
