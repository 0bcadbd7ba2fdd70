"""Guessing the language a question is written in."""

from __future__ import annotations

import pytest

from celacbot.knowledge.models import KnowledgeBase
from celacbot.retrieval.language import hint_language, question_language
from celacbot.retrieval.normalise import words
from celacbot.retrieval.retriever import Retriever


def detect(question: str, hint: str | None = None) -> str | None:
    return question_language(question, words(question), hint)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("hola, ¿qué es la CELAC?", "es"),
        ("qual o papel do sul global", "pt"),
        ("What is the CELAC?", "en"),
        ("中拉论坛是什么", "zh"),
        ("cooperación espacial", "es"),
        ("cooperacao espacial", "pt"),
        ("space cooperation", "en"),
        ("China e Brasil", "pt"),
        ("green energy", "en"),
        ("cbers", None),
        ("BYD Brasil", None),
        # as people text: "pro", "tb", a past tense in -ou; "pa", "xq"
        ("a china mandou vacina de covid pro brasil tb?", "pt"),
        ("byd pa latam xq", "es"),
        ("flights to Guangzhou?", "en"),  # pinyin's -ou is no Portuguese past tense
        ("que outros países compram carros chineses?", "pt"),
        # an accented question word only Spanish writes; Portuguese writes "quê"
        ("a qué países", "es"),
        ("para quê serve", "pt"),
        # a country as only one of them spells it
        ("Uruguai", "pt"),
        ("Perú", "es"),
        ("Uruguay", None),
        # Portuguese verbs and endings: "pode", "ajudar", a plural in -ais, a past in -ram
        ("Como a economia digital pode ajudar?", "pt"),
        ("Por que abriram rotas aéreas especiais?", "pt"),
        ("¿cómo puede ayudar la economía digital?", "es"),
        ("which program?", "en"),
        ("oq a byd construiu no brasil", "pt"),
        ("oq diz sobre cuba", "pt"),
        ("¿ya llegó la vacuna a Cuba?", "es"),
    ],
)
def test_question_language(question: str, lang: str | None) -> None:
    assert detect(question) == lang


@pytest.mark.parametrize(
    ("question", "hint", "lang"),
    [
        ("BYD Brasil", "pt-br", "pt"),
        ("BYD Brasil", "es-419", "es"),
        ("cbers", "zh-hans", "zh"),
        ("BYD Brasil", "fr", None),
        # The question's own words outweigh the user's settings.
        ("What is the CELAC?", "es", "en"),
        ("¿Qué es la CELAC?", "en", "es"),
        ("中拉论坛是什么", "pt-br", "zh"),
    ],
)
def test_the_hint_breaks_ties_only(question: str, hint: str, lang: str | None) -> None:
    assert detect(question, hint) == lang


@pytest.mark.parametrize(
    ("code", "lang"),
    [
        ("es-419", "es"),
        ("pt-br", "pt"),
        ("PT_BR", "pt"),
        ("zh-hans", "zh"),
        ("en", "en"),
        ("fr", None),
        ("", None),
        (None, None),
    ],
)
def test_hint_language_reads_telegram_language_codes(code: str | None, lang: str | None) -> None:
    assert hint_language(code) == lang


def _phrasings(kb: KnowledgeBase) -> list[tuple[str, str]]:
    english = [(question, "en") for entry in kb.entries for question in entry.questions]
    return english + [
        (question, lang)
        for entry in kb.entries
        for lang, translation in entry.translations.items()
        for question in translation.questions
    ]


def test_no_shipped_phrasing_is_taken_for_another_language(shipped: Retriever) -> None:
    mistaken = [
        (question, lang, found)
        for question, lang in _phrasings(shipped.kb)
        if (found := detect(question)) not in (lang, None)
    ]

    assert mistaken == []


def test_the_users_language_settles_every_shipped_phrasing(shipped: Retriever) -> None:
    unsettled = [
        question for question, lang in _phrasings(shipped.kb) if detect(question, lang) != lang
    ]

    assert unsettled == []


def test_most_shipped_phrasings_tell_their_language_alone(shipped: Retriever) -> None:
    phrasings = _phrasings(shipped.kb)

    told = sum(detect(question) == lang for question, lang in phrasings)

    # Bare keyword queries ("apec peru", "g20 brasil") are the same in several languages.
    assert told / len(phrasings) >= 0.8
