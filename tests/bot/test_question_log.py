"""The question log as admins and users meet it when its disk misbehaves or buttons are forged:
the bot keeps answering, admins are told, nothing waits without bound, nothing is misrecorded.
"""

from __future__ import annotations

import asyncio
import re
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from celacbot.bot.application import BotApplication
from celacbot.bot.runner import running
from celacbot.bot.texts import texts
from celacbot.config import Settings
from celacbot.misslog import DB_FILENAME, EventStore
from tests.bot.conftest import MakeSettings
from tests.bot.helpers import buttons
from tests.bot.knowledge import CBERS_ANSWER
from tests.bot.processes import bot_environment
from tests.fakes.bot_api import DEFAULT_USER_ID, GROUP_CHAT_ID, FakeBotAPI
from tests.misslog.disks import WriteLock, hang_writes

ADMIN_ID = 4242
OTHER_USER = DEFAULT_USER_ID + 1
# Two entries of the test knowledge share these words: the bot asks "did you mean".
UNSURE_QUESTION = "BYD plans in Brazil"
KNOWN_QUESTION = "What is CBERS?"
NOT_OFFERED = "covid-support"
# The bot waits READ_TIMEOUT_SECONDS (3 s) for a hung disk before it says the log is busy.
BUSY_REPLY_TIMEOUT = 30.0
# `celacbot run` with a disk that hangs (hang_writes, in the child process).
HUNG_DISK_RUN = (
    "import sys; import celacbot.misslog.store as store;"
    " store.BUSY_TIMEOUT_SECONDS = 3600.0;"
    " from celacbot.cli import main; sys.exit(main(['run']))"
)


@pytest.fixture
def settings(make_settings: MakeSettings) -> Settings:
    """The test knowledge, one admin, no flood control."""
    return make_settings(CELACBOT_ADMIN_IDS=str(ADMIN_ID), CELACBOT_USER_RATE=0)


@pytest.fixture
def db(settings: Settings) -> Path:
    return settings.data_dir / DB_FILENAME


@pytest.fixture
def env(fake_bot_api: FakeBotAPI, settings: Settings) -> dict[str, str]:
    """The environment of a `celacbot run` child process with the same data directory."""
    return bot_environment(
        fake_bot_api,
        settings.knowledge,
        CELACBOT_DATA_DIR=str(settings.data_dir),
        CELACBOT_POLL_TIMEOUT="1",
        CELACBOT_USER_RATE="0",
    )


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[BotApplication]:
    async with running(settings) as application:
        yield application


async def ask(
    fake: FakeBotAPI,
    text: str,
    *,
    user_id: int = DEFAULT_USER_ID,
    timeout: float = 5.0,  # noqa: ASYNC109 - a default bounds every wait
    **user: Any,
) -> dict[str, Any]:
    """The bot's first reply to what `user_id` wrote in a private chat."""
    return await fake.wait_for_reply(
        fake.send_message(text, user_id=user_id, **user), timeout=timeout
    )


def pick_of(message: dict[str, Any]) -> tuple[str, int, str]:
    """The first "did you mean" button's callback data, its event id and its entry id."""
    data = next(data for _, data in buttons(message) if data.startswith("p:"))
    _, event, entry = data.split(":")
    return data, int(event), entry


