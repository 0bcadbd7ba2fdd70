"""Run the real `celacbot` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    """Call `celacbot ARGS...` with optional standard input and variables; HOME is a scratch
    directory."""

    def run(
        *args: str, stdin: str = "", env: Mapping[str, str] | None = None
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
            timeout=60,
            check=False,
        )

    return run
