"""The draft-review engine: `Reviewer(policy, profile).review(draft) -> Review`.

The rules of every clause are compiled once; a review analyses the draft once (`Doc`) and asks
each compiled rule for hits. Hits of one clause that overlap are merged into one finding (the
most severe rule speaks for it); messages and suggestions are the rule's own texts, in the
draft's language, with `{excerpt}`, `{name}`, `{masked}` and `{clause}` filled in.

The draft is only ever data: nothing in it can change how it is reviewed ("ignore previous
instructions" is just more words). Reviews are pure: no I/O, no clock, no logging of drafts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from policy.detectors import DETECTORS, Detector, Doc, Hit, validate_rule_params
from policy.model import Clause, Finding, Lang, Policy, Profile, Review, Rule, Verdict

__all__ = ["DETECTORS", "Reviewer", "validate_rule_params", "render", "PLACEHOLDERS"]

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


class Reviewer:
    """Reviews drafts against one policy and one organisation profile."""

    def __init__(self, policy: Policy, profile: Profile) -> None:
        self.policy = policy
        self.profile = profile
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

    def review(self, draft: str) -> Review:
        """The verdict on `draft`: `do_not_post` when any finding is high, `revise` when any is
        medium, else `ok`; findings in text order with spans into `draft` itself."""
        doc = Doc(draft)
        hits = [_Hit(c, h) for c in self._compiled for h in c.detector.find(doc) if h.end > h.start]
        masked = _mask_all(draft, (h.hit for h in hits if h.hit.masked is not None))
        findings = sorted(
            (self._finding(draft, doc.lang, group, masked) for group in _merge(hits)),
            key=lambda f: (f.start, f.end, f.clause),
        )
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
