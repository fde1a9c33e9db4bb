"""Request guards for Slack over HTTP: the signature, the body, the shapes bolt and we read.

Everything here is a pure function of (headers, body, clock) and runs before slack-bolt sees a
request, because bolt alone mishandles hostile or broken input:

- slack_sdk's `SignatureVerifier` raises (ValueError, TypeError) on a non-numeric timestamp or a
  non-ASCII signature instead of returning False, which becomes a 500; and bolt's verification
  middleware logs the raw body at INFO when a signature fails. `verify` is our one verifier:
  every malformed header is simply "not signed" (401), and no body is ever logged.
- `AsyncBoltRequest` parses the body in its constructor (`json.loads` raising on a bad
  `payload` field) and then walks it with unchecked indexing (`payload["authorizations"][0]`,
  `"id" in team`, `body["actions"][0]`, `body["event"]["type"]`), so a signed but malformed
  payload such as `"actions": null` is a 500 from bolt. `parse` and `check` turn those into a
  4xx before bolt runs. Bolt also mistakes any form body containing the word "payload" (a slash
  command whose text says "payload") for an interactive payload and drops all its fields;
  `parse` does not.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from typing import Any, Callable, Mapping
from urllib.parse import parse_qsl

from aiohttp import web

log = logging.getLogger(__name__)

MAX_SKEW = 300  # seconds; Slack's documented replay window
MAX_BODY = 1024 * 1024  # as bot.server's client_max_size: Slack's payloads are far smaller
MAX_FIELDS = 1000  # a form body with more fields than this is not from Slack
# The events the app subscribes to. Others are acknowledged without reaching bolt, which has
# special paths for some (assistant threads, functions, workflow steps) that fail on odd input.
EVENTS = frozenset({"message", "app_mention", "app_home_opened"})


class BadRequest(Exception):
    """A signed request we cannot use. `str(exc)` is a short reason with no request content."""


class Signature:
    """Slack's request signing: `v0=` + hex HMAC-SHA256(secret, "v0:{timestamp}:{raw body}")."""

    def __init__(self, signing_secret: str, clock: Callable[[], float] = time.time) -> None:
        self._secret = signing_secret.encode()
        self._clock = clock

    def verify(self, headers: Mapping[str, str], body: bytes) -> bool:
        """True only for a well-formed, fresh, matching signature; False for anything else
        (missing, non-numeric or non-ASCII headers included), never an exception."""
        timestamp = headers.get("X-Slack-Request-Timestamp") or ""
        signature = headers.get("X-Slack-Signature") or ""
        if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
            return False
        if abs(self._clock() - int(timestamp)) > MAX_SKEW:
            return False
        if not (signature.isascii() and signature.startswith("v0=")):
            return False
        expected = "v0=" + hmac.new(self._secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature)

    def sign(self, body: bytes, timestamp: int | None = None) -> dict[str, str]:
        """The headers Slack would send with `body` (tests, benchmarks, tools)."""
        ts = str(int(self._clock()) if timestamp is None else timestamp)
        mac = hmac.new(self._secret, b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
        return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + mac}


def parse(body: bytes, content_type: str | None) -> dict[str, Any]:
    """The payload as Slack meant it: a JSON object (events), the JSON of a form's `payload`
    field (interactivity), or the form's fields (slash commands, ssl_check)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("body is not UTF-8") from None
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype == "application/json" or text.lstrip().startswith("{"):
        return _json_object(text, "body")
    try:
        fields = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        raise BadRequest("too many form fields") from None
    form = dict(fields)
    if "payload" in form:
        return _json_object(form["payload"], "payload")
    return form


def _json_object(text: str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise BadRequest(f"{what} is not JSON") from None
    if not isinstance(value, dict):
        raise BadRequest(f"{what} is not a JSON object")
    return value


# ---- shapes -----------------------------------------------------------------------------------

# Keys that bolt's context extraction reads as "a string, or an object with an `id`".
_ID_OR_OBJECT = ("enterprise", "team", "user", "channel")
# Keys that bolt (or we) read as strings when present.
_STRINGS = (
    "type", "enterprise_id", "team_id", "user_id", "channel_id", "user_team", "thread_ts", "ts",
    "bot_id", "subtype", "callback_id", "action_id", "block_id", "response_url", "trigger_id",
    "text", "command", "channel_type", "event_id", "tab", "id", "hash", "private_metadata",
    "value", "token", "api_app_id", "challenge",
)
# Keys that bolt descends into with `isinstance(..., dict)` checks or `.get()` calls.
_OBJECTS = ("message", "previous_message", "item", "assistant_thread", "function_data", "view",
            "container", "state", "workflow_step")


def _object(d: dict[str, Any], path: str) -> None:
    """The rules bolt's context extraction needs of every object it walks."""
    for key in _ID_OR_OBJECT:
        v = d.get(key)
        if v is None or isinstance(v, str):
            continue
        if not isinstance(v, dict) or not isinstance(v.get("id", ""), (str, type(None))):
            raise BadRequest(f"{path}{key} has the wrong type")
        _scalars(v, f"{path}{key}.")
    _scalars(d, path)
    for key in _OBJECTS:
        if d.get(key) is not None and not isinstance(d[key], dict):
            raise BadRequest(f"{path}{key} has the wrong type")
    if "event" in d and not isinstance(d["event"], dict):
        raise BadRequest(f"{path}event has the wrong type")
    auths = d.get("authorizations")
    if auths is not None:
        if not isinstance(auths, list) or not all(isinstance(a, dict) for a in auths):
            raise BadRequest(f"{path}authorizations has the wrong type")
        for a in auths[:1]:
            _object(a, f"{path}authorizations[0].")
    if "response_url" not in d and "response_urls" in d:
        urls = d["response_urls"]
        if not isinstance(urls, list) or not all(isinstance(u, dict) for u in urls):
            raise BadRequest(f"{path}response_urls has the wrong type")
        for u in urls[:1]:
            _scalars(u, f"{path}response_urls[0].")
    for key in ("event", "message", "previous_message", "item", "assistant_thread"):
        if isinstance(d.get(key), dict):
            _object(d[key], f"{path}{key}.")


