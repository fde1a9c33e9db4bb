"""Cases: reports to leadership, from submission to purge. Synchronous; async callers use
`asyncio.to_thread`.

Decisions worth knowing:
- A report and its notifications are written in one transaction; the case id exists for the
  reporter only after the commit, so an acknowledged report is never lost.
- Leaders are configured per platform. A report notifies the leaders of the reporter's platform;
  if that platform has none, every leader of every platform (a report must reach someone).
- Anonymous reports keep nothing about the reporter, not even the platform. Named reporters are
  stored encrypted and matched by a keyed hash (pseudonymised on receipt, as Latvian law asks).
- The idempotency key is scoped to the reporter, so only the same person repeating the same
  platform event gets the earlier case back — with the same receipt, which is derived from the
  key (a retried anonymous submission whose first answer was lost still learns its receipt).
- Only `open` decrypts the report; other leader actions return the case without its text, so
  less report content ends up in chat history.
- Refused leader actions are audited without the person's id: a reporter who tries a leader
  command on their own anonymous case must not be identified by it.
"""
from __future__ import annotations

import hmac
import json
import logging
from datetime import datetime, timedelta
from typing import Any, Callable, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from sqlalchemy import Connection, Row, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from bot.escalation.crypto import Cipher, hash_receipt, new_receipt, verify_receipt
from bot.escalation.model import InvalidReport, NewReport, NotAllowed, NotFound, Person, Submitted, utcnow
from bot.escalation.store import Store
from bot.escalation.tables import audit_log, case_counter, case_messages, cases, outbox
from bot.messages import CaseCard

__all__ = ["Cases", "NotFound", "NotAllowed", "InvalidReport"]

log = logging.getLogger(__name__)

MAX_TEXT = 4000
MAX_LINK = 2000
PREFIX = "SM"
LEADERSHIP = "leadership"  # how a reporter sees the author of a reply
REFUSED = "not-a-leader"  # the audit log's actor for refused leader actions


