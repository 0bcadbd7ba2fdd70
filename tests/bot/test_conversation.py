"""Follow-ups end to end: a message that cannot stand alone is read with the chat's subject."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from celacbot.bot.application import BotApplication
from celacbot.bot.conversation import Conversations
from celacbot.bot.conversation_store import (
    CONVERSATIONS_FILENAME,
    UPDATE_SECONDS,
    ConversationStore,
)
from celacbot.bot.runner import running
from celacbot.config import Settings
from tests.bot.conftest import MakeSettings
from tests.bot.helpers import handled
from tests.bot.knowledge import AMBIGUOUS
from tests.fakes.bot_api import JSON, FakeBotAPI

STORE_LOGGER = "celacbot.bot.conversation_store"
BYD_QUESTION = "What has BYD built in Brazil?"
BYD_ANSWER = "BYD has built a complex of three manufacturing units in Brazil."
FIRST_VEHICLE = "The BYD factory is expected to produce its first vehicle by early 2025."


@dataclass
class ManualClock:
    """Seconds that move only when the test says so."""

    now: float = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def remembering(make_settings: MakeSettings) -> Settings:
    """Settings with a five-minute conversation memory."""
    return make_settings(CELACBOT_CONTEXT_MINUTES=5)


@pytest.fixture
async def talking_bot(remembering: Settings, clock: ManualClock) -> AsyncIterator[BotApplication]:
    """The bot with a five-minute conversation memory on the test's clock."""
    async with running(remembering, clock=clock) as application:
        yield application


async def asked_then_stopped(
    fake_bot_api: FakeBotAPI, settings: Settings, clock: ManualClock, *questions: str
) -> list[JSON]:
    """Run the bot, ask `questions` in turn, let it finish and stop it; its replies."""
    async with running(settings, clock=clock) as application:
        replies = [await ask(fake_bot_api, question) for question in questions]
        await handled(fake_bot_api, application)
    return replies


async def ask(fake_bot_api: FakeBotAPI, text: str, **options: Any) -> JSON:
    """Send `text` as a user and wait for the bot's reply."""
    return await fake_bot_api.wait_for_reply(fake_bot_api.send_message(text, **options))


async def test_a_follow_up_is_answered_from_the_subject_and_names_it(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication
) -> None:
    assert (await ask(fake_bot_api, BYD_QUESTION))["text"] == BYD_ANSWER

    reply = await ask(fake_bot_api, "and when?")

    assert reply["text"] == f"About: {BYD_QUESTION}\n\n{FIRST_VEHICLE}"


async def test_a_question_that_stands_alone_ignores_the_subject(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication
) -> None:
    await ask(fake_bot_api, BYD_QUESTION)

    reply = await ask(fake_bot_api, "Did China send ventilators?")

    assert "About:" not in reply["text"]
    assert "ventilators" in reply["text"]


async def test_a_reply_to_an_older_answer_uses_that_answers_subject(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication
) -> None:
    byd = await ask(fake_bot_api, BYD_QUESTION)
    await ask(fake_bot_api, "What is CBERS?")

    reply = await ask(fake_bot_api, "and when?", reply_to_message=byd)

    assert reply["text"] == f"About: {BYD_QUESTION}\n\n{FIRST_VEHICLE}"


async def test_a_reply_is_read_with_the_replied_subject_when_it_needs_one(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication
) -> None:
    # Neither a pronoun nor "and": only the reply says it is about BYD's complex.
    byd = await ask(fake_bot_api, BYD_QUESTION)
    await ask(fake_bot_api, "What is CBERS?")

    alone = await ask(fake_bot_api, "are cars being made")
    reply = await ask(fake_bot_api, "are cars being made", reply_to_message=byd)

    assert "BYD" not in alone["text"]
    assert reply["text"] == f"About: {BYD_QUESTION}\n\n{BYD_ANSWER}"


@pytest.mark.parametrize("reaction", ["👍", "lol", "??"])
async def test_a_reply_that_asks_nothing_does_not_get_the_answer_again(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication, reaction: str
) -> None:
    byd = await ask(fake_bot_api, BYD_QUESTION)

    reply = await ask(fake_bot_api, reaction, reply_to_message=byd)

    assert BYD_ANSWER not in reply["text"]


async def test_a_reply_that_stands_alone_keeps_its_own_answer(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication
) -> None:
    byd = await ask(fake_bot_api, BYD_QUESTION)

    reply = await ask(fake_bot_api, "Did China send ventilators?", reply_to_message=byd)

    assert "About:" not in reply["text"]
    assert "ventilators" in reply["text"]


