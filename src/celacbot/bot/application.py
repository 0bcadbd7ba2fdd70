"""Builds the PTB Application: handlers, defaults, rate limiter and start-up services."""

from __future__ import annotations

import logging
from typing import Any

from telegram import LinkPreviewOptions, MessageEntity, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    ExtBot,
    InlineQueryHandler,
    JobQueue,
    MessageHandler,
    TypeHandler,
    filters,
)

from celacbot.bot import callbacks, commands, groups, inline, messages
from celacbot.bot.errors import handle_error
from celacbot.bot.services import install
from celacbot.bot.throttle import UserThrottle
from celacbot.config import Settings
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.retrieval.retriever import Retriever

_LOGGER = logging.getLogger(__name__)

# ExtBot[Any]: the bot's type parameter is the rate limiter's, which depends on the settings.
Context = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], dict[Any, Any]]
BotApplication = Application[
    ExtBot[Any], Context, dict[Any, Any], dict[Any, Any], dict[Any, Any], JobQueue[Context]
]

# Retries after a 429 that the limiter's own pacing did not prevent.
RATE_LIMIT_RETRIES = 3
SHORT_DESCRIPTION = "Answers questions about China–CELAC cooperation from one article."
DESCRIPTION = (
    "Ask me about China–CELAC cooperation: aerospace, healthcare, agriculture, green energy, "
    "the digital economy and more. I answer from one article and show its own words as the "
    "source. I never make up facts: when the article does not say, I tell you."
)

# Answers users shared through inline mode come back as messages "via" the bot: not questions.
_NEW_MESSAGE = filters.UpdateType.MESSAGE & ~filters.VIA_BOT
_PRIVATE = filters.ChatType.PRIVATE & _NEW_MESSAGE
_GROUPS = filters.ChatType.GROUPS & _NEW_MESSAGE


def _add_handlers(application: BotApplication) -> None:
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


async def _describe_bot(application: BotApplication) -> None:
    """Register the command menu and descriptions; a failure here must not stop the bot."""
    bot = application.bot
    try:
        await bot.set_my_commands(commands.MENU)
        await bot.set_my_short_description(SHORT_DESCRIPTION)
        await bot.set_my_description(DESCRIPTION)
    except TelegramError as error:
        _LOGGER.warning("Could not register the command menu and description: %s", error)


def build_application(settings: Settings) -> BotApplication:
    """The bot's Application for `settings` (which must carry a token)."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")

    async def post_init(application: BotApplication) -> None:
        """Create the shared services and describe the bot to Telegram."""
        kb = load_knowledge_base(settings.knowledge)
        install(application.bot_data, Retriever(kb))
        await _describe_bot(application)

    builder: ApplicationBuilder[
        ExtBot[Any], Context, dict[Any, Any], dict[Any, Any], dict[Any, Any], JobQueue[Context]
    ] = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_base_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,
            )
        )
        .concurrent_updates(settings.concurrent_updates)
        .post_init(post_init)
    )
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
    if settings.user_rate > 0:
        throttle = UserThrottle(settings.user_burst, settings.user_rate)
        # Group -1 runs before every handler; its ApplicationHandlerStop drops the update.
        application.add_handler(TypeHandler(Update, throttle.check), group=-1)
    _add_handlers(application)
    return application
