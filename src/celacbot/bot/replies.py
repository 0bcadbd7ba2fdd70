"""What the bot says in each situation: HTML messages plus the keyboard under the last one."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from telegram import Chat, InlineKeyboardMarkup, Message

from celacbot.bot import formatting, keyboards
from celacbot.bot.constants import (
    EXAMPLE_QUESTIONS,
    KEYBOARD_CACHE_SIZE,
    MAX_RELATED_BUTTONS,
    MAX_SUGGESTION_BUTTONS,
)
from celacbot.bot.language import entry_question, topic_texts
from celacbot.bot.services import featured_entries
from celacbot.bot.texts import Language, texts
from celacbot.knowledge.models import KnowledgeBase
from celacbot.retrieval.answer import Answer, Decision, Kind
from celacbot.retrieval.retriever import Retriever


@dataclass(frozen=True, slots=True)
class Reply:
    """One or more HTML messages; the keyboard goes under the last."""

    messages: list[str]
    keyboard: InlineKeyboardMarkup | None = None

    async def send(self, to: Message | Chat, *, quote: bool | None = None) -> None:
        """Send the reply after a message (in its chat and forum topic) or to a chat.

        `quote` None quotes the message in groups only, PTB's default.
        """
        last = len(self.messages) - 1
        for index, text in enumerate(self.messages):
            markup = self.keyboard if index == last else None
            if isinstance(to, Message):
                await to.reply_text(text, reply_markup=markup, do_quote=quote)
            else:
                await to.send_message(text, reply_markup=markup)


def _topic_buttons(kb: KnowledgeBase, lang: Language) -> InlineKeyboardMarkup:
    return keyboards.topics_keyboard(
        (topic.id, topic_texts(topic, lang).title) for topic in kb.topics
    )


def answer_reply(
    answer: Answer,
    retriever: Retriever,
    lang: Language,
    *,
    heading: bool = False,
    event_id: int | None = None,
) -> Reply:
    """The reply to any retriever verdict, in `lang`; `event_id` is the question's in the
    question log."""
    messages = formatting.answer_messages(answer, lang, heading=heading and answer.kind is Kind.FAQ)
    said = texts(lang)
    if answer.decision is Decision.SUGGEST:
        suggestions = answer.suggestions[:MAX_SUGGESTION_BUTTONS]
        keyboard = keyboards.suggestions_keyboard(
            suggestions, event_id, none_label=said.none_button
        )
        return Reply(messages, keyboard)
    if answer.decision is Decision.DECLINE:
        return Reply(messages, _decline_keyboard(retriever, lang))
    if answer.kind in (Kind.FAQ, Kind.FACT) and answer.id and answer.source:
        related = tuple(answer.related[:MAX_RELATED_BUTTONS])
        return Reply(messages, _answer_keyboard(retriever, answer.id, related, lang))
    return Reply(messages)


# The keyboards under answers and declines depend only on the knowledge base (one per
# retriever: a reload makes a new one) and the language, so each is built once, not per
# question. Keyboards are immutable.
@lru_cache(maxsize=KEYBOARD_CACHE_SIZE)
def _answer_keyboard(
    retriever: Retriever, entry_id: str, related_ids: tuple[str, ...], lang: Language
) -> InlineKeyboardMarkup:
    related = [
        (entry.id, entry_question(entry, lang))
        for entry in map(retriever.entry, related_ids)
        if entry is not None
    ]
    return keyboards.answer_keyboard(entry_id, related, source_label=texts(lang).source_button)


@lru_cache(maxsize=KEYBOARD_CACHE_SIZE)
def _decline_keyboard(retriever: Retriever, lang: Language) -> InlineKeyboardMarkup:
    return _topic_buttons(retriever.kb, lang)


def source_reply(answer: Answer, kb: KnowledgeBase, lang: Language) -> Reply:
    """The article quotes behind an answer."""
    return Reply(formatting.source_messages(answer, kb.source, lang))


def greeting_reply(first_name: str | None, kb: KnowledgeBase, lang: Language) -> Reply:
    """The /start greeting with example questions as buttons."""
    examples = featured_entries(kb)[:EXAMPLE_QUESTIONS]
    return Reply(
        [formatting.greeting_message(first_name, kb, lang)],
        keyboards.questions_keyboard((entry.id, entry_question(entry, lang)) for entry in examples),
    )


def topics_reply(kb: KnowledgeBase, lang: Language) -> Reply:
    """Every topic as a button."""
    return Reply([texts(lang).topics], _topic_buttons(kb, lang))


def topic_reply(kb: KnowledgeBase, topic_id: str, lang: Language) -> Reply | None:
    """One topic's questions as buttons, or None for an unknown topic."""
    topic = next((topic for topic in kb.topics if topic.id == topic_id), None)
    if topic is None:
        return None
    questions = [
        (entry.id, entry_question(entry, lang)) for entry in kb.entries if entry.topic == topic_id
    ]
    translated = topic_texts(topic, lang)
    return Reply(
        [formatting.topic_message(translated.title, translated.description, lang)],
        keyboards.topic_keyboard(questions, back_label=texts(lang).back_button),
    )


def none_of_these_reply(kb: KnowledgeBase, lang: Language) -> Reply:
    """The honest note after every suggestion was rejected, with the topics to browse."""
    return Reply([texts(lang).none_of_these], _topic_buttons(kb, lang))
