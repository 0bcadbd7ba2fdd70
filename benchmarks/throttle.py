"""Per-user flood control with many users: work per update must not grow with users tracked.

With a low CELACBOT_USER_RATE no bucket refills while a crowd writes, so every user who wrote
stays tracked until the cap. Two measurements, each in windows of WINDOW new users:
  * UserThrottle.take alone, one call per new user (the throttle's own cost);
  * `celacbot run` in a child process on the benchmark Bot API, one question from each new
    user (the throughput users see), questions queued a window at a time.
The target: the last window (past the cap) keeps at least TARGET_RATIO of the first one's rate.

    python -m benchmarks.throttle            # 20,000 users
    python -m benchmarks.throttle --quick    # 4,000 users, the throttle alone
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Sequence

from benchmarks.bot_api import BenchBotAPI
from benchmarks.bots import CELACBOT_MAIN, bot_process
from benchmarks.retrieval import no_gc
from benchmarks.targets import Target
from celacbot.bot.throttle import MAX_TRACKED_USERS, UserThrottle

USERS = 20_000
QUICK_USERS = 4_000
WINDOW = 2_000
# One message's allowance back every 1,000 s: no bucket refills during a run.
LOW_RATE = 0.001
TARGET_RATIO = 0.8
ROUNDS = 3
REPLY_TIMEOUT = 600.0
FIRST_USER_ID = 1_000_000
# Small talk: the cheapest reply, so that the throttle's share of each update shows.
QUESTION = "hello"


def throttle_rates(users: int) -> list[float]:
    """take() calls per second in each window of WINDOW new users, the best of ROUNDS runs
    (other processes on a shared machine only ever slow a window down)."""
    runs = []
    for _ in range(ROUNDS):
        throttle = UserThrottle(burst=5, rate=LOW_RATE)
        rates = []
        with no_gc():
            for start in range(0, users, WINDOW):
                began = time.perf_counter()
                for user_id in range(start, start + WINDOW):
                    throttle.take(user_id)
                rates.append(WINDOW / (time.perf_counter() - began))
        runs.append(rates)
    return [max(window) for window in zip(*runs, strict=True)]


async def bot_rates(users: int) -> list[float]:
    """Answered questions per second in each window of WINDOW new users."""
    rates = []
    async with (
        BenchBotAPI() as server,
        # Flood control that never refills: every new user is tracked until the cap.
        bot_process(
            CELACBOT_MAIN, server, rate_limit=0, concurrency=8, CELACBOT_USER_RATE=str(LOW_RATE)
        ),
    ):
        for start in range(0, users, WINDOW):
            with no_gc():
                began = time.perf_counter()
                updates = [
                    server.send_message(QUESTION, user_id=FIRST_USER_ID + user)
                    for user in range(start, start + WINDOW)
                ]
                await server.wait_for_replies(updates, timeout=REPLY_TIMEOUT)
                rates.append(WINDOW / (time.perf_counter() - began))
    return rates


def _report(label: str, unit: str, rates: Sequence[float]) -> Target:
    """Print one measurement's windows; the target that the last keeps up with the first."""
    print(f"  {label}, {unit} per window of {WINDOW} new users:")
    for index, rate in enumerate(rates):
        tracked = (index + 1) * WINDOW
        print(f"    users {index * WINDOW + 1:>6}-{tracked:<6} {rate:12,.0f}")
    ratio = rates[-1] / rates[0]
    target = Target(
        f"flood control, {label}: last / first window", ratio, TARGET_RATIO, "x", at_most=False
    )
    print(
        f"  -> last/first window: {ratio:.2f}x (target >= {TARGET_RATIO}x: "
        f"{'met' if target.met else 'MISSED'})"
    )
    return target


def run(users: int = USERS, *, with_bot: bool = True) -> list[Target]:
    """Print the report (benchmarks/__main__.py); the targets it measured."""
    print(f"{users} users writing once each, cap {MAX_TRACKED_USERS} tracked users")
    found = [_report("UserThrottle.take", "calls/s", throttle_rates(users))]
    if with_bot:
        found.append(_report("celacbot run", "answered/s", asyncio.run(bot_rates(users))))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; exit status 1 when a target is missed."""
    parser = argparse.ArgumentParser(description="Flood control with many tracked users.")
    parser.add_argument(
        "--quick", action="store_true", help=f"{QUICK_USERS} users, the throttle alone"
    )
    args = parser.parse_args(argv)
    found = run(QUICK_USERS, with_bot=False) if args.quick else run()
    return 0 if all(target.met for target in found) else 1


if __name__ == "__main__":
    sys.exit(main())
