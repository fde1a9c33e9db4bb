"""`policybot review`: input handling, JSON and text output, exit codes, a fast fresh process."""
from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.commands import review_cmd
from policy.loader import load_policy, load_profile
from policy.review import Reviewer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reviewer() -> Reviewer:
    return Reviewer(load_policy(), load_profile())


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="policybot")
    review_cmd.add_parser(parser.add_subparsers())
    return parser.parse_args(["review", *argv])


class TtyStringIO(io.StringIO):
    def isatty(self) -> bool:
        return True


def call(reviewer, *argv: str, stdin: bytes | None = None, tty_in: bool = False, stdout=None):
    out = stdout if stdout is not None else io.StringIO()
    err = io.StringIO()
    args = parse(*argv)
    code = args.func(
        args,
        stdin=io.BytesIO(stdin if stdin is not None else b""),
        stdout=out,
        stderr=err,
        reviewer=reviewer,
        stdin_is_tty=tty_in,
    )
    return code, out.getvalue(), err.getvalue()


def test_json_is_exactly_one_object(reviewer) -> None:
    code, out, err = call(reviewer, "--json", "Mūsu klients Rimi parakstīja līgumu par 50 000 EUR")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == {"verdict", "policy_version", "language", "findings"}
    assert data["verdict"] == "do_not_post" and data["language"] == "lv"
    assert "Mūsu" in out  # ensure_ascii=False
    assert out.count("\n") == 1


@pytest.mark.parametrize("argv, stdin", [(["--json", "-"], "Fazer ir krāpnieki."), (["--json"], "Fazer ir krāpnieki.")])
def test_reads_stdin(reviewer, argv, stdin) -> None:
    code, out, _ = call(reviewer, *argv, stdin=stdin.encode())
    assert code == 0 and json.loads(out)["verdict"] == "do_not_post"


def test_words_are_joined(reviewer) -> None:
    code, out, _ = call(reviewer, "--json", "We're", "hiring", "bakers!")
    assert code == 0 and json.loads(out)["verdict"] == "ok"


@pytest.mark.parametrize(
    "argv, stdin, tty_in, message",
    [
        (["--json", ""], None, False, "empty"),
        (["--json", "   \n"], None, False, "empty"),
        (["-"], b"  \n\t", False, "empty"),
        (["-"], b"\xff\xfe bad", False, "not valid UTF-8"),
        (["-"], b"a" * 10_001, False, "longer than 10,000"),
        (["x" * 10_001], None, False, "longer than 10,000"),
        (["-"], "ā".encode() * 20_001, False, "longer than 10,000"),
        ([], None, True, "no draft"),
    ],
)
def test_bad_input_exits_2_with_one_line(reviewer, argv, stdin, tty_in, message) -> None:
    code, out, err = call(reviewer, *argv, stdin=stdin, tty_in=tty_in)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_text_report_marks_words_without_ansi_when_not_a_tty(reviewer) -> None:
    code, out, _ = call(reviewer, "Zvaniet Jānim 29123456, šis klients ir idiots")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Spriedums: nepublicēt (do_not_post)")
    assert "Zvaniet Jānim [[29123456]], šis [[klients ir idiots]]" in out
    assert "\x1b[" not in out
    assert "2*** ****" in out  # the masked suggestion


def test_text_report_uses_ansi_on_a_tty(reviewer) -> None:
    _, out, _ = call(reviewer, "Fazer ir krāpnieki.", stdout=TtyStringIO())
    assert "\x1b[1;31m" in out and "[[" not in out


def test_clean_draft_report(reviewer) -> None:
    _, out, _ = call(reviewer, "Join us for the bread festival on Saturday!")
    assert out.startswith("Verdict: OK to post (ok)") and "No problems found." in out


def test_highlight_merges_overlapping_spans() -> None:
    assert review_cmd.highlight("abcdef", [(1, 3), (2, 4), (5, 6)], False) == "a[[bcd]]e[[f]]"


def test_help_documents_the_size_limit(capsys) -> None:
    with pytest.raises(SystemExit):
        parse("--help")
    assert "10,000 characters" in capsys.readouterr().out


# ---- a real, fresh process -------------------------------------------------------------------

CHECK = """
import sys, time
t = time.perf_counter()
from bot.commands import review_cmd
import argparse
p = argparse.ArgumentParser(); review_cmd.add_parser(p.add_subparsers())
a = p.parse_args(["review", "--json", "Mūsu klients Rimi parakstīja līgumu par 50 000 EUR"])
code = a.func(a)
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("slack_sdk", "slack_bolt", "sqlalchemy", "aiohttp", "openai", "microsoft_agents"))
print(heavy, file=sys.stderr)
sys.exit(code)
"""


def test_fresh_process_is_light_and_fast() -> None:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=30)
    elapsed = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "do_not_post"
    assert proc.stderr.strip() == "[]"  # no chat SDK, database or HTTP library on this path
    # The target is 0.5 s (see benchmarks/review_bench.py); the bound here leaves room for a
    # busy shared CI machine.
    assert elapsed < 2.0


def test_via_the_policybot_cli() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "review", "--json", "-"],
        input="Our revenue grew 20% this quarter".encode(), cwd=ROOT, capture_output=True, timeout=30,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "do_not_post"
    bad = subprocess.run([sys.executable, "-m", "bot.cli", "review", "-"], input=b"\xc3", cwd=ROOT, capture_output=True, timeout=30)
    assert bad.returncode == 2 and bad.stderr.decode().count("\n") == 1 and b"Traceback" not in bad.stderr
