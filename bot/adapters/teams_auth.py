"""The guard in front of `/api/messages`: a Bot Framework JWT or exactly 401, promptly.

The Agents SDK validates tokens (`JwtTokenValidator`: signature against the Bot Framework keys,
audience, issuer allow-list, tenant binding) and the guard keeps using it for that. Around it the
guard fixes what the SDK 1.9 middleware gets wrong for a public endpoint:

- a token without `kid` raises `KeyError` inside the SDK (a 500), and any other unexpected
  exception would too: every failure here is a 401;
- the SDK fetches signing keys before it looks at any claim, with a blocking 30 s HTTP timeout:
  a garbage, `alg: none`, expired, wrong-audience or wrong-issuer token would wait on the network
  (or trip a slow resolver) before being refused. `precheck` refuses those from the unverified
  token alone, without I/O, and the key fetch is bounded by `timeout`.

The precheck only ever refuses; acceptance is the SDK's verified decision.
"""
from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import time
from typing import Any, Callable

from microsoft_agents.hosting.core import AgentAuthConfiguration
from microsoft_agents.hosting.core.authorization import ClaimsIdentity
from microsoft_agents.hosting.core.authorization.jwt import JwtTokenValidator

log = logging.getLogger(__name__)

LEEWAY = 300  # seconds of clock skew; the SDK's own leeway, so the two checks agree
MAX_TOKEN = 16 * 1024  # Bot Framework tokens are ~1-2 KB; anything this large is not one


class TokenGuard:
    """`await guard.verify(authorization_header)` -> the verified claims, or None (answer 401)."""

    def __init__(self, config: AgentAuthConfiguration, *, timeout: float = 5.0,
                 clock: Callable[[], float] = time.time) -> None:
        if not config.CLIENT_ID:
            raise ValueError("TokenGuard needs the bot's app id (CLIENT_ID)")
        self.config = config
        self.app_id = config.CLIENT_ID.lower()
        self.issuers = {i.lower() for i in config.ISSUERS}
        self.timeout = timeout
        self.clock = clock

    async def verify(self, header: str | None) -> ClaimsIdentity | None:
        reason = precheck(header, app_id=self.app_id, issuers=self.issuers, now=self.clock())
        if reason:  # cheap to send, so common noise: INFO; a well-formed token that fails is a WARNING
            log.info("refused a request to /api/messages: %s", reason)
            return None
        token = header.split(None, 1)[1].strip()  # type: ignore[union-attr]  # precheck parsed it
        try:
            claims = await asyncio.wait_for(JwtTokenValidator(self.config).validate_token(token), self.timeout)
        except asyncio.TimeoutError:
            log.warning("refused a request to /api/messages: signing keys not reachable within %.0f s", self.timeout)
            return None
        except Exception as exc:  # PyJWTError, ValueError, KeyError, network errors: all a 401
            log.warning("refused a request to /api/messages: token not valid (%s)", type(exc).__name__)
            return None
        return claims


def precheck(header: str | None, *, app_id: str, issuers: set[str], now: float) -> str | None:
    """Why the Authorization header cannot carry a valid Bot Framework token, or None if it may.

    Pure: reads only the unverified token. A short reason without any of the token's values."""
    if not header:
        return "no Authorization header"
    parts = header.split(None, 1)
    if len(parts) != 2 or parts[0].lower() != "bearer":
        return "not a Bearer token"
    token = parts[1].strip()
    if not token or len(token) > MAX_TOKEN or any(c.isspace() for c in token):
        return "malformed token"
    segments = token.split(".")
    if len(segments) != 3 or not all(segments):
        return "malformed token"
    head, payload = _json_segment(segments[0]), _json_segment(segments[1])
    if head is None or payload is None:
        return "malformed token"
    if head.get("alg") != "RS256":
        return "algorithm not accepted"
    if not isinstance(head.get("kid"), str) or not head["kid"]:
        return "no key id"
    exp, nbf = payload.get("exp"), payload.get("nbf")
    if not _number(exp):
        return "no expiry"
    if exp + LEEWAY < now:
        return "expired"
    if nbf is not None and (not _number(nbf) or nbf - LEEWAY > now):
        return "not yet valid"
    aud = payload.get("aud")
    if not isinstance(aud, str) or aud.lower() != app_id:
        return "wrong audience"
    iss = payload.get("iss")
    if not isinstance(iss, str) or iss.lower() not in issuers:
        return "issuer not accepted"
    return None


def _json_segment(segment: str) -> dict[str, Any] | None:
    try:
        raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value  # not NaN
