"""`policybot`: the command line. Sub-commands live in `bot/commands/`, imported only when
needed so that `policybot review` starts in a fraction of a second."""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import Sequence

# (module in bot.commands, short help). Each module has add_parser(subparsers).
COMMANDS: list[tuple[str, str]] = [
    ("run_cmd", "run"),
    ("review_cmd", "review"),
    ("ask_cmd", "ask"),
    ("policy_cmd", "policy"),
    ("eval_cmd", "eval"),
    ("db_cmd", "db"),
    ("cases_cmd", "cases"),
    ("teams_cmd", "teams"),
]

DESCRIPTION = """\
policybot coaches employees on the company's social-media guidelines, in Slack, Microsoft Teams
or a console chat, in Latvian and English.

Start here:
  policybot run                   Slack/Teams when configured, otherwise a console chat
  policybot review "draft text"   review a draft post (add --json for machines)
  policybot ask "Can I ...?"      ask the policy a question
  policybot policy show           the guidelines, one line per clause
"""

EPILOG = """\
Settings come from the environment (see README.md, "Configuration"): SLACK_BOT_TOKEN,
SLACK_SIGNING_SECRET or SLACK_APP_TOKEN, MICROSOFT_APP_ID/PASSWORD/TENANT_ID or
POLICYBOT_TEAMS_ANONYMOUS=1, POLICYBOT_SLACK_LEADERS, POLICYBOT_TEAMS_LEADERS, DATABASE_URL,
POLICYBOT_DATA_DIR, POLICYBOT_REPORT_KEY, PORT. `policybot COMMAND --help` explains each command.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policybot", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"policybot {_version()}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module, _name in COMMANDS:
        try:
            mod = importlib.import_module(f"bot.commands.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"bot.commands.{module}":
                raise
            continue
        mod.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv:
        parser.print_help()
        return 2
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.parse_args([*argv, "--help"])
        return 2
    from bot.settings import SettingsError

    try:
        return int(args.func(args) or 0)
    except SettingsError as exc:
        print(f"policybot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a clear line, never a traceback; details only at DEBUG
        from policy.loader import PolicyError

        if isinstance(exc, PolicyError):
            print(f"policybot: {exc}", file=sys.stderr)
            return 1
        logging.getLogger("policybot").debug("command failed", exc_info=True)
        print(f"policybot: {type(exc).__name__}: {_safe(exc)}", file=sys.stderr)
        return 1


def _safe(exc: Exception) -> str:
    """The exception's first line, short: it may come from a driver and must not carry data."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return text[:200]


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("policybot")
    except Exception:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
