"""Which sentence of a clause a question is about, and so the answer's stance.

Every clause has sentences of three sides: allowed, not_allowed and conditions ("it depends").
Inside the clause the retrieval picked, a question is matched against each sentence (BM25 over
the sentence's own words plus the words of the example questions linked to it), and the side its
qualifiers point at (`policy.qa_cues`: mocking, secretly, already published, internally ...)
gets a bonus proportional to the clause's best match, so that a clear cue outweighs a weak word
overlap but not a strong one. Conditions the question states (consent given or denied, not yet
announced) then correct the chosen sentence's stance.

Example questions are linked to a sentence once, at build time, by the same means: their words,
their cues, and the lv and en wording of a pair together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from policy.bm25 import BM25
from policy.model import Stance, Text
from policy.qa_cues import Cues
from policy.text import fold

LINK_WEIGHT = 0.5  # how much a matched example question lends its linked sentence
LINKED_TERMS = 0.5  # an example question's words in its sentence's bag, relative to its own

# Side bonuses, as shares of the clause's best sentence score (see `side_bonus`).
HARM = 0.45  # per idea (ridicule, harsh words), at most two
COVERT = 1.0  # secretly, without consent, on the company's behalf
KIND = 0.5  # thanks, congratulations, neutral
ALREADY_PUBLIC = 0.8
NOT_PUBLIC = 0.8
INTERNAL = 0.8  # raising it inside the company
OWN = 1.2  # one's own pay or title
REMEDY = 1.0  # deleting or correcting one's own post
LINKED = 0.8  # the asker's account is linked to the employer: a personal opinion "depends"
DISCLOSED = 1.0  # says openly that it was a gift or paid, or that they work there
HOW = 0.4  # "what should I do", a stated doubt
THIRD_PERSON = 0.6  # "does management ..."
FLAGGED = 1.0  # the review engine found a high-severity problem of this clause in the question
MISMATCH = 0.5  # what a linked example lends, per decisive cue it does not share with the question
PUBLIC_VS_INTERNAL = 0.5  # an internal-route sentence's match, for a question about posting in public
# A sentence that allows a prohibited act with consent speaks to the question when it matches at
# least this share of the prohibition's match (see `Stances._unstated_condition`).
CONDITION_SHARE = 1.0

RULE_KINDS = ("allowed", "not_allowed", "conditions")
SIDE: dict[str, Stance] = {
    "allowed": "allowed",
    "not_allowed": "not_allowed",
    "conditions": "depends",
    "example_do": "allowed",
    "example_dont": "not_allowed",
}


@dataclass(frozen=True)
class Sentence:
    """A quotable sentence (or an example post, which quotes its nearest rule sentence)."""

    clause: int
    kind: str  # a key of SIDE
    quote: Text

    @property
    def stance(self) -> Stance:
        return SIDE[self.kind]


@dataclass(frozen=True)
class ExampleQuestion:
    """An example question (or a translated pair of them), to be linked to a sentence."""

    clause: int
    parts: tuple[int, ...]  # the retrieval parts it is (one per language)
    bag: Mapping[str, float]
    cues: Cues


def side_bonus(cues: Cues, flagged: bool = False) -> dict[Stance, float]:
    """How much each side is favoured by the question's cues (shares of the best match)."""
    harmless = (
        cues.internal or cues.own or cues.remedy or cues.disclosed or cues.already_public or cues.consent is True
    )
    allowed = (
        KIND * min(cues.kind, 2)
        + INTERNAL * cues.internal
        + OWN * cues.own
        + REMEDY * cues.remedy
        + DISCLOSED * cues.disclosed
        + ALREADY_PUBLIC * cues.already_public
    )
    # Raising something inside the company is what the policy asks for, whatever it is about.
    not_allowed = 0.0 if cues.internal else COVERT * cues.covert + NOT_PUBLIC * cues.not_public
    if not harmless:
        not_allowed += HARM * min(cues.harm, 2) + FLAGGED * flagged
    if cues.consent is False:
        not_allowed += COVERT
    # Internal routes are stated both as permissions and as conditions ("you may talk about a
    # difficult customer internally, not on social media"): the words decide between them.
    depends = (
        HOW * cues.how + THIRD_PERSON * cues.third_person + INTERNAL / 2 * cues.internal + LINKED * cues.linked
    )
    return {"allowed": allowed, "not_allowed": not_allowed, "depends": depends}


