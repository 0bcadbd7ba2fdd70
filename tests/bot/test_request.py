"""The bot's HTTP client: JSON bodies to the Bot API, and PTB's errors when a call fails."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import InvalidToken, NetworkError, TimedOut

from celacbot.bot.request import JsonRequest
from tests.fakes.bot_api import DEFAULT_USER_ID, FakeBotAPI, free_port

SOURCE_KEYBOARD = InlineKeyboardMarkup(
    [[InlineKeyboardButton("📄 Source", callback_data="s:cbers-program")]]
)


@pytest.fixture
async def bot(fake_bot_api: FakeBotAPI) -> AsyncIterator[Bot]:
    """A PTB Bot making its calls through JsonRequest, with a short read timeout."""
    async with Bot(
        fake_bot_api.token,
        base_url=fake_bot_api.base_url,
        request=JsonRequest(read_timeout=0.5),
    ) as json_bot:
        yield json_bot


async def test_a_reply_goes_as_json_and_telegram_reads_its_html_and_keyboard(
    bot: Bot, fake_bot_api: FakeBotAPI
) -> None:
    fake_bot_api.send_message("/start")  # Telegram knows a chat once its user wrote
    sent = await bot.send_message(
        DEFAULT_USER_ID,
        "<b>CBERS</b> &amp; more: 6 satellites &lt;since 1988&gt;",
        parse_mode="HTML",
        reply_markup=SOURCE_KEYBOARD,
    )

    assert sent.text == "CBERS & more: 6 satellites <since 1988>"
    assert sent.reply_markup == SOURCE_KEYBOARD
    (request,) = fake_bot_api.requests("sendMessage")
    assert request.content_type == "application/json"


async def test_a_call_that_outlasts_the_read_timeout_raises_ptbs_timed_out(
    bot: Bot, fake_bot_api: FakeBotAPI
) -> None:
    fake_bot_api.inject_fault("sendMessage", delay=2.0)

    with pytest.raises(TimedOut):
        await bot.send_message(DEFAULT_USER_ID, "late")


async def test_an_unreachable_bot_api_raises_network_error_without_the_token(
    fake_bot_api: FakeBotAPI,
) -> None:
    request = JsonRequest()
    unreachable = Bot(
        fake_bot_api.token, base_url=f"http://127.0.0.1:{free_port()}/bot", request=request
    )
    try:
        with pytest.raises(NetworkError) as raised:
            await unreachable.send_message(DEFAULT_USER_ID, "hello")
    finally:
        await request.shutdown()

    assert fake_bot_api.token not in str(raised.value)


async def test_an_upload_still_goes_as_multipart(bot: Bot, fake_bot_api: FakeBotAPI) -> None:
    # The fake serves no uploads: Telegram answers an unknown method with 404, which PTB
    # reports as InvalidToken.
    with pytest.raises(InvalidToken):
        await bot.send_document(DEFAULT_USER_ID, b"article text", filename="article.txt")

    (request,) = fake_bot_api.requests("sendDocument")
    assert request.content_type == "multipart/form-data"
