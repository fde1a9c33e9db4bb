"""The policy as typed, frozen data, and the results the engines return.

Everything here is plain data: the loader builds `Policy` and `Profile` from YAML, the review
engine returns a `Review`, the Q&A engine an `Answer`. Nothing in this module does I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Mapping

Lang = Literal["lv", "en"]
LANGS: tuple[Lang, ...] = ("lv", "en")

Verdict = Literal["ok", "revise", "do_not_post"]
Severity = Literal["medium", "high"]  # medium -> revise, high -> do_not_post
Stance = Literal["allowed", "not_allowed", "depends", "not_covered"]


@dataclass(frozen=True)
class Text:
    """A text in both languages."""

    lv: str
    en: str

    def get(self, lang: str) -> str:
        return self.lv if lang == "lv" else self.en


@dataclass(frozen=True)
class Terms:
    """Words or phrases per language (for keywords, cues, term lists)."""

    lv: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def get(self, lang: str) -> tuple[str, ...]:
        return self.lv if lang == "lv" else self.en

    def all(self) -> tuple[str, ...]:
        return self.lv + self.en


@dataclass(frozen=True)
class Rule:
    """A detection rule of a clause. `kind` names a detector of the review engine; `params`
    holds that detector's data (term lists, cues), validated by the detector's own schema."""

    id: str
    kind: str
    severity: Severity
    message: Text
    suggestion: Text
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Clause:
    id: str
    title: Text
    text: Text  # the clause itself; the Latvian text is faithful to the source
    summary: Text  # one line
    allowed: tuple[Text, ...]
    not_allowed: tuple[Text, ...]
    conditions: tuple[Text, ...]  # "it depends": under which conditions
    examples_do: tuple[Text, ...]
    examples_dont: tuple[Text, ...]
    keywords: Terms  # curated retrieval vocabulary
    questions: Terms  # example questions, for retrieval and evaluation
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Change:
    version: str
    date: date
    changes: tuple[str, ...]


@dataclass(frozen=True)
class Policy:
    version: str
    effective: date
    title: Text
    owner: str  # who to ask when the policy does not cover a question
    changelog: tuple[Change, ...]
    clauses: tuple[Clause, ...]

    def clause(self, clause_id: str) -> Clause:
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)

    @property
    def clause_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.clauses)


@dataclass(frozen=True)
class Profile:
    """What differs per company. Its own public contacts are not personal data."""

    name: str
    domains: tuple[str, ...] = ()  # web domains; e-mail at these domains is the company's own
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    clients: tuple[str, ...] = ()
    competitors: tuple[str, ...] = ()
    confidential_terms: tuple[str, ...] = ()  # code names, unannounced products
    contact: str = ""  # whom employees ask about the policy (shown in not_covered answers)


# ---- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    clause: str
    rule: str
    severity: Severity
    start: int  # character offsets into the draft, end exclusive
    end: int
    excerpt: str
    message: str  # in the draft's language: why this is a problem
    suggestion: str  # a concrete fix

    def to_dict(self) -> dict[str, Any]:
        return {
            "clause": self.clause,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Review:
    verdict: Verdict
    policy_version: str
    language: Lang
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "policy_version": self.policy_version,
            "language": self.language,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class Citation:
    clause: str
    version: str
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"clause": self.clause, "version": self.version, "quote": self.quote}


@dataclass(frozen=True)
class Answer:
    answer: str
    stance: Stance
    language: Lang
    policy_version: str
    citations: tuple[Citation, ...]
    review: Review | None = None
    ranked: tuple[tuple[str, float], ...] = ()  # (clause id, score), best first

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "stance": self.stance,
            "language": self.language,
            "policy_version": self.policy_version,
            "citations": [c.to_dict() for c in self.citations],
            "review": self.review.to_dict() if self.review else None,
        }
