"""`policybot cases …`: the console side of reporting, for leaders and operators.

- outbox: notifications not yet delivered (case, recipient, attempts, next attempt, last error).
- list / open / ack / reply / close: the leader flow; `--leader NAME` is a console leader
  (POLICYBOT_CONSOLE_LEADERS, default "leader") or `slack:U…` / `teams:…` for a platform leader.
- remind / purge: what the server's housekeeping does hourly, on demand.
- deliver: send due notifications once (console leaders get them in <data dir>/notifications.log).
"""
from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.commands.db_cmd import add_database_url, database_url

if TYPE_CHECKING:
    from bot.escalation.cases import Cases
    from bot.escalation.model import Person
    from bot.escalation.store import Store
    from bot.settings import Settings

PLATFORMS = ("console", "slack", "teams")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "cases", help="reports to leadership: list, open, reply, close; notifications; retention",
        description="Cases reported to leadership, from the console. Leader actions are audit-logged.",
    )
    common = argparse.ArgumentParser(add_help=False)
    add_database_url(common)
    leader = argparse.ArgumentParser(add_help=False)
    leader.add_argument(
        "--leader", required=True, metavar="NAME",
        help="who you are: a console leader name, or slack:USERID / teams:USERID",
    )
    case = argparse.ArgumentParser(add_help=False)
    case.add_argument("case", metavar="CASE", help="the case id, e.g. SM-2026-0001")
    actions = p.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    actions.add_parser("outbox", parents=[common], help="notifications not yet delivered (no content)")
    actions.add_parser("list", parents=[common, leader], help="open cases, oldest first")
    actions.add_parser("open", parents=[common, case, leader], help="read a case (audit-logged)")
    actions.add_parser("ack", parents=[common, case, leader], help="acknowledge a case")
    reply = actions.add_parser("reply", parents=[common, case, leader], help="reply to the reporter")
    reply.add_argument("text", metavar="TEXT", help="the reply; - reads it from standard input")
    close = actions.add_parser("close", parents=[common, case, leader], help="close a case with its outcome")
    close.add_argument("outcome", metavar="OUTCOME", help="the outcome (for leaders); - reads standard input")
    actions.add_parser("remind", parents=[common], help="queue the reminders that are due")
    actions.add_parser("purge", parents=[common], help="delete closed cases past the retention period")
    actions.add_parser("deliver", parents=[common], help="send the notifications that are due, once")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.escalation.cases import InvalidReport, NotAllowed, NotFound
    from bot.escalation.store import Store
    from bot.settings import Settings

    settings = Settings.from_env()
    store = Store.open(database_url(args))
    try:
        return _ACTIONS[args.cases_command](args, settings, store)
    except (NotFound, NotAllowed, InvalidReport) as exc:
        print(f"policybot: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()


def _outbox(args: argparse.Namespace, settings: "Settings", store: "Store") -> int:
    from bot.escalation.outbox import Outbox

    rows = Outbox(store, {}).pending()
    if not rows:
        print("No notifications waiting: every one was delivered.")
        return 0
    header = ("CASE", "KIND", "RECIPIENT", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR")
    lines = [
        (r.case_id, r.kind, f"{r.platform}:{r.recipient}", str(r.attempts),
         r.next_at.isoformat(timespec="seconds"), r.last_error or "-")
        for r in rows
    ]
    widths = [max(len(x) for x in column) for column in zip(header, *lines)]
    for line in (header, *lines):
        print("  ".join(value.ljust(width) for value, width in zip(line, widths)).rstrip())
    return 0


def _list(args: argparse.Namespace, settings: "Settings", store: "Store") -> int:
    cards = _cases(settings, store).list_open(_leader(args))
    if not cards:
        print("No open cases.")
    for card in cards:
        print(f"{card.case_id}  {card.status:<12}  {card.category:<8}  {card.created}  {card.reporter}")
    return 0


def _leader_action(args: argparse.Namespace, settings: "Settings", store: "Store") -> int:
    from bot.render import case_text

    cases, leader = _cases(settings, store), _leader(args)
    command = args.cases_command
    if command == "open":
        card = cases.open(args.case, leader)
    elif command == "ack":
        card = cases.acknowledge(args.case, leader)
    elif command == "reply":
        card = cases.reply(args.case, leader, _text(args.text))
    else:
        card = cases.close(args.case, leader, _text(args.outcome))
    print(case_text(card, "en"))
    return 0


def _remind(args: argparse.Namespace, settings: "Settings", store: "Store") -> int:
    print(f"Queued {_cases(settings, store).remind()} reminder(s).")
    return 0


def _purge(args: argparse.Namespace, settings: "Settings", store: "Store") -> int:
    print(f"Purged {_cases(settings, store).purge()} closed case(s) older than {settings.retention_days} days.")
    return 0


def _deliver(args: argparse.Namespace, settings: "Settings", store: "Store") -> int:
    from bot.escalation.notifiers import FileNotifier
    from bot.escalation.outbox import Outbox

    # Only the console's notifier exists outside the server; platform rows stay for the server.
    notifiers = {"console": FileNotifier(settings.data_dir / "notifications.log")}
    outbox = Outbox(store, notifiers, warn_after=timedelta(minutes=settings.outbox_warn_minutes))
    delivered = asyncio.run(outbox.deliver_due(limit=1000))
    print(f"Delivered {delivered} notification(s); {len(outbox.pending())} waiting.")
    return 0


_ACTIONS = {
    "outbox": _outbox, "list": _list, "open": _leader_action, "ack": _leader_action,
    "reply": _leader_action, "close": _leader_action, "remind": _remind, "purge": _purge, "deliver": _deliver,
}


def _cases(settings: "Settings", store: "Store") -> "Cases":
    from bot.escalation.cases import Cases
    from bot.escalation.crypto import Cipher

    cipher = Cipher.from_settings(settings.report_key, settings.data_dir, settings.production)
    # No categories: the console never submits a report, it only handles existing cases.
    return Cases(
        store, settings.leaders, cipher, categories=(),
        ack_days=settings.ack_days, feedback_days=settings.feedback_days, retention_days=settings.retention_days,
        undelivered_after=timedelta(minutes=settings.outbox_warn_minutes),
    )


def _leader(args: argparse.Namespace) -> "Person":
    from bot.escalation.model import Person

    platform, sep, user = args.leader.partition(":")
    if sep and platform in PLATFORMS:
        return Person(platform, user)
    return Person("console", args.leader)


def _text(value: str) -> str:
    return sys.stdin.read() if value == "-" else value
