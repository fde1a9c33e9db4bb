"""Private 1:1 delivery in Teams, and the leaders' notifier built on it.

`Direct.send(user_id, activity)` puts a message in the user's 1:1 chat with the bot: the stored
conversation reference when there is one, otherwise a new 1:1 created through the connector
(`POST /v3/conversations`), whose reference is then stored. A targeted message in a channel is
not a 1:1 and is never used. `TeamsNotifier` is the outbox's notifier for Teams: a card with the
case id in visible text and an "Open case" button, and nothing of the case's content.

Conversation references live in the database (`bot.platform_state`), keyed by the user's id as it
arrives (`from.id`) and by their Entra object id, so that leaders may be configured either way.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Protocol

import aiohttp
from microsoft_agents.activity import (
    Activity,
    Attachment,
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
    ConversationReference,
)
from microsoft_agents.hosting.core.authorization import AuthenticationConstants, ClaimsIdentity
from microsoft_agents.hosting.core.connector import ConnectorClientBase

from bot import platform_state
from bot.adapters.teams_cards import CARD_TYPE, notice_card, notice_text
from bot.escalation.notifiers import Notice, RetryAfter

log = logging.getLogger(__name__)

PLATFORM = "teams"
# Not a user id: the last serviceUrl / tenant / bot account seen, so that a 1:1 can be created for
# a leader who never wrote to the bot (the outbox has no incoming activity to take them from).
SERVICE_KEY = "*service*"
# The connector's audience. The SDK's `create_connector_client(..., audience="")` raises TypeError.
AUDIENCE = AuthenticationConstants.AGENTS_SDK_SCOPE  # https://api.botframework.com


class ConnectorFactory(Protocol):
    async def create_connector_client(self, context: Any, claims_identity: ClaimsIdentity, service_url: str,
                                      audience: str, scopes: list[str] | None = None,
                                      use_anonymous: bool = False) -> ConnectorClientBase: ...


class Unreachable(Exception):
    """No 1:1 chat with the user exists and none can be created (no serviceUrl known yet)."""


def reference_of(activity: Activity) -> dict[str, Any]:
    """The conversation reference of an incoming 1:1 activity, as stored (JSON, no activity id)."""
    ref = activity.get_conversation_reference()
    ref.activity_id = None
    return ref.model_dump(by_alias=True, exclude_none=True, mode="json")


def user_keys(account: ChannelAccount | None) -> list[str]:
    """The ids a user's reference is stored under: `from.id` and, when present, the Entra id."""
    if account is None or not account.id:
        return []
    keys = [account.id]
    if account.aad_object_id and account.aad_object_id != account.id:
        keys.append(account.aad_object_id)
    return keys


def tenant_of(activity: Activity) -> str | None:
    if activity.conversation and activity.conversation.tenant_id:
        return activity.conversation.tenant_id
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = data.get("tenant") if isinstance(data.get("tenant"), dict) else {}
    value = tenant.get("id")
    return value if isinstance(value, str) and value else None


