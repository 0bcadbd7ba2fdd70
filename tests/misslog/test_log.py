"""The bot's side of the log: recording never raises or waits, nothing recorded is lost, and
nothing waits on the disk without bound."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import subprocess
import sys
import threading
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from celacbot.misslog import EventStore, LogBusyError, QuestionLog
from celacbot.retrieval.answer import Answer, Decision
from tests.misslog.builders import answered, declined, suggested
from tests.misslog.disks import WriteLock, hang_writes

CHECKOUT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def log(db: Path) -> AsyncIterator[QuestionLog]:
    opened = await QuestionLog.open(db)
    yield opened
    await opened.close()


def noticed(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """The warnings and errors logged: what an operator is shown."""
    return [record for record in caplog.records if record.levelno >= logging.WARNING]


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


def event(log: QuestionLog, answer: Answer, user_id: int = 1) -> int:
    """Record `answer` asked by `user_id` in a private chat; its event id."""
    event_id = log.record(answer, user_id=user_id, chat_type="private")
    assert event_id is not None
    return event_id


async def test_a_pick_and_none_of_these_update_the_suggestion_they_answer(log: QuestionLog) -> None:
    picked = event(log, suggested("byd plant", ("byd", 55.0)))
    rejected = event(log, suggested("cbers", ("cbers", 50.0)))
    # The pick is queued right behind the row it updates, before either is written.
    accepted = [await log.accept_pick(picked, "byd", 1), await log.accept_none(rejected, 1)]

    stats = await log.stats()

    assert accepted == [True, True]
    assert (stats.suggested, stats.picked, stats.none_of_these) == (2, 1, 1)
    assert stats.top_entries == (("byd", 1),)


async def test_only_the_asker_may_pick_and_only_what_was_offered(log: QuestionLog) -> None:
    offered = event(log, suggested("byd plant", ("byd", 55.0), ("cbers", 50.0)))
    declined_id = event(log, declined("GDP of Peru?"))

    refused = [
        await log.accept_pick(offered, "byd", 2),  # another user
        await log.accept_none(offered, 2),
        await log.accept_pick(offered, "lima", 1),  # not offered
        await log.accept_pick(declined_id, "byd", 1),  # nothing was offered
        await log.accept_pick(offered + 10, "byd", 1),  # no such question
    ]
    stats = await log.stats()

    assert refused == [False] * 5
    assert (stats.picked, stats.none_of_these) == (0, 0)


async def test_a_button_from_before_a_restart_is_checked_against_the_file(db: Path) -> None:
    earlier = await QuestionLog.open(db)
    offered = event(earlier, suggested("byd plant", ("byd", 55.0), ("cbers", 50.0)))
    await earlier.close()

    log = await QuestionLog.open(db)
    verdicts = [
        await log.accept_pick(offered, "cbers", 2),
        await log.accept_pick(offered, "lima", 1),
        await log.accept_pick(offered, "cbers", 1),
    ]
    stats = await log.stats()
    await log.close()

    assert verdicts == [False, False, True]
    assert stats.top_entries == (("cbers", 1),)


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
    last = [event(first_run, declined(f"q{n}")) for n in range(3)][-1]
    await first_run.close()

    second_run = await QuestionLog.open(db)
    next_id = event(second_run, declined("after restart"))
    await second_run.close()

    assert next_id > last


CRASHING_BOT = """
import asyncio, os, sys
from pathlib import Path

from celacbot.misslog import QuestionLog
from tests.misslog.builders import suggested


async def main() -> None:
    log = await QuestionLog.open(Path(sys.argv[1]))
    for n in range(3):
        print(log.record(suggested(f"q{n}", ("byd", 50.0)), user_id=1, chat_type="private"))
    sys.stdout.flush()
    os._exit(9)  # dies before the batch is written, as a killed bot does


