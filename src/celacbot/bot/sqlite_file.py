"""The bot's own SQLite files: opened checked, and set aside when damaged instead of fatal.

Contract: `open_or_replace(path, schema, what, **options)` makes the file's directory (owner
only) and returns an autocommit connection (`sqlite3.connect` with `options`) in WAL mode,
with `schema` (an SQL script) run and the file passing SQLite's quick_check. When the file is
not a readable database (sqlite3.DatabaseError), it is renamed aside as
`<name>.corrupt-<UTC time>` (its WAL and shared-memory files are dropped), one error line
names both, and a new file is started. sqlite3.OperationalError passes through untouched: a
locked, unwritable or full disk says nothing against the file itself.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

_LOGGER = logging.getLogger(__name__)


def open_or_replace(path: Path, schema: str, what: str, **options: Any) -> sqlite3.Connection:
    """The checked connection to `path`; a damaged file (`what` names it in the log) is moved
    aside first."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        return _connect(path, schema, options)
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = path.with_name(f"{path.name}.corrupt-{stamp}")
        path.rename(aside)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        _LOGGER.error("%s %s was damaged (%s); moved to %s", what, path, error, aside)
        return _connect(path, schema, options)


def _connect(path: Path, schema: str, options: dict[str, Any]) -> sqlite3.Connection:
    connection: sqlite3.Connection = sqlite3.connect(path, isolation_level=None, **options)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.executescript(schema)
        (verdict,) = connection.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {verdict}")
    except BaseException:
        connection.close()
        raise
    return connection