async def test_an_answer_chosen_by_a_button_becomes_the_subject(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication
) -> None:
    cbers = await ask(fake_bot_api, "What is CBERS?")
    # The related question "How did China help during COVID-19?", pressed under the answer.
    covid = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(cbers, "a:covid-support"))
    assert "ventilators" in covid["text"]

    reply = await ask(fake_bot_api, "which countries?")

    assert reply["text"].startswith("About: How did China help during COVID-19?")
    assert "Mexico" in reply["text"]


async def test_a_did_you_mean_choice_becomes_the_subject(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication
) -> None:
    unsure = await ask(fake_bot_api, AMBIGUOUS)
    # The first question of the run: its id in the question log is 1.
    await fake_bot_api.wait_for_reply(fake_bot_api.press_button(unsure, "p:1:byd-first-vehicle"))

    reply = await ask(fake_bot_api, "and when?")

    assert reply["text"].startswith("About: When will the BYD factory produce its first vehicle?")


async def test_the_subject_expires(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication, clock: ManualClock
) -> None:
    await ask(fake_bot_api, BYD_QUESTION)
    # The subject is remembered once the answer is sent: let the handler finish first.
    await handled(fake_bot_api, talking_bot)
    clock.now += 5 * 60 + 1

    reply = await ask(fake_bot_api, "and when?")

    assert not reply["text"].startswith("About:")


async def test_the_subject_survives_a_restart(
    fake_bot_api: FakeBotAPI, remembering: Settings, clock: ManualClock
) -> None:
    await asked_then_stopped(fake_bot_api, remembering, clock, BYD_QUESTION)

    async with running(remembering, clock=clock):
        reply = await ask(fake_bot_api, "and when?")

    assert reply["text"] == f"About: {BYD_QUESTION}\n\n{FIRST_VEHICLE}"


async def test_subjects_are_on_disk_while_the_bot_runs_not_only_when_it_stops(
    fake_bot_api: FakeBotAPI, remembering: Settings, clock: ManualClock
) -> None:
    # What a bot killed now would find at its next start.
    async with running(remembering, clock=clock) as application:
        await ask(fake_bot_api, BYD_QUESTION)
        await handled(fake_bot_api, application)
        await application.update_persistence()
        store = ConversationStore(
            remembering.data_dir / CONVERSATIONS_FILENAME, Conversations(5 * 60, clock)
        )
        saved = await store.get_chat_data()
        await store.flush()

        assert saved == dict(application.chat_data)
        assert [memory.subject is not None for memory in saved.values()] == [True]


async def test_subjects_that_expired_while_the_bot_was_stopped_are_not_read_back(
    fake_bot_api: FakeBotAPI, remembering: Settings, clock: ManualClock
) -> None:
    await asked_then_stopped(fake_bot_api, remembering, clock, BYD_QUESTION)
    clock.now += 5 * 60 + 1

    async with running(remembering, clock=clock) as second:
        assert dict(second.chat_data) == {}
        reply = await ask(fake_bot_api, "and when?")

    assert "About:" not in reply["text"]


