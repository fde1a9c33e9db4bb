"""How well the review engine judges labelled drafts: the figures behind `policybot eval`.

A labelled draft is `{text, lang, expect, clauses}`: `expect` is the verdict a careful reviewer
would give (ok | revise | do_not_post), `clauses` the clause ids a correct review may cite
(empty for a clean draft; citing any one of them counts as correct). The figures:

- overall, per language: *violating drafts flagged* (verdict not ok), *correct clause cited*
  (of the violating drafts, those citing one of their clauses), *clean drafts flagged* (the false
  alarms), *flag precision* and *verdict exact*;
- per clause: precision (drafts citing it that should), recall (drafts that should cite it and
  do) and false-alarm rate (clean drafts citing it).

Scoring (`score`) is a pure function of the items and the reviews; `evaluate_drafts` runs a
reviewer over the items; loading YAML is the only I/O here. Question metrics live in
`policy.qa_eval` (the Q&A engine's); `evaluate_questions` below forwards to it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Protocol, Sequence

from policy.model import LANGS, Review

EVAL_DIR = Path(__file__).parent / "eval"
DRAFTS_PATH = EVAL_DIR / "drafts.yaml"  # the tuning set
# Written before the last round of tuning and never tuned on. Each held-out set, once seen and
# tuned on, moves into drafts.yaml and a new one is written (sets 1-4 live there now; set 6,
# drafts_holdout6.yaml, is the second honest one).
DRAFTS_HOLDOUT_PATH = EVAL_DIR / "drafts_holdout5.yaml"

VERDICTS = ("ok", "revise", "do_not_post")
_KEYS = {"text", "lang", "expect", "clauses"}


class DraftReviewer(Protocol):
    def review(self, draft: str) -> Review: ...


@dataclass(frozen=True)
class LabelledDraft:
    text: str
    lang: str  # the draft's dominant language
    expect: str  # ok | revise | do_not_post
    clauses: tuple[str, ...]  # clause ids a correct review may cite; () when clean

    @property
    def violating(self) -> bool:
        return self.expect != "ok"


@dataclass(frozen=True)
class Result:
    item: LabelledDraft
    verdict: str
    cited: tuple[str, ...]  # clause ids of the findings, in order, without repeats
    language: str

    @property
    def flagged(self) -> bool:
        return self.verdict != "ok"

    @property
    def correct_clause(self) -> bool:
        return any(c in self.item.clauses for c in self.cited)


@dataclass(frozen=True)
class Rate:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        v = self.value
        return "     -         " if v is None else f"{v:6.1%} ({self.hits}/{self.total})"


@dataclass(frozen=True)
class LangRow:
    lang: str  # "lv", "en" or "all"
    drafts: int
    flagged: Rate  # violating drafts flagged (recall of "not ok")
    correct_clause: Rate  # violating drafts citing one of their clauses
    clean_flagged: Rate  # clean drafts flagged (false-alarm rate)
    precision: Rate  # flagged drafts that are violating
    verdict_exact: Rate  # all drafts whose verdict is exactly the expected one


@dataclass(frozen=True)
class ClauseRow:
    clause: str
    precision: Rate
    recall: Rate
    false_alarm: Rate  # clean drafts citing this clause


@dataclass(frozen=True)
class DraftMetrics:
    rows: tuple[LangRow, ...]  # one per language present, then "all"
    clauses: tuple[ClauseRow, ...]
    misses: tuple[Result, ...]  # wrong flag or wrong clause

    @property
    def overall(self) -> LangRow:
        return self.rows[-1]

    def row(self, lang: str) -> LangRow:
        for r in self.rows:
            if r.lang == lang:
                return r
        raise KeyError(lang)


# ---- loading -------------------------------------------------------------------------------------


def labelled_items(data: Any, noun: str, keys: set[str], source: str) -> Iterable[tuple[str, Mapping]]:
    """The items of a labelled set (a list of mappings, or `{<noun>s: [...]}`), each with where it
    stands, after the checks every set shares: exactly `keys`, a non-empty text, a known lang."""
    if isinstance(data, Mapping) and set(data) == {noun + "s"}:
        data = data[noun + "s"]
    if not isinstance(data, list):
        raise ValueError(f"{source}: expected a list of {noun}s")
    for i, d in enumerate(data):
        where = f"{source}: {noun} {i + 1}"
        if not isinstance(d, Mapping) or set(d) != keys:
            raise ValueError(f"{where}: expected exactly the keys {sorted(keys)}")
        if not isinstance(d["text"], str) or not d["text"].strip():
            raise ValueError(f"{where}: text must be a non-empty string")
        if d["lang"] not in LANGS:
            raise ValueError(f"{where}: lang must be one of {LANGS}")
        yield where, d


def parse_drafts(data: Any, source: str = "<drafts>") -> tuple[LabelledDraft, ...]:
    """Validate YAML data (a list of mappings, or `{drafts: [...]}`) into items."""
    items = []
    for where, d in labelled_items(data, "draft", _KEYS, source):
        if d["expect"] not in VERDICTS:
            raise ValueError(f"{where}: expect must be one of {VERDICTS}")
        clauses = d["clauses"]
        if not isinstance(clauses, list) or not all(isinstance(c, str) for c in clauses):
            raise ValueError(f"{where}: clauses must be a list of clause ids")
        if (d["expect"] == "ok") != (not clauses):
            raise ValueError(f"{where}: a clean draft has no clauses, a violating one at least one")
        items.append(LabelledDraft(d["text"], d["lang"], d["expect"], tuple(clauses)))
    return tuple(items)


def load_drafts(path: Path | None = None) -> tuple[LabelledDraft, ...]:
    """The labelled drafts of a YAML file (the tuning set by default)."""
    import yaml

    path = path or DRAFTS_PATH
    with open(path, encoding="utf-8") as f:
        return parse_drafts(yaml.safe_load(f), str(path))


# ---- scoring ---------------------------------------------------------------------------------------


def result(item: LabelledDraft, review: Review) -> Result:
    cited = tuple(dict.fromkeys(f.clause for f in review.findings))
    return Result(item, review.verdict, cited, review.language)


def _rate(results: Iterable[Result], ok: Any) -> Rate:
    flags = [bool(ok(r)) for r in results]
    return Rate(sum(flags), len(flags))


def _lang_row(lang: str, results: Sequence[Result]) -> LangRow:
    bad = [r for r in results if r.item.violating]
    clean = [r for r in results if not r.item.violating]
    return LangRow(
        lang=lang,
        drafts=len(results),
        flagged=_rate(bad, lambda r: r.flagged),
        correct_clause=_rate(bad, lambda r: r.correct_clause),
        clean_flagged=_rate(clean, lambda r: r.flagged),
        precision=_rate([r for r in results if r.flagged], lambda r: r.item.violating),
        verdict_exact=_rate(results, lambda r: r.verdict == r.item.expect),
    )


def score(results: Sequence[Result], clause_ids: Sequence[str] = ()) -> DraftMetrics:
    """The figures of reviewed drafts; `clause_ids` fixes the order of the clause table
    (clauses that are neither expected nor cited are left out)."""
    langs = [lang for lang in LANGS if any(r.item.lang == lang for r in results)]
    rows = [_lang_row(lang, [r for r in results if r.item.lang == lang]) for lang in langs]
    rows.append(_lang_row("all", results))
    seen = {c for r in results for c in (*r.item.clauses, *r.cited)}
    order = [c for c in clause_ids if c in seen] + sorted(seen - set(clause_ids))
    clean = [r for r in results if not r.item.violating]
    clause_rows = tuple(
        ClauseRow(
            clause=c,
            precision=_rate([r for r in results if c in r.cited], lambda r, c=c: c in r.item.clauses),
            recall=_rate([r for r in results if c in r.item.clauses], lambda r, c=c: c in r.cited),
            false_alarm=_rate(clean, lambda r, c=c: c in r.cited),
        )
        for c in order
    )
    misses = tuple(
        r for r in results
        if r.flagged != r.item.violating or (r.item.violating and not r.correct_clause)
    )
    return DraftMetrics(tuple(rows), clause_rows, misses)


def evaluate_drafts(reviewer: DraftReviewer, items: Sequence[LabelledDraft], clause_ids: Sequence[str] = ()) -> DraftMetrics:
    """Review every draft and score the reviews."""
    return score([result(item, reviewer.review(item.text)) for item in items], clause_ids)


def format_drafts(metrics: DraftMetrics, *, title: str = "Drafts", misses: bool = True) -> str:
    """The figures as plain-text tables (what `policybot eval` prints)."""
    lines = [title, ""]
    head = f"{'lang':<5} {'drafts':>6}  {'violating flagged':<17}  {'correct clause':<17}  {'clean flagged':<17}  {'flag precision':<17}  {'verdict exact':<17}"
    lines += [head, "-" * len(head)]
    for r in metrics.rows:
        lines.append(
            f"{r.lang:<5} {r.drafts:>6}  {r.flagged!s:<17}  {r.correct_clause!s:<17}  "
            f"{r.clean_flagged!s:<17}  {r.precision!s:<17}  {r.verdict_exact!s:<17}"
        )
    lines.append("")
    head = f"{'clause':<24} {'precision':<17}  {'recall':<17}  {'false alarm':<17}"
    lines += [head, "-" * len(head)]
    for c in metrics.clauses:
        lines.append(f"{c.clause:<24} {c.precision!s:<17}  {c.recall!s:<17}  {c.false_alarm!s:<17}")
    if misses and metrics.misses:
        lines += ["", f"misses ({len(metrics.misses)}):"]
        for m in metrics.misses:
            want = ",".join(m.item.clauses) or "-"
            got = ",".join(m.cited) or "-"
            lines.append(f"  expect {m.item.expect}/{want}, got {m.verdict}/{got}: {m.item.text[:90]}")
    return "\n".join(lines)


def evaluate_questions(*args: Any, **kwargs: Any) -> Any:
    """The Q&A engine's question metrics (`policy.qa_eval.evaluate_questions`)."""
    from policy.qa_eval import evaluate_questions as qa

    return qa(*args, **kwargs)
