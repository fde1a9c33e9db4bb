"""Text normalisation shared by the review and the Q&A engines: folding, tokens, stems, language.

Everything here is a pure function of its input, imports only the standard library and is cheap
enough to run on every draft (the review path must start and finish fast).

Folding removes Latvian diacritics because people often type Latvian without them ("nedrikst",
"musu klients"): both spellings must meet the same rule. Stemming is deliberately light (a few
ending lists in the spirit of Lucene's LatvianStemmer) and never touches a prefix: "nedrīkst"
(must not) must never become "drīkst" (may).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Sequence

Lang = Literal["lv", "en"]

# Latvian letters folded explicitly (NFKD would do the same for these, but the table documents
# the intent and is faster on the common path).
_FOLD_TABLE = str.maketrans(
    {
        "ā": "a", "č": "c", "ē": "e", "ģ": "g", "ī": "i", "ķ": "k", "ļ": "l", "ņ": "n",
        "š": "s", "ū": "u", "ž": "z", "ō": "o", "ŗ": "r",
        "’": "'", "ʼ": "'",
    }
)


def fold(s: str) -> str:
    """Lower-case and strip diacritics: "Mūsu KLIENTS" -> "musu klients".

    Only combining marks are removed; the result may differ in length from `s` when NFKD expands
    a character (ligatures), so spans are always taken from tokens, never from folded text.
    """
    s = s.lower().translate(_FOLD_TABLE)
    if s.isascii():
        return s
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Token:
    """A word of the original text: `text == original[start:end]`, `norm = fold(text)`."""

    text: str
    start: int
    end: int
    norm: str
    stem: str


# A word is a run of letters/digits; hyphens and apostrophes join parts ("e-pasts", "don't"),
# and a dot or comma joins digits ("4,50", "1.5"). Underscore is not a letter.
_WORD = re.compile(r"[^\W_]+(?:(?:[-'’]|(?<=\d)[.,](?=\d))[^\W_]+)*")


def tokens(s: str, lang: Lang | None = None) -> list[Token]:
    """The words of `s` with their spans; stems use `lang` (detected when not given)."""
    if lang is None:
        lang = detect_language(s)
    out: list[Token] = []
    for m in _WORD.finditer(s):
        text = m.group()
        norm = fold(text)
        out.append(Token(text, m.start(), m.end(), norm, stem(norm, lang)))
    return out


# ---- stemming --------------------------------------------------------------------------------

# Latvian endings after folding (ā->a etc. merge many of Lucene's pairs), longest first.
# Nouns and adjectives (incl. definite "-ais/-ajam/..."), infinitives and reflexive verbs.
_LV_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        {
            "ajiem", "ajai", "ajam", "ajos", "ajas", "aja", "ajo", "ais",
            "iem", "ties", "ies", "ami", "ama", "amas", "amais",
            "eju", "ejam", "ejat", "eja", "oju", "ojam", "oja",
            "ai", "ei", "am", "em", "im", "um", "us", "as", "es", "os", "ij", "is", "ie",
            "u", "a", "i", "e", "o", "s",
        },
        key=len,
        reverse=True,
    )
)
_VOWELS = frozenset("aeiouy")


def _lv_stem(w: str) -> str:
    # Infinitive "-t" after a vowel ("publicet", "zinat"): strip the "t" first, then the vowel
    # falls to the ending list. A "t" after a consonant ("drikst", "nedrikst") is part of the stem.
    if len(w) > 4 and w.endswith("t") and w[-2] in _VOWELS:
        w = w[:-1]
    for ending in _LV_ENDINGS:
        if w.endswith(ending):
            rest = w[: -len(ending)]
            # Keep at least three letters and one vowel: "alga"->"alg", but "ir", "es" stay;
            # when a long ending leaves too little, a shorter one may still fit ("teja"->"tej").
            if len(rest) >= 3 and any(c in _VOWELS for c in rest):
                return rest
    return w


def _en_stem(w: str) -> str:
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] else w
    if len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] else w
    if len(w) > 4 and w.endswith("es") and w[-3] in "sxz":
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def stem(folded_word: str, lang: str) -> str:
    """A light stem of an already folded word: "klientiem" -> "klient", "customers" -> "customer".

    Never strips a prefix, so negation survives: stem("nedrikst", "lv") == "nedrikst".
    Digits and very short words are returned unchanged.
    """
    w = folded_word
    if len(w) <= 3 or not w.isalpha() and not ("-" in w or "'" in w):
        return w
    return _lv_stem(w) if lang == "lv" else _en_stem(w)


# ---- language --------------------------------------------------------------------------------

_LV_DIACRITICS = frozenset("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")
# Frequent Latvian function words, folded. Words that are also English ("no", "par", "a") are
# left out so that they cannot tip the balance.
_LV_STOP = frozenset(
    """un ir es vai ka kas tas ta to tie tu mes jus vins vina vini musu jusu mans mana savu sava
    uz ar pie pec par bet ari jau vel nav ne lai ja ka kad kur kapec ko kam tam tad tik ari
    loti sodien rit vakar seit tur visi visiem viss sis si so sie sim sai paldies labdien sveiki
    drikst nedrikst var varu varam vajag jabut bija bus esmu esam esat ari tikai jo vairs
    kads kada kadu cik kapec kurs kura sava savas musu klients klienti darba darbs uznemums""".split()
)
_EN_STOP = frozenset(
    """a the and is are was were be been to of in on at for with this that these those it its
    i we you he she they our your my their me us him her them what which who how why when
    can could should would will may might must not don't do does did have has had an or but
    if about from by as just so very all any some there here today tomorrow thanks thank
    please hello hi new can't won't isn't it's we're i'm""".split()
)


def language_scores(s: str) -> tuple[float, float]:
    """(lv, en) evidence: Latvian diacritics and stop words vs English stop words and the
    letters w/q/x/y, which Latvian does not use."""
    lv = 0.0
    en = 0.0
    for ch in s:
        if ch in _LV_DIACRITICS:
            lv += 1.0
    for m in _WORD.finditer(s):
        w = fold(m.group())
        if w in _LV_STOP:
            lv += 1.5
        if w in _EN_STOP:
            en += 1.5
        if w.isalpha():
            if any(c in "wqxy" for c in w):
                en += 0.75
            if w.endswith(("th", "ght", "ing", "ly", "tion")):
                en += 0.5
            elif w.endswith(("iem", "ies", "am", "as", "us", "ais", "ija", "ams", "sim", "ties")):
                lv += 0.5
    return lv, en


def detect_language(s: str) -> Lang:
    """"lv" or "en", whichever dominates; Latvian on a tie (the guidelines' own language).

    Robust to Latvian without diacritics ("vai es dritu publicet") through stop words and
    endings, and to mixed text by counting evidence rather than voting once."""
    lv, en = language_scores(s)
    return "en" if en > lv else "lv"


# ---- negation --------------------------------------------------------------------------------

_NEGATORS = frozenset(
    """nav neesmu neesam nebija nebus ne nekad nekas neviens not no never nothing nobody
    don't doesn't didn't isn't aren't wasn't weren't won't can't cannot shouldn't""".split()
)


def is_negated(toks: Sequence[Token], i: int, window: int = 2) -> bool:
    """True when token `i` is negated by one of the `window` words before it ("nav slikts",
    "not bad"). Latvian verbs carry negation as a "ne-" prefix, which stays in the token itself
    and so needs no look-back ("nedrīkst")."""
    for j in range(max(0, i - window), i):
        if toks[j].norm in _NEGATORS:
            return True
    return False
