"""The fake Bot API server, driven by the real python-telegram-bot `Bot` and `Application`."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import re
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Message,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from tests.fakes.bot_api import BOT_USERNAME, DEFAULT_USER_ID, FakeBotAPI, free_port, polling
from tests.fakes.users import NON_TEXT_KINDS

CHAT = DEFAULT_USER_ID


@pytest.fixture
async def bot(fake_bot_api: FakeBotAPI) -> AsyncIterator[Bot]:
    """A real PTB Bot talking to the fake server."""
    async with Bot(fake_bot_api.token, base_url=fake_bot_api.base_url) as real_bot:
        yield real_bot


def telegram_says(description: str) -> str:
    """A pattern for PTB's message of a Telegram error (PTB re-capitalizes the description)."""
    return f"(?i){re.escape(description)}"


def keyboard(*callback_data: str) -> InlineKeyboardMarkup:
    """One row of buttons labelled by their callback data."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(d, callback_data=d) for d in callback_data]])


async def test_get_me_describes_the_test_bot(bot: Bot) -> None:
    me = await bot.get_me()

    assert (me.username, me.is_bot, me.can_join_groups, me.supports_inline_queries) == (
        BOT_USERNAME,
        True,
        True,
        True,
    )


async def test_wrong_token_is_unauthorized(fake_bot_api: FakeBotAPI) -> None:
    with pytest.raises(InvalidToken, match="rejected by the server"):
        async with Bot("999:WRONG-token", base_url=fake_bot_api.base_url):
            pass

    assert [(r.status, r.result) for r in fake_bot_api.requests("getMe")] == [(401, "Unauthorized")]


async def test_unknown_method_is_not_found_and_names_are_case_insensitive(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    with pytest.raises(EndPointNotFound, match="getFancyThings"):
        await bot.do_api_request("getFancyThings")

    assert (await bot.do_api_request("GETME"))["username"] == BOT_USERNAME
    assert [r.status for r in fake_bot_api.requests()][-2:] == [404, 200]


async def test_updates_stay_until_an_offset_confirms_them(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    sent = [fake_bot_api.send_message(f"question {n}") for n in range(3)]
    ids = [update["update_id"] for update in sent]

    first = await bot.get_updates()
    again = await bot.get_updates(limit=2)
    from_second = await bot.get_updates(offset=ids[1])
    after_last = await bot.get_updates(offset=ids[2] + 1)

    assert [u.update_id for u in first] == ids
    assert [u.update_id for u in again] == ids[:2]
    assert [u.message.text for u in from_second if u.message] == ["question 1", "question 2"]
    assert after_last == ()
    assert fake_bot_api.pending_update_count == 0


async def test_negative_offset_keeps_only_the_latest_updates(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    sent = [fake_bot_api.send_message(f"q{n}") for n in range(4)]

    updates = await bot.get_updates(offset=-1)

    assert [u.update_id for u in updates] == [sent[-1]["update_id"]]


async def test_long_poll_returns_as_soon_as_an_update_arrives(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await fake_bot_api.wait_polling()
    update = fake_bot_api.send_message("hola")

    async with asyncio.timeout(5):
        updates = await poll

    assert [u.update_id for u in updates] == [update["update_id"]]


async def test_long_poll_without_updates_returns_nothing(bot: Bot) -> None:
    async with asyncio.timeout(5):
        updates = await bot.get_updates(timeout=1)

    assert updates == ()


async def test_a_newer_get_updates_terminates_the_pending_one(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=30))
    await fake_bot_api.wait_polling()

    async with (
        asyncio.timeout(5),
        Bot(fake_bot_api.token, base_url=fake_bot_api.base_url) as second_instance,
    ):
        assert await second_instance.get_updates(timeout=0) == ()
        with pytest.raises(Conflict, match=telegram_says("terminated by other getUpdates request")):
            await first


async def test_allowed_updates_drop_other_kinds(fake_bot_api: FakeBotAPI, bot: Bot) -> None:
    inline = fake_bot_api.inline_query("lima")
    message = fake_bot_api.send_message("hello")

    updates = await bot.get_updates(allowed_updates=["message"])

    assert [u.update_id for u in updates] == [message["update_id"]]
    assert fake_bot_api.dropped_updates == [inline]


async def test_updates_count_as_confirmed_once_an_offset_passes_them_or_they_are_dropped(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    fake_bot_api.inline_query("lima")
    message = fake_bot_api.send_message("hello")
    await bot.get_updates(allowed_updates=["message"])

    # Delivered is not confirmed: Telegram would hand the message out again.
    with pytest.raises(TimeoutError):
        await fake_bot_api.wait_confirmed(timeout=0.1)
    await bot.get_updates(offset=message["update_id"] + 1, timeout=0)
    await fake_bot_api.wait_confirmed()

    assert fake_bot_api.pending_update_count == 0


async def test_raw_updates_teach_the_server_their_chat_and_ids(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    group = {"id": -42, "type": "group", "title": "Lima study group"}
    fake_bot_api.enqueue_update(
        {
            "update_id": 500_000_000,
            "message": {
                "message_id": 41,
                "date": 0,
                "chat": group,
                "from": {"id": 7, "is_bot": False, "first_name": "Rosa"},
                "text": "hola",
            },
        }
    )

    (update,) = await bot.get_updates()
    sent = await bot.send_message(-42, "¡hola!", reply_to_message_id=41)
    later = fake_bot_api.send_message("otra", chat_type="group", chat_id=-42)

    assert update.update_id == 500_000_000
    assert sent.reply_to_message is not None
    assert (sent.message_id, sent.reply_to_message.text) == (42, "hola")
    assert (later["update_id"], later["message"]["message_id"]) == (500_000_001, 43)


@pytest.mark.parametrize("kind", NON_TEXT_KINDS)
async def test_non_text_messages_parse_as_their_kind(
    fake_bot_api: FakeBotAPI, bot: Bot, kind: str
) -> None:
    fake_bot_api.send_non_text(kind, caption="look")

    (update,) = await bot.get_updates()

    assert update.message is not None
    assert (update.message.text, update.message.caption) == (None, "look")
    assert getattr(update.message, kind)


async def test_edits_channel_posts_and_blocks_arrive_as_their_update_types(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    sent = fake_bot_api.send_message("Qué es CELAC")
    fake_bot_api.edit_message(sent, "¿Qué es la CELAC?")
    fake_bot_api.channel_post("News from Lima")
    fake_bot_api.block_bot()

    updates = await bot.get_updates()

    assert updates[1].edited_message is not None
    assert updates[1].edited_message.message_id == sent["message"]["message_id"]
    assert updates[1].edited_message.text == "¿Qué es la CELAC?"
    assert updates[2].channel_post is not None
    assert updates[2].channel_post.chat.type == "channel"
    assert updates[3].my_chat_member is not None
    assert updates[3].my_chat_member.new_chat_member.status == "kicked"


async def test_user_messages_carry_command_and_mention_entities(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    fake_bot_api.send_message(f"/ask@{BOT_USERNAME} 🇨🇳 @{BOT_USERNAME} why?")

    (update,) = await bot.get_updates()

    assert update.message is not None
    assert update.message.parse_entities() == {
        update.message.entities[0]: f"/ask@{BOT_USERNAME}",
        update.message.entities[1]: f"@{BOT_USERNAME}",
    }


async def test_html_message_is_stored_as_text_and_entities(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    fake_bot_api.send_message("hi")
    sent = await bot.send_message(
        CHAT,
        '<b>China</b> &amp; <a href="https://celac.org">CELAC</a> &lt;3 &#127464;&#127475;',
        parse_mode="HTML",
    )

    assert sent.text == "China & CELAC <3 🇨🇳"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 0, 5),
        ("text_link", 8, 5),
    ]
    assert fake_bot_api.last_message_to(CHAT)["text"] == sent.text


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("2 < 3", "can't parse entities: Unsupported start tag"),
        ("Fish & chips", "can't parse entities"),
        ("line<br>break", 'Unsupported start tag "br"'),
        ("<b>bold", "Can't find end tag"),
        ("<b>bold</i>", "Unmatched end tag"),
        ("<b> </b>", "message text is empty"),
        ("😀" * 2049, "message is too long"),
        ("<b>" + "a" * 4097 + "</b>", "message is too long"),
    ],
)
async def test_invalid_html_is_a_bad_request(
    fake_bot_api: FakeBotAPI, bot: Bot, html: str, error: str
) -> None:
    fake_bot_api.send_message("hi")

    with pytest.raises(BadRequest, match=telegram_says(error)):
        await bot.send_message(CHAT, html, parse_mode="HTML")


@pytest.mark.parametrize("text", ["😀" * 2048, "<i>" + "a" * 4096 + "</i>"])
async def test_texts_of_exactly_4096_utf16_units_are_accepted(
    fake_bot_api: FakeBotAPI, bot: Bot, text: str
) -> None:
    fake_bot_api.send_message("hi")

    message = await bot.send_message(CHAT, text, parse_mode="HTML")

    assert len((message.text or "").encode("utf-16-le")) == 2 * 4096


async def test_sending_to_an_unknown_chat_fails(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=telegram_says("chat not found")):
        await bot.send_message(777, "anyone?")


@pytest.mark.parametrize(("data", "ok"), [("é" * 32, True), ("é" * 33, False), ("x" * 65, False)])
async def test_callback_data_is_limited_to_64_bytes(
    fake_bot_api: FakeBotAPI, bot: Bot, data: str, ok: bool
) -> None:
    fake_bot_api.send_message("hi")
    send = bot.send_message(CHAT, "pick", reply_markup=keyboard(data))

    if ok:
        assert (await send).reply_markup == keyboard(data)
    else:
        with pytest.raises(BadRequest, match=telegram_says("BUTTON_DATA_INVALID")):
            await send


async def test_editing_to_identical_content_is_not_modified(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    fake_bot_api.send_message("hi")
    message = await bot.send_message(CHAT, "Lima", reply_markup=keyboard("a"))

    with pytest.raises(BadRequest, match=telegram_says("message is not modified")):
        await bot.edit_message_text("Lima", CHAT, message.message_id, reply_markup=keyboard("a"))
    edited = await bot.edit_message_text("Lima", CHAT, message.message_id)

    assert isinstance(edited, Message)
    assert (edited.text, edited.reply_markup) == ("Lima", None)
    assert fake_bot_api.last_message_to(CHAT)["edit_date"] > 0


async def test_a_callback_query_can_be_answered_once(fake_bot_api: FakeBotAPI, bot: Bot) -> None:
    fake_bot_api.send_message("hi")
    message = await bot.send_message(CHAT, "pick", reply_markup=keyboard("a", "b"))
    press = fake_bot_api.press_button(fake_bot_api.last_message_to(CHAT), "b")
    (_, update) = await bot.get_updates()
    query_id = update.callback_query.id if update.callback_query else ""

    assert update.callback_query is not None
    assert (update.callback_query.data, update.callback_query.message) == ("b", message)
    assert await bot.answer_callback_query(query_id, "done")
    assert await fake_bot_api.wait_for_callback_answer(press) == {
        "callback_query_id": query_id,
        "text": "done",
    }
    with pytest.raises(BadRequest, match=telegram_says("query is too old")):
        await bot.answer_callback_query(query_id)


async def test_pressing_a_button_the_message_lacks_is_a_test_error(
    fake_bot_api: FakeBotAPI, bot: Bot
) -> None:
    fake_bot_api.send_message("hi")
    await bot.send_message(CHAT, "pick", reply_markup=keyboard("a"))

    with pytest.raises(ValueError, match="no button with callback_data 'z'"):
        fake_bot_api.press_button(fake_bot_api.last_message_to(CHAT), "z")


async def test_a_missing_reply_times_out_saying_why(fake_bot_api: FakeBotAPI, bot: Bot) -> None:
    undelivered = fake_bot_api.send_message("anyone?")
    inline = fake_bot_api.inline_query("lima")
    await bot.get_updates(allowed_updates=["message"])

    with pytest.raises(TimeoutError, match=r"\(delivered\)"):
        await fake_bot_api.wait_for_reply(undelivered, timeout=0.1)
    with pytest.raises(TimeoutError, match="dropped: not in allowed_updates"):
        await fake_bot_api.wait_for_reply(inline, timeout=0.1)
    with pytest.raises(TimeoutError, match="never delivered"):
        await fake_bot_api.wait_for_reply(fake_bot_api.send_message("later"), timeout=0.1)


def test_a_private_chat_cannot_have_another_id(fake_bot_api: FakeBotAPI) -> None:
    with pytest.raises(ValueError, match="private chat's id is its user's id"):
        fake_bot_api.send_message("hi", user_id=1, chat_id=2)


def article(result_id: str, text: str) -> InlineQueryResultArticle:
    """An inline result that sends `text` as HTML."""
    return InlineQueryResultArticle(
        result_id, "title", InputTextMessageContent(text, parse_mode="HTML")
    )


@pytest.mark.parametrize(
    ("results", "error"),
    [
        ([article(str(n), "x") for n in range(51)], "RESULTS_TOO_MUCH"),
        ([article("1", "x"), article("1", "y")], "RESULT_ID_DUPLICATE"),
        ([article("1", "a < b")], "can't parse entities"),
    ],
)
async def test_inline_answers_are_validated(
    fake_bot_api: FakeBotAPI, bot: Bot, results: list[InlineQueryResultArticle], error: str
) -> None:
    query_id = fake_bot_api.inline_query("lima")["inline_query"]["id"]

    with pytest.raises(BadRequest, match=telegram_says(error)):
        await bot.answer_inline_query(query_id, results)


@pytest.mark.parametrize("start_parameter", ["has spaces", "", "x" * 65, "ünï"])
async def test_an_inline_results_button_needs_a_valid_start_parameter(
    fake_bot_api: FakeBotAPI, bot: Bot, start_parameter: str
) -> None:
    query_id = fake_bot_api.inline_query("lima")["inline_query"]["id"]
    button = InlineQueryResultsButton("Ask me", start_parameter=start_parameter)

    with pytest.raises(BadRequest, match=telegram_says("START_PARAM_INVALID")):
        await bot.answer_inline_query(query_id, [], button=button)


async def test_inline_answer_is_the_reply_to_the_query(fake_bot_api: FakeBotAPI, bot: Bot) -> None:
    update = fake_bot_api.inline_query("lima")
    await bot.get_updates()

    await bot.answer_inline_query(update["inline_query"]["id"], [article("faq-1", "<b>Lima</b>")])
    reply = await fake_bot_api.wait_for_reply(update)

    assert [result["id"] for result in reply["results"]] == ["faq-1"]


async def test_commands_are_validated_and_stored(fake_bot_api: FakeBotAPI, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=telegram_says("BOT_COMMAND_INVALID")):
        await bot.set_my_commands([BotCommand("Start", "Begin")])

    await bot.set_my_commands([BotCommand("start", "Begin"), BotCommand("help", "How to ask")])

    assert fake_bot_api.commands() == [
        {"command": "start", "description": "Begin"},
        {"command": "help", "description": "How to ask"},
    ]


async def test_descriptions_are_stored_per_language(fake_bot_api: FakeBotAPI, bot: Bot) -> None:
    await bot.set_my_description("Pregúntame sobre China y la CELAC.", language_code="es")
    await bot.set_my_short_description("China-CELAC Q&A")
    with pytest.raises(BadRequest, match=telegram_says("short description is too long")):
        await bot.set_my_short_description("x" * 121)

    assert fake_bot_api.description("es").startswith("Pregúntame")
    assert fake_bot_api.description() == ""
    assert fake_bot_api.short_description() == "China-CELAC Q&A"


async def test_blocked_user_is_forbidden(fake_bot_api: FakeBotAPI, bot: Bot) -> None:
    fake_bot_api.send_message("hi")
    fake_bot_api.block_bot(CHAT)

    with pytest.raises(Forbidden, match=telegram_says("bot was blocked by the user")):
        await bot.send_message(CHAT, "still there?")


async def test_injected_429_raises_retry_after(
    fake_bot_api: FakeBotAPI, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    fake_bot_api.send_message("hi")
    fault = fake_bot_api.inject_fault("sendMessage", status=429, retry_after=3, times=1)

    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(CHAT, "hello")
    await bot.send_message(CHAT, "hello again")

    assert raised.value.retry_after == dtm.timedelta(seconds=3)
    assert fault.hits == 1
    assert [r.status for r in fake_bot_api.requests("sendMessage")] == [429, 200]


async def test_flood_limit_answers_429_beyond_n_messages_in_the_window(
    fake_bot_api: FakeBotAPI, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    fake_bot_api.flood_limit, fake_bot_api.flood_window = 3, 60.0
    fake_bot_api.send_message("hi")

    sent = [await bot.send_message(CHAT, f"burst {n}") for n in range(3)]
    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(CHAT, "one too many")

    assert [message.text for message in sent] == ["burst 0", "burst 1", "burst 2"]
    # The window opened with the first send, so Telegram would say "retry after 60" (or 59).
    assert raised.value.retry_after in (dtm.timedelta(seconds=60), dtm.timedelta(seconds=59))


async def test_injected_502_is_a_network_error(fake_bot_api: FakeBotAPI, bot: Bot) -> None:
    fake_bot_api.inject_fault("getUpdates", status=502)

    with pytest.raises(NetworkError, match=telegram_says("Bad Gateway")):
        await bot.get_updates()


async def test_revoked_token_fails_every_method(fake_bot_api: FakeBotAPI, bot: Bot) -> None:
    fake_bot_api.inject_fault("*", status=401, times=None)

    with pytest.raises(InvalidToken):
        await bot.get_me()
    with pytest.raises(InvalidToken):
        await bot.get_updates()


async def test_hanging_get_updates_times_out_the_client(fake_bot_api: FakeBotAPI) -> None:
    fake_bot_api.inject_fault("getUpdates", hang=True)
    request = HTTPXRequest(read_timeout=0.2)

    async with Bot(
        fake_bot_api.token, base_url=fake_bot_api.base_url, get_updates_request=request
    ) as impatient_bot:
        with pytest.raises(TimedOut):
            await impatient_bot.get_updates()


async def test_a_fault_tells_when_it_catches_a_call(fake_bot_api: FakeBotAPI, bot: Bot) -> None:
    fault = fake_bot_api.inject_fault("getUpdates", hang=True)
    poll = asyncio.create_task(bot.get_updates())

    await fault.wait_hit()

    assert (fault.hits, poll.done()) == (1, False)
    poll.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await poll


def build_application(server: FakeBotAPI) -> Application:  # type: ignore[type-arg]
    """A real Application that echoes texts and shows which button was pressed."""

    async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            f"echo: {update.effective_message.text}", reply_markup=keyboard("again"), do_quote=True
        )

    async def pressed(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer()
        await update.callback_query.edit_message_text(f"pressed {update.callback_query.data}")

    application = ApplicationBuilder().token(server.token).base_url(server.base_url).build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.add_handler(CallbackQueryHandler(pressed))
    return application


async def test_application_long_polling_round_trip(fake_bot_api: FakeBotAPI) -> None:
    async with polling(build_application(fake_bot_api)):
        question = fake_bot_api.send_message("¿Qué es CELAC?")
        reply = await fake_bot_api.wait_for_reply(question)
        press = fake_bot_api.press_button(reply, "again")
        edited = await fake_bot_api.wait_for_reply(press)
        answer = await fake_bot_api.wait_for_callback_answer(press)

    assert reply["text"] == "echo: ¿Qué es CELAC?"
    assert reply["reply_to_message"]["message_id"] == question["message"]["message_id"]
    assert (edited["message_id"], edited["text"]) == (reply["message_id"], "pressed again")
    assert answer == {"callback_query_id": press["callback_query"]["id"]}
    assert fake_bot_api.pending_update_count == 0


async def test_polling_runs_post_init_and_reports_polling_errors(
    fake_bot_api: FakeBotAPI,
) -> None:
    errors: list[object] = []
    reported = asyncio.Event()

    async def post_init(application: Application) -> None:  # type: ignore[type-arg]
        await application.bot.set_my_commands([BotCommand("start", "Begin")])

    async def on_error(_update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error)
        reported.set()

    application = build_application(fake_bot_api)
    application.post_init = post_init
    application.add_error_handler(on_error)
    fake_bot_api.inject_fault("getUpdates", status=502)
    async with polling(application):
        async with asyncio.timeout(5):
            await reported.wait()
        reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("still there?"))

    assert fake_bot_api.commands() == [{"command": "start", "description": "Begin"}]
    assert [type(error) for error in errors] == [NetworkError]
    assert reply["text"] == "echo: still there?"


async def test_replies_of_many_users_come_in_the_order_asked_for(
    fake_bot_api: FakeBotAPI,
) -> None:
    async with polling(build_application(fake_bot_api)):
        updates = [fake_bot_api.send_message(f"hi {n}", user_id=1000 + n) for n in range(50)]
        replies = await fake_bot_api.wait_for_replies(updates, timeout=20)

    assert [reply["text"] for reply in replies] == [f"echo: hi {n}" for n in range(50)]


async def test_webhook_mode_gets_updates_pushed(fake_bot_api: FakeBotAPI) -> None:
    application = build_application(fake_bot_api)

    # A webhook receiver as small as a bot's: the secret checked, the update queued.
    async def receive(request: web.Request) -> web.Response:
        if request.headers.get("X-Telegram-Bot-Api-Secret-Token") != "s3cret":
            return web.Response(status=403)
        await application.update_queue.put(Update.de_json(await request.json(), application.bot))
        return web.Response()

    receiver = web.Application()
    receiver.router.add_post("/hook", receive)
    runner = web.AppRunner(receiver)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        async with application:
            await application.start()
            await application.bot.set_webhook(
                f"http://127.0.0.1:{port}/hook", secret_token="s3cret"
            )
            try:
                update = fake_bot_api.send_message("via webhook")
                reply = await fake_bot_api.wait_for_reply(update)
                wrong_secret = await fake_bot_api.post_webhook_update(
                    f"http://127.0.0.1:{port}/hook", update, secret_token="guess"
                )
                with pytest.raises(Conflict, match=telegram_says("webhook is active")):
                    await application.bot.get_updates()
            finally:
                await application.stop()
    finally:
        await runner.cleanup()

    assert reply["text"] == "echo: via webhook"
    assert wrong_secret == 403
    assert fake_bot_api.webhook_url == f"http://127.0.0.1:{port}/hook"
