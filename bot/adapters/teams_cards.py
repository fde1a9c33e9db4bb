"""Adaptive Cards for Microsoft Teams, built from the router's `Reply`s. Pure: no I/O, no SDK.

`render(reply, policy)` returns a card (a dict) or None when the reply is best sent as plain
text. Every button is an `Action.Submit` whose data is `{"action", "value"}`; every form's submit
carries `{"form", "context"}` and Teams merges the inputs' values into it. Both come back as a
message activity with `value` set and no `text`; `bot.adapters.teams.to_incoming` reads them.

Cards use schema 1.4: input labels need 1.3, and Teams (desktop, web, mobile) and the Agents
Playground render 1.4.
"""
from __future__ import annotations

from typing import Any

from policy.model import Answer, Policy, Review

from bot.escalation.notifiers import Notice
from bot.messages import Button, CaseCard, Form, Reply
from bot.render import verdict_line
from bot.texts import STATUS, t

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
VERSION = "1.4"

VERDICT_COLOR = {"ok": "Good", "revise": "Warning", "do_not_post": "Attention"}
BUTTON_STYLE = {"primary": "positive", "danger": "destructive", "default": "default"}

# What the bot says in a channel or group chat when the answer went to the asker's 1:1 chat.
# It must carry nothing of the answer: no clause, no verdict word, no word of the draft.
TEXTS: dict[str, dict[str, str]] = {
    "sent_privately": {
        "en": "I've answered you in our private chat.",
        "lv": "Atbildēju jums mūsu privātajā sarakstē.",
    },
    "unreachable": {
        "en": "I couldn't write to you privately. Open a chat with me and ask me there.",
        "lv": "Nevarēju jums uzrakstīt privāti. Atveriet sarunu ar mani un jautājiet tur.",
    },
    "notice_title": {"en": "Case {case_id}", "lv": "Lieta {case_id}"},
    "notice_new_case": {"en": "A new report is waiting for leadership.", "lv": "Vadību gaida jauns ziņojums."},
    "notice_reminder_unacknowledged": {
        "en": "This case is still not acknowledged.",
        "lv": "Lietas saņemšana vēl nav apstiprināta.",
    },
    "notice_reminder_feedback": {
        "en": "The reporter is waiting for feedback on this case.",
        "lv": "Ziņotājs gaida atgriezenisko saiti par šo lietu.",
    },
    "notice_reply": {
        "en": "Leadership replied to your report.",
        "lv": "Vadība ir atbildējusi uz jūsu ziņojumu.",
    },
    "notice_undelivered": {
        "en": "A notification about this case could not be delivered to another leader.",
        "lv": "Paziņojumu par šo lietu neizdevās nogādāt citam vadītājam.",
    },
    "notice_other": {"en": "This case needs attention.", "lv": "Šai lietai vajadzīga uzmanība."},
    "read_reply": {"en": "Read the reply", "lv": "Lasīt atbildi"},
    "category": {"en": "Category", "lv": "Kategorija"},
    "opened": {"en": "Opened", "lv": "Atvērta"},
    "status": {"en": "Status", "lv": "Statuss"},
    "reporter": {"en": "Reporter", "lv": "Ziņotājs"},
    "link": {"en": "Link", "lv": "Saite"},
    "sources": {"en": "From the policy", "lv": "No vadlīnijām"},
}


def text(key: str, lang: str, **values: object) -> str:
    """A Teams-only text (see TEXTS), in `lang` or English."""
    entry = TEXTS[key]
    out = entry.get(lang) or entry["en"]
    return out.format(**values) if values else out


def render(reply: Reply, policy: Policy) -> dict[str, Any] | None:
    """The card for `reply`, or None when its plain text says it all (help, policy, errors)."""
    if reply.form is not None:
        return form_card(reply.form)
    if reply.case is not None:
        return case_card(reply.case, reply.text, reply.buttons, reply.language, policy)
    if reply.answer is not None:
        return answer_card(reply.answer, reply.buttons, policy)
    if reply.review is not None:
        return verdict_card(reply.review, reply.buttons, policy)
    if reply.buttons:
        return _card([_text(reply.text)], reply.buttons)
    return None


# ---- verdicts and answers ----------------------------------------------------------------------


