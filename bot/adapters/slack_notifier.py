"""The Slack Web API side: the client, one-call error handling, and leader notices.

Leader notices are a 1:1 DM from the bot with the case id and an "Open case" button.

The outbox calls `send` for each notice row. A leader notice opens (or finds) the 1:1 DM with
`conversations.open(users=leader)` — one user, so never a group DM — and posts the case id in
visible text with a non-link button (action_id `open_case`, value = case id). Nothing of the
report is sent: its content appears only in the modal that the button opens for a leader.
A `reply` notice tells a named reporter that leadership replied, with the same rules.
"""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_blocks import notice_message
from bot.escalation.notifiers import Notice, RetryAfter
from bot.settings import SlackSettings

log = logging.getLogger(__name__)


class ShortRateLimitRetry(AsyncRateLimitErrorRetryHandler):
    """Retry a 429 after its Retry-After, but only a short one: a modal must open within the
    trigger's 3 s and an outbox send within its lease. A longer wait goes back to the caller
    (the outbox honours it as `RetryAfter`)."""

    def __init__(self, max_wait: float = 3.0, max_retry_count: int = 2) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    async def _can_retry_async(self, *, state, request, response=None, error=None) -> bool:  # type: ignore[override]
        return response is not None and response.status_code == 429 and retry_after(response.headers) <= self.max_wait


def web_client(settings: SlackSettings) -> AsyncWebClient:
    """The Web API client: `SLACK_API_URL` (GovSlack, a proxy, a test fake) and retries for
    connection errors and short rate limits (slack_sdk's defaults retry connection errors only)."""
    extra = {"base_url": settings.api_url} if settings.api_url else {}
    return AsyncWebClient(
        token=settings.bot_token, timeout=10,
        retry_handlers=[AsyncConnectionErrorRetryHandler(max_retry_count=2), ShortRateLimitRetry()],
        **extra,
    )


class SlackDeliveryError(Exception):
    """A Web API call failed. The message holds the method and Slack's error code only: it ends
    up in the outbox's `last_error` and in logs."""


class SlackNotifier:
    """`await SlackNotifier(client).send(notice)`; raises `RetryAfter` on HTTP 429 and
    `SlackDeliveryError` on any other refusal, so the outbox retries."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client
        self._dm: dict[str, str] = {}  # user id -> their 1:1 channel with the bot

    async def send(self, notice: Notice) -> None:
        created = notice.created.strftime("%Y-%m-%d %H:%M UTC")
        body = notice_message(notice.kind, notice.case_id, notice.category, created)
        channel = await self._channel(notice.recipient)
        await call(self.client.chat_postMessage, channel=channel, **body)

    async def _channel(self, user: str) -> str:
        if user not in self._dm:
            response = await call(self.client.conversations_open, users=user)
            channel = response.get("channel") if isinstance(response, dict) else None
            if not isinstance(channel, dict) or not isinstance(channel.get("id"), str):
                raise SlackDeliveryError("conversations.open: no channel in the answer")
            self._dm[user] = channel["id"]
        return self._dm[user]


async def call(method: Callable[..., Awaitable[Any]], **args: Any) -> dict[str, Any]:
    """One Web API call through slack_sdk's method (which picks form or JSON encoding as Slack
    expects); a refusal becomes `RetryAfter` (429) or `SlackDeliveryError` whose message carries
    no request or response content (slack_sdk's own error text includes the whole response)."""
    name = getattr(method, "__name__", "api").replace("_", ".", 1)
    try:
        response = await method(**args)
    except SlackApiError as exc:
        status = getattr(exc.response, "status_code", None)
        if status == 429:
            raise RetryAfter(retry_after(getattr(exc.response, "headers", {}))) from None
        raise SlackDeliveryError(f"{name}: {error_code(exc)}") from None
    data = getattr(response, "data", None)
    return data if isinstance(data, dict) else {}


def error_code(exc: SlackApiError) -> str:
    data = getattr(exc.response, "data", None)
    code = data.get("error") if isinstance(data, dict) else None
    return code if isinstance(code, str) else f"HTTP {getattr(exc.response, 'status_code', '?')}"


def retry_after(headers: Any) -> float:
    """Seconds from a Retry-After header (slack_sdk gives header values as lists); 1 if absent."""
    for key, value in dict(headers or {}).items():
        if str(key).lower() == "retry-after":
            value = value[0] if isinstance(value, (list, tuple)) and value else value
            try:
                return max(float(value), 0.0)
            except (TypeError, ValueError):
                break
    return 1.0


def describe(exc: BaseException) -> str:
    """An exception for a log line, without its text when that could quote a payload or a
    Slack answer (slack_sdk's error text includes the whole response)."""
    if isinstance(exc, SlackApiError):
        return f"SlackApiError {error_code(exc)}"
    if isinstance(exc, SlackDeliveryError):
        return str(exc)
    return type(exc).__name__
