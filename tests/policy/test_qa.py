"""The Q&A engine over the real policy and profile: language, grounding, stance, drafts, scope."""
from __future__ import annotations

from dataclasses import replace

import pytest

from policy.loader import load_policy, load_profile
from policy.model import Answer, Finding, Policy, Profile, Review, Text
from policy.qa import Answerer, extract_draft
from policy.review import Reviewer

POLICY = load_policy()
PROFILE = load_profile()


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(POLICY, PROFILE, Reviewer(POLICY, PROFILE))


def rule_sentences(clause_id: str, lang: str) -> set[str]:
    c = POLICY.clause(clause_id)
    return {t.get(lang) for t in c.allowed + c.not_allowed + c.conditions}


# ---- language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, lang",
    [
        ("Vai drīkstu publicēt klienta logo?", "lv"),
        ("vai es drikstu publicet klienta logo savaa portfolio", "lv"),  # no diacritics
        ("Can I post our client's logo?", "en"),
        ("vai drīkst reshare uzņēmuma jaunumus manā personal account?", "lv"),  # mixed, lv dominant
        ("can I share the company post on my LinkedIn, ja?", "en"),  # mixed, en dominant
    ],
)
def test_answers_in_the_questions_language(answerer: Answerer, question: str, lang: str) -> None:
    a = answerer.ask(question)
    assert a.language == lang
    if a.citations:
        assert a.citations[0].quote in rule_sentences(a.citations[0].clause, lang)


# ---- grounded answers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, clause, stance",
    [
        ("Vai drīkstu sociālajos medijos kritizēt savu vadību?", "internal-first", "not_allowed"),
        ("Can I share our company's job ads on LinkedIn?", "goals", "allowed"),
        ("vai drikstu ielikt klienta logo sava portfolio", "information-protection", None),
        ("Can I joke about a competitor going bankrupt?", "appropriate-content", "not_allowed"),
        ("Does management read my private messages?", "trust-oversight", "depends"),
        ("Vai drīkstu minēt Rimi savā ierakstā?", "information-protection", None),  # a client name
    ],
)
def test_cites_the_right_clause_and_takes_its_stance(
    answerer: Answerer, question: str, clause: str, stance: str | None
) -> None:
    a = answerer.ask(question)
    assert a.citations[0].clause == clause
    assert a.ranked[0][0] == clause
    if stance:
        assert a.stance == stance


@pytest.mark.parametrize(
    "question", ["Can I criticise management on Facebook?", "Vai drīkstu publicēt kolēģa telefona numuru?"]
)
def test_answer_quotes_the_sentence_and_names_clause_version_and_next_step(
    answerer: Answerer, question: str
) -> None:
    a = answerer.ask(question)
    assert len(a.citations) == 1
    cite = a.citations[0]
    clause = POLICY.clause(cite.clause)
    assert cite.version == POLICY.version == a.policy_version
    assert cite.quote in rule_sentences(cite.clause, a.language)
    assert cite.quote in a.answer
    assert clause.title.get(a.language) in a.answer
    assert POLICY.version in a.answer
    assert ("Next:" if a.language == "en" else "Ko darīt:") in a.answer
    assert a.review is None


def test_ranked_is_best_first(answerer: Answerer) -> None:
    a = answerer.ask("Can I post a photo of a customer in our shop?")
    scores = [s for _, s in a.ranked]
    assert scores == sorted(scores, reverse=True)
    assert len({c for c, _ in a.ranked}) == len(a.ranked)


def test_same_question_same_answer(answerer: Answerer) -> None:
    q = "Vai drīkstu publicēt bildi ar kolēģiem?"
    assert answerer.ask(q) == answerer.ask(q)


# ---- out of scope -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, lang",
    [
        ("what's the wifi password?", "en"),
        ("kad ir algas diena?", "lv"),
        ("How do I book a vacation?", "en"),
        ("kur ir printeris", "lv"),
        ("", "lv"),
        ("???", "lv"),
    ],
)
def test_out_of_scope_is_not_covered_with_whom_to_ask(
    answerer: Answerer, question: str, lang: str
) -> None:
    a = answerer.ask(question)
    assert a.stance == "not_covered"
    assert a.citations == ()
    assert a.language == lang
    assert PROFILE.contact in a.answer
    assert POLICY.version in a.answer


def test_not_covered_falls_back_to_the_policy_owner_without_a_contact() -> None:
    a = Answerer(POLICY, replace(PROFILE, contact=""), Reviewer(POLICY, PROFILE)).ask("wifi password?")
    assert POLICY.owner in a.answer


# ---- negation ---------------------------------------------------------------------------------


