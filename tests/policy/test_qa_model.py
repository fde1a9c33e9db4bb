"""policy.qa_model, the Q&A engine's learned clause ranker: deterministic training, the shipped
weights retrain exactly, fusion with the rules' ranking, and the guards around it."""
from __future__ import annotations

import math

import pytest

from policy import qa_model
from policy.loader import load_policy, load_profile
from policy.qa import MODEL_WEIGHT, Answerer
from policy.qa_model import MODEL_PATH, ClauseModel, Item, fuse, question_files, train, training_items
from policy.review import Reviewer

POLICY = load_policy()
PROFILE = load_profile()

TINY = [
    Item("Vai drīkstu publicēt klienta logo?", "lv", "information-protection", "t"),
    Item("vai drikstu rakstit par klienta ligumu", "lv", "information-protection", "t"),
    Item("Can I post our revenue figures?", "en", "information-protection", "t"),
    Item("Can I complain about a rude customer?", "en", "employee-responsibility", "t"),
    Item("Vai drīkstu pasmieties par klientu, kas bija rupjš?", "lv", "employee-responsibility", "t"),
    Item("customer was an idiot today can i post it", "en", "employee-responsibility", "t"),
]
TINY_CLAUSES = ("information-protection", "employee-responsibility")


def test_training_is_deterministic_and_learns_the_tiny_set() -> None:
    a, b = train(TINY, TINY_CLAUSES), train(TINY, TINY_CLAUSES)
    assert a.weights == b.weights and a.bias == b.bias
    for it in TINY:
        lp = a.log_probs(it.text)
        assert math.isclose(sum(math.exp(x) for x in lp), 1.0, abs_tol=1e-9)
        assert TINY_CLAUSES[lp.index(max(lp))] == it.clause


def test_shipped_weights_retrain_exactly() -> None:
    model, digest = qa_model.train_default()
    assert qa_model.dumps(model, digest) == MODEL_PATH.read_text(encoding="utf-8")


def test_training_never_reads_the_measured_or_blind_sets() -> None:
    names = {p.name for p in question_files()}
    assert not names & {"questions_holdout5.yaml", "questions_holdout6.yaml"}
    assert all(p.parent.name in ("eval", "train", "blind") for p in question_files())
    assert not any({"blind2", "blind3", "blind4", "blind5", "blind6", "blind7"} & set(p.parts) for p in question_files())  # the blind sets of record
    assert {it.source for it in training_items()} <= names | {"guidelines"}


def test_shipped_model_is_small_and_ranks_the_policys_clauses() -> None:
    model = ClauseModel.load()
    assert model.clauses == POLICY.clause_ids
    assert MODEL_PATH.stat().st_size < 400_000


def test_fuse_keeps_the_rules_order_without_weight_and_can_overturn_a_close_call() -> None:
    ranked = [(0, 10.0), (1, 9.5)]
    lp = [math.log(0.05), math.log(0.9)] + [math.log(0.05 / 6)] * 6
    assert [ci for ci, _ in fuse(ranked, lp, 0.0)][:2] == [0, 1]
    assert fuse(ranked, lp, 0.15)[0][0] == 1  # 0.95 - 0.016 > 1.0 - 0.449
    far = [(0, 10.0), (1, 2.0)]
    assert fuse(far, lp, 0.15)[0][0] == 0  # a clear BM25 winner stays
    assert fuse([], lp, 0.15) == []


def test_answerer_uses_the_model_only_for_the_clauses_it_was_trained_on() -> None:
    reviewer = Reviewer(POLICY, PROFILE)
    expected = qa_model.default_model() if MODEL_WEIGHT > 0 else None
    assert Answerer(POLICY, PROFILE, reviewer).ranker is expected
    assert Answerer(POLICY, PROFILE, reviewer, model_weight=0.0).ranker is None
    other = train(TINY, TINY_CLAUSES)
    assert Answerer(POLICY, PROFILE, reviewer, ranker=other, model_weight=0.5).ranker is None


@pytest.mark.parametrize("question", ["Where is the printer?", "Kā pieteikt atvaļinājumu?"])
def test_scope_stays_with_the_rules(question: str) -> None:
    a = Answerer(POLICY, PROFILE, Reviewer(POLICY, PROFILE), model_weight=5.0).ask(question)
    assert a.stance == "not_covered" and not a.citations
