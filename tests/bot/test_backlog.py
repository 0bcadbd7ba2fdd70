"""A backlog of updates waits at Telegram, not in the bot's memory, and is answered in full."""

from __future__ import annotations

import bisect

import pytest

from celacbot.bot.runner import running
from tests.bot.conftest import MakeSettings
from tests.fakes.bot_api import FakeBotAPI

BACKLOG = 300
FIRST_USER = 20_000


def worst_unanswered_when_fetching(server: FakeBotAPI) -> int:
    """The most updates the bot held unanswered when it asked for more (server's view)."""
    replies = sorted(call.time for call in server.requests("sendMessage"))
    delivered = worst = 0
    for call in server.requests("getUpdates"):
        # Replies that reached the server before the call: at least what the bot had finished.
        worst = max(worst, delivered - bisect.bisect_left(replies, call.time))
        if call.status == 200:
            delivered += len(call.result)
    return worst


@pytest.mark.parametrize("concurrency", [1, 8])
async def test_a_backlog_is_fetched_only_as_fast_as_it_is_answered(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings, concurrency: int
) -> None:
    limit = 20
    questions = [
        fake_bot_api.send_message("What is CBERS?", user_id=FIRST_USER + n) for n in range(BACKLOG)
    ]
    settings = make_settings(
        CELACBOT_MAX_PENDING_UPDATES=limit,
        CELACBOT_CONCURRENT_UPDATES=concurrency,
        CELACBOT_LOG_LEVEL="WARNING",
    )

    async with running(settings):
        await fake_bot_api.wait_for_replies(questions, timeout=60)

    assert len(fake_bot_api.requests("sendMessage")) == BACKLOG
    assert worst_unanswered_when_fetching(fake_bot_api) < limit
