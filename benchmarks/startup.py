"""Start-up time: `celacbot ask` to its first answer, and `celacbot run` to its first poll.

Each is the median of several cold starts of a fresh process (the OS page cache is warm, as
it is on a server that restarts the bot).

    python -m benchmarks.startup
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from collections.abc import Sequence

from tests.fakes.bot_api import FakeBotAPI

STARTS = 5
QUESTION = "What is CBERS?"
TARGET_ASK_SECONDS = 1.0
TARGET_RUN_SECONDS = 2.0


def _environment(**settings: str) -> dict[str, str]:
    kept = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("TELEGRAM_", "CELACBOT_"))
    }
    return kept | settings


async def ask_seconds() -> float:
    """Seconds from spawning `celacbot ask QUESTION` to the first line of its answer."""
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "celacbot.cli",
        "ask",
        QUESTION,
        env=_environment(),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
    )
    if process.stdout is None:
        raise RuntimeError("celacbot ask started without a stdout pipe")
    await process.stdout.readline()
    seconds = time.perf_counter() - started
    await process.communicate()
    return seconds


async def run_seconds() -> float:
    """Seconds from spawning `celacbot run` to its first getUpdates on a fake Bot API."""
    async with FakeBotAPI() as server:
        env = _environment(
            TELEGRAM_BOT_TOKEN=server.token,
            TELEGRAM_API_BASE_URL=server.base_url,
            CELACBOT_LOG_LEVEL="WARNING",
            CELACBOT_POLL_TIMEOUT="1",
        )
        started = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "celacbot.cli",
            "run",
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
        )
        try:
            await server.wait_for_request("getUpdates", timeout=60)
            seconds = time.perf_counter() - started
            # Stop it while it waits, not while it is still sending its first poll.
            await server.wait_polling(timeout=10)
        finally:
            process.terminate()
            await process.wait()
    return seconds


async def _medians(starts: int) -> tuple[float, float]:
    asks = [await ask_seconds() for _ in range(starts)]
    runs = [await run_seconds() for _ in range(starts)]
    return statistics.median(asks), statistics.median(runs)


def run(starts: int = STARTS) -> bool:
    """Print the start-up report (benchmarks/__main__.py); True when both targets are met."""
    ask, poll = asyncio.run(_medians(starts))
    ask_met, run_met = ask <= TARGET_ASK_SECONDS, poll <= TARGET_RUN_SECONDS
    print(
        f"  celacbot ask, start to first answer:      {ask * 1000:6.0f} ms (median of {starts})"
        f"  target <= {TARGET_ASK_SECONDS * 1000:.0f} ms: {'met' if ask_met else 'MISSED'}"
    )
    print(
        f"  celacbot run, start to first getUpdates:  {poll * 1000:6.0f} ms (median of {starts})"
        f"  target <= {TARGET_RUN_SECONDS * 1000:.0f} ms: {'met' if run_met else 'MISSED'}"
    )
    return ask_met and run_met


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; exit status 1 when a target is missed."""
    del argv
    return 0 if run() else 1


if __name__ == "__main__":
    sys.exit(main())
