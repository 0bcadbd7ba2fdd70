"""A chat's memory on its own: what a reply to one of the bot's answers is about."""

from __future__ import annotations

from celacbot.bot.conversation import MAX_REMEMBERED_ANSWERS, ChatMemory

EXPIRY = 300.0


def test_each_answer_keeps_the_subject_it_answered() -> None:
    memory = ChatMemory()
    memory.remember("byd", 1.0, [10, 11])
    memory.remember("cbers", 2.0, [12])

    assert [memory.replied(sent, 2.0, EXPIRY) for sent in (10, 11, 12, 13)] == [
        "byd",
        "byd",
        "cbers",
        None,
    ]
    assert memory.current(2.0, EXPIRY) == "cbers"


def test_an_answer_remembered_again_has_its_latest_subject() -> None:
    memory = ChatMemory()
    memory.remember("byd", 1.0, [10])
    memory.remember("cbers", 2.0, [10])

    assert memory.replied(10, 2.0, EXPIRY) == "cbers"


def test_only_the_newest_answers_are_remembered() -> None:
    memory = ChatMemory()
    for sent in range(MAX_REMEMBERED_ANSWERS + 5):
        memory.remember(f"entry-{sent}", 1.0, [sent])

    remembered = [
        sent for sent in range(MAX_REMEMBERED_ANSWERS + 5) if memory.replied(sent, 1.0, EXPIRY)
    ]
    assert remembered == list(range(5, MAX_REMEMBERED_ANSWERS + 5))


def test_nothing_is_remembered_once_the_subject_expired() -> None:
    memory = ChatMemory()
    memory.remember("byd", 1.0, [10])

    assert memory.current(1.0 + EXPIRY + 1, EXPIRY) is None
    assert memory.replied(10, 1.0 + EXPIRY + 1, EXPIRY) is None
