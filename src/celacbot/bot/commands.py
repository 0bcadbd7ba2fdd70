"""Slash commands: /start (with deep links), /help, /topics, /source, /about and /ask."""

from __future__ import annotations

from telegram import BotCommand, Update
from telegram.ext import ContextTypes

from celacbot.bot import formatting
from celacbot.bot.messages import reply_to_question
from celacbot.bot.replies import Reply, answer_reply, greeting_reply, topics_reply
from celacbot.bot.services import count_answer, retriever_of

ASK_USAGE = "Put your question after the command, e.g. /ask What is CBERS?"

# The command menu set at start-up; every entry has a handler in this module.
MENU = (
    BotCommand("start", "What I know, with example questions"),
    BotCommand("help", "How to ask me"),
    BotCommand("topics", "Browse the questions by topic"),
    BotCommand("source", "The article I answer from"),
    BotCommand("about", "What this bot is and how it answers"),
    BotCommand("ask", "Ask a question (in groups: /ask <question>)"),
)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user, or answer the entry a deep link (/start <entry-id>) points to."""
    message = update.message
    if message is None:
        return
    retriever = retriever_of(context.bot_data)
    payload = context.args or []
    answer = retriever.answer_entry(payload[0]) if len(payload) == 1 else None
    if answer is not None:
        count_answer(context.bot_data, answer)
        await answer_reply(answer, retriever, heading=True).send(message)
        return
    first_name = update.effective_user.first_name if update.effective_user else None
    await greeting_reply(first_name, retriever.kb).send(message)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain how to ask, in private chats, groups and inline."""
    if update.message:
        await Reply([formatting.help_message(context.bot.username)]).send(update.message)


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """List the article's topics as buttons."""
    if update.message:
        await topics_reply(retriever_of(context.bot_data).kb).send(update.message)


async def source(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Name the article, its author and what it covers."""
    if update.message:
        kb = retriever_of(context.bot_data).kb
        await Reply([formatting.source_overview_message(kb)]).send(update.message)


async def about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Say what the bot is and how it decides what to answer."""
    if update.message:
        kb = retriever_of(context.bot_data).kb
        await Reply([formatting.about_message(kb.source)]).send(update.message)


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the question after /ask (the way to ask in groups with privacy mode on)."""
    message = update.message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question:
        await message.reply_text(ASK_USAGE, parse_mode=None)
        return
    await reply_to_question(message, question, context)
