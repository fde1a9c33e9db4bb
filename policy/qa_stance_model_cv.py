"""Grouped k-fold cross-validation of the learned stance model fused with the rules (`python -m
policy.qa_stance_model cv [k]`): the figures behind `policy.qa.STANCE_WEIGHT`.

Folds are over the stance-labelled questions of the allowed sets, near-duplicates grouped
(`policy.qa_model_cv.groups`). The clause each question is answered from comes from the rules
plus the learned clause ranker with its log-probabilities out of fold too (`out_of_fold`), so
neither model has seen the question. The rules' side is not cross-validated: BM25, the cues and
the stance rules were tuned by hand on most of these sets, so their figures here are in-sample
(optimistic), and the fusion has to beat rules that have seen the questions. questions_holdout4
was never tuned on by hand: its row is the fairest one here.

A question the rules put out of scope is answered not_covered whatever the stance model says,
so it counts as a stance miss on both sides.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from policy.model import Stance
from policy.qa_stance_model import CONFIG, STANCES, Reading, StanceItem, features, fuse_stance, train_rows

WEIGHTS: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)


@dataclass(frozen=True)
class Case:
    item: StanceItem
    reading: Reading | None  # None: no clause matched at all
    confident: bool  # the rules keep the question in scope
    probs: tuple[float, ...]  # the stance model's, out of fold (uniform when there is no reading)


def out_of_fold(k: int = 5, cfg: dict | None = None) -> list[Case]:
    from policy.loader import load_policy, load_profile
    from policy.qa import MODEL_WEIGHT, Answerer
    from policy.qa_model import Item, fuse
    from policy.qa_model_cv import folds
    from policy.qa_model_cv import out_of_fold as clause_out_of_fold
    from policy.qa_stance_model import training_items
    from policy.review import Reviewer
    from policy.text import detect_language

    cfg = {**CONFIG, **(cfg or {})}
    policy, profile = load_policy(), load_profile()
    answerer = Answerer(policy, profile, Reviewer(policy, profile), model_weight=0.0, stance_weight=None)
    clause_lp = {(c.item.source, c.item.text): c.log_probs for c in clause_out_of_fold(k)}
    items = training_items()
    readings: list[Reading | None] = []
    confident: list[bool] = []
    for it in items:
        q, m, flagged = answerer.retrieve(it.text, detect_language(it.text))
        confident.append(m.confident)
        if not m.ranked:
            readings.append(None)
            continue
        lp = clause_lp.get((it.source, it.text))
        order = fuse(m.ranked, lp, MODEL_WEIGHT) if lp is not None and MODEL_WEIGHT > 0 else list(m.ranked)
        ci = order[0][0]
        stance = answerer.index.stance(ci, q, m, flagged=ci in flagged)[0]
        readings.append(answerer.reading_at(ci, q, m, ci in flagged, stance))
    bags = [
        features(it.text, r, int(cfg["char_n"]), float(cfg["rule_value"])) if r else {}
        for it, r in zip(items, readings)
    ]
    fold = folds([Item(it.text, it.lang, it.clause, it.source) for it in items], k)
    probs: list[tuple[float, ...]] = [tuple(1 / len(STANCES) for _ in STANCES)] * len(items)
    for f in range(k):
        train = [i for i in range(len(items)) if fold[i] != f and readings[i] is not None]
        model = train_rows([bags[i] for i in train], [STANCES.index(items[i].stance) for i in train], cfg)
        for i in range(len(items)):
            if fold[i] == f and readings[i] is not None:
                probs[i] = tuple(model.probs_of(bags[i]))
    return [Case(it, r, c, p) for it, r, c, p in zip(items, readings, confident, probs)]


def answered(case: Case, weight: float | None) -> Stance:
    """The engine's stance for a case: rules only (`weight` None) or fused."""
    if case.reading is None or not case.confident:
        return "not_covered"
    if weight is None:
        return case.reading.stance
    return fuse_stance(case.probs, case.reading.stance, weight)


def confusion(cases: Sequence[Case], weight: float | None) -> str:
    """Rows: the labelled stance; columns: the answered one."""
    cols: tuple[str, ...] = (*STANCES, "not_covered")
    lines = ["label \\ answer  " + "  ".join(f"{c:>11}" for c in cols)]
    for s in STANCES:
        row = [sum(c.item.stance == s and answered(c, weight) == a for c in cases) for a in cols]
        lines.append(f"{s:<15} " + "  ".join(f"{n:>11}" for n in row))
    return "\n".join(lines)


def report(argv: Sequence[str] = ()) -> str:
    k = int(argv[0]) if argv else 5
    cases = out_of_fold(k)
    subsets: dict[str, Callable[[Case], bool]] = {
        "all": lambda c: True,
        "lv": lambda c: c.item.lang == "lv",
        "en": lambda c: c.item.lang == "en",
        "holdout4": lambda c: c.item.source == "questions_holdout4.yaml",
        "dev2": lambda c: c.item.source == "questions_dev2.yaml",
    }
    model_alone = sum(
        c.reading is not None and c.confident and STANCES[c.probs.index(max(c.probs))] == c.item.stance for c in cases
    )
    top1 = sum(c.reading is not None and c.confident and c.reading.clause == c.item.clause for c in cases)
    lines = [
        f"{len(cases)} stance-labelled questions in {k} grouped folds; clause top-1 {top1 / len(cases):.1%} "
        f"(ranker out of fold); stance model alone {model_alone / len(cases):.1%}",
        "w      " + "  ".join(f"{name:>16}" for name in subsets) + "   (stance)",
    ]
    for w in (None, *WEIGHTS):
        row = ["rules" if w is None else f"{w:<5}"]
        for pick in subsets.values():
            sel = [c for c in cases if pick(c)]
            ok = sum(answered(c, w) == c.item.stance for c in sel)
            row.append(f"{ok / len(sel):6.1%} (n={len(sel):3})")
        lines.append("  ".join(row))
    best = max(WEIGHTS, key=lambda w: (sum(answered(c, w) == c.item.stance for c in cases), w))
    lines += ["", "rules only:", confusion(cases, None), "", f"fused at {best}:", confusion(cases, best)]
    return "\n".join(lines)
