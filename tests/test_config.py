"""Settings: values from the environment are checked before anything starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from celacbot.config import Settings
from tests.bot.processes import celacbot, clean_environment, finished
from tests.fakes.bot_api import TEST_TOKEN


def test_log_level_accepts_any_case() -> None:
    settings = Settings(_env_file=None, CELACBOT_LOG_LEVEL=" debug ")

    assert settings.log_level == "DEBUG"


def test_unknown_log_level_is_rejected_naming_the_levels() -> None:
    with pytest.raises(ValidationError, match="must be one of DEBUG, INFO, WARNING"):
        Settings(_env_file=None, CELACBOT_LOG_LEVEL="loud")


async def test_unknown_log_level_stops_run_with_one_line_and_exit_2(tmp_path: Path) -> None:
    env = clean_environment(TELEGRAM_BOT_TOKEN=TEST_TOKEN, CELACBOT_LOG_LEVEL="verbose")

    async with celacbot("run", tmp_path, env) as process:
        status, _stdout, stderr = await finished(process)

    assert status == 2
    assert stderr.startswith("celacbot run: invalid setting CELACBOT_LOG_LEVEL: ")
    assert stderr.count("\n") == 1
