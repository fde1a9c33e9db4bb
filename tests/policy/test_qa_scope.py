"""The Q&A engine's general scope rules (policy.qa_scope) and what they do to answers."""
from __future__ import annotations

import pytest

from policy.loader import load_policy, load_profile
from policy.qa import Answerer
from policy.qa_scope import asks_about_saying, is_admin
from policy.review import Reviewer
from policy.text import fold


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    policy, profile = load_policy(), load_profile()
    return Answerer(policy, profile, Reviewer(policy, profile))


@pytest.mark.parametrize(
    "question",
    [
        "is it ok if I upload the team photo from friday to my page?",
        "vai var kommentet zem konkurenta reklamas",
        "Vai man ir jānorāda, ka tie ir mani personīgie uzskati?",
        "Does my boss read my WhatsApp chats?",
        "kā rīkoties, ja žurnāliste man zvana?",
    ],
)
def test_requests_about_saying_something_are_recognised(question: str) -> None:
    assert asks_about_saying(fold(question), speech=False)


@pytest.mark.parametrize(
    "question",
    [
        "Can I invite a client to lunch?",  # a person, but nothing said or shown
        "Where is the printer?",  # not a request
        "Can I give a customer a discount?",
    ],
)
def test_people_alone_do_not_make_a_question_about_saying(question: str) -> None:
    assert not asks_about_saying(fold(question), speech=False)


@pytest.mark.parametrize(
    "question",
    ["Can my colleague cover my shift on Saturday?", "Vai drīkstu paņemt atvaļinājumu jūlijā?", "kam jautat par jaunu darba telefonu"],
)
def test_workplace_admin_is_recognised(question: str) -> None:
    assert is_admin(fold(question))


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("is it ok if I upload the team photo from friday to my page?", None),  # any clause: in scope
        ("vai drikst saukt konkurentus par kramplauziem", "appropriate-content"),
        ("Vai man ir jānorāda, ka tie ir mani personīgie uzskati?", "personal-accounts"),
    ],
)
def test_in_scope_without_the_policys_words(answerer: Answerer, question: str, clause: str | None) -> None:
    a = answerer.ask(question)
    assert a.stance != "not_covered" and a.citations
    if clause:
        assert a.citations[0].clause == clause


@pytest.mark.parametrize(
    "question",
    [
        "Should I tell my manager I'm going to be late tomorrow?",
        "Vai var nomainīt maiņu ar kolēģi?",
        "Can I invite a client to lunch?",
        "Vai uzņēmums apmaksā sporta kluba abonementu?",
        # "post" and "share" in an internal tool or errand
        "Where do I post the meeting minutes — SharePoint or the team channel?",
        "How do I post my vacation request in the HR portal?",
        "Can I post a parcel to a customer through Omniva, or do we only use DPD?",
        "Can I share my screen with the client during a Teams call?",
        "Kā Excel tabulā izveidot nolaižamo sarakstu?",
        "How do I change my profile picture in Outlook?",
        "Is it ok to post a message in the #general Slack channel that I found a set of car keys?",
        "How do I leave a comment on a line in a GitLab merge request?",
        "Kā ielikt vakanci iekšējā darba sludinājumu portālā, lai to redz tikai darbinieki?",
    ],
)
def test_admin_and_errands_stay_not_covered(answerer: Answerer, question: str) -> None:
    a = answerer.ask(question)
    assert (a.stance, a.citations) == ("not_covered", ())


@pytest.mark.parametrize(
    ("question", "stance"),
    [
        # A prohibition with an exception the asker can meet, the condition unsaid: it depends.
        ("Can I put the client's name on my CV website?", "depends"),
        # ... said to fail: not allowed.
        ("Vai drīkstu ielikt kolēģa bildi, ja viņš teica, ka negrib?", "not_allowed"),
        # An outright prohibition stays one.
        ("Can I post our bakery's profit margin on bread?", "not_allowed"),
    ],
)
def test_unstated_conditions_depend(answerer: Answerer, question: str, stance: str) -> None:
    assert answerer.ask(question).stance == stance


def test_an_internal_word_does_not_hide_a_public_post(answerer: Answerer) -> None:
    a = answerer.ask("Can I post a screenshot of our intranet page on LinkedIn?")
    assert a.stance != "not_covered" and a.citations
