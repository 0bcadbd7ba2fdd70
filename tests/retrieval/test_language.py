"""Guessing the language a question is written in."""

from __future__ import annotations

import pytest

from celacbot.retrieval.language import question_language
from celacbot.retrieval.normalise import words


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("hola, ¿qué es la CELAC?", "es"),
        ("qual o papel do sul global", "pt"),
        ("What is the CELAC?", "en"),
        ("中拉论坛是什么", "zh"),
        ("cbers", None),
    ],
)
def test_question_language(question: str, lang: str | None) -> None:
    assert question_language(question, words(question)) == lang
