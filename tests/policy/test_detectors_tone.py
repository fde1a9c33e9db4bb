"""policy.detectors.tone, names, the tone vocabularies and the cued personal data: table tests
of the mechanics (weights, vetoes, negation, sarcasm, scope) on small rules, and of the real
rules on the lead's spot checks and their clean counter-examples."""
from __future__ import annotations

import pytest

from policy.detectors import validate_rule_params
from policy.detectors.doc import Doc
from policy.detectors.names import business_names
from policy.detectors.patterns import term_error
from policy.detectors.personal import compile_rule as compile_personal
from policy.detectors.tone import compile_rule as compile_tone
from policy.detectors.wordlists import WORDLISTS
from policy.loader import load_policy, load_profile
from policy.model import Profile, Rule, Text
from policy.review import Reviewer

T = Text("x", "x")
PROFILE = Profile(name="Rīgas Maiznīca SIA", competitors=("Lāči", "Hanzas Maiznīca"), phones=("+371 67 000 000",))


def tone(text: str, **params) -> list[str]:
    params.setdefault("target", {"lists": ["work_people"]})
    detector = compile_tone(Rule("t", "tone", "high", T, T, params), PROFILE)
    assert detector is not None
    return [text[h.start : h.end] for h in detector.find(Doc(text))]


# ---- the vocabularies --------------------------------------------------------------------------


def test_every_listed_term_is_valid() -> None:
    bad = [(name, t) for name, terms in WORDLISTS.items() for t, _ in terms if term_error(t)]
    assert bad == []


def test_no_list_holds_a_bare_function_word() -> None:
    # A phrase split at a comma by mistake ("runā, ka") would leave "ka" (that) as a term.
    short = {t for terms in WORDLISTS.values() for t, _ in terms if len(t.strip("=*")) <= 2}
    assert short <= {"=hr", "=ew", "=he"}


# ---- weights, vetoes, negation, sarcasm ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Management keeps promising raises and never delivers.", True),  # hints + a strong cue
        ("Vadība ir nekompetenta.", True),  # one strong cue
        ("Our manager always says the first loaf is ours. Some things never change.", False),  # 2 hints
        ("Vadība kārtējo reizi maina grafiku dienu iepriekš, neviens mums neko neprasa.", True),  # 3+ hints
        ("Paldies vadībai, nekas nav slikti!", False),  # positive frame and a negated cue
        ("Management is not bad at all.", False),  # plain negation voids the cue
        ("Neviens no vadības nereaģē.", True),  # Latvian negative concord is not negation
        ("Thanks, management, for the 'planning' 🙄", False),  # sarcasm, but too little weight
        ("Paldies, vadība, par 'plānošanu' — atkal nekompetenti 👏", True),  # sarcasm voids thanks
        ("Never been prouder of our boss, no complaints at all!", False),
    ],
)
def test_weights_vetoes_and_negation(text: str, flagged: bool) -> None:
    assert bool(tone(text)) is flagged


def test_a_repeated_hint_counts_once() -> None:
    assert tone("The boss is late again. Again! Again.") == []


def test_neighbouring_sentences_count_within_the_window_only() -> None:
    assert tone("The owner promised a raise in January. It's June. Still nothing.")
    far = "The owner is in Riga. " + "We bake bread every single day for the city. " * 3 + "Still nothing."
    assert tone(far) == []


def test_draft_scope_and_veto_terms() -> None:
    params = {"target": {"lists": ["competitors"], "profile": "competitors"}, "scope": "draft"}
    assert tone("Lāči. Tur viss ir vienkārši briesmīgs un pretīgs.", **params)
    params["veto"] = {"lv": ["=apsveicam"]}
    assert tone("Lāči. Tur viss ir vienkārši briesmīgs un pretīgs. Apsveicam!", **params) == []


def test_an_emoji_right_after_its_target_counts() -> None:
    params = {"target": {"lists": ["customers"]}, "strong": {"any": ["#mock"]}}
    assert tone("Klients 🙄", **params) == ["Klients 🙄"]
    assert tone("A customer asked about gluten 😂", **params) == []  # laughter is no mockery


def test_a_cue_inside_a_positive_phrase_counts_for_nothing() -> None:
    params = {"target": {"lists": ["facilities"]}}
    assert tone("Krāsns tīrīšana — netīrs darbs, bet kādam tas jādara", **params) == []
    assert tone("Krāsns ir netīra un salūzusi jau mēnesi", **params)


# ---- capitalised business names -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, skip, names",
    [
        # "Avoid" is a cue the caller already knows: the name starts after it
        ("Avoid Golden Crust, their bread is stale", (0, 5), ["Golden Crust"]),
        ("Pilsētas Ceptuve pārdod vakardienas kūkas", None, ["Pilsētas Ceptuve"]),
        ("Our Teika shop on Brīvības iela is open", None, []),  # function words, places, streets
        ("Monday in Rīga with HR and the CEO", None, []),  # days, cities, abbreviations
        ("Went to Maizes Nams yesterday", None, ["Maizes Nams"]),
    ],
)
def test_business_names(text: str, skip: tuple[int, int] | None, names: list[str]) -> None:
    doc = Doc(text)
    spans = [doc.span(*skip)] if skip else []
    assert [text[s.start : s.end] for s in business_names(doc, spans)] == names