async def test_a_damaged_subject_file_is_set_aside_and_the_bot_answers(
    fake_bot_api: FakeBotAPI,
    remembering: Settings,
    clock: ManualClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    remembering.data_dir.mkdir(parents=True, exist_ok=True)
    (remembering.data_dir / CONVERSATIONS_FILENAME).write_bytes(b"not a database" * 100)

    async with running(remembering, clock=clock) as application:
        assert (await ask(fake_bot_api, BYD_QUESTION))["text"] == BYD_ANSWER
        await handled(fake_bot_api, application)
        reply = await ask(fake_bot_api, "and when?")

    assert reply["text"] == f"About: {BYD_QUESTION}\n\n{FIRST_VEHICLE}"
    assert len(list(remembering.data_dir.glob(f"{CONVERSATIONS_FILENAME}.corrupt-*"))) == 1
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert [error.split(" was damaged")[0] for error in errors] == [
        f"Conversation store {remembering.data_dir / CONVERSATIONS_FILENAME}"
    ]


async def test_subjects_are_saved_every_few_seconds_without_being_asked(
    fake_bot_api: FakeBotAPI, remembering: Settings, clock: ManualClock
) -> None:
    # No call to update_persistence here: the running bot saves on its own.
    path = remembering.data_dir / CONVERSATIONS_FILENAME
    with _signalled_by(STORE_LOGGER, "Saved the subjects") as saved:
        async with running(remembering, clock=clock) as application:
            await ask(fake_bot_api, BYD_QUESTION)
            await handled(fake_bot_api, application)
            async with asyncio.timeout(UPDATE_SECONDS * 5):
                await saved.wait()

            assert _saved_chats(path) == list(application.chat_data)


@contextmanager
def _signalled_by(logger_name: str, prefix: str) -> Iterator[asyncio.Event]:
    """An event set when `logger_name` logs a message starting with `prefix`."""
    event = asyncio.Event()
    loop = asyncio.get_running_loop()

    class Signal(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage().startswith(prefix):
                loop.call_soon_threadsafe(event.set)

    logger = logging.getLogger(logger_name)
    handler, level = Signal(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield event
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _saved_chats(path: Path) -> list[int]:
    """The chat ids whose subject is in the file, read as another process would."""
    if not path.exists():
        return []
    with closing(sqlite3.connect(path)) as connection:
        return [chat_id for (chat_id,) in connection.execute("SELECT chat_id FROM subjects")]


async def test_a_reply_to_an_older_answer_keeps_its_subject_across_a_restart(
    fake_bot_api: FakeBotAPI, remembering: Settings, clock: ManualClock
) -> None:
    byd, _ = await asked_then_stopped(
        fake_bot_api, remembering, clock, BYD_QUESTION, "What is CBERS?"
    )

    async with running(remembering, clock=clock):
        reply = await ask(fake_bot_api, "and when?", reply_to_message=byd)

    assert reply["text"] == f"About: {BYD_QUESTION}\n\n{FIRST_VEHICLE}"


async def test_a_chat_whose_subject_expired_leaves_the_file_too(
    fake_bot_api: FakeBotAPI, remembering: Settings, clock: ManualClock
) -> None:
    path = remembering.data_dir / CONVERSATIONS_FILENAME
    async with running(remembering, clock=clock) as application:
        await ask(fake_bot_api, BYD_QUESTION, user_id=4001)
        await handled(fake_bot_api, application)
        await application.update_persistence()
        clock.now += 5 * 60 + 1
        await ask(fake_bot_api, BYD_QUESTION, user_id=4002)
        await handled(fake_bot_api, application)
        application.bot_data.conversations.sweep(application)
        await application.update_persistence()

        assert _saved_chats(path) == [4002]


@pytest.mark.parametrize(
    "answers",
    [
        "not json",
        # JSON, but no (message id, subject) pairs: written by hand or by another version
        '["byd-brazil-complex", 7]',
        "[7]",
    ],
)
async def test_an_unreadable_subject_is_skipped_and_the_others_read_back(
    fake_bot_api: FakeBotAPI, remembering: Settings, clock: ManualClock, answers: str
) -> None:
    path = remembering.data_dir / CONVERSATIONS_FILENAME
    await asked_then_stopped(fake_bot_api, remembering, clock, BYD_QUESTION)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO subjects VALUES (4242, 'byd-brazil-complex', ?, ?)", (clock(), answers)
        )

    async with running(remembering, clock=clock) as second:
        reply = await ask(fake_bot_api, "and when?")

        assert 4242 not in second.chat_data
    assert reply["text"] == f"About: {BYD_QUESTION}\n\n{FIRST_VEHICLE}"


async def test_each_chat_has_its_own_subject(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication
) -> None:
    await ask(fake_bot_api, BYD_QUESTION, user_id=1001)

    reply = await ask(fake_bot_api, "and when?", user_id=1002)

    assert "About:" not in reply["text"]


async def test_chats_whose_subject_expired_are_forgotten(
    fake_bot_api: FakeBotAPI, talking_bot: BotApplication, clock: ManualClock
) -> None:
    for user_id in range(2001, 2006):
        await ask(fake_bot_api, BYD_QUESTION, user_id=user_id)
    await handled(fake_bot_api, talking_bot)
    clock.now += 5 * 60 + 1
    await ask(fake_bot_api, BYD_QUESTION, user_id=2006)
    await handled(fake_bot_api, talking_bot)

    dropped = talking_bot.bot_data.conversations.sweep(talking_bot)

    assert dropped == 5
    assert list(talking_bot.chat_data) == [2006]


async def test_without_conversation_memory_no_chat_keeps_any_state(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings
) -> None:
    async with running(make_settings(CELACBOT_CONTEXT_MINUTES=0)) as application:
        for user_id in range(3001, 3004):
            answer = await ask(fake_bot_api, "What is CBERS?", user_id=user_id)
            # A button's answer is no exception.
            await fake_bot_api.wait_for_reply(fake_bot_api.press_button(answer, "a:covid-support"))
        await handled(fake_bot_api, application)

        assert dict(application.chat_data) == {}