@dataclass
class Stances:
    """The sentences of every clause, with the example questions linked to them."""

    sentences: list[Sentence]
    index: BM25 = field(init=False)
    links: dict[int, int] = field(init=False)  # retrieval part -> sentence slot
    internal_routes: frozenset[int] = field(init=False)  # slots of sentences about internal routes
    link_cues: dict[int, Cues] = field(init=False)  # retrieval part -> its question's cues
    folded: list[str] = field(init=False)  # each sentence's lv and en wording, folded

    @classmethod
    def build(
        cls,
        sentences: Sequence[Sentence],
        bags: Sequence[Mapping[str, float]],
        examples: Sequence[ExampleQuestion],
    ) -> "Stances":
        """Link each example question to its clause's best rule sentence, then index every
        sentence with the words of the questions linked to it."""
        self = cls(list(sentences))
        self.folded = [fold(s.quote.lv + " " + s.quote.en) for s in sentences]
        self.internal_routes = frozenset(
            j for j, s in enumerate(sentences) if s.stance != "not_allowed" and _INTERNAL_ROUTE.search(self.folded[j])
        )
        plain = BM25(weighted=list(bags))
        links: dict[int, int] = {}
        link_cues: dict[int, Cues] = {}
        augmented = [dict(b) for b in bags]
        for ex in examples:
            scores = self._routed(plain.scores(ex.bag), ex.cues)
            slot = self._best(scores, ex.clause, side_bonus(ex.cues), RULE_KINDS)
            if slot is None:
                continue
            for part in ex.parts:
                links[part] = slot
                link_cues[part] = ex.cues
            for term, w in ex.bag.items():
                augmented[slot][term] = augmented[slot].get(term, 0.0) + LINKED_TERMS * w / len(ex.parts)
        self.index = BM25(weighted=augmented)
        self.links = links
        self.link_cues = link_cues
        return self

    def _routed(self, scores: list[float], cues: Cues) -> list[float]:
        """Sentences about internal routes ("discuss problems in internal channels") match a
        question about posting in public ("on my blog") only by their topic: they count less."""
        if cues.public and not cues.internal:
            for j in self.internal_routes:
                scores[j] *= PUBLIC_VS_INTERNAL
        return scores

    def _best(
        self,
        scores: Sequence[float],
        ci: int,
        bonus: Mapping[Stance, float],
        kinds: Sequence[str] = tuple(SIDE),
        only: Stance | None = None,
    ) -> int | None:
        """The slot of the clause's best sentence: match plus the side's bonus times the
        clause's best match (at least 1, so that a cue still counts when few words match)."""
        slots = [
            j
            for j, s in enumerate(self.sentences)
            if s.clause == ci and s.kind in kinds and (only is None or s.stance == only)
        ]
        if not slots:
            return None
        scale = max(1.0, max(scores[j] for j in slots))
        best, best_score = None, 0.0
        for j in slots:
            score = scores[j] + scale * bonus.get(self.sentences[j].stance, 0.0)
            if score > best_score:
                best, best_score = j, score
        return best

    def choose(
        self,
        ci: int,
        terms: Mapping[str, float],
        part_scores: Sequence[float],
        cues: Cues,
        folded: str,
        flagged: bool = False,
        only: Stance | None = None,
    ) -> tuple[Stance, Text] | None:
        """The stance of clause `ci` on the question and the sentence it rests on; None when no
        sentence of the clause matches and no cue points anywhere."""
        direct = self.index.scores(terms)
        evidence = list(direct)
        for part, slot in self.links.items():
            s = part_scores[part]
            if s > 0 and self.sentences[slot].clause == ci:
                # An example worded like the question but qualified differently ("how much I
                # earn" vs "what my teammates earn") lends less.
                s *= MISMATCH ** _mismatches(cues, self.link_cues[part])
                evidence[slot] = max(evidence[slot], direct[slot] + LINK_WEIGHT * s)
        evidence = self._routed(evidence, cues)
        bonus = {} if only else side_bonus(cues, flagged)
        slot = self._best(evidence, ci, bonus, only=only)
        if slot is None:
            return None
        best = self.sentences[slot]
        if only is not None:
            return best.stance, best.quote
        stance = condition(best.stance, best.quote, folded, cues)
        if stance == "not_allowed" and best.stance != "not_allowed":
            # The question denies what the allowing sentence requires ("before it is
            # announced"): quote the clause's best forbidding sentence instead, if it has one.
            forbidding = self._best(evidence, ci, {}, only="not_allowed")
            if forbidding is None or evidence[forbidding] <= 0:
                return "depends", best.quote
            return "not_allowed", self.sentences[forbidding].quote
        if stance == "not_allowed" and best.stance == "not_allowed" and not (flagged or _fails(cues)):
            unstated = self._unstated_condition(ci, slot, direct, cues)
            if unstated is not None:
                return "depends", unstated
        if stance == "allowed" and best.stance == "not_allowed":
            # Consent given lifts a "not without consent": quote the clause's sentence that
            # allows it with consent, if it has one, rather than the prohibition.
            with_consent = [
                j
                for j, s in enumerate(self.sentences)
                if s.clause == ci and s.kind in ("allowed", "conditions") and evidence[j] > 0
                and _NEEDS_CONSENT.search(self.folded[j])
            ]
            if with_consent:
                return "allowed", self.sentences[max(with_consent, key=lambda j: evidence[j])].quote
        return stance, best.quote


    def _unstated_condition(self, ci: int, slot: int, words: Sequence[float], cues: Cues) -> Text | None:
        """For a prohibition with an exception the asker can meet ("without their consent",
        "unless agreed", "unless the company has published them", "before they are officially
        announced"), asked about without saying whether it is met: the sentence to quote for
        "it depends", or None when the prohibition is outright or the question settles it.

        Careful readers answer such a question "it depends" (two outsiders labelling 240
        questions blind agreed with each other on 97.5% of stances and said so in as many
        words), but only where the case with the exception met is a real one: the clause must
        state it ("if the client has agreed") and that sentence must be about the question too
        (CONDITION_SHARE of the prohibition's match; `words` are the sentences' own word
        matches, since the example questions linked to a prohibition would otherwise always
        outweigh it): "a colleague's phone number" is not "a photo with colleagues who agree".
        That sentence is quoted. Bad news already out is the exception: the prohibition itself
        is quoted when no official-statement sentence matches, since it names the plan."""
        sentence = self.sentences[slot]
        folded = self.folded[slot]
        consent = bool(_CONSENT_EXCEPTION.search(folded))
        announced = bool(_ANNOUNCED_EXCEPTION.search(folded))
        # Bad news or an incident is under the communication plan once it is out already.
        plan = bool(_PLAN_EXCEPTION.search(folded)) and cues.in_news
        if not (consent or announced or plan):
            return None
        if (consent and cues.consent is not None) or (announced and (cues.already_public or cues.unannounced)):
            return None
        exception = _NEEDS_CONSENT if consent else _PUBLIC_ONLY if announced else _OFFICIAL_STATEMENT
        with_exception = [
            j
            for j, s in enumerate(self.sentences)
            if s.clause == ci and s.kind in ("allowed", "conditions")
            and words[j] > 0 and words[j] >= CONDITION_SHARE * words[slot]
            and exception.search(self.folded[j])
        ]
        if not with_exception:
            return sentence.quote if plan else None
        return self.sentences[max(with_exception, key=lambda j: words[j])].quote


