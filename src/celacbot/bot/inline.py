"""Inline mode: `@bot <words>` offers matching answers to share in any chat."""

from __future__ import annotations

from telegram import InlineQueryResultsButton, Update

from celacbot.bot.constants import (
    INLINE_CACHE_SECONDS,
    INLINE_START_PARAMETER,
    MAX_INLINE_MATCHES,
    MAX_INLINE_RESULTS,
)
from celacbot.bot.context import BotContext
from celacbot.bot.texts import texts


async def inline_query(update: Update, context: BotContext) -> None:
    """Offer the best-matching entries (a few), or the most asked ones for an empty query;
    when nothing matches, say so with a button to ask in a private chat."""
    query = update.inline_query
    if query is None:
        return
    knowledge = context.knowledge
    words = query.query.strip()
    if words:
        ids = [each.id for each in knowledge.retriever.search(words, limit=MAX_INLINE_MATCHES)]
    else:
        asked = knowledge.most_asked(context.bot_data.ask_counts, MAX_INLINE_RESULTS)
        ids = [entry.id for entry in asked]
    lang = context.bot_data.languages.user_language(query.from_user)
    username = context.bot.username
    found = [knowledge.inline_result(each, lang, username) for each in dict.fromkeys(ids)]
    results = [each for each in found if each]
    button = (
        None
        if results
        else InlineQueryResultsButton(
            texts(lang).inline_nothing, start_parameter=INLINE_START_PARAMETER
        )
    )
    await query.answer(results, cache_time=INLINE_CACHE_SECONDS, button=button)
