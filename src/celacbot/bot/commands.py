"""Slash commands: /start (with deep links), /help, /topics, /source, /about and /ask."""

from __future__ import annotations

from telegram import BotCommand, Update

from celacbot.bot import formatting
from celacbot.bot.context import BotContext
from celacbot.bot.messages import reply_to_question
from celacbot.bot.replies import Reply, answer_reply, greeting_reply, topics_reply
from celacbot.bot.texts import Language, texts


def menu(lang: Language) -> tuple[BotCommand, ...]:
    """The command menu set at start-up, in `lang`; every command has a handler here."""
    descriptions = texts(lang).profile.commands
    return tuple(BotCommand(name, text) for name, text in descriptions.model_dump().items())


async def start(update: Update, context: BotContext) -> None:
    """Greet the user, or answer the entry a deep link (/start <entry-id>) points to."""
    message = update.message
    if message is None:
        return
    knowledge = context.knowledge
    user = update.effective_user
    lang = context.bot_data.languages.user_language(user)
    payload = context.args or []
    answer = (
        knowledge.retriever.answer_entry(payload[0], lang_hint=lang) if len(payload) == 1 else None
    )
    if answer is not None:
        context.bot_data.count_answer(answer)
        await answer_reply(answer, knowledge, lang, heading=True).send(message)
        return
    await greeting_reply(user.first_name if user else None, knowledge, lang).send(message)


async def help_command(update: Update, context: BotContext) -> None:
    """Explain how to ask, in private chats, groups and inline."""
    if update.message:
        lang = context.bot_data.languages.user_language(update.effective_user)
        await Reply([formatting.help_message(context.bot.username, lang)]).send(update.message)


async def topics(update: Update, context: BotContext) -> None:
    """List the article's topics as buttons."""
    if update.message:
        lang = context.bot_data.languages.user_language(update.effective_user)
        await topics_reply(context.knowledge, lang).send(update.message)


async def source(update: Update, context: BotContext) -> None:
    """Name the article, its author and what it covers."""
    if update.message:
        lang = context.bot_data.languages.user_language(update.effective_user)
        message = formatting.source_overview_message(context.knowledge.kb, lang)
        await Reply([message]).send(update.message)


async def about(update: Update, context: BotContext) -> None:
    """Say what the bot is and how it decides what to answer."""
    if update.message:
        lang = context.bot_data.languages.user_language(update.effective_user)
        message = formatting.about_message(context.knowledge.kb.source, lang)
        await Reply([message]).send(update.message)


async def ask(update: Update, context: BotContext) -> None:
    """Answer the question after /ask (the way to ask in groups with privacy mode on)."""
    message = update.message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question:
        lang = context.bot_data.languages.user_language(update.effective_user)
        await message.reply_text(texts(lang).ask_usage)
        return
    await reply_to_question(message, question, context)
