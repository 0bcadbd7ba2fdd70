"""The bot's question log: records decisions on a background thread, never delaying a reply.

Every database call runs on one worker thread, in the order it was made, so a suggestion's
row exists before the user's pick updates it. Event ids are handed out in memory, at once,
so that the bot can put them in a keyboard's callback data before the row is written.
Database errors are logged and dropped: the log is a maintainer's aid, not part of answering.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from celacbot.misslog.store import (
    MAX_AGE_DAYS,
    MAX_EVENTS,
    EventStore,
    LogInUseError,
    Miss,
    SchemaTooNewError,
    Stats,
)
from celacbot.retrieval.answer import Answer

logger = logging.getLogger(__name__)

R = TypeVar("R")

# Writes queued beyond this (a stuck disk) are dropped rather than held in memory.
MAX_PENDING_WRITES = 10_000
CLOSE_TIMEOUT_SECONDS = 10.0
# Writes gather this long before the worker thread wakes to run them together. Each wake-up
# contends for the GIL with the event loop's thread: at one per 50 ms, replies took 0.25-0.3
# ms longer at p50 than with no log at all; at one per second, no longer (measured side by
# side: benchmarks/request_paths.py). A crash loses at most this much of the log; a read,
# flush or close runs the waiting writes at once.
BATCH_SECONDS = 1.0


class QuestionLog:
    """Records what the bot decided for each question and answers /stats and /misses."""

    def __init__(self) -> None:
        """A disabled log; QuestionLog.open returns one that writes to a file."""
        self.started_at = datetime.now(UTC)
        self.problem: str | None = "not opened"
        self._store: EventStore | None = None
        # One worker: the connection stays on the thread that opened it, and writes keep order.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="question-log")
        # This run's first event id: every event of an earlier run has a smaller one.
        self._first_id = 1
        self._ids = itertools.count(self._first_id)
        self._lock = threading.Lock()
        self._pending = 0
        self._dropping = False
        self._batch: list[Callable[[EventStore], object]] = []
        self._write_now = threading.Event()

    @classmethod
    async def open(
        cls,
        path: Path,
        *,
        normalise: Callable[[str], str] | None = None,
        max_events: int = MAX_EVENTS,
        max_age_days: int = MAX_AGE_DAYS,
    ) -> QuestionLog:
        """Open or create the log file off the event loop; never raises: a failure disables it."""
        log = cls()

        def open_store() -> tuple[EventStore, int]:
            store = EventStore.open(
                path, normalise=normalise, max_events=max_events, max_age_days=max_age_days
            )
            return store, store.max_id()

        try:
            store, max_id = await asyncio.wrap_future(log._executor.submit(open_store))
        except (sqlite3.Error, SchemaTooNewError, LogInUseError, OSError) as exc:
            log.problem = f"cannot open {path}: {exc}"
            logger.error("question log disabled: %s", log.problem)
            return log
        log._store, log.problem = store, None
        log._first_id = max_id + 1
        log._ids = itertools.count(log._first_id)
        return log

    @property
    def enabled(self) -> bool:
        """False when the file could not be opened or broke; the bot answers regardless."""
        return self._store is not None

    def record(
        self,
        answer: Answer,
        *,
        user_id: int | None,
        chat_type: str,
        language: str | None = None,
    ) -> int:
        """Queue one decision and return its event id at once (for suggestion callback data)."""
        with self._lock:
            event_id = next(self._ids)
        time = datetime.now(UTC)
        self._submit_write(
            lambda store: store.record(
                event_id, answer, user_id=user_id, chat_type=chat_type, language=language, time=time
            )
        )
        return event_id

    def record_pick(self, event_id: int, entry_id: str) -> None:
        """Queue: the user picked `entry_id` from the suggestions of event `event_id`."""
        self._submit_write(lambda store: store.set_outcome(event_id, entry_id))

    def record_none(self, event_id: int) -> None:
        """Queue: the user answered "none of these" to the suggestions of event `event_id`."""
        self._submit_write(lambda store: store.set_outcome(event_id, None))

    async def stats(self, since: datetime | None = None, top: int = 5) -> Stats:
        """Counts since `since` (None: all time); empty when the log is disabled or fails."""
        # Every event of an earlier run happened before this run started, yet its stored
        # time can tie with started_at (times are kept to the millisecond) or follow it (a
        # clock set back since): from the start on, this run's event ids tell them apart.
        first_id = self._first_id if since is not None and since >= self.started_at else 1
        return await self._read(
            lambda store: store.stats(since, top, first_id=first_id), Stats(since=since)
        )

    async def latest_misses(self, n: int = 10) -> list[Miss]:
        """The newest `n` suggested or declined questions, newest first."""
        return await self._read(lambda store: store.misses(limit=n), [])

    async def flush(self) -> None:
        """Wait until every queued write has been attempted."""
        self._write_now.set()
        await asyncio.wrap_future(self._executor.submit(lambda: None))

    async def close(self) -> None:
        """Finish queued writes (bounded wait) and close the file; later records are ignored."""
        if self._store is not None:
            try:
                async with asyncio.timeout(CLOSE_TIMEOUT_SECONDS):
                    self._write_now.set()
                    await asyncio.wrap_future(self._executor.submit(self._close_store))
            except TimeoutError:
                logger.warning("question log: writes still pending at shutdown were dropped")
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _submit_write(self, write: Callable[[EventStore], object]) -> None:
        if self._store is None:
            return
        with self._lock:
            if self._pending >= MAX_PENDING_WRITES:
                if not self._dropping:
                    logger.warning("question log is %d writes behind; dropping", self._pending)
                self._dropping = True
                return
            self._pending += 1
            self._dropping = False
            self._batch.append(write)
            if len(self._batch) > 1:
                return  # the batch's drain is already queued
        try:
            self._executor.submit(self._drain)
        except RuntimeError:  # closed while the bot was still answering
            with self._lock:
                self._pending -= len(self._batch)
                self._batch.clear()

    def _drain(self) -> None:
        """Run on the worker thread: after a short wait, attempt every write queued so far."""
        self._write_now.wait(BATCH_SECONDS)
        self._write_now.clear()
        with self._lock:
            batch, self._batch = self._batch, []
        try:
            self._write_batch(batch)
        finally:
            with self._lock:
                self._pending -= len(batch)

    def _write_batch(self, batch: list[Callable[[EventStore], object]]) -> None:
        """Run on the worker thread: attempt the writes in one transaction; log and swallow
        any failure."""
        store = self._store
        if store is None:
            return
        try:
            with store.batch():
                for write in batch:
                    try:
                        write(store)
                    except (sqlite3.OperationalError, sqlite3.IntegrityError) as exc:
                        # Locked or full disk, or a row someone else wrote: this event is
                        # lost, the next may succeed.
                        logger.warning("question log write failed: %s", exc)
                    except sqlite3.DatabaseError:
                        raise
                    except Exception:
                        logger.exception("question log write failed")
        except sqlite3.OperationalError as exc:
            # The commit failed (locked or full disk): the batch is rolled back and lost.
            logger.warning("question log writes failed: %s", exc)
        except sqlite3.DatabaseError as exc:
            # Corrupted under us: stop writing; the next start moves the file aside.
            self._disable(f"database error: {exc}")

    async def _read(self, read: Callable[[EventStore], R], fallback: R) -> R:
        store = self._store
        if store is None:
            return fallback
        try:
            # The reader sees every question asked before it.
            self._write_now.set()
            return await asyncio.wrap_future(self._executor.submit(read, store))
        except sqlite3.Error as exc:
            logger.warning("question log read failed: %s", exc)
            return fallback

    def _close_store(self) -> None:
        """Run on the worker thread after every write queued before it."""
        store, self._store = self._store, None
        if store is not None:
            store.close()

    def _disable(self, problem: str) -> None:
        store, self._store = self._store, None
        self.problem = problem
        logger.error("question log disabled: %s", problem)
        if store is not None:
            store.close()


__all__ = ["QuestionLog"]
