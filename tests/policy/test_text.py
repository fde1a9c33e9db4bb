"""policy.text: folding, tokens with spans, light stems, language, negation."""
from __future__ import annotations

import pytest

from policy.text import detect_language, fold, is_negated, stem, tokens


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("Mūsu KLIENTS", "musu klients"),
        ("āčēģīķļņšūž", "acegiklnsuz"),
        ("ĀČĒĢĪĶĻŅŠŪŽ", "acegiklnsuz"),
        ("Café naïve", "cafe naive"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    "a, b",
    [
        ("klients", "klientiem"),
        ("klients", "klientam"),
        ("Balzams", "Balzamam"),
        ("nekompetenta", "nekompetentā"),
        ("algas", "alga"),
        ("konkurenti", "konkurentu"),
        ("peļņa", "peļņu"),
        ("nedrīkst", "nedrīkstēt"),
        ("publicēt", "publicēju"),
    ],
)
def test_latvian_inflections_share_a_stem(a: str, b: str) -> None:
    assert stem(fold(a), "lv") == stem(fold(b), "lv")


@pytest.mark.parametrize("word", ["nedrīkst", "nedrīkstēt", "nedrikst", "nevajag", "nepublicēt"])
def test_negation_prefix_is_kept(word: str) -> None:
    s = stem(fold(word), "lv")
    assert s.startswith("ne")
    assert s != stem(fold(word[2:]), "lv")


@pytest.mark.parametrize(
    "a, b",
    [("customers", "customer"), ("complained", "complain"), ("layoffs", "layoff"), ("companies", "company")],
)
def test_english_stems(a: str, b: str) -> None:
    assert stem(a, "en") == stem(b, "en")


@pytest.mark.parametrize("word", ["sūdzība", "pistācijas", "2024", "ir", "es"])
def test_stem_does_not_collapse_unrelated_or_short_words(word: str) -> None:
    assert stem(fold(word), "lv") not in {"sud", "pis", ""}


def test_tokens_keep_spans_into_the_original() -> None:
    s = "E-pasts: jānis@gmail.com, kliņģeris 4,50 € un 1.5M, don't!"
    toks = tokens(s)
    for t in toks:
        assert s[t.start : t.end] == t.text
        assert t.norm == fold(t.text)
    assert [t.text for t in toks] == [
        "E-pasts", "jānis", "gmail", "com", "kliņģeris", "4,50", "un", "1.5M", "don't",
    ]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Vai es drīkstu publicēt bildi no pasākuma?", "lv"),
        ("vai es dritu publicet", "lv"),
        ("musu klients nav apmierinats", "lv"),
        ("Can I post a photo from the team event?", "en"),
        ("We're hiring a pastry chef!", "en"),
        ("Mūsu komanda šodien svin, great job everyone, paldies visiem!", "lv"),
        ("Great news today: mūsu jaunā maize is finally in the shops and we are proud", "en"),
        ("", "lv"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_is_negated() -> None:
    toks = tokens("tas nav slikti, but not bad either")
    idx = {t.norm: i for i, t in enumerate(toks)}
    assert is_negated(toks, idx["slikti"])
    assert is_negated(toks, idx["bad"])
    assert not is_negated(toks, idx["tas"])
