""""Can I post this?": grounded answers to questions about the policy.

`Answerer(policy, profile, reviewer).ask(question) -> Answer`, pure and synchronous. The index
(`policy.qa_index`) is built once in the constructor; a question is then answered in about a
millisecond.

How a question is answered:

1. Language: `policy.text.detect_language` (mixed text -> the dominant language; Latvian typed
   without diacritics is still Latvian).
2. Draft: a question that carries a post ("can I post this: ...", «...», a text on the next
   line) is handed to the review engine and the answer is built from its findings.
3. Signals: any other question goes through the review engine too, because "can I post that
   our CEO is incompetent?" contains the post it asks about. Each finding is a retrieval prior
   for its clause, and a high-severity one leans the stance to not_allowed unless the question
   states an exception (own pay, already public, consent, raising it internally).
4. Retrieval and stance: `policy.qa_index` reads the question (stems, the policy's concepts for
   people's words, `policy.qa_cues` qualifiers), ranks the clauses, says whether the best one
   matches well enough, and `policy.qa_stance` picks inside it the allowed / not_allowed /
   conditions sentence the question is about; that sentence is quoted and decides the stance.
   When the question is in scope, the learned clause ranker (`policy.qa_model`) may re-order
   the clauses first (`MODEL_WEIGHT`), and the learned stance reader (`policy.qa_stance_model`),
   given the question and the rules' reading of it, has the last word on the stance; when it
   differs, the clause's best sentence of its stance is quoted.
5. Wording (`policy.qa_wording`): the stance as a label ("Not allowed:", "Atļauts:"), the quote
   with clause and version, and the next step of the quoted sentence.
6. Below the confidence threshold the answer is `not_covered`: no citation, and whom to ask.
"""
from __future__ import annotations

import re
from typing import Protocol

from policy.model import Answer, Citation, Lang, Policy, Profile, Review, Stance, Text
from policy.qa_index import Match, QAIndex, Query
from policy.qa_scope import PLATFORMS
from policy.qa_scope_model import OUT_THRESHOLD
from policy.qa_stance_model import Reading
from policy.qa_wording import SAY, default_step, next_step
from policy.text import detect_language, fold


# How much a finding of the review engine in the question adds to its clause's retrieval score
# (clause scores of answered questions run from about 5 to 25).
FINDING_PRIOR: dict[str, float] = {"high": 8.0, "medium": 4.0}


# (The learned scope model's threshold, OUT_THRESHOLD, is in policy/qa_scope_model.py.)

# The learned clause ranker's weight in the clause choice (`policy.qa_model.fuse`: BM25 over the
# best BM25 score plus this times the model's log-probability). 0 turns the model off. Chosen by
# `python -m policy.qa_model cv` (5 grouped folds, 385 questions, the rules in-sample): top-1 /
# stance 90.4% / 87.7% without the model, 91.4% / 87.4% at 0.15 (the best top-1; 0.2 gives
# 91.2% / 87.4%, 0.5 88.1% / 85.8%). On questions_holdout4, the one set never tuned on by hand,
# out of fold: 78.8% / 75.8% -> 81.8% / 74.2% at 0.15 (84.8% / 77.3% at 0.2).
MODEL_WEIGHT = 0.15


class ReviewerLike(Protocol):
    def review(self, draft: str) -> Review: ...


class RankerLike(Protocol):
    """A clause ranker: log-probabilities of `clauses` for a question (`policy.qa_model`)."""

    clauses: tuple[str, ...]

    def log_probs(self, question: str) -> list[float]: ...


class StanceLike(Protocol):
    """The stance, given the rules' reading of the question (`policy.qa_stance_model`)."""

    def stance(self, question: str, rules: Reading) -> Stance: ...


class ScopeLike(Protocol):
    """P(the question is not about the policy at all) (`policy.qa_scope_model`)."""

    def p_out(self, question: str) -> float: ...


# ---- drafts inside questions -----------------------------------------------------------------

