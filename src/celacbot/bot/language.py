"""Which language to speak: the question's when it has one, else the user's.

The user's language is that of their last question (remembered in user_data, so that a
button under a Spanish answer answers in Spanish), else their Telegram app's language_code.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from telegram import Update
from telegram.ext import ContextTypes

from celacbot.bot.texts import ENGLISH, LANGUAGES, Language
from celacbot.knowledge.models import Entry, Lang, Topic, TopicTranslation
from celacbot.retrieval.answer import Answer, Decision, Kind
from celacbot.retrieval.language import question_language
from celacbot.retrieval.normalise import words
from celacbot.retrieval.retriever import Retriever

# user_data key of the language of the user's last question.
LANGUAGE_KEY: Final = "language"
_BY_CODE: Final[dict[str, Language]] = {lang: lang for lang in LANGUAGES}
# The languages faq.yaml translates into (English is its base language).
_TRANSLATED: Final[dict[str, Lang]] = {"es": "es", "pt": "pt", "zh": "zh"}


def language_of_code(code: str | None) -> Language:
    """The bot's language for a Telegram language_code ("pt-br" -> "pt"); English otherwise."""
    return _BY_CODE.get((code or "").partition("-")[0].lower(), ENGLISH)


def user_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Language:
    """The language of the user's last question, else their Telegram app's language."""
    remembered = context.user_data.get(LANGUAGE_KEY) if context.user_data is not None else None
    if remembered in _BY_CODE:
        return _BY_CODE[remembered]
    user = update.effective_user
    return language_of_code(user.language_code if user else None)


def reply_language(answer: Answer, update: Update, context: ContextTypes.DEFAULT_TYPE) -> Language:
    """The language to reply to a question in: the question's, else the user's.

    The question's language is remembered as the user's for the buttons and commands after it.
    """
    asked = _BY_CODE.get(answer.lang) if answer.lang != ENGLISH else None
    if asked is None:
        asked = _BY_CODE.get(question_language(answer.question, words(answer.question)) or "")
    if asked is None:
        return user_language(update, context)
    if context.user_data is not None:
        context.user_data[LANGUAGE_KEY] = asked
    return asked


def localized(answer: Answer, lang: Language, retriever: Retriever) -> Answer:
    """`answer` in `lang` when the knowledge base has that translation.

    Answers to buttons and deep links come in English, and so do answers to questions whose
    words do not tell their language ("CBERS"); an entry's own question is translated too.
    """
    key = _TRANSLATED.get(lang)
    if key is None or answer.lang == lang or answer.decision is not Decision.ANSWER:
        return answer
    if answer.kind is Kind.FAQ and answer.id:
        entry = retriever.entry(answer.id)
        translation = entry.translations.get(key) if entry else None
        if entry is None or translation is None:
            return answer
        own_question = answer.question == entry.canonical_question
        question = translation.questions[0] if own_question else answer.question
        return replace(answer, question=question, text=translation.answer, lang=lang)
    if answer.kind is Kind.FACT and answer.id:
        fact = next((fact for fact in retriever.kb.facts if fact.id == answer.id), None)
        text = fact.translations.get(key) if fact else None
        return replace(answer, text=text, lang=lang) if text else answer
    return answer


def english_only(answer: Answer, lang: Language) -> bool:
    """Whether an answer is in English only because it has no translation into `lang`."""
    return answer.answered and answer.lang != lang


def entry_question(entry: Entry, lang: Language) -> str:
    """The entry's question for buttons, in `lang` when translated."""
    key = _TRANSLATED.get(lang)
    translation = entry.translations.get(key) if key else None
    return translation.questions[0] if translation else entry.canonical_question


def topic_texts(topic: Topic, lang: Language) -> TopicTranslation:
    """The topic's title and description, in `lang` when translated."""
    key = _TRANSLATED.get(lang)
    translation = topic.translations.get(key) if key else None
    return translation or TopicTranslation(title=topic.title, description=topic.description)
