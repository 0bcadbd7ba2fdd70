"""The update journal on a real SQLite file: what it tells delivery, and how it keeps it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from pathlib import Path

import pytest

from celacbot.bot.journal import JournalError, State, UpdateJournal

BOT = 123456
OTHER_BOT = 654321


def set_aside(directory: Path) -> list[Path]:
    """The damaged journals set aside in `directory`."""
    return list(directory.glob("updates.sqlite3.corrupt-*"))


async def test_an_update_is_new_then_pending_then_answered_across_reopening(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data" / "updates.sqlite3"
    journal = await UpdateJournal.open(path, BOT)
    first = await journal.add([(1, '{"update_id": 1}'), (2, '{"update_id": 2}')])
    again = await journal.add([(2, '{"update_id": 2}'), (3, '{"update_id": 3}')])
    await journal.answered(2)
    await journal.close()

    reopened = await UpdateJournal.open(path, BOT)
    unanswered = await reopened.unanswered()
    after_reopening = await reopened.add([(1, "{}"), (2, "{}"), (4, "{}")])
    await reopened.close()

    assert first == [State.NEW, State.NEW]
    assert again == [State.PENDING, State.NEW]
    assert unanswered == [(1, '{"update_id": 1}'), (3, '{"update_id": 3}')]
    assert after_reopening == [State.PENDING, State.ANSWERED, State.NEW]
    assert path.parent.stat().st_mode & 0o777 == 0o700


async def test_a_write_whose_caller_is_cancelled_is_still_done_and_in_order(
    tmp_path: Path,
) -> None:
    # Delivery queues a new update before its write ends: a stop that cancels the caller
    # must not cancel the write, or the update would be answered and never journaled.
    path = tmp_path / "updates.sqlite3"
    journal = await UpdateJournal.open(path, BOT)
    busy = asyncio.create_task(journal.add([(n, "{}") for n in range(1, 5001)]))
    cancelled = asyncio.create_task(journal.add([(9001, '{"update_id": 9001}')]))
    mark = asyncio.create_task(journal.answered(1))
    await asyncio.sleep(0)  # one turn of the loop: all three are handed to the thread
    cancelled.cancel()
    await busy
    await mark
    with contextlib.suppress(asyncio.CancelledError):
        await cancelled
    newest = await journal.newest()
    await journal.close()

    reopened = await UpdateJournal.open(path, BOT)
    unanswered = await reopened.unanswered()
    await reopened.close()

    assert newest == 9001
    assert unanswered[-1] == (9001, '{"update_id": 9001}')
    assert (1, "{}") not in unanswered


async def test_answering_deletes_the_update_and_keeps_only_its_id(tmp_path: Path) -> None:
    path = tmp_path / "updates.sqlite3"
    journal = await UpdateJournal.open(path, BOT)
    await journal.add([(7, '{"text": "my private question"}')])
    await journal.answered(7)
    await journal.close()

    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT update_id, body FROM updates").fetchall()
    assert rows == [(7, None)]


async def test_an_update_marked_answered_before_it_is_written_stays_answered(
    tmp_path: Path,
) -> None:
    # Delivery lets a new update's handlers start before its write: a quick one marks the
    # update answered first, and the write that follows must not make it pending again.
    path = tmp_path / "updates.sqlite3"
    journal = await UpdateJournal.open(path, BOT)
    await journal.answered(7)
    states = await journal.add([(7, '{"update_id": 7}'), (8, '{"update_id": 8}')])
    newest = await journal.newest()
    await journal.close()

    reopened = await UpdateJournal.open(path, BOT)
    unanswered = await reopened.unanswered()
    await reopened.close()

    assert states == [State.ANSWERED, State.NEW]
    assert newest == 8
    assert unanswered == [(8, '{"update_id": 8}')]


async def test_two_bots_sharing_a_data_directory_never_mix_their_updates(
    tmp_path: Path,
) -> None:
    path = tmp_path / "updates.sqlite3"
    journal = await UpdateJournal.open(path, BOT)
    await journal.add([(1, '{"bot": "first"}')])
    await journal.close()

    other = await UpdateJournal.open(path, OTHER_BOT)
    states = await other.add([(1, '{"bot": "second"}')])
    unanswered = await other.unanswered()
    await other.close()

    assert states == [State.NEW]
    assert unanswered == [(1, '{"bot": "second"}')]


async def test_a_damaged_file_is_set_aside_with_one_error_line_and_a_new_one_started(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "updates.sqlite3"
    path.write_bytes(b"this is not a database, it was overwritten" * 100)

    journal = await UpdateJournal.open(path, BOT)
    states = await journal.add([(1, "{}")])
    await journal.close()

    assert states == [State.NEW]
    assert len(set_aside(tmp_path)) == 1
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].startswith(f"Update journal {path} was damaged")


async def test_a_journal_that_cannot_be_created_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data directory should be", encoding="utf-8")

    with pytest.raises(JournalError) as error:
        await UpdateJournal.open(blocker / "updates.sqlite3", BOT)

    assert str(error.value).startswith(f"cannot open {blocker / 'updates.sqlite3'}: ")
    assert "\n" not in str(error.value)
