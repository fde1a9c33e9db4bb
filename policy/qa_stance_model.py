"""A learned stance model for the Q&A engine: a softmax over allowed / not_allowed / depends,
fused with the rule-based stance of `policy.qa_stance`.

    python -m policy.qa_stance_model train     # writes policy/data/qa_stance_model.json
    python -m policy.qa_stance_model cv        # grouped k-fold: rules only vs fused, per weight

Why: the rules pick the stance from the best-matching sentence of the chosen clause, adjusted by
the question's cues; on fresh questions they are right about four times in five, and the misses
are mostly depends <-> not_allowed (a prohibition with an exception the asker may meet versus an
outright one), then allowed <-> depends. A linear model over the question's words and the rules'
own reading of it can learn which readings the rules get wrong.

Features (`features`): the review classifier's text features (`policy.classifier.analyse`:
stems, negated stems, stem bigrams, character 4-grams, marks; unit length) plus the rule side
(`Reading`): the rules' stance (one-hot), the kind of the best-matching sentence, the cue flags
of `policy.qa_cues`, whether the review engine flagged the clause in the question, the chosen
clause, and the clause crossed with the rules' stance.

Model: softmax regression by the clause ranker's SGD with L2 (`policy.qa_model._sgd`: a fixed seed
and order, so training twice gives the same weights), pruned to the most informative features
and retrained on them, stored as integer thousandths. Fusion (`fuse_stance`): the argmax of the
model's probabilities plus `weight` times the rules' stance one-hot; ties go to the rules.

Training data (`training_items`): every labelled in-scope question with a stance of
policy/eval/questions*.yaml except questions_holdout5.yaml and questions_holdout6.yaml (measured
once at the end) and anything under eval/blind/ (never globbed). Questions that carry a draft are
left out: those are answered through the review engine. The rule side of each question is read
by the shipped engine (rules + learned clause ranker), as at answer time.
"""
from __future__ import annotations

import hashlib
import json
import math
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from policy.classifier import analyse
from policy.model import Stance
from policy.qa_cues import Cues

if TYPE_CHECKING:
    from policy.qa import Answerer

MODEL_PATH = Path(__file__).parent / "data" / "qa_stance_model.json"
FORMAT = 1
SCALE = 1000  # weights are stored as integer thousandths
EVAL_DIR = Path(__file__).parent / "eval"
EXCLUDED = ("questions_holdout5.yaml", "questions_holdout6.yaml")  # measured once; blind/ is not globbed
STANCES: tuple[Stance, ...] = ("allowed", "not_allowed", "depends")

CONFIG: dict[str, float | int] = {
    "seed": 20263,
    "epochs": 30,
    "lr": 1.0,
    "l2": 1e-4,
    "keep": 3000,  # features kept after pruning
    "char_n": 4,
    "rule_value": 0.5,  # the value of each rule-side feature (text features sum to unit length)
}


@dataclass(frozen=True)
class Reading:
    """The rules' reading of a question, for the chosen clause."""

    stance: Stance  # the rule-based stance (allowed, not_allowed or depends)
    kind: str  # the kind of the best-matching sentence (`policy.qa_stance.SIDE` keys, or "none")
    clause: str  # the chosen clause's id
    cues: Cues
    flagged: bool = False  # the review engine found a high-severity problem of this clause


@dataclass(frozen=True)
class StanceItem:
    text: str
    lang: str
    clause: str  # the labelled clause
    stance: Stance  # the labelled stance
    source: str  # file name


def rule_features(r: Reading) -> list[str]:
    """The names of the rule-side features that are on for a reading."""
    c = r.cues
    on = {
        "harm": c.harm > 0,
        "harm2": c.harm >= 2,
        "covert": c.covert,
        "kind": c.kind > 0,
        "consent_yes": c.consent is True,
        "consent_no": c.consent is False,
        "not_public": c.not_public,
        "unannounced": c.unannounced,
        "already_public": c.already_public,
        "internal": c.internal,
        "own": c.own,
        "how": c.how,
        "third_person": c.third_person,
        "public": c.public,
        "flagged": r.flagged,
    }
    return [f"r:{r.stance}", f"k:{r.kind}", f"cl:{r.clause}", f"cr:{r.clause}_{r.stance}"] + [
        f"q:{name}" for name, v in on.items() if v
    ]


def features(question: str, reading: Reading, char_n: int, rule_value: float) -> dict[str, float]:
    """The question's text features plus its reading's rule features."""
    bag = analyse(question, char_n).bag()
    for f in rule_features(reading):
        bag[f] = rule_value
    return bag


def fuse_stance(probs: Sequence[float], rule: Stance, weight: float) -> Stance:
    """The argmax of the model's probabilities (in `STANCES` order) plus `weight` times the rules'
    stance one-hot; a tie goes to the rules. A weight of 1 or more always keeps the rules'."""
    scores = [p + (weight if s == rule else 0.0) for s, p in zip(STANCES, probs)]
    best = max(scores)
    if rule in STANCES and scores[STANCES.index(rule)] >= best:
        return rule
    return STANCES[scores.index(best)]


# ---- the model --------------------------------------------------------------------------------


