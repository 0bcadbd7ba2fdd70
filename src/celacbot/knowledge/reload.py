"""Hot reload of the knowledge file: a poller that swaps in each valid new version.

Polling os.stat is portable and needs no dependency; editors either replace the
file (new inode) or truncate and rewrite it, and both change the signature
(inode, size, mtime). A change is loaded only once the file has stayed the same
for `settle` seconds, so a half-written file is never read.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Generic, TypeVar

from celacbot.knowledge.loader import KnowledgeError, load_knowledge_base
from celacbot.knowledge.models import KnowledgeBase

logger = logging.getLogger(__name__)

T = TypeVar("T")

# (inode, size, mtime_ns) of the file, or None while it is missing (mid-rename).
FileSignature = tuple[int, int, int] | None


@dataclass(frozen=True, slots=True)
class Snapshot(Generic[T]):
    """One loaded version of the knowledge base and what was built from it (the retriever)."""

    kb: KnowledgeBase
    engine: T
    version: int
    loaded_at: datetime


class LiveKnowledge(Generic[T]):
    """The version questions are answered from; a reload replaces it in one assignment.

    Read `live.current` once per question and use only that snapshot, so each
    question is answered wholly by the old or wholly by the new version.
    """

    def __init__(
        self, path: Path, build: Callable[[KnowledgeBase], T], kb: KnowledgeBase | None = None
    ) -> None:
        """Build version 1 from `kb`, or load `path` now (raising KnowledgeError) if kb is None."""
        self.path = path
        self._build = build
        self._version_lock = threading.Lock()
        self._last_version = 0
        # Taken before reading, so an edit saved during start-up is still seen as a change.
        self.signature = file_signature(path)
        self.current: Snapshot[T] = self.prepare(
            kb if kb is not None else load_knowledge_base(path)
        )

    def prepare(self, kb: KnowledgeBase) -> Snapshot[T]:
        """Build a snapshot of `kb` with the next version number (blocking; run it off the loop)."""
        engine = self._build(kb)
        with self._version_lock:
            self._last_version += 1
            version = self._last_version
        return Snapshot(kb=kb, engine=engine, version=version, loaded_at=datetime.now(UTC))

    def load(self) -> Snapshot[T]:
        """Load and build the file's current content without installing it (blocking)."""
        return self.prepare(load_knowledge_base(self.path))


def file_signature(path: Path) -> FileSignature:
    """What changes when an editor saves the file, or None if it does not exist."""
    try:
        status = path.stat()
    except OSError:
        return None  # missing mid-rename, or unreadable: the load reports why
    return (status.st_ino, status.st_size, status.st_mtime_ns)


# How long stop() waits for the polling task to acknowledge its cancellation.
STOP_TIMEOUT = 5.0

Callback = Callable[[T], Awaitable[None] | None]


class KnowledgeWatcher(Generic[T]):
    """Reloads a LiveKnowledge when its file changes and reports each outcome once."""

    def __init__(
        self,
        live: LiveKnowledge[T],
        *,
        on_loaded: Callback[Snapshot[T]] | None = None,
        on_error: Callback[list[str]] | None = None,
        poll_interval: float = 0.25,
        settle: float = 0.5,
    ) -> None:
        """Watch live.path: on_loaded(snapshot) after a swap, on_error(problems) per bad version."""
        self.live = live
        self._on_loaded = on_loaded
        self._on_error = on_error
        self.poll_interval = poll_interval
        self.settle = settle
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        # The signature of the version last loaded or rejected: reported once, not per poll.
        self._handled: FileSignature = live.signature

    @property
    def running(self) -> bool:
        """True while the polling task is alive."""
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Start polling in a background task of the running loop."""
        if self.running:
            return
        self._task = asyncio.get_running_loop().create_task(
            self._poll(), name="celacbot-knowledge-watcher"
        )

    async def stop(self) -> None:
        """Cancel the polling task and wait (bounded) for it to end."""
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        # A reload in progress finishes in its worker thread; we only stop waiting for it.
        await asyncio.wait({task}, timeout=STOP_TIMEOUT)

    async def __aenter__(self) -> KnowledgeWatcher[T]:
        self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def reload_now(self) -> Snapshot[T] | list[str]:
        """Load the file now (for /reload): the installed snapshot, or the problems found."""
        async with self._lock:
            signature = file_signature(self.live.path)
            result = await self._load()
            self._handled = signature
        if isinstance(result, Snapshot):
            await _call(self._on_loaded, result)
        return result

    async def _poll(self) -> None:
        loop = asyncio.get_running_loop()
        seen = self._handled
        changed_at = loop.time()
        while True:
            await asyncio.sleep(self.poll_interval)
            signature = file_signature(self.live.path)
            if signature != seen:
                seen, changed_at = signature, loop.time()
                continue
            if signature == self._handled or loop.time() - changed_at < self.settle:
                continue
            await self._reload_settled(signature)

    async def _reload_settled(self, signature: FileSignature) -> None:
        """Load the file that settled at `signature`, unless it changed again meanwhile.

        A method of its own so that the snapshot is not left in a variable of the polling
        loop, keeping that version alive after /reload replaced it.
        """
        async with self._lock:
            if file_signature(self.live.path) != signature:
                return  # changed again while we waited for /reload: the loop settles anew
            result = await self._load()
            self._handled = signature
        if isinstance(result, Snapshot):
            await _call(self._on_loaded, result)
        else:
            await _call(self._on_error, result)

    async def _load(self) -> Snapshot[T] | list[str]:
        """Load and build off the event loop; install the snapshot only if it is valid."""
        try:
            snapshot = await asyncio.to_thread(self.live.load)
        except KnowledgeError as exc:
            logger.warning(
                "knowledge file %s rejected, keeping version %d: %s",
                self.live.path,
                self.live.current.version,
                "; ".join(exc.problems),
            )
            return exc.problems
        except Exception as exc:
            # A bug in building the engine must not end the watcher or the live version.
            logger.exception("building the knowledge base from %s failed", self.live.path)
            return [f"{self.live.path}: {type(exc).__name__}: {exc}"]
        self.live.current = snapshot
        logger.info(
            "knowledge version %d loaded from %s: %d entries, %d facts",
            snapshot.version,
            self.live.path,
            len(snapshot.kb.entries),
            len(snapshot.kb.facts),
        )
        return snapshot


async def _call(callback: Callback[T] | None, value: T) -> None:
    """Run a sync or async callback; its failure is logged, never ends the watcher."""
    if callback is None:
        return
    try:
        result = callback(value)
        if inspect.isawaitable(result):
            await result
    except Exception:
        logger.exception("knowledge reload callback failed")


__all__ = [
    "FileSignature",
    "KnowledgeWatcher",
    "LiveKnowledge",
    "Snapshot",
    "file_signature",
]
