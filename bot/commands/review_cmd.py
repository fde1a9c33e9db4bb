"""`policybot review`: review one draft post against the social-media policy.

    policybot review "Mūsu klients Rimi parakstīja līgumu par 50 000 EUR"
    policybot review --json - < draft.txt
    echo "We're hiring a baker!" | policybot review --json

Exit status: 0 for any verdict (ok, revise, do_not_post); 2 for bad input (empty, not UTF-8,
longer than MAX_CHARS) with one line on stderr. A fresh process must answer in well under half a
second, so nothing but argparse is imported until `run`, and `run` imports only the policy
loader and the review engine (no chat SDKs, no database, no HTTP).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any, BinaryIO, TextIO

from bot.commands.textinput import EXIT_BAD_INPUT, EXIT_OK, MAX_CHARS, InputError, read_text


def add_parser(subparsers: Any) -> None:
    """Register `review` on the `policybot` sub-command parser."""
    p = subparsers.add_parser(
        "review",
        help="review a draft post (add --json for machines)",
        description=(
            "Review a draft social-media post against the company's guidelines and say whether "
            "it can be posted (ok), needs changes (revise) or must not be posted (do_not_post), "
            "with the words at fault, the clause, why, and a concrete fix. "
            "Exit status: 0 for any verdict, 2 for bad input."
        ),
        epilog=(
            f"Input: the draft as arguments, or '-' (or nothing, when standard input is not a "
            f"terminal) to read it from standard input as UTF-8. At most {MAX_CHARS:,} characters "
            f"(a post, not a document). The policy and organisation profile are the embedded ones "
            f"unless --policy/--profile or POLICYBOT_POLICY/POLICYBOT_PROFILE name other files."
        ),
    )
    p.add_argument(
        "--json", action="store_true",
        help='print exactly one JSON object: {"verdict", "policy_version", "language", "findings"}',
    )
    p.add_argument("--policy", metavar="PATH", help="guidelines YAML (default: $POLICYBOT_POLICY or the embedded one)")
    p.add_argument("--profile", metavar="PATH", help="organisation profile YAML (default: $POLICYBOT_PROFILE or the example)")
    p.add_argument(
        "text", nargs="*", metavar="TEXT",
        help="the draft (several words are joined with spaces); '-' reads standard input",
    )
    p.set_defaults(func=run)


def read_draft(words: list[str], stdin: BinaryIO | None, stdin_is_tty: bool) -> str:
    """The draft from the arguments or from stdin, validated; raises `InputError`."""
    return read_text(words, stdin, stdin_is_tty, "draft")


# ---- the readable report ---------------------------------------------------------------------

_LABELS = {
    "lv": {
        "verdict": "Spriedums", "ok": "var publicēt", "revise": "jālabo", "do_not_post": "nepublicēt",
        "policy": "vadlīnijas", "why": "Kāpēc", "fix": "Ieteikums", "none": "Problēmas nav atrastas.",
    },
    "en": {
        "verdict": "Verdict", "ok": "OK to post", "revise": "revise", "do_not_post": "do not post",
        "policy": "policy", "why": "Why", "fix": "Fix", "none": "No problems found.",
    },
}
_BOLD_RED = "\x1b[1;31m"
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def highlight(draft: str, spans: list[tuple[int, int]], color: bool) -> str:
    """The draft with each problem span marked: ANSI bold red on a terminal, `[[...]]` else."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    open_, close = (_BOLD_RED, _RESET) if color else ("[[", "]]")
    out: list[str] = []
    pos = 0
    for s, e in merged:
        out += [draft[pos:s], open_, draft[s:e], close]
        pos = e
    out.append(draft[pos:])
    return "".join(out)


def render_text(review: Any, draft: str, color: bool = False) -> str:
    """The verdict first, then the draft with the problem words marked, then each finding."""
    lab = _LABELS[review.language]
    verdict = f"{lab['verdict']}: {lab[review.verdict]} ({review.verdict})"
    if color:
        verdict = f"{_BOLD}{verdict}{_RESET}"
    lines = [f"{verdict} — {lab['policy']} v{review.policy_version}", ""]
    lines.append(highlight(draft, [(f.start, f.end) for f in review.findings], color))
    lines.append("")
    if not review.findings:
        lines.append(lab["none"])
    for i, f in enumerate(review.findings, 1):
        lines.append(f"{i}. [{f.severity}] {f.clause}: «{f.excerpt}» ({f.start}–{f.end})")
        lines.append(f"   {lab['why']}: {f.message}")
        lines.append(f"   {lab['fix']}: {f.suggestion}")
    return "\n".join(lines)


def run(
    args: argparse.Namespace,
    *,
    stdin: BinaryIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    reviewer: Any = None,
    stdin_is_tty: bool | None = None,
) -> int:
    """Review the draft in `args`; returns the exit status. Streams and the reviewer are
    injectable for tests; by default the policy and profile are loaded from disk."""
    if stdin is None:
        stdin = sys.stdin.buffer if sys.stdin is not None else None
        if stdin_is_tty is None:
            stdin_is_tty = sys.stdin is None or sys.stdin.isatty()
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    try:
        draft = read_draft(list(args.text), stdin, bool(stdin_is_tty))
    except InputError as e:
        print(f"policybot review: {e}", file=stderr)
        return EXIT_BAD_INPUT
    if reviewer is None:
        reviewer = _load_reviewer(args)
    review = reviewer.review(draft)
    if args.json:
        import json

        stdout.write(json.dumps(review.to_dict(), ensure_ascii=False) + "\n")
    else:
        color = hasattr(stdout, "isatty") and stdout.isatty() and not os.environ.get("NO_COLOR")
        stdout.write(render_text(review, draft, color) + "\n")
    return EXIT_OK


def _load_reviewer(args: argparse.Namespace) -> Any:
    # Lazy and narrow: the loader and the review engine only (not policy.engine, which also
    # builds the Q&A index). Paths come from the flags, else the environment, read here at the
    # edge; a bad file raises PolicyError, which `bot.cli` prints as one line.
    from pathlib import Path

    from policy.loader import load_policy, load_profile
    from policy.review import Reviewer, default_model

    policy = getattr(args, "policy", None) or os.environ.get("POLICYBOT_POLICY")
    profile = getattr(args, "profile", None) or os.environ.get("POLICYBOT_PROFILE")
    return Reviewer(
        load_policy(Path(policy) if policy else None),
        load_profile(Path(profile) if profile else None),
        default_model(),
    )
