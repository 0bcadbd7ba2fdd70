"""Inline mode: `@bot <words>` offers matching answers to share in any chat."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.ext import ContextTypes

from celacbot.bot.constants import (
    INLINE_CACHE_SECONDS,
    INLINE_DESCRIPTION_CHARS,
    MAX_INLINE_RESULTS,
)
from celacbot.bot.formatting import inline_message, short_text
from celacbot.bot.language import user_language
from celacbot.bot.services import most_asked, retriever_of


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Offer the best-matching entries, or the most asked ones for an empty query."""
    query = update.inline_query
    if query is None:
        return
    retriever = retriever_of(context.bot_data)
    words = query.query.strip()
    if words:
        ids = [each.id for each in retriever.search(words, limit=MAX_INLINE_RESULTS)]
    else:
        ids = [entry.id for entry in most_asked(context.bot_data, retriever, MAX_INLINE_RESULTS)]
    lang = user_language(query.from_user, context)
    answers = [
        answer
        for answer in (retriever.answer_entry(each, lang_hint=lang) for each in dict.fromkeys(ids))
        if answer
    ]
    results = [
        InlineQueryResultArticle(
            id=answer.id or str(index),
            title=answer.question,
            description=short_text(answer.text, INLINE_DESCRIPTION_CHARS),
            input_message_content=InputTextMessageContent(
                inline_message(answer, retriever.kb.source)
            ),
        )
        for index, answer in enumerate(answers)
    ]
    await query.answer(results, cache_time=INLINE_CACHE_SECONDS)
