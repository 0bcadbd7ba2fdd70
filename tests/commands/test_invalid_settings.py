"""Every command reports an invalid setting in one line naming the variable, and exits 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.bot.processes import clean_environment
from tests.fakes.bot_api import TEST_TOKEN

COMMANDS = [
    ["ask", "which satellites were launched?"],
    ["explain", "satellites"],
    ["chat"],
    ["eval"],
    ["validate"],
    ["misses"],
    ["run"],
    ["start"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command[0])
@pytest.mark.parametrize(
    ("value", "problem"),
    [("abc", "valid number"), ("101", "less than or equal to 100")],
)
def test_invalid_threshold_is_one_line_naming_it(
    tmp_path: Path, command: list[str], value: str, problem: str
) -> None:
    env = clean_environment(CELACBOT_ANSWER_THRESHOLD=value, TELEGRAM_BOT_TOKEN=TEST_TOKEN)

    done = subprocess.run(
        [sys.executable, "-m", "celacbot.cli", *command],
        cwd=tmp_path,
        env=env,
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(
        f"celacbot {command[0]}: invalid setting CELACBOT_ANSWER_THRESHOLD: "
    )
    assert problem in done.stderr


def test_an_empty_variable_counts_as_unset(tmp_path: Path) -> None:
    env = clean_environment(CELACBOT_ANSWER_THRESHOLD="")

    done = subprocess.run(
        [sys.executable, "-m", "celacbot.cli", "ask", "--json", "which satellites were launched?"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert (done.returncode, done.stderr) == (0, "")
    assert '"answered": true' in done.stdout
