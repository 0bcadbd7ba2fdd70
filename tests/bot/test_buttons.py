"""Every button the shipped knowledge puts on a phone, in all four languages, end to end."""

from __future__ import annotations

import unicodedata
from collections.abc import AsyncIterator

import pytest

from celacbot.bot.application import BotApplication
from celacbot.bot.runner import running
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.knowledge.models import LABEL_DISTINCT_CHARS, MAX_LABEL_CHARS
from tests.bot.conftest import MakeSettings
from tests.bot.helpers import JSON, buttons
from tests.checkout import KNOWLEDGE
from tests.fakes.bot_api import FakeBotAPI

KB = load_knowledge_base(KNOWLEDGE)
# A user per language, each with that language in their Telegram app.
USERS = {"en": 1001, "es": 1002, "pt": 1003, "zh": 1004}
# One word the article's questions share too widely to pick one: "did you mean".
UNSURE = {"en": "cooperation", "es": "cooperación", "pt": "cooperação", "zh": "合作"}


@pytest.fixture
async def shipped_bot(make_settings: MakeSettings) -> AsyncIterator[BotApplication]:
    """The bot answering from the shipped knowledge base, to users as quick as a test."""
    settings = make_settings(CELACBOT_KNOWLEDGE=KNOWLEDGE, CELACBOT_USER_RATE=0)
    async with running(settings) as app:
        yield app


def _start(text: str) -> str:
    """What stays visible of a button cut on a narrow phone, case and spacing aside."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())[:LABEL_DISTINCT_CHARS]


def assert_fits_a_phone(message: JSON) -> None:
    """Every button of the message is short, and no two look alike where a phone cuts them."""
    labels = [text for text, _ in buttons(message)]
    assert labels, message["text"]
    too_long = [label for label in labels if len(label) > MAX_LABEL_CHARS]
    assert too_long == [], message["text"]
    assert len({_start(label) for label in labels}) == len(labels), labels


@pytest.mark.parametrize("lang", list(USERS))
async def test_every_button_fits_a_phone_in_every_language(
    fake_bot_api: FakeBotAPI, shipped_bot: BotApplication, lang: str
) -> None:
    user = USERS[lang]

    def send(text: str) -> JSON:
        return fake_bot_api.send_message(text, user_id=user, language_code=lang)

    def press(message: JSON, data: str) -> JSON:
        return fake_bot_api.press_button(message, data, language_code=lang)

    keyboards: list[JSON] = []
    greeting = await fake_bot_api.wait_for_reply(send("/start"))
    keyboards.append(greeting)
    # The /start examples differ at a glance: from their very first characters.
    examples = [text for text, _ in buttons(greeting)]
    assert len({text[:4] for text in examples}) == len(examples) == 4, examples

    menu = await fake_bot_api.wait_for_reply(send("/topics"))
    keyboards.append(menu)
    for topic in KB.topics:
        shown = await fake_bot_api.wait_for_reply(press(menu, f"t:{topic.id}"))
        keyboards.append(shown)
        menu = await fake_bot_api.wait_for_reply(press(shown, "T"))

    # Every entry's answer, and the same answer with its source shown; in a chat each, so
    # that they are answered side by side.
    answers = await fake_bot_api.wait_for_replies(
        [
            fake_bot_api.send_message(
                f"/start {entry.id}", user_id=user * 1000 + index, language_code=lang
            )
            for index, entry in enumerate(KB.entries)
        ]
    )
    sources = await fake_bot_api.wait_for_replies(
        [press(answer, f"s:{entry.id}") for answer, entry in zip(answers, KB.entries, strict=True)]
    )
    keyboards += [*answers, *sources]

    unsure = await fake_bot_api.wait_for_reply(send(UNSURE[lang]))
    assert len(buttons(unsure)) == 4, unsure["text"]
    declined = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message(
            "/ask What colour is the sky on Mars?", chat_type="group", language_code=lang
        )
    )
    keyboards += [unsure, declined]

    for message in keyboards:
        assert_fits_a_phone(message)
