"""Block Kit renderings of the router's replies, forms and cases, and the inverse for submitted
modals. Pure functions: no I/O, no clock, no Slack client.

Slack rejects a whole message or view when one limit is broken, so every limit that our data
can reach is enforced here (lengths are characters):

- section text 3000, button text 75, button value 2000, modal title / submit / close 24,
  option text 75 and value 150, plain_text_input `max_length` at most 3000, 50 blocks in a
  message and 100 in a view, 25 elements in an actions block, and `action_id`s unique per block.
- mrkdwn is escaped (`&`, `<`, `>`): a draft saying `<!channel>` must not ping a channel.
  Report text and replies are shown as plain_text, never as mrkdwn.

Conventions the adapter relies on to read clicks and submissions back:
- an actions block's `block_id` ends in ":<lang>" so a click is answered in the language of the
  message that carried the button; a repeated action id gets "#<n>" (see `action_name`);
- a form field is an input block whose `block_id` and `action_id` are the field's name; the
  modal's `callback_id` is the form id, its `private_metadata` JSON {"c": context, "l": lang}.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Mapping

from policy.model import Answer, Policy, Review

from bot import render as plain
from bot.messages import Button, CaseCard, Field, Form, Reply
from bot.texts import STATUS, t

SECTION, BUTTON_TEXT, BUTTON_VALUE, VIEW_TITLE, OPTION_TEXT, OPTION_VALUE = 3000, 75, 2000, 24, 75, 150
INPUT_MAX = 3000
MESSAGE_BLOCKS, VIEW_BLOCKS, ACTIONS = 50, 100, 25
MAX_FINDINGS = 20
MAX_CASE_MESSAGES = 40
LANGS = ("lv", "en")

# Words the adapter itself shows. The router's own texts live in bot/texts.py.
WORDS: dict[str, dict[str, str]] = {
    "cancel": {"en": "Cancel", "lv": "Atcelt"},
    "close": {"en": "Close", "lv": "Aizvērt"},
    "done": {"en": "Done", "lv": "Gatavs"},
    "case": {"en": "Case", "lv": "Lieta"},
    "choose": {"en": "Choose…", "lv": "Izvēlieties…"},
    "more_findings": {"en": "…and {n} more.", "lv": "…un vēl {n}."},
    "more_messages": {"en": "{n} earlier messages are not shown.", "lv": "{n} agrākas ziņas nav parādītas."},
    "home_report": {"en": "Report a problem privately", "lv": "Privāti ziņot par problēmu"},
    "home_how": {
        "en": "*Reporting a problem:* type `/report` anywhere, or use the button. Only leadership reads "
              "reports; you may stay anonymous and follow up with `/report status <case id> <receipt>`.",
        "lv": "*Ziņošana par problēmu:* ierakstiet `/report` jebkurā vietā vai spiediet pogu. Ziņojumus lasa "
              "tikai vadība; varat palikt anonīms un sekot līdzi ar `/report status <lietas nr.> <kvīts>`.",
    },
}

# Leader and reporter notices: the case id and nothing of the report (a Slack admin can export DMs).
NOTICES: dict[str, dict[str, str]] = {
    "new_case": {
        "en": "New private report *{case_id}* ({category}), received {created}.",
        "lv": "Jauns privāts ziņojums *{case_id}* ({category}), saņemts {created}.",
    },
    "reminder_unacknowledged": {
        "en": "Report *{case_id}* ({category}, received {created}) is still not acknowledged.",
        "lv": "Ziņojuma *{case_id}* ({category}, saņemts {created}) saņemšana vēl nav apstiprināta.",
    },
    "reminder_feedback": {
        "en": "Report *{case_id}* ({category}, received {created}) is waiting for feedback to the reporter.",
        "lv": "Ziņojuma *{case_id}* ({category}, saņemts {created}) iesniedzējs gaida atbildi.",
    },
    "undelivered": {
        "en": "A notification about report *{case_id}* ({category}) could not be delivered to another leader.",
        "lv": "Paziņojumu par ziņojumu *{case_id}* ({category}) neizdevās nogādāt citam vadītājam.",
    },
    "other": {
        "en": "Report *{case_id}* ({category}) needs attention.",
        "lv": "Ziņojumam *{case_id}* ({category}) nepieciešama uzmanība.",
    },
    "reply": {
        "en": "Leadership replied to your report *{case_id}*. Read it with `/report status {case_id}`.",
        "lv": "Vadība atbildēja uz jūsu ziņojumu *{case_id}*. Izlasiet ar `/report status {case_id}`.",
    },
    "open_hint": {
        "en": "The report opens in a private window; nothing of it is kept in this chat.",
        "lv": "Ziņojums atveras privātā logā; šajā sarakstē no tā nekas netiek saglabāts.",
    },
}

# A form that cannot open as a modal (no trigger_id: a DM or a mention) becomes a button whose
# click opens it: form id -> the router's action for it (its value is the form's context).
FORM_ACTIONS = {"report": "report", "case_reply": "reply_case", "case_close": "close_case"}


def w(key: str, lang: str, **values: object) -> str:
    entry = WORDS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


# ---- small pieces -----------------------------------------------------------------------------


def escape(text: str) -> str:
    """Slack's three mrkdwn control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain_text(text: str, limit: int = SECTION) -> dict[str, Any]:
    return {"type": "plain_text", "text": clip(text, limit) or " ", "emoji": True}


