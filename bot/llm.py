"""The optional model layer: rewrites an already-decided answer in natural words.

The engine decides stance and citation; a model may only reword. Anything doubtful — an error, a
timeout, a 429, non-JSON, another stance, the quote not kept word for word — and the engine's own
answer stands. Off unless `POLICYBOT_LLM_MODEL` is set.
"""
from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path
from string import Template
from typing import Protocol

from policy.model import Answer, Policy

log = logging.getLogger(__name__)
PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
MAX_ANSWER = 1200
LANGUAGE_NAMES = {"lv": "Latvian", "en": "English"}


class Model(Protocol):
    """One method: the model's text for a system and a user message."""

    async def complete(self, system: str, user: str) -> str: ...


class OpenAIModel:
    """OpenAI, Azure OpenAI or any OpenAI-compatible server (Ollama, vLLM, LiteLLM) via base_url."""

    def __init__(self, model: str, api_key: str | None, base_url: str | None, timeout: float) -> None:
        from openai import AsyncOpenAI

        # One retry at most: the answer is useful without the model, a slow one is not.
        self.client = AsyncOpenAI(api_key=api_key or "not-needed", base_url=base_url, timeout=timeout, max_retries=1)
        self.model = model

    async def complete(self, system: str, user: str) -> str:
        response = await self.client.chat.completions.create(
            model=self.model,
            temperature=0,
            messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
        )
        return response.choices[0].message.content or ""


def render_prompt(name: str, **values: str) -> str:
    """Fill `prompts/<name>.md`; a missing variable is an error, not an empty string."""
    template = Template((PROMPTS / f"{name}.md").read_text(encoding="utf-8"))
    return template.substitute(values)


class Polisher:
    """Rewords the engine's answers to questions; never its verdicts on drafts."""

    def __init__(self, model: Model, policy: Policy, company: str) -> None:
        self.model = model
        self.policy = policy
        self.company = company

    async def polish(self, question: str, answer: Answer) -> Answer:
        if answer.stance == "not_covered" or not answer.citations or answer.review is not None:
            return answer
        citation = answer.citations[0]
        clause = self.policy.clause(citation.clause)
        lang = answer.language
        values = dict(
            company=self.company, version=self.policy.version, language_name=LANGUAGE_NAMES[lang],
            stance=answer.stance, clause=clause.id, clause_title=clause.title.get(lang),
            clause_text=clause.text.get(lang), quote=citation.quote, answer=answer.answer, question=question,
        )
        try:
            raw = await self.model.complete(render_prompt("answer.system", **values), render_prompt("answer.user", **values))
        except Exception as exc:  # the engine's answer stands; no question text in the log
            log.warning("model unavailable, using the engine's answer: %s", type(exc).__name__)
            return answer
        text = accept(raw, answer.stance, citation.quote)
        return replace(answer, answer=text) if text else answer


def accept(raw: str, stance: str, quote: str) -> str | None:
    """The model's answer if it keeps the decision and the quote; None otherwise."""
    raw = raw.strip()
    if raw.startswith("```"):  # some models fence JSON despite being asked not to
        raw = raw.strip("`").removeprefix("json").strip()
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("stance") != stance:
        return None
    text = data.get("answer")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_ANSWER or quote not in text:
        return None
    return text.strip()
