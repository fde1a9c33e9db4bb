"""policy.detectors: validators, masking, term patterns, word lists and rule-parameter checks."""
from __future__ import annotations

import pytest

from policy.detectors import DETECTORS, Doc, validate_rule_params
from policy.detectors.patterns import TermSet
from policy.detectors.personal import compile_rule as compile_personal
from policy.detectors.personal import iban_ok, luhn_ok, mask, personal_code_ok
from policy.detectors.terms import compile_rule as compile_terms
from policy.model import Profile, Rule, Text

PROFILE = Profile(
    name="Rīgas Maiznīca SIA",
    domains=("maiznica.lv",),
    emails=("info@maiznica.lv",),
    phones=("+371 67 000 000",),
    clients=("Rimi", "Latvijas Balzams"),
    competitors=("Lāči", "Fazer"),
    confidential_terms=("Projekts Rudzi", "Rudzi"),
)
T = Text("", "")


def rule(kind: str, **params) -> Rule:
    return Rule("r", kind, "high", T, T, params)


# ---- validators --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "iban, ok",
    [
        ("LV80BANK0000435195001", True),
        ("LV80 BANK 0000 4351 9500 1", True),
        ("lv80bank0000435195001", True),
        ("GB82 WEST 1234 5698 7654 32", True),
        ("LV81BANK0000435195001", False),
        ("LV80BANK000043519500", False),
    ],
)
def test_iban(iban: str, ok: bool) -> None:
    assert iban_ok(iban) is ok


@pytest.mark.parametrize(
    "code, ok",
    [
        ("16117519997", True),  # python-stdnum's example
        ("32579461005", True),  # new format: "32", no date or checksum
        ("16117519998", False),  # checksum
        ("40003032949", False),  # a company registration number, not a person
        ("31027519997", False),  # 31 February
    ],
)
def test_personal_code(code: str, ok: bool) -> None:
    assert personal_code_ok(code) is ok


@pytest.mark.parametrize("card, ok", [("4111111111111111", True), ("4111111111111112", False), ("5500005555555559", True)])
def test_luhn(card: str, ok: bool) -> None:
    assert luhn_ok(card) is ok


@pytest.mark.parametrize(
    "kind, raw, masked",
    [
        ("email", "janis.berzins@gmail.com", "j***@gmail.com"),
        ("phone", "+371 29 123 456", "+371 2*** ****"),
        ("phone", "29123456", "2*** ****"),
        ("phone", "0037129123456", "+371 2*** ****"),
        ("iban", "LV80BANK0000435195001", "LV80 **** **** **** *500 1"),
        ("personal_code", "161175-19997", "******-*****"),
        ("card", "4111 1111 1111 1111", "**** **** **** 1111"),
    ],
)
def test_mask(kind: str, raw: str, masked: str) -> None:
    assert mask(kind, raw) == masked


# ---- personal data in text ---------------------------------------------------------------------

PERSONAL = compile_personal(rule("personal_data"), PROFILE)


