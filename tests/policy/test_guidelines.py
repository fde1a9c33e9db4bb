"""The embedded policy/guidelines.yaml: the eight clauses of the source, complete in both languages."""
from __future__ import annotations

import re

import pytest

from policy.loader import POLICY_PATH, load_policy, semver_key
from policy.model import LANGS, Clause, Text

IDS = (
    "personal-accounts",
    "internal-first",
    "other-rules-apply",
    "information-protection",
    "appropriate-content",
    "employee-responsibility",
    "goals",
    "trust-oversight",
)

# A phrase of each bullet of the source (shared/seed/social-media-guidelines.lv.txt) that the
# Latvian clause text keeps word for word: the text stays faithful to what the company wrote.
SOURCE_PHRASES = {
    "personal-accounts": ["personīgie sociālo mediju platformu konti mēdz būt saistīti",
                          "uzņēmums publiski tiek saistīts ar šo darbinieku", "tiks izvērtēti"],
    "internal-first": ["vispirms tiek apspriestas tikai uzņēmuma iekšienē",
                       "tiek izstrādāts komunikācijas plāns", "nedrīkst tās noklusēt",
                       "jāinformē vadība"],
    "other-rules-apply": ["Citas uzņēmuma vadlīnijas un noteikumi attiecas arī uz sociālo mediju izmantošanas vadlīnijām",
                          "iekšējie noteikumi attiecas"],
    "information-protection": ["Jebkāda informācija par klientiem stingri jāsargā",
                               "pat ja tas nav paredzēts līgumā starp uzņēmumu un klientu",
                               "paveikto darbu ievietošana portfolio",
                               "aizliegts izpaust uzņēmuma finanšu datus, plānus un stratēģijas",
                               "uzņēmuma paplašināšanās"],
    "appropriate-content": ["Neslavas celšana par konkurentiem", "nav pieļaujama", "(valoda, tēmas"],
    "employee-responsibility": ["var atstāt iespaidu uz uzņēmuma tēlu",
                                "neglaimojošu informāciju par restorāna klientiem"],
    "goals": ["Saprotami sociālo mediju mērķi un uzdevumi", "cik nozīmīgs ir katra darbinieka ieguldījums",
              "Darbiniekiem jāsaprot sociālo mediju izmantošanas mērķis"],
    "trust-oversight": ["nevajadzētu justies ierobežotiem", "kvalitātes prasībām",
                        "Vadība pārraudzīs sociālo mediju izmantošanu"],
}

POLICY = load_policy()


def _texts(clause: Clause) -> list[tuple[str, Text]]:
    out = [("title", clause.title), ("text", clause.text), ("summary", clause.summary)]
    for name in ("allowed", "not_allowed", "conditions", "examples_do", "examples_dont"):
        out += [(f"{name}[{i}]", t) for i, t in enumerate(getattr(clause, name))]
    for r in clause.rules:
        out += [(f"rules[{r.id}].message", r.message), (f"rules[{r.id}].suggestion", r.suggestion)]
    return out


def test_eight_clauses_in_the_source_order() -> None:
    assert POLICY.clause_ids == IDS


def test_header() -> None:
    assert POLICY.version == "1.0.0" or semver_key(POLICY.version) > semver_key("1.0.0")
    assert POLICY.changelog[0].version == POLICY.version
    assert POLICY.effective.isoformat() >= "2026-12-01"
    assert "komunikācijas nodaļa" in POLICY.owner and "communications team" in POLICY.owner
    assert POLICY.title.lv and POLICY.title.en


@pytest.mark.parametrize("clause_id", IDS)
def test_clause_is_complete_in_both_languages(clause_id: str) -> None:
    c = POLICY.clause(clause_id)
    for where, text in _texts(c):
        for lang in LANGS:
            assert text.get(lang).strip(), f"{clause_id}.{where}.{lang} is empty"
        # Same language in both slots is a copy-paste slip: the two texts must differ (titles
        # such as a shared proper noun are the only plausible exception, and there are none).
        assert text.lv != text.en, f"{clause_id}.{where}: lv and en are identical"
    assert len(c.allowed) >= 2 and len(c.not_allowed) >= 2 and len(c.conditions) >= 2
    assert c.examples_do and c.examples_dont
    for lang in LANGS:
        assert "\n" not in c.summary.get(lang), "the summary is one line"
        assert len(c.keywords.get(lang)) >= 25, f"{clause_id}: keywords.{lang} is thin"
        # At least five example questions per language (the Q&A engine's owner adds more: one
        # per quotable sentence, which is why there is no upper bound).
        assert len(c.questions.get(lang)) >= 5, f"{clause_id}: questions.{lang}"


@pytest.mark.parametrize("clause_id", IDS)
def test_latvian_text_is_faithful_to_the_source(clause_id: str) -> None:
    text = POLICY.clause(clause_id).text.lv
    for phrase in SOURCE_PHRASES[clause_id]:
        assert phrase in text, phrase
    assert "uzmantošanas" not in text  # the source's typo, fixed


@pytest.mark.parametrize("clause_id", IDS)
def test_allowed_and_not_allowed_read_as_rules(clause_id: str) -> None:
    # The Q&A engine quotes these sentences as the answer; a fixed opening keeps the stance
    # unmistakable in both languages.
    c = POLICY.clause(clause_id)
    for t in c.allowed:
        assert t.lv.startswith("Tu drīksti") and t.en.startswith("You may"), t
    for t in c.not_allowed:
        assert t.lv.startswith("Nedrīksti") and t.en.startswith("Do not"), t
    for t in c.allowed + c.not_allowed + c.conditions:
        for lang in LANGS:
            assert re.search(r"[.!?]$", t.get(lang)), t.get(lang)


def test_typical_questions_are_covered_by_a_quotable_sentence() -> None:
    """The topics employees ask about most each have a sentence to quote, in the right clause."""
    expect = {
        "information-protection": ["logo", "ceturkšņa rezultāt", "alg", "paplašināšan", "portfolio"],
        "internal-first": ["kritizēt vadību", "ziņot vadībai"],
        "appropriate-content": ["neveiksm", "konkurent"],
        "employee-responsibility": ["klientiem vai apmeklētājiem"],
        "goals": ["darba sludinājum", "pasākum"],
        "personal-accounts": ["biogrāfijā", "personīgais viedoklis"],
        "trust-oversight": ["pārrauga"],
        "other-rules-apply": ["noteikumi"],
    }
    for clause_id, needles in expect.items():
        c = POLICY.clause(clause_id)
        quotable = " ".join(t.lv for t in c.allowed + c.not_allowed + c.conditions)
        for needle in needles:
            assert needle in quotable, (clause_id, needle)


def test_file_starts_with_the_schema_modeline() -> None:
    assert POLICY_PATH.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=policy.schema.json"
    )


def test_rule_messages_name_their_clause_by_its_title() -> None:
    # A message that names a clause names it as the policy does (two once drifted: "Skaidri
    # sociālo tīklu mērķi…" for "Saprotami sociālo mediju mērķi…").
    titles = {lang: {c.title.get(lang) for c in POLICY.clauses} for lang in LANGS}
    named = {"lv": re.compile(r"Punkts «([^»]+)»"), "en": re.compile(r"Clause “([^”]+)”")}
    for clause in POLICY.clauses:
        for rule in clause.rules:
            for lang in LANGS:
                for title in named[lang].findall(rule.message.get(lang)):
                    assert title == clause.title.get(lang), (rule.id, lang, title)
                    assert title in titles[lang]
