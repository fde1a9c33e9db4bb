"""`policybot run`, `policybot chat` and `policybot serve`."""
from __future__ import annotations

import argparse
import asyncio
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "run", help="Slack/Teams when configured, otherwise a console chat (what `make run` does)",
        description="Start the bot on its settings: serve Slack and/or Teams when their variables are set, "
        "otherwise open a console chat with the same router.",
    )
    p.set_defaults(func=run)
    c = sub.add_parser(
        "chat", help="talk to the bot in this terminal",
        description="A console chat with the bot: questions, /review, /report, /policy, /help. "
        "/as NAME switches who you are (leaders: POLICYBOT_CONSOLE_LEADERS, default 'leader'); /quit leaves.",
    )
    c.add_argument("--user", default="you", help="who you are in the chat (default: you)")
    c.set_defaults(func=chat)
    s = sub.add_parser(
        "serve", help="serve Slack (/slack/events) and/or Teams (/api/messages) over HTTP",
        description="One HTTP server: POST /slack/events (or Slack Socket Mode), POST /api/messages (Teams), "
        "GET /healthz. Needs SLACK_* and/or MICROSOFT_APP_* / POLICYBOT_TEAMS_ANONYMOUS settings.",
    )
    s.set_defaults(func=serve)


def _services():
    from bot.logs import setup
    from bot.services import Services
    from bot.settings import Settings

    settings = Settings.from_env()
    setup(settings.log_level)
    return Services.build(settings)


def run(args: argparse.Namespace) -> int:
    from bot.settings import Settings

    if Settings.from_env().platforms:
        return serve(args)
    args.user = "you"
    return chat(args)


def chat(args: argparse.Namespace) -> int:
    from bot.adapters.console import Console

    services = _services()
    return asyncio.run(Console(services, user=args.user).run())


def serve(args: argparse.Namespace) -> int:
    from bot.server import serve as serve_forever
    from bot.settings import Settings, SettingsError

    if not Settings.from_env().platforms:
        raise SettingsError(
            "no platform is configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), "
            "or MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (or POLICYBOT_TEAMS_ANONYMOUS=1); "
            "for a console chat run `policybot chat`"
        )
    services = _services()
    try:
        asyncio.run(serve_forever(services))
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    return 0
