"""The bot's side of the log: recording never raises or waits, and nothing recorded is lost."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from celacbot.misslog import EventStore, QuestionLog
from celacbot.retrieval.answer import Decision
from tests.misslog.builders import answered, declined, suggested


@pytest.fixture
async def log(db: Path) -> AsyncIterator[QuestionLog]:
    opened = await QuestionLog.open(db)
    yield opened
    await opened.close()


def write_garbage(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00garbage\xff" * 1000)


def count_rows(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT count(*) FROM events").fetchone()[0])


async def test_opening_creates_the_data_directory_and_file(log: QuestionLog, db: Path) -> None:
    assert (log.enabled, log.problem, count_rows(db)) == (True, None, 0)


async def test_declined_questions_land_in_the_file(log: QuestionLog, db: Path) -> None:
    first = log.record(declined("GDP of Peru?"), user_id=1, chat_type="private", language="en")
    second = log.record(declined("Weather in Lima?"), user_id=2, chat_type="group")

    await log.flush()

    assert second == first + 1
    assert [(miss.id, miss.question) for miss in await log.latest_misses(5)] == [
        (second, "Weather in Lima?"),
        (first, "GDP of Peru?"),
    ]
    assert count_rows(db) == 2


async def test_a_read_runs_the_writes_waiting_for_their_batch(
    log: QuestionLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Writes wait to be batched; /stats and /misses must not wait with them.
    monkeypatch.setattr("celacbot.misslog.log.BATCH_SECONDS", 3600)
    event_id = log.record(declined("asked just now"), user_id=1, chat_type="private")

    async with asyncio.timeout(30):
        misses = await log.latest_misses(1)
        stats = await log.stats()

    assert [miss.id for miss in misses] == [event_id]
    assert stats.total == 1


async def test_a_pick_and_none_of_these_update_the_suggestion_they_answer(log: QuestionLog) -> None:
    picked = log.record(suggested("byd plant", ("byd", 55.0)), user_id=1, chat_type="private")
    rejected = log.record(suggested("cbers", ("cbers", 50.0)), user_id=1, chat_type="private")
    # The pick is queued right behind the row it updates, before either is written.
    log.record_pick(picked, "byd")
    log.record_none(rejected)

    stats = await log.stats()

    assert (stats.suggested, stats.picked, stats.none_of_these) == (2, 1, 1)
    assert stats.top_entries == (("byd", 1),)


async def test_stats_since_start_exclude_earlier_runs(db: Path) -> None:
    earlier = await QuestionLog.open(db)
    earlier.record(answered("cbers"), user_id=1, chat_type="private")
    await earlier.close()

    log = await QuestionLog.open(db)
    log.record(answered("byd"), user_id=1, chat_type="private")
    since_start, all_time = await log.stats(since=log.started_at), await log.stats()
    await log.close()

    assert (since_start.answered, all_time.answered) == (1, 2)


async def test_stats_since_start_exclude_an_earlier_run_stamped_later_than_the_start(
    db: Path,
) -> None:
    # What a tie within a millisecond comes down to, made certain: an earlier run's event
    # whose stored time is not before this run's start (here its clock was ahead).
    earlier = EventStore.open(db)
    ahead = datetime.now(UTC) + timedelta(hours=1)
    earlier.record(1, answered("cbers"), user_id=1, chat_type="private", time=ahead)
    earlier.close()

    log = await QuestionLog.open(db)
    log.record(answered("byd"), user_id=1, chat_type="private")
    since_start, all_time = await log.stats(since=log.started_at), await log.stats()
    await log.close()

    assert (since_start.answered, all_time.answered) == (1, 2)
    assert since_start.top_entries == (("byd", 1),)


async def test_event_ids_continue_after_a_restart(db: Path) -> None:
    first_run = await QuestionLog.open(db)
    last = [first_run.record(declined(f"q{n}"), user_id=1, chat_type="private") for n in range(3)][
        -1
    ]
    await first_run.close()

    second_run = await QuestionLog.open(db)
    next_id = second_run.record(declined("after restart"), user_id=1, chat_type="private")
    await second_run.close()

    assert next_id == last + 1


async def test_threads_recording_at_once_lose_nothing(log: QuestionLog, db: Path) -> None:
    ids: list[int] = []

    def ask_many(thread: int) -> None:
        for n in range(250):
            answer = declined(f"thread {thread} question {n}") if n % 2 else answered("cbers")
            ids.append(log.record(answer, user_id=thread, chat_type="private"))

    threads = [threading.Thread(target=ask_many, args=(thread,)) for thread in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    await log.flush()
    stats = await log.stats()

    assert sorted(ids) == list(range(1, 2001))
    assert count_rows(db) == 2000
    assert (stats.answered, stats.declined) == (1000, 1000)


async def test_a_corrupt_file_is_reported_once_and_the_log_keeps_working(
    db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_garbage(db)

    log = await QuestionLog.open(db)
    log.record(declined("after the crash"), user_id=1, chat_type="private")
    misses = await log.latest_misses(5)
    await log.close()

    assert log.problem is None
    assert [miss.question for miss in misses] == ["after the crash"]
    assert [record.levelno for record in caplog.records] == [logging.ERROR]


async def test_an_unusable_location_disables_the_log_without_raising(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "data").write_text("a file where the data directory should be")

    log = await QuestionLog.open(tmp_path / "data" / "celacbot.sqlite3")
    event_id = log.record(suggested("byd", ("byd", 50.0)), user_id=1, chat_type="private")
    log.record_pick(event_id, "byd")
    stats, misses = await log.stats(), await log.latest_misses(5)
    await log.close()

    assert (log.enabled, event_id, stats.total, misses) == (False, 1, 0, [])
    assert log.problem is not None
    assert "celacbot.sqlite3" in log.problem
    assert [record.levelno for record in caplog.records] == [logging.ERROR]


async def test_a_second_bot_on_the_same_file_leaves_the_first_one_recording(
    log: QuestionLog, db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    second = await QuestionLog.open(db)
    second.record(declined("asked of the second bot"), user_id=2, chat_type="private")
    log.record(declined("asked of the first bot"), user_id=1, chat_type="private")
    await log.flush()
    await second.close()

    assert (log.enabled, second.enabled) == (True, False)
    assert second.problem is not None
    assert "another celacbot" in second.problem
    assert [miss.question for miss in await log.latest_misses(5)] == ["asked of the first bot"]
    assert [record.levelno for record in caplog.records] == [logging.ERROR]


async def test_a_database_error_while_running_is_logged_and_swallowed(
    log: QuestionLog, db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with sqlite3.connect(db) as connection:
        connection.execute("DROP TABLE events")

    log.record(declined("lost, but the bot answers"), user_id=1, chat_type="private")
    await log.flush()
    stats = await log.stats()

    assert stats.total == 0
    assert any("question log write failed" in record.getMessage() for record in caplog.records)


async def test_recording_does_not_wait_for_the_disk(log: QuestionLog, db: Path) -> None:
    # Hold the write lock from another connection: the worker thread waits, the caller does not.
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        event_id = log.record(declined("queued"), user_id=1, chat_type="private")
        flushed = asyncio.ensure_future(log.flush())
        await asyncio.sleep(0.05)
        assert not flushed.done()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    await flushed

    assert [(miss.id, miss.decision) for miss in await log.latest_misses(1)] == [
        (event_id, Decision.DECLINE)
    ]


async def test_a_failing_write_does_not_lose_the_others_written_with_it(
    db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def normalise(question: str) -> str:
        if question == "breaks the normaliser":
            raise ValueError(question)
        return question

    log = await QuestionLog.open(db, normalise=normalise)
    for question in ("before", "breaks the normaliser", "after"):
        log.record(declined(question), user_id=1, chat_type="private")
    misses = await log.latest_misses(5)
    await log.close()

    assert [miss.question for miss in misses] == ["after", "before"]
    assert count_rows(db) == 2
    assert any("question log write failed" in record.getMessage() for record in caplog.records)