class Cases:
    """The case service over one `Store`. Build once; thread-safe (each call is a transaction)."""

    def __init__(
        self,
        store: Store,
        leaders: Mapping[str, frozenset[str]],
        cipher: Cipher,
        categories: Sequence[str],
        clock: Callable[[], datetime] = utcnow,
        *,
        ack_days: int = 7,
        feedback_days: int = 60,
        retention_days: int = 90,
        undelivered_after: timedelta = timedelta(hours=1),
        key_retention: timedelta = timedelta(days=1),
    ) -> None:
        self.store = store
        self.leaders = {platform: frozenset(ids) for platform, ids in leaders.items() if ids}
        self.cipher = cipher
        self.categories = tuple(categories)
        self.clock = clock
        self.ack_after = timedelta(days=ack_days)
        self.feedback_after = timedelta(days=feedback_days)
        self.retention = timedelta(days=retention_days)
        self.undelivered_after = undelivered_after
        self.key_retention = key_retention
        if not self.leaders:
            log.warning("no leaders are configured: reports will be stored but notify nobody")

    # ---- reporters ---------------------------------------------------------------------------

    def submit(self, report: NewReport, *, key: str | None = None) -> Submitted:
        """Store the report and one notification per leader in one transaction. With `key` (the
        platform's event id) a repeated submission returns the first case, marked duplicate."""
        text, link = self._validate(report)
        scope = f"{report.reporter.ref}:{key}" if key else None
        submission_key = self.cipher.pseudonym("submission:" + scope) if scope else None
        receipt = None
        if report.anonymous:
            receipt = self.cipher.derive_receipt(scope) if scope else new_receipt()
        if submission_key and (earlier := self._submitted(submission_key, receipt)):
            return earlier
        receipt_hash = hash_receipt(receipt) if receipt else None  # slow: outside the write lock
        recipients = self._route(report.reporter.platform)
        now = self.clock()
        try:
            with self.store.write() as conn:
                # Checked again under the write lock: a retry may have raced us since.
                if submission_key and (earlier := self._submitted(submission_key, receipt, conn)):
                    return earlier
                case_id = self._next_id(conn, now.year)
                named = not report.anonymous
                conn.execute(insert(cases).values(
                    id=case_id, category=report.category, status="new", anonymous=report.anonymous,
                    created=now, text_enc=self.cipher.encrypt(text, context=f"{case_id}:text"),
                    link_enc=self.cipher.encrypt(link, context=f"{case_id}:link") if link else None,
                    reporter_ref=self._reporter_ref(report.reporter) if named else None,
                    reporter_enc=self._encrypt_person(case_id, report.reporter) if named else None,
                    receipt_hash=receipt_hash, submission_key=submission_key,
                ))
                self._enqueue(conn, case_id, "new_case", report.category, now, recipients)
                self._audit(conn, "reporter", "submit", case_id)
        except IntegrityError:
            # PostgreSQL: a concurrent retry of the same submission committed first.
            if submission_key and (earlier := self._submitted(submission_key, receipt)):
                return earlier
            raise
        log.info("case %s submitted; %d notification(s) queued", case_id, len(recipients))
        return Submitted(case_id, receipt, duplicate=False)

    def status(self, case_id: str, *, person: Person | None = None, receipt: str | None = None) -> CaseCard:
        """The reporter's view: status and leadership's replies. For the named reporter (by
        `person`) or whoever holds the anonymous case's receipt; NotAllowed otherwise."""
        case_id = _normal_id(case_id)
        with self.store.read() as conn:
            row = self._row(conn, case_id)
            messages = self._messages(conn, case_id)
        allowed = (
            person is not None and row.reporter_ref is not None
            and hmac.compare_digest(row.reporter_ref, self._reporter_ref(person))
        ) or (receipt is not None and row.receipt_hash is not None and verify_receipt(receipt, row.receipt_hash))
        if not allowed:
            raise NotAllowed(f"Case {case_id} can be followed only by its reporter (anonymous reports: with the receipt).")
        with self.store.write() as conn:
            self._audit(conn, "reporter", "status", case_id)
        return CaseCard(
            case_id=case_id, category=row.category, status=row.status, created=_iso(row.created),
            reporter="anonymous" if row.anonymous else self._person(row).name or "you",
            messages=tuple((LEADERSHIP, _iso(m.created), self._decrypt_message(m)) for m in messages),
        )

    # ---- leaders -----------------------------------------------------------------------------

    def is_leader(self, person: Person) -> bool:
        return person.id in self.leaders.get(person.platform, frozenset())

    def open(self, case_id: str, leader: Person) -> CaseCard:
        """The whole case, decrypted, for a leader; the opening is audited."""
        case_id = self._leader_only(leader, "open", case_id)
        with self.store.write() as conn:
            row = self._row(conn, case_id)
            messages = self._messages(conn, case_id)
            self._audit(conn, leader.ref, "open", case_id)
        return self._card(row, messages, with_text=True)

    def acknowledge(self, case_id: str, leader: Person) -> CaseCard:
        """Tell the system (and the reminders) that leadership has seen the case."""
        case_id = self._leader_only(leader, "acknowledge", case_id)
        with self.store.write() as conn:
            row = self._open_row(conn, case_id)
            if row.status == "new":
                conn.execute(update(cases).where(cases.c.id == case_id).values(status="acknowledged", acknowledged=self.clock()))
            self._audit(conn, leader.ref, "acknowledge", case_id)
            row, messages = self._row(conn, case_id), self._messages(conn, case_id)
        return self._card(row, messages)

    def reply(self, case_id: str, leader: Person, text: str) -> CaseCard:
        """A message to the reporter. A named reporter is notified through the outbox; an
        anonymous one reads it with `status` and the receipt. Replying also acknowledges."""
        body = _checked_text(text, "Write a reply: it cannot be empty.")
        case_id = self._leader_only(leader, "reply", case_id)
        now = self.clock()
        with self.store.write() as conn:
            row = self._open_row(conn, case_id)
            conn.execute(insert(case_messages).values(
                case_id=case_id, author=leader.ref, author_name=leader.name, created=now,
                text_enc=self.cipher.encrypt(body, context=f"{case_id}:message"),
            ))
            conn.execute(update(cases).where(cases.c.id == case_id).values(
                status="acknowledged", acknowledged=row.acknowledged or now, answered=row.answered or now,
            ))
            if not row.anonymous:
                reporter = self._person(row)
                self._enqueue(conn, case_id, "reply", row.category, row.created, [(reporter.platform, reporter.id)])
            self._audit(conn, leader.ref, "reply", case_id)
            row, messages = self._row(conn, case_id), self._messages(conn, case_id)
        return self._card(row, messages)

    def close(self, case_id: str, leader: Person, outcome: str) -> CaseCard:
        """Close with an outcome (kept encrypted, for leaders; reply to tell the reporter)."""
        body = _checked_text(outcome, "Describe the outcome: it cannot be empty.")
        case_id = self._leader_only(leader, "close", case_id)
        with self.store.write() as conn:
            self._open_row(conn, case_id)
            conn.execute(update(cases).where(cases.c.id == case_id).values(
                status="closed", closed=self.clock(), outcome_enc=self.cipher.encrypt(body, context=f"{case_id}:outcome"),
            ))
            self._audit(conn, leader.ref, "close", case_id)
            row, messages = self._row(conn, case_id), self._messages(conn, case_id)
        return self._card(row, messages)

    def list_open(self, leader: Person) -> list[CaseCard]:
        """Cases not closed, oldest first, without their text."""
        self._leader_only(leader, "list", None)
        with self.store.write() as conn:
            rows = conn.execute(select(cases).where(cases.c.status != "closed").order_by(cases.c.created, cases.c.id)).all()
            self._audit(conn, leader.ref, "list", None)
        return [self._card(row, ()) for row in rows]

    # ---- housekeeping ------------------------------------------------------------------------

    def remind(self) -> int:
        """Queue the reminders that are due; returns how many notifications were queued. Each
        reminder is sent once per case, kind and recipient however often this runs."""
        now = self.clock()
        queued = 0
        with self.store.write() as conn:
            due = [
                ("reminder_unacknowledged", cases.c.status == "new", self.ack_after),
                ("reminder_feedback", (cases.c.status != "closed") & cases.c.answered.is_(None), self.feedback_after),
            ]
            for kind, condition, after in due:
                for row in conn.execute(select(cases.c.id, cases.c.category, cases.c.created).where(condition, cases.c.created <= now - after)).all():
                    added = self._enqueue(conn, row.id, kind, row.category, row.created, self._case_leaders(conn, row.id), dedup=kind)
                    if added:
                        self._audit(conn, "system", kind, row.id)
                    queued += added
            # A notification failing for long: tell the other leaders, so one broken channel
            # cannot hide a case. Once per failing row and leader.
            stuck = select(outbox).where(
                outbox.c.delivered.is_(None), outbox.c.kind != "undelivered", outbox.c.enqueued <= now - self.undelivered_after
            )
            for row in conn.execute(stuck).all():
                others = [r for r in self._all_leaders() if r != (row.platform, row.recipient)]
                queued += self._enqueue(conn, row.case_id, "undelivered", row.category, row.case_created, others, dedup=f"undelivered:{row.id}")
        return queued

    def purge(self) -> int:
        """Delete closed cases past the retention period with their messages and notifications
        (the audit log keeps its rows, which hold no content); forget old submission keys."""
        now = self.clock()
        with self.store.write() as conn:
            ids = conn.execute(select(cases.c.id).where(cases.c.status == "closed", cases.c.closed <= now - self.retention)).scalars().all()
            for chunk in _chunks(ids, 500):
                conn.execute(delete(outbox).where(outbox.c.case_id.in_(chunk)))
                conn.execute(delete(case_messages).where(case_messages.c.case_id.in_(chunk)))
                conn.execute(delete(cases).where(cases.c.id.in_(chunk)))
            for case_id in ids:
                self._audit(conn, "system", "purge", case_id)
            conn.execute(update(cases).where(cases.c.submission_key.is_not(None), cases.c.created <= now - self.key_retention).values(submission_key=None))
        if ids:
            log.info("purged %d closed case(s)", len(ids))
        return len(ids)

    # ---- inside ------------------------------------------------------------------------------

    def _validate(self, report: NewReport) -> tuple[str, str | None]:
        # The router maps a message that mentions "link" to the link field, anything else to text.
        if report.category not in self.categories:
            raise InvalidReport("Choose a category from the list.")
        text = _checked_text(report.text, "Describe what happened: the text is required.")
        link = (report.link or "").strip() or None
        if link is not None:
            if len(link) > MAX_LINK:
                raise InvalidReport(f"The link is too long (at most {MAX_LINK} characters).")
            parts = urlsplit(link)
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in link):
                raise InvalidReport("The link must be a web address starting with http:// or https://.")
        return text, link

    def _leader_only(self, person: Person, action: str, case_id: str | None) -> str:
        case_id = _normal_id(case_id) if case_id is not None else ""
        if not self.is_leader(person):
            with self.store.write() as conn:
                self._audit(conn, REFUSED, f"refused:{action}", case_id or None)
            raise NotAllowed("Only the people who handle reports can do this.")
        return case_id

    def _submitted(self, submission_key: str, receipt: str | None, conn: Connection | None = None) -> Submitted | None:
        query = select(cases.c.id, cases.c.anonymous).where(cases.c.submission_key == submission_key)
        if conn is None:
            with self.store.read() as own:
                row = own.execute(query).first()
        else:
            row = conn.execute(query).first()
        if row is None:
            return None
        return Submitted(row.id, receipt if row.anonymous else None, duplicate=True)

    def _next_id(self, conn: Connection, year: int) -> str:
        """SM-<year>-<n>: one counter row per year, incremented atomically in this transaction
        (the upsert takes the row lock on PostgreSQL; SQLite holds the write lock anyway)."""
        dialect_insert = pg_insert if self.store.dialect == "postgresql" else sqlite_insert
        statement = (
            dialect_insert(case_counter).values(year=year, last=1)
            .on_conflict_do_update(index_elements=[case_counter.c.year], set_={"last": case_counter.c.last + 1})
            .returning(case_counter.c.last)
        )
        return f"{PREFIX}-{year}-{conn.execute(statement).scalar_one():04d}"

    def _enqueue(
        self, conn: Connection, case_id: str, kind: str, category: str, created: datetime,
        recipients: Iterable[tuple[str, str]], dedup: str | None = None,
    ) -> int:
        """Outbox rows, one per recipient; with `dedup`, at most one per case, dedup, recipient."""
        now = self.clock()
        rows = [
            dict(
                case_id=case_id, kind=kind, category=category, case_created=created, platform=platform,
                recipient=recipient, enqueued=now, next_at=now, attempts=0,
                dedup=f"{case_id}:{dedup}:{platform}:{recipient}" if dedup else None,
            )
            for platform, recipient in recipients
        ]
        if not rows:
            return 0
        if dedup is None:
            conn.execute(insert(outbox), rows)
            return len(rows)
        dialect_insert = pg_insert if self.store.dialect == "postgresql" else sqlite_insert
        added = 0
        for row in rows:
            # Count with RETURNING: rowcount of an INSERT is not reliable on every driver.
            statement = dialect_insert(outbox).values(**row).on_conflict_do_nothing(index_elements=[outbox.c.dedup])
            added += len(conn.execute(statement.returning(outbox.c.id)).all())
        return added

    def _route(self, platform: str) -> list[tuple[str, str]]:
        own = self.leaders.get(platform)
        return sorted((platform, leader) for leader in own) if own else self._all_leaders()

    def _all_leaders(self) -> list[tuple[str, str]]:
        return sorted((platform, leader) for platform, ids in self.leaders.items() for leader in ids)

    def _case_leaders(self, conn: Connection, case_id: str) -> list[tuple[str, str]]:
        """Who was told of the case and still leads; everyone if none of them does."""
        told = conn.execute(
            select(outbox.c.platform, outbox.c.recipient).where(outbox.c.case_id == case_id, outbox.c.kind == "new_case")
        ).all()
        current = sorted({(p, r) for p, r in told if r in self.leaders.get(p, frozenset())})
        return current or self._all_leaders()

    def _audit(self, conn: Connection, actor: str, action: str, case_id: str | None) -> None:
        conn.execute(insert(audit_log).values(at=self.clock(), actor=actor, action=action, case_id=case_id))

    def _row(self, conn: Connection, case_id: str) -> Row[Any]:
        row = conn.execute(select(cases).where(cases.c.id == case_id)).first()
        if row is None:
            raise NotFound(f"There is no case {case_id}.")
        return row

    def _open_row(self, conn: Connection, case_id: str) -> Row[Any]:
        row = self._row(conn, case_id)
        if row.status == "closed":
            raise NotAllowed(f"Case {case_id} is closed.")
        return row

    def _messages(self, conn: Connection, case_id: str) -> Sequence[Row[Any]]:
        return conn.execute(select(case_messages).where(case_messages.c.case_id == case_id).order_by(case_messages.c.id)).all()

    def _card(self, row: Row[Any], messages: Iterable[Row[Any]], *, with_text: bool = False) -> CaseCard:
        """A leader's view of the case; the report text and link only when opened."""
        if row.anonymous:
            reporter = "anonymous"
        else:
            person = self._person(row)
            reporter = f"{person.name} ({person.ref})" if person.name else person.ref
        return CaseCard(
            case_id=row.id, category=row.category, status=row.status, created=_iso(row.created), reporter=reporter,
            text=self.cipher.decrypt(row.text_enc, context=f"{row.id}:text") if with_text else None,
            link=self.cipher.decrypt(row.link_enc, context=f"{row.id}:link") if with_text and row.link_enc else None,
            messages=tuple((m.author_name or m.author, _iso(m.created), self._decrypt_message(m)) for m in messages),
        )

    def _decrypt_message(self, message: Row[Any]) -> str:
        return self.cipher.decrypt(message.text_enc, context=f"{message.case_id}:message")

    def _reporter_ref(self, person: Person) -> str:
        return self.cipher.pseudonym("reporter:" + person.ref)

    def _encrypt_person(self, case_id: str, person: Person) -> bytes:
        data = json.dumps({"platform": person.platform, "id": person.id, "name": person.name})
        return self.cipher.encrypt(data, context=f"{case_id}:reporter")

    def _person(self, row: Row[Any]) -> Person:
        return Person(**json.loads(self.cipher.decrypt(row.reporter_enc, context=f"{row.id}:reporter")))


def _checked_text(text: str, empty_message: str) -> str:
    body = (text or "").strip()
    if not body:
        raise InvalidReport(empty_message)
    if len(body) > MAX_TEXT:
        raise InvalidReport(f"The text is too long: at most {MAX_TEXT} characters (this one has {len(body)}).")
    return body


def _normal_id(case_id: str) -> str:
    return case_id.strip().upper()


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