def test_negation_is_never_stripped(answerer: Answerer) -> None:
    # "ne" is not a verb prefix to strip: "nepublicēt" must not turn into "publicēt".
    q = answerer.index.query("nepublicēt", "lv")
    assert "public" not in q.terms
    assert "publicet" not in q.terms
    # ... while real verb prefixes are: "pasmieties" finds "smieties".
    assert answerer.index.query("pasmieties", "lv").terms


def test_phrased_negatively_or_positively_the_stance_is_the_same(answerer: Answerer) -> None:
    pos = answerer.ask("Vai drīkst kritizēt konkurentus?")
    neg = answerer.ask("Vai tiešām nedrīkst kritizēt konkurentus?")
    assert (pos.stance, pos.citations) == (neg.stance, neg.citations)


# ---- drafts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, draft",
    [
        ("can I post this: Great day at the bakery with the team!", "Great day at the bakery with the team!"),
        ("Vai drīkstu publicēt šo: «Mūsu jaunā maize ir veikalos!»", "Mūsu jaunā maize ir veikalos!"),
        ("vai sis ir ok: Mums šodien atvērto durvju diena", "Mums šodien atvērto durvju diena"),
        ("is this ok to post?\nProud of my team today #bakery", "Proud of my team today #bakery"),
        ("Proud of my team today #bakery\nCan I post this?", "Proud of my team today #bakery"),
        ('What about "our revenue grew by eighteen percent this quarter"?', "our revenue grew by eighteen percent this quarter"),
        ("Vai man jāraksta „viedokļi ir mani personīgie“?", None),  # a short quote is not a post
        ("Question about posting: can I name our client?", None),  # the rest is a question
        ("Can I post photos from the office?", None),
        ("post: ok", None),  # too short to be a post
    ],
)
def test_extract_draft(question: str, draft: str | None) -> None:
    assert extract_draft(question) == draft


class FixedReviewer:
    """A reviewer that returns a fixed verdict and findings (a fake of the review engine)."""

    def __init__(self, verdict: str, findings: tuple[Finding, ...]) -> None:
        self.verdict = verdict
        self.findings = findings
        self.drafts: list[str] = []

    def review(self, draft: str) -> Review:
        self.drafts.append(draft)
        return Review(self.verdict, POLICY.version, "en", self.findings)  # type: ignore[arg-type]


def finding(clause: str, severity: str, start: int, excerpt: str = "x", message: str = "m") -> Finding:
    return Finding(clause, "r", severity, start, start + 1, excerpt, message, "fix")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "verdict, findings, stance, clauses",
    [
        ("ok", (), "allowed", []),
        ("revise", (finding("appropriate-content", "medium", 3),), "not_allowed", ["appropriate-content"]),
        (
            "do_not_post",
            (
                finding("appropriate-content", "medium", 0),
                finding("information-protection", "high", 9, "revenue", "financial data"),
                finding("information-protection", "medium", 20),
            ),
            "not_allowed",
            ["information-protection", "appropriate-content"],  # high severity first, no repeats
        ),
    ],
)
def test_a_draft_is_answered_from_the_review(
    verdict: str, findings: tuple[Finding, ...], stance: str, clauses: list[str]
) -> None:
    reviewer = FixedReviewer(verdict, findings)
    a = Answerer(POLICY, PROFILE, reviewer).ask("Vai drīkstu publicēt šo: «Mūsu apgrozījums pieauga par 18 %!»")
    assert reviewer.drafts == ["Mūsu apgrozījums pieauga par 18 %!"]
    assert a.review is not None and a.review.verdict == verdict
    assert a.stance == stance
    assert a.language == "lv"
    if verdict == "ok":
        # A clean draft still cites the clause the post is about, quoting what it allows.
        assert len(a.citations) <= 1
        for c in a.citations:
            assert c.quote in {t.lv for t in POLICY.clause(c.clause).allowed}
    else:
        assert [c.clause for c in a.citations] == clauses
        for c in a.citations:
            assert c.quote in {t.lv for t in POLICY.clause(c.clause).not_allowed}
    if a.citations:
        assert a.citations[0].quote in a.answer


def test_a_draft_goes_through_the_real_reviewer(answerer: Answerer) -> None:
    a = answerer.ask("Vai drīkstu publicēt šo: «Konkurentu maize ir pilnīgs sūds, nesaprotu, kas to pērk.»")
    assert a.review is not None
    assert a.stance == {"ok": "allowed", "revise": "not_allowed", "do_not_post": "not_allowed"}[a.review.verdict]
    assert [c.clause for c in a.citations] == list(dict.fromkeys(f.clause for f in sorted(
        a.review.findings, key=lambda f: (f.severity != "high", f.start))))


