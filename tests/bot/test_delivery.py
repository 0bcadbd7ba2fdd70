"""At least once: an update Telegram was told is delivered is answered, whatever stops the bot."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from celacbot.bot import webhook
from celacbot.bot.journal import JOURNAL_FILENAME, UpdateJournal
from celacbot.bot.runner import running
from celacbot.commands.run import REVOKED_MESSAGE
from tests.bot.conftest import MakeSettings
from tests.bot.helpers import handled
from tests.bot.knowledge import CBERS_ANSWER
from tests.bot.processes import bot_environment, celacbot, finished
from tests.fakes.bot_api import JSON, FakeBotAPI, free_port

FIRST_USER = 30_000
QUESTIONS = 20
CONCURRENCY = 8


def ask_everyone(server: FakeBotAPI, count: int = QUESTIONS) -> list[JSON]:
    """`count` users ask one question each: each reply in a user's chat answers theirs."""
    return [server.send_message("What is CBERS?", user_id=FIRST_USER + n) for n in range(count)]


def replies_per_question(server: FakeBotAPI, questions: list[JSON]) -> list[int]:
    """How many messages the bot sent in each asker's chat."""
    return [len(server.messages_to(question["message"]["chat"]["id"])) for question in questions]


def mode_environment(
    server: FakeBotAPI, knowledge: Path, mode: str, **extra: str
) -> dict[str, str]:
    """`celacbot run`'s environment, polling or on a webhook at a free loopback port."""
    settings = {
        "CELACBOT_POLL_TIMEOUT": "1",
        "CELACBOT_USER_RATE": "0",
        "CELACBOT_CONCURRENT_UPDATES": str(CONCURRENCY),
        **extra,
    }
    if mode == "webhook":
        port = free_port()
        settings |= {
            "CELACBOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
            "CELACBOT_PORT": str(port),
        }
    return bot_environment(server, knowledge, **settings)


async def read_until(process: asyncio.subprocess.Process, text: str, seen: list[str]) -> None:
    """Read the process's stderr into `seen` up to a line with `text`."""
    assert process.stderr is not None
    async with asyncio.timeout(30):
        while True:
            line = (await process.stderr.readline()).decode()
            assert line, f"the bot ended before logging {text!r}: {''.join(seen)}"
            seen.append(line)
            if text in line:
                return


async def serving(server: FakeBotAPI, mode: str, *, after: int = 0) -> None:
    """Until the bot started by the test asks Telegram for updates, or sets its webhook."""
    method = "setWebhook" if mode == "webhook" else "getUpdates"
    await server.wait_for_request(method, timeout=30, after=after)


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_kill_9_loses_no_update_telegram_was_told_is_delivered(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path, mode: str
) -> None:
    env = mode_environment(fake_bot_api, knowledge_path, mode)
    # The replies hang: the bot holds every question unanswered when it dies.
    hung = fake_bot_api.inject_fault("sendMessage", hang=True, times=CONCURRENCY)

    async with celacbot("run", tmp_path, env) as process:
        await serving(fake_bot_api, mode)
        questions = ask_everyone(fake_bot_api)
        await fake_bot_api.wait_confirmed(timeout=30)
        await hung.wait_hit(count=CONCURRENCY, timeout=30)
        process.kill()
        await process.wait()
    confirmed_before_restart = fake_bot_api.pending_update_count == 0
    mark = fake_bot_api.mark()
    async with celacbot("run", tmp_path, env) as restarted:
        await serving(fake_bot_api, mode, after=mark)
        await fake_bot_api.wait_for_replies(questions, timeout=60)
        restarted.send_signal(signal.SIGTERM)
        status, _stdout, stderr = await finished(restarted)

    assert confirmed_before_restart
    assert replies_per_question(fake_bot_api, questions) == [1] * QUESTIONS
    assert {message["text"] for message in fake_bot_api.messages_to(FIRST_USER)} == {CBERS_ANSWER}
    assert f"Answering {QUESTIONS} updates an earlier run took and did not" in stderr
    assert status == 0


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_what_was_answered_before_a_stop_is_not_answered_again_after_it(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path, mode: str
) -> None:
    # The bot answers while the journal writes a new update: the answered mark must still
    # land after the write, or the restart would take the update for an unanswered one.
    env = mode_environment(fake_bot_api, knowledge_path, mode)
    async with celacbot("run", tmp_path, env) as process:
        await serving(fake_bot_api, mode)
        questions = ask_everyone(fake_bot_api)
        await fake_bot_api.wait_for_replies(questions, timeout=60)
        process.send_signal(signal.SIGTERM)
        first_status, _stdout, first_stderr = await finished(process)
    mark = fake_bot_api.mark()
    async with celacbot("run", tmp_path, env) as restarted:
        await serving(fake_bot_api, mode, after=mark)
        # Whatever a start answers from the journal, it answers before anything new.
        later = fake_bot_api.send_message("What is CBERS?", user_id=FIRST_USER + QUESTIONS)
        await fake_bot_api.wait_for_reply(later, timeout=60)
        restarted.send_signal(signal.SIGTERM)
        status, _stdout, stderr = await finished(restarted)

    assert (first_status, status) == (0, 0)
    assert "unanswered" not in first_stderr
    assert "an earlier run took and did not" not in stderr
    assert replies_per_question(fake_bot_api, [*questions, later]) == [1] * (QUESTIONS + 1)


