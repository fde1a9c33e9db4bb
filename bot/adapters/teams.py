"""Microsoft Teams over the router, on the Microsoft 365 Agents SDK (successor of the archived Bot
Framework SDK; same Activity protocol).

    POST /api/messages   the Bot Framework JWT is checked first (teams_auth), then the activity is
                         parsed and validated here, then the SDK runs the turn and this module
                         translates: `to_incoming(activity)` -> router -> `to_activity(reply)`.

Where replies go: in the 1:1 chat, there. In a channel or group chat the bot acts only when
@mentioned, and everything private (answers, verdicts, forms, cases) goes to the asker's 1:1 chat,
created when there is none; the channel gets at most a note without content.

Status codes: 401 for a bad token (before the body is read), 400 for a body that is not an
Activity, 403 for a serviceUrl the bot will not call, 202 after a message turn (also when sending
failed: that is logged, and the platform's retry is de-duplicated), 200 for every invoke.
"""
from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import json
import logging
import re
from typing import Any
from urllib.parse import urlsplit

from aiohttp import ClientSession, ClientTimeout, web
from microsoft_agents.activity import Activity, Attachment, InvokeResponse
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import AgentAuthConfiguration
from microsoft_agents.hosting.core.authorization import AuthenticationConstants, AuthTypes, ClaimsIdentity
from microsoft_agents.hosting.core.connector import ConnectorClientBase
from microsoft_agents.hosting.core.connector.client import UserTokenClient
from microsoft_agents.hosting.core.connector.teams import TeamsConnectorClient

from bot import platform_state
from bot.adapters import teams_cards
from bot.adapters.teams_auth import TokenGuard
from bot.adapters.teams_notifier import PLATFORM, SERVICE_KEY, Direct, TeamsNotifier, Unreachable, reference_of, user_keys
from bot.messages import Incoming, Reply
from bot.services import Services

log = logging.getLogger(__name__)

SEND_TIMEOUT = 10.0  # seconds per connector call; Teams itself waits 15 s for our answer
AT_TAG = re.compile(r"<at[^>]*>(.*?)</at>", re.I | re.S)


