"""Each chat's conversation subject on disk: PTB's persistence for chat_data, in SQLite.

Contract (what bot/application.py hands PTB as its persistence):

- Only chat_data is kept: each chat's `ChatMemory`, as ids and times. Bot data, user data,
  callback data and conversation states are not persisted.
- Every UPDATE_SECONDS PTB hands over a copy of each chat that changed. Each is encoded at once
  into a row (the store keeps no copy of its own), and one worker thread writes the batch in
  one transaction; PTB's `update_persistence()` returns once it is written. The event loop never
  waits on the disk, and a crash loses at most the last UPDATE_SECONDS of subjects. A chat
  without a subject, or one PTB drops, loses its row.
- At start, only subjects that have not expired are read back; expired rows are deleted.
- A file that is not a readable database is set aside and a new one started; a row that cannot
  be decoded is skipped. A file that cannot be opened at all (locked, unwritable) is one
  warning line, and nothing is saved that run; a failed write is one warning line. Either way
  the bot goes on answering (subjects expire within minutes anyway).
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Final

from telegram.ext import BasePersistence, PersistenceInput

from celacbot.bot.conversation import ChatMemory, Conversations
from celacbot.bot.sqlite_file import open_or_replace

_LOGGER = logging.getLogger(__name__)

CONVERSATIONS_FILENAME: Final = "conversations.sqlite3"
# How often PTB hands over the chats that changed. PTB copies all of them at once, so a short
# interval also keeps that copy small when many chats write.
UPDATE_SECONDS: Final = 2.0
# The longest the start waits to read the subjects back, and a stop for the last writes.
TIMEOUT_SECONDS: Final = 10.0

# With WAL, NORMAL loses no committed transaction when the process dies. The page cache is
# small: rows are read once at start and written in batches, so SQLite's default cache would be
# memory the bot holds for nothing once many chats are saved.
_SCHEMA: Final = """
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -256;
CREATE TABLE IF NOT EXISTS subjects (
    chat_id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    subject_at REAL NOT NULL,
    answers TEXT NOT NULL
);
"""

# PTB's types for the data this store does not keep (PTB's own aliases are private names).
_CallbackData = tuple[list[tuple[str, float, dict[str, Any]]], dict[str, str]]
_ConversationKey = tuple[int | str, ...]

# A chat's row (subject, subject_at, answers as JSON), or None: delete the chat's row.
_Row = tuple[str, float, str] | None


def _row(memory: ChatMemory) -> _Row:
    if memory.subject is None:
        return None
    return memory.subject, memory.subject_at, json.dumps(memory.answers, separators=(",", ":"))


def _memory(subject: str, subject_at: float, answers: str) -> ChatMemory:
    # Interned: the chats that talk about one entry share its id, as they do while running.
    return ChatMemory.restored(
        sys.intern(subject), subject_at, [_interned(item) for item in json.loads(answers)]
    )


def _interned(item: int | str) -> int | str:
    return sys.intern(item) if isinstance(item, str) else item


class ConversationStore(BasePersistence[dict[Any, Any], ChatMemory, Any]):
    """PTB's persistence for the chats' conversation subjects; see the module docstring."""

    def __init__(self, path: Path, conversations: Conversations) -> None:
        """Keep the subjects in the SQLite file `path`; read back those `conversations` has
        not let expire."""
        super().__init__(
            store_data=PersistenceInput(bot_data=False, user_data=False, callback_data=False),
            update_interval=UPDATE_SECONDS,
        )
        self._path = path
        self._conversations = conversations
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="conversations")
        self._connection: sqlite3.Connection | None = None
        self._pending: dict[int, _Row] = {}
        self._batch: asyncio.Task[None] | None = None

    async def get_chat_data(self) -> dict[int, ChatMemory]:
        """The chats whose subject has not expired (a file that cannot be read: none)."""
        fresh_since = self._conversations.clock() - self._conversations.expiry
        try:
            async with asyncio.timeout(TIMEOUT_SECONDS):
                return await asyncio.wrap_future(self._executor.submit(self._open, fresh_since))
        except (sqlite3.Error, OSError, TimeoutError) as error:
            _LOGGER.warning(
                "Conversation subjects not read from %s (%s); none are saved until a restart",
                self._path,
                str(error) or "timed out",
            )
            return {}

    async def update_chat_data(self, chat_id: int, data: ChatMemory) -> None:
        """Write the chat's subject (with the other chats that changed)."""
        await self._written(chat_id, _row(data))

    async def drop_chat_data(self, chat_id: int) -> None:
        """Delete the chat's row (with the other chats that changed)."""
        await self._written(chat_id, None)

    async def refresh_chat_data(self, chat_id: int, chat_data: ChatMemory) -> None:
        """Nothing: this process is the only writer."""

    async def flush(self) -> None:
        """Wait for the last writes (bounded) and close the file."""
        if self._batch is not None:
            await asyncio.shield(self._batch)
        if self._pending:
            await self._write_batch()
        closing = self._executor.submit(self._close)
        try:
            async with asyncio.timeout(TIMEOUT_SECONDS):
                await asyncio.wrap_future(closing)
        except TimeoutError:
            _LOGGER.warning("Conversation store %s not closed in time", self._path)
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def _written(self, chat_id: int, row: _Row) -> None:
        """Queue the row; return once the batch holding it is written."""
        self._pending[chat_id] = row
        if self._batch is None:
            # PTB starts one coroutine per changed chat, all at once: this task's first step
            # comes after theirs, so the batch holds every row, one transaction for all.
            self._batch = asyncio.get_running_loop().create_task(self._write_batch())
        await asyncio.shield(self._batch)

    async def _write_batch(self) -> None:
        batch, self._pending, self._batch = self._pending, {}, None
        try:
            async with asyncio.timeout(TIMEOUT_SECONDS):
                written = await asyncio.wrap_future(self._executor.submit(self._write, batch))
            if written:
                _LOGGER.debug("Saved the subjects of %d chats to %s", len(batch), self._path)
        except (TimeoutError, RuntimeError) as error:  # RuntimeError: closed, the bot stops
            reason = str(error) or "timed out"
            _LOGGER.warning("Conversation subjects not written to %s: %s", self._path, reason)

    # The rest runs on the worker thread.

    def _open(self, fresh_since: float) -> dict[int, ChatMemory]:
        connection = open_or_replace(
            self._path, _SCHEMA, "Conversation store", check_same_thread=False
        )
        self._connection = connection
        connection.execute("DELETE FROM subjects WHERE subject_at < ?", (fresh_since,))
        rows = connection.execute("SELECT chat_id, subject, subject_at, answers FROM subjects")
        memories = {}
        for chat_id, subject, subject_at, answers in rows:
            try:
                memories[chat_id] = _memory(subject, subject_at, answers)
            except (ValueError, TypeError):  # written by hand or by a future version
                _LOGGER.warning("Conversation subject of chat %d skipped: unreadable", chat_id)
        return memories

    def _write(self, batch: dict[int, _Row]) -> bool:
        if self._connection is None:
            return False
        try:
            with self._connection:
                self._connection.execute("BEGIN")
                self._connection.executemany(
                    "INSERT OR REPLACE INTO subjects VALUES (?, ?, ?, ?)",
                    ((chat_id, *row) for chat_id, row in batch.items() if row is not None),
                )
                self._connection.executemany(
                    "DELETE FROM subjects WHERE chat_id = ?",
                    ((chat_id,) for chat_id, row in batch.items() if row is None),
                )
        except sqlite3.Error as error:
            _LOGGER.warning("Conversation subjects not written to %s: %s", self._path, error)
            return False
        return True

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # PTB's other kinds of data are not kept (store_data says so); PTB still requires these.

    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        """No user data is kept."""
        return {}

    async def get_bot_data(self) -> Any:
        """No bot data is kept."""
        return None

    async def get_callback_data(self) -> _CallbackData | None:
        """No callback data is kept."""
        return None

    async def get_conversations(self, name: str) -> dict[_ConversationKey, object]:
        """No conversation handler states are kept."""
        return {}

    async def update_conversation(
        self, name: str, key: _ConversationKey, new_state: object | None
    ) -> None:
        """No conversation handler states are kept."""

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        """No user data is kept."""

    async def update_bot_data(self, data: Any) -> None:
        """No bot data is kept."""

    async def update_callback_data(self, data: _CallbackData) -> None:
        """No callback data is kept."""

    async def drop_user_data(self, user_id: int) -> None:
        """No user data is kept."""

    async def refresh_user_data(self, user_id: int, user_data: dict[Any, Any]) -> None:
        """No user data is kept."""

    async def refresh_bot_data(self, bot_data: Any) -> None:
        """No bot data is kept."""
