"""Builds the PTB Application: handlers, defaults, rate limiter and start-up services."""

from __future__ import annotations

import logging
import time
from functools import partial
from typing import Any

import httpx
from telegram import BotCommandScopeChat, MessageEntity, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from celacbot.bot import admin, callbacks, commands, groups, inline, messages
from celacbot.bot.constants import NO_LINK_PREVIEW, PARSE_MODE
from celacbot.bot.context import BotContext, BotData
from celacbot.bot.conversation import ChatMemory, Clock, Conversations
from celacbot.bot.conversation_store import CONVERSATIONS_FILENAME, ConversationStore
from celacbot.bot.errors import handle_error
from celacbot.bot.service import KnowledgeService
from celacbot.bot.texts import ENGLISH, LANGUAGES, texts
from celacbot.bot.throttle import UserThrottle
from celacbot.config import Settings
from celacbot.knowledge.reload import KnowledgeWatcher, LiveKnowledge
from celacbot.misslog import DB_FILENAME, QuestionLog
from celacbot.retrieval.normalise import words

_LOGGER = logging.getLogger(__name__)

# ExtBot[Any]: the bot's type parameter is the rate limiter's, which depends on the settings.
# No job queue: the bot schedules nothing. No updater: bot/runner.py serves the updates.
BotApplication = Application[ExtBot[Any], BotContext, dict[Any, Any], ChatMemory, BotData, None]

# Retries after a 429 that the limiter's own pacing did not prevent.
RATE_LIMIT_RETRIES = 3
# PTB's own pool sizes when it builds the two connections itself.
CONNECTION_POOL_SIZE = 256
GET_UPDATES_POOL_SIZE = 1

# Answers users shared through inline mode come back as messages "via" the bot: not questions.
_NEW_MESSAGE = filters.UpdateType.MESSAGE & ~filters.VIA_BOT
_PRIVATE = filters.ChatType.PRIVATE & _NEW_MESSAGE
_GROUPS = filters.ChatType.GROUPS & _NEW_MESSAGE


def _add_handlers(application: BotApplication, admin_ids: frozenset[int]) -> None:
    # Before the unknown-command handler: a non-admin's /stats falls through to it.
    for name, callback in (
        ("reload", admin.reload_command),
        ("stats", admin.stats_command),
        ("misses", admin.misses_command),
    ):
        application.add_handler(
            CommandHandler(name, callback, filters=_NEW_MESSAGE & admin.admin_filter(admin_ids))
        )
    for name, callback in (
        ("start", commands.start),
        ("help", commands.help_command),
        ("topics", commands.topics),
        ("source", commands.source),
        ("about", commands.about),
        ("ask", commands.ask),
    ):
        application.add_handler(CommandHandler(name, callback, filters=_NEW_MESSAGE))
    application.add_handlers(
        [
            MessageHandler(_PRIVATE & filters.COMMAND, messages.unknown_command),
            MessageHandler(_PRIVATE & filters.TEXT, messages.private_question),
            MessageHandler(_PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, messages.non_text),
            # Privacy mode delivers only commands, mentions and replies; filter the same way
            # so chatter is ignored when it is off.
            MessageHandler(
                _GROUPS
                & filters.TEXT
                & ~filters.COMMAND
                & (filters.Entity(MessageEntity.MENTION) | filters.REPLY),
                groups.group_message,
            ),
            CallbackQueryHandler(callbacks.button_pressed),
            InlineQueryHandler(inline.inline_query),
        ]
    )
    application.add_error_handler(handle_error)


async def _describe_bot(application: BotApplication, admin_ids: frozenset[int]) -> None:
    """Register the command menus and descriptions; a failure here must not stop the bot."""
    bot = application.bot
    for lang in LANGUAGES:
        profile = texts(lang).profile
        # English is Telegram's default, shown to users of every other language.
        code = None if lang == ENGLISH else lang
        try:
            await bot.set_my_commands(commands.menu(lang), language_code=code)
            await bot.set_my_short_description(profile.short_description, language_code=code)
            await bot.set_my_description(profile.description, language_code=code)
        except TelegramError as error:
            _LOGGER.warning(
                "Could not register the %s command menu and description: %s", lang, error
            )
    for admin_id in sorted(admin_ids):
        try:
            await bot.set_my_commands(
                commands.menu(ENGLISH) + admin.ADMIN_MENU, scope=BotCommandScopeChat(admin_id)
            )
        except TelegramError as error:
            # Telegram knows the chat only once the admin has started the bot.
            _LOGGER.warning("Could not show admin %s the admin commands: %s", admin_id, error)


