"""Questions in private chats, and the hint for anything that is not text."""

from __future__ import annotations

from telegram import Chat, Message, Update

from celacbot.bot.context import BotContext
from celacbot.bot.replies import answer_reply
from celacbot.bot.texts import texts


async def reply_to_question(message: Message, question: str, context: BotContext) -> None:
    """Answer `question` under `message`, in its language, and log the verdict."""
    knowledge = context.knowledge
    shared = context.bot_data
    # The user's language decides only for questions whose words do not tell theirs.
    user = message.from_user
    answer = knowledge.retriever.answer(question, lang_hint=shared.languages.user_language(user))
    shared.count_answer(answer)
    # record() only queues the write: the reply does not wait for the database.
    event_id = shared.question_log.record(
        answer,
        user_id=user.id if user else None,
        chat_type=message.chat.type,
        language=user.language_code if user else None,
    )
    lang = shared.languages.reply_language(answer, user)
    group = message.chat.type != Chat.PRIVATE
    await answer_reply(answer, knowledge, lang, event_id=event_id, group=group).send(message)


async def private_question(update: Update, context: BotContext) -> None:
    """Answer a text message in a private chat."""
    message = update.message
    if message and message.text:
        await reply_to_question(message, message.text, context)


async def non_text(update: Update, context: BotContext) -> None:
    """Tell the user that only text questions are understood."""
    if update.message:
        lang = context.bot_data.languages.user_language(update.effective_user)
        await update.message.reply_text(texts(lang).non_text)


def _addressee(command_text: str) -> str:
    """The bot a command names ("/help@OtherBot" -> "otherbot"), "" when it names none."""
    command = next(iter(command_text.split(maxsplit=1)), "")
    return command.partition("@")[2].lower()


async def unknown_command(update: Update, context: BotContext) -> None:
    """Point to /help after a command this bot does not have (another bot's is ignored)."""
    message = update.message
    if message is None:
        return
    addressee = _addressee(message.text or "")
    if addressee and addressee != context.bot.username.lower():
        return
    lang = context.bot_data.languages.user_language(update.effective_user)
    await message.reply_text(texts(lang).unknown_command)
