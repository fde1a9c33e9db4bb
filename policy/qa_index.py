"""The Q&A engine's index: which clause a question is about, and which of its sentences.

Two BM25 indexes (`policy.bm25`) over the same policy, built once:

- retrieval: every clause as a weighted bag of stems of its title, summary, text, allowed /
  not_allowed / conditions sentences, examples, curated `keywords` and example `questions`, in
  both languages (`clauses`); and the same parts one by one (`parts`), so that a question that
  is close to one example question or keyword is not drowned by a long clause. A clause's score
  is its bag's score plus half its best part's.
- stance: the allowed / not_allowed / conditions sentences and examples alone (`sentences`).
  Inside the best clause the best-matching sentence decides the stance. Example questions and
  keywords are linked at build time to their clause's nearest sentence, so a question worded like
  an example question inherits that sentence even when it shares no word with it.

Negation: stems keep the "ne-" prefix ("nedrīkst" never becomes "drīkst"). Modal words ("may",
"drīkstu", "nedrīkst", "allowed") are left out of matching altogether: every clause has both
polarities, so the words of the question's *action* decide, not how the question is phrased.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from policy.bm25 import BM25
from policy.model import Clause, Lang, Policy, Profile, Stance, Text
from policy.text import fold, stem, tokens

# ---- vocabulary ------------------------------------------------------------------------------

# Folded words that carry no topic: question words, pronouns, modals and their negations,
# auxiliaries. Kept out of both the index and the query (see the module docstring on modals).
_STOP = frozenset(
    """
    vai es tu mes jus vins vina vini man mani manu mans mana manas manam manai mums musu jusu
    tev tevi tavs tava tavu savu sava savs savas saviem savam savai sev ir nav bija bus but esmu
    esam esat un ka kas ko kam kur kad cik kapec kads kada kadu kadi kadas ka tas ta to tie tam
    tad tur seit sis si so sie sim sai par uz ar pie no pec pret bez lidz lai ja bet ari jau vel
    tikai ne nu labi ok okay lugdzu ludzu tiesam vispar kaut kautko kaut ko drikst drikstu
    drikstam drikstat driksti nedrikst nedrikstu nedriksti var varu varam varat vari nevar nevaru
    vajag vajadzetu jadara jadara drikstetu varetu atlauts atlauta aizliegts aizliegta pielaujams
    pienemami tagad sodien rit kadreiz
    a an the and or but if then so to of in on at for with by from as into about over this that
    these those it its i me my mine we us our ours you your yours he him his she her they them
    their is are was were be been being am do does did doing have has had can could may might
    must shall should will would not no don't doesn't didn't can't cannot won't isn't aren't
    i'm it's is allowed allow ok okay fine alright acceptable permitted forbidden prohibited
    what which who whom whose when where why how whether any some there here just also even
    still really please hey hi anyone someone something anything
    make need use want like get got put go going come know think see look let keep try
    new old good same again now today yesterday tomorrow year time day days thing things way
    people all own one lot much many more most other another sure right actually maybe
    dien diena dienu dienas diena jaun jauns jauna jaunu jauno laba labi labu labak vis visu
    visi viss redzu redzeju dabut gribu negribu
    """.split()
)

# Words that put a question in the policy's domain. Questions outside the policy are about
# logistics ("where is the printer", "kad ir algas diena"); questions inside it are about saying
# something to someone, somewhere public. A question without any of these words needs a much
# stronger match to be answered (see `QAIndex.match`). Folded prefixes catch inflection
# ("publicēšu", "publiski"); Latvian verb prefixes are tried off too ("pastāstīt" -> "stāstīt").
#
# Media words (social media, platforms, publishing) are in nearly every question, so they also
# count less in retrieval (`MEDIA_WEIGHT`): "on LinkedIn" says where, not what about.
_MEDIA_PREFIXES = (
    "social", "socia", "medij", "media", "tikl", "ierakst", "post", "publi", "share", "reshar",
    "repost", "retweet", "tweet", "twit", "tvit", "dalit", "dalos", "dalies", "dalij", "kopig",
    "facebook", "feisbuk", "insta", "linkedin", "tiktok", "youtube", "snapchat", "reddit",
    "online", "internet", "tiessaist", "website", "forum", "portal", "blog", "vlog", "profil",
    "komentar", "koment", "comment", "atzim", "tematur", "hashtag", "foto", "photo", "pictur",
    "bild", "video", "selfi", "ekranuzn", "screenshot", "zurnalist", "journalist", "reporter",
    "prese", "press", "intervij", "interview", "ietekmetaj", "influencer", "atsauksm", "review",
    "rakst", "writ", "story", "portfolio",
)
_MEDIA_WORDS = frozenset("x ig fb bio tag tags konts kontu konta kontos kontam account accounts".split())
_SPEECH_PREFIXES = (
    "stast", "teikt", "sacit", "minet", "minej", "runa", "speak", "tell", "say", "said",
    "mention", "discuss", "apspried", "sudz", "complain", "kritiz", "critici", "criticiz",
    "jok", "joke", "smie", "laugh", "nirg", "mock", "rant", "vent", "gossip", "baum", "rumo",
    "slave", "praise", "pateik", "thank", "apsvei", "congratul", "zino", "zinot", "report",
    "trauksm", "whistle", "atbild", "repl", "answer", "izteik", "paust", "klus", "quiet",
    "izpaust", "disclos", "noplud", "leak", "reveal", "announc", "pazino", "express",
    "badmouth", "defam", "slander", "neslav", "apmel", "promot", "reklam",
)
_SPEECH_WORDS = frozenset("saku saka".split())
_LV_VERB_PREFIXES = ("pa", "iz", "uz", "pie", "no", "at", "sa", "ap", "ie", "ne")
# Prefixed words whose meaning is not their root's: "pieteikt" is to apply, not to say;
# "noteikumi" are rules; "atteikt" is to refuse, "uzteikt" to quit; "aptieka" a pharmacy.
_NOT_PREFIXED = ("pieteik", "noteik", "atteik", "uzteik", "aptiek")


def _starts(norm: str, prefixes: tuple[str, ...]) -> bool:
    if norm.startswith(prefixes):
        return True
    if norm.startswith(_NOT_PREFIXED):
        return False
    return any(norm.startswith(p) and norm[len(p) :].startswith(prefixes) for p in _LV_VERB_PREFIXES)


def _is_media(norm: str) -> bool:
    return norm in _MEDIA_WORDS or _starts(norm, _MEDIA_PREFIXES)


def _is_speech(norm: str) -> bool:
    return norm in _SPEECH_WORDS or _starts(norm, _SPEECH_PREFIXES)


def _stems(text: str, lang: str) -> list[str]:
    """Content stems of a policy text in its own language (the index side)."""
    return [t.stem for t in tokens(text, lang) if t.norm not in _STOP]  # type: ignore[arg-type]



# ---- the index -------------------------------------------------------------------------------

# How much each part of a clause counts in the clause-level bag (BM25F-style weights): curated
# keywords and example questions are the vocabulary people actually use; the long clause text is
# faithful to the source but wordy.
WEIGHTS = {
    "title": 2.0,
    "summary": 1.5,
    "text": 0.5,
    "allowed": 1.0,
    "not_allowed": 1.0,
    "conditions": 1.0,
    "example_do": 0.5,
    "example_dont": 0.5,
    "keyword": 2.0,
    "question": 1.5,
}
PART_WEIGHT = 0.5  # how much a clause's best single part adds to its bag's score
MEDIA_WEIGHT = 0.7  # a media word ("LinkedIn", "post") in retrieval
NAME_WEIGHT = 2.0  # a client, competitor or code name from the profile
LINK_WEIGHT = 0.25  # how much a matched example question lends its linked sentence

# The combined score a question needs to be answered at all, with and without a domain word.
# Calibrated on policy/eval/questions.yaml, about midway between the best-scoring question out of
# scope and the worst-scoring one in scope (domain: 0 vs 5.3; without: 7.3 vs 18).
THRESHOLD_DOMAIN = 3.0
THRESHOLD_PLAIN = 12.0

_SIDE: dict[str, Stance] = {
    "allowed": "allowed",
    "not_allowed": "not_allowed",
    "conditions": "depends",
    "example_do": "allowed",
    "example_dont": "not_allowed",
}
# Only example questions are linked: a single keyword's nearest sentence is too often a guess.
_LINKED_KINDS = ("question",)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ„“\"])")


def first_sentence(text: Text) -> Text:
    """The first real sentence of a clause text in both languages (quoted when no rule sentence
    of the clause applies). A clause text may open with its heading ("Informācijas aizsardzība."),
    which says nothing on its own: sentences of four words or fewer are skipped."""

    def first(s: str) -> str:
        parts = _SENTENCE_END.split(s.strip())
        return next((p for p in parts if len(p.split()) > 4), parts[0])

    return Text(first(text.lv), first(text.en))


@dataclass(frozen=True)
class Query:
    """A question as the index sees it."""

    terms: dict[str, float]  # index terms (stems, phrases) with weights
    in_domain: bool  # has a media or speech word
    folded: str = ""  # the question folded, for the conditions it states (see `_condition`)


@dataclass(frozen=True)
class Match:
    """What the index found: clauses ranked, and whether the best is good enough."""

    ranked: tuple[tuple[int, float], ...]  # (clause index, score), best first, score > 0
    confident: bool
    part_scores: list[float] = field(repr=False)


@dataclass(frozen=True)
class _Part:
    clause: int  # index into policy.clauses
    kind: str  # a key of WEIGHTS
    pair: int = -1  # an example question's position, the same in its lv and en lists


@dataclass(frozen=True)
class _Sentence:
    clause: int
    stance: Stance
    quote: Text  # for an example: the clause's nearest sentence of the same side


class QAIndex:
    """Build once per policy and profile; `query()`, `match()` and `stance()` are pure."""

    def __init__(self, policy: Policy, profile: Profile) -> None:
        self.policy = policy
        parts: list[_Part] = []
        part_bags: list[dict[str, float]] = []
        clause_bags: list[dict[str, float]] = []
        sentences: list[_Sentence] = []
        sentence_bags: list[dict[str, float]] = []
        examples: list[tuple[int, dict[str, float]]] = []  # (sentence slot, bag) to link later
        for ci, c in enumerate(policy.clauses):
            bag: dict[str, float] = {}
            pairs = len(c.questions.lv) == len(c.questions.en)
            for kind, quote, texts, pos in _parts(c):
                unit: dict[str, float] = {}
                for lang, text in texts:
                    stems = _stems(text, lang)
                    weight = WEIGHTS[kind]
                    if kind == "keyword" and len(stems) > 1:
                        # A phrase keyword counts in full only when the question has the whole
                        # phrase ("darba devējs", "code name"); its words alone count like text.
                        _add(bag, "_".join(stems), weight)
                        weight = WEIGHTS["text"]
                    for st in stems:
                        _add(unit, st, 1.0)
                        _add(bag, st, weight)
                if not unit:
                    continue
                if kind != "text":
                    parts.append(_Part(ci, kind, pos if pairs else -1))
                    part_bags.append(unit)
                if kind in _SIDE:
                    if quote is None:
                        examples.append((len(sentences), unit))
                        quote = Text("", "")  # filled in below
                    sentences.append(_Sentence(ci, _SIDE[kind], quote))
                    sentence_bags.append(unit)
            clause_bags.append(bag)
        self.clauses = BM25(weighted=clause_bags)
        self.parts = BM25(weighted=part_bags)
        self.sentence_index = BM25(weighted=sentence_bags)
        self._parts = parts
        self.vocab = frozenset(t for b in clause_bags for t in b)
        # An example quotes its clause's nearest rule sentence of the same side.
        for slot, unit in examples:
            s = sentences[slot]
            quote = self._nearest(sentences, unit, s.clause, s.stance)
            sentences[slot] = _Sentence(s.clause, s.stance, quote)
        self._sentences = sentences
        # Example questions lend their score to their nearest rule sentence. The lv and en lists
        # are translations of each other, so a pair is linked as one: two wordings agree more
        # often on the right sentence than one.
        joint: dict[tuple[int, int], dict[str, float]] = {}
        for p, bag in zip(parts, part_bags):
            if p.kind in _LINKED_KINDS and p.pair >= 0:
                for t, w in bag.items():
                    _add(joint.setdefault((p.clause, p.pair), {}), t, w)
        self._links: list[int | None] = [
            self._nearest_slot(sentences, joint.get((p.clause, p.pair), bag), p.clause)
            if p.kind in _LINKED_KINDS
            else None
            for p, bag in zip(parts, part_bags)
        ]
        self._names = _profile_terms(profile, self.vocab)

    # -- building helpers ------------------------------------------------------------------------

    def _nearest_slot(
        self, sentences: list[_Sentence], bag: dict[str, float], ci: int, stance: Stance | None = None
    ) -> int | None:
        scores = self.sentence_index.scores(bag)
        best, best_score = None, 0.0
        for j, (s, sc) in enumerate(zip(sentences, scores)):
            if s.clause == ci and s.quote.en and (stance is None or s.stance == stance) and sc > best_score:
                best, best_score = j, sc
        return best

    def _nearest(self, sentences: list[_Sentence], bag: dict[str, float], ci: int, stance: Stance) -> Text:
        j = self._nearest_slot(sentences, bag, ci, stance)
        if j is not None:
            return sentences[j].quote
        clause = self.policy.clauses[ci]
        same = {"allowed": clause.allowed, "not_allowed": clause.not_allowed}.get(stance, clause.conditions)
        return same[0] if same else first_sentence(clause.text)

    # -- per question ----------------------------------------------------------------------------

    def query(self, question: str, lang: Lang) -> Query:
        """The question's index terms. A word is looked up with the stemmer of the question's
        language first, then the other one, so that mixed questions ("vai drīkst reshare ...")
        and English words in Latvian match; then without a Latvian verb prefix ("pasmieties" ->
        "smieties"). Adjacent words also form phrases, which match phrase keywords. Names from
        the profile add what they are ("Rimi" -> client)."""
        other: Lang = "en" if lang == "lv" else "lv"
        terms: dict[str, float] = {}
        seq: list[str] = []
        in_domain = False
        for t in tokens(question, lang):
            if t.norm in _STOP or len(t.norm) < 2 or t.norm.isdigit():
                continue
            is_media = _is_media(t.norm)
            in_domain = in_domain or is_media or _is_speech(t.norm)
            found = next((c for c in _candidates(t.norm, t.stem, other) if c in self.vocab), None)
            if found is None:
                seq.append(t.stem)
                continue
            seq.append(found)
            terms[found] = max(terms.get(found, 0.0), MEDIA_WEIGHT if is_media else 1.0)
        for n in (2, 3):
            for i in range(len(seq) - n + 1):
                phrase = "_".join(seq[i : i + n])
                if phrase in self.vocab:
                    terms[phrase] = 1.0
        folded = fold(question)
        for pattern, extra in self._names:
            if pattern.search(folded):
                for t in extra:
                    terms[t] = NAME_WEIGHT
        return Query(terms, in_domain, folded)

    def match(self, q: Query) -> Match:
        """Clauses ranked by their bag's score plus PART_WEIGHT times their best part's."""
        clause_scores = self.clauses.scores(q.terms)
        part_scores = self.parts.scores(q.terms)
        best_part = [0.0] * len(clause_scores)
        for p, s in zip(self._parts, part_scores):
            best_part[p.clause] = max(best_part[p.clause], s)
        combined = [c + PART_WEIGHT * b for c, b in zip(clause_scores, best_part)]
        ranked = sorted(((i, s) for i, s in enumerate(combined) if s > 0), key=lambda x: -x[1])
        top = ranked[0][1] if ranked else 0.0
        confident = top >= (THRESHOLD_DOMAIN if q.in_domain else THRESHOLD_PLAIN)
        return Match(tuple(ranked), confident, part_scores)

    def stance(self, ci: int, q: Query, m: Match, only: Stance | None = None) -> tuple[Stance, Text]:
        """The stance of clause `ci` on the question and the sentence it rests on: the clause's
        best sentence by its own match plus LINK_WEIGHT times its best linked part's.
        `only` restricts the choice to one side (the review path quotes not_allowed)."""
        direct = self.sentence_index.scores(q.terms)
        evidence = [d for d in direct]
        for p, link, s in zip(self._parts, self._links, m.part_scores):
            if link is not None and p.clause == ci and s > 0:
                evidence[link] = max(evidence[link], direct[link] + LINK_WEIGHT * s)
        best, best_score = None, 0.0
        for s, e in zip(self._sentences, evidence):
            if s.clause == ci and (only is None or s.stance == only) and e > best_score:
                best, best_score = s, e
        if best is None:
            # No sentence of the clause shares a word with the question: the clause applies,
            # and what it means for this case depends on the case.
            clause = self.policy.clauses[ci]
            if only == "not_allowed" and clause.not_allowed:
                return "not_allowed", clause.not_allowed[0]
            return "depends", first_sentence(clause.text)
        if only is not None:
            return best.stance, best.quote
        stance = _condition(best, q.folded)
        if stance == "not_allowed" and best.stance != "not_allowed":
            # The question denies what the allowing sentence requires ("before it is
            # announced"): quote the clause's best forbidding sentence instead, if it has one.
            forbidding = [
                (e, s)
                for s, e in zip(self._sentences, evidence)
                if s.clause == ci and s.stance == "not_allowed" and e > 0
            ]
            if not forbidding:
                return "depends", best.quote
            return "not_allowed", max(forbidding, key=lambda x: x[0])[1].quote
        return stance, best.quote


# Conditions a question states or denies. A sentence that allows something only with someone's
# consent means "it depends" unless the question says the consent is there; one that forbids
# something without consent means "allowed" when the question says it is. An allowing sentence
# about what is already public means "not allowed" for what is not announced yet. Folded text.
_CONSENT = re.compile(
    r"\b(agree|agreed|agrees|consent\w*|signed off|approved|permission|said yes|ok with it"
    r"|piekrit\w*|piekris\w*|vienojies|vienojamies|vienosan\w*|atlauj\w*|atlauts|atlauja|atlava"
    r"|atlavis|nav pret)\b"
)
_NO_CONSENT = re.compile(
    r"\b(without|no|not|bez|nav|ne)\b(\s+\S+){0,2}\s+(their |vinu )?"
    r"(agree|agreed|consent\w*|permission|piekris\w*|atlauj\w*)"
)
_PUBLIC_ONLY = re.compile(
    r"already made public|has been published|already public|jau ir oficiali publiskojis"
    r"|kad tas ir publicets|jau ir publiski"
)
_UNANNOUNCED = re.compile(
    r"\bbefore\b.{0,40}\b(announc|publish|official|release|public)"
    r"|\bnot (yet )?(been )?(announced|published|public)|\bunannounced"
    r"|\bpirms\b.{0,40}(pazino|publice|publisko|oficial)"
    r"|\bvel nav\b.{0,20}(pazinot|publicet|publiskot|oficial)"
)


def _condition(best: _Sentence, folded_question: str) -> Stance:
    """The stance of the best sentence, corrected by a condition the question states."""
    sentence = fold(best.quote.lv + " " + best.quote.en)
    consent_given = bool(_CONSENT.search(folded_question)) and not _NO_CONSENT.search(folded_question)
    if best.stance == "allowed":
        if _PUBLIC_ONLY.search(sentence) and _UNANNOUNCED.search(folded_question):
            return "not_allowed"
        if _CONSENT.search(sentence) and not consent_given:
            return "depends"
    if best.stance == "not_allowed" and _CONSENT.search(sentence) and consent_given:
        return "allowed"
    return best.stance


def _add(bag: dict[str, float], term: str, weight: float) -> None:
    bag[term] = bag.get(term, 0.0) + weight


def _candidates(norm: str, own_stem: str, other: Lang) -> Iterable[str]:
    yield own_stem
    yield stem(norm, other)
    yield norm
    for p in _LV_VERB_PREFIXES:
        # Never "ne": "nedrīkst" must not become "drīkst".
        lexicalised = norm.startswith(_NOT_PREFIXED)
        if p != "ne" and norm.startswith(p) and not lexicalised and len(norm) - len(p) >= 4:
            yield stem(norm[len(p) :], "lv")


def _parts(c: Clause) -> Iterable[tuple[str, Text | None, list[tuple[str, str]], int]]:
    """(kind, quotable sentence, [(lang, text), ...], position) for every part of a clause;
    the position is an example question's place in its list."""
    yield "title", None, [("lv", c.title.lv), ("en", c.title.en)], -1
    yield "summary", None, [("lv", c.summary.lv), ("en", c.summary.en)], -1
    yield "text", None, [("lv", c.text.lv), ("en", c.text.en)], -1
    for kind in ("allowed", "not_allowed", "conditions"):
        for t in getattr(c, kind):
            yield kind, t, [("lv", t.lv), ("en", t.en)], -1
    for kind, examples in (("example_do", c.examples_do), ("example_dont", c.examples_dont)):
        for t in examples:
            yield kind, None, [("lv", t.lv), ("en", t.en)], -1
    for lang in ("lv", "en"):
        for k in c.keywords.get(lang):
            yield "keyword", None, [(lang, k)], -1
        for i, q in enumerate(c.questions.get(lang)):
            yield "question", None, [(lang, q)], i


# ---- the organisation's own names --------------------------------------------------------------

# A question that names one of the organisation's clients, competitors or code names is about
# clients, competitors or confidential plans, even if it never says so ("vai drīkstu minēt Rimi?").
_NAME_KINDS = (
    ("clients", "klienta nosaukums; client name"),
    ("competitors", "konkurents; competitor"),
    ("confidential_terms", "koda nosaukums; code name; konfidenciāls; confidential"),
)


def _profile_terms(profile: Profile, vocab: frozenset[str]) -> list[tuple[re.Pattern[str], list[str]]]:
    """(pattern over folded text, index terms to add) for each name in the profile. The terms
    are phrases of the policy's keywords ("client name"), so they point at the clause about
    them rather than at every clause that mentions clients."""
    out = []
    for attr, phrases in _NAME_KINDS:
        terms = set()
        for phrase in phrases.split(";"):
            for lang in ("lv", "en"):
                term = "_".join(_stems(phrase, lang))
                if term in vocab:
                    terms.add(term)
        for name in getattr(profile, attr):
            if name.strip():
                out.append((re.compile(r"\b" + re.escape(fold(name)) + r"\b"), sorted(terms)))
    return out
