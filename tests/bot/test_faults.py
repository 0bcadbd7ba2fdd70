"""Bot API faults: rate limits, server errors, rejected replies, blocked users, bad buttons."""

from __future__ import annotations

import logging
import re

import pytest

from celacbot.bot.application import BotApplication
from celacbot.bot.runner import running
from celacbot.bot.texts import texts
from celacbot.knowledge.models import KnowledgeBase
from tests.bot.conftest import MakeSettings
from tests.bot.helpers import handled
from tests.bot.knowledge import CBERS_ANSWER
from tests.fakes.bot_api import DEFAULT_USER_ID, FakeBotAPI


async def test_429_on_send_message_is_retried_by_the_rate_limiter(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings
) -> None:
    async with running(make_settings(CELACBOT_RATE_LIMIT=30)):
        fault = fake_bot_api.inject_fault("sendMessage", status=429, retry_after=1)

        reply = await fake_bot_api.wait_for_reply(
            fake_bot_api.send_message("What is CBERS?"), timeout=10
        )

    assert reply["text"] == CBERS_ANSWER
    assert fault.hits == 1
    assert [record.status for record in fake_bot_api.requests("sendMessage")] == [429, 200]


async def test_rate_limiter_keeps_under_telegrams_flood_control_and_loses_nothing(
    make_settings: MakeSettings,
) -> None:
    # Half of Telegram's limit: any 21 replies span 2 s, twice the window, so a stalled
    # machine that bunches a few of them together still stays under it.
    async with FakeBotAPI(flood_limit=20) as server:
        settings = make_settings(TELEGRAM_API_BASE_URL=server.base_url, CELACBOT_RATE_LIMIT=10)
        async with running(settings):
            updates = [
                server.send_message("What is CBERS?", user_id=1000 + user) for user in range(25)
            ]
            await server.wait_for_replies(updates, timeout=30)

    assert [record.status for record in server.requests("sendMessage")] == [200] * 25


async def test_502_on_get_updates_is_retried_and_polling_resumes(
    fake_bot_api: FakeBotAPI, bot: BotApplication, caplog: pytest.LogCaptureFixture
) -> None:
    fault = fake_bot_api.inject_fault("getUpdates", status=502, times=2)

    reply = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message("What is CBERS?"), timeout=15
    )

    assert reply["text"] == CBERS_ANSWER
    assert fault.hits == 2
    warnings = [r.getMessage() for r in caplog.records if r.name == "celacbot.bot.errors"]
    assert warnings == ["Fetching updates failed (Bad Gateway); retrying"] * 2


async def test_400_on_a_reply_is_logged_apologised_for_and_the_bot_goes_on(
    fake_bot_api: FakeBotAPI, bot: BotApplication, caplog: pytest.LogCaptureFixture
) -> None:
    fake_bot_api.inject_fault("sendMessage", status=400, description="Bad Request: chat not found")

    apology = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))
    next_reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))

    assert apology["text"] == texts("en").apology
    assert next_reply["text"] == CBERS_ANSWER
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert re.fullmatch(r"Handling update \d+ in a private chat failed", errors[0].getMessage())
    assert errors[0].exc_info is not None


async def test_403_from_a_user_who_blocked_the_bot_is_logged_not_retried(
    fake_bot_api: FakeBotAPI, bot: BotApplication, caplog: pytest.LogCaptureFixture
) -> None:
    fake_bot_api.block_bot()
    mark = fake_bot_api.mark()

    fake_bot_api.send_message("What is CBERS?")
    await handled(fake_bot_api, bot)

    assert [r.status for r in fake_bot_api.requests("sendMessage", after=mark)] == [403]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "Cannot reply to update" in warnings[0]
    assert "blocked by the user" in warnings[0]


async def test_message_not_modified_is_expected_and_only_debug_logged(
    fake_bot_api: FakeBotAPI, bot: BotApplication, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="celacbot.bot.errors")
    menu = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("/topics"))
    mark = fake_bot_api.mark()

    topic = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(menu, "t:aerospace"))
    fake_bot_api.press_button(topic, "T")
    fake_bot_api.press_button(topic, "T")
    await handled(fake_bot_api, bot)

    edits = [r.status for r in fake_bot_api.requests("editMessageText", after=mark)]
    assert edits == [200, 200, 400]
    assert [r.levelno for r in caplog.records if r.name == "celacbot.bot.errors"] == [logging.DEBUG]
    assert len(fake_bot_api.messages_to(DEFAULT_USER_ID)) == 1


async def test_stale_button_after_a_reload_gets_a_short_notice(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    answer = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))
    live = bot.bot_data.live
    kb: KnowledgeBase = live.current.kb
    reloaded = kb.model_copy(
        update={
            "entries": [entry for entry in kb.entries if entry.id != "satellite-launches"],
            "topics": [topic for topic in kb.topics if topic.id != "energy"],
        }
    )
    live.current = live.prepare(reloaded)  # what a reload installs

    press = fake_bot_api.press_button(answer, "a:satellite-launches")

    notice = await fake_bot_api.wait_for_callback_answer(press)
    assert (notice["text"], notice.get("show_alert", False)) == (texts("en").stale_notice, False)
    await handled(fake_bot_api, bot)
    assert len(fake_bot_api.messages_to(DEFAULT_USER_ID)) == 1


async def test_a_press_whose_reply_telegram_rejects_still_stops_the_spinner(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    answer = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))
    fake_bot_api.inject_fault(
        "editMessageText", status=400, description="Bad Request: message to edit not found"
    )

    press = fake_bot_api.press_button(answer, "s:cbers-program")

    assert "text" not in await fake_bot_api.wait_for_callback_answer(press)
    apology = await fake_bot_api.wait_for_reply(press)
    assert apology["text"] == texts("en").apology


@pytest.mark.parametrize(
    "data",
    ["x:cbers-program", "a:CBERS", "a:../../etc", "s:", "t:" + "a" * 70, "T:extra", "a:no-such"],
)
async def test_forged_callback_data_gets_a_short_notice(
    fake_bot_api: FakeBotAPI, bot: BotApplication, data: str
) -> None:
    answer = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))

    press = fake_bot_api.press_button(answer, data, forged=True)

    notice = await fake_bot_api.wait_for_callback_answer(press)
    assert notice["text"] == texts("en").stale_notice
    await handled(fake_bot_api, bot)
    assert len(fake_bot_api.messages_to(DEFAULT_USER_ID)) == 1
