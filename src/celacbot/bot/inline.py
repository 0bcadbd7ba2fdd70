"""Inline mode: `@bot <words>` offers matching answers to share in any chat."""

from __future__ import annotations

from telegram import Update

from celacbot.bot.constants import INLINE_CACHE_SECONDS, MAX_INLINE_RESULTS
from celacbot.bot.context import BotContext


async def inline_query(update: Update, context: BotContext) -> None:
    """Offer the best-matching entries, or the most asked ones for an empty query."""
    query = update.inline_query
    if query is None:
        return
    knowledge = context.knowledge
    words = query.query.strip()
    if words:
        ids = [each.id for each in knowledge.retriever.search(words, limit=MAX_INLINE_RESULTS)]
    else:
        asked = knowledge.most_asked(context.bot_data.ask_counts, MAX_INLINE_RESULTS)
        ids = [entry.id for entry in asked]
    lang = context.bot_data.languages.user_language(query.from_user)
    results = [knowledge.inline_result(each, lang) for each in dict.fromkeys(ids)]
    await query.answer([each for each in results if each], cache_time=INLINE_CACHE_SECONDS)
