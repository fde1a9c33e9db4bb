"""policy.qa_stance_model: the learned second reading of the stance, and how the Q&A uses it."""
from __future__ import annotations

import pytest

from policy import qa_stance_model
from policy.loader import load_policy, load_profile
from policy.qa import Answerer
from policy.qa_cues import Cues
from policy.qa_stance_model import CLASSES, MODEL_PATH, Reading, default_model, features
from policy.review import Reviewer, default_model as default_review_model


def test_shipped_weights_retrain_exactly() -> None:
    # The model learns from the rules' reading of each question, so a change to the rules, the
    # cues or the training questions shows up here: retrain with `python -m policy.qa_stance_model`.
    model, digest = qa_stance_model.train_default()
    assert qa_stance_model.dumps(model, digest) == MODEL_PATH.read_text(encoding="utf-8")
    assert MODEL_PATH.stat().st_size < 300_000


def test_it_learns_from_labelled_in_scope_questions_without_drafts_only() -> None:
    from policy.qa import extract_draft

    cases = qa_stance_model.training_cases()
    assert {c.item.clause for c in cases} == set(CLASSES)
    assert len(cases) >= 1200
    assert not any(c.path.startswith(("blind2", "blind3", "blind4", "blind5", "blind6", "blind7")) for c in cases)
    assert not any("holdout5" in c.path or "holdout6" in c.path for c in cases)
    assert not any(extract_draft(c.item.text) for c in cases)


def test_features_carry_the_rules_reading_within_the_clause() -> None:
    rules = Reading("not_allowed", "internal-first", Cues(harm=1, consent=False), flagged=True)
    bag = features("Vai drīkstu kritizēt vadību?", rules)
    for f in ("rule:not_allowed", "rule:internal-first:not_allowed", "cue:harm", "cue:internal-first:harm",
              "cue:consent_refused", "flagged", "flagged:internal-first"):
        assert bag[f] == 1.0
    assert any(f.startswith("internal-first|w:") for f in bag)  # stems also within the clause
    assert not any(f.startswith("cue:covert") for f in bag)  # only the cues the question states


@pytest.fixture(scope="module")
def answerers() -> tuple[Answerer, Answerer]:
    policy, profile = load_policy(), load_profile()
    reviewer = Reviewer(policy, profile, default_review_model())
    return Answerer(policy, profile, reviewer, stance_model=None), Answerer(policy, profile, reviewer)


# Questions that leave the policy's condition open: whether the plan is announced, whether the
# customers in the picture agreed. The rules read a prohibition or a permission; careful readers
# (and the model) say it depends.
OPEN_CONDITION = [
    ("Can I mention on LinkedIn that we are opening a new shop in Tartu?", "information-protection"),
    ("vai drikst linkedin pieminet, ka nakamgad atversim filiali Tartu?", "information-protection"),
    ("Vai drīkstu ielikt bildi no darba, kurā fonā redzami pircēji?", "employee-responsibility"),
]


@pytest.mark.parametrize("question, clause", OPEN_CONDITION)
def test_the_model_reads_an_open_condition_as_it_depends(answerers, question: str, clause: str) -> None:
    rules_only, both = answerers
    before, after = rules_only.ask(question), both.ask(question)
    assert before.stance != "depends"
    assert (after.stance, after.citations[0].clause) == ("depends", clause)


@pytest.mark.parametrize(
    "question, stance",
    [
        ("Vai drīkstu sociālajos medijos kritizēt savu vadību?", "not_allowed"),
        ("Can I write on my blog how much I earn?", "allowed"),
        ("Can I repost the annual results our company published on its website yesterday?", "allowed"),
        ("Can I post a photo from work where customers are in the background?", "depends"),
    ],
)
def test_where_the_rules_are_right_the_model_agrees(answerers, question: str, stance: str) -> None:
    rules_only, both = answerers
    assert rules_only.ask(question).stance == both.ask(question).stance == stance


def _side(clause, stance: str) -> list[str]:
    sentences = {"allowed": clause.allowed, "not_allowed": clause.not_allowed, "depends": clause.conditions}[stance]
    return [t.get(lang) for t in sentences for lang in ("lv", "en")]


def test_an_overruled_answer_quotes_a_sentence_of_its_own_stance(answerers) -> None:
    # When the model changes the stance, the quote must say what the new stance says: the chosen
    # clause's sentence of that side (for "it depends" with no condition sentence matching, the
    # clause's opening sentence).
    from policy.qa_eval import load_questions
    from policy.qa_model import question_files
    from policy.qa_index import first_sentence

    rules_only, both = answerers
    policy = both.policy
    overruled = 0
    for path in question_files()[-3:]:
        for q in load_questions(path):
            before, after = rules_only.ask(q.text), both.ask(q.text)
            if after.review is not None or after.stance in ("not_covered", before.stance):
                continue
            overruled += 1
            clause = policy.clause(after.citations[0].clause)
            quotes = _side(clause, after.stance)
            if after.stance == "depends":
                quotes += [first_sentence(clause.text).get(lang) for lang in ("lv", "en")]
            assert after.citations[0].quote in quotes, q.text
            assert after.citations[0].quote in after.answer
    assert overruled >= 20


def test_the_shipped_model_is_the_default(answerers) -> None:
    rules_only, both = answerers
    assert rules_only.stance_model is None
    assert both.stance_model is default_model() is not None
