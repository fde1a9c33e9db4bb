"""The Q&A engine's index: which clause a question is about, and which of its sentences.

Two BM25 indexes (`policy.bm25`) over the same policy, built once:

- retrieval: every clause as a weighted bag of stems of its title, summary, text, allowed /
  not_allowed / conditions sentences, examples, curated `keywords` and example `questions`, in
  both languages (`clauses`); and the same parts one by one (`parts`), so that a question that
  is close to one example question or keyword is not drowned by a long clause. A clause's score
  is its bag's score plus half its best part's.
- stance (`policy.qa_stance`): the allowed / not_allowed / conditions sentences and examples
  alone. Inside the best clause the best-matching sentence decides the stance. Example questions
  are linked at build time to a sentence of their clause, read the way a user's question is, so a
  question worded like an example question inherits that sentence even when it shares no word
  with it.

A question is read into index terms (`query`): stems looked up in both languages, Latvian verb
forms and prefixes tried off, unknown words matched to a known stem they start with, adjacent
words as phrases, the policy's own words for what people write (`policy.qa_synonyms`), and the
profile's names. Its qualifiers (`policy.qa_cues`) lean the clause ranking where they name a
topic (a harsh word about customers: the clause that protects customers) and the stance.

Negation: stems keep the "ne-" prefix ("nedrīkst" never becomes "drīkst"). Modal words ("may",
"drīkstu", "nedrīkst", "allowed") are left out of matching altogether: every clause has both
polarities, so the words of the question's *action* decide, not how the question is phrased.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

from policy.bm25 import BM25
from policy.model import Clause, Lang, Policy, Profile, Stance, Text
from policy.qa_cues import Cues, merge_cues, read_cues
from policy.qa_scope import asks_about_saying, is_admin, is_internal_errand
from policy.qa_stance import RULE_KINDS, SIDE, ExampleQuestion, Sentence, Stances
from policy.qa_synonyms import CONCEPTS, TARGETS
from policy.qa_vocab import (
    MEDIA_WORDS,
    NEGATION,
    OTHER_ACCOUNT,
    PREFIX_MIN,
    PREFIX_REST,
    STOP,
    STRONG_MEDIA,
    candidates,
    is_media,
    is_speech,
    starts,
    stems,
    strip_frames,
    term,
)
from policy.text import fold, stem, tokens

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
CONCEPT_WEIGHT = 0.6  # the policy's own word for what the question says otherwise (qa_synonyms)
TARGET_PRIOR = 3.0  # a harsh question about people: the clause that forbids being harsh about them
# Cues that name a topic (cue, side, the policy's words for it): something not announced yet is
# about the clause that forbids disclosing it; one's own pay, the clause that allows mentioning
# it; reporting inside the company, the clause that asks for it.
_CUE_TOPICS = (
    ("unannounced", "not_allowed", "announced paziņoti"),
    ("own", "allowed", "salary algu"),
    ("internal", "allowed", "report ziņot"),
)

# The combined score a question needs to be answered at all, with and without a domain word.
# Calibrated on the tuning, held-out 1 and 2 and development sets, about midway between the
# best-scoring question out of scope and the worst-scoring one in scope: with a domain word,
# 0 vs 5.3; with only everyday-sense ones (share, photo, tell), 4.5 (probes) vs 5.9; without,
# 11.5 vs 13.5 (the curated vocabulary has grown since the first calibration, 7.3 vs 18).
THRESHOLD_DOMAIN = 3.0
THRESHOLD_WEAK = 5.0
THRESHOLD_PLAIN = 12.5
# A question that asks for permission or advice about saying or showing something to someone
# (`policy.qa_scope`) is in scope in the policy's sense whatever its words; it needs only some
# match to know which clause. Workplace admin without a word for "in public" needs the plain one.
THRESHOLD_ASK = 1.5

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
    strong_domain: bool = True  # has a media word that means "in public" on its own
    folded: str = ""  # the question folded, for the conditions it states
    cues: Cues = field(default_factory=Cues)  # how the question qualifies the act (qa_cues)
    concepts: frozenset[str] = frozenset()  # terms only the concepts added (qa_synonyms)
    targets: frozenset[str] = frozenset()  # the policy's stems for the people the question names
    asks: bool = False  # asks for permission or advice about saying something (qa_scope)
    admin: bool = False  # workplace admin: leave, pay dates, shifts, IT, facilities (qa_scope)
    errand: bool = False  # an internal tool or errand, no public platform named (qa_scope)


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
    lang: str = ""  # the language of a keyword or an example question


class QAIndex:
    """Build once per policy and profile; `query()`, `match()` and `stance()` are pure."""

    def __init__(self, policy: Policy, profile: Profile) -> None:
        self.policy = policy
        parts: list[_Part] = []
        part_bags: list[dict[str, float]] = []
        clause_bags: list[dict[str, float]] = []
        sentences: list[Sentence] = []
        sentence_bags: list[dict[str, float]] = []
        examples: list[int] = []  # sentence slots of example posts, quoted by their rule sentence
        pairs: dict[tuple[int, int], list[tuple[int, str]]] = {}  # (clause, pair) -> [(part, text)]
        for ci, c in enumerate(policy.clauses):
            bag: dict[str, float] = {}
            paired = len(c.questions.lv) == len(c.questions.en)
            for kind, quote, texts, pos in _parts(c):
                unit: dict[str, float] = {}
                for lang, text in texts:
                    words = stems(text, lang)
                    weight = WEIGHTS[kind]
                    if kind == "keyword" and len(words) > 1:
                        # A phrase keyword counts in full only when the question has the whole
                        # phrase ("darba devējs", "code name"); its words alone count like text.
                        _add(bag, "_".join(words), weight)
                        weight = WEIGHTS["text"]
                    for st in words:
                        _add(unit, st, 1.0)
                        _add(bag, st, weight)
                if not unit:
                    continue
                if kind != "text":
                    if kind == "question":
                        # The lv and en lists are translations of each other: a pair is linked
                        # to its sentence as one, two wordings agree more often than one.
                        key = (ci, pos if paired else -len(parts) - 1)
                        pairs.setdefault(key, []).append((len(parts), texts[0][1]))
                    parts.append(_Part(ci, kind, pos if paired else -1, texts[0][0]))
                    part_bags.append(unit)
                if kind in SIDE:
                    if quote is None:
                        examples.append(len(sentences))
                        quote = Text("", "")  # filled in below
                    sentences.append(Sentence(ci, kind, quote))
                    sentence_bags.append(unit)
            clause_bags.append(bag)
        self.clauses = BM25(weighted=clause_bags)
        self.parts = BM25(weighted=part_bags)
        self._parts = parts
        self.vocab = frozenset(t for b in clause_bags for t in b)
        self._single_terms = frozenset(t for t in self.vocab if "_" not in t)
        # An example post quotes its clause's nearest rule sentence of the same side.
        plain = BM25(weighted=sentence_bags)
        for slot in examples:
            s = sentences[slot]
            sentences[slot] = Sentence(s.clause, s.kind, self._nearest(plain, sentences, sentence_bags[slot], s))
        self._names = _profile_terms(profile, self.vocab)
        self._concepts = _concept_terms(self.vocab)
        # Example questions are read as a user's question would be (candidates, concepts, cues),
        # so that each is linked to the sentence a user asking it should get.
        linked = []
        for (ci, _), members in pairs.items():
            joint: dict[str, float] = {}
            cues = []
            for part, text in members:
                q = self.query(text, "lv" if parts[part].lang == "lv" else "en")
                for t, w in q.terms.items():
                    _add(joint, t, w)
                cues.append(q.cues)
            merged = cues[0] if len(cues) == 1 else merge_cues(cues[0], cues[1])
            linked.append(ExampleQuestion(ci, tuple(p for p, _ in members), joint, merged))
        self.stances = Stances.build(sentences, sentence_bags, linked)
        # The words of each clause's sentences by side: whom and what the clause protects
        # (not_allowed), and what it allows.
        self._side_terms = {
            side: [
                frozenset(t for s, b in zip(sentences, sentence_bags) if s.clause == ci and s.kind == side for t in b)
                for ci in range(len(policy.clauses))
            ]
            for side in ("allowed", "not_allowed")
        }
        self._topics = [
            (cue, side, frozenset(term(stem(fold(w), lang)) for w in words.split() for lang in ("lv", "en")))
            for cue, side, words in _CUE_TOPICS
        ]

    # -- building helpers ------------------------------------------------------------------------

    def _nearest(
        self, plain: BM25, sentences: list[Sentence], bag: dict[str, float], example: Sentence
    ) -> Text:
        """The rule sentence of the example's clause and side that shares most words with it."""
        scores = plain.scores(bag)
        best, best_score = None, 0.0
        for s, sc in zip(sentences, scores):
            same = s.clause == example.clause and s.kind in RULE_KINDS and s.stance == example.stance
            if same and sc > best_score:
                best, best_score = s, sc
        if best is not None:
            return best.quote
        clause = self.policy.clauses[example.clause]
        side = {"allowed": clause.allowed, "not_allowed": clause.not_allowed}.get(example.stance, clause.conditions)
        return side[0] if side else first_sentence(clause.text)

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
        in_domain = strong = speech = False
        folded = fold(question)
        # "bankas konts", "e-mail account": an account that is not on social media.
        other_account = bool(OTHER_ACCOUNT.search(folded))
        for t in tokens(strip_frames(question), lang):
            if t.norm in NEGATION:
                seq.append("")  # "darbā nav kārtībā" is not "darba kārtība": no phrase across it
            if t.norm in STOP or len(t.norm) < 2 or t.norm.isdigit():
                continue
            media = is_media(t.norm) and not (other_account and t.norm in MEDIA_WORDS)
            speech = speech or is_speech(t.norm)
            in_domain = in_domain or media or speech
            strong = strong or (media and starts(t.norm, STRONG_MEDIA))
            found = next((c for c in map(term, candidates(t.norm, t.stem, other)) if c in self.vocab), None)
            if found is None:
                found = self._known_prefix(t.norm)
            if found is None:
                seq.append(t.stem)
                continue
            seq.append(found)
            terms[found] = max(terms.get(found, 0.0), MEDIA_WEIGHT if media else 1.0)
        for n in (2, 3):
            for i in range(len(seq) - n + 1):
                if "" in seq[i : i + n]:
                    continue
                phrase = "_".join(seq[i : i + n])
                if phrase in self.vocab:
                    terms[phrase] = 1.0
        concepts = set()
        targets: set[str] = set()
        for pattern, extra, is_target in self._concepts:
            if pattern.search(folded):
                if is_target:
                    targets.update(extra)
                for t in extra:
                    if t not in terms:
                        terms[t] = CONCEPT_WEIGHT
                        concepts.add(t)
            elif is_target and any(t in terms for t in extra):
                targets.update(extra)  # named in the policy's own words ("competitor")
        for pattern, extra in self._names:
            if pattern.search(folded):
                for t in extra:
                    terms[t] = NAME_WEIGHT
        cues = replace(read_cues(question), public=strong)
        # Being harsh about people the policy protects is in its domain, said anywhere.
        in_domain = in_domain or bool(cues.harm and targets)
        asks = asks_about_saying(folded, speech)
        admin = is_admin(folded) and not strong
        errand = is_internal_errand(folded)
        return Query(
            terms, in_domain, strong, folded, cues, frozenset(concepts), frozenset(targets), asks, admin, errand
        )

    def _known_prefix(self, norm: str) -> str | None:
        """The longest known stem an unknown word starts with ("produkcija" -> "produk"), if
        it is long enough and little of the word is left over; None otherwise."""
        if not norm.isalpha():
            return None
        for k in range(len(norm) - 1, max(PREFIX_MIN, len(norm) - PREFIX_REST) - 1, -1):
            if norm[:k] in self._single_terms:
                return norm[:k]
        return None

    def match(self, q: Query, prior: Mapping[int, float] | None = None) -> Match:
        """Clauses ranked by their bag's score plus PART_WEIGHT times their best part's, plus
        `prior` (clause index -> score, from what the review engine found in the question). A
        prior also puts the question in the domain: the review engine only flags posts. Without
        a domain word, the question's own words must clear the higher threshold: terms added by
        concepts rank the clauses but do not make an off-topic question confident."""
        combined, part_scores = self._combined(q.terms)
        internal = q.cues.internal
        for ci, extra in (prior or {}).items():
            # Raising a problem inside the company is about that, whatever the problem is.
            combined[ci] += 0.0 if internal else extra
        # A cue that names a topic: the clause whose sentences of that side are about it.
        topics = [
            (side, words)
            for cue, side, words in self._topics
            if getattr(q.cues, cue) and (cue == "internal" or not internal)
        ]
        if q.cues.harm and q.targets and not internal:
            topics.append(("not_allowed", q.targets))
        for side, words in topics:
            for ci, side_terms in enumerate(self._side_terms[side]):
                if combined[ci] > 0 and words & side_terms:
                    combined[ci] += TARGET_PRIOR
        ranked = sorted(((i, s) for i, s in enumerate(combined) if s > 0), key=lambda x: -x[1])
        top = ranked[0][1] if ranked else 0.0
        # Workplace admin stays strict unless it is also about posting: a review finding in the
        # question ("sick leave" reads like a health fact) does not make an HR question ours.
        if q.errand:
            confident = False  # "post the minutes on SharePoint", "share my screen in a Teams call"
        elif q.admin and not (prior and q.in_domain):
            own, _ = self._combined({t: w for t, w in q.terms.items() if t not in q.concepts})
            confident = max(own, default=0.0) >= THRESHOLD_PLAIN
        elif prior or (q.in_domain and q.strong_domain):
            confident = top >= THRESHOLD_DOMAIN
        elif q.asks:
            confident = top >= THRESHOLD_ASK
        elif q.in_domain:
            confident = top >= THRESHOLD_WEAK
        else:
            if q.concepts:
                own, _ = self._combined({t: w for t, w in q.terms.items() if t not in q.concepts})
                top = max(own, default=0.0)
            confident = top >= THRESHOLD_PLAIN
        return Match(tuple(ranked), confident, part_scores)

    def _combined(self, terms: Mapping[str, float]) -> tuple[list[float], list[float]]:
        clause_scores = self.clauses.scores(terms)
        part_scores = self.parts.scores(terms)
        best_part = [0.0] * len(clause_scores)
        for p, s in zip(self._parts, part_scores):
            best_part[p.clause] = max(best_part[p.clause], s)
        return [c + PART_WEIGHT * b for c, b in zip(clause_scores, best_part)], part_scores

    def stance(
        self, ci: int, q: Query, m: Match, only: Stance | None = None, flagged: bool = False
    ) -> tuple[Stance, Text]:
        """The stance of clause `ci` on the question and the sentence it rests on (see
        `policy.qa_stance`). `only` restricts the choice to one side (the review path quotes
        not_allowed); `flagged` says the review engine found a serious problem of this clause in
        the question itself."""
        chosen = self.stances.choose(ci, q.terms, m.part_scores, q.cues, q.folded, flagged, only)
        if chosen is not None:
            return chosen
        # No sentence of the clause shares a word with the question and no cue points anywhere:
        # the clause applies, and what it means for this case depends on the case.
        clause = self.policy.clauses[ci]
        if only == "not_allowed" and clause.not_allowed:
            return "not_allowed", clause.not_allowed[0]
        return "depends", first_sentence(clause.text)


def _add(bag: dict[str, float], key: str, weight: float) -> None:
    bag[key] = bag.get(key, 0.0) + weight


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
                phrase_term = "_".join(stems(phrase, lang))
                if phrase_term in vocab:
                    terms.add(phrase_term)
        for name in getattr(profile, attr):
            if name.strip():
                out.append((re.compile(r"\b" + re.escape(fold(name)) + r"\b"), sorted(terms)))
    return out


def _concept_terms(vocab: frozenset[str]) -> list[tuple[re.Pattern[str], list[str], bool]]:
    """(pattern over folded text, the policy's stems for it, names people) for each concept of
    `policy.qa_synonyms`; a word of the policy is stemmed in both languages, and the stems the
    index knows are kept."""
    out = []
    for words, pattern in CONCEPTS:
        policy_terms = {term(stem(fold(w), lang)) for w in words.split() for lang in ("lv", "en")}
        known = sorted(t for t in policy_terms if t in vocab)
        if known:
            out.append((re.compile(pattern), known, words in TARGETS))
    return out
