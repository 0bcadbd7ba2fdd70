"""Reading the bot's messages as the fake Bot API stored them, and knowing when it is done."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.ext import Application

from tests.fakes.bot_api import FakeBotAPI

JSON = dict[str, Any]


def buttons(message: JSON) -> list[tuple[str, str]]:
    """(text, callback_data) of every inline button under a message."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [(button["text"], button.get("callback_data", "")) for row in rows for button in row]


def entity_types(message: JSON) -> list[str]:
    """The types of a message's formatting entities, in order."""
    return [entity["type"] for entity in message.get("entities", [])]


async def handled(
    server: FakeBotAPI,
    application: Application[Any, Any, Any, Any, Any, Any],
    *,
    timeout: float = 10.0,  # noqa: ASYNC109 - a default bounds every wait
) -> None:
    """Wait until the bot has taken every update queued at `server` and finished handling
    each one: whatever it was going to send about them has reached the server by then, so
    a test may assert that it sent nothing, or nothing more."""
    await server.wait_confirmed(timeout=timeout)
    async with asyncio.timeout(timeout):
        # bot/delivery.py marks an update done once its handlers, error handlers included,
        # have finished.
        await application.update_queue.join()
