"""`tone`: a negative judgement of a target. A finding needs a TARGET term (a boss, pay, a
customer, a competitor, a group of people) and enough negative weight near it: strong cues
count 1, hints 0.5, and the sum must reach 1. "Near" is the target's sentence, or any sentence
within `window` words ("Management keeps promising raises. Tired of being lied to."),
or the whole draft with `scope: draft` (short posts about one competitor).

Word lists cannot foresee every complaint, so this detector trades exact wording for weight:
"keeps promising raises and never delivers" has no listed insult, but "keeps" is a hint and
"never delivers" a cue. Hints alone need 1.5 (three different ones; a repeated hint counts
once). Precision comes from three guards:

- a positive frame in the sentences of the judgement ("paldies", "proud of", "no complaints",
  a happy emoji) vetoes a mild judgement; only a heavy one (weight 2 or more: "Thanks for another unpaid Saturday, boss"), or
  one with scare quotes, an eye-roll or a slow clap in its sentences (sarcasm), survives it;
- a strong cue right after a plain negator does not count ("nav slikti", "not bad"); Latvian
  negative concord ("neviens nereaģē") is not negation and counts;
- `veto` terms anywhere in the scope void the finding (charity for health words, "don't miss"
  for attacks on a business).

    params:
      target: {lists: [work_people], profile: name}      # required
      strong: {lists: [tone_strong, negative]}            # default: tone_strong + negative +
                                                          #   insults + profanity
      hints: {lists: [tone_hints]}                        # default: tone_hints; `none` = off
      positive: {lists: [tone_positive]}                  # default: tone_positive; `none` = off
      veto: {lists: [health_veto]}                        # optional
      veto_scope: sentence                                # or draft: a veto anywhere voids
      scope: sentence                                     # or draft
      window: 12                                          # words, across sentence ends
      names: true                                         # capitalised names are targets too
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from policy.detectors import names as capitalised
from policy.detectors.doc import Doc, Hit, Span
from policy.detectors.patterns import TermSet, group_error, group_terms
from policy.detectors.wordlists import WORDLISTS
from policy.model import Profile, Rule

PARAMS = frozenset({"target", "strong", "hints", "positive", "veto", "veto_scope", "scope", "window", "names"})
STRONG, HINT = 1.0, 0.5
THRESHOLD = 1.0  # the weight a judgement needs
HINTS_ONLY = 1.5  # the weight hints need without a strong cue
OVERRIDE = 2.0  # the weight at which a positive frame is read as sarcasm
DEFAULTS: dict[str, Mapping[str, Any]] = {
    "strong": {"lists": ["tone_strong", "negative", "insults", "profanity_lv", "profanity_en"]},
    "hints": {"lists": ["tone_hints"]},
    "positive": {"lists": ["tone_positive"]},
}
# Plain negators only: "neviens", "nekad", "never", "nobody" are cues of their own, and in
# Latvian they agree with a negated verb rather than cancel it.
_NEGATORS = frozenset(
    """not nav nebija nebus ne isn't aren't wasn't weren't don't doesn't didn't won't
    without bez hardly""".split()
)
# "no" negates in English ("no problems") but means "from" in Latvian ("neviens no vadības").
_NEGATORS_EN = _NEGATORS | {"no"}


def validate(params: Mapping[str, Any]) -> str | None:
    unknown = set(params) - PARAMS
    if unknown:
        return f"unknown parameter(s) {', '.join(sorted(map(str, unknown)))} (known: {', '.join(sorted(PARAMS))})"
    if "target" not in params and params.get("names") is not True:
        return "target: required (a group of terms, profile fields or word lists) unless names: true"
    for key in ("target", "strong", "veto"):
        if key in params:
            err = group_error(params[key], key, WORDLISTS)
            if err:
                return err
    for key in ("hints", "positive"):  # these two may be switched off with `none`
        if params.get(key, "none") != "none":
            err = group_error(params[key], key, WORDLISTS)
            if err:
                return err
    for key in ("scope", "veto_scope"):
        if params.get(key, "sentence") not in ("sentence", "draft"):
            return f"{key}: expected 'sentence' or 'draft'"
    window = params.get("window", 12)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 40:
        return "window: expected a whole number of words from 1 to 40"
    if not isinstance(params.get("names", False), bool):
        return "names: expected true or false"
    return None


@lru_cache(maxsize=64)
def _shared(lists: tuple[str, ...]) -> TermSet:
    """One compiled term set per combination of word lists, shared by every rule that uses it,
    so that a draft is matched against it once (see `_find`)."""
    return TermSet((t, lang, t) for name in lists for t, lang in WORDLISTS[name])


def _termset(group: Mapping[str, Any], profile: Profile) -> TermSet:
    if set(group) == {"lists"}:
        return _shared(tuple(group["lists"]))
    return TermSet(group_terms(group, profile, WORDLISTS))


def _find(ts: TermSet, doc: Doc) -> list[Span]:
    key = ("tone", id(ts))
    found = doc.memo.get(key)
    if found is None:
        found = [s for s, _ in ts.find(doc)]
        doc.memo[key] = found
    return found  # type: ignore[return-value]


# Overlap is judged on characters, not tokens: an emoji is a mark that belongs to no token
# (`Doc.span` files it under the word before it), so "Klients 🙄" is a target and a cue.
def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _inside(a: Span, b: Span) -> bool:
    return b.start <= a.start and a.end <= b.end


def _negated(doc: Doc, s: Span) -> bool:
    """A word cue right after a plain negator in its sentence ("nav slikti"). Marks (emoji,
    quotes) are never negated: "No, sir. 🙄" is not a negated eye-roll."""
    toks, sent = doc.tokens, doc.sentence
    if toks[s.first].start != s.start:
        return False
    negators = _NEGATORS_EN if doc.lang == "en" else _NEGATORS
    for j in range(max(0, s.first - 2), s.first):
        if sent[j] == sent[s.first] and toks[j].norm in negators:
            return True
    return False


@dataclass(frozen=True)
class Tone:
    target: TermSet | None
    strong: TermSet
    hints: TermSet | None
    positive: TermSet | None
    veto: TermSet | None
    veto_anywhere: bool  # a veto term anywhere in the draft voids every finding ("we're hiring")
    draft_scope: bool
    window: int
    names: bool
    own_names: TermSet | None  # the company's own name: never a business to attack

    def find(self, doc: Doc) -> list[Hit]:
        if not doc.tokens:
            return []
        cues = self._cues(doc)
        if not cues:
            return []  # the common case: nothing negative at all
        targets = _find(self.target, doc) if self.target is not None else []
        if self.names:
            targets = targets + self._names(doc, cues)
        if not targets:
            return []
        vetoes = _find(self.veto, doc) if self.veto is not None else []
        positives = _find(self.positive, doc) if self.positive is not None else []
        # A positive word inside a cue is part of the cue ("love how", "nekādas cieņas"): it
        # vetoes nothing. A cue inside a positive phrase is part of the phrase ("no complaints",
        # "netīrs darbs, bet kādam tas jādara" starts with "dirty work"): it counts for nothing.
        cues = [(c, w) for c, w in cues if not any(_inside(c, p) and c != p for p in positives)]
        positives = [p for p in positives if not any(_inside(p, c) for c, _ in cues)]
        sent = doc.sentence
        hits: list[Hit] = []
        for t in targets:
            # A cue that is only the target itself says nothing about it; a longer cue that
            # contains it does ("bez piemaksas" about "piemaksa").
            near = [(c, w) for c, w in cues if not _inside(c, t) and self._near(doc, t, c)]
            score = sum(w for _, w in near)
            # Hints alone must be three ("kārtējo reizi ... dienu iepriekš ... neviens"): two
            # are too easily innocent ("always says ... never change").
            if score < THRESHOLD or (score < HINTS_ONLY and all(w < STRONG for _, w in near)):
                continue
            scope = {sent[t.first]} | {sent[c.first] for c, _ in near}
            in_scope = (lambda s: True) if self.draft_scope else (lambda s: sent[s.first] in scope)
            if any(self.veto_anywhere or in_scope(v) for v in vetoes):
                continue
            # Thanks next to scare quotes, an eye-roll or a slow clap is sarcasm ("Paldies,
            # vadība, par 'plānošanu' 👏"): it vetoes nothing.
            sarcastic = any(in_scope(m) for m in self._sarcasm(doc))
            if score < OVERRIDE and not sarcastic and any(in_scope(p) for p in positives):
                continue
            # The finding shows the target and the cues of its own sentence (or of the draft).
            spans = [t] + [c for c, _ in near if self.draft_scope or sent[c.first] == sent[t.first]]
            hits.append(Hit(min(s.start for s in spans), max(s.end for s in spans)))
        return hits

    @staticmethod
    def _sarcasm(doc: Doc) -> list[Span]:
        found = doc.memo.get("sarcasm")
        if found is None:
            found = doc.marks("quoted") + doc.marks("mock") + doc.marks("clap")
            doc.memo["sarcasm"] = found
        return found  # type: ignore[return-value]

    def _cues(self, doc: Doc) -> list[tuple[Span, float]]:
        """Negative cues of the draft with their weights, overlaps resolved to the heaviest
        (and then the longest) so that "neviens nereaģē" counts once, not twice."""
        found = [(s, STRONG) for s in _find(self.strong, doc) if not _negated(doc, s)]
        if self.hints is not None:
            # A hint counts once however often it is repeated: "lost again ... again" is one
            # "again", not two.
            seen: set[str] = set()
            for s in _find(self.hints, doc):
                key = doc.text[s.start : s.end].lower()
                if key not in seen:
                    seen.add(key)
                    found.append((s, HINT))
        found.sort(key=lambda c: (-c[1], -(c[0].last - c[0].first)))
        taken: list[tuple[Span, float]] = []
        for s, w in found:
            if not any(_overlaps(s, t) for t, _ in taken):
                taken.append((s, w))
        return taken

    def _near(self, doc: Doc, t: Span, c: Span) -> bool:
        """The same sentence, or within `window` words across sentence ends ("The owner
        promised a raise in January. It's June. Still nothing.")."""
        if self.draft_scope:
            return True
        sent = doc.sentence
        if sent[t.first] == sent[c.first]:
            return True
        return max(0, c.first - t.last, t.first - c.last) <= self.window

    def _names(self, doc: Doc, cues: list[tuple[Span, float]]) -> list[Span]:
        own = _find(self.own_names, doc) if self.own_names is not None else []
        # Word cues are not part of a name ("Avoid Golden Crust"); marks (emoji) are filed
        # under the word before them and must not hide it.
        taken = [c for c, _ in cues if doc.tokens[c.first].start == c.start] + own
        return capitalised.business_names(doc, taken)


def compile_rule(rule: Rule, profile: Profile) -> Tone | None:
    p = rule.params
    target = _termset(p["target"], profile) if "target" in p else None
    names = bool(p.get("names", False))
    if not target and not names:
        return None  # a target made only of an empty profile list can never match
    positive = p.get("positive", DEFAULTS["positive"])
    hints = p.get("hints", DEFAULTS["hints"])
    own = TermSet(group_terms({"profile": ["name", "clients"]}, profile, WORDLISTS)) if names else None
    return Tone(
        target=target or None,
        strong=_termset(p.get("strong", DEFAULTS["strong"]), profile),
        hints=None if hints == "none" else _termset(hints, profile),
        positive=None if positive == "none" else _termset(positive, profile),
        veto=_termset(p["veto"], profile) if p.get("veto") else None,
        veto_anywhere=p.get("veto_scope", "sentence") == "draft",
        draft_scope=p.get("scope", "sentence") == "draft",
        window=int(p.get("window", 12)),
        names=names,
        own_names=own or None,
    )
