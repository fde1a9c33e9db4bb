"""`policybot db upgrade` and `policybot cases …` through argparse, as the CLI wires them."""
from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from bot.commands import cases_cmd, db_cmd
from bot.escalation.cases import Cases
from bot.escalation.crypto import Cipher
from bot.escalation.model import NewReport, Person
from bot.escalation.store import Store

CANARY = "CANARY-cli-91aa"


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="policybot")
    sub = parser.add_subparsers()
    db_cmd.add_parser(sub)
    cases_cmd.add_parser(sub)
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("DATABASE_URL", "POLICYBOT_REPORT_KEY", "POLICYBOT_ENV", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
                 "SLACK_APP_TOKEN", "MICROSOFT_APP_ID", "POLICYBOT_TEAMS_ANONYMOUS", "POLICYBOT_CONSOLE_LEADERS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_db_upgrade_defaults_to_sqlite_in_the_data_dir(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("db", "upgrade") == 0
    assert (data_dir / "policybot.db").exists()
    assert "schema at revision" in capsys.readouterr().out


def test_db_upgrade_takes_a_database_url(data_dir: Path, store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("db", "upgrade", "--database-url", store_url) == 0
    assert "schema at revision" in capsys.readouterr().out
    assert not (data_dir / "policybot.db").exists()  # the URL given, not the default


def test_the_console_leader_flow(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # A report arrives (as the router would submit it), with the development key of the data dir.
    store = Store.open(f"sqlite:///{data_dir / 'policybot.db'}")
    cases = Cases(store, {"console": frozenset({"leader"})}, Cipher.from_settings(None, data_dir, False), ["c1", "other"])
    case_id = cases.submit(NewReport("c1", f"text {CANARY}", None, False, Person("console", "you"))).case_id
    store.close()
    capsys.readouterr()

    assert run("cases", "outbox") == 0
    out = capsys.readouterr().out
    assert case_id in out and "console:leader" in out and "ATTEMPTS" in out and CANARY not in out

    assert run("cases", "list", "--leader", "leader") == 0
    out = capsys.readouterr().out
    assert case_id in out and CANARY not in out

    assert run("cases", "open", case_id, "--leader", "mallory") == 1
    captured = capsys.readouterr()
    assert "Only the people who handle reports" in captured.err and CANARY not in captured.out + captured.err

    assert run("cases", "open", case_id.lower(), "--leader", "leader") == 0
    assert f"text {CANARY}" in capsys.readouterr().out

    assert run("cases", "ack", case_id, "--leader", "leader") == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("We are looking into it.\n"))
    assert run("cases", "reply", case_id, "-", "--leader", "leader") == 0
    assert "We are looking into it." in capsys.readouterr().out

    assert run("cases", "deliver") == 0
    out = capsys.readouterr().out
    assert "[notify] leader: case" in out and "is waiting" in out
    lines = [json.loads(line) for line in (data_dir / "notifications.log").read_text().splitlines()]
    assert {(n["kind"], n["recipient"]) for n in lines} == {("new_case", "leader"), ("reply", "you")}
    assert run("cases", "outbox") == 0
    assert "No notifications waiting" in capsys.readouterr().out

    assert run("cases", "close", case_id, "Resolved: post removed.", "--leader", "leader") == 0
    assert run("cases", "reply", case_id, "more", "--leader", "leader") == 1
    assert "closed" in capsys.readouterr().err
    assert run("cases", "remind") == 0
    assert run("cases", "purge") == 0
    out = capsys.readouterr().out
    assert "Queued 0 reminder(s)" in out and "Purged 0 closed case(s) older than 90 days" in out
    assert run("cases", "open", "SM-2026-9999", "--leader", "leader") == 1
    assert "no case SM-2026-9999" in capsys.readouterr().err


def test_a_platform_leader_can_use_the_console(data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("POLICYBOT_TEAMS_ANONYMOUS", "1")
    monkeypatch.setenv("POLICYBOT_TEAMS_LEADERS", "29:boss")
    assert run("cases", "list", "--leader", "teams:29:boss") == 0
    assert "No open cases." in capsys.readouterr().out
    assert run("cases", "list", "--leader", "29:boss") == 1  # a console name, and not a console leader


def test_an_action_is_required(data_dir: Path) -> None:
    with pytest.raises(SystemExit):
        run("cases")
    with pytest.raises(SystemExit):
        run("cases", "open", "SM-2026-0001")  # --leader is required