def chunks(text: str, limit: int = SECTION) -> list[str]:
    """`text` cut into pieces of at most `limit`, at line ends where possible."""
    out: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > limit // 2 else limit
        out.append(text[:cut])
        text = text[cut:].lstrip("\n")
    if text.strip():
        out.append(text)
    return out


def sections(text: str, *, mrkdwn: bool = True) -> list[dict[str, Any]]:
    """Text as section blocks; mrkdwn is escaped, plain_text is shown as typed."""
    if mrkdwn:
        return [{"type": "section", "text": {"type": "mrkdwn", "text": part}} for part in chunks(escape(text))]
    return [{"type": "section", "text": plain_text(part)} for part in chunks(text)]


def context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(text, SECTION)}]}


def buttons(items: Iterable[Button], block: str, lang: str) -> list[dict[str, Any]]:
    """One actions block (or none). Repeated action ids get "#2", "#3"... (Slack requires unique
    action ids in a block); `action_name` strips the suffix again."""
    seen: dict[str, int] = {}
    elements = []
    for b in list(items)[:ACTIONS]:
        seen[b.action] = seen.get(b.action, 0) + 1
        element: dict[str, Any] = {
            "type": "button",
            "text": plain_text(b.label, BUTTON_TEXT),
            "action_id": b.action if seen[b.action] == 1 else f"{b.action}#{seen[b.action]}",
            "value": clip(b.value, BUTTON_VALUE),
        }
        if b.style in ("primary", "danger"):
            element["style"] = b.style
        elements.append(element)
    return [{"type": "actions", "block_id": f"{block}:{lang}", "elements": elements}] if elements else []


def action_name(action_id: str) -> str:
    """The router's action for a Slack `action_id` ("show_clause#2" -> "show_clause")."""
    return action_id.split("#", 1)[0]


def block_language(block_id: str | None) -> str | None:
    """The language an actions block was rendered in, from its `block_id` ("actions:lv")."""
    lang = (block_id or "").rpartition(":")[2]
    return lang if lang in LANGS else None


# ---- messages ---------------------------------------------------------------------------------


def message(reply: Reply) -> dict[str, Any]:
    """A reply as a message body for chat.postMessage / postEphemeral / response_url / an ack:
    `text` is the whole plain rendering (notifications, screen readers), `blocks` the rich one."""
    return {"text": clip(reply.text, 40_000), "blocks": render(reply)}


