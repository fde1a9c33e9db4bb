"""policy.qa_stance_model, the learned stance model fused with the rules' stance: deterministic
training, the shipped weights retrain exactly, the fusion rule, and the quote that follows the
fused stance."""
from __future__ import annotations

import math

from policy import qa_stance_model
from policy.loader import load_policy, load_profile
from policy.qa import STANCE_WEIGHT, Answerer
from policy.qa_cues import Cues
from policy.qa_stance_model import (
    MODEL_PATH,
    STANCES,
    Reading,
    StanceModel,
    features,
    fuse_stance,
    question_files,
    train_rows,
    training_items,
)
from policy.review import Reviewer

POLICY = load_policy()
PROFILE = load_profile()


def _reading(stance: str, **cues: object) -> Reading:
    return Reading(stance, "not_allowed", "information-protection", Cues(**cues))  # type: ignore[arg-type]


TINY = [
    ("Can I post a client's logo?", _reading("not_allowed"), "depends"),
    ("Can I post a client's logo, they agreed?", _reading("allowed", consent=True), "allowed"),
    ("Can I post a client's logo without asking them?", _reading("not_allowed", consent=False), "not_allowed"),
    ("vai drikstu publicet klienta logo", _reading("not_allowed"), "depends"),
]


def test_training_is_deterministic_and_learns_the_tiny_set() -> None:
    bags = [features(t, r, 4, 0.5) for t, r, _ in TINY]
    labels = [STANCES.index(s) for _, _, s in TINY]
    a, b = train_rows(bags, labels), train_rows(bags, labels)
    assert a.weights == b.weights and a.bias == b.bias
    for (text, reading, stance) in TINY:
        p = a.probs(text, reading)
        assert math.isclose(sum(p), 1.0, abs_tol=1e-9)
        assert STANCES[p.index(max(p))] == stance


def test_shipped_weights_retrain_exactly() -> None:
    model, digest = qa_stance_model.train_default()
    assert qa_stance_model.dumps(model, digest) == MODEL_PATH.read_text(encoding="utf-8")


def test_training_never_reads_the_measured_or_blind_sets() -> None:
    names = {p.name for p in question_files()}
    assert not names & {"questions_holdout5.yaml", "questions_holdout6.yaml"}
    assert all(p.parent.name == "eval" for p in question_files())  # not eval/blind/
    assert {it.source for it in training_items()} <= names
    assert all(it.stance in STANCES for it in training_items())


def test_shipped_model_is_small() -> None:
    StanceModel.load()
    assert MODEL_PATH.stat().st_size < 150_000


def test_fusion_keeps_the_rules_on_ties_and_at_weight_one() -> None:
    p = [0.2, 0.1, 0.7]
    assert fuse_stance(p, "allowed", 0.0) == "depends"
    assert fuse_stance(p, "allowed", 0.5) == "allowed"  # 0.7 vs 0.7: the rules'
    assert fuse_stance(p, "allowed", 0.4) == "depends"
    assert fuse_stance([0.0, 0.0, 1.0], "not_allowed", 1.0) == "not_allowed"


class _Always:
    """A fake stance model that always answers one stance."""

    def __init__(self, stance: str) -> None:
        self.answer = stance

    def stance(self, question: str, reading: Reading, weight: float) -> str:
        return self.answer


def test_the_quote_follows_the_fused_stance() -> None:
    reviewer = Reviewer(POLICY, PROFILE)
    question = "Can I post our client's logo on Instagram?"
    clause = POLICY.clause("information-protection")
    sides = {"allowed": clause.allowed, "not_allowed": clause.not_allowed, "depends": clause.conditions}
    for stance in STANCES:
        a = Answerer(POLICY, PROFILE, reviewer, stance_model=_Always(stance), stance_weight=0.0).ask(question)
        assert a.stance == stance and a.citations[0].clause == clause.id
        assert a.citations[0].quote in {t.en for t in sides[stance]}


def test_answerer_uses_the_stance_model_only_when_enabled() -> None:
    reviewer = Reviewer(POLICY, PROFILE)
    assert Answerer(POLICY, PROFILE, reviewer, stance_weight=None).stance_model is None
    shipped = Answerer(POLICY, PROFILE, reviewer)
    assert (shipped.stance_model is None) == (STANCE_WEIGHT is None)
    out = Answerer(POLICY, PROFILE, reviewer, stance_model=_Always("allowed"), stance_weight=0.0)
    assert out.ask("Where is the printer?").stance == "not_covered"  # scope stays with the rules
