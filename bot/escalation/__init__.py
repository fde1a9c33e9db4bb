"""The escalation core: private reports to leadership, platform-neutral.

- model: Person, NewReport, Submitted and the user-safe exceptions
- store + tables + migrations/: SQLAlchemy 2 on SQLite or PostgreSQL, Alembic at open
- crypto: report text encrypted at rest, pseudonyms, receipts
- cases: the Cases service (submit, leader flow, reporter status, reminders, purge, audit)
- outbox + notifiers: notifications written with the case and delivered by workers
"""
