"""Okapi BM25 over pre-tokenised documents, in pure Python.

The policy has a handful of clauses and a few dozen sentences, so a dictionary-of-postings
implementation answers in microseconds and needs no numpy. Tokenisation, folding and stemming
belong to the caller (`policy.text`), so the same normalisation serves review and Q&A.

Documents may weight their tokens (`weighted=`): a clause's curated keywords count more than a
word of its running text. Weights are added into the term frequency *before* BM25's saturation,
as BM25F does, so a heavily weighted field still cannot make one term dominate without bound.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence


@dataclass(frozen=True)
class Hit:
    """One scored document: its index in the corpus and its BM25 score."""

    doc: int
    score: float


class BM25:
    """An immutable index: build once from the corpus, then `scores()` / `top()` per query.

    `k1` controls term-frequency saturation, `b` length normalisation (Robertson's defaults).
    The IDF is the non-negative Lucene variant, log(1 + (N - df + 0.5) / (df + 0.5)), so a term
    present in every document still adds a little instead of subtracting.
    """

    __slots__ = ("k1", "b", "_tf", "_len", "_avg", "_idf", "_postings")

    def __init__(
        self,
        docs: Sequence[Iterable[str]] = (),
        *,
        weighted: Sequence[Mapping[str, float]] | None = None,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> None:
        if weighted is None:
            tfs: list[dict[str, float]] = [dict(Counter(d)) for d in docs]
        else:
            if docs:
                raise ValueError("give either docs or weighted, not both")
            tfs = [{t: float(w) for t, w in d.items() if w > 0} for d in weighted]
        self.k1 = k1
        self.b = b
        self._tf = tfs
        self._len = [sum(tf.values()) for tf in tfs]
        n = len(tfs)
        self._avg = (sum(self._len) / n) if n else 0.0
        df: Counter[str] = Counter()
        postings: dict[str, list[int]] = {}
        for i, tf in enumerate(tfs):
            for term in tf:
                df[term] += 1
                postings.setdefault(term, []).append(i)
        self._postings = postings
        self._idf = {t: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def __len__(self) -> int:
        return len(self._tf)

    def idf(self, term: str) -> float:
        """The term's IDF; 0.0 for a term no document contains."""
        return self._idf.get(term, 0.0)

    def scores(self, query: Iterable[str] | Mapping[str, float]) -> list[float]:
        """The BM25 score of every document for the query (one float per document).

        A query term counts once however often it is repeated: questions are short and a
        repeated word ("post ... post") is not more evidence. A mapping gives each query term a
        weight (a multiplier of its contribution), for terms that matter more or less than words.
        """
        out = [0.0] * len(self._tf)
        if not out or self._avg == 0.0:
            return out
        k1, b, avg = self.k1, self.b, self._avg
        weights = query if isinstance(query, Mapping) else dict.fromkeys(query, 1.0)
        for term, qw in weights.items():
            docs = self._postings.get(term)
            if not docs or qw <= 0.0:
                continue
            idf = self._idf[term] * qw
            for i in docs:
                f = self._tf[i][term]
                norm = k1 * (1.0 - b + b * self._len[i] / avg)
                out[i] += idf * f * (k1 + 1.0) / (f + norm)
        return out

    def top(self, query: Iterable[str] | Mapping[str, float], n: int | None = None) -> list[Hit]:
        """Documents with a positive score, best first; ties keep corpus order."""
        scored = [Hit(i, s) for i, s in enumerate(self.scores(query)) if s > 0.0]
        scored.sort(key=lambda h: -h.score)
        return scored if n is None else scored[:n]
