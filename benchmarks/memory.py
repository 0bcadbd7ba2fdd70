"""Conversation memory: the bot's peak RSS after 50,000 chats that each asked one question.

Issue 16's target: with conversation memory on (CELACBOT_CONTEXT_MINUTES at its default), the
bot's peak RSS stays within 110 MB; the same run with CELACBOT_CONTEXT_MINUTES=0 is shown
beside it. Every chat asks a question the bot answers, so every chat gets a subject to keep.
Memory hardly depends on speed, so these runs have neither rate limiter nor latency (at 30
messages a second, 50,000 questions would take half an hour), and both run at once; users
write as replies come back, WINDOW at a time, so that the server's backlog stays small. The
target is judged on the peak over the bot's whole life, the conversations' save at shutdown
included; the peak by the last answer is shown beside it. (PTB copies the chats that changed
since its last save, every 2 s, so a faster run copies more at a time.) The bot runs in the
venv it is run from: `make bench`'s, which holds the bot's own dependencies only.

    python -m benchmarks.memory [--chats N]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.bot_api import BenchBotAPI
from benchmarks.bots import CELACBOT_MAIN, DEFAULT_CONTEXT_MINUTES, bot_process
from benchmarks.peak_rss import peak_rss_mb
from benchmarks.questions import by_decision
from benchmarks.targets import Target, peak_rss, printed
from celacbot.retrieval.answer import Decision

CHATS = 50_000
WINDOW = 500
TARGET_MB = 110.0
FIRST_USER_ID = 1_000_000
REPLY_TIMEOUT = 600.0


@dataclass(frozen=True, slots=True)
class MemoryRun:
    """One run's peaks in MB (None where /proc does not tell) and its duration."""

    context_minutes: float
    answering_mb: float | None  # the peak by the time the last chat had its answer
    life_mb: float | None  # the peak over the bot's whole life, shutdown included
    seconds: float

    def line(self) -> str:
        """A report line."""
        return (
            f"  CELACBOT_CONTEXT_MINUTES={self.context_minutes:g}: peak RSS "
            f"{_mb(self.answering_mb)} MB while answering, {_mb(self.life_mb)} MB over its "
            f"life, shutdown included ({self.seconds:.0f} s)"
        )


def _mb(value: float | None) -> str:
    return "?" if value is None else f"{value:.1f}"


async def measure(chats: int, context_minutes: float) -> MemoryRun:
    """`chats` chats ask one question each, WINDOW at a time, of a bot on a server of its own."""
    texts = itertools.cycle(by_decision()[Decision.ANSWER])
    users = iter(range(FIRST_USER_ID, FIRST_USER_ID + chats))
    async with (
        BenchBotAPI() as server,
        bot_process(
            CELACBOT_MAIN, server, rate_limit=0, CELACBOT_CONTEXT_MINUTES=f"{context_minutes:g}"
        ) as bot,
    ):
        started = time.perf_counter()
        waiting = [
            server.send_message(next(texts), user_id=user)
            for user in itertools.islice(users, WINDOW)
        ]
        while waiting:
            # The next users write while the bot answers the last ones.
            following = [
                server.send_message(next(texts), user_id=user)
                for user in itertools.islice(users, WINDOW)
            ]
            await server.wait_for_replies(waiting, timeout=REPLY_TIMEOUT)
            waiting = following
        seconds = time.perf_counter() - started
        answering = peak_rss_mb(bot.pid)
    return MemoryRun(context_minutes, answering, bot.peak_rss_mb, seconds)


async def report(chats: int) -> list[Target]:
    """Print both runs (side by side: memory does not depend on speed); the target."""
    print(f"{chats:,} chats, one answered question each; limiter off, no latency:")
    with_context, without = await asyncio.gather(
        measure(chats, DEFAULT_CONTEXT_MINUTES), measure(chats, 0.0)
    )
    print(with_context.line())
    print(without.line())
    name = f"peak RSS after {chats:,} chats, conversation memory on"
    return printed(peak_rss(name, with_context.life_mb, TARGET_MB))


def run(chats: int = CHATS) -> list[Target]:
    """Print the report (benchmarks/__main__.py); the target."""
    return asyncio.run(report(chats))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; exit status 1 when the target is missed."""
    parser = argparse.ArgumentParser(description="Peak memory after many chats.")
    parser.add_argument("--chats", type=int, default=CHATS)
    args = parser.parse_args(argv)
    return 0 if all(target.met for target in run(args.chats)) else 1


if __name__ == "__main__":
    sys.exit(main())
