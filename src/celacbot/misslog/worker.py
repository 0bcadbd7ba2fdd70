"""One thread that runs the question log's database calls in the order they were submitted.

Not a ThreadPoolExecutor: the interpreter joins those threads when it exits, so a call stuck
on a hung disk would keep a stopped bot from ever exiting. This thread is a daemon: a stop
waits for it only as long as the log's own bounds allow, then leaves it behind.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

R = TypeVar("R")

_Job = tuple[Future[Any], Callable[[], Any]]


class Worker:
    """A daemon thread running submitted calls one at a time, in order."""

    def __init__(self, name: str) -> None:
        """Start the thread, named `name` (in thread dumps and logs)."""
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._stopped = False
        # Calls finished so far: unchanged between two looks means the thread is stuck.
        self.finished = 0
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, call: Callable[[], R]) -> Future[R]:
        """Queue `call`; its future. Cancelling the future before the call starts skips it.
        Raises RuntimeError once stopped."""
        future: Future[R] = Future()
        with self._lock:
            if self._stopped:
                raise RuntimeError("the question log's worker has stopped")
            self._jobs.put((future, call))
        return future

    def stop(self) -> None:
        """Take no more calls; the thread ends after those queued (or never, if one hangs)."""
        with self._lock:
            if not self._stopped:
                self._stopped = True
                self._jobs.put(None)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, call = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = call()
            except BaseException as error:  # the caller decides; the thread goes on
                future.set_exception(error)
            else:
                future.set_result(result)
            self.finished += 1


__all__ = ["Worker"]