def _fails(cues: Cues) -> bool:
    """The question itself says the act is the forbidden one: harsh, covert, without consent,
    not announced."""
    return cues.harm > 0 or cues.covert or cues.consent is False or cues.unannounced


# A prohibition whose exception the asker can meet (folded lv + en): someone's consent or
# agreement. ("Do not hide that you received a gift" is not one: people ask it as "do I have to
# say so?", and the answer is that hiding it is not allowed.)
_CONSENT_EXCEPTION = re.compile(r"without (their|the client'?s|the communications team'?s) (consent|permission)|unless agreed")
# A prohibition that lifts once the company has announced or published it (folded lv + en).
_ANNOUNCED_EXCEPTION = re.compile(r"unless the company has published|before they are officially announced")
# A prohibition that lifts under the communication plan: bad news and incidents (folded lv + en).
_PLAN_EXCEPTION = re.compile(r"a communication plan exists|unless the communication plan provides")
_OFFICIAL_STATEMENT = re.compile(r"official statement|oficial\w* pazinojum")


def _mismatches(a: Cues, b: Cues) -> int:
    """How many decisive cues two questions do not share."""
    return sum(
        (
            a.own != b.own,
            a.remedy != b.remedy,
            a.disclosed != b.disclosed,
            a.covert != b.covert,
            a.internal != b.internal,
            (a.harm > 0) != (b.harm > 0),
            (a.kind > 0) != (b.kind > 0),
            a.not_public != b.not_public,
            a.already_public != b.already_public,
        )
    )