def verdict_card(review: Review, buttons: tuple[Button, ...], policy: Policy) -> dict[str, Any]:
    """The verdict first, then each finding: the quoted words, the clause (title and id), why and
    the fix, and the policy version the verdict was made under."""
    body: list[dict[str, Any]] = [
        _text(verdict_line(review), weight="Bolder", size="Medium", color=VERDICT_COLOR.get(review.verdict)),
    ]
    body += _findings(review, policy)
    return _card(body, buttons)


def answer_card(answer: Answer, buttons: tuple[Button, ...], policy: Policy) -> dict[str, Any]:
    """The answer, the clauses it rests on (title, id, version, quote), and, when the question
    carried a draft, that draft's verdict and findings."""
    lang = answer.language
    body: list[dict[str, Any]] = [_text(answer.answer)]
    if answer.citations:
        body.append(_text(text("sources", lang), weight="Bolder", separator=True))
        for c in answer.citations:
            body.append(_text(f"{_title(policy, c.clause, lang)} ({c.clause}, v{c.version})", weight="Bolder", spacing="Small"))
            if c.quote:
                body.append(_text(f"“{c.quote}”", isSubtle=True, spacing="None"))
    if answer.review is not None and answer.review.findings:
        review = answer.review
        body.append(_text(verdict_line(review), weight="Bolder", color=VERDICT_COLOR.get(review.verdict), separator=True))
        body += _findings(review, policy)
    elif answer.review is not None:
        body.append(_text(verdict_line(answer.review), weight="Bolder", color="Good", separator=True))
    return _card(body, buttons)


def _findings(review: Review, policy: Policy) -> list[dict[str, Any]]:
    lang = review.language
    out: list[dict[str, Any]] = []
    for f in review.findings:
        out.append({
            "type": "Container",
            "separator": True,
            "items": [
                _text(f"“{f.excerpt}”", weight="Bolder"),
                _text(f"{_title(policy, f.clause, lang)} ({f.clause}, v{review.policy_version})", isSubtle=True, spacing="None"),
                _text(f"**{t('why', lang)}:** {f.message}", spacing="Small"),
                _text(f"**{t('fix', lang)}:** {f.suggestion}", spacing="Small"),
            ],
        })
    if review.findings:
        out.append(_text(t("policy_version", lang, version=review.policy_version), isSubtle=True, size="Small"))
    return out


# ---- forms ---------------------------------------------------------------------------------------


