"""policy.qa_scope_model: the learned second reading of scope, and how the Q&A uses it."""
from __future__ import annotations

import pytest

from policy import qa_scope_model
from policy.loader import load_policy, load_profile
from policy.qa import Answerer
from policy.qa_scope_model import MODEL_PATH, OUT_THRESHOLD, default_model
from policy.review import Reviewer


def test_shipped_weights_retrain_exactly() -> None:
    model, digest = qa_scope_model.train_default()
    assert qa_scope_model.dumps(model, digest) == MODEL_PATH.read_text(encoding="utf-8")
    assert MODEL_PATH.stat().st_size < 300_000


def test_it_learns_from_labelled_questions_without_drafts_only() -> None:
    items = qa_scope_model.training_items()
    assert {it.clause for it in items} == set(qa_scope_model.CLASSES)
    assert sum(it.clause == "out_of_scope" for it in items) >= 200
    assert not any(it.source.startswith(("blind", "questions_holdout5")) for it in items)


@pytest.fixture(scope="module")
def answerers() -> tuple[Answerer, Answerer]:
    policy, profile = load_policy(), load_profile()
    reviewer = Reviewer(policy, profile)
    return Answerer(policy, profile, reviewer, scope_model=None), Answerer(policy, profile, reviewer)


# Workplace how-tos that the scope rules read as in scope (they ask "can I ...", name a colleague
# or a client and say "post" or "share"), and that the model turns away.
OVERRULED = [
    "Can I print the team photo for the kitchen wall?",
    "Is it ok to present our Q3 numbers to the board next week?",
]


@pytest.mark.parametrize("question", OVERRULED)
def test_the_model_takes_an_answer_away_when_it_is_sure(answerers, question: str) -> None:
    rules_only, both = answerers
    assert rules_only.ask(question).stance != "not_covered"
    assert default_model().p_out(question) >= OUT_THRESHOLD
    a = both.ask(question)
    assert (a.stance, a.citations) == ("not_covered", ())


@pytest.mark.parametrize(
    "question",
    [
        "Can I post a photo of our new office on LinkedIn?",  # a platform is named
        "Vai drīkstu Facebook uzrakstīt, ka mūsu vadība ir nekompetenta?",
        "Can I tweet that my boss is an idiot?",  # the review engine flags it
        "Vai drīkstu publicēt kolēģa telefona numuru?",
    ],
)
def test_social_media_questions_keep_their_answer(answerers, question: str) -> None:
    rules_only, both = answerers
    assert both.ask(question) == rules_only.ask(question)
    assert both.ask(question).stance != "not_covered"
