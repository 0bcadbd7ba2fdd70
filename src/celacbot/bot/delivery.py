"""At-least-once delivery: updates go from Telegram through the journal to the handlers.

The guarantee (README, docs/maintaining.md): Telegram is told an update was delivered (the
next getUpdates' offset, or the webhook's 200) only once the update is in the journal
(bot/journal.py), and it leaves the journal only once its handlers have finished. So after
kill -9 at any moment nothing is lost: the next start answers what the journal holds, before
anything new. An update is answered twice only when the bot dies between answering it and
marking it answered, so at most the updates being handled at that moment
(CELACBOT_CONCURRENT_UPDATES) are answered twice per kill; re-deliveries by Telegram of an
update journaled or answered already are recognised by update_id and dropped.

The flow: a source (bot/polling.py, bot/webhook.py) reserves `room()`, takes that many updates
from Telegram and gives them to `deliver()`, which journals them and queues the ones neither
answered nor held already. An update newer than any the journal ever held cannot have been
answered: it is queued at once, its handlers start, and the journal writes it while they wait
on Telegram, so that users wait neither for the disk nor for the journal's thread; deliver()
still returns, and Telegram is told, only once it is written.
`concurrency` workers take the queued updates from the application's update_queue (this
replaces PTB's update fetcher: Application.start() is never called), run
Application.process_update and mark each one answered. At most `limit` updates are
held (queued or being handled); the rest wait at Telegram, so memory stays flat in a flood.

At a stop, `stop_taking()` refuses room to the sources, and `drain(seconds)` answers what is
held for at most `seconds`, then interrupts the rest: the journal keeps them for the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.ext import Application

from celacbot.bot.journal import JournalError, State, UpdateJournal

_LOGGER = logging.getLogger(__name__)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


class Stopping(Exception):
    """The bot is stopping and takes no more updates: they stay with Telegram."""


class Delivery:
    """Journals updates, feeds them to the handlers and marks them answered."""

    def __init__(
        self, application: AnyApplication, journal: UpdateJournal, *, limit: int, concurrency: int
    ) -> None:
        """Nothing runs until start()."""
        self._application = application
        self._journal = journal
        self._limit = limit
        self._concurrency = concurrency
        self._held: set[int] = set()  # update ids queued or being handled
        # The highest update id ever given to the journal, None before the first: anything
        # newer cannot have been answered.
        self._newest: int | None = None
        self._reserved = 0
        self._room = asyncio.Event()
        self._stopping = False
        self._workers: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        """Start the workers, first on what an earlier run took and did not answer."""
        bot = self._application.bot
        self._newest = await self._journal.newest()
        earlier = await self._journal.unanswered()
        if earlier:
            _LOGGER.warning("Answering %d updates an earlier run took and did not", len(earlier))
        for update_id, body in earlier:
            try:
                self._queue(Update.de_json(json.loads(body), bot))
            except Exception as error:  # PTB's parsers raise assorted errors on odd objects
                # Kept, it would fail again at every start.
                _LOGGER.error(
                    "Dropped journaled update %d, which does not parse: %r", update_id, error
                )
                with contextlib.suppress(JournalError):
                    await self._journal.answered(update_id)
        self._workers = [
            asyncio.create_task(self._work(), name=f"delivery-worker-{number}")
            for number in range(self._concurrency)
        ]

    @property
    def held(self) -> int:
        """Updates taken and not yet answered (queued or being handled)."""
        return len(self._held)

    @asynccontextmanager
    async def room(self, wanted: int) -> AsyncIterator[int]:
        """Wait until the bot can hold more updates and reserve up to `wanted` places for the
        block; yields how many (at least 1). Stopping once the bot stops.

        Wanting many, it waits for half the limit to be free: a batch at a time, not a
        getUpdates for every update answered.
        """
        enough = max(1, min(wanted, self._limit // 2))
        while True:
            if self._stopping:
                raise Stopping
            free = self._limit - len(self._held) - self._reserved
            if free >= enough:
                break
            self._room.clear()
            await self._room.wait()
        places = min(wanted, free)
        self._reserved += places
        try:
            yield places
        finally:
            self._reserved -= places
            self._room.set()

    async def deliver(self, updates: Sequence[Update]) -> None:
        """Journal `updates` durably and queue those neither answered nor held already;
        returns once they are written.

        JournalError: Telegram must be left to keep them. Those newer than any journaled before
        were queued already: they are answered, and again when Telegram sends them again unless
        their answered mark was written.
        """
        newest = self._newest
        fresh = {
            update.update_id for update in updates if newest is None or update.update_id > newest
        }
        queued = False
        for update in updates:
            if update.update_id in fresh and update.update_id not in self._held:
                self._queue(update)
                queued = True
        self._newest = max(update.update_id for update in updates) if fresh else newest
        if queued:
            # Their handlers start first, up to their first wait (sending the reply), so that
            # the answer does not wait for the journal's thread to take the interpreter. One
            # that finishes before the write marks its update answered first: the journal
            # takes the marks in any order.
            await asyncio.sleep(0)
        states = await self._journal.add(
            [(update.update_id, update.to_json()) for update in updates]
        )
        for update, state in zip(updates, states, strict=True):
            if update.update_id in fresh:
                continue
            if state is State.ANSWERED or update.update_id in self._held:
                _LOGGER.debug("Update %d came again; it is %s", update.update_id, state.value)
                continue
            self._queue(update)

    def stop_taking(self) -> None:
        """Take no more updates: room() raises Stopping from now on (deliver() still journals)."""
        self._stopping = True
        self._room.set()

    async def drain(self, seconds: float) -> int:
        """Answer the held updates for at most `seconds`, then interrupt the rest and stop the
        workers; how many were left unanswered (the journal keeps them)."""
        self.stop_taking()
        try:
            async with asyncio.timeout(max(seconds, 0.0)):
                await self._application.update_queue.join()
        except TimeoutError:
            pass
        left = len(self._held)
        for worker in self._workers:
            worker.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        return left

    def _queue(self, update: Update) -> None:
        self._held.add(update.update_id)
        self._application.update_queue.put_nowait(update)

    async def _work(self) -> None:
        queue = self._application.update_queue
        while True:
            update = await queue.get()
            try:
                if isinstance(update, Update):
                    await self._handle(update)
            finally:
                queue.task_done()

    async def _handle(self, update: Update) -> None:
        try:
            try:
                await self._application.process_update(update)
            except Exception:
                # PTB gives handlers' errors to the error handler; this is a failure of its
                # own. Marked answered all the same, or every start would fail on it again.
                _LOGGER.exception("Processing update %d failed", update.update_id)
            try:
                await self._journal.answered(update.update_id)
            except JournalError as error:
                _LOGGER.warning(
                    "Could not mark update %d answered (%s); a restart answers it again",
                    update.update_id,
                    error,
                )
        finally:
            self._held.discard(update.update_id)
            self._room.set()


__all__ = ["Delivery", "Stopping"]