async def test_stats_and_misses_on_a_hung_disk_say_so_in_the_admins_language(
    fake_bot_api: FakeBotAPI, settings: Settings, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hang_writes(monkeypatch)
    async with running(settings) as application:
        with WriteLock(db) as lock:
            asked = await ask(fake_bot_api, KNOWN_QUESTION)
            stats = await ask(
                fake_bot_api,
                "/stats",
                user_id=ADMIN_ID,
                language_code="es",
                timeout=BUSY_REPLY_TIMEOUT,
            )
            misses = await ask(
                fake_bot_api,
                "/misses",
                user_id=ADMIN_ID,
                language_code="pt-br",
                timeout=BUSY_REPLY_TIMEOUT,
            )
            still_answered = await ask(fake_bot_api, KNOWN_QUESTION, user_id=OTHER_USER)
            lock.release()
            async with asyncio.timeout(30):
                await application.bot_data.question_log.flush()  # the disk answers again
            recovered = await ask(fake_bot_api, "/stats", user_id=ADMIN_ID)

    assert asked["text"] == still_answered["text"] == CBERS_ANSWER
    assert stats["text"] == texts("es").log_busy.format(waiting=1)
    assert misses["text"] == texts("pt").log_busy.format(waiting=1)
    assert recovered["text"].splitlines()[1] == "answered   2 / 2"


async def test_a_stop_on_a_hung_disk_ends_in_time_and_says_what_was_not_written(
    tmp_path: Path, fake_bot_api: FakeBotAPI, db: Path, env: dict[str, str]
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        HUNG_DISK_RUN,
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await fake_bot_api.wait_for_request("getUpdates", timeout=30)
        with WriteLock(db):  # the bot has created the file by the time it polls
            for user_id in (1, 2):
                await ask(fake_bot_api, KNOWN_QUESTION, user_id=user_id)
            stopping = time.monotonic()
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
            stop_seconds = time.monotonic() - stopping
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()

    assert process.returncode == 0
    assert (
        "question log closed; 2 records of this run were not written:"
        " 2 still waiting (the disk had not answered for 2 s)"
    ) in stderr.decode()
    # PTB's stop, the log's 2 s and the interpreter's exit, on a loaded machine.
    assert stop_seconds < 30


async def test_a_pick_counts_only_from_the_asker_and_only_for_an_offered_entry(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    offered = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message(f"/ask {UNSURE_QUESTION}", chat_type="supergroup")
    )
    data, event_id, entry_id = pick_of(offered)

    # Another member of the group presses the asker's button.
    foreign = fake_bot_api.press_button(offered, data, user_id=OTHER_USER)
    # The asker's modified client sends an entry the bot did not offer.
    forged = fake_bot_api.press_button(
        offered, f"p:{event_id}:{NOT_OFFERED}", user_id=DEFAULT_USER_ID, forged=True
    )
    notices = [await fake_bot_api.wait_for_callback_answer(press) for press in (foreign, forged)]
    mark = fake_bot_api.mark()
    own = fake_bot_api.press_button(offered, data, user_id=DEFAULT_USER_ID)
    # The choice becomes the answer in place of the "did you mean" message.
    answer = await fake_bot_api.wait_for_request(
        "editMessageText",
        predicate=lambda request: request.params["chat_id"] == GROUP_CHAT_ID,
        after=mark,
    )
    await fake_bot_api.wait_for_callback_answer(own)
    misses = await ask(fake_bot_api, "/misses", user_id=ADMIN_ID)
    stats = await ask(fake_bot_api, "/stats", user_id=ADMIN_ID)

    assert [notice.get("text") for notice in notices] == [texts("en").stale_notice] * 2
    assert "<b>" in answer.params["text"]  # the picked entry's answer, with its heading
    assert misses["text"].splitlines()[1].endswith(f"; picked {entry_id}")
    assert "Suggestions picked 1, none of these 0, no reply 0" in stats["text"]


async def test_an_old_button_after_a_crash_never_touches_a_new_users_question(
    tmp_path: Path, fake_bot_api: FakeBotAPI, settings: Settings, db: Path, env: dict[str, str]
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "celacbot.cli",
        "run",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        await fake_bot_api.wait_for_request("getUpdates", timeout=30)
        # The question's row cannot be written before the kill: its id lives only in the
        # button, as with every question of a bot's last second.
        with WriteLock(db):
            before_crash = await ask(fake_bot_api, UNSURE_QUESTION)
            process.send_signal(signal.SIGKILL)
            await asyncio.wait_for(process.wait(), timeout=30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    old_data, old_event, _ = pick_of(before_crash)

    async with running(settings):
        after_crash = await ask(fake_bot_api, UNSURE_QUESTION, user_id=OTHER_USER)
        _, new_event, _ = pick_of(after_crash)
        press = fake_bot_api.press_button(before_crash, old_data)
        notice = await fake_bot_api.wait_for_callback_answer(press)
        misses = await ask(fake_bot_api, "/misses", user_id=ADMIN_ID)

    assert process.returncode == -signal.SIGKILL
    assert new_event > old_event
    assert notice.get("text") == texts("en").stale_notice
    # The old button picked nothing: not the new user's question, nor the killed bot's
    # question if Telegram delivered it again.
    _, *lines = misses["text"].splitlines()
    assert lines
    assert all(line.endswith("; no reply") for line in lines)


async def test_a_log_locked_at_start_up_is_opened_once_free_and_keeps_what_was_asked(
    fake_bot_api: FakeBotAPI, settings: Settings, db: Path
) -> None:
    # A celacbot still stopping holds the file when the next one starts.
    stopping = EventStore.open(db)
    async with running(settings) as application:
        log = application.bot_data.question_log
        asked = await ask(fake_bot_api, KNOWN_QUESTION)
        waiting = await ask(fake_bot_api, "/stats", user_id=ADMIN_ID)
        stopping.close()
        async with asyncio.timeout(60):
            while not log.enabled:  # noqa: ASYNC110 - the retry's back-off is the log's own
                await asyncio.sleep(0.05)
        opened = await ask(fake_bot_api, "/stats", user_id=ADMIN_ID)

    assert asked["text"] == CBERS_ANSWER
    assert (
        waiting["text"]
        .splitlines()[-1]
        .startswith(f"The question log is not open yet: {db} is locked")
    )
    assert opened["text"].splitlines()[1] == "answered   1 / 1"
    assert "not open" not in opened["text"]


async def test_stats_report_writes_that_fail(
    fake_bot_api: FakeBotAPI, settings: Settings, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A lock that does not go away: every write gives up at once and fails.
    hang_writes(monkeypatch, seconds=0.01)
    async with running(settings) as application:
        with WriteLock(db):
            for user_id in (1, 2):
                await ask(fake_bot_api, KNOWN_QUESTION, user_id=user_id)
            async with asyncio.timeout(30):
                await application.bot_data.question_log.flush()
            stats = await ask(fake_bot_api, "/stats", user_id=ADMIN_ID)

    assert re.fullmatch(
        r"Log writes failing: 2 of 2 records since start not written \(2 failed, 0 dropped\);"
        r" last error at \d\d:\d\d UTC: database is locked",
        stats["text"].splitlines()[-1],
    )


async def test_a_log_written_over_while_the_bot_runs_is_reported_at_the_next_stats(
    fake_bot_api: FakeBotAPI, bot: BotApplication, db: Path
) -> None:
    await ask(fake_bot_api, KNOWN_QUESTION)
    await ask(fake_bot_api, "/stats", user_id=ADMIN_ID)  # the question is in the file
    with db.open("r+b") as file:  # another program writes over it
        file.write(b"\x00garbage\xff" * 1000)

    stats = await ask(fake_bot_api, "/stats", user_id=ADMIN_ID)
    answer = await ask(fake_bot_api, KNOWN_QUESTION, user_id=OTHER_USER)

    assert stats["text"].splitlines()[-1] == (
        "The question log is off: the file is damaged (the file was written over: it is no"
        " SQLite file now); the next start moves it aside and starts a new one"
    )
    assert answer["text"] == CBERS_ANSWER
