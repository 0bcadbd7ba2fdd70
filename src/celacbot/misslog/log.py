"""The bot's question log: records decisions on a background thread, never delaying a reply.

Every database call runs on one worker thread (worker.py), in the order it was made, so a
suggestion's row exists before the user's pick updates it. Event ids are handed out at once,
from a block reserved in the file beforehand, so that the bot can put them in a keyboard's
callback data before the row is written, and no id is ever handed out twice.

Nothing here waits without bound on the disk: a read (/stats, /misses, checking an old
button) gives up after READ_TIMEOUT_SECONDS with LogBusyError; close gives up after
CLOSE_TIMEOUT_SECONDS and logs what was not written; at most MAX_PENDING_WRITES records wait.
A file locked at start-up (another process, a celacbot still stopping) is opened again with
back-off while records wait. Write errors are counted and logged, never raised: the log is a
maintainer's aid, not part of answering.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from celacbot.misslog.store import (
    MAX_AGE_DAYS,
    MAX_CANDIDATES,
    MAX_EVENTS,
    EventStore,
    LogInUseError,
    Miss,
    Stats,
)
from celacbot.misslog.worker import Worker
from celacbot.retrieval.answer import Answer, Decision

logger = logging.getLogger(__name__)

R = TypeVar("R")
Write = Callable[[EventStore], object]

# Records waiting beyond this (a stuck disk) are dropped rather than held in memory.
MAX_PENDING_WRITES = 10_000
# How long /stats and /misses wait for the disk before the log is reported busy.
READ_TIMEOUT_SECONDS = 3.0
# How long a stop waits for the last writes: the rest of the stop's time is the updates'.
CLOSE_TIMEOUT_SECONDS = 2.0
# How long start-up waits for the file to open before the bot answers without it (it opens
# later, the records kept meanwhile).
OPEN_WAIT_SECONDS = 3.0
# Back-off between attempts to open a locked file: 1, 2, 4 ... 60 s.
FIRST_RETRY_SECONDS = 1.0
MAX_RETRY_SECONDS = 60.0
# Event ids are reserved in blocks (one synced commit each), the next block once half of one
# is used: a restart skips at most this many ids.
RESERVED_IDS = 10_000
# Suggestions whose offer (user, entries) is checked in memory; older ones in the file.
MAX_REMEMBERED_OFFERS = 10_000
# Writes gather this long before the worker thread wakes to run them together. Each wake-up
# contends for the GIL with the event loop's thread: at one per 50 ms, replies took 0.25-0.3
# ms longer at p50 than with no log at all; at one per second, no longer (measured side by
# side: benchmarks/request_paths.py). A crash loses at most this much of the log; a read,
# flush or close runs the waiting writes at once.
BATCH_SECONDS = 1.0


class LogBusyError(Exception):
    """The disk did not answer a read in time: earlier work is stuck on it."""

    def __init__(self, waiting: int) -> None:
        """`waiting`: records queued and not yet written."""
        super().__init__(f"the question log is busy; {waiting} records wait to be written")
        self.waiting = waiting


class _State(enum.Enum):
    OPENING = "opening"
    OPEN = "open"
    OFF = "off"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Writes:
    """What became of this run's records (questions and button choices) so far."""

    written: int = 0
    # Attempted and failed: a locked, full or damaged file.
    failed: int = 0
    # Never attempted: too many waiting, or the log off.
    dropped: int = 0
    # Queued and not attempted yet.
    waiting: int = 0
    last_error: str | None = None
    last_error_at: datetime | None = None

    @property
    def lost(self) -> int:
        """Records of this run that will not be in the file."""
        return self.failed + self.dropped


@dataclass(frozen=True, slots=True)
class _Offer:
    user_id: int
    entries: tuple[str, ...]


class _NoIdError(Exception):
    """No event id could be reserved for a record written after the file opened."""


def _damaged(error: sqlite3.DatabaseError) -> str:
    """The problem of a file damaged while the log had it open."""
    return f"the file is damaged ({error}); the next start moves it aside and starts a new one"


