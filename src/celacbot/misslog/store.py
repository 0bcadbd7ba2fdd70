"""The question log's SQLite file: what the bot decided, and the questions it could not answer.

Blocking; QuestionLog runs it on its own thread. One row per answered, suggested or declined
question. Only misses (suggested or declined) keep the question's text, truncated, and a
salted hash of the user id; answered rows keep the entry id alone. A suggestion's row keeps
what it offered and to whom, so that only that user's pick of an offered entry counts.

Event ids go into buttons before their rows are written, so they are reserved in the file
first (meta "reserved_event_id", schema 2): an id shown before a crash is never given to
another question after it, even if its row was never written.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from celacbot.retrieval.answer import Answer, Decision
from celacbot.retrieval.policy import MAX_SUGGESTIONS

logger = logging.getLogger(__name__)

DB_FILENAME = "celacbot.sqlite3"
SCHEMA_VERSION = 2
MAX_QUESTION_CHARS = 1000
# Every suggestion offered is kept: a pick is accepted only for one of them.
MAX_CANDIDATES = MAX_SUGGESTIONS
# A schema 1 bot handed out ids in memory from the file's largest one and could die with
# thousands of them shown in buttons and not written; a migrated file's ids continue this far
# past its largest id, beyond what such a bot wrote in its last seconds.
V1_ID_GAP = 10_000
RESERVED_KEY = "reserved_event_id"
SQLITE_HEADER = b"SQLite format 3\x00"
MAX_EVENTS = 100_000
MAX_AGE_DAYS = 365
# Pruning deletes through an index, so doing it every few hundred rows keeps it cheap.
PRUNE_EVERY = 500
BUSY_TIMEOUT_SECONDS = 5.0

_WORD = re.compile(r"[^\W_]+")

MISS_DECISIONS = (Decision.SUGGEST.value, Decision.DECLINE.value)

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    chat_type TEXT NOT NULL,
    language TEXT,
    decision TEXT NOT NULL,
    entry_id TEXT,
    question TEXT,
    normalised TEXT,
    candidates TEXT,
    outcome TEXT,
    picked_id TEXT,
    user_hash TEXT
);
CREATE INDEX events_time ON events (time);
CREATE INDEX events_decision_time ON events (decision, time);
"""


class Outcome(StrEnum):
    """What a user did with a "did you mean" keyboard."""

    PICKED = "picked"
    NONE = "none"


class SchemaTooNewError(Exception):
    """The file was written by a newer celacbot; it is left untouched."""


@dataclass(frozen=True, slots=True)
class ScoredEntry:
    """An entry the retriever considered for a missed question."""

    id: str
    score: float


@dataclass(frozen=True, slots=True)
class Miss:
    """A question the bot did not answer outright: declined, or answered by suggestions."""

    id: int
    time: datetime
    chat_type: str
    language: str | None
    decision: Decision
    question: str
    normalised: str
    candidates: tuple[ScoredEntry, ...]
    outcome: Outcome | None
    picked_id: str | None
    user_hash: str | None


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts of decisions since a moment (None: all time), with the most frequent ones."""

    since: datetime | None
    answered: int = 0
    smalltalk: int = 0
    suggested: int = 0
    declined: int = 0
    picked: int = 0
    none_of_these: int = 0
    # (entry id, times served): answered outright or picked from suggestions.
    top_entries: tuple[tuple[str, int], ...] = ()
    # (normalised question, times): declined, or suggested and no suggestion picked.
    top_unanswered: tuple[tuple[str, int], ...] = ()

    @property
    def total(self) -> int:
        """Every question decided."""
        return self.answered + self.smalltalk + self.suggested + self.declined


def default_normalise(text: str) -> str:
    """Casefolded words without punctuation: "What is BYD?" and "what is byd" count as one."""
    return " ".join(_WORD.findall(text.casefold()))


def utc_iso(moment: datetime) -> str:
    """The one text form of times in the file, so that they sort and compare as strings."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


class LogInUseError(Exception):
    """Another open store, in this process or another, is already writing the file."""


def _claim(path: Path) -> IO[bytes]:
    """Hold the lock that makes one store the file's only writer, until the returned file is
    closed (or the process dies: a killed bot never leaves a stale claim)."""
    # Event ids are handed out in memory from the file's largest id, so two writers would
    # give out the same ids. The lock is a file of its own: closing a descriptor of the
    # database itself would drop SQLite's own locks on it.
    lock = path.with_name(f"{path.name}.lock").open("wb")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise LogInUseError(
            f"{path} is being written by another celacbot; give each bot its own data directory"
        ) from None
    return lock


