"""Questions in private chats, and the hint for anything that is not text."""

from __future__ import annotations

from telegram import Chat, Message, Update

from celacbot.bot.context import BotContext
from celacbot.bot.replies import answer_reply
from celacbot.bot.texts import texts
from celacbot.retrieval.answer import Decision


async def reply_to_question(message: Message, question: str, context: BotContext) -> None:
    """Answer `question` under `message`, in its language, and log the verdict."""
    knowledge = context.knowledge
    shared = context.bot_data
    # The user's language decides only for questions whose words do not tell theirs.
    user = message.from_user
    memory = context.chat_memory
    if memory is not None:
        shared.conversations.tick(context.application)
    subject = (
        shared.conversations.subject(memory, _replied_answer(message, context.bot.id))
        if memory is not None
        else None
    )
    answer = knowledge.retriever.answer(
        question,
        lang_hint=shared.languages.user_language(user),
        subject=subject.id if subject else None,
        replying=subject.replied if subject else False,
    )
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
    reply = answer_reply(answer, knowledge, lang, event_id=event_id, group=group)
    sent = await reply.send(message)
    last = answer.parts[-1] if answer.parts else answer
    if memory is not None and last.decision is Decision.ANSWER and last.id:
        shared.conversations.remember(memory, last.id, (each.message_id for each in sent))


def _replied_answer(message: Message, bot_id: int) -> int | None:
    """The id of the bot's message this one replies to, if it replies to the bot."""
    replied = message.reply_to_message
    if replied is None or replied.from_user is None or replied.from_user.id != bot_id:
        return None
    return replied.message_id


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