# A lead-in that points at a post: "can I post this:", "vai šis ir ok:", "is the following fine".
_DRAFT_CUE = re.compile(
    r"\b(this|these|following|below|post|tweet|caption|comment|text|draft|"
    r"so|sis|sadu|sads|sekojos\w*|zemak\w*|ierakst\w*|publicet|publice\w*|tekst\w*|"
    r"komentar\w*|melnrakst\w*)\b"
)
# A rest that is itself a question is not a draft ("Question about posting: can I ...?").
_QUESTION_START = re.compile(
    r"^(can|could|may|am|is|are|do|does|should|what|how|who|why|when|where|vai|ka|ko|kas|"
    r"kad|kur|kapec|drikst|drikstu|var|varu)\b"
)
_QUOTED = re.compile(r"«([^»]+)»|„([^“”\"]+)[“”\"]|“([^”]+)”|\"([^\"]+)\"")
_MIN_DRAFT_WORDS = 3
_LONG_QUOTE_WORDS = 6  # a quote this long is a draft even without a lead-in


def _words(s: str) -> int:
    return len(s.split())


def _unquote(s: str) -> str:
    s = s.strip()
    m = _QUOTED.fullmatch(s)
    return next(g for g in m.groups() if g is not None).strip() if m else s.strip("'\"“”„«» ")


def _lead_points_at_post(lead: str) -> bool:
    return _words(lead) <= 14 and bool(_DRAFT_CUE.search(fold(lead)))


def _looks_like_post(rest: str) -> bool:
    rest = _unquote(rest)
    if _words(rest) < _MIN_DRAFT_WORDS:
        return False
    return not (rest.rstrip().endswith("?") and _QUESTION_START.match(fold(rest.strip())))


def extract_draft(question: str) -> str | None:
    """The draft post a question carries, or None.

    Recognised: a lead-in pointing at a post followed by a colon or a new line ("can I post
    this: ...", "vai drīkstu publicēt šo: «...»", "is this ok?\\n<post>"), a post followed by
    such a question on its last line, and a long quotation («...», "...", „...“).
    """
    q = question.strip()
    lines = [ln for ln in q.splitlines() if ln.strip()]
    if len(lines) > 1:
        lead, rest = lines[0], "\n".join(lines[1:])
        if _lead_points_at_post(lead) and _looks_like_post(rest):
            return _unquote(rest)
        lead, rest = lines[-1], "\n".join(lines[:-1])
        if lead.rstrip().endswith("?") and _lead_points_at_post(lead) and _looks_like_post(rest):
            return _unquote(rest)
    colon = q.find(":")
    if colon > 0:
        lead, rest = q[:colon], q[colon + 1 :]
        if _lead_points_at_post(lead) and _looks_like_post(rest):
            return _unquote(rest)
    quotes = [next(g for g in m.groups() if g is not None) for m in _QUOTED.finditer(q)]
    if quotes:
        longest = max(quotes, key=_words)
        if _words(longest) >= _LONG_QUOTE_WORDS:
            return longest.strip()
    return None


# ---- the answerer ----------------------------------------------------------------------------