# Sentences that describe an internal route (folded lv + en).
_INTERNAL_ROUTE = re.compile(
    r"\b(internal channels|internally|iekseji|ieksejos kanalos|report (it|any problem) to|zinot vadibai"
    r"|zino augstakajai|report it to senior)\b"
)


# An allowing sentence about what is already public means "not allowed" for what is not
# announced yet; one that needs someone's consent means "it depends" until the question says the
# consent is there; a forbidding sentence "without consent" means "allowed" when it is.
_PUBLIC_ONLY = re.compile(
    r"already made public|has been published|already public|jau ir oficiali publiskojis"
    r"|kad tas ir publicets|jau ir publiski|after the company has officially published"
)
_NEEDS_CONSENT = re.compile(
    r"\b(agree|agreed|agrees|consent|permission|piekrit\w*|piekris\w*|vienosan\w*|atlauj\w*)\b"
)


def condition(stance: Stance, quote: Text, folded_question: str, cues: Cues) -> Stance:
    """The stance of the chosen sentence, corrected by a condition the question states."""
    sentence = fold(quote.lv + " " + quote.en)
    if stance == "allowed":
        if _PUBLIC_ONLY.search(sentence) and cues.not_public:
            return "not_allowed"
        if _NEEDS_CONSENT.search(sentence) and cues.consent is not True:
            return "not_allowed" if cues.consent is False else "depends"
    if stance == "not_allowed" and _NEEDS_CONSENT.search(sentence) and cues.consent is True:
        return "allowed"
    if stance == "depends" and _NEEDS_CONSENT.search(sentence) and cues.consent is not None:
        return "allowed" if cues.consent else "not_allowed"
    if stance == "depends" and _PUBLIC_ONLY.search(sentence) and (cues.not_public or cues.already_public):
        return "not_allowed" if cues.not_public else "allowed"
    if stance == "depends":
        for condition_, met, settled in _SETTLED:
            if condition_.search(sentence) and met.search(folded_question):
                return settled
    return stance


# Other conditions of "it depends" sentences that a question can settle (folded text): the
# sentence, what the question says, and the stance that follows.
_SETTLED: tuple[tuple[re.Pattern[str], re.Pattern[str], Stance], ...] = (
    (
        re.compile(r"if the event is public|ja pasakums ir publisks"),
        re.compile(r"\bpublic (event|open day|fair|tasting)|\bopen day|publisk\w* (pasakum|atverto|dien)|atverto durvju"),
        "allowed",
    ),
    # Management "does not ... ask for access to your personal accounts": whether it may demand
    # a password or access to private accounts is answered no.
    (
        re.compile(r"ask for access to your personal accounts|neprasa piekluvi"),
        re.compile(
            r"\b(make|force|require|ask|demand|request|get|want)\w*\b.{0,40}\b(password|passcode|login|access to my)"
            r"|\b(pieprasi\w*|prasi\w*|lik\w*|piespiest|gribet|grib)\b.{0,40}\b(parol\w*|piekluv\w*|pieeja\w*)"
        ),
        "not_allowed",
    ),
)


__all__ = ["ExampleQuestion", "Sentence", "Stances", "condition", "side_bonus"]
