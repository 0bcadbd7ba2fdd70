"""Which language to speak: the question's when there is one, else the user's.

The user's language is that of their last question whose words told it (remembered, so that a
button under a Spanish answer answers in Spanish), else their Telegram app's language_code.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Final

from telegram import User

from celacbot.bot.texts import ENGLISH, LANGUAGES, Language
from celacbot.knowledge.models import Topic, TopicTranslation, translated
from celacbot.retrieval.answer import Answer
from celacbot.retrieval.language import question_language
from celacbot.retrieval.normalise import words

# Users whose last question's language is kept. Not in PTB's user_data: that would keep a
# dict for every user who ever wrote, without bound.
MAX_REMEMBERED_USERS: Final = 10_000
_BY_CODE: Final[dict[str, Language]] = {lang: lang for lang in LANGUAGES}


def language_of_code(code: str | None) -> Language:
    """The bot's language for a language code ("pt-br" -> "pt"); English for any other."""
    return _BY_CODE.get((code or "").partition("-")[0].lower(), ENGLISH)


class LanguageMemory:
    """The language of each recent user's last question, the most recent last."""

    def __init__(self, limit: int = MAX_REMEMBERED_USERS) -> None:
        """Remember the languages of the latest `limit` users who asked."""
        self._limit = limit
        self._languages: OrderedDict[int, Language] = OrderedDict()

    def user_language(self, user: User | None) -> Language:
        """The language of the user's last question, else their Telegram app's language."""
        if user is None:
            return ENGLISH
        return self._languages.get(user.id) or language_of_code(user.language_code)

    def reply_language(self, answer: Answer, user: User | None) -> Language:
        """The language the answer is in; remembered for the user's menus, help and buttons
        only when the question's own words told it (a bare "BYD" or "ok" tells nothing, and
        must not switch a Spanish user's menus to English)."""
        lang = language_of_code(answer.requested_lang)
        told = question_language(answer.question, words(answer.question))
        if user is not None and told is not None:
            self._languages[user.id] = lang
            self._languages.move_to_end(user.id)
            if len(self._languages) > self._limit:
                self._languages.popitem(last=False)
        return lang


def topic_texts(topic: Topic, lang: Language) -> TopicTranslation:
    """The topic's title and description, in `lang` when translated."""
    fallback = TopicTranslation(title=topic.title, description=topic.description)
    return translated(topic.translations, lang) or fallback
