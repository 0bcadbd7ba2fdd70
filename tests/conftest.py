"""Fixtures shared by every test package."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.fakes.bot_api import TEST_TOKEN, FakeBotAPI


@pytest.fixture
async def fake_bot_api() -> AsyncIterator[FakeBotAPI]:
    """A started fake Bot API server (see tests/fakes/bot_api.py); stopped after the test."""
    async with FakeBotAPI(token=TEST_TOKEN) as server:
        yield server
    assert server.internal_errors == []