class EventStore:
    """One connection to the log file; use it from one thread."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        *,
        salt: bytes = b"",
        normalise: Callable[[str], str] | None = None,
        max_events: int = MAX_EVENTS,
        max_age_days: int = MAX_AGE_DAYS,
        writer_lock: IO[bytes] | None = None,
    ) -> None:
        """Wrap an open connection; prefer EventStore.open or EventStore.open_readonly."""
        self._connection = connection
        self._writer_lock = writer_lock
        self._salt = salt
        self._normalise = normalise or default_normalise
        self.max_events = max_events
        self.max_age_days = max_age_days
        self._inserted_since_prune = 0
        self._in_batch = False

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        normalise: Callable[[str], str] | None = None,
        max_events: int = MAX_EVENTS,
        max_age_days: int = MAX_AGE_DAYS,
    ) -> EventStore:
        """Open or create the log for writing; a corrupt file is moved aside (one log line) and
        replaced. Raises LogInUseError while another store writes it."""
        # The log is personal data: a directory made for it is its owner's alone.
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = _claim(path)
        try:
            connection = _open_checked_or_replaced(path)
        except BaseException:
            lock.close()
            raise
        store = cls(
            connection,
            salt=bytes.fromhex(_meta(connection, "salt")),
            normalise=normalise,
            max_events=max_events,
            max_age_days=max_age_days,
            writer_lock=lock,
        )
        try:
            store.prune()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open_readonly(cls, path: Path) -> EventStore:
        """Open an existing log for reading only (the CLI); raises sqlite3.Error if unusable."""
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
        try:
            version = _user_version(connection)
        except sqlite3.Error:
            connection.close()
            raise
        if version > SCHEMA_VERSION:
            connection.close()
            raise SchemaTooNewError(
                f"{path} has schema {version}; this celacbot reads {SCHEMA_VERSION}"
            )
        return cls(connection)

    def close(self) -> None:
        """Close the connection (SQLite checkpoints the WAL when the last one closes), then
        give up the writer's claim."""
        self._connection.close()
        if self._writer_lock is not None:
            self._writer_lock.close()

    @property
    def initialised(self) -> bool:
        """False for an empty file that no bot has written to yet."""
        return _user_version(self._connection) > 0

    def max_id(self) -> int:
        """The largest event id in the file, 0 if none."""
        row = self._connection.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()
        return int(row[0])

    def check(self) -> None:
        """Raise sqlite3.DatabaseError if the file was damaged while open, written over or
        deleted by another program: queries are answered from the write-ahead log and the
        cache and would not tell until the next checkpoint or start."""
        (_, _, filename) = self._connection.execute("PRAGMA database_list").fetchone()
        try:
            with Path(filename).open("rb") as file:
                header = file.read(len(SQLITE_HEADER))
        except FileNotFoundError:
            raise sqlite3.DatabaseError("the file was deleted or moved") from None
        if header != SQLITE_HEADER:
            raise sqlite3.DatabaseError("the file was written over: it is no SQLite file now")
        (verdict,) = self._connection.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {verdict}")

    def reserved_id(self) -> int:
        """The largest event id ever reserved (or written): later ids are new."""
        with closing(
            self._connection.execute("SELECT value FROM meta WHERE key = ?", (RESERVED_KEY,))
        ) as cursor:
            row = cursor.fetchone()
        return max(0 if row is None else int(row[0]), self.max_id())

    def reserve_ids(self, count: int) -> range:
        """Reserve the next `count` event ids, synced to disk before they are returned: no
        crash, not even of the machine, can hand them out again. Not inside a batch."""
        connection = self._connection
        first = self.reserved_id() + 1
        # One fsync per block of ids; the events' own commits need none (see _open_checked).
        connection.execute("PRAGMA synchronous = FULL")
        try:
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (RESERVED_KEY, str(first + count - 1)),
                )
        finally:
            connection.execute("PRAGMA synchronous = NORMAL")
        return range(first, first + count)

    def user_hash(self, user_id: int) -> str:
        """A stable pseudonym of a user: keyed BLAKE2b with the file's own random salt."""
        return hashlib.blake2b(str(user_id).encode(), key=self._salt, digest_size=16).hexdigest()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run the writes made inside in one transaction: one commit for them all, which
        costs a third of committing each (an error inside rolls them all back)."""
        self._in_batch = True
        try:
            with self._connection:
                yield
        finally:
            self._in_batch = False

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """A write's own transaction, or the enclosing batch's."""
        if self._in_batch:
            yield
        else:
            with self._connection:
                yield

    def record(
        self,
        event_id: int,
        answer: Answer,
        *,
        user_id: int | None,
        chat_type: str,
        language: str | None = None,
        time: datetime | None = None,
    ) -> None:
        """Store one decision; misses keep the question, answered questions only the entry id."""
        miss = answer.decision.value in MISS_DECISIONS
        question = answer.question[:MAX_QUESTION_CHARS] if miss else None
        candidates = [
            {"id": suggestion.id, "score": round(suggestion.score, 1)}
            for suggestion in answer.suggestions[:MAX_CANDIDATES]
        ]
        row = (
            event_id,
            utc_iso(time or datetime.now(UTC)),
            chat_type,
            language,
            answer.decision.value,
            None if miss else answer.id,
            question,
            None if question is None else self._normalise(question)[:MAX_QUESTION_CHARS],
            json.dumps(candidates) if miss else None,
            self.user_hash(user_id) if miss and user_id is not None else None,
        )
        with self._transaction():
            self._connection.execute(
                "INSERT INTO events (id, time, chat_type, language, decision, entry_id,"
                " question, normalised, candidates, user_hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                row,
            )
        self._inserted_since_prune += 1
        if self._inserted_since_prune >= PRUNE_EVERY:
            self.prune()

    def set_outcome(self, event_id: int, picked_id: str | None) -> bool:
        """Record the first reply to suggestions: the picked entry id, or None: "none of these"."""
        outcome = Outcome.NONE if picked_id is None else Outcome.PICKED
        with self._transaction():
            cursor = self._connection.execute(
                "UPDATE events SET outcome = ?, picked_id = ?"
                " WHERE id = ? AND decision = ? AND outcome IS NULL",
                (outcome.value, picked_id, event_id, Decision.SUGGEST.value),
            )
        return cursor.rowcount == 1

    def offered(self, event_id: int, user_id: int, entry_id: str | None = None) -> bool:
        """Whether event `event_id` offered suggestions to `user_id`, `entry_id` among them
        (None: any)."""
        with closing(
            self._connection.execute(
                "SELECT user_hash, candidates FROM events WHERE id = ? AND decision = ?",
                (event_id, Decision.SUGGEST.value),
            )
        ) as cursor:
            row = cursor.fetchone()
        if row is None or row[0] != self.user_hash(user_id):
            return False
        return entry_id is None or any(item["id"] == entry_id for item in json.loads(row[1]))

    def prune(self, now: datetime | None = None) -> int:
        """Delete events older than max_age_days and all but the newest max_events; the count."""
        cutoff = utc_iso((now or datetime.now(UTC)) - timedelta(days=self.max_age_days))
        with self._transaction():
            deleted = self._connection.execute("DELETE FROM events WHERE time < ?", (cutoff,))
            count = deleted.rowcount
            deleted = self._connection.execute(
                "DELETE FROM events WHERE id <= ("
                " SELECT id FROM events ORDER BY id DESC LIMIT 1 OFFSET ?)",
                (self.max_events,),
            )
            count += deleted.rowcount
        self._inserted_since_prune = 0
        return count

    def stats(self, since: datetime | None = None, top: int = 5, *, first_id: int = 1) -> Stats:
        """Decision counts and the most frequent entries and unanswered questions since `since`,
        among the events numbered `first_id` or more."""
        start = "" if since is None else utc_iso(since)
        query = self._connection.execute
        counts = dict(
            query(
                "SELECT decision, count(*) FROM events WHERE id >= ? AND time >= ?"
                " GROUP BY decision",
                (first_id, start),
            )
        )
        outcomes = dict(
            query(
                "SELECT outcome, count(*) FROM events WHERE decision = ? AND id >= ?"
                " AND time >= ? AND outcome IS NOT NULL GROUP BY outcome",
                (Decision.SUGGEST.value, first_id, start),
            )
        )
        top_entries = query(
            "SELECT entry, count(*) AS times FROM ("
            "  SELECT entry_id AS entry FROM events WHERE decision = ? AND id >= ? AND time >= ?"
            "  UNION ALL SELECT picked_id FROM events WHERE outcome = ? AND id >= ? AND time >= ?)"
            " GROUP BY entry ORDER BY times DESC, entry LIMIT ?",
            (Decision.ANSWER.value, first_id, start, Outcome.PICKED.value, first_id, start, top),
        ).fetchall()
        top_unanswered = query(
            "SELECT normalised, count(*) AS times FROM events"
            " WHERE decision IN (?, ?) AND id >= ? AND time >= ? AND outcome IS NOT ?"
            " GROUP BY normalised ORDER BY times DESC, max(id) DESC LIMIT ?",
            (*MISS_DECISIONS, first_id, start, Outcome.PICKED.value, top),
        ).fetchall()
        return Stats(
            since=since,
            answered=counts.get(Decision.ANSWER.value, 0),
            smalltalk=counts.get(Decision.SMALLTALK.value, 0),
            suggested=counts.get(Decision.SUGGEST.value, 0),
            declined=counts.get(Decision.DECLINE.value, 0),
            picked=outcomes.get(Outcome.PICKED.value, 0),
            none_of_these=outcomes.get(Outcome.NONE.value, 0),
            top_entries=tuple((str(entry), int(times)) for entry, times in top_entries),
            top_unanswered=tuple((str(text), int(times)) for text, times in top_unanswered),
        )

    def misses(self, since: datetime | None = None, limit: int | None = None) -> list[Miss]:
        """Suggested and declined questions, newest first."""
        if not self.initialised:
            return []
        rows = self._connection.execute(
            "SELECT id, time, chat_type, language, decision, question, normalised, candidates,"
            " outcome, picked_id, user_hash FROM events WHERE decision IN (?, ?) AND time >= ?"
            " ORDER BY id DESC LIMIT ?",
            (
                *MISS_DECISIONS,
                "" if since is None else utc_iso(since),
                -1 if limit is None else limit,
            ),
        )
        return [_miss(row) for row in rows]


def _open_checked_or_replaced(path: Path) -> sqlite3.Connection:
    """The checked connection; a corrupt file is moved aside and a new one created."""
    try:
        return _open_checked(path)
    except sqlite3.OperationalError:
        raise  # cannot open, locked, I/O: not the file's fault, so leave it where it is
    except sqlite3.DatabaseError as exc:
        moved_to = _move_aside(path)
        logger.error(
            "question log %s is unreadable (%s); moved it to %s and started a new one",
            path,
            exc,
            moved_to.name,
        )
        return _open_checked(path)


def _open_checked(path: Path) -> sqlite3.Connection:
    """Connect, check the file and create the schema if new; sqlite3.DatabaseError if corrupt."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        # With WAL, NORMAL loses no committed transaction when the process dies, only on power loss.
        connection.execute("PRAGMA synchronous = NORMAL")
        (verdict,) = connection.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {verdict}")
        version = _user_version(connection)
        if version > SCHEMA_VERSION:
            raise SchemaTooNewError(
                f"{path} has schema {version}; this celacbot writes {SCHEMA_VERSION}"
            )
        if version == 0:
            _create(connection)
        elif version == 1:
            _migrate_from_1(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _create(connection: sqlite3.Connection) -> None:
    """Create the tables, the salt and the schema version in one transaction."""
    with connection:
        connection.executescript("BEGIN;" + _SCHEMA)
        connection.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("salt", secrets.token_hex(16)), ("created_at", utc_iso(datetime.now(UTC)))],
        )
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _migrate_from_1(connection: sqlite3.Connection) -> None:
    """Schema 2 adds the event id reservation; ids continue V1_ID_GAP past the largest."""
    with connection:
        (largest,) = connection.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()
        connection.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (RESERVED_KEY, str(int(largest) + V1_ID_GAP)),
        )
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    logger.info("question log migrated to schema %d", SCHEMA_VERSION)


def _user_version(connection: sqlite3.Connection) -> int:
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    return int(version)


def _meta(connection: sqlite3.Connection, key: str) -> str:
    with closing(connection.execute("SELECT value FROM meta WHERE key = ?", (key,))) as cursor:
        (value,) = cursor.fetchone()
    return str(value)


def _move_aside(path: Path) -> Path:
    """Rename the file and its -wal/-shm companions so that SQLite still pairs them."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    return target


def _miss(row: tuple[Any, ...]) -> Miss:
    (id_, time, chat_type, language, decision, question, normalised, candidates, *rest) = row
    outcome, picked_id, user_hash = rest
    return Miss(
        id=id_,
        time=datetime.fromisoformat(time),
        chat_type=chat_type,
        language=language,
        decision=Decision(decision),
        question=question,
        normalised=normalised,
        candidates=tuple(
            ScoredEntry(id=item["id"], score=item["score"]) for item in json.loads(candidates)
        ),
        outcome=None if outcome is None else Outcome(outcome),
        picked_id=picked_id,
        user_hash=user_hash,
    )
