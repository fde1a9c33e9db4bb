"""The draft-review engine: `Reviewer(policy, profile).review(draft) -> Review`.

The rules of every clause are compiled once; a review analyses the draft once (`Doc`) and asks
each compiled rule for hits. Hits of one clause that overlap are merged into one finding (the
most severe rule speaks for it); messages and suggestions are the rule's own texts, in the
draft's language, with `{excerpt}`, `{name}`, `{masked}` and `{clause}` filled in.

When the rules find nothing, a small statistical model given to the reviewer (`policy.classifier`,
weights in policy/data/review_model.json, trained on the labelled drafts of policy/eval/) may add
one `medium` finding, "<clause>.model", for a post that resembles violations the rules have no
words for. When the rules do find something, the model may add its clause as a second opinion only
if it is very sure (`SECOND_OPINION`) and the rules cite other clauses: a post can break two
clauses, and out of fold on the outsiders' drafts this cites a right clause for 2 more violating
posts in 100 without flagging any clean one. When the model is sure a post is ordinary
(`CLEAN_VETO`), the rules that combine words (cues, tone) step back; pattern rules (personal data,
configured names, word lists) always stand. It never changes a rule's finding.
`Engine` and `policybot review` pass `default_model()`; `MODEL_ENABLED = False` makes that None.

The draft is only ever data: nothing in it can change how it is reviewed ("ignore previous
instructions" is just more words). Reviews are pure: no I/O, no clock, no logging of drafts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from policy.classifier import MODEL_PATH, Model, Prediction
from policy.detectors import DETECTORS, Detector, Doc, Hit, validate_rule_params
from policy.model import Clause, Finding, Lang, Policy, Profile, Review, Rule, Text, Verdict

__all__ = ["DETECTORS", "Reviewer", "validate_rule_params", "render", "PLACEHOLDERS", "MODEL_ENABLED", "default_model"]

# The model's probability at which it adds its clause next to the rules' findings of other clauses.
SECOND_OPINION = 0.8
# ...and below which the rules that combine words (`cues`, `tone`) step back. Out of fold on the
# outsiders' drafts this cleared 8 of the 54 clean posts those rules flagged and none of the 697
# violating ones (at 0.12: 12 clean, 1 violating).
CLEAN_VETO = 0.1
_COMBINATION_KINDS = frozenset({"cues", "tone"})

# The statistical fallback. Cross-validated on the tuning set and measured on held-out sets
# before it was switched on (see policy/classifier.py); False leaves the rules alone.
MODEL_ENABLED = True

PLACEHOLDERS = frozenset({"excerpt", "name", "masked", "clause"})
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_SEVERITY_RANK = {"medium": 1, "high": 2}
_EXCERPT_IN_MESSAGE = 80  # characters of the excerpt quoted inside a message


def render(template: str, values: dict[str, str]) -> str:
    """Fill `{placeholder}`s; anything else in braces is left as written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


@dataclass(frozen=True)
class _Compiled:
    order: int  # position of the rule in the policy: earlier rules speak first on a tie
    clause: Clause
    rule: Rule
    detector: Detector


@dataclass(frozen=True)
class _Hit:
    compiled: _Compiled
    hit: Hit


# The rule whose suggestion speaks for a clause when the model flags it (a generic one, not tied
# to a particular kind of hit); clauses without one use `_MODEL_SUGGESTION`.
_MODEL_RULE = {
    "personal-accounts": "speaking-for-the-company",
    "internal-first": "complaints-about-work",
    "information-protection": "internal-documents",
    "employee-responsibility": "customer-unflattering",
    "trust-oversight": "hidden-affiliation",
}
_MODEL_SUGGESTION = Text(
    lv="Pārlasiet šo punktu un izņemiet to, kas to varētu pārkāpt; ja šaubāties, jautājiet vadītājam vai komunikācijas nodaļai.",
    en="Re-read this clause and take out what may break it; if in doubt, ask your manager or the communications team.",
)
_MODEL_SUGGESTIONS = {
    "appropriate-content": Text(
        lv="Rakstiet pieklājīgi un pie faktiem: izņemiet vērtējumu par konkurentiem, uzņēmumu vai cilvēkiem.",
        en="Keep it polite and factual: take out the judgement about competitors, the company or people.",
    ),
    "other-rules-apply": Text(
        lv="Izņemiet kolēģu personīgo informāciju un to, ko aizliedz citi uzņēmuma noteikumi; ja šaubāties, jautājiet vadītājam.",
        en="Take out colleagues' private details and whatever other company rules forbid; if in doubt, ask your manager.",
    ),
    "goals": Text(
        lv="Uzņēmuma vārdā runā komunikācijas nodaļa: nododiet jautājumu tai.",
        en="The communications team speaks for the company: pass the matter to them.",
    ),
}
_MODEL_MESSAGE = Text(
    lv="Tas var pārkāpt «{clause}»: “{excerpt}” atgādina ierakstus, kas to pārkāpj (statistiska pārbaude, ne noteikums). {summary}",
    en="This may break «{clause}»: “{excerpt}” resembles posts that do (a statistical check, not a rule). {summary}",
)

