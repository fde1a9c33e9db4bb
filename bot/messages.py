"""The platform-neutral event model: what adapters hand the router and what it hands back.

Adapters translate a platform payload into an `Incoming` (`to_incoming(raw)`) and render each
`Reply` in their own way (console text, Slack Block Kit, Teams Adaptive Cards). The router never
sees a platform payload except in `Incoming.raw`, which it does not read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

from policy.model import Answer, Review

Platform = Literal["console", "slack", "teams"]
Kind = Literal["message", "command", "action", "form"]


@dataclass(frozen=True)
class Incoming:
    """One thing a person did: wrote a message, ran a command, clicked, submitted a form.

    - message: `text` is what they wrote (mention already stripped). `direct` is True in a 1:1
      chat with the bot, False when they @mentioned it in a channel or group.
    - command: a slash command or its text equivalent; `command` is its name without the slash
      ("review", "report", "policy", "help"), `text` its argument.
    - action: a button; `action` is its id ("open_case", "show_clause", "wrong_verdict", ...)
      and `value` its value.
    - form: a submitted form; `form` is the form id and `values` its fields.
    """

    platform: Platform
    user: str  # the platform's user id, as it arrives
    kind: Kind = "message"
    text: str = ""
    direct: bool = True
    command: str | None = None
    action: str | None = None
    value: str | None = None
    form: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    locale: str | None = None  # the user's platform locale, a hint for the answer's language
    user_name: str | None = None
    key: str | None = None  # idempotency key of the platform event (event_id, activity id)
    raw: Any = None  # the platform payload; adapters only


@dataclass(frozen=True)
class Button:
    """A button. `action` comes back as `Incoming.action`, `value` as `Incoming.value`."""

    label: str
    action: str
    value: str = ""
    style: Literal["default", "primary", "danger"] = "default"


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: Literal["text", "long_text", "url", "select", "checkbox"]
    required: bool = False
    options: tuple[Option, ...] = ()
    max_length: int | None = None
    hint: str = ""
    initial: str = ""


@dataclass(frozen=True)
class Form:
    """A form to fill: a Slack modal, a Teams Adaptive Card, console prompts.
    Its submission comes back as `Incoming(kind="form", form=id, values=...)`."""

    id: str
    title: str
    fields: tuple[Field, ...]
    submit: str
    context: str = ""  # opaque value carried through the form (e.g. a case id)
    errors: Mapping[str, str] = field(default_factory=dict)  # field name -> message, on re-show


@dataclass(frozen=True)
class CaseCard:
    """A case as one reader may see it. `text` is set only for leaders who opened it."""

    case_id: str
    category: str
    status: str
    created: str  # ISO date-time
    reporter: str  # "anonymous" or a display name / user id (leaders only)
    text: str | None = None
    link: str | None = None
    messages: tuple[tuple[str, str, str], ...] = ()  # (who, when, text)


@dataclass(frozen=True)
class Reply:
    """What the bot says back. `text` is always a complete plain-text rendering, so an adapter
    that knows nothing of the structured parts still says the right thing.

    - private: only the person who asked may see it (ephemeral in Slack, the 1:1 chat in Teams).
      The router sets it for every verdict, answer and report; adapters must honour it.
    - review / answer / case: structured content for rich rendering.
    - form: ask the person to fill this form.
    - buttons: actions offered under the reply.
    - replace: this reply replaces the form the person just submitted (Slack modal update,
      Teams card update), instead of arriving as a new message.
    """

    text: str
    private: bool = True
    review: Review | None = None
    answer: Answer | None = None
    case: CaseCard | None = None
    form: Form | None = None
    buttons: tuple[Button, ...] = ()
    replace: bool = False
    language: str = "en"
