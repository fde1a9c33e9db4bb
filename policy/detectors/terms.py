"""`terms`: every occurrence of a listed term is a finding (profanity, configured client names,
confidential code names). For ambiguous words use `cues`, which needs context as well."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from policy.detectors.doc import Doc, Hit
from policy.detectors.patterns import TermSet, group_error, group_terms
from policy.detectors.wordlists import WORDLISTS
from policy.model import Profile, Rule

PARAMS = frozenset({"lv", "en", "any", "profile", "lists", "except"})


def validate(params: Mapping[str, Any]) -> str | None:
    unknown = set(params) - PARAMS
    if unknown:
        return f"unknown parameter(s) {', '.join(sorted(map(str, unknown)))} (known: {', '.join(sorted(PARAMS))})"
    group = {k: v for k, v in params.items() if k != "except"}
    err = group_error(group, "terms", WORDLISTS)
    if err:
        return err
    if "except" in params:
        return group_error({"any": params["except"]}, "except", WORDLISTS)
    return None


@dataclass(frozen=True)
class Terms:
    terms: TermSet
    exceptions: TermSet  # words that look like a term but are not ("shiitake")

    def find(self, doc: Doc) -> list[Hit]:
        found = self.terms.find(doc)
        if not found:
            return []
        spared = {i for s, _ in self.exceptions.find(doc) for i in range(s.first, s.last + 1)}
        return [
            Hit(s.start, s.end, label)
            for s, label in found
            if not any(i in spared for i in range(s.first, s.last + 1))
        ]


def compile_rule(rule: Rule, profile: Profile) -> Terms | None:
    group = {k: v for k, v in rule.params.items() if k != "except"}
    terms = TermSet(group_terms(group, profile, WORDLISTS))
    if not terms:
        return None  # e.g. a profile list that is empty for this company
    return Terms(terms, TermSet((t, "any", t) for t in rule.params.get("except", ())))
