"""Group chats: answer only messages meant for the bot (mentions and replies to it)."""

from __future__ import annotations

import re
from html import escape

from telegram import Message, Update

from celacbot.bot.context import BotContext
from celacbot.bot.messages import reply_to_question
from celacbot.bot.texts import texts


def addressed_question(message: Message, bot_id: int, bot_username: str) -> str | None:
    """The question in a group message meant for the bot (mention removed), else None."""
    text = message.text or ""
    replied = message.reply_to_message
    if replied and replied.from_user and replied.from_user.id == bot_id:
        return text
    mention = re.compile(rf"@{re.escape(bot_username)}\b", re.IGNORECASE)
    if mention.search(text):
        return mention.sub(" ", text).strip()
    return None


async def group_message(update: Update, context: BotContext) -> None:
    """Answer a group message that mentions the bot or replies to it; ignore other chatter."""
    message = update.message
    if message is None:
        return
    question = addressed_question(message, context.bot.id, context.bot.username)
    if question is None:
        return
    if not question:
        hint = texts(context.bot_data.languages.user_language(update.effective_user)).ask_hint
        await message.reply_text(hint.format(username=escape(context.bot.username, quote=False)))
        return
    await reply_to_question(message, question, context)
