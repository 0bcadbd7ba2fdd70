"""Group chats: answer only messages meant for the bot (mentions and replies to it)."""

from __future__ import annotations

import re

from telegram import Message, Update
from telegram.ext import ContextTypes

from celacbot.bot.messages import reply_to_question

ASK_HINT = "Ask me after the mention, e.g. “@{username} What is CBERS?”, or use /ask <question>."


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


async def group_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a group message that mentions the bot or replies to it; ignore other chatter."""
    message = update.message
    if message is None:
        return
    question = addressed_question(message, context.bot.id, context.bot.username)
    if question is None:
        return
    if not question:
        await message.reply_text(ASK_HINT.format(username=context.bot.username), parse_mode=None)
        return
    await reply_to_question(message, question, context)
