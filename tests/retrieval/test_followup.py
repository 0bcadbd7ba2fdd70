"""What makes a message a follow-up, in the words people use."""

from __future__ import annotations

import pytest

from celacbot.retrieval.followup import asks_what_it_is


@pytest.mark.parametrize(
    "message",
    [
        "what is it?",
        "what is that exactly?",
        "whats that",
        "so what is it?",
        "What does it do?",
        "¿qué es eso exactamente?",
        "e o que é isso?",
        "它是干什么的？",
        "那是什么？",
    ],
)
def test_asking_what_the_thing_talked_about_is(message: str) -> None:
    assert asks_what_it_is(message)


@pytest.mark.parametrize(
    "message",
    [
        "what is it for?",  # its purpose, not what it is
        "what is the South-South fund?",  # names its own subject
        "what is this article about?",
        "what is that fund?",
        "它是干什么用的？",
    ],
)
def test_a_question_about_something_else_is_not_what_it_is(message: str) -> None:
    assert not asks_what_it_is(message)
