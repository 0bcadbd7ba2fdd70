"""A developer's own settings, in a `.env` of the checkout or the shell, change no test result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The tuning README invites, and a variable of every kind the tests touch: the bot's limits,
# a setting no value of which is valid, the knowledge and the Bot API.
HOSTILE_DOTENV = "CELACBOT_ANSWER_THRESHOLD=95\nCELACBOT_NAMED_ANSWER_THRESHOLD=95\n"
HOSTILE_ENVIRONMENT = {
    "CELACBOT_USER_BURST": "1",
    "CELACBOT_SUGGEST_THRESHOLD": "abc",
    "CELACBOT_KNOWLEDGE": "/nonexistent/faq.yaml",
    "TELEGRAM_BOT_TOKEN": "1:hostile",
    "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
}
# Bot tests in this process and `celacbot` in child processes, each reading settings.
REPRESENTATIVE = ["tests/bot/test_groups.py", "tests/commands/test_ask.py"]
# Answered with the default thresholds, not at thresholds of 95.
BORDERLINE = "byd brasil"


def answered(cwd: Path) -> bool:
    """Whether `celacbot ask` run in `cwd`, with no settings in its environment, answers."""
    result = subprocess.run(
        [sys.executable, "-m", "celacbot.cli", "ask", "--json", BORDERLINE],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=cwd,
    )
    return bool(json.loads(result.stdout)["answered"])


def test_a_hostile_dotenv_and_environment_change_no_test_result(tmp_path: Path) -> None:
    # A checkout as `make test` sees it: the working directory, holding the developer's .env.
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / ".env").write_text(HOSTILE_DOTENV, encoding="utf-8")

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path / 'basetemp'}",
            f"--rootdir={ROOT}",
            f"--config-file={ROOT / 'pyproject.toml'}",
            *(str(ROOT / path) for path in REPRESENTATIVE),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=checkout,
        env=os.environ | HOSTILE_ENVIRONMENT,
    )

    assert result.returncode == 0, result.stdout[-4000:]
    # The .env does reach what runs there: the same question goes unanswered.
    assert (answered(tmp_path), answered(checkout)) == (True, False)