def _normalised(text: str) -> str:
    """The question log's grouping key: the retriever's words, space-separated."""
    return " ".join(words(text))


def build_application(settings: Settings, *, clock: Clock = time.time) -> BotApplication:
    """The bot's Application for `settings` (which must carry a token); `clock` (seconds)
    times conversation subjects."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")

    async def post_init(application: BotApplication) -> None:
        """Load the knowledge, start watching it, open the question log, describe the bot."""
        # First, so that the conversations can be saved at shutdown whatever fails below.
        try:
            settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            _LOGGER.warning("Cannot create the data directory %s: %s", settings.data_dir, error)
        # A broken file stops the start here (KnowledgeError); later edits never stop the bot.
        live = LiveKnowledge(
            settings.knowledge, partial(KnowledgeService.build, settings=settings.retrieval)
        )
        notice = admin.RejectedEditNotice(application.bot, settings.admin_ids, live)
        watcher = KnowledgeWatcher(live, on_loaded=notice.loaded, on_error=notice.send)
        log = await QuestionLog.open(
            settings.data_dir / DB_FILENAME,
            normalise=_normalised,
            max_events=settings.log_max_events,
            max_age_days=settings.log_max_age_days,
        )
        application.bot_data.open(watcher, log)
        watcher.start()
        await _describe_bot(application, settings.admin_ids)

    async def post_shutdown(application: BotApplication) -> None:
        """Stop watching the knowledge file and finish the question log's writes (bounded)."""
        await application.bot_data.close()

    context_types = ContextTypes(context=BotContext, bot_data=BotData, chat_data=ChatMemory)
    conversations = Conversations(settings.context_minutes * 60, clock)
    # One TLS context (httpx's default: certifi's CA bundle) for PTB's two connections, where
    # each would load the bundle into one of its own: 0.8 MB of the bot's memory.
    tls = httpx.create_ssl_context()
    builder: ApplicationBuilder[
        ExtBot[Any], BotContext, dict[Any, Any], ChatMemory, BotData, None
    ] = (
        ApplicationBuilder()
        .context_types(context_types)
        .job_queue(None)
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_base_url)
        .request(HTTPXRequest(CONNECTION_POOL_SIZE, httpx_kwargs={"verify": tls}))
        .get_updates_request(HTTPXRequest(GET_UPDATES_POOL_SIZE, httpx_kwargs={"verify": tls}))
        .defaults(
            Defaults(
                parse_mode=PARSE_MODE,
                link_preview_options=NO_LINK_PREVIEW,
                allow_sending_without_reply=True,
            )
        )
        # bot/delivery.py feeds the handlers instead of PTB's updater and update fetcher.
        .updater(None)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if settings.context_minutes > 0:
        # Without conversation memory there is nothing to keep, and PTB would make chat_data
        # for every chat it saves.
        store = ConversationStore(settings.data_dir / CONVERSATIONS_FILENAME, conversations)
        builder = builder.persistence(store)
    if settings.rate_limit > 0:
        # One message per 1/rate seconds: a bucket of `rate` would let a burst through on top
        # of the steady rate, and Telegram's flood control counts any one-second window.
        limiter = AIORateLimiter(
            overall_max_rate=1,
            overall_time_period=1 / settings.rate_limit,
            max_retries=RATE_LIMIT_RETRIES,
        )
        builder = builder.rate_limiter(limiter)
    application = builder.build()
    application.bot_data.conversations = conversations
    if settings.user_rate > 0:
        throttle = UserThrottle(settings.user_burst, settings.user_rate)
        # Group -1 runs before every handler; its ApplicationHandlerStop drops the update.
        application.add_handler(TypeHandler(Update, throttle.check), group=-1)
    _add_handlers(application, settings.admin_ids)
    return application