class Direct:
    """1:1 messages to Teams users, from a turn or from the outbox."""

    def __init__(self, store: Any, clients: ConnectorFactory, app_id: str | None) -> None:
        self.store = store
        self.clients = clients
        self.app_id = app_id or ""
        self._saved: dict[str, dict[str, Any]] = {}  # what was last written, to skip identical writes

    async def remember(self, user_id: str, reference: dict[str, Any]) -> None:
        """Store `reference` for `user_id` (durably; an unchanged reference is not rewritten)."""
        if self._saved.get(user_id) == reference:
            return
        await asyncio.to_thread(platform_state.save_reference, self.store, PLATFORM, user_id, reference)
        if len(self._saved) > 10_000:  # bounded: a cache of writes, not the source of truth
            self._saved.clear()
        self._saved[user_id] = reference

    async def send(self, user_id: str, activity: Activity, *, origin: Activity | None = None,
                   connector: ConnectorClientBase | None = None) -> str:
        """Deliver `activity` in the 1:1 chat of `user_id`; returns that chat's conversation id.

        `origin` is the activity being answered (a channel @mention): its serviceUrl, tenant and
        bot account are used to create the 1:1 if needed, through `connector` when given (the
        turn's, already authorised for that serviceUrl). Raises `RetryAfter` on 429,
        `Unreachable` when there is no way to reach the user, and the connector's error otherwise.
        """
        stored = await asyncio.to_thread(platform_state.load_reference, self.store, PLATFORM, user_id)
        if stored:
            try:
                ref = ConversationReference.model_validate(stored)
            except Exception:  # written by an older version: create a new 1:1 instead
                ref = None
            if ref is not None and ref.conversation and ref.service_url:
                try:
                    await self._post(ref, activity, connector if _same(connector, ref.service_url) else None)
                    return ref.conversation.id
                except aiohttp.ClientResponseError as exc:
                    if exc.status == 429:
                        raise RetryAfter(_retry_after(exc)) from None
                    if exc.status not in (403, 404):  # gone or uninstalled: try a new 1:1 below
                        raise
        ref = await self._create(user_id, origin, connector)
        await self._post(ref, activity, connector if _same(connector, ref.service_url) else None)
        return ref.conversation.id

    async def _create(self, user_id: str, origin: Activity | None, connector: ConnectorClientBase | None) -> ConversationReference:
        if origin is not None and origin.service_url and origin.recipient:
            service_url, bot, tenant, channel = origin.service_url, origin.recipient, tenant_of(origin), origin.channel_id
            user = origin.from_property if origin.from_property and user_id in user_keys(origin.from_property) else ChannelAccount(id=user_id)
        else:
            default = await asyncio.to_thread(platform_state.load_reference, self.store, PLATFORM, SERVICE_KEY)
            if not default:
                raise Unreachable("no serviceUrl known yet: the bot has not received any activity")
            known = ConversationReference.model_validate(default)
            service_url, bot, channel = known.service_url, known.agent, known.channel_id
            tenant = known.conversation.tenant_id if known.conversation else None
            user = ChannelAccount(id=user_id)
        params = ConversationParameters(
            is_group=False,
            agent=_account(bot.id, bot.name) if bot else None,
            members=[_account(user.id)],
            tenant_id=tenant,
            channel_data={"tenant": {"id": tenant}} if tenant else None,
        )
        client = connector if _same(connector, service_url) else await self._connector(service_url)
        try:
            try:
                created = await client.conversations.create_conversation(params)
            except aiohttp.ClientResponseError as exc:
                if exc.status == 429:
                    raise RetryAfter(_retry_after(exc)) from None
                raise
        finally:
            if client is not connector:
                await client.close()
        ref = ConversationReference(
            user=_account(user.id, user.name, user.aad_object_id),
            agent=bot,
            conversation=ConversationAccount(id=created.id, conversation_type="personal", is_group=False,
                                             **({"tenant_id": tenant} if tenant else {})),
            channel_id=channel,
            service_url=created.service_url or service_url,
        )
        stored = ref.model_dump(by_alias=True, exclude_none=True, mode="json")
        for key in dict.fromkeys([user_id, *user_keys(user)]):
            await self.remember(key, stored)
        return ref

    async def _post(self, ref: ConversationReference, activity: Activity, connector: ConnectorClientBase | None) -> None:
        out = activity.model_copy()
        out.conversation = ref.conversation
        out.from_property = ref.agent
        out.recipient = ref.user
        out.channel_id = ref.channel_id
        out.service_url = ref.service_url
        client = connector or await self._connector(ref.service_url)
        try:
            await client.conversations.send_to_conversation(ref.conversation.id, out)
        finally:
            if client is not connector:
                await client.close()

    async def _connector(self, service_url: str) -> ConnectorClientBase:
        # The bot's own identity: outgoing calls carry its token (MSAL), or none in anonymous mode.
        claims = ClaimsIdentity({AuthenticationConstants.AUDIENCE_CLAIM: self.app_id,
                                 AuthenticationConstants.APP_ID_CLAIM: self.app_id})
        return await self.clients.create_connector_client(None, claims, service_url, AUDIENCE, [f"{AUDIENCE}/.default"])


class TeamsNotifier:
    """The outbox's notifier for Teams: one 1:1 message per notice, the case id in its text and
    card, an "Open case" button, no content. `send` returns only once the connector accepted it."""

    def __init__(self, direct: Direct, policy: Any = None) -> None:
        self.direct = direct
        self.policy = policy  # for category titles only

    async def send(self, notice: Notice) -> None:
        stored = await asyncio.to_thread(platform_state.load_reference, self.direct.store, PLATFORM, notice.recipient)
        lang = "lv" if str((stored or {}).get("locale") or "").lower().startswith("lv") else "en"
        card = notice_card(notice, lang, self.policy)
        activity = Activity(
            type="message",
            text=notice_text(notice, lang),
            summary=notice_text(notice, lang),
            attachments=[Attachment(content_type=CARD_TYPE, content=card)],
        )
        await self.direct.send(notice.recipient, activity)
        log.info("teams notice %s for case %s delivered", notice.kind, notice.case_id)


def _account(account_id: str, name: str | None = None, aad: str | None = None) -> ChannelAccount:
    # The SDK's models refuse an explicit None for their optional string fields.
    extra = {k: v for k, v in (("name", name), ("aad_object_id", aad)) if v}
    return ChannelAccount(id=account_id, **extra)


def _same(connector: ConnectorClientBase | None, service_url: str | None) -> bool:
    if connector is None or not service_url:
        return False
    base = getattr(connector, "base_uri", "") or ""
    return base.rstrip("/").lower() == service_url.rstrip("/").lower()


def _retry_after(exc: aiohttp.ClientResponseError) -> float:
    try:
        return max(1.0, float((exc.headers or {}).get("Retry-After", "5")))
    except (TypeError, ValueError):
        return 5.0
