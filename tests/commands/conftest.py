"""Run the real `celacbot` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

RunCli = Callable[..., subprocess.CompletedProcess[str]]

# A command answers in seconds; evaluating a whole bank takes a minute or more on a slow or
# busy machine (each question is also asked after three other subjects).
TIMEOUT_SECONDS = 60
BANK_TIMEOUT_SECONDS = 900


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    """Call `celacbot ARGS...` with optional standard input and variables; HOME is a scratch
    directory."""

    def run(
        *args: str,
        stdin: str = "",
        env: Mapping[str, str] | None = None,
        timeout: float = TIMEOUT_SECONDS,
    ) -> subprocess.CompletedProcess[str]:
        """`env`: variables to set on top of this process's own."""
        variables = {
            **os.environ,
            "HOME": str(tmp_path),
            "PYTHONIOENCODING": "utf-8",
            **(env or {}),
        }
        return subprocess.run(
            [sys.executable, "-m", "celacbot.cli", *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=variables,
            timeout=timeout,
            check=False,
        )

    return run