class StanceModel:
    """`weights` maps a feature to one integer per stance (thousandths); `bias` one float each."""

    def __init__(self, bias: Sequence[float], weights: Mapping[str, Sequence[int]], char_n: int,
                 rule_value: float) -> None:
        self.bias = tuple(bias)
        self.weights = dict(weights)
        self.char_n = char_n
        self.rule_value = rule_value

    @classmethod
    def from_dict(cls, data: Mapping) -> "StanceModel":
        if data.get("format") != FORMAT or tuple(data.get("stances", ())) != STANCES:
            raise ValueError(f"qa stance model: unknown format {data.get('format')!r}")
        return cls(data["bias"], data["weights"], int(data["char_n"]), float(data["rule_value"]))

    @classmethod
    def load(cls, path: Path | None = None) -> "StanceModel":
        with open(path or MODEL_PATH, encoding="utf-8") as f:
            return cls.from_dict(json.load(f))

    def probs(self, question: str, reading: Reading) -> list[float]:
        """P(stance | question, reading), in `STANCES` order."""
        return self.probs_of(features(question, reading, self.char_n, self.rule_value))

    def probs_of(self, bag: Mapping[str, float]) -> list[float]:
        z = list(self.bias)
        for f, v in bag.items():
            w = self.weights.get(f)
            if w is not None:
                for k in range(len(z)):
                    z[k] += w[k] * v / SCALE
        top = max(z)
        e = [math.exp(x - top) for x in z]
        total = sum(e)
        return [x / total for x in e]

    def stance(self, question: str, reading: Reading, weight: float) -> Stance:
        """The fused stance (`fuse_stance`)."""
        return fuse_stance(self.probs(question, reading), reading.stance, weight)


@lru_cache(maxsize=1)
def default_model() -> StanceModel:
    """The shipped model, loaded once per process."""
    return StanceModel.load()


# ---- training -------------------------------------------------------------------------------


def train_rows(bags: Sequence[dict[str, float]], labels: Sequence[int], cfg: Mapping | None = None) -> StanceModel:
    """Train on feature bags and stance indices (`STANCES` order)."""
    from policy.qa_model import _sgd

    cfg = {**CONFIG, **(cfg or {})}
    rows = list(zip(bags, labels))
    n = len(STANCES)
    bias, weights = _sgd(rows, n, cfg)
    keep = int(cfg["keep"])
    if len(weights) > keep:
        # Keep the features with the largest weights, then retrain on those only, so that the
        # stored model is exactly the one that was trained.
        ranked = sorted(weights, key=lambda f: (-max(abs(x) for x in weights[f]), f))
        kept = set(ranked[:keep])
        rows = [({f: v for f, v in b.items() if f in kept}, y) for b, y in rows]
        bias, weights = _sgd(rows, n, cfg)
    quantised = {f: [round(x * SCALE) for x in w] for f, w in sorted(weights.items())}
    quantised = {f: w for f, w in quantised.items() if any(w)}
    return StanceModel([round(b, 5) for b in bias], quantised, int(cfg["char_n"]), float(cfg["rule_value"]))


def question_files() -> list[Path]:
    """The labelled question sets the model may learn from (never holdout5/6, never blind/)."""
    return sorted(p for p in EVAL_DIR.glob("questions*.yaml") if p.name not in EXCLUDED)


def training_items() -> list[StanceItem]:
    """Labelled in-scope questions with a stance, in file order; drafts left out."""
    from policy.qa import extract_draft
    from policy.qa_eval import load_questions

    return [
        StanceItem(q.text, q.lang, q.clause, q.stance, p.name)  # type: ignore[arg-type]
        for p in question_files()
        for q in load_questions(p)
        if q.clause and q.stance in STANCES and extract_draft(q.text) is None
    ]


def shipped_answerer() -> "Answerer":
    """The engine whose reading the model learns from: rules + clause ranker, stance model off."""
    from policy.loader import load_policy, load_profile
    from policy.qa import Answerer
    from policy.review import Reviewer

    policy, profile = load_policy(), load_profile()
    return Answerer(policy, profile, Reviewer(policy, profile), stance_weight=None)


def train_default() -> tuple[StanceModel, str]:
    answerer = shipped_answerer()
    items = training_items()
    bags, labels = [], []
    for it in items:
        reading = answerer.reading(it.text)
        if reading is None:
            continue
        bags.append(features(it.text, reading, int(CONFIG["char_n"]), float(CONFIG["rule_value"])))
        labels.append(STANCES.index(it.stance))
    return train_rows(bags, labels), _digest(items)


def _digest(items: Sequence[StanceItem]) -> str:
    """A hash of the training data itself (texts, languages, labels, sources)."""
    h = hashlib.sha256()
    for it in items:
        h.update(json.dumps([it.text, it.lang, it.clause, it.stance, it.source], ensure_ascii=False).encode())
    return h.hexdigest()


def dumps(model: StanceModel, source_sha256: str = "") -> str:
    data = {
        "format": FORMAT,
        "trained_on": [p.name for p in question_files()],
        "source_sha256": source_sha256,
        "config": CONFIG,
        "stances": list(STANCES),
        "bias": list(model.bias),
        "char_n": model.char_n,
        "rule_value": model.rule_value,
        "weights": model.weights,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _main(argv: Sequence[str]) -> int:
    cmd = argv[0] if argv else "train"
    if cmd == "train":
        model, digest = train_default()
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        MODEL_PATH.write_text(dumps(model, digest), encoding="utf-8")
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size} bytes, {len(model.weights)} features)")
        return 0
    if cmd == "cv":
        from policy.qa_stance_model_cv import report

        print(report(argv[1:]))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
