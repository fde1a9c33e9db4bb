"""With an app id configured every request needs a valid Bot Framework JWT: anything else is
exactly 401, promptly, and nothing reaches the connector.

The token issuer is faked on loopback: an RSA key, its JWKS served over HTTP. The SDK fetches
Bot Framework keys from a fixed URL; the fixture points the SDK's own JWKS client for that URL at
the fake (the SDK offers no setting for it), so the signature check under test is the SDK's.
"""
from __future__ import annotations

import base64
import json
import threading
import time

import jwt
import pytest
from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer
from cryptography.hazmat.primitives.asymmetric import rsa
from microsoft_agents.hosting.core import AgentAuthConfiguration
from microsoft_agents.hosting.core.authorization import AuthenticationConstants
from microsoft_agents.hosting.core.authorization.jwt import JwtTokenValidator
from microsoft_agents.hosting.core.authorization.jwt.jwt_token_validator import _JwkClientCacheEntry

from bot.adapters.teams_auth import TokenGuard, precheck
from bot.server import adapters_for, build_app
from bot.services import Services
from bot.settings import Settings
from tests.fakes.teams_connector import ALEX, FakeConnector, Teams

APP_ID = "9a3f4b2c-5d6e-4f70-8a9b-0c1d2e3f4a5b"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
ISSUER = "https://api.botframework.com"


