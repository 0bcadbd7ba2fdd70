"""Disks that misbehave under the question log, for tests to put it through.

A frozen file system (fsfreeze) needs root. What the log sees of one can be made without:
another connection holds the file's write lock, and the log's own connection waits for it
for as long as its busy time-out allows, inside SQLite, like a write to a frozen disk.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType

import pytest

# Long enough that the log's thread waits on the lock for the whole test: a hung disk.
HUNG_SECONDS = 3600.0


def hang_writes(monkeypatch: pytest.MonkeyPatch, seconds: float = HUNG_SECONDS) -> None:
    """Make the log's connections, opened from now on, wait `seconds` for a locked file."""
    monkeypatch.setattr("celacbot.misslog.store.BUSY_TIMEOUT_SECONDS", seconds)


class WriteLock:
    """Another process's write transaction on the log file, until released."""

    def __init__(self, db: Path) -> None:
        """Take the write lock of `db` (which must exist) now."""
        self._connection: sqlite3.Connection | None = sqlite3.connect(db, isolation_level=None)
        self._connection.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        """Let the log write again (once; later calls do nothing)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.execute("ROLLBACK")
            connection.close()

    def __enter__(self) -> WriteLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
