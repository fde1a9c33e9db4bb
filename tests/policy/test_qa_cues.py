"""The Q&A engine's readers of a question and writers of an answer: cues, concepts, wording."""
from __future__ import annotations

import re

import pytest

from policy.loader import load_policy, load_profile
from policy.model import Text
from policy.qa_cues import Cues, merge_cues, read_cues
from policy.qa_index import QAIndex
from policy.qa_stance import condition, side_bonus
from policy.qa_synonyms import CONCEPTS, TARGETS
from policy.qa_wording import SAY, next_step, step_topic

POLICY = load_policy()
PROFILE = load_profile()


# ---- cues -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, field, value",
    [
        ("Can I make fun of a rival's advert?", "harm", 1),
        ("vai drikst pasmieties par pirceju", "harm", 1),  # no diacritics
        ("Can I call their bread garbage and mock them?", "harm", 2),
        ("Can I praise our bread without saying I work there?", "covert", True),
        ("Vai drīkstu slavēt mūsu maizi ar viltus kontu?", "covert", True),
        ("Can I post about my work without prior approval?", "covert", False),  # a manager's OK is not consent
        ("Can I report a problem to management anonymously?", "covert", False),
        ("Can I report a problem to management anonymously?", "internal", True),
        ("Vai drīkstu anonīmi ziņot vadībai par problēmu?", "internal", True),
        ("Can I praise our products anonymously on forums?", "covert", True),
        ("The client agreed — can I post the design?", "consent", True),
        ("Can I post the design if we haven't agreed it with the client?", "consent", False),
        ("Klients atļāva, vai drīkstu ielikt dizainu?", "consent", True),
        ("Can I share the expansion plans before they are announced?", "unannounced", True),
        ("Vai drīkstu pastāstīt par produktu, kas vēl nav paziņots?", "unannounced", True),
        ("Can I ask someone to look over my post before I publish it?", "unannounced", False),
        ("Vai drīkstu to pārbaudīt pirms publicēšanas?", "unannounced", False),
        ("Can I share the results once the company has published them?", "already_public", True),
        ("Can I post the menu prices from our shop?", "already_public", True),
        ("Can I share the company's press release?", "already_public", True),
        ("Vai drīkst publiski teikt, cik es pelnu?", "own", True),
        ("Can I post that I got a raise?", "own", True),
        ("Can I post what my teammates earn?", "own", False),
        ("What should I do if my post gets angry comments?", "how", True),
        ("Ko darīt, ja vadītājs mani apceļ?", "how", True),
        ("Does management read my private messages?", "third_person", True),
        ("vai vadība skatās manu instagram", "third_person", True),
        ("Can I congratulate a competitor on an award?", "kind", 1),
        # consent said in other words, and refused in other words
        ("The customer herself asked me to post our selfie and tag her. Fine?", "consent", True),
        ("She asked me to take it and said I can put it on FB.", "consent", True),
        ("Vai drīkst ielikt kolēģes e-pastu? Viņa pati to palūdza.", "consent", True),
        ("visi teica, ka ir okei, var likt kopbildi?", "consent", True),
        ("tikai mes ar kolegem dejojam, visas ir ok ar to", "consent", True),
        ("Our client asked us not to mention them. Can I show their logo?", "consent", False),
        ("Can I post a photo of a customer asleep? He doesn't know I took it.", "consent", False),
        ("Vai drīkstu ielikt dizainu portfolio? Neesmu viņiem prasījis.", "consent", False),
        # published by the company, said in other words (in the news is not that)
        ("The annual report went up on our investor relations page. Can I repost the numbers?", "already_public", True),
        ("Gada pārskats jau ir publicēts mūsu mājaslapā. Var likt skaitļus?", "already_public", True),
        ("Our outage is already on Delfi. Can I post about it?", "already_public", False),
        ("Can I post the Q3 numbers? They go public next week.", "unannounced", True),
        # taking back or fixing one's own post; not when asked to by a manager
        ("I posted something careless. Can I just delete it?", "remedy", True),
        ("Vakar ieliku ierakstu par klientu. Vai varu to izdzēst?", "remedy", True),
        ("My manager asked me to take down my post. Do I have to?", "remedy", False),
        ("I regret a post about work, can I take it down?", "remedy", True),
        ("kolegi ludza neievietot bildes no korporativa. var tomer ielikt?", "consent", False),
        # an opinion on public matters from an account that names the employer
        ("My LinkedIn says I work at Vento Energy. Can I post my opinion about the tram line?", "linked", True),
        ("vai drikstu rakstit par politiku? profila ir redzams ka stradaju pasvaldiba", "linked", True),
        ("Can I post holiday photos? My bio does mention where I work.", "linked", False),
        ("Vai drīkstu profilā norādīt, ka strādāju par grāmatvedi? Gribu rakstīt par politiku.", "linked", False),
        # said openly: a gift, paid, or that they work there
        ("Can I review our espresso machine on my blog if I say upfront that I work for the company?", "disclosed", True),
        ("Vai varu uztaisīt review, skaidri norādot, ka tās ir dāvana?", "disclosed", True),
        ("Can I praise our bread without saying I work there?", "disclosed", False),
        ("vai var uzrakstit atsauksmi ka parasts pircejs? nesakot ka tur stradaju", "covert", True),
        # the problem is out already
        ("Par mūsu banku šodien ir negatīvs raksts portālā. Vai drīkstu komentēt?", "in_news", True),
        ("Can I retweet the news article about the data breach at our company?", "in_news", True),
        ("The ovens keep breaking down. Can I tweet about it?", "in_news", False),
        ("Vai drīkstu sociālajos medijos kritizēt savu vadību?", "in_news", False),  # social media are not the news
        ("Par avāriju jau raksta medijos. Vai varu dalīties sociālo mediju kontā?", "in_news", True),
    ],
)
def test_read_cues(question: str, field: str, value: object) -> None:
    assert getattr(read_cues(question), field) == value


