"""A draft analysed once for all detectors: tokens, both stems of each token, and marks.

Marks are spans found by a regular expression on the original text (money amounts, percentages,
big numbers) that term lists refer to as `#money`, `#percent`, `#bignum`, `#figure`, `#number`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from policy.text import Lang, detect_language, stem, tokens


@dataclass(frozen=True)
class Hit:
    """What a detector found: a span of the original draft, and what to say about it.

    `name` fills `{name}` in the rule's texts (a client's name, "e-mail address"); `masked` is
    the span's text with personal data masked (personal-data detectors only)."""

    start: int
    end: int
    name: str = ""
    masked: str | None = None


class Span(NamedTuple):
    """A match in token positions (first, last inclusive) and characters (start, end exclusive)."""

    first: int
    last: int
    start: int
    end: int


_NUM = r"\d+(?:[ \u00a0.,]\d{3})*(?:[.,]\d+)?"
_CUR = (
    r"(?:€|\$|£|\b(?:eur|euro|eiro|usd|gbp|dolār\w*|dolar\w*|dollars?|eirā|eiro)\b)"
)
# Multipliers; single letters only in capitals or "k" right after digits ("2M", "500k"), so that
# "5 m" (metres) is not a million.
_MULT = (
    r"(?:(?-i:M|K)\b|k\b|mln\b\.?|milj\w*\.?|miljon\w*|million\w*|mil\b|bn\b|billion\w*|"
    r"miljard\w*|tūkst\w*\.?|tukst\w*\.?|thousand\w*)"
)
_MARKS: dict[str, re.Pattern[str]] = {
    "money": re.compile(
        rf"(?:{_CUR}\s?{_NUM}(?:\s?{_MULT})?|{_NUM}\s?(?:{_MULT}\s?)?{_CUR})", re.IGNORECASE
    ),
    "bignum": re.compile(rf"(?<![\w.,]){_NUM}\s?{_MULT}", re.IGNORECASE),
    "percent": re.compile(rf"{_NUM}\s?(?:%|procent\w*|percent\w*|pct\b)", re.IGNORECASE),
    "number": re.compile(_NUM),
}
MARK_NAMES = frozenset(_MARKS) | {"figure"}  # figure = money | bignum | percent


class Doc:
    """The draft and everything detectors share about it, computed at most once."""

    __slots__ = ("text", "lang", "tokens", "norms", "lv", "en", "prefix3", "_starts", "_marks")

    def __init__(self, text: str, lang: Lang | None = None) -> None:
        self.text = text
        self.lang: Lang = lang or detect_language(text)
        self.tokens = tokens(text, self.lang)
        self.norms = [t.norm for t in self.tokens]
        # Both stems of every token: a Latvian term must meet a Latvian word in an English
        # draft and vice versa (mixed posts are common).
        self.lv = [stem(n, "lv") for n in self.norms]
        self.en = [stem(n, "en") for n in self.norms]
        self.prefix3 = [n[:3] for n in self.norms]  # the bucket of prefix terms ("nekompetent*")
        self._starts = [t.start for t in self.tokens]
        self._marks: dict[str, list[Span]] = {}

    def token_at(self, char: int) -> int:
        """Index of the token that contains or precedes character `char` (0 when none)."""
        return max(0, bisect_right(self._starts, char) - 1)

    def span(self, start: int, end: int) -> Span:
        return Span(self.token_at(start), self.token_at(max(start, end - 1)), start, end)

    def marks(self, name: str) -> list[Span]:
        found = self._marks.get(name)
        if found is None:
            if name == "figure":
                found = sorted({*self.marks("money"), *self.marks("bignum"), *self.marks("percent")})
            else:
                found = [self.span(m.start(), m.end()) for m in _MARKS[name].finditer(self.text)]
            self._marks[name] = found
        return found
