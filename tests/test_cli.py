"""`policybot` as a user meets it: a fresh process, its help, its errors, `make run`'s path."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

POLICYBOT = str(Path(sys.executable).parent / "policybot")


def run(*args: str, stdin: str = "", env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    base = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8"}
    return subprocess.run([POLICYBOT, *args], input=stdin, capture_output=True, text=True, timeout=60,
                          env={**base, **(env or {})}, cwd=cwd)


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("run", "chat", "serve", "review", "ask", "policy", "eval", "db", "cases"):
        assert command in result.stdout


def test_no_arguments_prints_help_and_exits_2():
    result = run()
    assert result.returncode == 2 and "policybot" in result.stdout


def test_serve_without_a_platform_says_what_to_set(tmp_path):
    result = run("serve", env={"POLICYBOT_DATA_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_setting_is_one_line(tmp_path):
    result = run("run", env={"SLACK_BOT_TOKEN": "xoxb-1", "POLICYBOT_DATA_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 2 and "SLACK_SIGNING_SECRET" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_without_platforms_is_a_console_chat(tmp_path):
    result = run("run", stdin="/help\nvai drīkstu publicēt klienta logo?\n/quit\n",
                 env={"POLICYBOT_DATA_DIR": str(tmp_path / "data")}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "/review" in result.stdout and "bye" in result.stdout
    assert "Traceback" not in result.stderr
    assert (tmp_path / "data" / "policybot.db").exists()
