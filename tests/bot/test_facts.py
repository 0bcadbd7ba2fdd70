"""Answers from a single fact end to end: the entries that say more are a button and a
"tell me more" away."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from celacbot.bot.application import BotApplication
from celacbot.bot.runner import running
from tests.bot.conftest import MakeSettings
from tests.bot.helpers import buttons
from tests.bot.knowledge import KNOWLEDGE, write_knowledge
from tests.fakes.bot_api import FakeBotAPI

MEXICO_FACT = "During the COVID-19 pandemic, China provided medical support to Mexico."
COVID_ANSWER = (
    "During the pandemic China provided vaccines & ventilators to Mexico, "
    "Cuba, Guyana and Ecuador <among others>."
)


def _knowledge_with_a_fact() -> dict[str, Any]:
    knowledge = copy.deepcopy(KNOWLEDGE)
    knowledge["facts"] = [
        {
            "id": "fact-covid-mexico",
            "topic": "health",
            "text": MEXICO_FACT,
            # a part of the quote of covid-support (and of the whole article's)
            "source": "such as Mexico",
            "keywords": ["Mexico"],
        }
    ]
    return knowledge


@pytest.fixture
def knowledge_path(tmp_path: Path) -> Path:
    """The test knowledge base with one fact, quoted by the COVID-19 entry."""
    return write_knowledge(tmp_path, _knowledge_with_a_fact())


@pytest.fixture
async def talking_bot(make_settings: MakeSettings) -> AsyncIterator[BotApplication]:
    """The bot with a conversation memory."""
    async with running(make_settings(CELACBOT_CONTEXT_MINUTES=5)) as application:
        yield application


async def test_a_fact_answer_offers_the_entries_that_quote_it(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication
) -> None:
    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("what about Mexico?"))

    assert reply["text"] == MEXICO_FACT
    # The entry quoting least first: COVID-19 help before the whole article.
    assert buttons(reply) == [
        ("📄 Source", "s:fact-covid-mexico"),
        ("COVID-19 help", "a:covid-support"),
        ("The whole article", "a:whole-article"),
    ]


@pytest.mark.parametrize("more", ["tell me more", "what else?", "还有呢？"])
async def test_tell_me_more_after_a_fact_answers_the_entry_that_quotes_it(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication, more: str
) -> None:
    await fake_bot_api.wait_for_reply(fake_bot_api.send_message("what about Mexico?"))

    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message(more))

    assert COVID_ANSWER in reply["text"]