def render(reply: Reply, policy: Policy | None = None) -> list[dict[str, Any]]:
    """Blocks for a reply: a verdict first, then each finding (the words, the clause title and id,
    the policy version, why, the fix); an answer with its sources; otherwise the text."""
    lang = reply.language
    if reply.review is not None and reply.answer is None:
        blocks = review_blocks(reply.review, reply.text)
    elif reply.answer is not None:
        blocks = answer_blocks(reply.answer, reply.text)
    else:
        blocks = sections(reply.text)
    blocks = blocks[: MESSAGE_BLOCKS - 1]
    shown = reply.buttons
    if reply.form is not None and not shown:
        shown = form_button(reply.form)
    return blocks + buttons(shown, "actions", lang)


def review_blocks(review: Review, text: str) -> list[dict[str, Any]]:
    """The verdict, then the findings. Titles come from the reply's own text so that no policy
    object is needed here: `render.review_text` writes one "• " line per finding."""
    lang = review.language
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": "*" + escape(plain.verdict_line(review)) + "*"}}
    ]
    headers = [line[2:] for line in text.splitlines() if line.startswith("• ")]
    for i, f in enumerate(review.findings[:MAX_FINDINGS]):
        head = headers[i] if i < len(headers) else f"“{f.excerpt}” ({f.clause}, v{review.policy_version})"
        body = f"*{escape(head)}*\n*{t('why', lang)}:* {escape(f.message)}\n*{t('fix', lang)}:* {escape(f.suggestion)}"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": clip(body, SECTION)}})
    if len(review.findings) > MAX_FINDINGS:
        blocks.append(context(w("more_findings", lang, n=len(review.findings) - MAX_FINDINGS)))
    if review.findings:
        blocks.append(context(escape(t("policy_version", lang, version=review.policy_version))))
    return blocks


def answer_blocks(answer: Answer, text: str) -> list[dict[str, Any]]:
    blocks = sections(answer.answer)
    if answer.review is not None and answer.review.findings:
        review_text = text[len(answer.answer):].strip() if text.startswith(answer.answer) else text
        blocks += [{"type": "divider"}] + review_blocks(answer.review, review_text)
    if answer.citations:
        cited = " · ".join(f"`{escape(c.clause)}` v{escape(c.version)}" for c in answer.citations[:5])
        blocks.append(context("📖 " + cited))
    return blocks


def case_pointer(card: CaseCard, lang: str) -> dict[str, Any]:
    """A leader's case where a message would stay in chat history (a DM, a channel): its status
    line and an "Open case" button; the report itself only ever appears in the modal."""
    status = STATUS.get(card.status, {}).get(lang, card.status)
    line = t("case_status", lang, case_id=card.case_id, status=status, created=card.created)
    return {"text": line, "blocks": sections(line) + buttons(
        [Button(t("open_case", lang), "open_case", card.case_id, "primary")], "actions", lang)}


def form_button(form: Form) -> tuple[Button, ...]:
    """A form shown where no modal can open: a button whose click opens it."""
    action = FORM_ACTIONS.get(form.id)
    return (Button(form.title, action, form.context, "primary"),) if action else ()


# ---- modals -----------------------------------------------------------------------------------


def metadata(context_value: str, lang: str) -> str:
    return json.dumps({"c": context_value, "l": lang}, ensure_ascii=False)


def read_metadata(text: str | None) -> tuple[str, str | None]:
    """(context, language) from a view's private_metadata; tolerant of anything."""
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return "", None
    if not isinstance(data, dict):
        return "", None
    c, lang = data.get("c"), data.get("l")
    return (c if isinstance(c, str) else ""), (lang if lang in LANGS else None)


def _title(title: str) -> tuple[str, list[dict[str, Any]]]:
    """A modal title fits 24 characters; a longer one ("Reply to the reporter · SM-2026-0042")
    is shortened at its " · " and shown whole in a context block."""
    if len(title) <= VIEW_TITLE:
        return title, []
    return clip(title.split(" · ")[0], VIEW_TITLE), [context(escape(title))]