class _DropValidationLogs(logging.Filter):
    """The SDK logs pydantic's error for a malformed Activity, input values included, at ERROR on
    `microsoft_agents.activity.activity`. bot/logs.py raises that logger to CRITICAL; this filter
    keeps the input out of the logs even where logging was set up some other way."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Validation error for Activity")


logging.getLogger("microsoft_agents.activity.activity").addFilter(_DropValidationLogs())


# ---- pure translators ---------------------------------------------------------------------------


def to_incoming(activity: Activity, leaders: frozenset[str] = frozenset()) -> Incoming | None:
    """The router's view of a Teams activity, or None when the bot should not act on it.

    - A message in the 1:1 chat: its text. In a channel or group chat: only when the bot is
      @mentioned, with the mention removed (what remains may start with a space).
    - An `Action.Submit` arrives as a message with `value` and no text: `{"form", "context", ...}`
      is a form (context = case id), `{"action", "value"}` a button.
    - An `Action.Execute` arrives as an `adaptiveCard/action` invoke; its data reads the same.
    """
    sender = activity.from_property
    if sender is None or not sender.id:
        return None
    data: Any = None
    if activity.type == "invoke" and activity.name == "adaptiveCard/action" and isinstance(activity.value, dict):
        action = activity.value.get("action")
        if isinstance(action, dict):
            data = action.get("data") if isinstance(action.get("data"), dict) else {}
            data = {"action": action.get("verb"), **data} if not data.get("form") and not data.get("action") else data
    elif activity.type == "message" and isinstance(activity.value, dict) and not (activity.text or "").strip():
        data = activity.value
    elif activity.type != "message":
        return None

    direct = is_personal(activity)
    user = sender.id
    if sender.aad_object_id and sender.aad_object_id in leaders and sender.id not in leaders:
        user = sender.aad_object_id  # leaders may be configured by Entra object id
    common: dict[str, Any] = dict(platform="teams", user=user, direct=direct, locale=activity.locale,
                                  user_name=clean(sender.name) if sender.name else None, key=activity.id, raw=activity)
    if data is not None:
        if isinstance(data.get("form"), str) and data["form"]:
            values = {k: clean(v) for k, v in data.items() if k not in ("form", "context", "msteams")}
            return Incoming(kind="form", form=clean(data["form"]), value=_str(data.get("context")), values=values, **common)
        if isinstance(data.get("action"), str) and data["action"]:
            return Incoming(kind="action", action=clean(data["action"]), value=_str(data.get("value")), **common)
        return None
    if not direct and not mentions_bot(activity):
        return None
    return Incoming(kind="message", text=clean(strip_mentions(activity)), **common)


def is_personal(activity: Activity) -> bool:
    conversation = activity.conversation
    if conversation is None:
        return False
    if conversation.conversation_type:
        return conversation.conversation_type == "personal"
    return not conversation.is_group


def mentions_bot(activity: Activity) -> bool:
    bot = _bare(activity.recipient.id if activity.recipient else None)
    return bool(bot) and any(_bare(m.mentioned.id if m.mentioned else None) == bot for m in _mentions(activity))


def strip_mentions(activity: Activity) -> str:
    """The text without the bot's @mention; other people's mentions keep their names."""
    text = activity.text or ""
    bot = _bare(activity.recipient.id if activity.recipient else None)
    for m in _mentions(activity):
        if m.text and bot and _bare(m.mentioned.id if m.mentioned else None) == bot:
            text = text.replace(m.text, " ")
    return AT_TAG.sub(r"\1", text).strip()


def to_activity(reply: Reply, policy) -> Activity:
    """A reply as a Teams message: an Adaptive Card when it has structure, else markdown text."""
    card = teams_cards.render(reply, policy)
    if card is not None:
        return Activity(type="message", summary=_first_line(reply.text),
                        attachments=[Attachment(content_type=teams_cards.CARD_TYPE, content=card)])
    return text_activity(reply.text)


def text_activity(text: str) -> Activity:
    # Teams reads message text as markdown with inline HTML: "<case id>" would vanish as a tag, so
    # &, < and > are escaped. Single line breaks are joined; a blank line keeps each line its own.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Activity(type="message", text_format="markdown", text=escaped.replace("\n", "\n\n"))


def _mentions(activity: Activity) -> list:
    try:
        return [m for m in activity.get_mentions() if m is not None]
    except Exception:  # a malformed mention entity is no mention
        return []


def _bare(account_id: str | None) -> str:
    """Bot ids arrive as "28:<app id>" or as the bare app id: compare them without the prefix."""
    value = (account_id or "").strip().lower()
    return value[3:] if value.startswith("28:") else value


def _opaque_id(value: str) -> bool:
    """Ids are opaque ("29:…", "a:1…", "19:…@thread.tacv2;messageid=…", GUIDs), but they end up in
    the connector's URL paths and in logs: bounded, printable, and no path or query characters."""
    return 0 < len(value) <= 1024 and value.isprintable() and not any(c in value for c in "/\\?#")


def clean(value: str) -> str:
    """Lone surrogates (JSON allows "\\ud83d") cannot be stored or sent as UTF-8: replace them."""
    return value.encode("utf-8", "replace").decode("utf-8") if isinstance(value, str) else value


def _str(value: Any) -> str:
    return "" if value is None else clean(value) if isinstance(value, str) else json.dumps(value)[:200]


def _first_line(text: str) -> str | None:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line[:200] or None


def is_loopback(url: str | None) -> bool:
    try:
        parts = urlsplit(url or "")
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ---- the connector clients ----------------------------------------------------------------------


