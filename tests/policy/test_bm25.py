"""BM25: known values, ranking behaviour, weighted fields and edge cases."""
from __future__ import annotations

import math

import pytest

from policy.bm25 import BM25, Hit

CORPUS = [
    ["client", "data", "confidential", "client"],
    ["post", "photo", "event"],
    ["competitor", "criticise", "post"],
]


def test_score_matches_the_formula_by_hand() -> None:
    index = BM25(CORPUS, k1=1.2, b=0.75)
    # "client": df=1 of N=3 documents; tf=2 in a document of length 4; avgdl = 10/3.
    idf = math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))
    norm = 1.2 * (1 - 0.75 + 0.75 * 4 / (10 / 3))
    expected = idf * 2 * 2.2 / (2 + norm)
    assert index.scores(["client"]) == pytest.approx([expected, 0.0, 0.0])


@pytest.mark.parametrize(
    "query, best",
    [
        (["client", "data"], 0),
        (["photo"], 1),
        (["competitor", "post"], 2),
        (["post", "event"], 1),
    ],
)
def test_the_matching_document_ranks_first(query: list[str], best: int) -> None:
    assert BM25(CORPUS).top(query)[0].doc == best


@pytest.mark.parametrize("query", [[], ["wifi", "password"]])
def test_no_overlap_scores_nothing(query: list[str]) -> None:
    index = BM25(CORPUS)
    assert index.top(query) == []
    assert index.scores(query) == [0.0, 0.0, 0.0]


def test_rare_terms_weigh_more_than_common_ones() -> None:
    index = BM25(CORPUS)
    assert index.idf("photo") > index.idf("post") > 0.0
    assert index.idf("unknown") == 0.0


def test_repeated_query_terms_count_once() -> None:
    index = BM25(CORPUS)
    assert index.scores(["post", "post", "post"]) == index.scores(["post"])


def test_weighted_fields_raise_a_term_but_saturate() -> None:
    plain = BM25(weighted=[{"a": 1.0, "b": 1.0}, {"b": 1.0, "c": 1.0}])
    boosted = BM25(weighted=[{"a": 3.0, "b": 1.0}, {"b": 1.0, "c": 1.0}])
    assert boosted.scores(["a"])[0] > plain.scores(["a"])[0]
    # Saturation: tripling the weight does not triple the score.
    assert boosted.scores(["a"])[0] < 3 * plain.scores(["a"])[0]


def test_top_limits_and_orders() -> None:
    hits = BM25(CORPUS).top(["post", "client"], n=2)
    assert len(hits) == 2
    assert hits[0].score >= hits[1].score
    assert all(isinstance(h, Hit) for h in hits)


def test_empty_corpus_and_bad_arguments() -> None:
    assert BM25([]).scores(["x"]) == []
    assert len(BM25([])) == 0
    with pytest.raises(ValueError):
        BM25([["a"]], weighted=[{"a": 1.0}])


def test_query_weights_scale_a_terms_contribution() -> None:
    index = BM25(CORPUS)
    plain = index.scores(["photo"])
    assert index.scores({"photo": 2.0}) == pytest.approx([2 * x for x in plain])
    assert index.scores({"photo": 0.0}) == [0.0, 0.0, 0.0]
    assert index.scores({"photo": 1.0, "client": 1.0}) == index.scores(["photo", "client"])
