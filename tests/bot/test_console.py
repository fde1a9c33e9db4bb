"""The console chat, driven line by line like a person at a terminal."""
from __future__ import annotations

import io
import json
import re

from bot.adapters.console import Console


def scripted(lines: list[str]):
    feed = iter(lines)

    def read(prompt: str) -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    return read


async def test_a_whole_session_report_to_leader_reply_and_receipt(services):
    out = io.StringIO()
    console = Console(services, user="emp", read=scripted([
        "/help",
        "/review We are hiring a pastry chef, come and join us!",
        "/report",
        "2",  # category: the second clause (internal-first)
        "My team lead asked us to hide a defect from customers CANARY-42",
        "",  # no link
        "y",  # anonymous
    ]), out=out)
    assert await console.run() == 0
    text = out.getvalue()
    assert "/review" in text and "OK" in text
    case_id = re.search(r"SM-\d{4}-\d{4}", text).group(0)
    receipt = re.search(r"(?:receipt|kvīts): (\S+)", text).group(1)
    assert "CANARY-42" not in text  # the report is never echoed back to the reporter

    # The leader, in a new session, lists, opens (button 1) and replies.
    out2 = io.StringIO()
    leader = Console(services, user="leader", read=scripted([
        "/cases", "1", f"/reply {case_id} Thank you, we are on it.",
    ]), out=out2)
    await leader.run()
    assert case_id in out2.getvalue() and "CANARY-42" in out2.getvalue()

    # The anonymous reporter reads the reply with the receipt.
    out3 = io.StringIO()
    await Console(services, user="anyone", read=scripted([f"/report status {case_id} {receipt}"]), out=out3).run()
    assert "we are on it" in out3.getvalue()

    # The leader was notified through the offline notifier: the case id, never the content.
    log = (services.settings.data_dir / "notifications.log").read_text()
    assert case_id in log and "CANARY" not in log
    assert all(json.loads(line) for line in log.splitlines())


async def test_as_switches_user_and_cancelled_form_sends_nothing(services):
    out = io.StringIO()
    console = Console(services, read=scripted(["/as boss", "/report", "1", ""]), out=out)
    await console.run()
    assert "(you are now boss)" in out.getvalue()
    assert "cancelled" in out.getvalue() and not re.search(r"SM-\d{4}-\d{4}", out.getvalue())
