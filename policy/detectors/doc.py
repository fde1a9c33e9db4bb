"""A draft analysed once for all detectors: tokens, both stems of each token, and marks.

Marks are spans found by a regular expression on the original text (money amounts, percentages,
big numbers, a few emoji) that term lists refer to as `#money`, `#percent`, `#bignum`, `#figure`,
`#number`, `#censored` (f***, sh*t), `#mock` (eye-roll, clown, face-palm), `#laugh` (tears of laughter), `#anger`, `#hush` (🤫), `#clap`, `#eyes`, `#smile`, `#concord` (Latvian "neviens nepasūta") and
`#quoted` (one to three words in quotes: the sarcastic 'normal', 'restructuring').

Sentences are numbered per token (`sentence[i]`) so that tone rules can keep a judgement with
the thing it judges; `memo` lets detectors that share a term set match it once per draft.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from policy.text import Lang, Token, detect_language, stem, tokens


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
    # Emoji are not words (the tokenizer skips them), so they are marks. Mockery and anger aimed
    # at a customer or a boss is the point; 😂 is as often shared joy, so it is a separate mark
    # that rules weigh as a hint only.
    "mock": re.compile("[\U0001F644\U0001F921\U0001F926\U0001F937\U0001F480\U0001F643\U0001F612\U0001F974\U0001F60F]"),
    "laugh": re.compile("[\U0001F602\U0001F923]"),
    "anger": re.compile("[\U0001F620\U0001F621\U0001F92C\U0001F624\U0001F922\U0001F92E]"),
    "hush": re.compile("\U0001F92B"),
    "clap": re.compile("\U0001F44F"),  # applause, or slow-clap sarcasm: a hint only
    "eyes": re.compile("\U0001F440"),  # gossip or a teaser: a hint only
    # Latvian negative concord: "neviens nepasūta", "nekad neatbild" (nobody orders, never
    # answers). Not a negation of a judgement but the shape of a complaint about inaction.
    "concord": re.compile(
        r"\b(?:nevien\w*|nekas|neko|nekā|nekad|nekur|nekād\w*)\s+(?:[^\W\d_]+\s+){0,2}?ne[^\W\d_]{3,}",
        re.IGNORECASE,
    ),
    # Plain happiness (not 🙂 or 🙃, which are as often passive-aggressive): a positive frame.
    "smile": re.compile("[\U0001F60A\U0001F604\U0001F601\U0001F603\U0001F60D\U0001F970\U0001F973\U0001F917\U0001F389\U0001F44D\u2764\U0001F495\U0001F496\U0001F49B\U0001F49A\U0001F499\U0001F9E1\U0001F49C\u263A]"),
    # Profanity with asterisks for letters: "f***", "f**k", "sh*t", "b*tch", "p*zdec", "bl*t".
    "censored": re.compile(
        r"(?<!\w)(?:f\*+(?:k|ck|ing|in|ed)?\w*|f\*\*\w*|sh\*+t\w*|s\*+t\b|b\*+tch\w*|a\*+hole\w*|"
        r"d\*+mn\w*|c\*+nt\w*|p\*+zd\w*|bl\*+t\w*|d\*+rs\w*|m\*+dak\w*|s\*+ds\w*)",
        re.IGNORECASE,
    ),
    # A short phrase in quotes is often sarcasm ("'fresh' juice", "'normal' here"); a hint only.
    "quoted": re.compile(r"(?<!\w)['‘\"“„«]\w[\w\s,.!?-]{0,40}['’\"”“»](?!\w)"),
}
MARK_NAMES = frozenset(_MARKS) | {"figure"}  # figure = money | bignum | percent
# Sentence ends: . ! ? … and line breaks; a dot inside a number ("4.50") is not a token gap.
_HARD_END = re.compile(r"[!?…\n]")


class Doc:
    """The draft and everything detectors share about it, computed at most once."""

    __slots__ = (
        "text", "lang", "tokens", "norms", "lv", "en", "prefix3", "memo", "_starts", "_marks", "_sentence", "_positions"
    )

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
        self._sentence: list[int] | None = None
        self._positions: tuple[dict[str, list[int]], ...] | None = None
        self.memo: dict[object, object] = {}  # per-draft results keyed by the object that made them

    @property
    def positions(self) -> tuple[dict[str, list[int]], ...]:
        """Where each key of a token occurs: (norm, lv stem, en stem, 3-letter prefix) -> token
        indices, in the order of those four lists (phrase lookup meets them in one step)."""
        if self._positions is None:
            out = []
            for keys in (self.norms, self.lv, self.en, self.prefix3):
                where: dict[str, list[int]] = {}
                for i, key in enumerate(keys):
                    where.setdefault(key, []).append(i)
                out.append(where)
            self._positions = tuple(out)
        return self._positions

    @property
    def sentence(self) -> list[int]:
        """The sentence number of every token (0-based, in text order). A dot after a number or
        a one- or two-letter word is not an end: "1. martā", "p.k.", "Nr. 5" stay one sentence."""
        if self._sentence is None:
            out: list[int] = []
            n = 0
            prev: Token | None = None
            for t in self.tokens:
                if prev is not None:
                    gap = self.text[prev.end : t.start]
                    if _HARD_END.search(gap) or (
                        "." in gap and not prev.text.isdigit() and len(prev.text) > 2
                    ):
                        n += 1
                out.append(n)
                prev = t
            self._sentence = out
        return self._sentence

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