def test_answer_to_dict_is_the_cli_contract(answerer: Answerer) -> None:
    d = answerer.ask("Can I post our quarterly results?").to_dict()
    assert set(d) == {"answer", "stance", "language", "policy_version", "citations", "review"}
    assert set(d["citations"][0]) == {"clause", "version", "quote"}


# ---- a small policy of its own ----------------------------------------------------------------


def tiny_policy() -> Policy:
    """Two clauses, unequal question lists, no conditions: the engine must not rely on the real
    file's shape."""
    from policy.model import Clause, Terms

    def clause(cid: str, topic_lv: str, topic_en: str, qs: Terms) -> Clause:
        return Clause(
            id=cid,
            title=Text(topic_lv.capitalize(), topic_en.capitalize()),
            text=Text(f"Par {topic_lv} ir noteikumi. Tos ievēro.", f"There are rules on {topic_en}. Follow them."),
            summary=Text(topic_lv, topic_en),
            allowed=(Text(f"Tu drīksti runāt par {topic_lv} iekšēji.", f"You may discuss {topic_en} internally."),),
            not_allowed=(Text(f"Nedrīksti publicēt {topic_lv}.", f"Do not post {topic_en}."),),
            conditions=(),
            examples_do=(),
            examples_dont=(),
            keywords=Terms((topic_lv,), (topic_en,)),
            questions=qs,
            rules=(),
        )

    from datetime import date

    return Policy(
        version="9.9",
        effective=date(2026, 1, 1),
        title=Text("Tests", "Tests"),
        owner="the owner",
        changelog=(),
        clauses=(
            clause("weather", "laikapstākļi", "weather", Terms(("Vai drīkstu publicēt laikapstākļus?",), ())),
            clause("recipes", "receptes", "recipes", Terms((), ("Can I post our secret recipes?", "Recipes?"))),
        ),
    )


def test_works_on_a_small_policy_of_its_own() -> None:
    policy = tiny_policy()
    a = Answerer(policy, Profile(name="X"), FixedReviewer("ok", ())).ask("Can I post our secret recipes online?")
    assert isinstance(a, Answer)
    assert a.citations[0].clause == "recipes"
    assert a.stance == "not_allowed"
    assert a.citations[0].quote == "Do not post recipes."
    oos = Answerer(policy, Profile(name="X"), FixedReviewer("ok", ())).ask("where is the printer?")
    assert oos.stance == "not_covered" and "the owner" in oos.answer


@pytest.mark.parametrize(
    "question, stance",
    [
        # an allowing sentence that needs the client's consent: "depends" until the question has it
        ("Can I put completed client work in my portfolio?", "depends"),
        ("The client agreed — can I put the completed work in my portfolio?", "allowed"),
        # "already public" does not cover what is not announced yet
        ("Can I share our expansion plans before they are announced?", "not_allowed"),
        ("Vai drīkstu publicēt jaunā produkta plānus, pirms tie ir oficiāli paziņoti?", "not_allowed"),
        # a forbidding sentence "without consent" allows it with consent, but not "without" it
        ("Can I post customers' photos without their consent?", "not_allowed"),
        # ... and asked about without saying, it depends on their consent
        ("Can I post the selfie I took with a customer at the till?", "depends"),
        ("The customer herself asked me to post our selfie and tag her. That's fine, right?", "allowed"),
        ("Can I post a photo of a customer who fell asleep in our waiting area? He doesn't know I took it.",
         "not_allowed"),
        # the company may not demand access to personal accounts
        ("Can my manager make me hand over my Instagram password so she can check what I post?", "not_allowed"),
        # a personal opinion from an account that names the employer: as the clause's conditions say
        ("My bio says I work at the bakery. Can I tweet my opinion about the election?", "depends"),
        # bad news that is out already: only the official statement, as the communication plan says
        ("Par mūsu uzņēmumu šodien iznāca negatīvs raksts Delfos. Vai drīkstu komentēt zem raksta?", "depends"),
        ("The ovens in our plant keep breaking down. Can I tweet about it?", "not_allowed"),
        # deleting one's own careless post is what the policy asks for
        ("I posted something about a customer and now I think it was a bad idea. Can I just delete it?", "allowed"),
    ],
)
def test_conditions_the_question_states(answerer: Answerer, question: str, stance: str) -> None:
    a = answerer.ask(question)
    assert a.stance == stance
    assert a.citations[0].quote in rule_sentences(a.citations[0].clause, a.language)


