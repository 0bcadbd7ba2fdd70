"""Telegram throughput: celacbot against a bare PTB echo bot on the same fake Bot API server.

The target runs are what users live with: the rate limiter on at its default
(CELACBOT_RATE_LIMIT, 30 messages/s), the default concurrency, and a 50 ms Bot API round trip
on every call (benchmarks/bot_api.py). The echo bot paces its messages with PTB's own limiter
set up as celacbot's (benchmarks/echo_bot.py), so both are held to the same cap, and the
question is whether celacbot keeps up with it as well as a bot that does nothing. Each run
starts a fresh server and the bot in a child process (benchmarks/bots.py); TARGET_QUESTIONS
users each send one of the evaluation banks' messages at once (benchmarks/questions.py); the
rate is answered messages per second from the first message sent to the last reply's arrival.
The bots take turns, TARGET_ROUNDS times, and the report gives medians. The bot's peak memory
is over its whole life, shutdown included.

The information runs have neither limiter nor latency: pure processing cost, with a third
bot, the "rich" echo bot, that sends a celacbot-shaped reply without looking for it, which
splits celacbot's cost into the reply's shape and the rest (search, question log, handlers).

    python -m benchmarks.telegram            # the target runs, then the information runs
    python -m benchmarks.telegram --quick    # fewer questions, one round each
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.bot_api import BenchBotAPI
from benchmarks.bots import (
    CELACBOT_MAIN,
    DEFAULT_CONCURRENCY,
    DEFAULT_RATE_LIMIT,
    ECHO_MAIN,
    RICH_ECHO_MAIN,
    bot_process,
    cpu_seconds,
)
from benchmarks.questions import mixed
from benchmarks.retrieval import no_gc
from benchmarks.targets import Target, peak_rss, printed

# At 30 replies a second, 10 s of steady pacing per run.
TARGET_QUESTIONS = 300
TARGET_ROUNDS = 2
API_LATENCY = 0.05
INFO_USERS = 1_000
INFO_ROUNDS = 2
INFO_LEVELS = (1, 8)
QUICK_QUESTIONS = 150
TARGET_RATIO = 0.95
TARGET_RSS_MB = 80.0
FIRST_USER_ID = 10_000
REPLY_TIMEOUT = 600.0

Bot = tuple[str, str]  # (name, code run in the child process)
ECHO: Bot = ("echo bot", ECHO_MAIN)
RICH_ECHO: Bot = ("rich echo bot", RICH_ECHO_MAIN)
CELACBOT: Bot = ("celacbot", CELACBOT_MAIN)


@dataclass(frozen=True, slots=True)
class Conditions:
    """What a run's bots and server are set to."""

    latency: float
    rate_limit: float
    concurrency: int

    def label(self) -> str:
        """The conditions in words."""
        limiter = f"limiter {self.rate_limit:g}/s" if self.rate_limit else "limiter off"
        return (
            f"{limiter}, {self.latency * 1000:g} ms Bot API round trip, "
            f"concurrent_updates={self.concurrency}"
        )


@dataclass(frozen=True, slots=True)
class Measurement:
    """One run's outcome (or the median of several runs of one bot)."""

    name: str
    questions: int
    answered: int
    seconds: float
    p50: float
    p99: float
    cpu_seconds: float | None
    peak_rss_mb: float | None
    busiest_second: int

    @classmethod
    def median(cls, runs: Sequence[Measurement]) -> Measurement:
        """One bot's runs summed up: medians, the fewest answers and the highest peaks."""
        cpu = [run.cpu_seconds for run in runs if run.cpu_seconds is not None]
        rss = [run.peak_rss_mb for run in runs if run.peak_rss_mb is not None]
        name = runs[0].name if len(runs) == 1 else f"{runs[0].name} (median of {len(runs)})"
        return cls(
            name,
            runs[0].questions,
            min(run.answered for run in runs),
            statistics.median(run.seconds for run in runs),
            statistics.median(run.p50 for run in runs),
            statistics.median(run.p99 for run in runs),
            statistics.median(cpu) if len(cpu) == len(runs) else None,
            max(rss) if len(rss) == len(runs) else None,
            max(run.busiest_second for run in runs),
        )

    @property
    def cpu_ms_per_question(self) -> float | None:
        """The bot process's CPU milliseconds per answered question."""
        return None if self.cpu_seconds is None else self.cpu_seconds / self.answered * 1000

    @property
    def rate(self) -> float:
        """Answered questions per second."""
        return self.answered / self.seconds

    def line(self) -> str:
        """A report line."""
        cpu = self.cpu_ms_per_question
        cpu_text = "" if cpu is None else f"  CPU {cpu:.2f} ms/q"
        rss = "" if self.peak_rss_mb is None else f"  peak RSS {self.peak_rss_mb:.1f} MB"
        return (
            f"  {self.name:<28} {self.answered:>5}/{self.questions} {self.rate:7.1f} q/s  "
            f"wait p50 {self.p50 * 1000:6.0f} ms p99 {self.p99 * 1000:6.0f} ms  "
            f"busiest second {self.busiest_second:>3} sends{cpu_text}{rss}"
        )


