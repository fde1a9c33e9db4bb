"""Everything the bot runs on, built once from `Settings`: engine, store, cases, router.

Adapters receive a `Services` and add their own notifier to `notifiers`; the server starts the
outbox worker over all of them.
"""
from __future__ import annotations

import logging
from datetime import timedelta
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from policy.engine import Engine

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.escalation.cases import Cases
    from bot.escalation.notifiers import Notifier
    from bot.escalation.store import Store
    from bot.router import Router

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    engine: Engine
    store: "Store"
    cases: "Cases"
    router: "Router"
    notifiers: dict[str, "Notifier"] = field(default_factory=dict)

    @classmethod
    def build(cls, settings: Settings) -> "Services":
        """Load the policy (a bad file stops start-up with its line), open the database and
        apply migrations, and set up the report cipher (a dev key is generated if none)."""
        from bot.escalation.cases import Cases
        from bot.escalation.crypto import Cipher
        from bot.escalation.notifiers import FileNotifier
        from bot.escalation.store import Store
        from bot.platform_state import record_feedback
        from bot.router import Router

        engine = Engine.load(settings.policy_path, settings.profile_path)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        store = Store.open(settings.database_url)
        cipher = Cipher.from_settings(settings.report_key, settings.data_dir, settings.production)
        cases = Cases(
            store,
            settings.leaders,
            cipher,
            categories=engine.policy.clause_ids + ("other",),
            ack_days=settings.ack_days,
            feedback_days=settings.feedback_days,
            retention_days=settings.retention_days,
            undelivered_after=timedelta(minutes=settings.outbox_warn_minutes),
        )
        polisher = None
        if settings.llm:
            from bot.llm import OpenAIModel, Polisher

            model = OpenAIModel(settings.llm.model, settings.llm.api_key, settings.llm.base_url, settings.llm.timeout)
            polisher = Polisher(model, engine.policy, engine.profile.name)
            log.info("model layer on: %s (answers are reworded, never decided, by it)", settings.llm.model)
        router = Router(engine, cases, feedback=lambda clause, version: record_feedback(store, clause, version),
                        polisher=polisher)
        notifiers: dict[str, Notifier] = {"console": FileNotifier(settings.data_dir / "notifications.log")}
        return cls(settings, engine, store, cases, router, notifiers)