@pytest.mark.parametrize("word", ["pieteikt", "noteikumi", "atteikt"])
def test_lexicalised_prefixes_are_not_stripped(answerer: Answerer, word: str) -> None:
    # "pieteikt" (apply) is not "teikt" (say): no speech word, no false match.
    q = answerer.index.query(word, "lv")
    assert "teikt" not in q.terms and not q.in_domain


# ---- the lead's spot checks and what they stand for ---------------------------------------------


@pytest.mark.parametrize(
    "question, clauses, stance, lead, step",
    [
        # disparaging the company's management: the post the question carries is reviewed
        ("Is it okay to post that our CEO is incompetent?", {"internal-first", "appropriate-content"},
         "not_allowed", "Not allowed:", "/report"),
        # one's own pay is allowed, though "pelnu" (I earn) folds like "peļņa" (profit)
        ("Vai drīkstu ierakstīt LinkedIn, cik es pelnu?", {"information-protection"}, "allowed", "Atļauts:", "/review"),
        # trouble with one's manager is raised inside the company, not hushed up
        ("Mans vadītājs mani apceļ, ko darīt?", {"internal-first"}, None, "", "/report"),
        # "do I need ...?": the stance is a label, and the step is the cited clause's own
        ("Do I need approval to run the company's Facebook page?", {"goals"}, None, "", "communications team"),
    ],
)
def test_spot_checks(answerer: Answerer, question: str, clauses: set[str], stance: str | None, lead: str, step: str) -> None:
    a = answerer.ask(question)
    assert a.citations and a.citations[0].clause in clauses
    if stance:
        assert a.stance == stance
    assert a.answer.startswith(lead)
    assert not a.answer.startswith(("Yes", "No,", "Jā", "Nē"))
    assert step in a.answer.split("Next:" if a.language == "en" else "Ko darīt:")[1]
    assert "consent" not in a.answer or "consent" in a.citations[0].quote


@pytest.mark.parametrize(
    "question, clause, stance",
    [
        ("Can I post that I got a raise?", "information-protection", "allowed"),
        ("Can I post what my teammates earn?", "information-protection", "not_allowed"),
        ("Can I post the menu prices from our café?", "information-protection", "allowed"),
        ("Can I tell people we're opening a new bakery before it's announced?", "information-protection", "not_allowed"),
        ("Should I report my colleague who posts confidential stuff?", "internal-first", "allowed"),
        ("Can I praise our products anonymously on forums?", "trust-oversight", "not_allowed"),
        ("Can I report a problem to management anonymously?", "internal-first", "allowed"),
        ("Vai drīkstu izsmiet konkurenta reklāmu?", "appropriate-content", "not_allowed"),
        ("vai drikst izsmiet konkurenta reklamu", "appropriate-content", "not_allowed"),  # no diacritics
        ("Vai drīkstu pateikties pircējiem par jauko sezonu?", "employee-responsibility", "allowed"),
    ],
)
def test_qualifiers_decide_the_stance(answerer: Answerer, question: str, clause: str, stance: str) -> None:
    a = answerer.ask(question)
    assert (a.citations[0].clause, a.stance) == (clause, stance)


@pytest.mark.parametrize(
    "question",
    [
        "Can I share my desk with a colleague?",  # share, but not on social media
        "How do I submit a photo for my ID badge?",
        "kā nomainīt bankas kontu algai",  # an account, but a bank's
        "Can I take my lunch break early today?",
    ],
)
def test_everyday_senses_of_domain_words_are_not_covered(answerer: Answerer, question: str) -> None:
    assert answerer.ask(question).stance == "not_covered"


def test_every_example_question_is_linked_to_a_sentence_of_its_clause(answerer: Answerer) -> None:
    index = answerer.index
    linked = {index._parts[p].clause * 1000 + index._parts[p].pair for p in index.stances.links}
    unlinked = [
        q
        for ci, c in enumerate(POLICY.clauses)
        for j, q in enumerate(c.questions.en)
        if ci * 1000 + j not in linked
    ]
    assert unlinked == []
    for part, slot in index.stances.links.items():
        assert index.stances.sentences[slot].clause == index._parts[part].clause


def test_the_review_engine_is_asked_about_the_question_itself() -> None:
    reviewer = FixedReviewer("do_not_post", (finding("appropriate-content", "high", 0),))
    a = Answerer(POLICY, PROFILE, reviewer).ask("Is it okay to post that our cakes are awful?")
    assert reviewer.drafts == ["Is it okay to post that our cakes are awful?"]
    assert a.citations[0].clause == "appropriate-content" and a.stance == "not_allowed"
    assert a.review is None  # a question, not a draft: the review only informs the answer