class FakeIssuer:
    """The Bot Framework token issuer: a signing key and its JWKS, served on loopback."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "fake-kid-1"
        self._runner: web.AppRunner | None = None
        self.jwks_url = ""

    async def start(self) -> None:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        jwks = {"keys": [jwk | {"kid": self.kid, "use": "sig", "alg": "RS256", "endorsements": ["msteams"]}]}
        app = web.Application()

        async def keys(request: web.Request) -> web.Response:
            return web.json_response(jwks)

        app.router.add_get("/v1/.well-known/keys", keys)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.jwks_url = f"http://127.0.0.1:{port}/v1/.well-known/keys"

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    def token(self, *, key=None, kid: str | None = "default", alg: str = "RS256", **claims) -> str:
        now = int(time.time())
        payload = {"iss": ISSUER, "aud": APP_ID, "exp": now + 3600, "nbf": now - 60, "iat": now - 60} | claims
        payload = {k: v for k, v in payload.items() if v is not None}
        headers = {} if kid is None else {"kid": self.kid if kid == "default" else kid}
        # PyJWS signs any payload (jwt.encode refuses a non-string iss, which we want to send).
        return jwt.PyJWS().encode(json.dumps(payload).encode(), key or self.key, algorithm=alg, headers=headers)


@pytest.fixture
async def issuer():
    fake = FakeIssuer()
    await fake.start()
    # The SDK keeps one PyJWKClient per JWKS URL; Bot Framework tokens map to a fixed URL.
    cache = JwtTokenValidator._jwk_client_manager._cache
    url = AuthenticationConstants.PUBLIC_ABS_JWKS_URL
    saved = cache.get(url)
    cache[url] = _JwkClientCacheEntry(jwt.PyJWKClient(fake.jwks_url), threading.Lock())
    yield fake
    if saved is None:
        cache.pop(url, None)
    else:
        cache[url] = saved
    await fake.stop()


@pytest.fixture
async def world(tmp_path, issuer):
    connector = FakeConnector()
    service_url = await connector.start()
    settings = Settings.from_env({
        "POLICYBOT_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "MICROSOFT_APP_ID": APP_ID,
        "MICROSOFT_APP_PASSWORD": "not-a-real-secret",
        "MICROSOFT_APP_TENANT_ID": TENANT,
        "POLICYBOT_TEAMS_LEADERS": "29:1leader",
    })
    services = Services.build(settings)
    server = TestServer(build_app(services, adapters_for(services)), host="127.0.0.1")
    await server.start_server()
    session = ClientSession()
    teams = Teams(str(server.make_url("/api/messages")), service_url)
    yield teams, session, connector, server, issuer
    await session.close()
    await server.close()
    await connector.stop()
    services.store.close()


def unsigned(header: dict, payload: dict) -> str:
    enc = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()  # noqa: E731
    return f"{enc(header)}.{enc(payload)}."


def bad_headers(issuer: FakeIssuer) -> dict[str, dict[str, str]]:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": APP_ID, "exp": now + 3600}
    return {
        "missing": {},
        "empty": {"Authorization": ""},
        "garbage": {"Authorization": "Bearer garbage"},
        "garbage segments": {"Authorization": "Bearer a.b.c"},
        "basic": {"Authorization": "Basic dXNlcjpwYXNzd29yZA=="},
        "bearer only": {"Authorization": "Bearer"},
        "alg none": {"Authorization": "Bearer " + unsigned({"alg": "none", "typ": "JWT", "kid": issuer.kid}, claims)},
        "alg none with signature": {"Authorization": "Bearer " + unsigned({"alg": "none", "kid": issuer.kid}, claims) + "c2ln"},
        "HS256 with the public key": {"Authorization": "Bearer " + jwt.encode(claims, "a-shared-secret-of-32-bytes-or-more", algorithm="HS256", headers={"kid": issuer.kid})},
        "no kid": {"Authorization": "Bearer " + issuer.token(kid=None)},
        "forged (other key, same kid)": {"Authorization": "Bearer " + issuer.token(key=issuer.other)},
        "unknown kid": {"Authorization": "Bearer " + issuer.token(kid="someone-elses-key")},
        "expired": {"Authorization": "Bearer " + issuer.token(exp=now - 3600, nbf=now - 7200, iat=now - 7200)},
        "not yet valid": {"Authorization": "Bearer " + issuer.token(nbf=now + 3600)},
        "no expiry": {"Authorization": "Bearer " + issuer.token(exp=None)},
        "wrong audience": {"Authorization": "Bearer " + issuer.token(aud="11111111-2222-3333-4444-555555555555")},
        "audience as a list": {"Authorization": "Bearer " + issuer.token(aud=[APP_ID])},
        "wrong issuer": {"Authorization": "Bearer " + issuer.token(iss="https://evil.example.com")},
        "issuer as a number": {"Authorization": "Bearer " + issuer.token(iss=5)},
        "two tokens": {"Authorization": "Bearer " + issuer.token() + " " + issuer.token()},
        "huge": {"Authorization": "Bearer " + "a" * 7000},
    }


async def test_every_bad_token_is_exactly_401_promptly_and_nothing_is_sent(world):
    teams, session, connector, _, issuer = world
    for name, headers in bad_headers(issuer).items():
        activity = teams.personal(ALEX, "help")
        started = time.monotonic()
        status, _ = await teams.post(session, activity, headers=headers)
        elapsed = time.monotonic() - started
        assert status == 401, name
        assert elapsed < 1.0, (name, elapsed)
    assert connector.calls == []


async def test_bad_token_with_a_malformed_body_is_still_401(world):
    teams, session, connector, _, issuer = world
    for raw in (b"not json", b"[]", b'{"type": 5}'):
        status, _ = await teams.post(session, None, raw=raw, headers={"Authorization": "Bearer " + issuer.token(kid=None)})
        assert status == 401
    assert connector.calls == []


async def test_a_valid_token_passes_the_guard_and_the_serviceurl_must_match_it(world):
    teams, session, connector, _, issuer = world
    activity = teams.personal(ALEX, "help")
    token = issuer.token(serviceurl="https://smba.trafficmanager.net/emea/")
    status, _ = await teams.post(session, activity, headers={"Authorization": "Bearer " + token})
    assert status == 401  # signed, but names another serviceUrl than the activity's
    assert connector.calls == []


async def test_healthz_needs_no_token(world):
    _, session, _, server, _ = world
    async with session.get(server.make_url("/healthz")) as resp:
        assert resp.status == 200


async def test_the_guard_accepts_a_valid_token_with_the_sdk_check(issuer):
    config = AgentAuthConfiguration(client_id=APP_ID, tenant_id=TENANT, client_secret="x", validate_issuer=True)
    guard = TokenGuard(config)
    claims = await guard.verify("Bearer " + issuer.token(serviceurl="http://127.0.0.1:1/"))
    assert claims is not None and claims.get_claim_value("aud") == APP_ID
    assert await guard.verify("Bearer " + issuer.token(key=issuer.other)) is None
    assert await guard.verify("bearer " + issuer.token()) is not None  # the scheme is case-insensitive


def test_precheck_reasons_carry_no_token_values():
    now = time.time()
    claims = {"iss": ISSUER, "aud": APP_ID, "exp": now + 60}
    token = unsigned({"alg": "RS256", "kid": "k"}, claims) + "sig"
    assert precheck("Bearer " + token, app_id=APP_ID, issuers={ISSUER}, now=now) is None
    for header, reason in [
        (None, "no Authorization header"),
        ("Bearer " + unsigned({"alg": "RS256"}, claims) + "sig", "no key id"),
        ("Bearer " + unsigned({"alg": "RS256", "kid": "k"}, claims | {"exp": now - 3600}) + "sig", "expired"),
        ("Bearer " + unsigned({"alg": "RS256", "kid": "k"}, claims | {"aud": "x"}) + "sig", "wrong audience"),
    ]:
        assert precheck(header, app_id=APP_ID, issuers={ISSUER}, now=now) == reason
