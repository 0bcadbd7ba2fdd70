"""The real bot, run by celacbot.bot.runner as `celacbot run` runs it, on the fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from celacbot.bot.application import BotApplication
from celacbot.bot.runner import running
from celacbot.config import Settings
from tests.bot.knowledge import write_knowledge
from tests.fakes.bot_api import FakeBotAPI

MakeSettings = Callable[..., Settings]


@pytest.fixture
def knowledge_path(tmp_path: Path) -> Path:
    """The test knowledge base (tests/bot/knowledge.py) written to a temporary directory."""
    return write_knowledge(tmp_path)


@pytest.fixture
def make_settings(fake_bot_api: FakeBotAPI, knowledge_path: Path) -> MakeSettings:
    """Settings pointing at the fake server and the test knowledge base, plus overrides."""

    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "TELEGRAM_BOT_TOKEN": fake_bot_api.token,
            "TELEGRAM_API_BASE_URL": fake_bot_api.base_url,
            "CELACBOT_KNOWLEDGE": knowledge_path,
            # The question log goes next to the test's knowledge, never into the checkout.
            "CELACBOT_DATA_DIR": knowledge_path.parent / "data",
            "CELACBOT_RATE_LIMIT": 0,
            "CELACBOT_LOG_LEVEL": "DEBUG",
            # A hung getUpdates is over within a second or two.
            "CELACBOT_POLL_TIMEOUT": 1,
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)

    return make


@pytest.fixture
async def bot(make_settings: MakeSettings) -> AsyncIterator[BotApplication]:
    """The bot running on long polling against the fake server."""
    async with running(make_settings()) as application:
        yield application