_MODEL_MIN_WORDS = 5

_DEFAULT_MODEL: list[Model | None] = []


def default_model() -> Model | None:
    """The shipped model (loaded once per process), or None when it is absent or disabled."""
    if not MODEL_ENABLED:
        return None
    if not _DEFAULT_MODEL:
        try:
            _DEFAULT_MODEL.append(Model.load(MODEL_PATH))
        except FileNotFoundError:
            _DEFAULT_MODEL.append(None)
    return _DEFAULT_MODEL[0]


class Reviewer:
    """Reviews drafts against one policy and one organisation profile.

    `model` is the statistical fallback (`default_model()` for the shipped one); without it the
    reviewer is rules only, which is what the Q&A engine reads (questions are not posts)."""

    def __init__(self, policy: Policy, profile: Profile, model: Model | None = None) -> None:
        self.policy = policy
        self.profile = profile
        self.model = model
        compiled: list[_Compiled] = []
        for clause in policy.clauses:
            for rule in clause.rules:
                kind = DETECTORS.get(rule.kind)
                if kind is None:
                    raise ValueError(f"clause {clause.id}, rule {rule.id}: unknown kind {rule.kind!r}")
                error = kind.validate(rule.params)
                if error:
                    raise ValueError(f"clause {clause.id}, rule {rule.id}: {error}")
                detector = kind.compile(rule, profile)
                if detector is not None:
                    compiled.append(_Compiled(len(compiled), clause, rule, detector))
        self._compiled = tuple(compiled)

    def rules_only(self) -> "Reviewer":
        """The same compiled rules without the statistical fallback (for the Q&A engine: the
        model was trained on posts and its threshold chosen for them, not for questions)."""
        if self.model is None:
            return self
        clone = object.__new__(Reviewer)
        clone.__dict__.update(self.__dict__)
        clone.model = None
        return clone

    def review(self, draft: str) -> Review:
        """The verdict on `draft`: `do_not_post` when any finding is high, `revise` when any is
        medium, else `ok`; findings in text order with spans into `draft` itself."""
        doc = Doc(draft)
        hits = [_Hit(c, h) for c in self._compiled for h in c.detector.find(doc) if h.end > h.start]
        prediction = self._predict(doc)
        if prediction is not None and prediction.probability < CLEAN_VETO:
            # The model is sure the post is ordinary: the word-combination rules step back; the
            # patterns (personal data, configured names and code names, word lists) stand.
            hits = [h for h in hits if h.compiled.rule.kind not in _COMBINATION_KINDS]
        masked = _mask_all(draft, (h.hit for h in hits if h.hit.masked is not None))
        findings = sorted(
            (self._finding(draft, doc.lang, group, masked) for group in _merge(hits)),
            key=lambda f: (f.start, f.end, f.clause),
        )
        if prediction is not None:
            extra = self._model_finding(doc, prediction, {f.clause for f in findings})
            if extra is not None:
                findings.append(extra)
                findings.sort(key=lambda f: (f.start, f.end, f.clause))
        return Review(_verdict(findings), self.policy.version, doc.lang, tuple(findings))

    def _finding(self, draft: str, lang: Lang, group: list[_Hit], masked: str) -> Finding:
        start = min(h.hit.start for h in group)
        end = max(h.hit.end for h in group)
        # The most severe rule speaks for the merged finding; on a tie, the first in the policy.
        lead = min(group, key=lambda h: (-_SEVERITY_RANK[h.compiled.rule.severity], h.compiled.order))
        rule, clause = lead.compiled.rule, lead.compiled.clause
        excerpt = draft[start:end]
        quoted = " ".join(excerpt.split())
        if len(quoted) > _EXCERPT_IN_MESSAGE:
            quoted = quoted[: _EXCERPT_IN_MESSAGE - 1] + "…"
        values = {
            "excerpt": quoted,
            "name": lead.hit.name or quoted,
            "masked": masked,
            "clause": clause.title.get(lang),
        }
        return Finding(
            clause=clause.id,
            rule=rule.id,
            severity=rule.severity,
            start=start,
            end=end,
            excerpt=excerpt,
            message=render(rule.message.get(lang), values),
            suggestion=render(rule.suggestion.get(lang), values),
        )


    def _predict(self, doc: Doc) -> Prediction | None:
        """The model's reading of the draft, or None without a model or for a handful of words,
        which carry too few features for it to be trusted ("kur ir printeris" is a question)."""
        if self.model is None or len(doc.tokens) < _MODEL_MIN_WORDS:
            return None
        return self.model.predict(doc.text, doc.lang, doc.tokens)

    def _model_finding(self, doc: Doc, p: Prediction, cited: set[str]) -> Finding | None:
        """One `medium` finding for the model's clause: when the rules cite nothing and the model
        is confident enough (its threshold), or when the rules cite other clauses and the model
        is very confident (`SECOND_OPINION`) that the post also breaks this one."""
        assert self.model is not None
        draft, lang = doc.text, doc.lang
        needed = SECOND_OPINION if cited else self.model.threshold[lang]
        if p.probability < needed or p.clause not in self.policy.clause_ids or p.clause in cited:
            return None
        clause = self.policy.clause(p.clause)
        excerpt = draft[p.start : p.end]
        quoted = " ".join(excerpt.split())
        if len(quoted) > _EXCERPT_IN_MESSAGE:
            quoted = quoted[: _EXCERPT_IN_MESSAGE - 1] + "…"
        values = {"excerpt": quoted, "name": quoted, "masked": draft, "clause": clause.title.get(lang)}
        rule = next((r for r in clause.rules if r.id == _MODEL_RULE.get(clause.id)), None)
        suggestion = rule.suggestion if rule else _MODEL_SUGGESTIONS.get(clause.id, _MODEL_SUGGESTION)
        message = render(_MODEL_MESSAGE.get(lang), {**values, "summary": clause.summary.get(lang)})
        return Finding(
            clause=clause.id,
            rule=f"{clause.id}.model",
            severity="medium",
            start=p.start,
            end=p.end,
            excerpt=excerpt,
            message=message,
            suggestion=render(suggestion.get(lang), values),
        )


def _merge(hits: list[_Hit]) -> list[list[_Hit]]:
    """Group the hits of each clause whose spans overlap (or touch the same characters)."""
    by_clause: dict[str, list[_Hit]] = {}
    for h in hits:
        by_clause.setdefault(h.compiled.clause.id, []).append(h)
    groups: list[list[_Hit]] = []
    for clause_hits in by_clause.values():
        clause_hits.sort(key=lambda h: (h.hit.start, h.hit.end))
        current: list[_Hit] = []
        current_end = -1
        for h in clause_hits:
            if current and h.hit.start < current_end:
                current.append(h)
                current_end = max(current_end, h.hit.end)
            else:
                if current:
                    groups.append(current)
                current, current_end = [h], h.hit.end
        if current:
            groups.append(current)
    return groups


def _mask_all(draft: str, hits: Iterable[Hit]) -> str:
    """The draft with every piece of personal data replaced by its masked form."""
    out = draft
    for h in sorted(hits, key=lambda h: h.start, reverse=True):
        out = out[: h.start] + (h.masked or "") + out[h.end :]
    return out


def _verdict(findings: list[Finding]) -> Verdict:
    if any(f.severity == "high" for f in findings):
        return "do_not_post"
    return "revise" if findings else "ok"
