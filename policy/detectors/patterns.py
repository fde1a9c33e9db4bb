"""Term patterns: the small language in which rule data names words and phrases.

A term is one or more words separated by spaces; each word is

- `word`   the word or any inflection of it: same folded form, or same light stem in the list's
           language ("klients" meets "klientiem", "Klientam", "klientiem");
- `word*`  any word starting so ("nekompetent*");
- `=word`  exactly this word, folded, no inflection (short or ambiguous words: "=bļin");
- `_`      any one word ("mūsu _ klients");
- `#mark`  (a whole term) a span found by pattern: #money, #percent, #bignum, #figure, #number.

Diacritics are optional on both sides: terms and text are folded before matching.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from policy.detectors.doc import MARK_NAMES, Doc, Span
from policy.text import fold, stem, tokens


@dataclass(frozen=True)
class Word:
    kind: str  # "stem" | "prefix" | "exact" | "any" | "name"
    value: str  # folded word, prefix or exact form
    lv: str = ""  # the value's Latvian stem ("" = do not compare Latvian stems)
    en: str = ""  # the value's English stem

    def matches(self, doc: Doc, i: int) -> bool:
        k = self.kind
        if k == "any":
            return True
        n = doc.norms[i]
        if k == "prefix":
            return n.startswith(self.value)
        if n == self.value:
            return True
        if k == "exact":
            return False
        if k == "name" and not doc.tokens[i].text[:1].isupper():
            # An inflected configured name must look like a name: "Latvijas Balzamam" is the
            # client; "lāču" (bears') is not the competitor "Lāči".
            return False
        return (self.lv != "" and doc.lv[i] == self.lv) or (self.en != "" and doc.en[i] == self.en)


def _word(raw: str, lang: str) -> Word:
    if raw == "_":
        return Word("any", "")
    if raw.startswith("="):
        return Word("exact", fold(raw[1:]))
    if raw.endswith("*"):
        return Word("prefix", fold(raw[:-1]))
    w = fold(raw)
    if lang == "name":
        # A configured name (client, competitor): inflected in Latvian ("Balzams" ->
        # "Balzamam", "Lāči" -> "Lāču") when the word is capitalised, possessive in English.
        return Word("name", w, stem(w, "lv") if len(w) >= 4 else "", stem(w, "en"))
    if lang == "code":
        # A code name is written as such: no Latvian inflection, so "Rudzi" (the project)
        # does not catch "rudzu maize" (rye bread).
        return Word("name", w, "", stem(w, "en"))
    if lang == "lv":
        return Word("stem", w, stem(w, "lv"), "")
    if lang == "en":
        return Word("stem", w, "", stem(w, "en"))
    return Word("stem", w, stem(w, "lv"), stem(w, "en"))


def term_error(term: Any) -> str | None:
    """Why `term` is not a valid term, or None."""
    if not isinstance(term, str) or not term.strip():
        return f"a term must be a non-empty string, not {term!r}"
    parts = term.split()
    if parts[0].startswith("#"):
        if len(parts) != 1 or parts[0][1:] not in MARK_NAMES:
            return f"unknown mark {term!r} (known: {', '.join('#' + m for m in sorted(MARK_NAMES))})"
        return None
    for p in parts:
        if p.startswith("=") and p.endswith("*"):
            return f"{p!r} in {term!r} is both exact (=) and a prefix (*): choose one"
        if p.endswith("*") and len(fold(p[:-1]).lstrip("=")) < 3:
            return f"prefix {p!r} in {term!r} is shorter than 3 letters (it would match too much)"
        if p == "*" or p == "=":
            return f"empty word in {term!r}"
    if all(p == "_" for p in parts):
        return f"term {term!r} has no word"
    return None


class TermSet:
    """Terms compiled for fast matching: candidates are found per token by the first word's
    folded form, stem or 3-letter prefix bucket, then the rest of the phrase is checked."""

    __slots__ = ("labels", "_phrases", "_by_norm", "_by_lv", "_by_en", "_by_prefix", "_open", "_marks")

    def __init__(self, terms: Iterable[tuple[str, str, str]]) -> None:
        """`terms`: (term, lang, label); lang is "lv", "en", "any", "name" (a configured name,
        inflected when capitalised) or "code" (a configured code name, exact)."""
        self.labels: list[str] = []
        self._phrases: list[tuple[Word, ...]] = []
        self._by_norm: dict[str, list[int]] = {}
        self._by_lv: dict[str, list[int]] = {}
        self._by_en: dict[str, list[int]] = {}
        self._by_prefix: dict[str, list[int]] = {}
        self._open: list[int] = []  # phrases starting with "_"
        self._marks: list[tuple[str, int]] = []
        for term, lang, label in terms:
            parts = term.split()
            if parts[0].startswith("#"):
                self._marks.append((parts[0][1:], len(self.labels)))
                self.labels.append(label)
                self._phrases.append(())
                continue
            words = tuple(_word(p, lang) for p in parts)
            idx = len(self._phrases)
            self._phrases.append(words)
            self.labels.append(label)
            first = words[0]
            if first.kind == "any":
                self._open.append(idx)
            elif first.kind == "prefix":
                self._by_prefix.setdefault(first.value[:3], []).append(idx)
            else:
                self._by_norm.setdefault(first.value, []).append(idx)
                if first.lv:
                    self._by_lv.setdefault(first.lv, []).append(idx)
                if first.en:
                    self._by_en.setdefault(first.en, []).append(idx)

    def __bool__(self) -> bool:
        return bool(self.labels)

    def find(self, doc: Doc) -> list[tuple[Span, str]]:
        """All matches in `doc` as (span, label), in text order; a phrase may overlap another."""
        out: list[tuple[Span, str]] = []
        toks = doc.tokens
        n = len(toks)
        phrases, labels = self._phrases, self.labels
        # The hot path of a review: most phrase lists share no word with a draft, so the draft's
        # words (by their four keys, `Doc.positions`) meet the lists' first words by set
        # intersection, and candidates are built only for the tokens that matched.
        cands: dict[int, set[int]] = {}
        for index, where in zip((self._by_norm, self._by_lv, self._by_en, self._by_prefix), doc.positions):
            for key in index.keys() & where.keys():
                for i in where[key]:
                    cands.setdefault(i, set()).update(index[key])
        if self._open:
            for i in range(n):
                cands.setdefault(i, set()).update(self._open)
        for i, ids in cands.items():
            for idx in ids:
                words = phrases[idx]
                last = i + len(words) - 1
                if last >= n:
                    continue
                if all(w.matches(doc, i + k) for k, w in enumerate(words)):
                    out.append((Span(i, last, toks[i].start, toks[last].end), labels[idx]))
        for mark, idx in self._marks:
            out.extend((s, labels[idx]) for s in doc.marks(mark))
        out.sort()
        return out


# ---- groups: the unit rule data is written in -----------------------------------------------

GROUP_KEYS = frozenset({"lv", "en", "any", "profile", "lists"})
PROFILE_FIELDS = ("clients", "competitors", "confidential_terms", "name")


def group_error(group: Any, where: str, wordlists: Mapping[str, Sequence[str]]) -> str | None:
    """Why `group` (a mapping of lv/en/any term lists, profile, lists) is invalid, or None."""
    if not isinstance(group, Mapping):
        return f"{where}: expected a mapping with lv/en/any/profile/lists, not {type(group).__name__}"
    unknown = set(group) - GROUP_KEYS
    if unknown:
        return f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))} (known: {', '.join(sorted(GROUP_KEYS))})"
    if not any(group.get(k) for k in GROUP_KEYS):
        return f"{where}: no terms"
    for key in ("lv", "en", "any"):
        terms = group.get(key, [])
        if not isinstance(terms, (list, tuple)):
            return f"{where}.{key}: expected a list of terms"
        for t in terms:
            err = term_error(t)
            if err:
                return f"{where}.{key}: {err}"
    profile = group.get("profile")
    if profile is not None:
        fields = [profile] if isinstance(profile, str) else profile
        for f in fields:
            if f not in PROFILE_FIELDS:
                return f"{where}.profile: unknown profile field {f!r} (known: {', '.join(PROFILE_FIELDS)})"
    for name in group.get("lists", []) or []:
        if name not in wordlists:
            return f"{where}.lists: unknown word list {name!r} (known: {', '.join(sorted(wordlists))})"
    return None


def group_terms(
    group: Mapping[str, Any], profile: Any, wordlists: Mapping[str, Sequence[tuple[str, str]]]
) -> list[tuple[str, str, str]]:
    """(term, lang, label) of a validated group, with profile entries and word lists expanded."""
    out: list[tuple[str, str, str]] = []
    for key in ("lv", "en", "any"):
        out.extend((t, key, t) for t in group.get(key, []) or [])
    for name in group.get("lists", []) or []:
        out.extend((t, lang, t) for t, lang in wordlists[name])
    profile_fields = group.get("profile") or []
    if isinstance(profile_fields, str):
        profile_fields = [profile_fields]
    for f in profile_fields:
        values = getattr(profile, f, ())
        for v in [values] if isinstance(values, str) else values:
            # A name is matched word by word; punctuation inside it ("SIA \"Rimi\"") is dropped.
            words = [fold(w) for w in _name_words(v)]
            # People write "Rīgas Maiznīca", not "Rīgas Maiznīca SIA": the legal form is optional.
            bare = [w for w in words if w not in _LEGAL_FORMS]
            for form in {" ".join(words), " ".join(bare)} - {""}:
                out.append((form, "code" if f == "confidential_terms" else "name", v))
    return out


_LEGAL_FORMS = frozenset({"sia", "as", "ik", "ltd", "llc", "inc", "oy", "ou", "uab", "ab", "gmbh"})


def _name_words(name: str) -> list[str]:
    return [t.text for t in tokens(name, "lv")]
