"""Questions in private chats, and the hint for anything that is not text."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import ContextTypes

from celacbot.bot.language import reply_language, user_language
from celacbot.bot.replies import answer_reply
from celacbot.bot.services import count_answer, question_log_of, retriever_of
from celacbot.bot.texts import texts


async def reply_to_question(
    message: Message, question: str, context: ContextTypes.DEFAULT_TYPE
) -> None:
    """Answer `question` under `message`, in its language, and record the verdict in the
    question log."""
    retriever = retriever_of(context.bot_data)
    # The user's language decides only for questions whose words do not tell theirs.
    user = message.from_user
    answer = retriever.answer(question, lang_hint=user_language(user, context))
    count_answer(context.bot_data, answer)
    # record() only queues the write: the reply does not wait for the database.
    event_id = question_log_of(context.bot_data).record(
        answer,
        user_id=user.id if user else None,
        chat_type=message.chat.type,
        language=user.language_code if user else None,
    )
    lang = reply_language(answer, user, context)
    await answer_reply(answer, retriever, lang, event_id=event_id).send(message)


async def private_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a text message in a private chat."""
    message = update.message
    if message and message.text:
        await reply_to_question(message, message.text, context)


async def non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Tell the user that only text questions are understood."""
    if update.message:
        await update.message.reply_text(
            texts(user_language(update.effective_user, context)).non_text
        )


def _addressee(command_text: str) -> str:
    """The bot a command names ("/help@OtherBot" -> "otherbot"), "" when it names none."""
    command = next(iter(command_text.split(maxsplit=1)), "")
    return command.partition("@")[2].lower()


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Point to /help after a command the bot does not have; a command for another bot
    ("/help@OtherBot") is none of its business."""
    message = update.message
    if message is None:
        return
    addressee = _addressee(message.text or "")
    if addressee and addressee != context.bot.username.lower():
        return
    await message.reply_text(texts(user_language(update.effective_user, context)).unknown_command)