def test_rye_bread_is_not_rude_and_a_shout_out_is_not_shouting() -> None:
    assert read_cues("Vai drīkstu publicēt rupjmaizes bildi?").harm == 0
    assert read_cues("Can I give a shout-out to my team?").harm == 0
    assert read_cues("Can I give a shout-out to my team?").kind == 1


def test_merged_cues_keep_either_wordings_evidence() -> None:
    a, b = read_cues("Vai drīkstu slavēt mūsu maizi?"), read_cues("Can I praise it without saying I work here?")
    m = merge_cues(a, b)
    assert m.covert and m.kind == 1


@pytest.mark.parametrize(
    "cues, favoured",
    [
        (Cues(harm=1), "not_allowed"),
        (Cues(kind=1), "allowed"),
        (Cues(own=True), "allowed"),
        (Cues(third_person=True), "depends"),
        (Cues(remedy=True), "allowed"),
        # raising it inside the company is what the policy asks for, however harsh the problem
        (Cues(harm=2, covert=True, internal=True), "allowed"),
    ],
)
def test_side_bonus_favours(cues: Cues, favoured: str) -> None:
    bonus = side_bonus(cues)
    assert max(bonus, key=lambda k: bonus[k]) == favoured  # type: ignore[arg-type]


def test_a_high_severity_finding_leans_not_allowed_unless_the_question_states_an_exception() -> None:
    assert side_bonus(Cues(), flagged=True)["not_allowed"] > 0
    assert side_bonus(Cues(already_public=True), flagged=True)["not_allowed"] == 0
    assert side_bonus(Cues(consent=True), flagged=True)["not_allowed"] == 0


@pytest.mark.parametrize(
    "stance, sentence, question, expected",
    [
        ("allowed", "You may post photos with colleagues if they agree.", "can I post a photo with colleagues?", "depends"),
        ("allowed", "You may post photos with colleagues if they agree.", "they agreed, can I post it?", "allowed"),
        ("not_allowed", "Do not post photos without their consent.", "they said yes — can I?", "allowed"),
        ("allowed", "You may share what the company has already made public.", "before it is announced?", "not_allowed"),
        (
            "depends",
            "Management does not read your private messages or ask for access to your personal accounts.",
            "can my boss make me hand over my instagram password?",
            "not_allowed",
        ),
        (
            "depends",
            "You may post about company events if the event is public or the organisers allow it.",
            "can I post photos from our public open day?",
            "allowed",
        ),
    ],
)
def test_conditions_the_question_states(stance: str, sentence: str, question: str, expected: str) -> None:
    from policy.text import fold

    assert condition(stance, Text(sentence, sentence), fold(question), read_cues(question)) == expected  # type: ignore[arg-type]


# ---- concepts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("words, pattern", CONCEPTS)
def test_every_concept_compiles(words: str, pattern: str) -> None:
    assert re.compile(pattern).groups >= 0


def test_every_concept_names_words_the_policy_uses() -> None:
    # A concept whose words the policy no longer uses adds nothing: say so when the policy changes.
    known = {p.pattern for p, extra, _ in QAIndex(POLICY, PROFILE)._concepts if extra}
    assert [w for w, p in CONCEPTS if p not in known] == []


def test_targets_are_concepts() -> None:
    assert TARGETS <= {w for w, _ in CONCEPTS}


# ---- wording ----------------------------------------------------------------------------------


def test_stance_labels_in_both_languages() -> None:
    assert [SAY[s]["en"] for s in ("allowed", "not_allowed", "depends")] == ["Allowed:", "Not allowed:", "It depends:"]
    assert [SAY[s]["lv"] for s in ("allowed", "not_allowed", "depends")] == [
        "Atļauts:",
        "Nav atļauts:",
        "Atkarīgs no apstākļiem:",
    ]


def _sentence(clause: str, en_start: str) -> Text:
    c = POLICY.clause(clause)
    return next(t for t in c.allowed + c.not_allowed + c.conditions if t.en.startswith(en_start))


@pytest.mark.parametrize(
    "clause, en_start, topic",
    [
        ("goals", "Do not create accounts", "communications"),  # the comms team's permission, not consent
        ("goals", "Do not answer journalists", "communications"),
        ("internal-first", "Do not criticise management", "report"),
        ("internal-first", "You may report a problem that involves your own manager", "report-above"),
        ("information-protection", "Do not post a client's logo", "consent"),
        ("information-protection", "Do not post other people's personal data", "consent"),
        ("information-protection", "Do not disclose the company's plans", "official"),
    ],
)
def test_the_next_step_follows_the_quoted_sentence(clause: str, en_start: str, topic: str) -> None:
    assert step_topic(_sentence(clause, en_start)) == topic


def test_whose_consent_is_named() -> None:
    logo = _sentence("information-protection", "Do not post a client's logo")
    assert "the client" in next_step("not_allowed", logo, "en", "comms")
    photos = _sentence("other-rules-apply", "You may post photos with colleagues")
    assert "colleagues" in next_step("depends", photos, "en", "comms")
    data = _sentence("information-protection", "Do not post other people's personal data")
    assert "the person concerned" in next_step("not_allowed", data, "en", "comms")
    assert "attiecīgajai personai" in next_step("not_allowed", data, "lv", "comms")


def test_an_outright_permission_needs_no_procedure() -> None:
    public = _sentence("information-protection", "You may share information the company has already made public")
    assert "/review" in next_step("allowed", public, "en", "comms")