@pytest.mark.parametrize("mode", ["polling", "webhook"])
@pytest.mark.parametrize(
    "signals",
    [(signal.SIGTERM, signal.SIGTERM), (signal.SIGINT, signal.SIGINT, signal.SIGTERM)],
    ids=["SIGTERM-twice", "SIGINT-twice-then-SIGTERM"],
)
async def test_more_signals_during_the_stop_still_save_what_was_not_answered(
    tmp_path: Path,
    fake_bot_api: FakeBotAPI,
    knowledge_path: Path,
    mode: str,
    signals: tuple[signal.Signals, ...],
) -> None:
    env = mode_environment(fake_bot_api, knowledge_path, mode, CELACBOT_DRAIN_SECONDS="1")
    hung = fake_bot_api.inject_fault("sendMessage", hang=True, times=CONCURRENCY)

    async with celacbot("run", tmp_path, env) as process:
        await serving(fake_bot_api, mode)
        questions = ask_everyone(fake_bot_api)
        await fake_bot_api.wait_confirmed(timeout=30)
        await hung.wait_hit(count=CONCURRENCY, timeout=30)
        seen: list[str] = []
        for number, stop_signal in enumerate(signals):
            process.send_signal(stop_signal)
            # Each one once the one before is in: the kernel merges a signal still pending.
            logged = "again: already stopping" if number else f"{stop_signal.name}: stopping"
            await read_until(process, logged, seen)
        status, _stdout, rest = await finished(process)
        stderr = "".join(seen) + rest
    mark = fake_bot_api.mark()
    async with celacbot("run", tmp_path, env) as restarted:
        await serving(fake_bot_api, mode, after=mark)
        await fake_bot_api.wait_for_replies(questions, timeout=60)
        restarted.send_signal(signal.SIGTERM)
        await finished(restarted)

    assert status == 0
    assert "Traceback" not in stderr
    assert stderr.count("again: already stopping") == len(signals) - 1
    assert f"Stopped with {QUESTIONS} updates unanswered; the journal keeps them" in stderr
    assert replies_per_question(fake_bot_api, questions) == [1] * QUESTIONS


async def test_a_stop_with_a_429_in_flight_ends_within_the_drain_bound_and_keeps_the_question(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path
) -> None:
    drain = 2.0
    env = mode_environment(
        fake_bot_api, knowledge_path, "polling", CELACBOT_DRAIN_SECONDS=str(drain)
    )
    # The rate limiter waits two minutes before it sends the reply again.
    flood = fake_bot_api.inject_fault("sendMessage", status=429, retry_after=120)

    async with celacbot("run", tmp_path, env) as process:
        await serving(fake_bot_api, "polling")
        question = fake_bot_api.send_message("What is CBERS?")
        await flood.wait_hit(timeout=30)
        signalled = time.monotonic()
        process.send_signal(signal.SIGTERM)
        status, _stdout, stderr = await finished(process)
        stop_seconds = time.monotonic() - signalled
    mark = fake_bot_api.mark()
    async with celacbot("run", tmp_path, env) as restarted:
        await serving(fake_bot_api, "polling", after=mark)
        reply = await fake_bot_api.wait_for_reply(question, timeout=30)
        restarted.send_signal(signal.SIGTERM)
        await finished(restarted)

    # Within a container runtime's usual 10 s grace, far below the two minutes the reply
    # waits for; the slack above the drain is for a loaded machine.
    assert stop_seconds < drain + 8
    assert status == 0
    assert "Stopped with 1 updates unanswered" in stderr
    assert reply["text"] == CBERS_ANSWER


async def test_a_revoked_token_ends_the_bot_with_one_line_and_exit_1(
    tmp_path: Path, fake_bot_api: FakeBotAPI, knowledge_path: Path
) -> None:
    env = mode_environment(fake_bot_api, knowledge_path, "polling")

    async with celacbot("run", tmp_path, env) as process:
        await serving(fake_bot_api, "polling")
        await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))
        fake_bot_api.revoke_token()
        async with asyncio.timeout(10):
            status, stdout, stderr = await finished(process)

    assert (status, stdout) == (1, "")
    assert stderr.splitlines()[-1] == REVOKED_MESSAGE
    assert "Traceback" not in stderr