def form_card(form: Form) -> dict[str, Any]:
    """A form as an inline card: one labelled input per field, errors under their field, and a
    submit whose data names the form and carries its context (a case id) back."""
    body: list[dict[str, Any]] = [_text(form.title, weight="Bolder", size="Medium")]
    for f in form.fields:
        body.append(_input(f))
        if f.name in form.errors:
            body.append(_text(form.errors[f.name], color="Attention", size="Small", spacing="None"))
    submit = {"type": "Action.Submit", "title": form.submit, "style": "positive",
              "data": {"form": form.id, "context": form.context}}
    return {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": VERSION, "body": body, "actions": [submit]}


def _input(f) -> dict[str, Any]:
    common: dict[str, Any] = {"id": f.name, "label": f.label}
    if f.required:
        common |= {"isRequired": True, "errorMessage": f.label}
    if f.kind == "select":
        out = {"type": "Input.ChoiceSet", **common, "style": "compact",
               "choices": [{"title": o.label, "value": o.value} for o in f.options]}
        if f.initial:
            out["value"] = f.initial
        return out
    if f.kind == "checkbox":
        return {"type": "Input.Toggle", **common, "title": f.label, "valueOn": "true", "valueOff": "false",
                "value": "true" if f.initial in ("true", "1") else "false"}
    out: dict[str, Any] = {"type": "Input.Text", **common}
    if f.kind == "long_text":
        out["isMultiline"] = True
    if f.kind == "url":
        out["style"] = "Url"
    if f.max_length:
        out["maxLength"] = f.max_length
    if f.hint:
        out["placeholder"] = f.hint
    return out


# ---- cases and notices ---------------------------------------------------------------------------


def case_card(case: CaseCard, summary: str, buttons: tuple[Button, ...], lang: str,
              policy: Policy | None = None) -> dict[str, Any]:
    """A case as its reader may see it. The router decides what the card carries: report text,
    link and messages only for a leader who opened it; the status alone for anyone else."""
    status = STATUS.get(case.status, {}).get(lang, case.status)
    body: list[dict[str, Any]] = []
    first = summary.split("\n\n", 1)[0] if summary else ""
    if first and case.case_id not in first.splitlines()[0]:
        body.append(_text(first, weight="Bolder"))  # "Reply saved for …", "Case … closed."
    body.append(_text(text("notice_title", lang, case_id=case.case_id), weight="Bolder", size="Medium"))
    facts = [
        {"title": text("status", lang), "value": status},
        {"title": text("opened", lang), "value": _when(case.created)},
        {"title": text("category", lang), "value": category_title(policy, case.category, lang)},
        {"title": text("reporter", lang), "value": case.reporter},
    ]
    body.append({"type": "FactSet", "facts": facts})
    if case.text is not None:
        body.append(_text(case.text, separator=True))
    if case.link:
        body.append(_text(f"{text('link', lang)}: {case.link}"))
    if case.messages:
        body.append({"type": "Container", "separator": True, "items": [
            _text(f"**{who}** · {when}\n\n{said}", spacing="Small") for who, when, said in case.messages
        ]})
    elif case.text is None:
        body.append(_text(t("case_no_replies", lang), isSubtle=True))
    return _card(body, buttons)


def notice_card(notice: Notice, lang: str = "en", policy: Policy | None = None) -> dict[str, Any]:
    """A leader's (or named reporter's) notification: the case id in plain sight, the category,
    when the case was opened, and a button; never any content of the case. (The message's text,
    `notice_text`, says what happened; the card does not repeat it.)"""
    body = [
        _text(text("notice_title", lang, case_id=notice.case_id), weight="Bolder", size="Medium"),
        {"type": "FactSet", "facts": [
            {"title": text("category", lang), "value": category_title(policy, notice.category, lang)},
            {"title": text("opened", lang), "value": notice.created.strftime("%Y-%m-%d %H:%M UTC")},
        ]},
    ]
    if notice.kind == "reply":
        # A reporter is no leader: "Open case" would only say "not allowed". Their way in is
        # `report status <id>`, sent as if typed (imBack) so the router treats it as text.
        action = {"type": "Action.Submit", "title": text("read_reply", lang),
                  "data": {"msteams": {"type": "imBack", "value": f"report status {notice.case_id}"}}}
    else:
        action = _action(Button(t("open_case", lang), "open_case", notice.case_id, "primary"))
    return {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": VERSION, "body": body, "actions": [action]}


def notice_text(notice: Notice, lang: str = "en") -> str:
    """The notification's plain text (the chat list preview and the toast): case id, no content."""
    return f"{text('notice_title', lang, case_id=notice.case_id)}: {_notice_line(notice, lang)}"


def _notice_line(notice: Notice, lang: str) -> str:
    key = f"notice_{notice.kind}"
    return text(key if key in TEXTS else "notice_other", lang)


# ---- helpers -------------------------------------------------------------------------------------


def _card(body: list[dict[str, Any]], buttons: tuple[Button, ...] = ()) -> dict[str, Any]:
    card: dict[str, Any] = {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                            "version": VERSION, "body": body}
    if buttons:
        card["actions"] = [_action(b) for b in buttons]
    return card


def _action(button: Button) -> dict[str, Any]:
    return {"type": "Action.Submit", "title": button.label, "style": BUTTON_STYLE.get(button.style, "default"),
            "data": {"action": button.action, "value": button.value}}


def _text(value: str, **props: Any) -> dict[str, Any]:
    block = {"type": "TextBlock", "text": value, "wrap": True}
    block.update({k: v for k, v in props.items() if v is not None})
    return block


def category_title(policy: Policy | None, category: str, lang: str) -> str:
    """A report category (a clause id, or "other") as its reader knows it."""
    if category == "other":
        return t("category_other", lang)
    return _title(policy, category, lang) if policy is not None else category


def _when(iso: str) -> str:
    """"2026-11-25T08:21:39+00:00" -> "2026-11-25 08:21 UTC"; anything else as it is."""
    try:
        from datetime import datetime, timezone

        value = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    return value.strftime("%Y-%m-%d %H:%M UTC")


def _title(policy: Policy, clause_id: str, lang: str) -> str:
    try:
        return policy.clause(clause_id).title.get(lang)
    except KeyError:  # a clause of an older policy version
        return clause_id