def busiest_second(arrivals: Sequence[float]) -> int:
    """The most calls that arrived within any one second (Telegram's flood control counts
    messages per second)."""
    ordered = sorted(arrivals)
    most, first = 0, 0
    for last, arrived in enumerate(ordered):
        while arrived - ordered[first] >= 1.0:
            first += 1
        most = max(most, last - first + 1)
    return most


async def measure(
    name: str, code: str, texts: Sequence[str], conditions: Conditions
) -> Measurement:
    """One message from each of len(texts) users, all at once, through a bot on a fresh server."""
    async with BenchBotAPI(latency=conditions.latency) as server:
        async with bot_process(
            code, server, rate_limit=conditions.rate_limit, concurrency=conditions.concurrency
        ) as bot:
            with no_gc():
                cpu_before = cpu_seconds(bot.pid)
                started = time.perf_counter()
                updates = [
                    server.send_message(text, user_id=FIRST_USER_ID + index)
                    for index, text in enumerate(texts)
                ]
                waits = await server.wait_for_replies(updates, timeout=REPLY_TIMEOUT)
                seconds = time.perf_counter() - started
                cpu_after = cpu_seconds(bot.pid)
        sends = [call.arrived for call in server.calls("sendMessage")]
    cut = statistics.quantiles(waits, n=100)
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return Measurement(
        name,
        len(texts),
        len(waits),
        seconds,
        cut[49],
        cut[98],
        cpu,
        bot.peak_rss_mb,
        busiest_second(sends),
    )


async def compare(
    bots: Sequence[Bot], texts: Sequence[str], conditions: Conditions, rounds: int
) -> list[Measurement]:
    """The bots taking turns `rounds` times, so that a moment of load on the shared machine
    falls on each alike: the median run of each."""
    runs: list[list[Measurement]] = [[] for _ in bots]
    for _ in range(rounds):
        for (name, code), bot_runs in zip(bots, runs, strict=True):
            bot_runs.append(await measure(name, code, texts, conditions))
    return [Measurement.median(bot_runs) for bot_runs in runs]


async def targets(questions: int, rounds: int) -> list[Target]:
    """The target runs: throughput against the echo bot, and the bot's peak memory."""
    conditions = Conditions(API_LATENCY, DEFAULT_RATE_LIMIT, DEFAULT_CONCURRENCY)
    print(
        f"as users live it: one message from each of {questions} users at once, "
        f"{conditions.label()}"
    )
    echo, bot = await compare([ECHO, CELACBOT], mixed(questions), conditions, rounds)
    print(echo.line())
    print(bot.line(), flush=True)
    found = [
        Target(
            "throughput, celacbot / echo bot (limiter on, 50 ms)",
            bot.rate / echo.rate,
            TARGET_RATIO,
            "x",
            at_most=False,
        ),
        *peak_rss("peak RSS of the running bot (throughput runs)", bot.peak_rss_mb, TARGET_RSS_MB),
    ]
    return printed(found)


async def information(users: int, levels: Sequence[int], rounds: int) -> None:
    """The runs without limiter or latency: what each reply costs the bot's process."""
    texts = mixed(users)
    print(f"\ninformation, not targets: one message from each of {users} users at once")
    for level in levels:
        conditions = Conditions(0.0, 0.0, level)
        print(f" {conditions.label()}")
        echo, rich, bot = await compare([ECHO, RICH_ECHO, CELACBOT], texts, conditions, rounds)
        for measurement in (echo, rich, bot):
            print(measurement.line())
        line = f"  -> celacbot/echo: {bot.rate / echo.rate:.2f}x the rate"
        if echo.cpu_ms_per_question is not None and bot.cpu_ms_per_question is not None:
            line += (
                f", {bot.cpu_ms_per_question - echo.cpu_ms_per_question:+.2f} ms CPU per question"
            )
        print(line)
        print(
            f"  -> celacbot/rich echo: {bot.rate / rich.rate:.2f}x the rate (the cost of finding "
            f"the answer); rich echo/echo: {rich.rate / echo.rate:.2f}x (the cost of the reply's "
            "shape)",
            flush=True,
        )


async def report(
    questions: int, rounds: int, info_users: int, info_levels: Sequence[int]
) -> list[Target]:
    """Print the target runs, then the information runs; the targets."""
    found = await targets(questions, rounds)
    if info_users:
        await information(info_users, info_levels, rounds)
    return found


def run() -> list[Target]:
    """Print the Telegram report (benchmarks/__main__.py); the targets it measured."""
    return asyncio.run(report(TARGET_QUESTIONS, TARGET_ROUNDS, INFO_USERS, INFO_LEVELS))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; exit status 1 when a target is missed."""
    parser = argparse.ArgumentParser(description="celacbot against a bare PTB echo bot.")
    parser.add_argument("--quick", action="store_true", help="fewer questions, one round")
    parser.add_argument(
        "--no-info", action="store_true", help="only the target runs (limiter on, latency)"
    )
    args = parser.parse_args(argv)
    questions, rounds = (QUICK_QUESTIONS, 1) if args.quick else (TARGET_QUESTIONS, TARGET_ROUNDS)
    info_users = 0 if args.no_info else QUICK_QUESTIONS if args.quick else INFO_USERS
    found = asyncio.run(report(questions, rounds, info_users, INFO_LEVELS))
    return 0 if all(target.met for target in found) else 1


if __name__ == "__main__":
    sys.exit(main())
