"""The shared services post_init keeps in bot_data, with typed access for handlers.

Handlers read the retriever once at the start of each update and never keep it:
hot reload replaces it in bot_data while the bot runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import MutableMapping
from typing import Any

from celacbot.bot.constants import ASK_COUNTS_KEY, QUESTION_LOG_KEY, RETRIEVER_KEY, WATCHER_KEY
from celacbot.knowledge.models import Entry, KnowledgeBase
from celacbot.knowledge.reload import KnowledgeWatcher
from celacbot.misslog import QuestionLog
from celacbot.retrieval.answer import Answer, Decision, Kind
from celacbot.retrieval.retriever import Retriever

BotData = MutableMapping[Any, Any]


def install(bot_data: BotData, retriever: Retriever) -> None:
    """Put the services in bot_data (at start-up, and again on reload for the retriever)."""
    bot_data[RETRIEVER_KEY] = retriever
    bot_data.setdefault(ASK_COUNTS_KEY, Counter())


def retriever_of(bot_data: BotData) -> Retriever:
    """The retriever currently serving answers."""
    retriever = bot_data[RETRIEVER_KEY]
    if not isinstance(retriever, Retriever):
        raise TypeError(f"bot_data[{RETRIEVER_KEY!r}] is {type(retriever).__name__}")
    return retriever


def install_upkeep(
    bot_data: BotData, watcher: KnowledgeWatcher[Retriever], log: QuestionLog
) -> None:
    """Keep the knowledge watcher and the question log for the handlers (at start-up)."""
    bot_data[WATCHER_KEY] = watcher
    bot_data[QUESTION_LOG_KEY] = log


def watcher_of(bot_data: BotData) -> KnowledgeWatcher[Retriever]:
    """The watcher that reloads the knowledge file (and /reload asks)."""
    watcher = bot_data[WATCHER_KEY]
    if not isinstance(watcher, KnowledgeWatcher):
        raise TypeError(f"bot_data[{WATCHER_KEY!r}] is {type(watcher).__name__}")
    return watcher


def question_log_of(bot_data: BotData) -> QuestionLog:
    """The question log every typed question is recorded in."""
    log = bot_data[QUESTION_LOG_KEY]
    if not isinstance(log, QuestionLog):
        raise TypeError(f"bot_data[{QUESTION_LOG_KEY!r}] is {type(log).__name__}")
    return log


async def close_upkeep(bot_data: BotData) -> None:
    """Stop the watcher and close the question log, if start-up got as far as creating them."""
    watcher = bot_data.pop(WATCHER_KEY, None)
    if isinstance(watcher, KnowledgeWatcher):
        await watcher.stop()
    log = bot_data.pop(QUESTION_LOG_KEY, None)
    if isinstance(log, QuestionLog):
        await log.close()


def ask_counts(bot_data: BotData) -> Counter[str]:
    """How often each FAQ entry has been answered since start-up."""
    counts = bot_data[ASK_COUNTS_KEY]
    if not isinstance(counts, Counter):
        raise TypeError(f"bot_data[{ASK_COUNTS_KEY!r}] is {type(counts).__name__}")
    return counts


def count_answer(bot_data: BotData, answer: Answer) -> None:
    """Remember that an FAQ entry was answered, for the "most asked" inline results."""
    if answer.decision is Decision.ANSWER and answer.kind is Kind.FAQ and answer.id:
        ask_counts(bot_data)[answer.id] += 1


def featured_entries(kb: KnowledgeBase) -> list[Entry]:
    """Every entry, the first of each topic leading: the curated order of faq.yaml."""
    firsts: dict[str, Entry] = {}
    for entry in kb.entries:
        firsts.setdefault(entry.topic, entry)
    leading = {entry.id for entry in firsts.values()}
    return [*firsts.values(), *(entry for entry in kb.entries if entry.id not in leading)]


def most_asked(bot_data: BotData, retriever: Retriever, limit: int) -> list[Entry]:
    """The most answered entries, topped up with the featured ones until `limit`."""
    asked = (retriever.entry(entry_id) for entry_id, _ in ask_counts(bot_data).most_common())
    ranked = {entry.id: entry for entry in asked if entry is not None}
    for entry in featured_entries(retriever.kb):
        ranked.setdefault(entry.id, entry)
    return list(ranked.values())[:limit]
