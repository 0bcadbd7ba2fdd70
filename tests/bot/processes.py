"""`celacbot` as a user starts it: a child process with a clean environment, and its output."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tests.fakes.bot_api import TEST_TOKEN, FakeBotAPI


def clean_environment(**settings: str) -> dict[str, str]:
    """The test's environment without any bot settings, plus `settings`."""
    kept = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("TELEGRAM_", "CELACBOT_"))
    }
    return kept | settings


@asynccontextmanager
async def celacbot(
    command: str, cwd: Path, env: Mapping[str, str]
) -> AsyncIterator[asyncio.subprocess.Process]:
    """`celacbot <command>` in a child process, killed if the test leaves it running."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "celacbot.cli",
        command,
        cwd=cwd,
        # The question log goes into the test's directory unless the test says otherwise.
        env={"CELACBOT_DATA_DIR": str(cwd / "data"), **env},
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def finished(process: asyncio.subprocess.Process, typed: str = "") -> tuple[int, str, str]:
    """Exit status, stdout and stderr of a process that ends by itself within 30 s."""
    stdout, stderr = await asyncio.wait_for(process.communicate(typed.encode()), timeout=30)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


def bot_environment(fake_bot_api: FakeBotAPI, knowledge: Path, **settings: str) -> dict[str, str]:
    """A clean environment running the bot on the fake Bot API, the test token and knowledge."""
    return clean_environment(
        TELEGRAM_BOT_TOKEN=TEST_TOKEN,
        TELEGRAM_API_BASE_URL=fake_bot_api.base_url,
        CELACBOT_KNOWLEDGE=str(knowledge),
        **settings,
    )


async def answered_then_stopped(
    fake_bot_api: FakeBotAPI,
    process: asyncio.subprocess.Process,
    stop_signal: signal.Signals = signal.SIGTERM,
) -> tuple[dict[str, Any], int, str]:
    """Once the bot polls: its reply to "What is CBERS?", then its exit status and stderr."""
    await fake_bot_api.wait_for_request("getUpdates", timeout=30)
    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))
    process.send_signal(stop_signal)
    status, _stdout, stderr = await finished(process)
    return reply, status, stderr