def _transient(error: BaseException) -> bool:
    """A lock that goes away: another process's transaction, or a celacbot still stopping."""
    if isinstance(error, LogInUseError):
        return True
    return isinstance(error, sqlite3.OperationalError) and (error.sqlite_errorcode & 0xFF) in (
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
    )


class QuestionLog:
    """Records what the bot decided for each question and answers /stats and /misses."""

    def __init__(self, opener: Callable[[], EventStore] | None = None, name: str = "") -> None:
        """A log that `opener` opens (QuestionLog.open does), or without one a log that is off."""
        self.started_at = datetime.now(UTC)
        self.problem: str | None = "not opened"
        self._opener = opener
        self._name = name
        self._state = _State.OFF
        self._store: EventStore | None = None
        self._worker = Worker("question-log")
        self._opening: asyncio.Task[None] | None = None
        self._attempted = asyncio.Event()
        self._lock = threading.Lock()
        # Ids from _next_id to _last_id are reserved in the file; _first_id is this run's first.
        self._first_id = 1
        self._next_id = 1
        self._last_id = 0
        self._offers: OrderedDict[int, _Offer] = OrderedDict()
        self._batch: list[Write] = []
        self._in_flight = 0
        self._drain_queued = False
        self._dropping = False
        self._write_now = threading.Event()
        # The worker's count of finished calls when a read last gave up: unchanged, it is stuck.
        self._stuck_at: int | None = None
        self._written = 0
        self._failed = 0
        self._dropped = 0
        self._last_error: str | None = None
        self._last_error_at: datetime | None = None

    @classmethod
    async def open(
        cls,
        path: Path,
        *,
        normalise: Callable[[str], str] | None = None,
        max_events: int = MAX_EVENTS,
        max_age_days: int = MAX_AGE_DAYS,
    ) -> QuestionLog:
        """Open or create the log file off the event loop; never raises. A locked file is
        opened again with back-off while records wait; any other failure turns the log off."""

        def opener() -> EventStore:
            return EventStore.open(
                path, normalise=normalise, max_events=max_events, max_age_days=max_age_days
            )

        log = cls(opener, str(path))
        log._state = _State.OPENING
        log._opening = asyncio.get_running_loop().create_task(
            log._keep_opening(), name="celacbot-question-log-open"
        )
        # On a healthy disk the log is open before the bot answers anyone; a hung one does
        # not hold up the start.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(OPEN_WAIT_SECONDS):
                await log._attempted.wait()
        return log

    @property
    def enabled(self) -> bool:
        """True while the file is open and written; the bot answers regardless."""
        return self._state is _State.OPEN

    @property
    def opening(self) -> bool:
        """True while the file waits to be opened (locked at start-up); records wait too."""
        return self._state is _State.OPENING

    @property
    def writes(self) -> Writes:
        """What became of this run's records so far."""
        with self._lock:
            return Writes(
                written=self._written,
                failed=self._failed,
                dropped=self._dropped,
                waiting=len(self._batch) + self._in_flight,
                last_error=self._last_error,
                last_error_at=self._last_error_at,
            )

    def record(
        self,
        answer: Answer,
        *,
        user_id: int | None,
        chat_type: str,
        language: str | None = None,
    ) -> int | None:
        """Queue one decision and return its event id at once (for suggestion callback data);
        None while no id is reserved (the file not open yet): the record still waits."""
        time = datetime.now(UTC)
        with self._lock:
            event_id = self._take_id()
            if event_id is not None and user_id is not None:
                self._remember_offer(event_id, user_id, answer)

        def write(store: EventStore) -> None:
            store.record(
                self._id_for_write() if event_id is None else event_id,
                answer,
                user_id=user_id,
                chat_type=chat_type,
                language=language,
                time=time,
            )

        self._submit_write(write)
        return event_id

    async def accept_pick(self, event_id: int, entry_id: str, user_id: int) -> bool:
        """Queue `user_id`'s pick of `entry_id` among the suggestions of event `event_id`, if
        that event offered it to that user; whether it did (else nothing is recorded)."""
        if not await self._offered(event_id, user_id, entry_id):
            return False
        self._submit_write(lambda store: store.set_outcome(event_id, entry_id))
        return True

    async def accept_none(self, event_id: int, user_id: int) -> bool:
        """Queue `user_id`'s "none of these" to the suggestions of event `event_id`, if they
        were offered to that user; whether they were (else nothing is recorded)."""
        if not await self._offered(event_id, user_id, None):
            return False
        self._submit_write(lambda store: store.set_outcome(event_id, None))
        return True

    async def stats(self, since: datetime | None = None, top: int = 5) -> Stats:
        """Counts since `since` (None: all time); empty when the log is off. LogBusyError
        when the disk does not answer within READ_TIMEOUT_SECONDS."""
        # Every event of an earlier run happened before this run started, yet its stored
        # time can tie with started_at (times are kept to the millisecond) or follow it (a
        # clock set back since): from the start on, this run's event ids tell them apart.
        first_id = self._first_id if since is not None and since >= self.started_at else 1

        def checked_stats(store: EventStore) -> Stats:
            # An admin asking is when a file damaged under the bot must come to light.
            store.check()
            return store.stats(since, top, first_id=first_id)

        return await self._read(checked_stats, Stats(since=since))

    async def latest_misses(self, n: int = 10) -> list[Miss]:
        """The newest `n` suggested or declined questions, newest first (LogBusyError as for
        stats)."""
        return await self._read(lambda store: store.misses(limit=n), [])

    async def flush(self) -> None:
        """Wait until every record queued so far has been attempted (without bound)."""
        self._write_now.set()
        await asyncio.wrap_future(self._worker.submit(lambda: None))

    async def close(self) -> None:
        """Write what waits (waiting at most CLOSE_TIMEOUT_SECONDS for the disk), close the
        file and log what was not written; later records are ignored."""
        if self._opening is not None:
            self._opening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._opening
        with self._lock:
            state, self._state = self._state, _State.CLOSED
        timed_out = False
        if state is _State.OPEN:
            self._write_now.set()
            closed = self._worker.submit(self._close_store)
            try:
                async with asyncio.timeout(CLOSE_TIMEOUT_SECONDS):
                    await asyncio.wrap_future(closed)
            except TimeoutError:
                timed_out = True
        self._worker.stop()
        self._log_unwritten(state, timed_out=timed_out)

    # ------------------------------------------------------------------ ids and offers

    def _take_id(self) -> int | None:
        """The next reserved id, None when none is left (hold the lock)."""
        if self._next_id > self._last_id:
            return None
        event_id = self._next_id
        self._next_id += 1
        return event_id

    def _id_for_write(self) -> int:
        """An id for a record queued before the file opened (worker thread)."""
        with self._lock:
            event_id = self._take_id()
        if event_id is None:
            raise _NoIdError("no event id could be reserved")
        return event_id

    def _remember_offer(self, event_id: int, user_id: int, answer: Answer) -> None:
        """Keep what a suggestion offered, and to whom (hold the lock)."""
        if answer.decision is not Decision.SUGGEST:
            return
        entries = tuple(each.id for each in answer.suggestions[:MAX_CANDIDATES])
        self._offers[event_id] = _Offer(user_id, entries)
        if len(self._offers) > MAX_REMEMBERED_OFFERS:
            self._offers.popitem(last=False)

    async def _offered(self, event_id: int, user_id: int, entry_id: str | None) -> bool:
        """Whether event `event_id` offered suggestions to `user_id`, `entry_id` among them."""
        with self._lock:
            offer = self._offers.get(event_id)
        if offer is not None:
            return offer.user_id == user_id and (entry_id is None or entry_id in offer.entries)
        # An older button, perhaps from before a restart: its row says.
        try:
            return await self._read(lambda store: store.offered(event_id, user_id, entry_id), False)
        except LogBusyError:
            return False

    def _reserve_ahead(self, store: EventStore, needed: int) -> None:
        """Reserve the next block of ids once fewer than half a block, or than `needed`, are
        left (worker thread, outside a batch)."""
        with self._lock:
            left = self._last_id - self._next_id + 1
        if left >= max(RESERVED_IDS // 2, needed):
            return
        try:
            ids = store.reserve_ids(RESERVED_IDS + needed)
        except sqlite3.Error as error:
            self._note_error(f"reserving event ids: {error}")
            logger.warning("question log could not reserve event ids: %s", error)
            return
        with self._lock:
            self._next_id = max(self._next_id, ids.start)
            self._last_id = ids.stop - 1

    # ------------------------------------------------------------------ opening

    async def _keep_opening(self) -> None:
        """Open the file, again with back-off while it is locked (a background task)."""
        delay = FIRST_RETRY_SECONDS
        attempt = 1
        while True:
            try:
                await asyncio.wrap_future(self._worker.submit(self._open_store))
            except Exception as error:
                if not _transient(error):
                    self._turn_off(f"cannot open {self._name}: {error}")
                    return
                self.problem = f"{self._name} is locked ({error}); trying again"
                # One warning; the attempts after it are only worth a debug line.
                log = logger.warning if attempt == 1 else logger.debug
                log("question log: %s in %.0f s (records wait meanwhile)", self.problem, delay)
            else:
                if attempt > 1:
                    logger.info("question log opened on attempt %d", attempt)
                return
            finally:
                self._attempted.set()
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_SECONDS)
            attempt += 1

    def _open_store(self) -> None:
        """Open the file and reserve the first ids, then take the records waiting (worker
        thread). Raises what opening raised."""
        if self._opener is None:
            raise RuntimeError("no file to open")
        store = self._opener()
        try:
            ids = store.reserve_ids(RESERVED_IDS)
        except BaseException:
            store.close()
            raise
        with self._lock:
            opened = self._state is _State.OPENING
            if opened:
                self._store = store
                self._state = _State.OPEN
                self.problem = None
                self._first_id = self._next_id = ids.start
                self._last_id = ids.stop - 1
                self._drain_queued = bool(self._batch)
        if not opened:  # closed while it opened
            store.close()
        elif self._drain_queued:
            self._submit_drain()

    def _turn_off(self, problem: str) -> None:
        """Stop recording for the rest of the run; what waits is dropped."""
        with self._lock:
            if self._state is _State.CLOSED:
                return
            self._state = _State.OFF
            self._dropped += len(self._batch)
            self._batch.clear()
            store, self._store = self._store, None
            self.problem = problem
        logger.error("question log disabled: %s", problem)
        if store is not None:
            store.close()

    # ------------------------------------------------------------------ writing

    def _submit_write(self, write: Write) -> None:
        with self._lock:
            if self._state is _State.CLOSED:
                return
            if self._state is _State.OFF:
                self._dropped += 1
                return
            waiting = len(self._batch) + self._in_flight
            submit = first_drop = False
            if waiting >= MAX_PENDING_WRITES:
                self._dropped += 1
                first_drop, self._dropping = not self._dropping, True
            else:
                self._dropping = False
                self._batch.append(write)
                submit = self._state is _State.OPEN and not self._drain_queued
                self._drain_queued = self._drain_queued or submit
        if first_drop:
            logger.warning("question log is %d records behind; dropping new ones", waiting)
        if submit:
            self._submit_drain()

    def _submit_drain(self) -> None:
        with contextlib.suppress(RuntimeError):  # closed while the bot was still answering
            self._worker.submit(self._drain)

    def _drain(self) -> None:
        """Run on the worker thread: after a short wait, attempt every record queued so far."""
        self._write_now.wait(BATCH_SECONDS)
        self._write_now.clear()
        with self._lock:
            batch, self._batch = self._batch, []
            self._drain_queued = False
            self._in_flight = len(batch)
            store = self._store
        try:
            if store is None:
                with self._lock:
                    self._dropped += len(batch)
            elif batch:
                self._reserve_ahead(store, len(batch))
                self._write_batch(store, batch)
        finally:
            with self._lock:
                self._in_flight = 0

    def _write_batch(self, store: EventStore, batch: list[Write]) -> None:
        """Attempt the writes in one transaction (worker thread); count and log failures."""
        failed = 0
        try:
            with store.batch():
                for write in batch:
                    try:
                        write(store)
                    except sqlite3.OperationalError:
                        # Locked, full or failing disk: the rest would fail alike, each after
                        # the busy time-out. The whole batch is rolled back.
                        raise
                    except (sqlite3.IntegrityError, _NoIdError) as error:
                        failed += 1
                        self._note_error(str(error))
                        logger.warning("question log write failed: %s", error)
                    except sqlite3.DatabaseError:
                        raise
                    except Exception as error:
                        failed += 1
                        self._note_error(f"{type(error).__name__}: {error}")
                        logger.exception("question log write failed")
        except sqlite3.OperationalError as error:
            self._note_error(str(error), failed=len(batch))
            logger.warning("question log write failed: %s; %d records lost", error, len(batch))
            return
        except sqlite3.DatabaseError as error:
            # Damaged under us: stop writing; the next start moves the file aside.
            self._note_error(str(error), failed=len(batch))
            self._turn_off(_damaged(error))
            return
        with self._lock:
            self._written += len(batch) - failed
            self._failed += failed

    def _note_error(self, error: str, *, failed: int = 0) -> None:
        """Remember the latest write error, and count `failed` more records lost to it."""
        with self._lock:
            self._failed += failed
            self._last_error = error
            self._last_error_at = datetime.now(UTC)

    # ------------------------------------------------------------------ reading and closing

    async def _read(self, read: Callable[[EventStore], R], fallback: R) -> R:
        with self._lock:
            if self._state is not _State.OPEN:
                return fallback
            stuck = self._stuck_at is not None and self._stuck_at == self._worker.finished
            waiting = len(self._batch) + self._in_flight
        if stuck:  # no call finished since a read gave up: no use queueing another
            raise LogBusyError(waiting)

        def run() -> R:
            store = self._store
            if store is None:
                return fallback
            try:
                return read(store)
            except sqlite3.OperationalError:
                raise
            except sqlite3.DatabaseError as error:
                # Damaged under us: stop writing; the next start moves the file aside.
                self._turn_off(_damaged(error))
                return fallback

        # The reader sees every question asked before it.
        self._write_now.set()
        try:
            async with asyncio.timeout(READ_TIMEOUT_SECONDS):
                return await asyncio.wrap_future(self._worker.submit(run))
        except TimeoutError:
            with self._lock:
                self._stuck_at = self._worker.finished
                waiting = len(self._batch) + self._in_flight
            raise LogBusyError(waiting) from None
        except sqlite3.Error as error:
            logger.warning("question log read failed: %s", error)
            return fallback

    def _close_store(self) -> None:
        """Run on the worker thread after every write queued before it."""
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()

    def _log_unwritten(self, state: _State, *, timed_out: bool) -> None:
        """One line on what became of this run's records."""
        writes = self.writes
        parts = []
        if writes.waiting:
            why = (
                f"the disk had not answered for {CLOSE_TIMEOUT_SECONDS:g} s"
                if timed_out
                else "the file never opened"
                if state is _State.OPENING
                else "closed before they were written"
            )
            parts.append(f"{writes.waiting} still waiting ({why})")
        if writes.failed:
            parts.append(f"{writes.failed} failed (last error: {writes.last_error})")
        if writes.dropped:
            why = "the log was off" if state is _State.OFF else "too many waiting"
            parts.append(f"{writes.dropped} dropped ({why})")
        if parts:
            logger.warning(
                "question log closed; %d records of this run were not written: %s",
                writes.lost + writes.waiting,
                "; ".join(parts),
            )
        elif state is not _State.OFF:
            logger.info("question log closed: %d records written this run", writes.written)


__all__ = ["LogBusyError", "QuestionLog", "Writes"]
