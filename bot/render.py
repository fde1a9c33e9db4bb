"""Plain-text renderings of verdicts, answers, cases and the policy summary.

Every `Reply.text` is built here, so an adapter that shows only text still shows the whole answer;
Slack and Teams render the structured parts with blocks and cards of their own.
"""
from __future__ import annotations

from policy.model import Answer, Policy, Review

from bot.messages import CaseCard
from bot.texts import STATUS, t

VERDICT_KEY = {"ok": "verdict_ok", "revise": "verdict_revise", "do_not_post": "verdict_do_not_post"}


def verdict_line(review: Review) -> str:
    return t(VERDICT_KEY[review.verdict], review.language)


def review_text(review: Review, policy: Policy) -> str:
    """The verdict first, then each finding: the words, the clause, why and the fix."""
    lang = review.language
    lines = [verdict_line(review)]
    for f in review.findings:
        title = policy.clause(f.clause).title.get(lang)
        lines.append("")
        lines.append("• " + t("finding", lang, excerpt=f.excerpt, title=title, clause=f.clause, version=review.policy_version))
        lines.append(f"  {t('why', lang)}: {f.message}")
        lines.append(f"  {t('fix', lang)}: {f.suggestion}")
    if review.findings:
        lines.append("")
        lines.append(t("policy_version", lang, version=review.policy_version))
    return "\n".join(lines)


def answer_text(answer: Answer, policy: Policy) -> str:
    """The answer as the engine wrote it; the quote and clause follow when it cites one."""
    lines = [answer.answer]
    if answer.review is not None and answer.review.findings:
        lines.append("")
        lines.append(review_text(answer.review, policy))
    return "\n".join(lines)


def policy_text(policy: Policy, lang: str) -> str:
    lines = [t("policy_header", lang, title=policy.title.get(lang), version=policy.version, effective=policy.effective.isoformat())]
    for i, c in enumerate(policy.clauses, 1):
        lines.append(f"{i}. {c.title.get(lang)} ({c.id}) — {c.summary.get(lang)}")
    lines.append(t("policy_footer", lang))
    return "\n".join(lines)


def clause_text(policy: Policy, clause_id: str, lang: str) -> str:
    c = policy.clause(clause_id)
    return f"{c.title.get(lang)} ({c.id}, v{policy.version})\n\n{c.text.get(lang)}"


def case_text(card: CaseCard, lang: str) -> str:
    """A case as its reader may see it: content only when the card carries it (leaders)."""
    status = STATUS.get(card.status, {}).get(lang, card.status)
    lines = [t("case_status", lang, case_id=card.case_id, status=status, created=card.created)]
    lines.append(f"{card.category} · {card.reporter}")
    if card.text is not None:
        lines += ["", card.text]
    if card.link:
        lines.append(card.link)
    if card.messages:
        lines.append("")
        lines += [f"[{when}] {who}: {text}" for who, when, text in card.messages]
    elif card.text is None:
        lines.append(t("case_no_replies", lang))
    return "\n".join(lines)
