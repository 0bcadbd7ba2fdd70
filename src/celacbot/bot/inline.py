"""Inline mode: `@bot <words>` offers matching answers to share in any chat."""

from __future__ import annotations

from functools import lru_cache

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.ext import ContextTypes

from celacbot.bot.constants import (
    INLINE_CACHE_SECONDS,
    INLINE_DESCRIPTION_CHARS,
    KEYBOARD_CACHE_SIZE,
    MAX_INLINE_RESULTS,
    NO_LINK_PREVIEW,
    PARSE_MODE,
)
from celacbot.bot.formatting import inline_message, short_text
from celacbot.bot.language import user_language
from celacbot.bot.services import most_asked, retriever_of
from celacbot.bot.texts import Language
from celacbot.retrieval.retriever import Retriever


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
    results = [_result(retriever, each, lang) for each in dict.fromkeys(ids)]
    await query.answer([each for each in results if each], cache_time=INLINE_CACHE_SECONDS)


# A result depends only on the knowledge base (one per retriever: a reload makes a new one),
# the entry and the language, so each is built once, not for every keystroke of a query.
@lru_cache(maxsize=KEYBOARD_CACHE_SIZE)
def _result(retriever: Retriever, entry_id: str, lang: Language) -> InlineQueryResultArticle | None:
    """One entry as an inline result: its question, the start of its answer, and the full
    answer with its quotes as the message to share."""
    answer = retriever.answer_entry(entry_id, lang_hint=lang)
    if answer is None:
        return None
    message = inline_message(answer, retriever.kb.source)
    return InlineQueryResultArticle(
        id=entry_id,
        title=answer.question,
        description=short_text(answer.text, INLINE_DESCRIPTION_CHARS),
        input_message_content=InputTextMessageContent(
            message, parse_mode=PARSE_MODE, link_preview_options=NO_LINK_PREVIEW
        ),
    )
