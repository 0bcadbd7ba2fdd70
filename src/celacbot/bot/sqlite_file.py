"""The bot's own SQLite files: a file that is not a readable database is set aside, not fatal.

Contract: `open_or_replace(path, connect, what)` makes the file's directory (owner only) and
returns `connect(path)`. When that raises sqlite3.DatabaseError, the file is renamed aside as
`<name>.corrupt-<UTC time>` (its WAL and shared-memory files are dropped), one error line names
both, and a new file is started. sqlite3.OperationalError passes through untouched: a locked,
unwritable or full disk says nothing against the file itself.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

_LOGGER = logging.getLogger(__name__)


def open_or_replace(
    path: Path, connect: Callable[[Path], sqlite3.Connection], what: str
) -> sqlite3.Connection:
    """`connect(path)`; a damaged file (`what` names it in the log) is moved aside first."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        return connect(path)
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = path.with_name(f"{path.name}.corrupt-{stamp}")
        path.rename(aside)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        _LOGGER.error("%s %s was damaged (%s); moved to %s", what, path, error, aside)
        return connect(path)
