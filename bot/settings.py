"""The one typed settings object, read from the environment once, at the edge.

`Settings.from_env(os.environ)` fails loudly with one line naming the variable that is missing or
inconsistent; nothing else in the bot reads the environment.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping


class SettingsError(Exception):
    """A setting is missing or inconsistent. The message names the variable and what to do."""


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str
    signing_secret: str | None  # HTTP mode
    app_token: str | None  # Socket Mode (xapp-)
    api_url: str | None  # Web API base URL override: GovSlack, proxies, tests
    leaders: frozenset[str]


@dataclass(frozen=True)
class TeamsSettings:
    app_id: str | None
    app_password: str | None
    tenant_id: str | None
    anonymous: bool  # local runs only: no JWT validation, no outgoing credentials
    leaders: frozenset[str]


@dataclass(frozen=True)
class LLMSettings:
    model: str
    base_url: str | None
    api_key: str | None
    timeout: float


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    production: bool
    report_key: str | None
    policy_path: Path | None
    profile_path: Path | None
    host: str
    port: int
    console_leaders: frozenset[str]
    slack: SlackSettings | None
    teams: TeamsSettings | None
    llm: LLMSettings | None
    log_level: str
    ack_days: int
    feedback_days: int
    retention_days: int
    outbox_warn_minutes: int

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(p for p, s in (("slack", self.slack), ("teams", self.teams)) if s)

    @property
    def leaders(self) -> dict[str, frozenset[str]]:
        out = {"console": self.console_leaders}
        if self.slack:
            out["slack"] = self.slack.leaders
        if self.teams:
            out["teams"] = self.teams.leaders
        return out

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        data_dir = Path(get("POLICYBOT_DATA_DIR") or "data").expanduser().resolve()
        database_url = get("DATABASE_URL") or f"sqlite:///{data_dir / 'policybot.db'}"
        mode = (get("POLICYBOT_ENV") or "development").lower()
        if mode not in ("development", "production"):
            raise SettingsError(f"POLICYBOT_ENV must be 'development' or 'production', not {mode!r}")

        slack = _slack(get)
        teams = _teams(get)
        default_port = 3978 if teams and not slack else 3000
        port = _int(get, "PORT", default_port)
        if not 0 < port < 65536:
            raise SettingsError(f"PORT must be between 1 and 65535, not {port}")

        llm = None
        if model := get("POLICYBOT_LLM_MODEL"):
            llm = LLMSettings(
                model=model,
                base_url=get("OPENAI_BASE_URL"),
                api_key=get("OPENAI_API_KEY"),
                timeout=float(_int(get, "POLICYBOT_LLM_TIMEOUT", 10)),
            )
            if not llm.api_key and not llm.base_url:
                raise SettingsError(
                    "POLICYBOT_LLM_MODEL is set but OPENAI_API_KEY is not "
                    "(set it, or OPENAI_BASE_URL for a local OpenAI-compatible server)"
                )

        return cls(
            data_dir=data_dir,
            database_url=database_url,
            production=mode == "production",
            report_key=get("POLICYBOT_REPORT_KEY"),
            policy_path=_path(get("POLICYBOT_POLICY")),
            profile_path=_path(get("POLICYBOT_PROFILE")),
            host=get("HOST") or "0.0.0.0",
            port=port,
            console_leaders=_ids(get("POLICYBOT_CONSOLE_LEADERS") or "leader"),
            slack=slack,
            teams=teams,
            llm=llm,
            log_level=(get("LOG_LEVEL") or "INFO").upper(),
            ack_days=_int(get, "POLICYBOT_ACK_DAYS", 7),
            # Latvia's whistleblowing law: no news within 2 months lets a reporter go public.
            feedback_days=_int(get, "POLICYBOT_FEEDBACK_DAYS", 60),
            retention_days=_int(get, "POLICYBOT_RETENTION_DAYS", 90),
            outbox_warn_minutes=_int(get, "POLICYBOT_OUTBOX_WARN_MINUTES", 60),
        )


def _slack(get) -> SlackSettings | None:
    token, secret, app_token = get("SLACK_BOT_TOKEN"), get("SLACK_SIGNING_SECRET"), get("SLACK_APP_TOKEN")
    if not (token or secret or app_token):
        return None
    if not token:
        raise SettingsError("SLACK_BOT_TOKEN is missing (the xoxb- token from OAuth & Permissions)")
    if not token.startswith("xoxb-") and not get("SLACK_API_URL"):
        raise SettingsError("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")
    if not secret and not app_token:
        raise SettingsError(
            "SLACK_SIGNING_SECRET is missing (Basic Information > Signing Secret), "
            "or set SLACK_APP_TOKEN (xapp-) for Socket Mode"
        )
    if app_token and not app_token.startswith("xapp-"):
        raise SettingsError("SLACK_APP_TOKEN must be an app-level token starting with xapp-")
    leaders = _ids(get("POLICYBOT_SLACK_LEADERS"))
    if not leaders:
        raise SettingsError(
            "POLICYBOT_SLACK_LEADERS is empty: reports would reach no one "
            "(comma-separated Slack user ids, e.g. U012ABCDEF)"
        )
    api_url = get("SLACK_API_URL")
    if api_url and not api_url.endswith("/"):
        api_url += "/"  # slack_sdk joins method names onto the base URL
    return SlackSettings(token, secret, app_token, api_url, leaders)


def _teams(get) -> TeamsSettings | None:
    app_id, password, tenant = get("MICROSOFT_APP_ID"), get("MICROSOFT_APP_PASSWORD"), get("MICROSOFT_APP_TENANT_ID")
    anonymous = (get("POLICYBOT_TEAMS_ANONYMOUS") or "").lower() in ("1", "true", "yes")
    if not (app_id or anonymous):
        if password or tenant:
            raise SettingsError("MICROSOFT_APP_ID is missing (the bot's Entra app id)")
        return None
    if app_id and anonymous:
        raise SettingsError("POLICYBOT_TEAMS_ANONYMOUS=1 and MICROSOFT_APP_ID are both set: choose one")
    if app_id and not password:
        raise SettingsError("MICROSOFT_APP_PASSWORD is missing (the client secret of MICROSOFT_APP_ID)")
    leaders = _ids(get("POLICYBOT_TEAMS_LEADERS"))
    if not leaders:
        raise SettingsError(
            "POLICYBOT_TEAMS_LEADERS is empty: reports would reach no one "
            "(comma-separated Teams user ids as in from.id, or Entra object ids)"
        )
    return TeamsSettings(app_id, password, tenant, anonymous, leaders)


def _ids(value: str | None) -> frozenset[str]:
    return frozenset(x.strip() for x in (value or "").split(",") if x.strip())


def _int(get, name: str, default: int) -> int:
    value = get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}") from None


def _path(value: str | None) -> Path | None:
    return Path(value).expanduser() if value else None
