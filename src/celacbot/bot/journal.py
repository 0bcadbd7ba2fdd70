"""The update journal: every update the bot takes from Telegram, on disk until it is answered.

Contract (what bot/delivery.py builds the delivery guarantee on):

- `add()` commits the updates, with a full fsync, before it returns; only then may Telegram be
  told they were delivered (the next getUpdates' offset, or the webhook's 200). It reports each
  update as NEW (never seen), PENDING (journaled, not yet answered) or ANSWERED.
- `answered()` marks an update answered: its body is deleted and only its id is kept, so that
  a re-delivery by Telegram is recognised. This commit skips the fsync: a power cut may lose
  the last marks, and those updates are then answered again - never lost.
- `unanswered()` lists what an earlier run took and did not answer, in the order it came;
  `newest()` the highest update id it holds.
- Calls are done in the order they start: each is handed to the journal's thread before its
  coroutine first waits, and is done even if its caller is cancelled or times out. An
  `answered()` may come before the `add()` of its update (delivery starts a new update's
  handlers first): it writes the id as answered, and the `add()` then finds it ANSWERED.
- Answered ids are kept while Telegram could still deliver them again: the newest
  KEEP_ANSWERED of them, none older than a day (Telegram keeps an update at most 24 hours, and
  after a quiet week starts its ids afresh).
- Rows belong to one bot (its id): a data directory that changes bots never mixes them up.

Blocking SQLite calls run on one worker thread, each bounded by TIMEOUT_SECONDS: a hung disk
makes `add()` fail (JournalError) instead of hanging the bot. The file is opened with
`open()`; a file that is not a readable database is set aside and a new one started.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from enum import Enum
from pathlib import Path
from typing import TypeVar

from celacbot.bot.sqlite_file import open_or_replace

_LOGGER = logging.getLogger(__name__)

JOURNAL_FILENAME = "updates.sqlite3"
TIMEOUT_SECONDS = 5.0
KEEP_ANSWERED = 10_000
KEEP_ANSWERED_SECONDS = 24 * 60 * 60
# Pruning scans the answered rows: every few hundred updates keeps it cheap.
PRUNE_EVERY = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    bot_id INTEGER NOT NULL,
    update_id INTEGER NOT NULL,
    received REAL NOT NULL,
    body TEXT,
    UNIQUE (bot_id, update_id)
);
"""

R = TypeVar("R")


class JournalError(Exception):
    """The journal could not be read or written in time; its text says why."""


class State(Enum):
    """What the journal knew of an update when it was added."""

    NEW = "new"
    PENDING = "pending"
    ANSWERED = "answered"


