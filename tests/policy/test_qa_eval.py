"""The labelled questions: their file format, the metrics, and the figures the engine must keep."""
from __future__ import annotations

import pytest

from policy.loader import load_policy, load_profile
from policy.model import Answer, Citation
from policy.qa import Answerer
from policy.qa_eval import (
    HOLDOUT_PATH,
    LabelledQuestion,
    evaluate_questions,
    format,
    load_questions,
    parse_questions,
)
from policy.review import Reviewer

POLICY = load_policy()
PROFILE = load_profile()


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(POLICY, PROFILE, Reviewer(POLICY, PROFILE))


# ---- the figures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tuning(answerer: Answerer):
    return evaluate_questions(answerer, load_questions())


def test_the_tuning_set_is_big_and_varied_enough() -> None:
    items = load_questions()
    assert len(items) >= 80
    assert {q.lang for q in items} == {"lv", "en"}
    assert sum(q.stance == "not_covered" for q in items) >= 15
    assert {q.clause for q in items if q.clause} == set(POLICY.clause_ids)


def test_tuning_set_figures(tuning) -> None:
    # Measured: top-1 98.8%, stance 100%, out-of-scope 100%. The bars sit a few points lower:
    # the review engine, whose findings in a question inform the answer, is still changing.
    o = tuning.overall
    assert o.top1.value >= 0.95, format(tuning)
    assert o.stance.value >= 0.95, format(tuning)
    assert o.out_of_scope.value == 1.0, format(tuning)  # every one not_covered, no citation
    assert o.language.value == 1.0, format(tuning)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_tuning_set_figures_per_language(tuning, lang: str) -> None:
    # A little below the overall bar: each language has half the questions, so one miss is 2.5%.
    # Measured: lv 97.6% / 100%, en 100% / 100%.
    row = tuning.row(lang)
    assert row.top1.value >= 0.92, format(tuning)
    assert row.stance.value >= 0.92, format(tuning)
    assert row.out_of_scope.value == 1.0, format(tuning)


# Sets written after some tuning and then tuned on (see each file's header), with the figures
# measured on them now: (top-1, stance, out-of-scope). The floors sit a few points below. Since the
# learned clause ranker (policy.qa_model, trained on every set here) these figures are in-sample
# for the model too; the rules alone measured (97.4%, 92.5%), (91.2%, 97.1%), (94.7%, 94.6%),
# (74.6%, 72.7%).
SEEN_SETS = {
    "questions_holdout.yaml": (1.0, 0.925, 1.0),  # first measured 69%, 57%, 100%
    "questions_holdout2.yaml": (0.971, 0.971, 1.0),  # first measured 76%, 68%, 67%
    "questions_dev.yaml": (1.0, 0.946, 1.0),  # first measured 84.2%, 83.8%, 75%
    "questions_dev2.yaml": (0.949, 0.764, 1.0),  # first measured 68.3%, 62.5%, 91.7% (72 items)
}


def test_holdout3_keeps_its_figures(answerer: Answerer) -> None:
    # Never tuned on: measured once before the generalisation work (78.7%, 57.9%, 100%) and once
    # after (96.0%, 88.2%, 100%). A floor a few points below the second measurement.
    m = evaluate_questions(answerer, load_questions(HOLDOUT_PATH.with_name("questions_holdout3.yaml")))
    assert m.overall.top1.value >= 0.91, format(m, misses=False)
    assert m.overall.stance.value >= 0.83, format(m, misses=False)
    assert m.overall.out_of_scope.value >= 0.9, format(m, misses=False)


def test_holdout4_keeps_its_figures(answerer: Answerer) -> None:
    # Never tuned on by hand, misses never looked at: measured once before the third pass (77.3%,
    # 71.2%, 100%) and once after (80.3%, 75.8%, 100%). A floor a few points below the second. The
    # learned clause ranker (policy.qa_model) is trained on it, so with the model it is in-sample:
    # 92.4%, 78.8%, 100% (its out-of-fold figures are in policy.qa_model_cv).
    m = evaluate_questions(answerer, load_questions(HOLDOUT_PATH.with_name("questions_holdout4.yaml")))
    assert m.overall.top1.value >= 0.77, format(m, misses=False)
    assert m.overall.stance.value >= 0.72, format(m, misses=False)
    assert m.overall.out_of_scope.value >= 0.9, format(m, misses=False)