# ---- cued identifiers and addresses -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, found",
    [
        ("Mana kolēģe Ieva (personas kods 120385-12345) šodien slima", ["120385-12345"]),  # bad checksum
        ("kolēģa personas kods ir uz līguma, kas stāv uz galda: 251290 11223", ["251290 11223"]),
        ("send it to my colleague's account number 1234 5678 9012", ["1234 5678 9012"]),
        ("Konta nr.: 12345678", ["12345678"]),
        ("pasūtījuma numurs 123456", []),  # an order number is no identifier
        ("Personas kodu neprasām, zvaniet +371 67 000 000", []),  # the company's own phone
        ("Oskars lives at Brīvības iela 150-12, knock after hours", ["Brīvības iela 150-12"]),
        ("Our shop at Brīvības iela 150 is open till 8", []),  # a shop's address is public
    ],
)
def test_cued_identifiers_and_addresses(text: str, found: list[str]) -> None:
    rule = Rule("p", "personal_data", "high", T, T, {})
    hits = compile_personal(rule, PROFILE).find(Doc(text))
    assert [text[h.start : h.end] for h in hits] == found


# ---- rule parameters -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, error",
    [
        ({"target": {"lists": ["customers"]}}, None),
        ({"names": True, "strong": {"lists": ["business_attack"]}, "hints": "none"}, None),
        ({"strong": {"lists": ["tone_strong"]}}, "target: required"),
        ({"target": {"lists": ["nope"]}}, "unknown word list"),
        ({"target": {"lv": ["a"]}, "scope": "post"}, "scope"),
        ({"target": {"lv": ["a"]}, "veto": {"en": ["hiring"]}, "veto_scope": "draft"}, None),
        ({"target": {"lv": ["a"]}, "veto_scope": "post"}, "veto_scope"),
        ({"target": {"lv": ["a"]}, "window": 0}, "window"),
        ({"target": {"lv": ["a"]}, "names": "yes"}, "names"),
        ({"target": {"lv": ["a"]}, "positive": "off"}, "positive"),
        ({"target": {"lv": ["a"]}, "threshold": 2}, "unknown parameter"),
    ],
)
def test_validate_tone_params(params: dict, error: str | None) -> None:
    got = validate_rule_params("tone", params)
    if error is None:
        assert got is None
    else:
        assert got is not None and error in got


# ---- the real rules: the lead's spot checks and their counter-examples ------------------------------


@pytest.fixture(scope="module")
def reviewer() -> Reviewer:
    return Reviewer(load_policy(), load_profile())


@pytest.mark.parametrize(
    "draft, clause",
    [
        ("Honestly our management has no idea what they're doing, third reorg this year.", "internal-first"),
        ("Hanzas Maiznīca cep plastmasas maizi, neņemiet to!", "appropriate-content"),
        ("Pilsētas Ceptuve pārdod vakardienas kūkas kā svaigas, neejiet tur.", "appropriate-content"),
        ("Mana kolēģe Ieva Bērziņa (personas kods 120385-12345) šodien slima", "information-protection"),
        ("Kolēģim Andrim atklāja diabētu, tāpēc viņš vairs nestrādās nakts maiņās.", "information-protection"),
        ("Management keeps promising raises and never delivers. Tired of being lied to.", "internal-first"),
        ("Noliktavā jau mēnesi tek jumts uz miltu maisiem, bet neviens nereaģē.", "internal-first"),
        ("Our boss asked us to clock out and keep working unpaid until the orders are done.", "internal-first"),
        ("Neviens vēl nezina, bet no maija mūsu veikalos būs jauna zīmola maize.", "information-protection"),
        ("Klients šodien mēģināja atgriezt apēstu kūku, jo 'negaršoja' 🙄", "employee-responsibility"),
        ("Muslims shouldn't be allowed to open bakeries here.", "appropriate-content"),
    ],
)
def test_spot_checks_are_flagged(reviewer: Reviewer, draft: str, clause: str) -> None:
    review = reviewer.review(draft)
    assert review.verdict != "ok"
    assert clause in {f.clause for f in review.findings}, review.findings


@pytest.mark.parametrize(
    "draft",
    [
        "Never been prouder of our team — we baked 2,000 loaves for the food bank this month.",
        "No more waiting — our shop opens at 8 from Monday.",
        "Vairs nav jāgaida — no pirmdienas veikals Tērbatas ielā atvērts jau 7:00.",
        "Paldies vadībai par jaukajiem Ziemassvētku dāvanu komplektiem visiem darbiniekiem!",
        "A customer thanked our cashier Maija for her patience today. Made our week!",
        "Psst... the pumpkin bread is back this weekend!",
        "Our secret? Slow fermentation and a lot of love.",
        "The team at Fazer did an amazing job with the bread festival this year. Respect!",
        "Don't miss our Saturday market stall on Kalnciema iela! Fresh pies from 9.",
        "We're collecting donations for the children's hospital all week. Every cent counts!",
        "Kolēģis Jānis atgriezies no atvaļinājuma ar simts receptēm no Itālijas.",
        "Manchester United lost again. Never watching football before a shift again 😂",
        "The new bus schedule is a joke, 20 minutes between buses at 5am.",
    ],
)
def test_counter_examples_are_clean(reviewer: Reviewer, draft: str) -> None:
    assert reviewer.review(draft).verdict == "ok", reviewer.review(draft).findings
