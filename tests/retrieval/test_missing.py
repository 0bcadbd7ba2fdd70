"""Which details a question asks for, read from its words."""

from __future__ import annotations

import pytest

from celacbot.retrieval.missing import Detail, asked_details


@pytest.mark.parametrize(
    "question",
    ["when?", "when was the forum founded", "when's the byd plant opening", "which dates?"],
)
def test_when_asks_for_a_date(question: str) -> None:
    assert Detail.DATE in asked_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "who got shots from china when covid hit?",
        "how does the global south come out ahead when china and latin america link up?",
    ],
)
def test_when_that_only_sets_a_time_asks_for_none(question: str) -> None:
    assert Detail.DATE not in asked_details(question)


@pytest.mark.parametrize(
    "question",
    [
        "what's the total value of chinese investment in the caribbean?",
        "what is the value of chinese investments",
        "¿cuál es el valor total del comercio?",
        "¿cuánto litio exporta Latinoamérica a China?",
    ],
)
def test_a_value_asks_for_an_amount(question: str) -> None:
    assert Detail.AMOUNT in asked_details(question)


def test_the_value_of_something_else_asks_for_none() -> None:
    assert Detail.AMOUNT not in asked_details("what is the value of this cooperation?")