def modal(form: Form, lang: str) -> dict[str, Any]:
    """A form as a modal: one input block per field (block_id = action_id = field name)."""
    title, extra = _title(form.title)
    return {
        "type": "modal",
        "callback_id": form.id,
        "title": plain_text(title, VIEW_TITLE),
        "submit": plain_text(form.submit, VIEW_TITLE),
        "close": plain_text(w("cancel", lang), VIEW_TITLE),
        "private_metadata": metadata(form.context, lang),
        "blocks": extra + [field_block(f, lang) for f in form.fields][: VIEW_BLOCKS - len(extra)],
    }


def field_block(field: Field, lang: str) -> dict[str, Any]:
    element: dict[str, Any] = {"action_id": field.name}
    if field.kind in ("text", "long_text"):
        element["type"] = "plain_text_input"
        element["multiline"] = field.kind == "long_text"
        element["max_length"] = min(field.max_length or INPUT_MAX, INPUT_MAX)
        if field.initial:
            element["initial_value"] = field.initial[:INPUT_MAX]
    elif field.kind == "url":
        element["type"] = "url_text_input"
        if field.initial:
            element["initial_value"] = field.initial
    elif field.kind == "select":
        options = [_option(o.value, o.label) for o in field.options[:100]]
        element.update(type="static_select", options=options, placeholder=plain_text(w("choose", lang), 150))
        initial = next((o for o in options if o["value"] == field.initial), None)
        if initial:
            element["initial_option"] = initial
    else:  # checkbox: one option carrying the label ("Keep me anonymous")
        element.update(type="checkboxes", options=[_option("yes", field.label)])
        if field.initial.strip().lower() in ("1", "true", "yes", "on"):
            element["initial_options"] = element["options"]
    block: dict[str, Any] = {
        "type": "input",
        "block_id": field.name,
        "label": plain_text(field.label, 2000),
        "element": element,
        "optional": not field.required,
    }
    if field.hint:
        block["hint"] = plain_text(field.hint, 2000)
    return block


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": plain_text(label, OPTION_TEXT), "value": clip(value, OPTION_VALUE)}


def errors(form: Form) -> dict[str, str]:
    """`response_action: errors` for a re-shown form. Slack accepts only block ids of input
    blocks, so an error on a field that is not in the form goes to its first field."""
    names = [f.name for f in form.fields]
    out: dict[str, str] = {}
    for name, text in form.errors.items():
        key = name if name in names else (names[0] if names else name)
        out[key] = clip(f"{out[key]} {text}" if key in out else text, 2000)
    return out


def form_values(view: Mapping[str, Any]) -> dict[str, Any]:
    """The submitted values of a modal by field name: text inputs as text, a select as its
    value, checkboxes as True/False. Anything unexpected reads as empty."""
    state = view.get("state")
    values = state.get("values") if isinstance(state, dict) else None
    out: dict[str, Any] = {}
    if not isinstance(values, dict):
        return out
    for block in values.values():
        if not isinstance(block, dict):
            continue
        for name, element in block.items():
            if isinstance(element, dict):
                out[str(name)] = _element_value(element)
    return out


def _element_value(element: Mapping[str, Any]) -> Any:
    kind = element.get("type")
    if kind in ("checkboxes", "multi_static_select"):
        selected = element.get("selected_options")
        return bool(selected) if isinstance(selected, list) else False
    if kind in ("static_select", "radio_buttons", "external_select"):
        option = element.get("selected_option")
        value = option.get("value") if isinstance(option, dict) else None
        return value if isinstance(value, str) else ""
    value = element.get("value")
    return value if isinstance(value, str) else ""


def notice_modal(title: str, text: str, lang: str) -> dict[str, Any]:
    """What replaces a submitted form: the outcome (a case id, a receipt), and a Done button."""
    head, extra = _title(title)
    return {
        "type": "modal",
        "callback_id": "notice",
        "title": plain_text(head, VIEW_TITLE),
        "close": plain_text(w("done", lang), VIEW_TITLE),
        "blocks": (extra + sections(text, mrkdwn=False))[:VIEW_BLOCKS],
    }


