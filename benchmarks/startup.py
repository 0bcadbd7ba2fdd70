"""Start-up: `celacbot ask` to its first answer, `celacbot run` to its first poll, and the
memory the bot holds then (before any load; benchmarks/telegram.py reports the peak under load).

Each is the median of several cold starts of a fresh process (the OS page cache is warm, as
it is on a server that restarts the bot). There is no target: these numbers show trends.

    python -m benchmarks.startup
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence

from tests.bot.processes import clean_environment
from tests.fakes.bot_api import FakeBotAPI

from benchmarks.telegram import peak_rss_mb

STARTS = 5
QUESTION = "What is CBERS?"


async def ask_seconds() -> float:
    """Seconds from spawning `celacbot ask QUESTION` to the first line of its answer."""
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "celacbot.cli",
        "ask",
        QUESTION,
        env=clean_environment(),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
    )
    if process.stdout is None:
        raise RuntimeError("celacbot ask started without a stdout pipe")
    await process.stdout.readline()
    seconds = time.perf_counter() - started
    await process.communicate()
    return seconds


async def run_seconds() -> tuple[float, float | None]:
    """Seconds from spawning `celacbot run` to its first getUpdates on a fake Bot API, and
    the bot's peak RSS in MB by then."""
    # A scratch data directory: the bot opens (creates) its question log there, never in the
    # data/ of a bot run from this checkout.
    async with FakeBotAPI() as server:
        with tempfile.TemporaryDirectory(prefix="celacbot-bench-") as data_dir:
            env = clean_environment(
                TELEGRAM_BOT_TOKEN=server.token,
                TELEGRAM_API_BASE_URL=server.base_url,
                CELACBOT_LOG_LEVEL="WARNING",
                CELACBOT_POLL_TIMEOUT="1",
                CELACBOT_DATA_DIR=data_dir,
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
                # The fake records a long poll when it ends; `time` is when it arrived.
                first_poll = await server.wait_for_request("getUpdates", timeout=60)
                seconds = first_poll.time - started
                rss = peak_rss_mb(process.pid)
                # Stop it while it waits, not while it is still sending its first poll.
                await server.wait_polling(timeout=10)
            finally:
                process.terminate()
                await process.wait()
    return seconds, rss


async def _medians(starts: int) -> tuple[float, float, float | None]:
    asks = [await ask_seconds() for _ in range(starts)]
    runs = [await run_seconds() for _ in range(starts)]
    rss = [mb for _, mb in runs if mb is not None]
    return (
        statistics.median(asks),
        statistics.median(seconds for seconds, _ in runs),
        statistics.median(rss) if rss else None,
    )


def run(starts: int = STARTS) -> bool:
    """Print the start-up report (benchmarks/__main__.py); no targets, so always True."""
    ask, poll, rss = asyncio.run(_medians(starts))
    print(f"  celacbot ask, start to first answer:      {ask * 1000:6.0f} ms (median of {starts})")
    print(f"  celacbot run, start to first getUpdates:  {poll * 1000:6.0f} ms (median of {starts})")
    if rss is not None:
        print(f"  celacbot run, peak RSS by its first poll:  {rss:5.0f} MB")
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report."""
    del argv
    run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
