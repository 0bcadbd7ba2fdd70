"""The error handler: log with context, apologise to the user, never show a traceback."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, TelegramError

from celacbot.bot.context import BotContext
from celacbot.bot.texts import texts

_LOGGER = logging.getLogger(__name__)

# Harmless races: a user pressed a button twice, or pressed it after the query expired.
EXPECTED_BAD_REQUESTS = ("message is not modified", "query is too old", "query id is invalid")


def _is_expected(error: BaseException | None) -> bool:
    return isinstance(error, BadRequest) and any(
        phrase in error.message.lower() for phrase in EXPECTED_BAD_REQUESTS
    )


def _context(update: object) -> str:
    if not isinstance(update, Update):
        return "no update"
    chat = update.effective_chat
    return f"update {update.update_id} in a {chat.type if chat else 'no'} chat"


async def handle_error(update: object, context: BotContext) -> None:
    """Log a failed update or polling error and tell the user, unless they cannot be told."""
    error = context.error
    where = _context(update)
    if _is_expected(error):
        _LOGGER.debug("Ignored %s: %s", where, error)
        return
    if isinstance(error, Forbidden):
        # The user blocked the bot or left: retrying would fail the same way.
        _LOGGER.warning("Cannot reply to %s: %s", where, error)
        return
    if isinstance(error, Conflict):
        # Telegram serves one getUpdates at a time per token; PTB retries with back-off.
        _LOGGER.warning(
            "Another instance is polling with this token (%s); stop it. Retrying", error
        )
        return
    if update is None and isinstance(error, NetworkError):
        # PTB's polling loop retries with back-off; one line per failure is enough.
        _LOGGER.warning("Fetching updates failed (%s); retrying", error)
        return
    _LOGGER.error("Handling %s failed", where, exc_info=error)
    if isinstance(update, Update) and update.effective_chat:
        try:
            lang = context.bot_data.languages.user_language(update.effective_user)
            await update.effective_chat.send_message(texts(lang).apology)
        except TelegramError as apology_error:
            _LOGGER.warning("Could not apologise for %s: %s", where, apology_error)
