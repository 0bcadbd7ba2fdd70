"""Question log tests write their log file inside the test's temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Where the log file goes (not created yet), as the bot's data directory would hold it."""
    return tmp_path / "data" / "celacbot.sqlite3"