class ConnectorClients:
    """Makes the SDK's connector clients: with the bot's MSAL token, or in anonymous mode with none
    and only for loopback serviceUrls (the Agents Playground, the tests' fake connector).

    Replaces the SDK's RestChannelServiceClientFactory because (SDK 1.9) that one asks MSAL for a
    token even with auth off whenever the claims carry an app id, as proactive calls' do
    ("TENANT_ID is not set"), and its sessions have no timeout."""

    def __init__(self, connections: MsalConnectionManager | None, app_id: str | None, timeout: float = SEND_TIMEOUT) -> None:
        self.connections = connections
        self.app_id = app_id
        self.timeout = timeout

    async def create_connector_client(self, context, claims_identity: ClaimsIdentity, service_url: str,
                                      audience: str, scopes: list[str] | None = None,
                                      use_anonymous: bool = False) -> ConnectorClientBase:
        if not service_url:
            raise TypeError("service_url is required")
        if self.connections is None:
            if not is_loopback(service_url):
                raise PermissionError("anonymous mode calls loopback serviceUrls only")
            token = ""
        else:
            if not audience:
                raise TypeError("audience is required")
            provider = self.connections.get_token_provider(claims_identity, service_url)
            token = await provider.get_access_token(audience, scopes or claims_identity.get_token_scope())
        base = service_url if service_url.endswith("/") else service_url + "/"
        session = ClientSession(base_url=base, timeout=ClientTimeout(total=self.timeout))
        return TeamsConnectorClient(endpoint=base, token=token or "", session=session)

    async def create_user_token_client(self, context, claims_identity: ClaimsIdentity, use_anonymous: bool = False):
        # The bot uses no user sign-in (no OAuth cards, no SSO): this client is never called.
        return UserTokenClient(AuthenticationConstants.AGENTS_SDK_OAUTH_URL, "", app_id=self.app_id or "anonymous")


# ---- the adapter --------------------------------------------------------------------------------