@pytest.mark.parametrize(
    "text, found",
    [
        ("Rakstiet Jānim: janis.berzins@gmail.com", ["janis.berzins@gmail.com"]),
        ("Zvani Annai +371 29 123 456!", ["+371 29 123 456"]),
        ("Annas numurs ir 26123456.", ["26123456"]),
        ("mob. 2912 3456", ["2912 3456"]),
        ("Call Tom on +44 20 7946 0958", ["+44 20 7946 0958"]),
        ("Konts: LV80 BANK 0000 4351 9500 1", ["LV80 BANK 0000 4351 9500 1"]),
        ("Viņa personas kods 161175-19997", ["161175-19997"]),
        ("Karte 4111 1111 1111 1111, derīga", ["4111 1111 1111 1111"]),
        # the company's own public contacts are not personal data
        ("Pasūtījumi: info@maiznica.lv, +371 67 000 000", []),
        ("Write to sales@maiznica.lv or call 67000000", []),
        # numbers that only look like phones
        ("Apgrozījums 20 000 000 EUR", []),
        ("Datums 20.12.2024, plkst. 20:00", []),
        ("Reģ. nr. 40003032949", []),
        ("Pasūtījums 4111111111111112", []),  # ungrouped and fails Luhn: some other number
        # written the way such numbers are written, they count even with wrong check digits
        ("Kartes numurs 4111 1111 1111 1112", ["4111 1111 1111 1112"]),
        ("Konts LV12HABA0551034567890", ["LV12HABA0551034567890"]),
        ("ID karte: Laura, 120590-11234", ["120590-11234"]),
        ("Pasūtījums 120590 11234", []),  # no hyphen and a wrong checksum
        ("Rēķins 310290-11234", []),  # 31 February is no birthday
        ("Kods LV12 1234 5678 9012 3456 7", []),  # no bank code: not an LV IBAN
        ("Kliņģeris 4,50 €, torte 26 €", []),
        # any organisation's role mailboxes and public lines (posts name suppliers and partners too)
        ("Jautājumi par rēķiniem: rekini@celradis.lv vai klientu centrs 67 000 111", []),
        ("Need to reach our events team? events@harbourhotel.com or the front desk on +44 20 7946 0321", []),
        ("Neatliekamā palīdzība: +371 67 000 123", []),
        # ...but a person's own address or number stays personal, whatever stands around it
        ("write to info.janis@gmail.com", ["info.janis@gmail.com"]),
        ("Atradām jaku pie mūsu kafejnīcas, zvaniet kolēģei Laurai +371 29 345 678", ["+371 29 345 678"]),
        ("Front desk is busy, call her mobile 26 111 222", ["26 111 222"]),
        # a landline in a job advert or a booking notice is the organisation's
        ("Aicinām darbā operatoru! Pieteikties pa tālruni 65 012 345.", []),
        ("Hiring ICU nurses. Questions to hr@stelm.lv or +371 67 555 010.", []),
        ("Zvaniet viņai uz 67 123 456, viņa meklē darbu", ["67 123 456"]),
        # a Latvian landline is an organisation's unless a person is named as holding it
        ("Uzziņas pa tālruni 63 800 100. Lost property: call +371 67 000 555.", []),
        ("Call Tom on 67 000 001", ["67 000 001"]),
    ],
)
def test_personal_data_found(text: str, found: list[str]) -> None:
    hits = PERSONAL.find(Doc(text))
    assert [text[h.start : h.end] for h in hits] == found


def test_personal_data_labels_follow_the_language() -> None:
    assert PERSONAL.find(Doc("Zvaniet Jānim uz 29123456"))[0].name == "tālruņa numurs"
    assert PERSONAL.find(Doc("Call John at 29123456 today"))[0].name == "phone number"


# ---- term patterns -----------------------------------------------------------------------------


def matches(terms: list[str], text: str, lang: str = "any") -> list[str]:
    ts = TermSet((t, lang, t) for t in terms)
    return [text[s.start : s.end] for s, _ in ts.find(Doc(text))]


@pytest.mark.parametrize(
    "terms, lang, text, found",
    [
        (["klients"], "lv", "Mūsu klientiem un klientam", ["klientiem", "klientam"]),
        (["klients"], "lv", "musu KLIENTAM", ["KLIENTAM"]),
        (["nekompetent*"], "lv", "vadība ir nekompetentā", ["nekompetentā"]),
        (["=bļin"], "lv", "bļin, blini ar ievārījumu", ["bļin"]),
        (["mūsu klients"], "lv", "musu klientam zvanija", ["musu klientam"]),
        (["mūsu _ klients"], "lv", "mūsu lielākais klients", ["mūsu lielākais klients"]),
        (["#money"], "any", "līgums par 50 000 EUR un €2M", ["50 000 EUR", "€2M"]),
        (["#percent"], "any", "pieaugums 18 % un 20%", ["18 %", "20%"]),
        (["#bignum"], "any", "2,3 miljoni un 5 m garš", ["2,3 miljoni"]),
        (["customer"], "en", "Customers and customer's", ["Customers", "customer's"]),
    ],
)
def test_term_patterns(terms: list[str], lang: str, text: str, found: list[str]) -> None:
    assert matches(terms, text, lang) == found


