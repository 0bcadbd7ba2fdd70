"""Questions in private chats, and the hint for anything that is not text."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import ContextTypes

from celacbot.bot.replies import answer_reply
from celacbot.bot.services import count_answer, question_log_of, retriever_of

NON_TEXT_HINT = "I can only read text. Send me your question as a message."
UNKNOWN_COMMAND_HINT = "I don't know that command. /help lists what I can do."


async def reply_to_question(
    message: Message, question: str, context: ContextTypes.DEFAULT_TYPE
) -> None:
    """Answer `question` under `message` and record the verdict in the question log."""
    retriever = retriever_of(context.bot_data)
    answer = retriever.answer(question)
    count_answer(context.bot_data, answer)
    user = message.from_user
    # record() only queues the write: the reply does not wait for the database.
    event_id = question_log_of(context.bot_data).record(
        answer,
        user_id=user.id if user else None,
        chat_type=message.chat.type,
        language=user.language_code if user else None,
    )
    await answer_reply(answer, retriever, event_id=event_id).send(message)


async def private_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a text message in a private chat."""
    message = update.message
    if message and message.text:
        await reply_to_question(message, message.text, context)


async def non_text(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tell the user that only text questions are understood."""
    if update.message:
        await update.message.reply_text(NON_TEXT_HINT, parse_mode=None)


async def unknown_command(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    """Point to /help after a command the bot does not have."""
    if update.message:
        await update.message.reply_text(UNKNOWN_COMMAND_HINT, parse_mode=None)