class TeamsAdapter:
    """`TeamsAdapter(services)`; `.mount(app)` adds POST /api/messages; `.notifier` delivers
    leader notices (1:1 messages); `start`/`stop` have nothing to do (Teams calls us)."""

    def __init__(self, services: Services) -> None:
        settings = services.settings.teams
        if settings is None:
            raise ValueError("Teams is not configured (MICROSOFT_APP_ID or POLICYBOT_TEAMS_ANONYMOUS=1)")
        self.services = services
        self.settings = settings
        self.router = services.router
        self.policy = services.engine.policy
        self.leaders = settings.leaders
        self.anonymous = settings.anonymous
        if self.anonymous:
            self.guard = None
            connections = None
        else:
            config = AgentAuthConfiguration(
                auth_type=AuthTypes.client_secret, client_id=settings.app_id, tenant_id=settings.tenant_id,
                client_secret=settings.app_password, validate_issuer=True, connection_name="SERVICE_CONNECTION",
            )
            self.guard = TokenGuard(config)
            connections = MsalConnectionManager(connections_configurations={"SERVICE_CONNECTION": config})
        self.clients = ConnectorClients(connections, settings.app_id)
        self.cloud = CloudAdapter(channel_service_client_factory=self.clients)
        # The SDK's default turn-error handler prints the traceback and sends the exception's text
        # to the user; errors are handled in `_handle` instead.
        self.cloud.on_turn_error = None
        self.direct = Direct(services.store, self.clients, settings.app_id)
        self.notifier = TeamsNotifier(self.direct, self.policy)

    def mount(self, app: web.Application) -> None:
        app.router.add_post("/api/messages", self._handle)

    async def start(self) -> None:
        if self.anonymous:
            log.warning(
                "TEAMS ANONYMOUS MODE (POLICYBOT_TEAMS_ANONYMOUS=1): /api/messages accepts requests WITHOUT "
                "authentication and calls loopback serviceUrls without a token. For local runs with the "
                "Agents Playground only; never expose this port."
            )

    async def stop(self) -> None:
        return None

    # ---- HTTP ------------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        claims = ClaimsIdentity()
        if self.guard is not None:  # before the body is read: a bad token costs nothing
            verified = await self.guard.verify(request.headers.get("Authorization"))
            if verified is None:
                return web.json_response({"error": "unauthorized"}, status=401)
            claims = verified
        activity = await self._read(request)
        if isinstance(activity, web.Response):
            return activity
        refusal = self._check_service_url(activity, claims)
        if refusal is not None:
            return refusal

        key = self._key(activity)
        if key is not None and not await self._claim(key):
            # A retry of an activity another delivery has (or had) in hand; an unseen one, or one
            # whose first delivery died without finishing, is always processed.
            return web.json_response({}, status=200) if activity.type == "invoke" else web.Response(status=202)
        invoke: InvokeResponse | None = None
        try:
            invoke = await self.cloud.process_activity(claims, activity, self._turn)
        except Exception as exc:  # the connector failed, or a bug: log the kind, never the content
            log.error("teams turn for a %s activity failed: %s", activity.type, type(exc).__name__)
        else:
            if key is not None:
                await self._finish(key)
        if activity.type == "invoke":
            # The SDK answers 501 to an invoke no handler answered; Teams shows that as an error.
            status = invoke.status if invoke is not None and invoke.status and int(invoke.status) < 500 else 200
            body = invoke.body if invoke is not None and invoke.body is not None and status == invoke.status else {}
            return web.json_response(body, status=int(status))
        return web.Response(status=202)

    async def _read(self, request: web.Request) -> Activity | web.Response:
        """The body as an Activity, or a 4xx. Malformed input never reaches a log."""
        try:
            raw = await request.read()  # aiohttp answers 413 beyond the app's client_max_size
            data = json.loads(raw)
        except web.HTTPException:
            raise
        except (ValueError, UnicodeDecodeError, RecursionError):
            return web.json_response({"error": "the body is not JSON"}, status=400)
        if not isinstance(data, dict):
            return web.json_response({"error": "the body is not an Activity"}, status=400)
        try:
            # Raises on wrong-typed fields (pydantic), and on a channelId/productInfo conflict with a
            # bare Exception; unguarded, either is a 500.
            activity = Activity.model_validate(data)
        except Exception:
            return web.json_response({"error": "the body is not a valid Activity"}, status=400)
        if not activity.type or not activity.conversation or not activity.conversation.id:
            return web.json_response({"error": "an Activity needs type and conversation.id"}, status=400)
        if activity.type in ("message", "invoke") and not (
            activity.from_property and activity.from_property.id and activity.recipient and activity.recipient.id
        ):
            return web.json_response({"error": "a message needs from.id and recipient.id"}, status=400)
        ids = (activity.id, activity.reply_to_id, activity.conversation.id,
               str(activity.channel_id) if activity.channel_id is not None else None,
               activity.from_property.id if activity.from_property else None,
               activity.recipient.id if activity.recipient else None)
        if not all(_opaque_id(i) for i in ids if i is not None):
            return web.json_response({"error": "an id is not a Teams id"}, status=400)
        if not activity.service_url or urlsplit_safe(activity.service_url) is None:
            return web.json_response({"error": "an Activity needs a serviceUrl"}, status=400)
        return activity

    def _check_service_url(self, activity: Activity, claims: ClaimsIdentity) -> web.Response | None:
        """Whom the bot may call back. Anonymous: loopback only, so an unauthenticated request
        cannot make the bot POST to any address. Authenticated: the serviceUrl the token names."""
        if self.anonymous:
            if not is_loopback(activity.service_url):
                return web.json_response({"error": "anonymous mode answers loopback serviceUrls only"}, status=403)
            return None
        claimed = claims.get_claim_value(AuthenticationConstants.SERVICE_URL_CLAIM)
        if claimed is not None:
            mine, theirs = urlsplit_safe(activity.service_url), urlsplit_safe(str(claimed))
            if mine is None or theirs is None or mine.hostname != theirs.hostname:
                return web.json_response({"error": "serviceUrl does not match the token"}, status=401)
        elif urlsplit_safe(activity.service_url).scheme != "https":  # type: ignore[union-attr]
            return web.json_response({"error": "serviceUrl must be https"}, status=403)
        return None

    async def _claim(self, key: str) -> bool:
        try:
            return await asyncio.to_thread(platform_state.first_seen, self.services.store, key)
        except Exception as exc:  # the database is down: answering twice beats not answering
            log.error("could not de-duplicate a Teams activity: %s", type(exc).__name__)
            return True

    async def _finish(self, key: str) -> None:
        try:
            await asyncio.to_thread(platform_state.finish, self.services.store, key)
        except Exception as exc:
            log.error("could not mark a Teams activity done: %s", type(exc).__name__)

    @staticmethod
    def _key(activity: Activity) -> str | None:
        """De-duplication key: the activity id within its conversation (ids are opaque strings)."""
        if activity.type not in ("message", "invoke") or not activity.id:
            return None
        digest = hashlib.sha256(f"{activity.conversation.id}\x00{activity.id}".encode()).hexdigest()
        return f"teams:{digest}"

    # ---- the turn --------------------------------------------------------------------------------

    async def _turn(self, context) -> None:
        activity: Activity = context.activity
        await self._remember(activity)
        incoming = to_incoming(activity, self.leaders)
        if incoming is not None:
            replies = await self.router.handle(incoming)
            await self._deliver(context, incoming, replies)
        if activity.type == "invoke":
            # Universal Actions expect a message response; any other invoke gets a plain 200.
            body = ({"statusCode": 200, "type": "application/vnd.microsoft.activity.message", "value": ""}
                    if activity.name == "adaptiveCard/action" else {})
            await context.send_activity(Activity(type="invokeResponse", value=InvokeResponse(status=200, body=body)))

    async def _remember(self, activity: Activity) -> None:
        """Store where the user's 1:1 chat is (install, member added, any 1:1 message), and the
        serviceUrl/tenant/bot seen last, for leaders who never wrote to the bot."""
        if activity.type not in ("message", "conversationUpdate", "installationUpdate", "invoke"):
            return
        sender, bot = activity.from_property, activity.recipient
        if bot is None or not bot.id:
            return
        try:
            ref = reference_of(activity)
            await self.direct.remember(SERVICE_KEY, {k: v for k, v in ref.items() if k != "user"})
            if is_personal(activity) and sender is not None and sender.id and _bare(sender.id) != _bare(bot.id):
                for key in user_keys(sender):
                    await self.direct.remember(key, ref)
        except Exception as exc:  # answering matters more than remembering; the next message retries
            log.error("could not store a Teams conversation reference: %s", type(exc).__name__)

    async def _deliver(self, context, incoming: Incoming, replies: list[Reply]) -> None:
        activity: Activity = context.activity
        # A form submitted from a card is answered in place of that card (Teams: update activity),
        # so the report's receipt replaces the form and nothing the person typed stays on screen.
        replace_id = activity.reply_to_id if incoming.kind == "form" and incoming.direct else None
        private_sent = private_failed = public_sent = False
        for reply in replies:
            out = to_activity(reply, self.policy)
            if incoming.direct or not reply.private:
                if replace_id and (reply.replace or reply.form is not None):
                    if await self._update(context, replace_id, out):
                        replace_id = None
                        continue
                await context.send_activity(out)
                public_sent = public_sent or not incoming.direct
                continue
            try:
                await self.direct.send(activity.from_property.id, out, origin=activity,
                                       connector=context.services.get(ConnectorClientBase))
                private_sent = True
            except Unreachable:
                private_failed = True
            except Exception as exc:
                log.error("could not reach a Teams user in a 1:1 chat: %s", type(exc).__name__)
                private_failed = True
        if incoming.direct or public_sent:
            return
        lang = next((r.language for r in replies), "en")
        if private_failed:
            await context.send_activity(text_activity(teams_cards.text("unreachable", lang)))
        elif private_sent:
            await context.send_activity(text_activity(teams_cards.text("sent_privately", lang)))

    async def _update(self, context, activity_id: str, out: Activity) -> bool:
        out = out.model_copy()
        out.id = activity_id
        try:
            await context.update_activity(out)
            return True
        except Exception as exc:  # the card is gone or cannot be edited: send the reply instead
            log.warning("could not update a Teams card: %s", type(exc).__name__)
            return False


def urlsplit_safe(url: str | None):
    try:
        parts = urlsplit(url or "")
        (parts.hostname or "").encode("idna")  # ValueError on a bad netloc ("["), UnicodeError on a bad host
    except (ValueError, UnicodeError):
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return parts