asyncio.run(main())
"""


async def test_ids_shown_before_a_crash_are_never_handed_out_again(db: Path) -> None:
    crashed = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CRASHING_BOT, str(db), stdout=asyncio.subprocess.PIPE, cwd=CHECKOUT
    )
    stdout, _ = await asyncio.wait_for(crashed.communicate(), timeout=60)
    shown = [int(line) for line in stdout.split()]
    written_before_the_crash = count_rows(db)

    log = await QuestionLog.open(db)
    after = event(log, suggested("asked after the crash", ("byd", 50.0)), user_id=2)
    old_button = await log.accept_pick(shown[-1], "byd", 1)
    await log.close()

    assert (crashed.returncode, len(shown), written_before_the_crash) == (9, 3, 0)
    assert after > max(shown)
    assert old_button is False


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
    assert [record.levelno for record in noticed(caplog)] == [logging.ERROR]


async def test_an_unusable_location_disables_the_log_without_raising(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "data").write_text("a file where the data directory should be")

    log = await QuestionLog.open(tmp_path / "data" / "celacbot.sqlite3")
    event_id = log.record(suggested("byd", ("byd", 50.0)), user_id=1, chat_type="private")
    stats, misses = await log.stats(), await log.latest_misses(5)
    await log.close()

    assert (log.enabled, event_id, stats.total, misses) == (False, None, 0, [])
    assert log.problem is not None
    assert "celacbot.sqlite3" in log.problem
    assert [record.levelno for record in noticed(caplog)] == [logging.ERROR, logging.WARNING]
    assert noticed(caplog)[1].getMessage() == (
        "question log closed; 1 records of this run were not written: 1 dropped (the log was off)"
    )


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
    assert [record.levelno for record in noticed(caplog)] == [logging.WARNING, logging.WARNING]
    assert noticed(caplog)[1].getMessage() == (
        "question log closed; 1 records of this run were not written:"
        " 1 still waiting (the file never opened)"
    )


async def test_a_file_locked_at_start_up_is_opened_once_it_is_free(
    db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A celacbot still stopping holds the file: the next one must not go without a log.
    stopping = await QuestionLog.open(db)
    starting = await QuestionLog.open(db)
    waiting = starting.record(
        suggested("asked while it was locked", ("byd", 50.0)), user_id=1, chat_type="private"
    )
    was_opening = starting.opening
    await stopping.close()
    async with asyncio.timeout(60):
        while not starting.enabled:  # noqa: ASYNC110 - the retry's back-off is the log's own
            await asyncio.sleep(0.05)
    misses = await starting.latest_misses(5)
    await starting.close()

    assert (waiting, was_opening) == (None, True)
    assert [miss.question for miss in misses] == ["asked while it was locked"]
    assert [record.levelno for record in noticed(caplog)] == [logging.WARNING]
    assert "is locked" in noticed(caplog)[0].getMessage()


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
    writes = log.writes
    assert (writes.written, writes.failed, writes.last_error) == (0, 1, "no such table: events")


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


async def test_a_read_gives_up_on_a_hung_disk_and_works_again_once_it_answers(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("celacbot.misslog.log.READ_TIMEOUT_SECONDS", 0.5)
    hang_writes(monkeypatch)
    log = await QuestionLog.open(db)
    with WriteLock(db) as lock:
        log.record(declined("asked while the disk hung"), user_id=1, chat_type="private")
        with pytest.raises(LogBusyError) as first:
            await log.stats()
        # Nothing moved since: the next read does not queue behind the hung write.
        with pytest.raises(LogBusyError):
            await log.latest_misses(5)
        lock.release()
        async with asyncio.timeout(30):
            await log.flush()  # the disk answers again: the hung write goes through
        misses = await log.latest_misses(5)
    await log.close()

    assert first.value.waiting == 1
    assert [miss.question for miss in misses] == ["asked while the disk hung"]


async def test_close_gives_up_on_a_hung_disk_and_says_what_was_not_written(
    db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("celacbot.misslog.log.CLOSE_TIMEOUT_SECONDS", 0.5)
    hang_writes(monkeypatch)
    log = await QuestionLog.open(db)
    with WriteLock(db):
        for n in range(3):
            log.record(declined(f"question {n}"), user_id=1, chat_type="private")
        async with asyncio.timeout(30):
            await log.close()

    assert noticed(caplog)[-1].getMessage() == (
        "question log closed; 3 records of this run were not written:"
        " 3 still waiting (the disk had not answered for 0.5 s)"
    )


STUCK_BOT = """
import asyncio, sys, threading
from pathlib import Path

from celacbot.misslog import QuestionLog
from tests.misslog.builders import declined


def never(text: str) -> str:
    threading.Event().wait()  # the log's thread stops here for good, as on a frozen disk
    return text


async def main() -> None:
    log = await QuestionLog.open(Path(sys.argv[1]), normalise=never)
    log.record(declined("never written"), user_id=1, chat_type="private")
    await log.close()


asyncio.run(main())
"""


def test_a_thread_stuck_on_the_disk_does_not_keep_the_process_from_exiting(db: Path) -> None:
    stopped = subprocess.run(
        [sys.executable, "-c", STUCK_BOT, str(db)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=CHECKOUT,
        check=False,
    )

    assert stopped.returncode == 0
    assert "1 records of this run were not written: 1 still waiting" in stopped.stderr
