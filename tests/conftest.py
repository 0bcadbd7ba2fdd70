"""Fixtures shared by every test package."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest

from tests.fakes.bot_api import TEST_TOKEN, FakeBotAPI

# The prefixes of every variable the bot's settings read.
SETTINGS_PREFIXES = ("CELACBOT_", "TELEGRAM_")


@pytest.fixture(autouse=True, scope="session")
def hermetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Run the tests away from the developer's settings: no CELACBOT_*/TELEGRAM_* variable
    from the shell, and an empty working directory, where no `.env` is (settings read
    `./.env`; so do child processes, which inherit both). For the whole session, as
    session-scoped fixtures read settings too."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith(SETTINGS_PREFIXES):
                patch.delenv(name)
        # Not a test's tmp_path: messages name files below the working directory by
        # relative paths, and tests expect their files' absolute ones.
        patch.chdir(tmp_path_factory.mktemp("cwd"))
        yield


@pytest.fixture
async def fake_bot_api() -> AsyncIterator[FakeBotAPI]:
    """A started fake Bot API server (see tests/fakes/bot_api.py); stopped after the test."""
    async with FakeBotAPI(token=TEST_TOKEN) as server:
        yield server
    assert server.internal_errors == []