class Answerer:
    """Answers questions over one policy and profile; build once, then `ask()` per question."""

    def __init__(
        self,
        policy: Policy,
        profile: Profile,
        reviewer: ReviewerLike,
        ranker: RankerLike | None = None,
        model_weight: float = MODEL_WEIGHT,
        scope_model: ScopeLike | None | bool = True,
        stance_model: StanceLike | None | bool = True,
    ) -> None:
        """`ranker` defaults to the shipped `policy.qa_model` when `model_weight` > 0; it is used
        only when it ranks exactly this policy's clauses (a model trained on another policy's
        clauses would re-order the wrong ones)."""
        self.policy = policy
        self.profile = profile
        self.reviewer = reviewer
        if ranker is None and model_weight > 0:
            from policy.qa_model import default_model

            ranker = default_model()
        usable = ranker is not None and tuple(ranker.clauses) == policy.clause_ids and model_weight > 0
        self.ranker = ranker if usable else None
        self.model_weight = model_weight
        # A learned second reading of scope (policy.qa_scope_model): True means the shipped one,
        # None or False none.
        if scope_model is True:
            from policy.qa_scope_model import default_model as default_scope_model

            scope_model = default_scope_model()
        self.scope_model = scope_model or None
        # A learned second reading of the stance (policy.qa_stance_model): True means the shipped
        # one, None or False none.
        if stance_model is True:
            from policy.qa_stance_model import default_model as default_stance_model

            stance_model = default_stance_model()
        self.stance_model = stance_model or None
        # A draft inside a question gets the same review as `/review` (model fallback included);
        # the question's own words are read by the rules only: the model was trained on posts.
        self.question_reviewer = reviewer.rules_only() if hasattr(reviewer, "rules_only") else reviewer
        self.index = QAIndex(policy, profile)
        self._clause_index = {c.id: i for i, c in enumerate(policy.clauses)}
        # Whom to ask when the policy has no answer: the profile's contact, else the owner.
        self._whom = profile.contact or policy.owner

    def ask(self, question: str) -> Answer:
        """Answer one question in its own language; see the module docstring for the steps."""
        lang = detect_language(question)
        draft = extract_draft(question)
        if draft is not None:
            return self._answer_draft(draft, lang, question)
        q, m, flagged = self.retrieve(question, lang)
        if not m.confident or self._learned_out_of_scope(question, q, flagged):
            ranked = tuple((self.policy.clauses[i].id, round(s, 4)) for i, s in m.ranked)
            text = SAY["not_covered"][lang].format(version=self.policy.version, whom=self._whom)
            return Answer(text, "not_covered", lang, self.policy.version, (), None, ranked)
        order, quote, rules = self._rules(question, q, m, flagged)
        ranked = tuple((self.policy.clauses[i].id, round(s, 4)) for i, s in order)
        ci = order[0][0]
        stance = rules.stance
        clause = self.policy.clauses[ci]
        if self.stance_model is not None:
            read = self.stance_model.stance(question, rules)
            if read != stance:
                # The clause's best sentence of the model's stance is quoted; a clause with no
                # sentence of that side keeps the rules' answer.
                other = self.index.stance(ci, q, m, only=read)
                if other[0] == read:
                    stance, quote = other
        text = " ".join(
            (
                SAY[stance][lang],
                SAY["basis"][lang].format(
                    version=self.policy.version, title=clause.title.get(lang), quote=quote.get(lang)
                ),
                SAY["next"][lang].format(step=next_step(stance, quote, lang, self._whom)),
            )
        )
        citation = Citation(clause.id, self.policy.version, quote.get(lang))
        return Answer(text, stance, lang, self.policy.version, (citation,), None, ranked)

    def rules_reading(self, question: str) -> "Reading | None":
        """The rules' stance on a question without a draft, in the clause they rank first, or None
        when they find it out of scope (what `policy.qa_stance_model` learns from)."""
        q, m, flagged = self.retrieve(question, detect_language(question))
        if not m.confident or self._learned_out_of_scope(question, q, flagged):
            return None
        return self._rules(question, q, m, flagged)[2]

    def _rules(
        self, question: str, q: Query, m: Match, flagged: frozenset[int]
    ) -> tuple[list[tuple[int, float]], Text, Reading]:
        """For an in-scope question: the ranked clauses, and the rules' quote and reading in the
        first one."""
        order = self.rank(question, m)
        ci = order[0][0]
        stance, quote = self.index.stance(ci, q, m, flagged=ci in flagged)
        return order, quote, Reading(stance, self.policy.clauses[ci].id, q.cues, ci in flagged)

    def _learned_out_of_scope(self, question: str, q: Query, flagged: frozenset[int]) -> bool:
        """The scope model overrules an in-scope reading when it is sure the question is not
        about social media, unless the question names a public platform, carries a serious
        problem the review engine flags ("can I tweet that my boss is an idiot?"), or is about
        raising a problem or harm at work, which internal-first answers ("my manager bullies me,
        what do I do?")."""
        if self.scope_model is None or flagged or PLATFORMS.search(q.folded):
            return False
        if q.cues.internal or q.cues.harm:
            return False
        return self.scope_model.p_out(question) >= OUT_THRESHOLD

    def retrieve(self, question: str, lang: Lang) -> tuple[Query, Match, frozenset[int]]:
        """The rules' reading of a question: its query, the clauses BM25 and the cues rank (with
        the scope decision), and the clauses the review engine flags in it."""
        q = self.index.query(question, lang)
        prior, flagged = self._signals(question)
        return q, self.index.match(q, prior), flagged

    def rank(self, question: str, m: Match) -> list[tuple[int, float]]:
        """The clauses of an in-scope question, best first: the rules' ranking, re-ordered by the
        learned ranker when there is one (`policy.qa_model.fuse`)."""
        if self.ranker is None or not m.ranked:
            return list(m.ranked)
        from policy.qa_model import fuse

        return fuse(m.ranked, self.ranker.log_probs(question), self.model_weight)

    def _signals(self, question: str) -> tuple[dict[int, float], frozenset[int]]:
        """What the review engine finds in the question itself: "can I post that our CEO is
        incompetent?" carries the post it asks about. Each finding's clause gets a retrieval
        prior (by severity); a high-severity finding also leans the stance to not_allowed,
        unless the question states an exception (see `policy.qa_stance.side_bonus`)."""
        prior: dict[int, float] = {}
        flagged: set[int] = set()
        for f in self.question_reviewer.review(question).findings:
            ci = self._clause_index.get(f.clause)
            if ci is None:
                continue
            prior[ci] = max(prior.get(ci, 0.0), FINDING_PRIOR[f.severity])
            if f.severity == "high":
                flagged.add(ci)
        return prior, frozenset(flagged)

    def _answer_draft(self, draft: str, lang: Lang, question: str = "") -> Answer:
        """The review engine's verdict on the draft, told in the question's language, citing the
        clauses of its findings (high severity first)."""
        review = self.reviewer.review(draft)
        stance: Stance = _STANCE_OF_VERDICT[review.verdict]
        citations: list[Citation] = []
        for f in sorted(review.findings, key=lambda f: (f.severity != "high", f.start)):
            if any(c.clause == f.clause for c in citations):
                continue
            quote = self._finding_quote(f.clause, f"{f.excerpt} {f.message}", lang)
            citations.append(Citation(f.clause, self.policy.version, quote.get(lang)))
        if review.verdict == "ok":
            # Nothing against the policy, but the answer still says which clause the post is
            # about and quotes what that clause allows, so "allowed" is grounded like any other.
            q = self.index.query(question or draft, lang)
            m = self.index.match(q)
            parts = [SAY["draft_ok"][lang].format(version=self.policy.version)]
            if m.confident:
                clause = self.policy.clauses[m.ranked[0][0]]
                quote = self.index.stance(m.ranked[0][0], q, m, only="allowed")[1].get(lang)
                citations.append(Citation(clause.id, self.policy.version, quote))
                parts.append(SAY["basis"][lang].format(version=self.policy.version, title=clause.title.get(lang), quote=quote))
            parts.append(SAY["next"][lang].format(step=default_step("allowed", lang, self._whom)))
            text = " ".join(parts)
        else:
            parts = [SAY[f"draft_{review.verdict}"][lang]]
            if citations:
                first = self.policy.clause(citations[0].clause)
                parts.append(
                    SAY["basis"][lang].format(
                        version=self.policy.version, title=first.title.get(lang), quote=citations[0].quote
                    )
                )
            found = "draft_found_one" if len(review.findings) == 1 else "draft_found"
            parts.append(SAY[found][lang].format(count=len(review.findings)))
            text = " ".join(parts)
        ranked = tuple((c.clause, 0.0) for c in citations)
        return Answer(text, stance, lang, self.policy.version, tuple(citations), review, ranked)

    def _finding_quote(self, clause_id: str, evidence: str, lang: Lang) -> Text:
        """The not_allowed sentence of the clause closest to a finding's words."""
        ci = self.policy.clause_ids.index(clause_id)
        q = self.index.query(evidence, lang)
        m = self.index.match(q)
        return self.index.stance(ci, q, m, only="not_allowed")[1]


# "Can I post this?" asks about the draft as written: one that needs revising may not be posted as
# it is ("Not as it is: revise the draft first"), so it is not_allowed like one that must not be
# posted at all; the verdict and the findings say how far off it is. (Outsiders label it so: of 52
# labelled questions carrying a draft, none was "depends"; 12 of the revise verdicts were
# labelled not_allowed.)
_STANCE_OF_VERDICT: dict[str, Stance] = {"do_not_post": "not_allowed", "revise": "not_allowed", "ok": "allowed"}
