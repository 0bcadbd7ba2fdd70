"""A bot killed with SIGKILL while writing leaves a sound file with every committed event."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from celacbot.misslog.store import EventStore

WRITER = """
import sys
from pathlib import Path

from celacbot.misslog.store import EventStore
from tests.misslog.builders import declined

store = EventStore.open(Path(sys.argv[1]))
event_id = 0
while True:
    event_id += 1
    store.record(event_id, declined(f"question {event_id} " * 20), user_id=event_id, chat_type="p")
    print(event_id, flush=True)  # only after the commit returned
"""


def test_killing_the_writer_mid_write_loses_no_committed_event(tmp_path: Path) -> None:
    db = tmp_path / "celacbot.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert writer.stdout is not None
    committed = 0
    deadline = time.monotonic() + 30
    try:
        while committed < 300 and time.monotonic() < deadline:
            committed = int(writer.stdout.readline())
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=10)
        writer.stdout.close()

    assert committed >= 300
    assert writer.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as connection:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        ids = {row[0] for row in connection.execute("SELECT id FROM events")}
    assert integrity == "ok"
    assert set(range(1, committed + 1)) <= ids
    # The bot's next start opens the same file: nothing is moved aside.
    assert EventStore.open(db).max_id() >= committed
    assert list(tmp_path.glob("*.corrupt-*")) == []
