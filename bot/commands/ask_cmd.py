"""`policybot ask`: answer one question about the social-media policy.

    policybot ask "Vai drīkstu publicēt klienta logo?"
    echo "can I post this: Great day at the ACME office!" | policybot ask --json -

Exit codes, as for `policybot review`: 0 for any answer (not_covered included), 2 for bad input
(empty, not UTF-8, too long) with one line on stderr. Imports are lazy so that a fresh process
answers quickly: argparse is all that loads until `run` is called.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any, BinaryIO, TextIO

from bot.commands.textinput import EXIT_BAD_INPUT, EXIT_OK, MAX_CHARS, InputError, read_text


def add_parser(subparsers: Any) -> None:
    """Register `ask` on the `policybot` sub-command parser."""
    p = subparsers.add_parser(
        "ask",
        help="answer a question about the social-media policy",
        description=(
            "Answer a question about the social-media policy, citing the clause and policy "
            "version. A question that carries a draft post (\"can I post this: ...\") is "
            "reviewed as well. Exit status: 0 for any answer, 2 for bad input."
        ),
        epilog=(
            f"Input: the question as arguments, or '-' (or nothing) to read it from standard "
            f"input as UTF-8. At most {MAX_CHARS:,} characters."
        ),
    )
    p.add_argument("--json", action="store_true", help="print one JSON object (Answer.to_dict())")
    p.add_argument(
        "question",
        nargs="*",
        metavar="QUESTION",
        help="the question (several words are joined with spaces); '-' or nothing reads stdin",
    )
    p.set_defaults(func=run)


def read_question(words: list[str], stdin: BinaryIO) -> str:
    """The question from the arguments or from stdin, validated; raises `InputError`."""
    return read_text(words, stdin, False, "question")


def render_text(answer: Any) -> str:
    """The answer for a terminal: the answer itself, then its sources and any review findings."""
    lines = [answer.answer]
    if answer.citations:
        lines.append("")
        for c in answer.citations:
            lines.append(f"  [{c.clause}, v{c.version}] {c.quote}")
    if answer.review is not None and answer.review.findings:
        lines.append("")
        for f in answer.review.findings:
            lines.append(f"  - {f.severity}: «{f.excerpt}» {f.message} {f.suggestion}".rstrip())
    return "\n".join(lines)


def run(
    args: argparse.Namespace,
    *,
    stdin: BinaryIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    engine: Any = None,
) -> int:
    """Answer the question in `args`; returns the exit status. Streams and engine are injectable
    for tests; by default the embedded policy and example profile are loaded."""
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    if stdin is None:
        if not args.question and sys.stdin.isatty():
            # Nothing to read but a terminal: say how to ask rather than wait silently.
            print("policybot ask: give the question, e.g. policybot ask \"Can I ...?\"", file=stderr)
            return EXIT_BAD_INPUT
        stdin = sys.stdin.buffer
    try:
        question = read_question(list(args.question), stdin)
    except InputError as e:
        print(f"policybot ask: {e}", file=stderr)
        return EXIT_BAD_INPUT
    if engine is None:
        from policy.engine import Engine  # lazy: keeps `policybot --help` and bad input fast

        engine = Engine.load()
    answer = engine.ask(question)
    if args.json:
        import json

        print(json.dumps(answer.to_dict(), ensure_ascii=False), file=stdout)
    else:
        print(render_text(answer), file=stdout)
    return EXIT_OK
