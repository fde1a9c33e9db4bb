"""`policybot policy validate | show | diff`, through a real argparse parser and real files."""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from bot.commands import policy_cmd
from policy.loader import POLICY_PATH, PROFILE_PATH

ROOT = Path(__file__).resolve().parents[2]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policybot")
    sub = p.add_subparsers(metavar="COMMAND")
    policy_cmd.add_parser(sub)
    return p


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    args = parser().parse_args(["policy", *argv])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def broken_copy(tmp_path: Path) -> Path:
    text = POLICY_PATH.read_text(encoding="utf-8").replace("  - id: goals\n", "  - id: goals\n    titel: x\n", 1)
    path = tmp_path / "guidelines.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_embedded(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate")
    assert code == 0 and err == ""
    assert out == "OK: policy 1.0.0, 8 clauses\n"


def test_validate_file_and_profile(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(POLICY_PATH), "--profile", str(PROFILE_PATH))
    assert code == 0 and err == ""
    assert out.splitlines()[1] == "OK: profile Rīgas Maiznīca SIA"


def test_validate_broken_file_prints_the_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = broken_copy(tmp_path)
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1 and out == ""
    line = next(n for n, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if l == "    titel: x")
    assert err == f"{path}:{line}: clauses[6].titel: unknown key 'titel' (did you mean 'title'?)\n"


def test_validate_broken_profile(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    profile = tmp_path / "org.yaml"
    profile.write_text('name: "X"\ncompetitor: [Lāči]\n', encoding="utf-8")
    code, out, err = run(capsys, "validate", "--profile", str(profile))
    assert code == 1
    assert out.startswith("OK: policy")  # the policy is still checked and reported
    assert err.startswith(f"{profile}:2: competitor: unknown key 'competitor'")


def test_validate_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 1 and "nope.yaml: cannot read the file" in err and err.count("\n") == 1


def test_show_index(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 9
    assert "1.0.0" in lines[0]
    assert lines[4].split()[:2] == ["4.", "information-protection"]
    assert "Information protection" in lines[4]

    code, out, _ = run(capsys, "show", "--lang", "lv")
    assert "Informācijas aizsardzība" in out.splitlines()[4]


@pytest.mark.parametrize("ref", ["information-protection", "4"])
def test_show_one_clause(capsys: pytest.CaptureFixture[str], ref: str) -> None:
    code, out, _ = run(capsys, "show", ref, "--lang", "lv")
    assert code == 0
    assert out.startswith("4. Informācijas aizsardzība [information-protection, v1.0.0]")
    assert "Jebkāda informācija par klientiem stingri jāsargā" in out
    assert "Nav atļauts:" in out and "Atkarībā no apstākļiem:" in out


def test_show_unknown_clause_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "nope")
    assert code == 2 and out == ""
    assert err.startswith("policybot: no clause 'nope'; clauses: personal-accounts,")
    assert run(capsys, "show", "9")[0] == 2


def test_show_broken_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "show", "--file", str(broken_copy(tmp_path)))
    assert code == 1 and "unknown key 'titel'" in err


def test_diff(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = POLICY_PATH.read_text(encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(text.replace('owner: "', 'owner: "HR un ', 1), encoding="utf-8")
    code, out, _ = run(capsys, "diff", str(POLICY_PATH), str(new))
    assert code == 0
    assert out.splitlines() == [
        "policy 1.0.0 -> 1.0.0: 1 difference(s)",
        "~ owner: 'komunikācijas nodaļa (the communications team)' -> "
        "'HR un komunikācijas nodaļa (the communications team)'",
    ]
    code, out, _ = run(capsys, "diff", str(POLICY_PATH), str(POLICY_PATH))
    assert code == 0 and out.startswith("No differences")


def test_diff_broken_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "diff", str(POLICY_PATH), str(broken_copy(tmp_path)))
    assert code == 1 and out == "" and "unknown key 'titel'" in err


def test_missing_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        parser().parse_args(["policy"])
    assert info.value.code == 2


def test_fresh_process_gives_one_line_and_no_traceback(tmp_path: Path) -> None:
    """Through `python -m bot.cli`, as a user runs it."""
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "policy", "validate", str(broken_copy(tmp_path))],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "unknown key 'titel'" in proc.stderr
