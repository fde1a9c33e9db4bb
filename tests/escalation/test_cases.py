"""Cases on a real store (SQLite and PostgreSQL): submission, privacy, leader flow, deadlines,
retention, audit."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from bot.escalation.cases import Cases, InvalidReport, NotAllowed, NotFound
from bot.escalation.crypto import RECEIPT_ALPHABET, Cipher
from bot.escalation.model import Person
from bot.escalation.outbox import Outbox
from bot.escalation.store import Store
from bot.escalation.tables import audit_log, outbox
from tests.escalation.helpers import (
    CATEGORIES, LEADERS, REPORTER, SLACK_LEADER, FakeClock, RecordingNotifier, all_rows, as_text, report,
)

CANARY = "CANARY-7f3a9c-do-not-log"


def audit(store: Store) -> list[tuple[str, str, str | None]]:
    with store.read() as conn:
        return [(r.actor, r.action, r.case_id) for r in conn.execute(select(audit_log).order_by(audit_log.c.id))]


def outbox_rows(store: Store, kind: str | None = None) -> list:
    query = select(outbox).order_by(outbox.c.id)
    if kind:
        query = query.where(outbox.c.kind == kind)
    with store.read() as conn:
        return conn.execute(query).all()


# ---- submission -------------------------------------------------------------------------------


def test_case_ids_are_sequential_per_year(cases: Cases, clock: FakeClock) -> None:
    ids = [cases.submit(report()).case_id for _ in range(3)]
    assert ids == ["SM-2026-0001", "SM-2026-0002", "SM-2026-0003"]
    clock.advance(days=365)
    assert cases.submit(report()).case_id == "SM-2027-0001"


def test_a_report_notifies_each_leader_of_its_platform_in_the_same_transaction(cases: Cases, store: Store) -> None:
    submitted = cases.submit(report())
    rows = outbox_rows(store)
    assert {(r.platform, r.recipient, r.kind, r.case_id) for r in rows} == {
        ("slack", "UL1", "new_case", submitted.case_id), ("slack", "UL2", "new_case", submitted.case_id),
    }


def test_a_platform_without_leaders_notifies_every_leader(store: Store, cipher: Cipher, clock: FakeClock) -> None:
    cases = Cases(store, {"slack": frozenset({"UL1"}), "console": frozenset({"leader"})}, cipher, CATEGORIES, clock)
    cases.submit(report(reporter=Person("teams", "someone")))
    assert {(r.platform, r.recipient) for r in outbox_rows(store)} == {("slack", "UL1"), ("console", "leader")}


def test_resubmission_with_the_same_key_returns_the_first_case(cases: Cases, store: Store) -> None:
    first = cases.submit(report(), key="Ev123")
    again = cases.submit(report(), key="Ev123")
    assert again == type(first)(first.case_id, None, duplicate=True)
    anonymous = cases.submit(report(anonymous=True), key="Ev456")
    anonymous_again = cases.submit(report(anonymous=True), key="Ev456")
    # The retry learns the same receipt: the first answer may never have reached the reporter.
    assert (anonymous_again.case_id, anonymous_again.receipt, anonymous_again.duplicate) == (
        anonymous.case_id, anonymous.receipt, True)
    # The key is scoped to the reporter: someone else's event with that id is another case.
    other = cases.submit(report(reporter=Person("slack", "UOTHER")), key="Ev123")
    assert other.case_id != first.case_id and not other.duplicate
    assert len(all_rows(store)["cases"]) == 3
    assert len(outbox_rows(store)) == 6  # no second notification for a duplicate


def test_concurrent_submissions_get_unique_gapless_ids(cases: Cases) -> None:
    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = list(pool.map(lambda i: cases.submit(report(f"report {i}")).case_id, range(36)))
    assert sorted(ids) == [f"SM-2026-{n:04d}" for n in range(1, 37)]


def test_concurrent_retries_of_one_submission_make_one_case(cases: Cases, store: Store) -> None:
    barrier = threading.Barrier(4)

    def submit(_: int):
        barrier.wait()
        return cases.submit(report(anonymous=True), key="same-event")

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(submit, range(4)))
    assert len({r.case_id for r in results}) == 1
    assert len({r.receipt for r in results}) == 1
    assert sorted(r.duplicate for r in results) == [False, True, True, True]
    assert len(all_rows(store)["cases"]) == 1


@pytest.mark.parametrize(
    ("change", "mentions"),
    [
        (dict(category="nope"), "category"),
        (dict(text="   "), "text is required"),
        (dict(text="x" * 4001), "at most 4000"),
        (dict(link="ftp://example.com/x"), "link"),
        (dict(link="javascript:alert(1)"), "link"),
        (dict(link="https://"), "link"),
        (dict(link="www.example.com/post"), "link"),
        (dict(link="https://example.com/" + "a" * 2000), "link"),
    ],
)
def test_invalid_reports_are_refused_with_a_clear_message(cases: Cases, store: Store, change: dict, mentions: str) -> None:
    values = dict(text="A report", link=None, category="c1") | change
    with pytest.raises(InvalidReport) as caught:
        cases.submit(report(**values))
    assert mentions in str(caught.value).lower()
    assert "aaaa" not in str(caught.value) and "xxxx" not in str(caught.value)  # never echoes input
    if mentions != "link":
        assert "link" not in str(caught.value).lower()  # the router maps "link" messages to that field
    assert all_rows(store)["cases"] == []


def test_a_valid_link_and_the_longest_text_are_accepted(cases: Cases) -> None:
    submitted = cases.submit(report("y" * 4000, link="https://www.linkedin.com/posts/x?utm=1"))
    card = cases.open(submitted.case_id, SLACK_LEADER)
    assert card.link == "https://www.linkedin.com/posts/x?utm=1" and len(card.text or "") == 4000


# ---- privacy ----------------------------------------------------------------------------------


def test_an_anonymous_case_stores_nothing_that_identifies_the_reporter(cases: Cases, store: Store) -> None:
    reporter = Person("slack", "U0SECRET42", "Sandra Secret")
    submitted = cases.submit(report(anonymous=True, reporter=reporter), key="Ev-anon-1")
    cases.reply(submitted.case_id, SLACK_LEADER, "Thank you, we are looking into it.")
    cases.status(submitted.case_id, receipt=submitted.receipt)
    assert submitted.receipt and len(submitted.receipt) == 19
    assert set(submitted.receipt.replace("-", "")) <= set(RECEIPT_ALPHABET)
    for table, rows in all_rows(store).items():
        for row in rows:
            for column, value in row.items():
                for secret in ("U0SECRET42", "Sandra Secret", submitted.receipt, submitted.receipt.replace("-", ""), "Ev-anon-1"):
                    assert secret not in as_text(value), f"{secret!r} found in {table}.{column}"
    card = cases.open(submitted.case_id, SLACK_LEADER)
    assert card.reporter == "anonymous"
    assert not outbox_rows(store, "reply")  # nobody to notify: the reporter comes back with the receipt


def test_a_named_reporter_is_pseudonymised_and_shown_to_leaders_only(cases: Cases, store: Store) -> None:
    submitted = cases.submit(report(reporter=REPORTER))
    case_row = all_rows(store)["cases"][0]
    assert not any(REPORTER.id in as_text(v) or "Rita" in as_text(v) for v in case_row.values())
    assert cases.open(submitted.case_id, SLACK_LEADER).reporter == "Rita Reporter (slack:UREPORTER7)"
    assert submitted.receipt is None


def test_report_text_replies_and_outcome_are_encrypted_at_rest(cases: Cases, store: Store, tmp_path: Path) -> None:
    submitted = cases.submit(report(f"text {CANARY}", link=f"https://example.com/{CANARY}", reporter=REPORTER))
    cases.reply(submitted.case_id, SLACK_LEADER, f"reply {CANARY}")
    cases.close(submitted.case_id, SLACK_LEADER, f"outcome {CANARY}")
    for table, rows in all_rows(store).items():
        for row in rows:
            assert not any(CANARY in as_text(v) for v in row.values()), table
    if store.dialect == "sqlite":
        database = Path(store.engine.url.database or "")
        for path in (database, Path(f"{database}-wal")):
            if path.exists():
                assert CANARY.encode() not in path.read_bytes(), path
    card = cases.open(submitted.case_id, SLACK_LEADER)
    assert CANARY in (card.text or "") and CANARY in (card.link or "") and CANARY in card.messages[0][2]


def test_a_different_key_cannot_read_the_reports(cases: Cases, store: Store, clock: FakeClock) -> None:
    submitted = cases.submit(report())
    other = Cases(store, LEADERS, Cipher.from_key(Cipher.generate_key()), CATEGORIES, clock)
    with pytest.raises(ValueError, match="POLICYBOT_REPORT_KEY"):
        other.open(submitted.case_id, SLACK_LEADER)


# ---- leaders ----------------------------------------------------------------------------------


def test_only_leaders_open_a_case_and_every_opening_is_audited(cases: Cases, store: Store) -> None:
    submitted = cases.submit(report(f"text {CANARY}"))
    for outsider in (REPORTER, Person("teams", "UL1"), Person("console", "UL1"), Person("slack", "ul1")):
        with pytest.raises(NotAllowed):
            cases.open(submitted.case_id, outsider)
    with pytest.raises(NotAllowed):  # no oracle: a non-leader learns nothing, not even existence
        cases.open("SM-2026-9999", REPORTER)
    card = cases.open(submitted.case_id.lower(), SLACK_LEADER)
    assert card.text == f"text {CANARY}" and card.status == "new"
    with pytest.raises(NotFound):
        cases.open("SM-2026-9999", SLACK_LEADER)
    rows = audit(store)
    assert rows[0] == ("reporter", "submit", submitted.case_id)
    assert rows.count(("not-a-leader", "refused:open", submitted.case_id)) == 4
    assert ("slack:UL1", "open", submitted.case_id) in rows
    # The audit log never names who was refused (it could be the reporter of an anonymous case).
    assert not any(REPORTER.id in actor for actor, _, _ in rows)


def test_leader_flow_acknowledge_reply_close(cases: Cases, store: Store) -> None:
    submitted = cases.submit(report())
    card = cases.acknowledge(submitted.case_id, SLACK_LEADER)
    assert card.status == "acknowledged" and card.text is None  # only `open` decrypts the report
    card = cases.reply(submitted.case_id, SLACK_LEADER, "We are on it.")
    assert card.messages[0][0] == "Lee" and card.messages[0][2] == "We are on it."
    assert [c.case_id for c in cases.list_open(SLACK_LEADER)] == [submitted.case_id]
    card = cases.close(submitted.case_id, SLACK_LEADER, "Post removed; training scheduled.")
    assert card.status == "closed"
    assert cases.list_open(SLACK_LEADER) == []
    with pytest.raises(NotAllowed, match="closed"):
        cases.reply(submitted.case_id, SLACK_LEADER, "again")
    with pytest.raises(InvalidReport):
        cases.reply(submitted.case_id, SLACK_LEADER, "  ")
    with pytest.raises(NotAllowed):
        cases.list_open(REPORTER)
    actions = [(actor, action) for actor, action, _ in audit(store)]
    for action in ("acknowledge", "reply", "list", "close"):
        assert ("slack:UL1", action) in actions


async def test_a_reply_reaches_the_named_reporter_through_the_outbox(cases: Cases, store: Store, clock: FakeClock) -> None:
    submitted = cases.submit(report(f"text {CANARY}", reporter=Person("teams", "29:reporter-id", "Rita")))
    cases.reply(submitted.case_id, SLACK_LEADER, f"reply {CANARY}")
    notifier = RecordingNotifier()
    assert await Outbox(store, {"teams": notifier}, clock=clock).deliver_due() == 2
    assert [(n.kind, n.platform, n.recipient, n.case_id) for n in notifier.notices] == [
        ("new_case", "teams", "teams-lead", submitted.case_id),
        ("reply", "teams", "29:reporter-id", submitted.case_id),
    ]
    card = cases.status(submitted.case_id, person=Person("teams", "29:reporter-id"))
    assert card.messages[0][0] == "leadership" and card.messages[0][2] == f"reply {CANARY}"
    assert card.text is None and "Lee" not in repr(card) and "UL1" not in repr(card)


def test_the_receipt_opens_the_reporters_view_and_nothing_else_does(cases: Cases, store: Store) -> None:
    first = cases.submit(report(anonymous=True))
    second = cases.submit(report(anonymous=True))
    cases.reply(first.case_id, SLACK_LEADER, "Can you tell us when it was posted?")
    assert first.receipt and second.receipt
    card = cases.status(first.case_id, receipt=first.receipt)
    assert card.status == "acknowledged" and card.messages[0][2] == "Can you tell us when it was posted?"
    assert card.reporter == "anonymous" and card.text is None
    assert cases.status(first.case_id, receipt=first.receipt.lower().replace("-", " ")).case_id == first.case_id
    wrong = first.receipt[:-1] + ("2" if first.receipt[-1] != "2" else "3")
    for attempt in (dict(receipt=wrong), dict(receipt=second.receipt), dict(), dict(person=REPORTER), dict(receipt="")):
        with pytest.raises(NotAllowed):
            cases.status(first.case_id, **attempt)
    with pytest.raises(NotFound):
        cases.status("SM-2026-0404", receipt=first.receipt)


def test_the_named_reporter_follows_their_case_without_a_receipt(cases: Cases) -> None:
    submitted = cases.submit(report(reporter=REPORTER))
    assert cases.status(submitted.case_id, person=Person("slack", REPORTER.id)).reporter == "Rita Reporter"
    for other in (Person("slack", "UOTHER"), Person("teams", REPORTER.id), SLACK_LEADER):
        with pytest.raises(NotAllowed):
            cases.status(submitted.case_id, person=other)


# ---- deadlines and retention ------------------------------------------------------------------


def deliver_all(store: Store, clock: FakeClock) -> None:
    import asyncio

    notifiers = {platform: RecordingNotifier() for platform in ("slack", "teams", "console")}
    asyncio.run(Outbox(store, notifiers, clock=clock).deliver_due(limit=1000))


def test_reminders_follow_the_deadlines_and_are_sent_once(cases: Cases, store: Store, clock: FakeClock) -> None:
    waiting = cases.submit(report())
    seen = cases.submit(report())
    answered = cases.submit(report())
    cases.acknowledge(seen.case_id, SLACK_LEADER)
    cases.reply(answered.case_id, SLACK_LEADER, "Done.")
    deliver_all(store, clock)
    clock.advance(days=6, hours=23)
    assert cases.remind() == 0
    clock.advance(hours=1)
    assert cases.remind() == 2  # the two Slack leaders, for the one unacknowledged case
    assert cases.remind() == 0
    assert {(r.case_id, r.recipient) for r in outbox_rows(store, "reminder_unacknowledged")} == {
        (waiting.case_id, "UL1"), (waiting.case_id, "UL2")}
    deliver_all(store, clock)
    clock.advance(days=53)  # 60 days after the reports
    assert cases.remind() == 4  # feedback overdue: `waiting` and `seen`, not `answered`
    assert {r.case_id for r in outbox_rows(store, "reminder_feedback")} == {waiting.case_id, seen.case_id}
    assert cases.remind() == 0
    assert ("system", "reminder_feedback", seen.case_id) in audit(store)


def test_reminders_go_to_current_leaders_who_were_told(store: Store, cipher: Cipher, clock: FakeClock) -> None:
    before = Cases(store, LEADERS, cipher, CATEGORIES, clock)
    submitted = before.submit(report())
    deliver_all(store, clock)
    clock.advance(days=8)
    after = Cases(store, {"slack": frozenset({"UL2", "UNEW"})}, cipher, CATEGORIES, clock)
    assert after.remind() == 1
    assert [r.recipient for r in outbox_rows(store, "reminder_unacknowledged")] == ["UL2"]
    assert submitted.case_id == outbox_rows(store, "reminder_unacknowledged")[0].case_id


def test_a_long_undelivered_notification_is_reported_to_the_other_leaders(cases: Cases, store: Store, clock: FakeClock) -> None:
    submitted = cases.submit(report())
    clock.advance(minutes=59)
    cases.remind()
    assert not outbox_rows(store, "undelivered")
    clock.advance(minutes=2)
    assert cases.remind() > 0
    rows = outbox_rows(store, "undelivered")
    # Each of the two stuck Slack rows is reported to every other leader, once.
    assert {(r.platform, r.recipient) for r in rows} == {("slack", "UL1"), ("slack", "UL2"), ("teams", "teams-lead"), ("console", "leader")}
    assert len(rows) == 2 * 3 and all(r.case_id == submitted.case_id for r in rows)
    assert cases.remind() == 0


def test_purge_deletes_old_closed_cases_and_keeps_the_audit_rows(cases: Cases, store: Store, clock: FakeClock) -> None:
    closed = cases.submit(report(f"text {CANARY}"), key="ev-1")
    still_open = cases.submit(report())
    cases.reply(closed.case_id, SLACK_LEADER, "Handled.")
    cases.close(closed.case_id, SLACK_LEADER, "Removed.")
    clock.advance(days=89)
    assert cases.purge() == 0
    clock.advance(days=2)
    assert cases.purge() == 1
    rows = all_rows(store)
    assert [r["id"] for r in rows["cases"]] == [still_open.case_id]
    assert rows["case_messages"] == []
    assert all(r["case_id"] == still_open.case_id for r in rows["outbox"])
    assert ("system", "purge", closed.case_id) in audit(store)
    assert ("slack:UL1", "close", closed.case_id) in audit(store)
    with pytest.raises(NotFound):
        cases.open(closed.case_id, SLACK_LEADER)
    assert cases.purge() == 0
    # Submission keys are forgotten after a day: retries come within minutes.
    assert all(r["submission_key"] is None for r in rows["cases"])


def test_the_audit_log_is_append_only(cases: Cases, store: Store) -> None:
    cases.submit(report())
    for statement in (update(audit_log).values(actor="someone else"), delete(audit_log)):
        with pytest.raises(DBAPIError, match="append-only"):
            with store.write() as conn:
                conn.execute(statement)
    assert len(audit(store)) == 1


def test_the_database_refuses_a_reporter_on_an_anonymous_case(cases: Cases, store: Store) -> None:
    from bot.escalation.tables import cases as cases_table

    submitted = cases.submit(report(anonymous=True))
    with pytest.raises(DBAPIError):
        with store.write() as conn:
            conn.execute(update(cases_table).where(cases_table.c.id == submitted.case_id).values(reporter_ref="x"))


def test_timestamps_are_aware_utc_on_every_backend(cases: Cases, clock: FakeClock) -> None:
    submitted = cases.submit(report())
    assert cases.open(submitted.case_id, SLACK_LEADER).created == "2026-03-02T09:00:00+00:00"
    clock.advance(timedelta(seconds=1))
