"""What the bot says in each situation: HTML messages plus the keyboard under the last one."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Chat, InlineKeyboardMarkup, Message

from celacbot.bot import formatting, keyboards
from celacbot.bot.constants import EXAMPLE_QUESTIONS, MAX_SUGGESTION_BUTTONS
from celacbot.bot.language import topic_texts
from celacbot.bot.service import KnowledgeService
from celacbot.bot.texts import Language, texts
from celacbot.knowledge.models import KnowledgeBase
from celacbot.retrieval.answer import Answer, Decision, Kind


@dataclass(frozen=True, slots=True)
class Reply:
    """One or more HTML messages; the keyboard goes under the last."""

    messages: list[str]
    keyboard: InlineKeyboardMarkup | None = None

    async def send(self, to: Message | Chat, *, quote: bool | None = None) -> list[Message]:
        """Send the reply after a message (in its chat and forum topic) or to a chat; the
        messages sent.

        `quote` None quotes the message in groups only, PTB's default.
        """
        last = len(self.messages) - 1
        sent = []
        for index, text in enumerate(self.messages):
            markup = self.keyboard if index == last else None
            if isinstance(to, Message):
                sent.append(await to.reply_text(text, reply_markup=markup, do_quote=quote))
            else:
                sent.append(await to.send_message(text, reply_markup=markup))
        return sent


def answer_reply(
    answer: Answer,
    knowledge: KnowledgeService,
    lang: Language,
    *,
    heading: bool = False,
    event_id: int | None = None,
    group: bool = False,
) -> Reply:
    """The reply to any retriever verdict, in `lang`; `event_id` is the question's in the
    question log; in a `group`, a decline offers the topics behind one button."""
    messages = formatting.answer_messages(answer, lang, heading=heading and answer.kind is Kind.FAQ)
    said = texts(lang)
    if answer.decision is Decision.SUGGEST:
        suggestions = answer.suggestions[:MAX_SUGGESTION_BUTTONS]
        keyboard = keyboards.suggestions_keyboard(
            suggestions, event_id, none_label=said.none_button
        )
        return Reply(messages, keyboard)
    if answer.decision is Decision.DECLINE:
        return Reply(messages, _topics_keyboard(knowledge, lang, group=group))
    if answer.kind in (Kind.FAQ, Kind.FACT) and answer.id and answer.source:
        return Reply(messages, knowledge.answer_keyboard(answer.id, lang))
    return Reply(messages)


def _topics_keyboard(
    knowledge: KnowledgeService, lang: Language, *, group: bool
) -> InlineKeyboardMarkup:
    """Every topic, or in a group one button that opens them (eight would clutter the chat)."""
    if group:
        return keyboards.browse_topics_keyboard(texts(lang).topics_button)
    return knowledge.topics_keyboard(lang)


def source_reply(answer: Answer, kb: KnowledgeBase, lang: Language) -> Reply:
    """The article quotes behind an answer, as messages of their own."""
    return Reply(formatting.source_messages(answer, kb.source, lang))


def greeting_reply(first_name: str | None, knowledge: KnowledgeService, lang: Language) -> Reply:
    """The /start greeting with example questions as buttons."""
    examples = knowledge.featured[:EXAMPLE_QUESTIONS]
    return Reply(
        [formatting.greeting_message(first_name, knowledge.kb, lang)],
        keyboards.questions_keyboard((entry.id, entry.label_in(lang)) for entry in examples),
    )


def topics_reply(knowledge: KnowledgeService, lang: Language) -> Reply:
    """Every topic as a button."""
    return Reply([texts(lang).topics], knowledge.topics_keyboard(lang))


def topic_reply(kb: KnowledgeBase, topic_id: str, lang: Language) -> Reply | None:
    """One topic's questions as buttons, or None for an unknown topic."""
    topic = next((topic for topic in kb.topics if topic.id == topic_id), None)
    if topic is None:
        return None
    labels = [(entry.id, entry.label_in(lang)) for entry in kb.entries if entry.topic == topic_id]
    translated = topic_texts(topic, lang)
    return Reply(
        [formatting.topic_message(translated.title, translated.description, lang)],
        keyboards.topic_keyboard(labels, back_label=texts(lang).back_button),
    )


def none_of_these_reply(knowledge: KnowledgeService, lang: Language, *, group: bool) -> Reply:
    """The honest note after every suggestion was rejected, with the topics to browse."""
    return Reply([texts(lang).none_of_these], _topics_keyboard(knowledge, lang, group=group))
