"""policy.evaluation: parsing, the figures (pure), and the review engine's figures on its sets."""
from __future__ import annotations

import pytest

from policy.evaluation import (
    DRAFTS_HOLDOUT_PATH,
    DRAFTS_PATH,
    LabelledDraft,
    Result,
    evaluate_drafts,
    format_drafts,
    load_drafts,
    parse_drafts,
    score,
)
from policy.loader import load_policy, load_profile
from policy.review import Reviewer


def d(expect: str, *clauses: str, lang: str = "lv") -> LabelledDraft:
    return LabelledDraft("x", lang, expect, clauses)


def r(item: LabelledDraft, verdict: str, *cited: str) -> Result:
    return Result(item, verdict, cited, item.lang)


def test_score_counts_flags_clauses_and_false_alarms() -> None:
    results = [
        r(d("do_not_post", "a"), "do_not_post", "a"),  # flagged, right clause
        r(d("revise", "b", "c"), "revise", "a", "c"),  # flagged, one of its clauses cited
        r(d("revise", "b"), "revise", "a"),  # flagged, wrong clause
        r(d("do_not_post", "a", lang="en"), "ok"),  # missed
        r(d("ok"), "ok"),
        r(d("ok", lang="en"), "revise", "a"),  # false alarm
    ]
    m = score(results, ["a", "b", "c"])
    all_ = m.overall
    assert (all_.flagged.hits, all_.flagged.total) == (3, 4)
    assert (all_.correct_clause.hits, all_.correct_clause.total) == (2, 4)
    assert (all_.clean_flagged.hits, all_.clean_flagged.total) == (1, 2)
    assert (all_.precision.hits, all_.precision.total) == (3, 4)
    assert m.row("lv").clean_flagged.value == 0.0
    assert m.row("en").flagged.value == 0.0
    a, b, c = m.clauses
    assert (a.clause, a.precision.hits, a.precision.total) == ("a", 1, 4)
    assert (a.recall.hits, a.recall.total) == (1, 2)
    assert (a.false_alarm.hits, a.false_alarm.total) == (1, 2)
    assert (b.recall.hits, b.recall.total) == (0, 2)
    assert (c.precision.hits, c.recall.hits) == (1, 1)
    assert len(m.misses) == 3
    text = format_drafts(m)
    assert "violating flagged" in text and "misses (3)" in text


def test_empty_rates_print_a_dash() -> None:
    m = score([r(d("ok"), "ok")])
    assert m.overall.flagged.value is None
    assert "-" in str(m.overall.flagged)


@pytest.mark.parametrize(
    "data, error",
    [
        ({"drafts": [{"text": "x", "lang": "lv", "expect": "ok"}]}, "exactly the keys"),
        ([{"text": " ", "lang": "lv", "expect": "ok", "clauses": []}], "non-empty"),
        ([{"text": "x", "lang": "de", "expect": "ok", "clauses": []}], "lang"),
        ([{"text": "x", "lang": "lv", "expect": "fine", "clauses": []}], "expect"),
        ([{"text": "x", "lang": "lv", "expect": "ok", "clauses": ["a"]}], "clean draft has no clauses"),
        ([{"text": "x", "lang": "lv", "expect": "revise", "clauses": []}], "clean draft has no clauses"),
        ({"items": []}, "expected a list"),
    ],
)
def test_parse_errors(data, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        parse_drafts(data)


# ---- the review engine on its own sets -------------------------------------------------------------


@pytest.fixture(scope="module")
def reviewer() -> Reviewer:
    return Reviewer(load_policy(), load_profile())


def test_tuning_set_is_big_balanced_and_uses_real_clauses() -> None:
    items = load_drafts(DRAFTS_PATH)
    clause_ids = set(load_policy().clause_ids)
    assert len(items) >= 120
    assert 0.4 <= sum(i.lang == "lv" for i in items) / len(items) <= 0.6
    assert 0.4 <= sum(not i.violating for i in items) / len(items) <= 0.6
    assert all(set(i.clauses) <= clause_ids for i in items)


def test_tuning_set_figures(reviewer: Reviewer) -> None:
    # Rules only. Measured in round 6 (948 drafts, holdout 4 and the thin clauses folded in; those
    # were left to the model): flagged lv 95.0%, en 87.2%; correct clause lv 94.1%, en 87.2%;
    # clean flagged lv 0%, en 0.4%. Round 7 added 152 drafts written for what the rules missed
    # (left to the model where no general rule fits): flagged lv 91.7%, en 80.3%; correct clause
    # lv 90.9%, en 78.8%; clean flagged lv 0%, en 0.3%. The floors sit just under that.
    m = evaluate_drafts(reviewer, load_drafts(DRAFTS_PATH))
    floors = {"lv": 0.90, "en": 0.78, "all": 0.84}
    for row in m.rows:  # per language and overall
        assert row.flagged.value >= floors[row.lang], format_drafts(m)
        assert row.correct_clause.value >= floors[row.lang], format_drafts(m)
        assert row.clean_flagged.value <= 0.01, format_drafts(m)


def test_training_set_figures_with_the_model() -> None:
    # The shipped engine, in-sample on everything the model learns from (the tuning set, the
    # outsiders' sets under eval/train/ and the first blind set): a guard against regressions,
    # not a measure of accuracy (the honest figures are out of fold: `python -m policy.classifier
    # cv`). The outsiders' near-miss pairs keep even the in-sample false alarms above zero.
    from policy.classifier import training_items
    from policy.review import default_model

    m = evaluate_drafts(Reviewer(load_policy(), load_profile(), default_model()), training_items())
    # Round 8 (3,926 drafts): flagged lv 95.9%, en 91.2%; right clause lv 94.3%, en 88.5%; clean
    # flagged lv 3.7%, en 3.8%. Round 9 (4,446: 520 outsiders' drafts written to be hard, half of
    # them violating in indirect ways): flagged lv 94.6%, en 89.6%; right clause lv 92.8%, en
    # 87.0%; clean flagged lv 3.0%, en 2.8%. The floors sit just under that.
    for row in m.rows:
        assert row.flagged.value >= 0.88, format_drafts(m)
        assert row.correct_clause.value >= 0.85, format_drafts(m)
        assert row.clean_flagged.value <= 0.05, format_drafts(m)


def test_held_out_set_exists_and_raises_no_false_alarms(reviewer: Reviewer) -> None:
    # Only the false-alarm rate is guarded here: the held-out recall is reported as measured
    # (in the header and commit history of the held-out file), not tuned towards a threshold.
    items = load_drafts(DRAFTS_HOLDOUT_PATH)
    assert len(items) >= 60
    m = evaluate_drafts(reviewer, items)
    assert m.overall.clean_flagged.value <= 0.10, format_drafts(m)
