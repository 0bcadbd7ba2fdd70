"""Which language to speak: the question's when there is one, else the user's.

The user's language is that of their last question (remembered, so that a button under a
Spanish answer answers in Spanish), else their Telegram app's language_code.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Final

from telegram import User
from telegram.ext import ContextTypes

from celacbot.bot.texts import ENGLISH, LANGUAGES, Language
from celacbot.knowledge.models import Entry, Topic, TopicTranslation, translated
from celacbot.retrieval.answer import Answer

# bot_data key of the languages of users' last questions, by user id, most recent last.
# Not user_data: that would keep a dict for every user who ever wrote, without bound.
LANGUAGES_KEY: Final = "languages"
MAX_REMEMBERED_USERS: Final = 10_000
_BY_CODE: Final[dict[str, Language]] = {lang: lang for lang in LANGUAGES}


def language_of_code(code: str | None) -> Language:
    """The bot's language for a language code ("pt-br" -> "pt"); English for any other."""
    return _BY_CODE.get((code or "").partition("-")[0].lower(), ENGLISH)


def _remembered(context: ContextTypes.DEFAULT_TYPE) -> OrderedDict[int, Language]:
    memory = context.bot_data.setdefault(LANGUAGES_KEY, OrderedDict())
    if not isinstance(memory, OrderedDict):
        raise TypeError(f"bot_data[{LANGUAGES_KEY!r}] is {type(memory).__name__}")
    return memory


def user_language(user: User | None, context: ContextTypes.DEFAULT_TYPE) -> Language:
    """The language of the user's last question, else their Telegram app's language."""
    if user is None:
        return ENGLISH
    return _remembered(context).get(user.id) or language_of_code(user.language_code)


def reply_language(
    answer: Answer, user: User | None, context: ContextTypes.DEFAULT_TYPE
) -> Language:
    """The language the question was asked in, remembered for the user's buttons and commands
    after it (for the most recent MAX_REMEMBERED_USERS users)."""
    lang = language_of_code(answer.requested_lang)
    if user is not None:
        memory = _remembered(context)
        memory[user.id] = lang
        memory.move_to_end(user.id)
        if len(memory) > MAX_REMEMBERED_USERS:
            memory.popitem(last=False)
    return lang


def entry_question(entry: Entry, lang: str) -> str:
    """The entry's question for buttons and headings, in `lang` when translated."""
    translation = translated(entry.translations, lang)
    return translation.questions[0] if translation else entry.canonical_question


def topic_texts(topic: Topic, lang: Language) -> TopicTranslation:
    """The topic's title and description, in `lang` when translated."""
    fallback = TopicTranslation(title=topic.title, description=topic.description)
    return translated(topic.translations, lang) or fallback
