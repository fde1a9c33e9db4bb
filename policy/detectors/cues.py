"""`cues`: scored co-occurrence. A finding needs a term of EVERY group in `all` within `window`
words of the first group's term (the anchor), and no term of `none` nearby (or anywhere, with
`none_scope: draft`). This is how ambiguous words become findings only in context: "klients"
alone is fine, "klients" near "idiots" is ridicule; "alga" alone is fine, near a sum it is a
salary, unless the post is a job advert ("meklējam", "we're hiring").

    params:
      all: [{lv: [...], en: [...], any: [...], profile: competitors, lists: [insults]}, ...]
      none: {lv: [...], en: [...]}
      window: 8              # words between the anchor and each other group's term
      none_scope: window     # or "draft"
      negation: ignore       # or "skip": a term of the LAST group (the judgement) right after
                             # "nav"/"not" does not count ("nav slikti", "not bad")
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from policy.detectors.doc import Doc, Hit, Span
from policy.detectors.patterns import TermSet, group_error, group_terms
from policy.detectors.wordlists import WORDLISTS
from policy.model import Profile, Rule
from policy.text import is_negated

PARAMS = frozenset({"all", "none", "window", "none_scope", "negation"})
MAX_GROUPS = 4


def validate(params: Mapping[str, Any]) -> str | None:
    unknown = set(params) - PARAMS
    if unknown:
        return f"unknown parameter(s) {', '.join(sorted(map(str, unknown)))} (known: {', '.join(sorted(PARAMS))})"
    groups = params.get("all")
    if not isinstance(groups, (list, tuple)) or not 1 <= len(groups) <= MAX_GROUPS:
        return f"all: expected a list of 1 to {MAX_GROUPS} groups"
    for i, g in enumerate(groups):
        err = group_error(g, f"all[{i}]", WORDLISTS)
        if err:
            return err
    if "none" in params:
        err = group_error(params["none"], "none", WORDLISTS)
        if err:
            return err
    window = params.get("window", 8)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 40:
        return "window: expected a whole number of words from 1 to 40"
    if params.get("none_scope", "window") not in ("window", "draft"):
        return "none_scope: expected 'window' or 'draft'"
    if params.get("negation", "ignore") not in ("ignore", "skip"):
        return "negation: expected 'ignore' or 'skip'"
    return None


def _distance(a: Span, b: Span) -> int:
    return max(0, b.first - a.last, a.first - b.last)


@dataclass(frozen=True)
class Cues:
    groups: tuple[TermSet, ...]
    none: TermSet | None
    window: int
    draft_veto: bool
    skip_negated: bool

    def find(self, doc: Doc) -> list[Hit]:
        per_group: list[list[tuple[Span, str]]] = []
        last = len(self.groups) - 1
        for gi, g in enumerate(self.groups):
            found = g.find(doc)
            if self.skip_negated and gi == last:
                found = [(s, lab) for s, lab in found if not is_negated(doc.tokens, s.first)]
            if not found:
                return []
            per_group.append(found)
        vetoes = self.none.find(doc) if self.none is not None else []
        if vetoes and self.draft_veto:
            return []
        hits: list[Hit] = []
        for anchor, label in per_group[0]:
            chosen = [anchor]
            for found in per_group[1:]:
                near = [s for s, _ in found if s != anchor and _distance(anchor, s) <= self.window]
                if not near:
                    break
                chosen.append(min(near, key=lambda s: _distance(anchor, s)))
            else:
                lo = min(s.first for s in chosen)
                hi = max(s.last for s in chosen)
                if any(v.last >= lo - self.window and v.first <= hi + self.window for v, _ in vetoes):
                    continue
                hits.append(Hit(min(s.start for s in chosen), max(s.end for s in chosen), label))
        return hits


def compile_rule(rule: Rule, profile: Profile) -> Cues | None:
    p = rule.params
    groups = tuple(TermSet(group_terms(g, profile, WORDLISTS)) for g in p["all"])
    if not all(groups):
        return None  # a group made only of an empty profile list can never match
    none = TermSet(group_terms(p["none"], profile, WORDLISTS)) if p.get("none") else None
    return Cues(
        groups=groups,
        none=none or None,
        window=int(p.get("window", 8)),
        draft_veto=p.get("none_scope", "window") == "draft",
        skip_negated=p.get("negation", "ignore") == "skip",
    )