def test_holdout5_keeps_its_figures(answerer: Answerer) -> None:
    # Never trained or tuned on: measured once after the learned clause ranker, rules only (90.9%,
    # 89.1%, 91.7%) and rules + model (95.5%, 89.1%, 91.7%). A floor a few points below the second.
    # The learned stance reader (policy.qa_stance_model) costs it two stances (56 -> 54 of 64)
    # and gains questions_holdout6 six (56 -> 62 of 75): the stance floor follows it.
    m = evaluate_questions(answerer, load_questions(HOLDOUT_PATH.with_name("questions_holdout5.yaml")))
    assert m.overall.top1.value >= 0.91, format(m, misses=False)
    assert m.overall.stance.value >= 0.83, format(m, misses=False)
    assert m.overall.out_of_scope.value >= 0.9, format(m, misses=False)


@pytest.mark.parametrize("name", sorted(SEEN_SETS))
def test_seen_sets_keep_their_figures(answerer: Answerer, name: str) -> None:
    items = load_questions(HOLDOUT_PATH.with_name(name))
    assert len(items) >= 30
    assert {q.clause for q in items if q.clause} <= set(POLICY.clause_ids)
    m = evaluate_questions(answerer, items)
    top1, stance, oos = SEEN_SETS[name]
    assert m.overall.top1.value >= top1 - 0.05, format(m)
    assert m.overall.stance.value >= stance - 0.05, format(m)
    assert m.overall.out_of_scope.value >= oos - 0.15, format(m)


# ---- the metrics themselves -------------------------------------------------------------------


class Scripted:
    """Answers from a table: question -> (first cited clause or None, stance, language)."""

    def __init__(self, table: dict[str, tuple[str | None, str, str]]) -> None:
        self.table = table

    def ask(self, question: str) -> Answer:
        clause, stance, lang = self.table[question]
        cites = (Citation(clause, "1", "q"),) if clause else ()
        return Answer("a", stance, lang, "1", cites)  # type: ignore[arg-type]


def test_metrics_count_what_they_say() -> None:
    items = [
        LabelledQuestion("q1", "lv", "a", "allowed"),  # right clause, right stance
        LabelledQuestion("q2", "lv", "a", "not_allowed"),  # right clause, wrong stance
        LabelledQuestion("q3", "en", "b", "depends"),  # wrong clause, right stance
        LabelledQuestion("q4", "en", None, "not_covered"),  # handled
        LabelledQuestion("q5", "en", None, "not_covered"),  # not_covered but cites: not handled
        LabelledQuestion("q6", "en", "c", None),  # informational: clause only
    ]
    engine = Scripted(
        {
            "q1": ("a", "allowed", "lv"),
            "q2": ("a", "depends", "lv"),
            "q3": ("x", "depends", "en"),
            "q4": (None, "not_covered", "en"),
            "q5": ("a", "not_covered", "en"),
            "q6": ("c", "allowed", "lv"),
        }
    )
    m = evaluate_questions(engine, items)
    assert [r.lang for r in m.rows] == ["lv", "en", "all"]
    o = m.overall
    assert (o.top1.hits, o.top1.total) == (3, 4)
    assert (o.stance.hits, o.stance.total) == (2, 3)
    assert (o.out_of_scope.hits, o.out_of_scope.total) == (1, 2)
    assert (o.language.hits, o.language.total) == (5, 6)
    assert (m.row("lv").top1.hits, m.row("lv").top1.total) == (2, 2)
    assert {x.item.text for x in m.misses} == {"q2", "q3", "q5", "q6"}
    table = format(m)
    assert "top-1" in table and "75.0% (3/4)" in table and "q3" in table
    assert "q3" not in format(m, misses=False)


def test_rates_with_nothing_to_count() -> None:
    m = evaluate_questions(Scripted({}), [])
    assert m.overall.top1.value is None
    assert "-" in format(m)


@pytest.mark.parametrize(
    "data, error",
    [
        ({"nope": []}, "list"),
        ([{"text": "x", "lang": "lv", "clause": None}], "keys"),
        ([{"text": "x", "lang": "lv", "clause": None, "stance": "not_covered", "extra": 1}], "keys"),
        ([{"text": " ", "lang": "lv", "clause": None, "stance": "not_covered"}], "text"),
        ([{"text": "x", "lang": "de", "clause": None, "stance": "not_covered"}], "lang"),
        ([{"text": "x", "lang": "lv", "clause": "a", "stance": "maybe"}], "stance"),
        ([{"text": "x", "lang": "lv", "clause": "a", "stance": "not_covered"}], "clause: null"),
        ([{"text": "x", "lang": "lv", "clause": None, "stance": None}], "clause, a stance"),
    ],
)
def test_bad_question_files_are_rejected_with_the_item_named(data, error: str) -> None:
    with pytest.raises(ValueError, match=error) as e:
        parse_questions(data, "q.yaml")
    assert str(e.value).startswith("q.yaml")


def test_both_file_shapes_parse() -> None:
    item = {"text": "x", "lang": "en", "clause": "a", "stance": None}
    assert parse_questions([item]) == parse_questions({"questions": [item]})
