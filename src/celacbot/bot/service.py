"""One loaded knowledge version as the bot serves it: its retriever and what the bot builds
from it for Telegram.

The keyboards under answers and declines and the inline results depend only on the version,
the entry and the language, so each is built once, on first use, not for every question or
keystroke. They live in the version's own object, so a reload drops them with the version it
replaces: nothing outside keeps an old version alive.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.helpers import create_deep_linked_url

from celacbot.bot import keyboards
from celacbot.bot.constants import (
    INLINE_DESCRIPTION_CHARS,
    MAX_RELATED_BUTTONS,
    NO_LINK_PREVIEW,
    PARSE_MODE,
)
from celacbot.bot.formatting import inline_message, short_text
from celacbot.bot.language import topic_texts
from celacbot.bot.texts import Language, texts
from celacbot.config import RetrievalSettings
from celacbot.knowledge.models import Entry, KnowledgeBase
from celacbot.retrieval.retriever import Retriever


def featured_entries(kb: KnowledgeBase) -> tuple[Entry, ...]:
    """Every entry, the first of each topic leading: the curated order of faq.yaml."""
    firsts: dict[str, Entry] = {}
    for entry in kb.entries:
        firsts.setdefault(entry.topic, entry)
    leading = {entry.id for entry in firsts.values()}
    return (*firsts.values(), *(entry for entry in kb.entries if entry.id not in leading))


# eq=False: a version equals only itself (its caches take no part). Weakly referable, so that
# a test can watch a replaced version go.
@dataclass(frozen=True, slots=True, eq=False, weakref_slot=True)
class KnowledgeService:
    """One knowledge version's retriever, featured entries and Telegram objects (built lazily).

    Immutable but for its caches, which handlers fill on the event loop's one thread.
    """

    retriever: Retriever
    featured: tuple[Entry, ...]
    _answer_keyboards: dict[tuple[str, Language, bool], InlineKeyboardMarkup] = field(
        default_factory=dict, init=False, repr=False
    )
    _topic_keyboards: dict[Language, InlineKeyboardMarkup] = field(
        default_factory=dict, init=False, repr=False
    )
    _inline_results: dict[tuple[str, Language, str], InlineQueryResultArticle] = field(
        default_factory=dict, init=False, repr=False
    )

    @classmethod
    def build(cls, kb: KnowledgeBase, settings: RetrievalSettings) -> KnowledgeService:
        """The service of `kb`, answering with `settings` (blocking: it builds the index)."""
        return cls(Retriever(kb, settings), featured_entries(kb))

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base of this version."""
        return self.retriever.kb

    def answer_keyboard(
        self, answer_id: str, lang: Language, *, source_shown: bool = False
    ) -> InlineKeyboardMarkup:
        """The Source button (Hide source once the quotes are shown) and the related
        questions under an entry's or a fact's answer."""
        key = (answer_id, lang, source_shown)
        keyboard = self._answer_keyboards.get(key)
        if keyboard is None:
            related_ids = self.retriever.related(answer_id)[:MAX_RELATED_BUTTONS]
            related = [
                (each.id, each.label_in(lang))
                for each in map(self.retriever.entry, related_ids)
                if each is not None
            ]
            said = texts(lang)
            keyboard = self._answer_keyboards[key] = keyboards.answer_keyboard(
                answer_id,
                related,
                source_label=said.hide_source_button if source_shown else said.source_button,
                source_shown=source_shown,
            )
        return keyboard

    def topics_keyboard(self, lang: Language) -> InlineKeyboardMarkup:
        """Every topic as a button (under declines, /topics and "none of these")."""
        keyboard = self._topic_keyboards.get(lang)
        if keyboard is None:
            keyboard = self._topic_keyboards[lang] = keyboards.topics_keyboard(
                (topic.id, topic_texts(topic, lang).title) for topic in self.kb.topics
            )
        return keyboard

    def inline_result(
        self, entry_id: str, lang: Language, bot_username: str
    ) -> InlineQueryResultArticle | None:
        """An entry as an inline result (None for an unknown id): its question, the start of
        its answer, and the full answer with its quotes as the message to share, with a button
        that opens the entry in a private chat with the bot."""
        key = (entry_id, lang, bot_username)
        result = self._inline_results.get(key)
        if result is None:
            answer = self.retriever.answer_entry(entry_id, lang_hint=lang)
            if answer is None:
                return None
            result = self._inline_results[key] = InlineQueryResultArticle(
                id=entry_id,
                title=answer.question,
                description=short_text(answer.text, INLINE_DESCRIPTION_CHARS),
                input_message_content=InputTextMessageContent(
                    inline_message(answer, self.kb.source),
                    parse_mode=PARSE_MODE,
                    link_preview_options=NO_LINK_PREVIEW,
                ),
                # Whoever sees the shared answer lands on it, with its follow-ups, in private.
                reply_markup=InlineKeyboardMarkup.from_button(
                    InlineKeyboardButton(
                        texts(lang).ask_more_button,
                        url=create_deep_linked_url(bot_username, entry_id),
                    )
                ),
            )
        return result

    def most_asked(self, counts: Counter[str], limit: int) -> list[Entry]:
        """The entries most answered per `counts`, topped up with the featured ones to `limit`."""
        asked = (self.retriever.entry(entry_id) for entry_id, _ in counts.most_common())
        ranked = {entry.id: entry for entry in asked if entry is not None}
        for entry in self.featured:
            ranked.setdefault(entry.id, entry)
        return list(ranked.values())[:limit]