class UpdateJournal:
    """The journal of one bot's updates in one SQLite file; see the module docstring."""

    def __init__(self, connection: sqlite3.Connection, executor: ThreadPoolExecutor, bot_id: int):
        """Use `await UpdateJournal.open(...)`."""
        self._connection = connection
        self._executor = executor
        self._bot_id = bot_id
        self._added = 0

    @classmethod
    async def open(cls, path: Path, bot_id: int) -> UpdateJournal:
        """Open or create the journal at `path` for the bot `bot_id`; JournalError if it cannot."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="update-journal")
        try:
            future = executor.submit(
                open_or_replace, path, _SCHEMA, "Update journal", timeout=TIMEOUT_SECONDS
            )
            async with asyncio.timeout(TIMEOUT_SECONDS * 2):
                connection = await asyncio.wrap_future(future)
        except (sqlite3.Error, OSError, TimeoutError) as error:
            executor.shutdown(wait=False, cancel_futures=True)
            raise JournalError(f"cannot open {path}: {error or 'timed out'}") from None
        except BaseException:  # cancelled: the bot was stopped while starting
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        journal = cls(connection, executor, bot_id)
        await journal._run(journal._prune)
        return journal

    async def add(self, updates: Sequence[tuple[int, str]]) -> list[State]:
        """Journal (update_id, JSON) pairs durably; each one's state before it was added."""
        return await self._run(lambda: self._add(updates))

    async def answered(self, update_id: int) -> None:
        """Mark an update answered (its body is deleted), even one add() has not written yet;
        JournalError if that failed."""
        await self._run(lambda: self._answered(update_id))

    async def unanswered(self) -> list[tuple[int, str]]:
        """(update_id, JSON) of every update taken and not answered, oldest first."""
        return await self._run(self._unanswered)

    async def newest(self) -> int | None:
        """The highest update id this bot's journal holds; None when it holds none."""
        return await self._run(self._newest)

    async def close(self) -> None:
        """Close the file once the calls before it are done (bounded wait)."""
        try:
            await self._run(self._connection.close)
        except JournalError as error:
            _LOGGER.warning("Update journal not closed cleanly: %s", error)
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def _run(self, call: Callable[[], R]) -> R:
        try:
            future = self._executor.submit(call)
        except RuntimeError:  # closed: the bot is stopping
            raise JournalError("the journal is closed") from None
        try:
            async with asyncio.timeout(TIMEOUT_SECONDS):
                # Shielded: a call handed to the thread is done even when its caller is
                # cancelled or gives up waiting, so calls are done in the order they start.
                return await asyncio.shield(asyncio.wrap_future(future))
        except TimeoutError:
            raise JournalError(f"no answer from the disk within {TIMEOUT_SECONDS:.0f} s") from None
        except sqlite3.Error as error:
            raise JournalError(str(error)) from None

    # The rest runs on the worker thread.

    def _add(self, updates: Sequence[tuple[int, str]]) -> list[State]:
        connection = self._connection
        states = []
        now = time.time()
        # FULL: the commit is on the disk, not only handed to the OS, before Telegram is told.
        connection.execute("PRAGMA synchronous = FULL")
        with closing(connection.cursor()) as cursor:
            cursor.execute("BEGIN IMMEDIATE")
            try:
                for update_id, body in updates:
                    cursor.execute(
                        "INSERT OR IGNORE INTO updates (bot_id, update_id, received, body)"
                        " VALUES (?, ?, ?, ?)",
                        (self._bot_id, update_id, now, body),
                    )
                    if cursor.rowcount == 1:
                        states.append(State.NEW)
                        continue
                    row = cursor.execute(
                        "SELECT body IS NULL FROM updates WHERE bot_id = ? AND update_id = ?",
                        (self._bot_id, update_id),
                    ).fetchone()
                    states.append(State.ANSWERED if row[0] else State.PENDING)
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
        self._added += len(updates)
        if self._added >= PRUNE_EVERY:
            self._added = 0
            self._prune()
        return states

    def _answered(self, update_id: int) -> None:
        # NORMAL: a lost mark costs an answer given twice, not a question lost.
        self._connection.execute("PRAGMA synchronous = NORMAL")
        # An upsert: add() then finds it answered.
        self._connection.execute(
            "INSERT INTO updates (bot_id, update_id, received, body) VALUES (?, ?, ?, NULL)"
            " ON CONFLICT (bot_id, update_id) DO UPDATE SET body = NULL",
            (self._bot_id, update_id, time.time()),
        )

    def _unanswered(self) -> list[tuple[int, str]]:
        rows = self._connection.execute(
            "SELECT update_id, body FROM updates WHERE bot_id = ? AND body IS NOT NULL"
            " ORDER BY seq",
            (self._bot_id,),
        ).fetchall()
        return [(update_id, body) for update_id, body in rows]

    def _newest(self) -> int | None:
        row = self._connection.execute(
            "SELECT max(update_id) FROM updates WHERE bot_id = ?", (self._bot_id,)
        ).fetchone()
        newest: int | None = row[0]
        return newest

    def _prune(self) -> None:
        self._connection.execute("PRAGMA synchronous = NORMAL")
        self._connection.execute(
            "DELETE FROM updates WHERE body IS NULL"
            " AND (seq <= (SELECT max(seq) FROM updates) - ? OR received < ?)",
            (KEEP_ANSWERED, time.time() - KEEP_ANSWERED_SECONDS),
        )


__all__ = ["JOURNAL_FILENAME", "JournalError", "State", "UpdateJournal"]
