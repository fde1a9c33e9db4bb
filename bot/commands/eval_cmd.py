"""`policybot eval`: how well the engines do on the labelled sets in policy/eval/.

    policybot eval                 # drafts (tuning and held-out sets), then questions
    policybot eval --only drafts --no-misses
    policybot eval --drafts my_drafts.yaml

Drafts are scored by `policy.evaluation`; questions by the Q&A engine's `policy.qa_eval`, which
is used when it can be imported (the hook below), so each engine owns its own figures. Exit
status 0; 2 when a set cannot be read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO


def add_parser(subparsers: Any) -> None:
    """Register `eval` on the `policybot` sub-command parser."""
    p = subparsers.add_parser(
        "eval",
        help="precision/recall of the review and Q&A engines on the labelled sets",
        description=(
            "Review every labelled draft in policy/eval/ and print, per language and overall: "
            "violating drafts flagged, correct clause cited, clean drafts flagged; per clause: "
            "precision, recall and false-alarm rate. Then the Q&A engine's question figures."
        ),
    )
    p.add_argument("--only", choices=("drafts", "questions"), help="evaluate one engine only")
    p.add_argument("--drafts", metavar="PATH", type=Path, help="a drafts YAML file instead of the embedded sets")
    p.add_argument("--no-misses", action="store_true", help="figures only, without the list of misses")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    from policy.engine import Engine

    engine = Engine.load()
    blocks: list[str] = []
    if args.only in (None, "drafts"):
        from policy.evaluation import DRAFTS_HOLDOUT_PATH, DRAFTS_PATH, evaluate_drafts, format_drafts, load_drafts

        sets = [(args.drafts, f"Drafts: {args.drafts}")] if args.drafts else [
            (DRAFTS_PATH, f"Drafts: tuning set (policy/eval/{DRAFTS_PATH.name})"),
            (DRAFTS_HOLDOUT_PATH, f"Drafts: held-out set (policy/eval/{DRAFTS_HOLDOUT_PATH.name})"),
        ]
        for path, title in sets:
            if path is None or not path.exists():
                if args.drafts:
                    print(f"policybot eval: no such file: {path}", file=stderr)
                    return 2
                continue
            try:
                items = load_drafts(path)
            except (OSError, ValueError) as e:
                print(f"policybot eval: {e}", file=stderr)
                return 2
            metrics = evaluate_drafts(engine.reviewer, items, engine.policy.clause_ids)
            blocks.append(format_drafts(metrics, title=title, misses=not args.no_misses))
    if args.only in (None, "questions") and not args.drafts:
        questions = _questions_block(engine, misses=not args.no_misses)
        if questions:
            blocks.append(questions)
    print("\n\n".join(blocks), file=stdout)
    return 0


def _questions_block(engine: Any, *, misses: bool) -> str | None:
    """The Q&A engine's figures, when its evaluation module is there (the hook): it provides
    `evaluate_questions(engine, items)`, `load_questions(path)`, `format(metrics)` and the
    QUESTIONS_PATH / HOLDOUT_PATH of its sets."""
    try:
        from policy import qa_eval
    except ImportError:
        return None
    out = []
    for name, title in (("QUESTIONS_PATH", "tuning set"), ("HOLDOUT_PATH", "held-out set")):
        path = getattr(qa_eval, name, None)
        if path is None or not Path(path).exists():
            continue
        metrics = qa_eval.evaluate_questions(engine, qa_eval.load_questions(path))
        out.append(f"Questions: {title} ({Path(path).name})\n\n" + qa_eval.format(metrics, misses=misses))
    return "\n\n".join(out) or None
