"""The review engine's detectors: one module per family, one explicit registry.

A rule in guidelines.yaml names its detector by `kind`; the detector validates the rule's
`params` when the policy loads (`validate_rule_params`) and compiles them once per Reviewer
(`DETECTORS[kind].compile(rule, profile)`). A compiled detector is anything with
`find(doc) -> list[Hit]`; it is a pure function of the analysed draft.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Protocol

from policy.detectors import cues, personal, terms, tone
from policy.detectors.doc import Doc, Hit
from policy.model import Profile, Rule


class Detector(Protocol):
    def find(self, doc: Doc) -> list[Hit]: ...


@dataclass(frozen=True)
class Kind:
    """A family of detectors: how to check a rule's params, and how to compile the rule.

    `compile` returns None when the rule cannot match for this profile (an empty client list)."""

    validate: Callable[[Mapping[str, Any]], str | None]
    compile: Callable[[Rule, Profile], Detector | None]
    doc: str


DETECTORS: dict[str, Kind] = {
    "personal_data": Kind(personal.validate, personal.compile_rule, "e-mails, phones, IBANs, personal codes, cards"),
    "terms": Kind(terms.validate, terms.compile_rule, "any listed term is a finding"),
    "cues": Kind(cues.validate, cues.compile_rule, "terms of every group near each other, no veto nearby"),
    "tone": Kind(tone.validate, tone.compile_rule, "a target with enough negative weight near it"),
}


def validate_rule_params(kind: str, params: Mapping[str, Any]) -> str | None:
    """Why a rule of `kind` with `params` is invalid (one line, for the loader to place at the
    rule's line), or None when it is fine."""
    k = DETECTORS.get(kind)
    if k is None:
        return f"unknown rule kind {kind!r} (known: {', '.join(sorted(DETECTORS))})"
    if not isinstance(params, Mapping):
        return f"params of a {kind!r} rule must be a mapping"
    return k.validate(params)


__all__ = ["DETECTORS", "Detector", "Doc", "Hit", "Kind", "validate_rule_params"]
