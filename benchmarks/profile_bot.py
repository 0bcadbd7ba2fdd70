"""Profile `celacbot run`'s per-message path with cProfile, under the throughput benchmark's load.

The bot runs in a child process under cProfile (stopped with SIGTERM, which PTB turns into a
clean exit so the profile is written), answering one question from each of USERS users on
the fake Bot API with CELACBOT_RATE_LIMIT=0 and one update at a time (or --concurrency N).
Prints the bot's CPU time per question and the functions that cost the most.

    python -m benchmarks.profile_bot [--users N] [--top N] [--output bot.prof]
"""

from __future__ import annotations

import argparse
import asyncio
import pstats
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.bot_api import BenchBotAPI
from benchmarks.bots import CELACBOT_MAIN, bot_process, cpu_seconds
from benchmarks.questions import mixed

USERS = 2_000
TOP = 25
FIRST_USER_ID = 10_000
# The bot's own modules: what this project can make cheaper.
OWN_CODE = "celacbot"


def _profiled(code: str, output: Path) -> str:
    return f"import cProfile; cProfile.run({code!r}, {str(output)!r})"


async def profile(users: int, output: Path, *, concurrency: int = 1) -> float:
    """Run the load under cProfile, writing `output`; the bot's CPU milliseconds per question."""
    texts = mixed(users)
    code = _profiled(CELACBOT_MAIN.replace("sys.exit(", "("), output)
    async with (
        BenchBotAPI() as server,
        bot_process(code, server, rate_limit=0, concurrency=concurrency) as bot,
    ):
        before = cpu_seconds(bot.pid)
        updates = [
            server.send_message(text, user_id=FIRST_USER_ID + index)
            for index, text in enumerate(texts)
        ]
        await server.wait_for_replies(updates, timeout=600)
        after = cpu_seconds(bot.pid)
    if before is None or after is None:
        return float("nan")
    return (after - before) / users * 1000


def main(argv: Sequence[str] | None = None) -> int:
    """Print CPU per question (under the profiler) and the costliest functions."""
    parser = argparse.ArgumentParser(description="cProfile the bot's per-message path.")
    parser.add_argument("--users", type=int, default=USERS)
    parser.add_argument("--top", type=int, default=TOP)
    parser.add_argument("--concurrency", type=int, default=1, help="concurrent_updates")
    parser.add_argument("--output", type=Path, help="keep the profile here (pstats format)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        output = args.output or Path(scratch) / "bot.prof"
        per_question = asyncio.run(profile(args.users, output, concurrency=args.concurrency))
        print(f"bot CPU under cProfile: {per_question:.2f} ms per question ({args.users} users)")
        stats = pstats.Stats(str(output))
        stats.sort_stats("tottime").print_stats(args.top)
        print(f"--- {OWN_CODE} code, by cumulative time ---")
        stats.sort_stats("cumulative").print_stats(OWN_CODE, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
