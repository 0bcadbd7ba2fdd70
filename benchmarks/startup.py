"""Start-up: `celacbot ask` to its first answer (the target), `celacbot run` to its first poll
and the memory the bot holds then (information; benchmarks/telegram.py reports the peak under
load).

The target (issues 13 and 14): `celacbot ask` prints its first answer within 0.5 s of being
started, as a user types it: the `celacbot` console script of this environment in a fresh
process (the OS page cache is warm, as on any machine that ran it before). The figure is the
median of STARTS starts; each start's CPU time is shown too, which other load on the machine
disturbs less than the wall-clock time.

    python -m benchmarks.startup
"""

from __future__ import annotations

import asyncio
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.bot_api import BenchBotAPI
from benchmarks.bots import bot_environment
from benchmarks.peak_rss import peak_rss_mb
from benchmarks.targets import Target

STARTS = 7
QUESTION = "What is CBERS?"
TARGET_ASK_SECONDS = 0.5


def _celacbot() -> list[str]:
    """The command users type: the console script next to this Python, else the module."""
    script = Path(sys.executable).with_name("celacbot")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "celacbot.cli"]


def _children_cpu() -> float:
    """CPU seconds of every child process that has exited so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def ask_seconds() -> tuple[float, float]:
    """Seconds from spawning `celacbot ask QUESTION` to the first line of its answer, and the
    process's CPU seconds in all."""
    # In a scratch directory, with the benchmark's settings: not the checkout's .env.
    with tempfile.TemporaryDirectory(prefix="celacbot-bench-") as scratch:
        cpu_before = _children_cpu()
        started = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            *_celacbot(),
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
    return seconds, _children_cpu() - cpu_before


async def run_seconds() -> tuple[float, float | None]:
    """Seconds from spawning `celacbot run` to its first getUpdates on a fake Bot API, and
    the bot's peak RSS in MB by then."""
    # A scratch data directory: the bot opens (creates) its question log there, never in the
    # data/ of a bot run from this checkout.
    async with BenchBotAPI() as server:
        with tempfile.TemporaryDirectory(prefix="celacbot-bench-") as data_dir:
            started = time.perf_counter()
            process = await asyncio.create_subprocess_exec(
                *_celacbot(),
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


async def report(starts: int) -> list[Target]:
    """Print the start-up figures; the target."""
    asks = [await ask_seconds() for _ in range(starts)]
    runs = [await run_seconds() for _ in range(starts)]
    ask = statistics.median(seconds for seconds, _ in asks)
    cpu = statistics.median(cpu for _, cpu in asks)
    print(
        f"  celacbot ask, start to first answer:      {ask * 1000:6.0f} ms (median of {starts};"
        f" {min(seconds for seconds, _ in asks) * 1000:.0f}-"
        f"{max(seconds for seconds, _ in asks) * 1000:.0f} ms; CPU {cpu * 1000:.0f} ms)"
    )
    print(
        f"  celacbot run, start to first getUpdates:  "
        f"{statistics.median(seconds for seconds, _ in runs) * 1000:6.0f} ms (median of {starts})"
    )
    rss = [mb for _, mb in runs if mb is not None]
    if rss:
        print(f"  celacbot run, peak RSS by its first poll:  {statistics.median(rss):5.1f} MB")
    target = Target(
        "celacbot ask, first answer (cold process)", ask, TARGET_ASK_SECONDS, " s", digits=3
    )
    print(target.line())
    return [target]


def run(starts: int = STARTS) -> list[Target]:
    """Print the start-up report (benchmarks/__main__.py); the target."""
    return asyncio.run(report(starts))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; exit status 1 when the target is missed."""
    del argv
    return 0 if all(target.met for target in run()) else 1


if __name__ == "__main__":
    sys.exit(main())
