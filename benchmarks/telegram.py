"""Telegram throughput: celacbot against a bare PTB echo bot on the same fake Bot API server.

Each scenario starts a fresh BenchBotAPI (benchmarks/bot_api.py) in this process and the bot
in a child process (`celacbot run` itself, or benchmarks/echo_bot.py), so that the server and
the bot do not share one core. A third bot, the "rich" echo bot, sends a celacbot-shaped
reply without looking for it, which splits celacbot's cost into the reply's shape and the
rest (search, question log, handlers). One question per user is queued at once; the scenario
measures answered questions per second (queueing to the last reply), the p50/p99 of reply
latency (delivery in getUpdates to the reply's sendMessage; celacbot fetches updates only as
fast as it answers them, so its backlog waits at the server, outside that latency) and the
bot process's CPU time per question. On a shared 2-core machine one run of a bot varies by
30 %, so the scenarios without API latency run ROUNDS times, the bots taking turns, and the
report gives medians. "API latency" scenarios delay every sendMessage by the server, as the
real Bot API's round trip does; they are latency-bound, so one round of fewer users shows
their rate.

    python -m benchmarks.telegram            # 2,000 users, then the rate limiter
    python -m benchmarks.telegram --quick    # 300 users, one round
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bot_api import BenchBotAPI
from benchmarks.retrieval import no_gc
from celacbot.config import Settings
from celacbot.knowledge.loader import load_knowledge_base

# The checkout: benchmarks/ is in it.
ROOT = Path(__file__).resolve().parents[1]
USERS = 2_000
QUICK_USERS = 300
LATENCY_USERS = 500
ROUNDS = 3
CONCURRENCY_LEVELS = (1, 8)
API_LATENCY = 0.05
LIMITED_MESSAGES = 150
LIMITED_RATE = 30
TARGET_RATIO = 0.9
TARGET_RSS_MB = 80.0
FIRST_USER_ID = 10_000
REPLY_TIMEOUT = 600.0
# Questions a user could not have copied from the knowledge base, so that suggestions,
# declines and small talk are part of the load too.
OFF_SCRIPT = [
    "brazil",
    "What is the capital of France?",
    "hello",
    "thanks!",
    "satelites china argentina",
    "who wrote this",
    "what about the digital economy?",
    "BYD",
]
CELACBOT_MAIN = (
    "import argparse, sys; from celacbot.commands import run; "
    "sys.exit(run.run(argparse.Namespace()))"
)
ECHO_MAIN = "from benchmarks.echo_bot import main; main([])"
RICH_ECHO_MAIN = "from benchmarks.echo_bot import main; main(['--rich'])"


@dataclass(frozen=True, slots=True)
class Measurement:
    """One scenario's outcome."""

    name: str
    questions: int
    answered: int
    seconds: float
    p50: float
    p99: float
    cpu_seconds: float | None
    peak_rss_mb: float | None

    @classmethod
    def median(cls, runs: Sequence[Measurement]) -> Measurement:
        """One scenario's runs summed up: medians, the fewest answers and the highest peak."""
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
        rss = "" if self.peak_rss_mb is None else f"  peak RSS {self.peak_rss_mb:.0f} MB"
        return (
            f"  {self.name:<50} {self.answered:>5}/{self.questions}  {self.rate:7.1f} q/s  "
            f"p50 {self.p50 * 1000:6.0f} ms  p99 {self.p99 * 1000:6.0f} ms{cpu_text}{rss}"
        )


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process so far (Linux), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float | None:
    """The peak resident set size of a process so far (Linux VmHWM), in MB, else None."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kilobytes = next(
        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), None
    )
    return None if kilobytes is None else kilobytes / 1024


def questions(count: int) -> list[str]:
    """Every phrasing in the knowledge base plus off-script questions, cycled to `count`."""
    kb = load_knowledge_base(Settings(_env_file=None).knowledge)
    pool = [question for entry in kb.entries for question in entry.questions] + OFF_SCRIPT
    return list(itertools.islice(itertools.cycle(pool), count))


def bot_environment(server: BenchBotAPI | None, data_dir: str, **settings: str) -> dict[str, str]:
    """This process's environment for a celacbot command, on `server` if given: none of the
    developer's own bot settings, the benchmark's instead. (The command must also run
    outside the checkout, away from its .env.)"""
    kept = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("TELEGRAM_", "CELACBOT_"))
    }
    bench = {
        # The bots run outside the checkout, yet import benchmarks/ from it.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "CELACBOT_LOG_LEVEL": "WARNING",
        "CELACBOT_POLL_TIMEOUT": "1",
        # The benchmark's thousands of questions must never land in the log of a bot run
        # from the same checkout.
        "CELACBOT_DATA_DIR": data_dir,
    }
    if server is not None:
        bench |= {"TELEGRAM_BOT_TOKEN": server.token, "TELEGRAM_API_BASE_URL": server.base_url}
    return kept | bench | settings


@asynccontextmanager
async def bot_process(
    code: str, server: BenchBotAPI, *, concurrency: int, rate_limit: int = 0
) -> AsyncIterator[int]:
    """A bot polling `server` from a child process, stopped with SIGTERM afterwards."""
    with tempfile.TemporaryDirectory(prefix="celacbot-bench-") as data_dir:
        env = bot_environment(
            server,
            data_dir,
            CELACBOT_CONCURRENT_UPDATES=str(concurrency),
            CELACBOT_RATE_LIMIT=str(rate_limit),
        )
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            code,
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            # Away from the checkout's .env, which the settings would read.
            cwd=data_dir,
        )
        try:
            await server.first_call("getUpdates")
            yield process.pid
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), timeout=30)
            except TimeoutError:
                process.kill()
                await process.wait()


def _queue(server: BenchBotAPI, texts: Sequence[str]) -> list[dict[str, object]]:
    return [
        server.send_message(text, user_id=FIRST_USER_ID + index) for index, text in enumerate(texts)
    ]


async def measure(
    name: str, code: str, texts: Sequence[str], *, concurrency: int, latency: float = 0.0
) -> Measurement:
    """Push one question per user through a bot on a fresh server."""
    async with (
        BenchBotAPI(send_latency=latency) as server,
        bot_process(code, server, concurrency=concurrency) as pid,
    ):
        with no_gc():
            cpu_before = cpu_seconds(pid)
            started = time.perf_counter()
            latencies = await server.wait_for_replies(_queue(server, texts), timeout=REPLY_TIMEOUT)
            seconds = time.perf_counter() - started
            cpu_after = cpu_seconds(pid)
        rss = peak_rss_mb(pid)
    cut = statistics.quantiles(latencies, n=100)
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return Measurement(name, len(texts), len(latencies), seconds, cut[49], cut[98], cpu, rss)


@dataclass(frozen=True, slots=True)
class LimiterCheck:
    """What the rate-limited run delivered."""

    sent: int
    expected: int
    rate: float
    flood_errors: int

    @property
    def met(self) -> bool:
        """Nothing lost, no flood error and the rate within 10% of the cap."""
        return (
            self.sent == self.expected
            and self.flood_errors == 0
            and self.rate <= LIMITED_RATE * 1.1
        )

    def line(self) -> str:
        """A report line."""
        return (
            f"  rate limiter at {LIMITED_RATE}/s against Telegram's flood control: "
            f"{self.sent}/{self.expected} replies delivered at {self.rate:.1f} sendMessage/s, "
            f"{self.flood_errors} answered 429"
        )


async def rate_limited(texts: Sequence[str]) -> LimiterCheck:
    """With the limiter on, every reply arrives, at the cap, and flood control never trips."""
    async with (
        BenchBotAPI(flood_limit=LIMITED_RATE) as server,
        bot_process(CELACBOT_MAIN, server, concurrency=8, rate_limit=LIMITED_RATE),
    ):
        with no_gc():
            await server.wait_for_replies(_queue(server, texts), timeout=REPLY_TIMEOUT)
        calls = server.calls("sendMessage")
    sent = sorted(call.arrived for call in calls if call.status == 200)
    flood_errors = sum(call.status == 429 for call in calls)
    return LimiterCheck(len(sent), len(texts), (len(sent) - 1) / (sent[-1] - sent[0]), flood_errors)


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def _comparison(echo: Measurement, bot: Measurement) -> tuple[str, bool]:
    """The comparison line, and whether celacbot kept up with the echo bot."""
    ratio = bot.rate / echo.rate
    rate_met = ratio >= TARGET_RATIO
    line = (
        f"  -> celacbot/echo: {ratio:.2f}x the rate (target >= {TARGET_RATIO}x: "
        f"{_verdict(rate_met)}), {bot.p99 / echo.p99:.2f}x the p99"
    )
    # What each reply costs the bot beyond the echo bot's (request_paths.py checks latency).
    if echo.cpu_ms_per_question is not None and bot.cpu_ms_per_question is not None:
        line += f", {bot.cpu_ms_per_question - echo.cpu_ms_per_question:+.2f} ms CPU per question"
    return line, rate_met


async def compare(
    bots: Sequence[tuple[str, str]],
    label: str,
    texts: Sequence[str],
    *,
    concurrency: int,
    latency: float,
    rounds: int,
) -> list[Measurement]:
    """The (name, code) bots taking turns `rounds` times: the median run of each."""
    runs: list[list[Measurement]] = [[] for _ in bots]
    for _ in range(rounds):
        for (name, code), bot_runs in zip(bots, runs, strict=True):
            bot_runs.append(
                await measure(
                    f"{name}, {label}", code, texts, concurrency=concurrency, latency=latency
                )
            )
    return [Measurement.median(bot_runs) for bot_runs in runs]


async def report(users: int, levels: Sequence[int], rounds: int) -> bool:
    """Print every scenario; True when celacbot keeps up with the echo bot and the limiter holds."""
    texts = questions(users)
    latency_users = min(users, LATENCY_USERS)
    print(
        f"one question from each of {users} users ({latency_users} with API latency), "
        "CELACBOT_RATE_LIMIT=0"
    )
    met = True
    peak_rss = 0.0
    echo, rich_echo, celacbot = (
        ("echo bot", ECHO_MAIN),
        ("rich echo bot", RICH_ECHO_MAIN),
        ("celacbot", CELACBOT_MAIN),
    )
    for latency, count, scenario_rounds in ((0.0, users, rounds), (API_LATENCY, latency_users, 1)):
        for level in levels:
            label = f"concurrent_updates={level}"
            if latency:
                label += f", {latency * 1000:.0f} ms API latency"
            # The rich echo bot tells the reply's shape from retrieval; latency hides both.
            bots = [echo, celacbot] if latency else [echo, rich_echo, celacbot]
            *baselines, bot = await compare(
                bots,
                label,
                texts[:count],
                concurrency=level,
                latency=latency,
                rounds=scenario_rounds,
            )
            for measurement in (*baselines, bot):
                print(measurement.line())
            # Without API latency this compares pure processing cost, the target;
            # with it, the throughput users would see.
            line, kept_up = _comparison(baselines[0], bot)
            print(line, flush=True)
            if len(baselines) > 1:
                print(
                    f"  -> celacbot/rich echo: {bot.rate / baselines[1].rate:.2f}x the rate "
                    f"(the cost of finding the answer); rich echo/echo: "
                    f"{baselines[1].rate / baselines[0].rate:.2f}x (the cost of the reply's shape)"
                )
            met = met and kept_up
            peak_rss = max(peak_rss, bot.peak_rss_mb or 0.0)
    rss_met = peak_rss <= TARGET_RSS_MB
    print(
        f"  celacbot peak RSS over every scenario: {peak_rss:.0f} MB "
        f"(target <= {TARGET_RSS_MB:g} MB: {_verdict(rss_met)})"
    )
    limiter = await rate_limited(texts[:LIMITED_MESSAGES])
    print(limiter.line())
    return met and rss_met and limiter.met


def run(
    users: int = USERS, levels: Sequence[int] = CONCURRENCY_LEVELS, rounds: int = ROUNDS
) -> bool:
    """Print the Telegram report (benchmarks/__main__.py); True when every target is met."""
    return asyncio.run(report(users, levels, rounds))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; exit status 1 when a target is missed."""
    parser = argparse.ArgumentParser(description="celacbot against a bare PTB echo bot.")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_USERS} users, one round")
    parser.add_argument(
        "--rounds", type=int, default=ROUNDS, help="runs of each bot to take the median of"
    )
    parser.add_argument(
        "--concurrency", type=int, nargs="+", default=list(CONCURRENCY_LEVELS), metavar="N"
    )
    args = parser.parse_args(argv)
    if args.quick:
        return 0 if run(QUICK_USERS, args.concurrency, rounds=1) else 1
    return 0 if run(USERS, args.concurrency, args.rounds) else 1


if __name__ == "__main__":
    sys.exit(main())