def _scalars(d: dict[str, Any], path: str, keys: tuple[str, ...] = _STRINGS) -> None:
    for key in keys:
        if d.get(key) is not None and not isinstance(d[key], str):
            raise BadRequest(f"{path}{key} is not a string")


def _need(d: Any, key: str, kind: type, path: str = "") -> Any:
    value = d.get(key) if isinstance(d, dict) else None
    if not isinstance(value, kind) or (kind is str and not value):
        raise BadRequest(f"{path}{key} is missing or has the wrong type")
    return value


def check(payload: dict[str, Any]) -> str:
    """Check what bolt and our listeners will read; return the payload's kind:
    "command", "event", "other_event" (one we do not subscribe to), "block_actions",
    "view_submission", "view_closed", "message_action", "shortcut", "url_verification",
    "ssl_check" or "app_rate_limited". Raise `BadRequest` for anything else."""
    _object(payload, "")
    kind = payload.get("type")
    if kind is None:
        if "command" in payload:
            _need(payload, "command", str)
            _need(payload, "user_id", str)
            return "command"
        if payload.get("ssl_check") == "1":
            return "ssl_check"
        raise BadRequest("unknown form body")
    if kind == "url_verification":
        _need(payload, "challenge", str)
        return kind
    if kind == "app_rate_limited":
        return kind
    if kind == "event_callback":
        _need(payload, "event_id", str)
        event = _need(payload, "event", dict)
        if _need(event, "type", str, "event.") not in EVENTS:
            return "other_event"
        return "event"
    if kind in ("block_actions", "view_submission", "view_closed", "message_action", "shortcut"):
        _need(_need(payload, "user", dict), "id", str, "user.")
    if kind == "block_actions":
        actions = payload.get("actions")
        if not isinstance(actions, list) or not actions or not all(isinstance(a, dict) for a in actions):
            raise BadRequest("actions is missing or has the wrong type")
        for a in actions:
            _need(a, "action_id", str, "actions[].")
            _scalars(a, "actions[].", ("block_id", "value", "type"))
        if isinstance(payload.get("view"), dict):
            _view(payload["view"], submitted=False)
        return kind
    if kind in ("view_submission", "view_closed"):
        view = _need(payload, "view", dict)
        _view(view)
        if view.get("type") != "modal":  # bolt indexes view["type"] unchecked
            raise BadRequest("view.type is not modal")
        state = view.get("state")
        values = state.get("values") if isinstance(state, dict) else {}
        if not isinstance(values, dict) or not all(isinstance(b, dict) for b in values.values()):
            raise BadRequest("view.state.values has the wrong type")
        return kind
    if kind in ("message_action", "shortcut"):
        _need(payload, "callback_id", str)
        if kind == "message_action":
            _need(payload, "message", dict)
        return kind
    raise BadRequest("unsupported payload type")


def _view(view: dict[str, Any], submitted: bool = True) -> None:
    _need(view, "id", str, "view.")
    if submitted:  # a Home tab's view, where buttons are clicked too, has callback_id ""
        _need(view, "callback_id", str, "view.")
    _scalars(view, "view.")
    # Bolt takes a view of type "workflow_step" for a legacy Workflow Steps save and then reads a
    # `workflow_step` that is not there (KeyError while building any listener's arguments).
    if view.get("type") not in (None, "modal", "home"):
        raise BadRequest("view.type is not a modal or home view")


async def admit(request: web.Request, signature: Signature | None) -> tuple[str, dict[str, Any]] | web.Response:
    """(kind, payload) of a request fit for bolt, or the response that refuses it: 413 over
    1 MB, 401 unless signed (malformed headers included), 400 for a signed but unusable body,
    200 for what needs no more than an acknowledgement. Nothing of the body is logged."""
    if (request.content_length or 0) > MAX_BODY:
        return web.json_response({"error": "too large"}, status=413)
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:  # chunked bodies: aiohttp's client_max_size
        return web.json_response({"error": "too large"}, status=413)
    if signature is None or not signature.verify(request.headers, raw):
        return web.json_response({"error": "invalid request"}, status=401)
    try:
        payload = parse(raw, request.headers.get("Content-Type"))
        kind = check(payload)
    except BadRequest as exc:
        log.info("slack: rejected a signed request: %s", exc)
        return web.json_response({"error": "bad request"}, status=400)
    if kind == "app_rate_limited":
        log.warning("slack: Slack reports that events were rate-limited (app_rate_limited)")
        return web.Response(status=200)
    if kind == "other_event":  # not subscribed: acknowledged, so that Slack does not retry it
        return web.Response(status=200)
    return kind, payload