# ---- configured names and word lists -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, found",
    [
        ("Rimi klientiem jauna maize", ["Rimi"]),
        ("piegādājām Latvijas Balzamam", ["Latvijas Balzamam"]),
        ("sadarbība ar rimi", ["rimi"]),
        ("Rudzu maize ir mūsu lepnums", []),  # rye bread, not the code name "Rudzi"
        ("Projekts Rudzi sāksies rīt", ["Projekts Rudzi", "Rudzi"]),
    ],
)
def test_profile_names_are_inflected_but_not_overeager(text: str, found: list[str]) -> None:
    r = rule("terms", profile=["clients", "confidential_terms"])
    hits = compile_terms(r, PROFILE).find(Doc(text))
    assert [text[h.start : h.end] for h in hits] == found




@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Tas ir sūds, nevis maize", True),
        ("tādi sūdi", True),
        ("what the fuck", True),
        ("This is bullshit", True),
        ("ej dirst", True),
        # Scunthorpe guards: whole words only, and inflections through stems, not substrings
        ("Saņēmām sūdzību par piegādi", False),
        ("Pistāciju kūka un pistole", False),
        ("Jebkurš var pieteikties", False),
        ("Scunthorpe United fans visited", False),
        ("A cocktail class in Essex", False),
        ("Blini ar ievārījumu", False),
        ("Shiitake mushrooms on the menu", False),
        ("Dickens Christmas market", False),
        ("bla bla bla, viss kārtībā", False),
    ],
)
def test_profanity_word_lists(text: str, flagged: bool) -> None:
    r = Rule("p", "terms", "medium", T, T, {"lists": ["profanity_lv", "profanity_en"], "except": ["shitake", "shiitake"]})
    assert bool(compile_terms(r, PROFILE).find(Doc(text))) is flagged


# ---- rule parameters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, params, error",
    [
        ("personal_data", {}, None),
        ("personal_data", {"types": ["email", "phone"]}, None),
        ("personal_data", {"types": ["fax"]}, "unknown type"),
        ("personal_data", {"kinds": ["email"]}, "unknown parameter"),
        ("terms", {"lv": ["vārds"], "lists": ["profanity_lv"]}, None),
        ("terms", {"lists": ["nope"]}, "unknown word list"),
        ("terms", {"profile": "friends"}, "unknown profile field"),
        ("terms", {"lv": ["ab*"]}, "shorter than 3"),
        ("terms", {"lv": ["#cash"]}, "unknown mark"),
        ("terms", {}, "no terms"),
        ("cues", {"all": [{"lv": ["a"]}, {"en": ["b"]}], "window": 5}, None),
        ("cues", {"all": []}, "1 to 4 groups"),
        ("cues", {"all": [{"lv": ["a"]}], "window": 0}, "window"),
        ("cues", {"all": [{"lv": ["a"]}], "none_scope": "post"}, "none_scope"),
        ("cues", {"all": [{"lv": "a"}]}, "list of terms"),
        ("cues", {"all": [{"xx": ["a"]}]}, "unknown key"),
        ("regex", {}, "unknown rule kind"),
    ],
)
def test_validate_rule_params(kind: str, params: dict, error: str | None) -> None:
    got = validate_rule_params(kind, params)
    if error is None:
        assert got is None
    else:
        assert got is not None and error in got


def test_registry_is_an_explicit_dict() -> None:
    assert set(DETECTORS) == {"personal_data", "terms", "cues", "tone"}
