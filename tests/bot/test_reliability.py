"""Flooding, faults and restarts: the bot keeps serving everyone and loses nothing."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from celacbot.bot.application import BotApplication
from celacbot.bot.runner import running
from celacbot.bot.texts import texts
from celacbot.bot.throttle import UserThrottle
from tests.bot.conftest import MakeSettings
from tests.bot.helpers import handled
from tests.bot.knowledge import CBERS_ANSWER
from tests.bot.processes import (
    answered_then_stopped,
    bot_environment,
    celacbot,
    clean_environment,
    finished,
)
from tests.fakes.bot_api import (
    DEFAULT_USER_ID,
    GROUP_CHAT_ID,
    TEST_TOKEN,
    FakeBotAPI,
    free_port,
)

FLOODER = 5001
CALM_USER = 5002
# One message's allowance back every 1,000 s: however slowly a loaded machine runs a flood
# test, no allowance refills during it (refills have a test of their own, on a manual clock).
NO_REFILL = 0.001


class ManualClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_a_burst_warns_once_and_refills() -> None:
    clock = ManualClock()
    throttle = UserThrottle(burst=3, rate=0.5, clock=clock)

    burst = [throttle.take(1) for _ in range(6)]
    other_user = throttle.take(2)
    clock.now = 1.9
    still_empty = throttle.take(1)
    clock.now = 2.1
    refilled = [throttle.take(1), throttle.take(1), throttle.take(1)]

    assert burst == [True, True, True, False, None, None]
    assert other_user is True
    assert still_empty is None
    # A new flood after the refill is a new episode: one more notice.
    assert refilled == [True, False, None]


def test_tracked_users_stay_within_the_cap_and_an_ongoing_flood_stays_throttled() -> None:
    clock = ManualClock()
    throttle = UserThrottle(burst=2, rate=NO_REFILL, clock=clock, max_users=100)
    flood = [throttle.take(FLOODER) for _ in range(3)]
    tracked = []

    for user_id in range(1_000):
        throttle.take(user_id)
        if user_id % 50 == 0:
            flood.append(throttle.take(FLOODER))
        tracked.append(throttle.tracked_users)

    assert max(tracked) == 100
    assert flood == [True, True, False] + [None] * 20
    # The least recently seen users were forgotten: the first ones start a fresh burst.
    assert throttle.take(0) is True


def test_users_whose_allowance_refilled_are_forgotten_below_the_cap() -> None:
    clock = ManualClock()
    throttle = UserThrottle(burst=2, rate=1.0, clock=clock, max_users=100)
    for user_id in range(50):
        throttle.take(user_id)

    clock.now = 10.0  # everyone's two messages are back
    throttle.take(FLOODER)

    assert throttle.tracked_users == 1


@pytest.fixture
async def flood_guarded_bot(make_settings: MakeSettings) -> AsyncIterator[BotApplication]:
    """The bot with the default burst per user and no refill while a test runs."""
    settings = make_settings(CELACBOT_USER_RATE=NO_REFILL)
    async with running(settings) as application:
        yield application


async def test_one_user_flooding_does_not_starve_another(
    fake_bot_api: FakeBotAPI, flood_guarded_bot: BotApplication
) -> None:
    for _ in range(60):
        fake_bot_api.send_message("What is CBERS?", user_id=FLOODER)
    calm = fake_bot_api.send_message("What is CBERS?", user_id=CALM_USER)

    reply = await fake_bot_api.wait_for_reply(calm, timeout=10)
    await handled(fake_bot_api, flood_guarded_bot)

    assert reply["text"] == CBERS_ANSWER
    to_flooder = [message["text"] for message in fake_bot_api.messages_to(FLOODER)]
    assert to_flooder == [CBERS_ANSWER] * 5 + [texts("en").slow_down]
    # Still running: the next user is answered as usual.
    after = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))
    assert after["text"] == CBERS_ANSWER


async def test_group_chatter_does_not_spend_the_bucket_and_group_floods_get_silence(
    fake_bot_api: FakeBotAPI, flood_guarded_bot: BotApplication
) -> None:
    for _ in range(20):
        fake_bot_api.send_message("nice weather today", chat_type="supergroup")
    first = fake_bot_api.send_message("/ask What is CBERS?", chat_type="supergroup")
    for _ in range(10):
        fake_bot_api.send_message("/ask What is CBERS?", chat_type="supergroup")

    reply = await fake_bot_api.wait_for_reply(first, timeout=10)
    await handled(fake_bot_api, flood_guarded_bot)

    assert reply["text"] == CBERS_ANSWER
    texts = [message["text"] for message in fake_bot_api.messages_to(GROUP_CHAT_ID)]
    assert texts == [CBERS_ANSWER] * 5
    assert fake_bot_api.messages_to(DEFAULT_USER_ID) == []


async def test_unreachable_bot_api_at_start_up_is_retried_with_back_off_then_one_line(
    tmp_path: Path,
) -> None:
    base_url = f"http://127.0.0.1:{free_port()}/bot"
    env = clean_environment(
        TELEGRAM_BOT_TOKEN=TEST_TOKEN,
        TELEGRAM_API_BASE_URL=base_url,
        CELACBOT_BOOTSTRAP_RETRIES="2",
    )

    async with celacbot("run", tmp_path, env) as process:
        status, _stdout, stderr = await finished(process)

    lines = stderr.splitlines()
    assert status == 1
    assert [line.split(": ", 1)[1].split(" (")[0] for line in lines[:2]] == [
        f"Cannot reach the Bot API at {base_url}"
    ] * 2
    assert lines[0].endswith("; retry 1 of 2 in 1 s")
    assert lines[1].endswith("; retry 2 of 2 in 2 s")
    assert lines[2].startswith(f"celacbot run: cannot reach the Bot API at {base_url}: ")
    assert len(lines) == 3
    assert TEST_TOKEN not in stderr
    assert TEST_TOKEN.split(":")[1] not in stderr


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=lambda sig: sig.name)
async def test_a_stop_while_start_up_waits_for_the_bot_api_exits_cleanly(
    tmp_path: Path, stop_signal: signal.Signals
) -> None:
    env = clean_environment(
        TELEGRAM_BOT_TOKEN=TEST_TOKEN,
        TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{free_port()}/bot",
        CELACBOT_BOOTSTRAP_RETRIES="-1",
    )

    async with celacbot("run", tmp_path, env) as process:
        assert process.stderr is not None
        first_retry = await asyncio.wait_for(process.stderr.readline(), timeout=30)
        process.send_signal(stop_signal)
        # With retries unlimited, only the stop can end it.
        status, _stdout, stderr = await finished(process)

    assert b"retry 1 of unlimited in 1 s" in first_retry
    assert (status, stderr) == (0, "celacbot run: stopped before the bot was serving\n")


async def test_bot_api_failing_at_start_up_then_recovering_starts_the_bot(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path
) -> None:
    fault = fake_bot_api.inject_fault("getMe", status=502, times=2)
    env = bot_environment(fake_bot_api, knowledge_path, CELACBOT_POLL_TIMEOUT="1")

    async with celacbot("run", tmp_path, env) as process:
        reply, status, stderr = await answered_then_stopped(fake_bot_api, process)

    assert (reply["text"], status, fault.hits) == (CBERS_ANSWER, 0, 2)
    assert stderr.count("Cannot reach the Bot API") == 2
    assert "Traceback" not in stderr


async def test_409_conflict_is_one_clear_warning_per_attempt_and_polling_resumes(
    fake_bot_api: FakeBotAPI, bot: BotApplication, caplog: pytest.LogCaptureFixture
) -> None:
    fault = fake_bot_api.inject_fault("getUpdates", status=409, times=2)

    reply = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message("What is CBERS?"), timeout=15
    )

    assert (reply["text"], fault.hits) == (CBERS_ANSWER, 2)
    conflicts = [
        record
        for record in caplog.records
        if "Another instance is polling with this token" in record.getMessage()
    ]
    assert [record.levelno for record in conflicts] == [logging.WARNING] * 2
    assert [record for record in caplog.records if record.levelno >= logging.ERROR] == []


async def test_stop_finishes_the_update_in_hand_and_a_restart_does_not_answer_it_again(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings
) -> None:
    async with running(make_settings()):
        on_the_way = fake_bot_api.inject_fault("sendMessage", delay=1.0)
        fake_bot_api.send_message("What is CBERS?")
        await on_the_way.wait_hit()
        # Leaving the block stops the bot while its reply is still on the way.

    assert [message["text"] for message in fake_bot_api.messages_to(DEFAULT_USER_ID)] == [
        CBERS_ANSWER
    ]
    async with running(make_settings()) as restarted:
        later = fake_bot_api.send_message("/about")
        await fake_bot_api.wait_for_reply(later)
        await handled(fake_bot_api, restarted)

    texts = [message["text"] for message in fake_bot_api.messages_to(DEFAULT_USER_ID)]
    assert texts[0] == CBERS_ANSWER
    assert texts.count(CBERS_ANSWER) == 1
    assert len(texts) == 2


async def test_a_get_updates_call_that_never_answers_times_out_and_polling_resumes(
    fake_bot_api: FakeBotAPI, bot: BotApplication, caplog: pytest.LogCaptureFixture
) -> None:
    fault = fake_bot_api.inject_fault("getUpdates", hang=True)
    # The long poll parked now ends within its 1 s timeout; the next call hangs.
    await fault.wait_hit()

    reply = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message("What is CBERS?"), timeout=20
    )

    assert (fault.hits, reply["text"]) == (1, CBERS_ANSWER)
    assert [record for record in caplog.records if record.levelno >= logging.ERROR] == []
