"""Slash commands: /start (with deep links), /help, /topics, /source, /about and /ask."""

from __future__ import annotations

from telegram import BotCommand, Update
from telegram.ext import ContextTypes

from celacbot.bot import formatting
from celacbot.bot.language import user_language
from celacbot.bot.messages import reply_to_question
from celacbot.bot.replies import Reply, answer_reply, greeting_reply, topics_reply
from celacbot.bot.services import count_answer, retriever_of
from celacbot.bot.texts import Language, texts


def menu(lang: Language) -> tuple[BotCommand, ...]:
    """The command menu set at start-up, in `lang`; every command has a handler here."""
    descriptions = texts(lang).profile.commands
    return tuple(BotCommand(name, text) for name, text in descriptions.model_dump().items())


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user, or answer the entry a deep link (/start <entry-id>) points to."""
    message = update.message
    if message is None:
        return
    retriever = retriever_of(context.bot_data)
    user = update.effective_user
    lang = user_language(user, context)
    payload = context.args or []
    answer = retriever.answer_entry(payload[0], lang_hint=lang) if len(payload) == 1 else None
    if answer is not None:
        count_answer(context.bot_data, answer)
        await answer_reply(answer, retriever, lang, heading=True).send(message)
        return
    await greeting_reply(user.first_name if user else None, retriever.kb, lang).send(message)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask, in private chats, groups and inline."""
    if update.message:
        lang = user_language(update.effective_user, context)
        await Reply([formatting.help_message(context.bot.username, lang)]).send(update.message)


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the article's topics as buttons."""
    if update.message:
        lang = user_language(update.effective_user, context)
        await topics_reply(retriever_of(context.bot_data).kb, lang).send(update.message)


async def source(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Name the article, its author and what it covers."""
    if update.message:
        kb = retriever_of(context.bot_data).kb
        lang = user_language(update.effective_user, context)
        await Reply([formatting.source_overview_message(kb, lang)]).send(update.message)


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what the bot is and how it decides what to answer."""
    if update.message:
        kb = retriever_of(context.bot_data).kb
        lang = user_language(update.effective_user, context)
        await Reply([formatting.about_message(kb.source, lang)]).send(update.message)


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the question after /ask (the way to ask in groups with privacy mode on)."""
    message = update.message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question:
        await message.reply_text(texts(user_language(update.effective_user, context)).ask_usage)
        return
    await reply_to_question(message, question, context)
