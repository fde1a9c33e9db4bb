"""A fake OpenAI-compatible chat-completions server on loopback that returns queued answers.

The real `openai` client talks to it over HTTP, so tests see what production would: status codes,
Retry-After, timeouts, malformed bodies. Queue entries: a string (the assistant's content), or
(status, body, headers), or ("sleep", seconds) for a timeout.
"""
from __future__ import annotations

import asyncio
import json
from collections import deque
from typing import Any

from aiohttp import web


class FakeOpenAI:
    def __init__(self) -> None:
        self.queue: deque[Any] = deque()
        self.requests: list[dict] = []
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> "FakeOpenAI":
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/v1"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(await request.json())
        item = self.queue.popleft() if self.queue else "{}"
        if isinstance(item, tuple) and item[0] == "sleep":
            await asyncio.sleep(item[1])
            item = "{}"
        if isinstance(item, tuple):
            status, body, headers = item
            return web.Response(status=status, text=body, headers=headers, content_type="application/json")
        return web.json_response({
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": "fake",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": item}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        })


def answer_json(stance: str, answer: str) -> str:
    return json.dumps({"stance": stance, "answer": answer}, ensure_ascii=False)
