"""Back-pressure for long polling: fetch more updates only when the bot has room for them.

PTB's updater asks for updates as fast as the Bot API hands them out (up to 100 a call) and
keeps every one, parsed, until it is answered. After downtime or during a flood that is the
whole backlog in memory (about 5 KB an update; 2,000 queued questions took 11 MB, see
benchmarks/telegram.py). Here getUpdates waits while `limit` updates are fetched and not yet
answered, so memory stays flat and the rest wait at Telegram, where they are safe.

The queue stays unbounded: PTB confirms a fetched batch only once all of it is queued, so a
batch must never wait halfway in (a stop then would fetch, and answer, part of it twice).
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.request import HTTPXRequest, RequestData


class UpdateQueue(asyncio.Queue[object]):
    """PTB's update queue, counting the updates fetched and not yet answered.

    PTB calls task_done() once an update's handlers have finished, whether it waited in this
    queue (one update at a time) or in a task of its own (concurrent updates).
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.unanswered = 0
        self._room = asyncio.Event()
        self._room.set()

    def put_nowait(self, item: object) -> None:
        """Queue an update (asyncio.Queue.put ends here too)."""
        super().put_nowait(item)
        self.unanswered += 1
        if self.unanswered >= self.limit:
            self._room.clear()

    def task_done(self) -> None:
        """Count one queued update as answered."""
        super().task_done()
        self.unanswered -= 1
        if self.unanswered < self.limit:
            self._room.set()

    async def wait_for_room(self) -> None:
        """Return once fewer than `limit` updates are waiting for an answer."""
        await self._room.wait()


class PollingRequest(HTTPXRequest):
    """The HTTP client of getUpdates, which asks for more only when the queue has room."""

    def __init__(self, queue: UpdateQueue, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._queue = queue

    async def do_request(  # noqa: PLR0917 - BaseRequest.do_request's own signature
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        write_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        connect_timeout: Any = HTTPXRequest.DEFAULT_NONE,
        pool_timeout: Any = HTTPXRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Wait for room in the queue, then make the request (PTB uses this for getUpdates)."""
        await self._queue.wait_for_room()
        return await super().do_request(
            url,
            method,
            request_data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