def case_modal(card: CaseCard, actions: Iterable[Button], lang: str) -> dict[str, Any]:
    """A case for a leader, in a modal (so no copy of the report stays in chat history):
    status, category, reporter, the report as plain text, the messages, and the case buttons."""
    status = STATUS.get(card.status, {}).get(lang, card.status)
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": "*" + escape(
            t("case_status", lang, case_id=card.case_id, status=status, created=card.created)) + "*"}},
        context(escape(f"{card.category} · {card.reporter}")),
    ]
    if card.text is not None:
        blocks += [{"type": "divider"}] + sections(card.text, mrkdwn=False)
    if card.link:
        blocks += sections(card.link, mrkdwn=False)
    messages = list(card.messages)
    if len(messages) > MAX_CASE_MESSAGES:
        blocks.append(context(w("more_messages", lang, n=len(messages) - MAX_CASE_MESSAGES)))
        messages = messages[-MAX_CASE_MESSAGES:]
    if messages:
        blocks.append({"type": "divider"})
    for who, when, text in messages:
        blocks.append(context(escape(f"{who} · {when}")))
        blocks += sections(text, mrkdwn=False)[:1]
    if card.text is None and not messages:
        blocks.append(context(escape(t("case_no_replies", lang))))
    action_blocks = buttons(actions, "case", lang)
    blocks = blocks[: VIEW_BLOCKS - len(action_blocks)] + action_blocks
    return {
        "type": "modal",
        "callback_id": "case",
        "title": plain_text(f"{w('case', lang)} {card.case_id}", VIEW_TITLE),
        "close": plain_text(w("close", lang), VIEW_TITLE),
        "private_metadata": metadata(card.case_id, lang),
        "blocks": blocks,
    }


# ---- App Home and notices ---------------------------------------------------------------------


def home(policy: Policy, lang: str) -> dict[str, Any]:
    """The App Home tab: what the bot does, the policy version and its clauses one line each,
    and how to report (with a button that opens the report form)."""
    lines = [f"• *{escape(c.title.get(lang))}* (`{escape(c.id)}`) — {escape(c.summary.get(lang))}" for c in policy.clauses]
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": plain_text(policy.title.get(lang), 150)},
        *sections(t("help", lang, version=policy.version)),
        {"type": "divider"},
        {"type": "section", "text": {"type": "mrkdwn", "text": "*" + escape(t(
            "policy_header", lang, title=policy.title.get(lang), version=policy.version,
            effective=policy.effective.isoformat())) + "*"}},
    ]
    for part in chunks("\n".join(lines)):
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": part}})
    blocks += [
        context(escape(t("policy_footer", lang))),
        {"type": "divider"},
        {"type": "section", "text": {"type": "mrkdwn", "text": w("home_how", lang)}},
        *buttons([Button(w("home_report", lang), "report", "", "primary")], "home", lang),
    ]
    return {"type": "home", "blocks": blocks[:VIEW_BLOCKS]}


def notice_message(kind: str, case_id: str, category: str, created: str) -> dict[str, Any]:
    """A leader's (or named reporter's) DM about a case: the case id in visible text and, for
    leaders, an "Open case" button (not a link). Both languages: a notice has no language of
    its own. No report content, ever."""
    key = kind if kind in NOTICES and kind != "open_hint" else "other"
    values = dict(case_id=escape(case_id), category=escape(category), created=escape(created))
    lines = [NOTICES[key][lang].format(**values) for lang in ("en", "lv")]
    if kind != "reply":
        lines.append(f"_{NOTICES['open_hint']['en']}_ / _{NOTICES['open_hint']['lv']}_")
    blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)}}]
    if kind != "reply":
        label = f"{t('open_case', 'en')} {case_id}"
        blocks += buttons([Button(label, "open_case", case_id, "primary")], "notice", "en")
    fallback = NOTICES[key]["en"].format(**values).replace("*", "").replace("`", "")
    return {"text": fallback, "blocks": blocks}
