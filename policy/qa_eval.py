"""How well the Q&A engine answers labelled questions: the figures behind `policybot eval`.

A labelled question is `{text, lang, clause, stance}`: `clause` is the clause id the first citation
must name (null when the policy does not cover the question), `stance` the expected stance (null
when the question asks for information and the policy takes no stance on it). Three figures, per
language and overall:

- top-1: of the questions with a clause, the share whose first citation names it;
- stance: of the questions with an allowed / not_allowed / depends stance, the share answered so;
- out-of-scope: of the `not_covered` questions, the share answered `not_covered` with no citation.

`evaluate_questions` is pure: it takes anything with `.ask(question) -> Answer` (an `Answerer` or an
`Engine`) and the items, and returns frozen figures. Loading the YAML files is the only I/O here.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Protocol, Sequence

from policy.evaluation import Rate, labelled_items  # shared with the drafts evaluation
from policy.model import LANGS, Answer

EVAL_DIR = Path(__file__).parent / "eval"
QUESTIONS_PATH = EVAL_DIR / "questions.yaml"  # the tuning set
HOLDOUT_PATH = EVAL_DIR / "questions_holdout.yaml"  # written after tuning; never tuned on

STANCES = ("allowed", "not_allowed", "depends", "not_covered")
_KEYS = {"text", "lang", "clause", "stance"}


class Asker(Protocol):
    def ask(self, question: str) -> Answer: ...


@dataclass(frozen=True)
class LabelledQuestion:
    text: str
    lang: str  # "lv" or "en": the language the answer must be in (mixed -> the dominant one)
    clause: str | None
    stance: str | None


@dataclass(frozen=True)
class Miss:
    """One question answered wrongly, for the table under the figures."""

    item: LabelledQuestion
    clause: str | None  # the first citation's clause, None when there was none
    stance: str
    language: str



@dataclass(frozen=True)
class Row:
    """The figures of one language (or of all questions when `lang` is "all")."""

    lang: str
    questions: int
    top1: Rate
    stance: Rate
    out_of_scope: Rate
    language: Rate  # answered in the expected language


@dataclass(frozen=True)
class QAMetrics:
    rows: tuple[Row, ...]  # one per language present, then "all"
    misses: tuple[Miss, ...]

    @property
    def overall(self) -> Row:
        return self.rows[-1]

    def row(self, lang: str) -> Row:
        for r in self.rows:
            if r.lang == lang:
                return r
        raise KeyError(lang)


def parse_questions(data: Any, source: str = "<questions>") -> tuple[LabelledQuestion, ...]:
    """Validate the YAML data (a list of mappings, or `{questions: [...]}`) into items."""
    items = []
    for where, d in labelled_items(data, "question", _KEYS, source):
        if d["stance"] is not None and d["stance"] not in STANCES:
            raise ValueError(f"{where}: stance must be one of {STANCES} or null")
        if d["stance"] == "not_covered" and d["clause"] is not None:
            raise ValueError(f"{where}: a not_covered question has clause: null")
        if d["clause"] is None and d["stance"] is None:
            raise ValueError(f"{where}: give a clause, a stance or both")
        items.append(LabelledQuestion(d["text"], d["lang"], d["clause"], d["stance"]))
    return tuple(items)


def load_questions(path: Path | None = None) -> tuple[LabelledQuestion, ...]:
    """The labelled questions of a YAML file (the tuning set by default)."""
    import yaml

    path = path or QUESTIONS_PATH
    with open(path, encoding="utf-8") as f:
        return parse_questions(yaml.safe_load(f), str(path))


def _row(lang: str, results: Sequence[tuple[LabelledQuestion, Answer]]) -> Row:
    def rate(pairs: Iterable[tuple[LabelledQuestion, Answer]], ok: Any) -> Rate:
        flags = [bool(ok(q, a)) for q, a in pairs]
        return Rate(sum(flags), len(flags))

    def first(a: Answer) -> str | None:
        return a.citations[0].clause if a.citations else None

    return Row(
        lang=lang,
        questions=len(results),
        top1=rate(((q, a) for q, a in results if q.clause), lambda q, a: first(a) == q.clause),
        stance=rate(
            ((q, a) for q, a in results if q.stance and q.stance != "not_covered"),
            lambda q, a: a.stance == q.stance,
        ),
        out_of_scope=rate(
            ((q, a) for q, a in results if q.stance == "not_covered"),
            lambda q, a: a.stance == "not_covered" and not a.citations,
        ),
        language=rate(results, lambda q, a: a.language == q.lang),
    )


def _missed(q: LabelledQuestion, a: Answer) -> bool:
    first = a.citations[0].clause if a.citations else None
    if q.stance == "not_covered":
        return a.stance != "not_covered" or bool(a.citations)
    return (
        (q.clause is not None and first != q.clause)
        or (q.stance is not None and a.stance != q.stance)
        or a.language != q.lang
    )


def evaluate_questions(engine: Asker, items: Sequence[LabelledQuestion]) -> QAMetrics:
    """Ask every question and score the answers; per language present, then overall."""
    results = [(q, engine.ask(q.text)) for q in items]
    langs = [lang for lang in LANGS if any(q.lang == lang for q in items)]
    rows = [_row(lang, [(q, a) for q, a in results if q.lang == lang]) for lang in langs]
    rows.append(_row("all", results))
    misses = tuple(
        Miss(q, a.citations[0].clause if a.citations else None, a.stance, a.language)
        for q, a in results
        if _missed(q, a)
    )
    return QAMetrics(tuple(rows), misses)


def format(metrics: QAMetrics, *, misses: bool = True) -> str:  # noqa: A001 - the brief's name
    """A plain-text table of the figures, then (optionally) the questions answered wrongly."""
    head = f"{'lang':<5} {'n':>4}  {'top-1 clause':<16} {'stance':<16} {'out-of-scope':<16}"
    lines = ["Q&A", head]
    for r in metrics.rows:
        lines.append(
            f"{r.lang:<5} {r.questions:>4}  {str(r.top1):<16} {str(r.stance):<16} "
            f"{str(r.out_of_scope):<16}"
        )
    if misses and metrics.misses:
        lines.append("")
        lines.append(f"missed ({len(metrics.misses)}): expected clause/stance -> got")
        for m in metrics.misses:
            lines.append(
                f"  {m.item.clause or '-'}/{m.item.stance or '-'} -> {m.clause or '-'}/{m.stance}"
                f" [{m.language}]  {m.item.text[:90]!r}"
            )
    return "\n".join(lines)
