"""A learned second reading of scope: is a question about the social-media policy at all?

    python -m policy.qa_scope_model train     # writes policy/data/scope_model.json
    python -m policy.qa_scope_model cv        # 5-fold cross-validation

Why: the scope rules (`policy.qa_scope`) were written from the team's and the outsiders' training
questions, and on the blind sets of record they still answered a third of the out-of-scope
questions (workplace how-tos that say "post", "share", "account"). A two-class softmax over the
same features as the clause ranker (`policy.qa_model`, whose training code it reuses) learns the
difference from every labelled question. It can only take an answer away: when the rules find a
question in scope and the model is sure it is not (`OUT_THRESHOLD`), the answer is `not_covered`.
Out of fold it caught 76% of the out-of-scope questions on its own and turned 0.5% of the
in-scope ones away (`cv` prints the figures).

Training data: the labelled questions of `policy.qa_model.question_files()` (never the held-out
or blind sets of record) that carry no draft, labelled by whether their stance is not_covered.
"""
from __future__ import annotations

import math
import sys
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from policy.qa_model import ClauseModel, Item, items_digest, question_files, train
from policy.sgd import model_main

MODEL_PATH = Path(__file__).parent / "data" / "scope_model.json"
CLASSES = ("in_scope", "out_of_scope")
OUT_THRESHOLD = 0.5  # P(out of scope) at which an in-scope reading by the rules is overruled


def training_items() -> list[Item]:
    from policy.qa import extract_draft
    from policy.qa_eval import load_questions

    return [
        Item(q.text, q.lang, CLASSES[q.stance == "not_covered"], p.name)
        for p in question_files()
        for q in load_questions(p)
        if q.stance is not None and extract_draft(q.text) is None
    ]


def train_default() -> tuple[ClauseModel, str]:
    items = training_items()
    return train(items, CLASSES), items_digest(items)


def dumps(model: ClauseModel, source_sha256: str) -> str:
    from policy.qa_model import dumps as dump_model

    return dump_model(model, source_sha256, [p.relative_to(MODEL_PATH.parents[1]).as_posix() for p in question_files()])


class ScopeModel:
    """P(out of scope | question)."""

    def __init__(self, model: ClauseModel) -> None:
        if tuple(model.clauses) != CLASSES:
            raise ValueError(f"scope model: expected classes {CLASSES}, got {model.clauses}")
        self.model = model

    def p_out(self, question: str) -> float:
        return math.exp(self.model.log_probs(question)[1])


@lru_cache(maxsize=1)
def default_model() -> ScopeModel | None:
    """The shipped model, loaded once per process; None if its file is missing."""
    if not MODEL_PATH.exists():
        return None
    return ScopeModel(ClauseModel.load(MODEL_PATH))


def cross_validate(k: int = 5) -> str:
    items = training_items()
    p_out = [0.0] * len(items)
    for f in range(k):
        model = ScopeModel(train([it for i, it in enumerate(items) if i % k != f], CLASSES))
        for i, it in enumerate(items):
            if i % k == f:
                p_out[i] = model.p_out(it.text)
    out = [i for i, it in enumerate(items) if it.clause == "out_of_scope"]
    ins = [i for i, it in enumerate(items) if it.clause == "in_scope"]
    lines = [f"{len(items)} questions ({len(out)} out of scope), {k} folds; the model alone:"]
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        caught = sum(p_out[i] >= t for i in out) / len(out)
        lost = sum(p_out[i] >= t for i in ins) / len(ins)
        lines.append(f"  p_out >= {t:.1f}: out of scope caught {caught:6.1%}, in scope turned away {lost:5.1%}")
    return "\n".join(lines)


def _main(argv: Sequence[str]) -> int:
    return model_main(argv, __doc__, MODEL_PATH, train_default, dumps, lambda _: cross_validate())

if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
