"""Settings are read once from a mapping and fail with one line naming the variable."""
from __future__ import annotations

import pytest

from bot.settings import Settings, SettingsError

SLACK = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "POLICYBOT_SLACK_LEADERS": "U1, U2"}


def test_defaults_are_offline_sqlite_and_console(tmp_path):
    s = Settings.from_env({"POLICYBOT_DATA_DIR": str(tmp_path)})
    assert s.platforms == ()
    assert s.database_url == f"sqlite:///{tmp_path / 'policybot.db'}"
    assert s.port == 3000 and s.llm is None and not s.production
    assert s.leaders == {"console": frozenset({"leader"})}
    assert s.feedback_days == 60 and s.ack_days == 7


def test_slack_http_mode():
    s = Settings.from_env({**SLACK, "SLACK_API_URL": "http://127.0.0.1:9/api"})
    assert s.platforms == ("slack",)
    assert s.slack.leaders == frozenset({"U1", "U2"})
    assert s.slack.api_url == "http://127.0.0.1:9/api/"  # slack_sdk needs the trailing slash


def test_teams_only_defaults_to_port_3978():
    s = Settings.from_env({"POLICYBOT_TEAMS_ANONYMOUS": "1", "POLICYBOT_TEAMS_LEADERS": "user-id-1"})
    assert s.platforms == ("teams",) and s.port == 3978 and s.teams.anonymous


@pytest.mark.parametrize("env, variable", [
    ({"SLACK_BOT_TOKEN": "xoxb-1", "POLICYBOT_SLACK_LEADERS": "U1"}, "SLACK_SIGNING_SECRET"),
    ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, "POLICYBOT_SLACK_LEADERS"),
    ({**SLACK, "SLACK_APP_TOKEN": "xoxb-wrong"}, "SLACK_APP_TOKEN"),
    ({"MICROSOFT_APP_ID": "a", "POLICYBOT_TEAMS_LEADERS": "x"}, "MICROSOFT_APP_PASSWORD"),
    ({"MICROSOFT_APP_PASSWORD": "p"}, "MICROSOFT_APP_ID"),
    ({"POLICYBOT_TEAMS_ANONYMOUS": "1"}, "POLICYBOT_TEAMS_LEADERS"),
    ({"PORT": "http"}, "PORT"),
    ({"PORT": "70000"}, "PORT"),
    ({"POLICYBOT_ENV": "prod"}, "POLICYBOT_ENV"),
    ({"POLICYBOT_LLM_MODEL": "gpt-4o-mini"}, "OPENAI_API_KEY"),
])
def test_bad_settings_name_the_variable(env, variable):
    with pytest.raises(SettingsError) as err:
        Settings.from_env(env)
    assert variable in str(err.value)
    assert "\n" not in str(err.value)
