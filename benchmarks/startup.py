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

from benchmarks.bot_api import BenchBotAPI
from benchmarks.telegram import bot_environment, peak_rss_mb

STARTS = 5
QUESTION = "What is CBERS?"


async def ask_seconds() -> float:
    """Seconds from spawning `celacbot ask QUESTION` to the first line of its answer."""
    # In a scratch directory, with the benchmark's settings: not the checkout's .env.
    with tempfile.TemporaryDirectory(prefix="celacbot-bench-") as scratch:
        started = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "celacbot.cli",
            "ask",
            QUESTION,
            env=bot_environment(None, scratch),
            cwd=scratch,
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
    async with BenchBotAPI() as server:
        with tempfile.TemporaryDirectory(prefix="celacbot-bench-") as data_dir:
            started = time.perf_counter()
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "celacbot.cli",
                "run",
                env=bot_environment(server, data_dir),
                cwd=data_dir,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
            )
            try:
                seconds = await server.first_call("getUpdates") - started
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