async def test_an_update_telegram_delivers_again_is_answered_once(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings
) -> None:
    async with running(make_settings()) as application:
        first = fake_bot_api.send_message("What is CBERS?", user_id=FIRST_USER)
        await fake_bot_api.wait_for_reply(first)
        # Telegram missed the confirmation and sends the same update again.
        fake_bot_api.enqueue_update(first)
        later = fake_bot_api.send_message("What is CBERS?", user_id=FIRST_USER + 1)
        await fake_bot_api.wait_for_reply(later)
        await handled(fake_bot_api, application)

    assert replies_per_question(fake_bot_api, [first, later]) == [1, 1]


@pytest.fixture
def impatient_webhook() -> Iterator[None]:
    """The webhook turns an update away after 0.2 s without room, not 10 s."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(webhook, "ROOM_WAIT_SECONDS", 0.2)
        yield


@pytest.mark.usefixtures("impatient_webhook")
async def test_a_full_webhook_leaves_the_rest_with_telegram_and_answers_it_later(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings
) -> None:
    port = free_port()
    settings = make_settings(
        CELACBOT_WEBHOOK_URL=f"http://127.0.0.1:{port}/hook",
        CELACBOT_PORT=port,
        CELACBOT_MAX_PENDING_UPDATES=3,
        CELACBOT_CONCURRENT_UPDATES=1,
        CELACBOT_USER_RATE=0,
    )
    hung = fake_bot_api.inject_fault("sendMessage", hang=True)

    async with running(settings) as application:
        questions = ask_everyone(fake_bot_api, 10)
        await hung.wait_hit()
        await fake_bot_api.wait_webhook_answer(503, timeout=15)
        held_at_telegram = fake_bot_api.pending_update_count
        hung.release()
        await fake_bot_api.wait_for_replies(questions, timeout=60)
        await handled(fake_bot_api, application)

    assert held_at_telegram == 10 - 3
    assert replies_per_question(fake_bot_api, questions) == [1] * 10


async def test_an_update_answered_by_an_earlier_run_and_sent_again_is_not_answered_again(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings
) -> None:
    settings = make_settings()
    # An earlier run answered it, and stopped before Telegram learned it was delivered.
    again = fake_bot_api.send_message("What is CBERS?", user_id=FIRST_USER)
    journal = await UpdateJournal.open(settings.data_dir / JOURNAL_FILENAME, fake_bot_api.bot_id)
    await journal.add([(again["update_id"], json.dumps(again))])
    await journal.answered(again["update_id"])
    await journal.close()

    async with running(settings) as application:
        later = fake_bot_api.send_message("What is CBERS?", user_id=FIRST_USER + 1)
        await fake_bot_api.wait_for_reply(later)
        await handled(fake_bot_api, application)

    assert replies_per_question(fake_bot_api, [again, later]) == [0, 1]


async def test_an_update_twice_in_one_batch_is_answered_once(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings
) -> None:
    first = fake_bot_api.send_message("What is CBERS?", user_id=FIRST_USER)
    fake_bot_api.enqueue_update(first)  # before the bot asks: both come in its first batch
    async with running(make_settings()) as application:
        await fake_bot_api.wait_for_reply(first)
        await handled(fake_bot_api, application)

    assert replies_per_question(fake_bot_api, [first]) == [1]


async def test_what_a_crashed_run_journaled_is_answered_once_and_what_no_longer_parses_dropped(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings()
    # Telegram still has the question too: the crashed run had not confirmed it.
    question = fake_bot_api.send_message("What is CBERS?", user_id=FIRST_USER)
    # What a crashed run left: a readable update, and one the bot cannot read any more.
    journal = await UpdateJournal.open(settings.data_dir / JOURNAL_FILENAME, fake_bot_api.bot_id)
    await journal.add([(1, '{"update_id": 1, "message": "not a message"}')])
    await journal.add([(question["update_id"], json.dumps(question))])
    await journal.close()

    async with running(settings) as application:
        await handled(fake_bot_api, application)
    reopened = await UpdateJournal.open(settings.data_dir / JOURNAL_FILENAME, fake_bot_api.bot_id)
    left = await reopened.unanswered()
    await reopened.close()

    assert [message["text"] for message in fake_bot_api.messages_to(FIRST_USER)] == [CBERS_ANSWER]
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert [line.split(":")[0] for line in errors] == [
        "Dropped journaled update 1, which does not parse"
    ]
    assert left == []
