"""`make chaos`: kill `celacbot run` while questions keep coming; count what was lost and what
was answered twice.

For each mode (long polling, then a webhook) one data directory serves these runs of the bot:
three SIGKILLs at random moments (0.3-5 s after the bot was spawned, so some land in its
start-up); SIGTERM twice 1 s apart, and SIGTERM then SIGKILL 3 s later (in the middle of the
stop), each 2 s after the bot asked for updates; and a last run that answers what is left and
stops on SIGTERM. Questions arrive all the while, 45 a second by default (above the 30 a
second the bot may send, so that it always holds a full queue), each from a new user: every
reply in a user's chat answers that user's one question. The fake Bot API of the tests plays
Telegram.

Printed per mode: every run of the bot with how it ended, the replies it sent, its exit
status and the questions it answered that a later run answered again ("twice"); then updates
sent, answered, lost and answered twice, and SQLite's integrity_check of the question log and
the journal. Targets: nothing lost; at most CELACBOT_CONCURRENT_UPDATES answered twice per
kill; integrity ok; a clean stop exits 0. The exit status is 1 when a target is missed.

    python -m tests.chaos [--rate 45] [--seed N] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.bot.knowledge import write_knowledge
from tests.bot.processes import clean_environment
from tests.fakes.bot_api import JSON, TEST_TOKEN, FakeBotAPI, free_port

CONCURRENCY = 8
FIRST_USER = 1_000_000
RANDOM_KILLS = 3
SERVE_SECONDS = 2.0
START_TIMEOUT = 60.0


@dataclass
class Kill:
    """One way the bot was stopped, and what came of it."""

    name: str
    at: float  # seconds after the spawn, of the first signal
    status: int | None = None  # the exit status
    spawned: float = 0.0  # time.perf_counter() of the spawn
    ended: float = 0.0  # time.perf_counter() when the process had exited
    replies: int = 0  # messages this run of the bot sent
    twice: int = 0  # questions first answered in this run and answered again later


@dataclass
class Mode:
    """A run of the chaos in one mode."""

    name: str
    kills: list[Kill] = field(default_factory=list)
    sent: int = 0
    answered: int = 0
    lost: int = 0
    twice: int = 0
    integrity: dict[str, str] = field(default_factory=dict)
    unanswered_in_journal: int = 0

    def misses(self) -> list[str]:
        """The targets this mode missed."""
        missed = []
        if self.lost:
            missed.append(f"{self.name}: {self.lost} lost")
        missed += [
            f"{self.name}: {kill.name} answered {kill.twice} twice (> {CONCURRENCY})"
            for kill in self.kills
            if kill.twice > CONCURRENCY
        ]
        missed += [
            f"{self.name}: {kill.name} exited {kill.status}"
            for kill in self.kills
            if kill.name.startswith(("SIGTERM twice", "last run")) and kill.status != 0
        ]
        missed += [f"{self.name}: {name} {result}" for name, result in self.integrity.items()]
        missed = [line for line in missed if not line.endswith(" ok")]
        if self.unanswered_in_journal:
            missed.append(f"{self.name}: {self.unanswered_in_journal} left in the journal")
        return missed


class Stream:
    """A steady stream of questions, each from a new user."""

    def __init__(self, server: FakeBotAPI, rate: float) -> None:
        self.server = server
        self.rate = rate
        self.questions: list[JSON] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start asking."""
        self._task = asyncio.create_task(self._ask())

    async def stop(self) -> None:
        """Stop asking."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _ask(self) -> None:
        loop = asyncio.get_running_loop()
        due = loop.time()
        while True:
            user = FIRST_USER + len(self.questions)
            self.questions.append(self.server.send_message("What is CBERS?", user_id=user))
            due += 1 / self.rate
            await asyncio.sleep(max(0.0, due - loop.time()))


class Bot:
    """`celacbot run` in a child process, its log in a file."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = env
        self.log = log
        self.process: asyncio.subprocess.Process | None = None
        self.spawned = 0.0

    async def spawn(self) -> asyncio.subprocess.Process:
        """Start the bot."""
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "celacbot.cli",
                "run",
                env=self.env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=log,
                # Not the caller's directory: the bot would read a .env there.
                cwd=self.log.parent,
            )
        self.spawned = time.perf_counter()
        return self.process

    async def ended(self, kill: Kill, timeout: float = 60.0) -> None:  # noqa: ASYNC109 - a bound for a stuck bot
        """Wait for the exit; note its status and time."""
        assert self.process is not None
        try:
            async with asyncio.timeout(timeout):
                kill.status = await self.process.wait()
        except TimeoutError:
            self.process.kill()
            kill.status = await self.process.wait()
            kill.name += " (hung: killed)"
        kill.spawned, kill.ended = self.spawned, time.perf_counter()


def environment(server: FakeBotAPI, knowledge: Path, data: Path, mode: str) -> dict[str, str]:
    """The bot's settings for a mode."""
    env = clean_environment(
        TELEGRAM_BOT_TOKEN=TEST_TOKEN,
        TELEGRAM_API_BASE_URL=server.base_url,
        CELACBOT_KNOWLEDGE=str(knowledge),
        CELACBOT_DATA_DIR=str(data),
        CELACBOT_CONCURRENT_UPDATES=str(CONCURRENCY),
        CELACBOT_POLL_TIMEOUT="1",
        CELACBOT_LOG_LEVEL="INFO",
    )
    if mode == "webhook":
        port = free_port()
        env |= {"CELACBOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/hook", "CELACBOT_PORT": str(port)}
    return env


async def kill_runs(bot: Bot, server: FakeBotAPI, mode: str, rng: random.Random) -> list[Kill]:
    """The kill patterns, one run of the bot each."""
    kills = []
    for number in range(RANDOM_KILLS):
        process = await bot.spawn()
        kill = Kill(f"SIGKILL at random #{number + 1}", rng.uniform(0.3, 5.0))
        await asyncio.sleep(kill.at)
        process.kill()
        await bot.ended(kill)
        kills.append(kill)
    for name, second_signal, gap in (
        ("SIGTERM twice, 1 s apart", signal.SIGTERM, 1.0),
        ("SIGKILL 3 s after SIGTERM", signal.SIGKILL, 3.0),
    ):
        mark = server.mark()
        process = await bot.spawn()
        # These stop a bot that serves: the first signal 2 s after it asked for updates.
        method = "setWebhook" if mode == "webhook" else "getUpdates"
        await server.wait_for_request(method, after=mark, timeout=START_TIMEOUT)
        await asyncio.sleep(SERVE_SECONDS)
        kill = Kill(name, time.perf_counter() - bot.spawned)
        process.send_signal(signal.SIGTERM)
        await asyncio.sleep(gap)
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(second_signal)
        await bot.ended(kill)
        kills.append(kill)
    return kills


def replies(server: FakeBotAPI) -> dict[int, list[float]]:
    """The times of the bot's messages in each chat."""
    times: dict[int, list[float]] = {}
    for record in server.requests("sendMessage"):
        if record.status == 200:
            times.setdefault(record.result["chat"]["id"], []).append(record.time)
    return times


def integrity(path: Path) -> str:
    """SQLite's integrity_check of a file ("missing" if there is none)."""
    if not path.exists():
        return "missing"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return ", ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))


def unanswered(journal: Path) -> int:
    """Updates the journal still holds unanswered."""
    if not journal.exists():
        return 0
    with contextlib.closing(sqlite3.connect(journal)) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM updates WHERE body IS NOT NULL"
        ).fetchone()
    return int(count)


async def chaos(mode_name: str, rate: float, rng: random.Random, work: Path) -> Mode:
    """One mode's kills, last run and counts."""
    mode = Mode(mode_name)
    async with FakeBotAPI() as server:
        (work / mode_name).mkdir()
        knowledge = write_knowledge(work / mode_name)
        data = work / mode_name / "data"
        bot = Bot(environment(server, knowledge, data, mode_name), work / f"{mode_name}.log")
        stream = Stream(server, rate)
        stream.start()
        mode.kills = await kill_runs(bot, server, mode_name, rng)
        await stream.stop()
        last = Kill("last run, SIGTERM once all is answered", 0.0)
        process = await bot.spawn()
        backlog = len(stream.questions)
        with contextlib.suppress(TimeoutError):
            await server.wait_for_replies(stream.questions, timeout=START_TIMEOUT + backlog / 20)
        last.at = time.perf_counter() - bot.spawned
        process.send_signal(signal.SIGTERM)
        await bot.ended(last)
        mode.kills.append(last)
        count(mode, stream.questions, replies(server))
    mode.integrity = {
        "question log": integrity(data / "celacbot.sqlite3"),
        "journal": integrity(data / "updates.sqlite3"),
    }
    mode.unanswered_in_journal = unanswered(data / "updates.sqlite3")
    return mode


def count(mode: Mode, questions: list[JSON], times: dict[int, list[float]]) -> None:
    """Sent, answered, lost and answered twice, the latter per kill (the run that answered
    the question first)."""
    mode.sent = len(questions)
    for kill in mode.kills:
        kill.replies = sum(
            kill.spawned <= at <= kill.ended for answers in times.values() for at in answers
        )
    for question in questions:
        answers = times.get(question["message"]["chat"]["id"], [])
        mode.answered += bool(answers)
        mode.lost += not answers
        if len(answers) > 1:
            mode.twice += 1
            first = min(answers)
            kill = next((kill for kill in mode.kills if first <= kill.ended), mode.kills[-1])
            kill.twice += 1


def report(mode: Mode) -> Iterator[str]:
    """The lines printed for a mode."""
    yield f"{mode.name}"
    yield f"  {'run ended by':<40} {'signal at':>9} {'replies':>8} {'exit':>5} {'twice':>6}"
    for kill in mode.kills:
        yield (
            f"  {kill.name:<40} {kill.at:>7.1f} s {kill.replies:>8} {kill.status!s:>5}"
            f" {kill.twice:>6}"
        )
    yield (
        f"  sent {mode.sent}, answered {mode.answered}, lost {mode.lost}, answered twice "
        f"{mode.twice} (target: 0 lost, at most {CONCURRENCY} twice per kill)"
    )
    checks = ", ".join(f"{name} {result}" for name, result in mode.integrity.items())
    left = mode.unanswered_in_journal
    yield f"  SQLite integrity_check: {checks}; the journal holds {left} unanswered"


async def main(arguments: argparse.Namespace) -> int:
    """Run both modes; 0 when every target is met."""
    seed = arguments.seed if arguments.seed is not None else random.randrange(10**6)
    rng = random.Random(seed)
    print(
        f"celacbot chaos: {arguments.rate:g} questions/s, CELACBOT_CONCURRENT_UPDATES="
        f"{CONCURRENCY}, seed {seed}",
        flush=True,
    )
    work = Path(tempfile.mkdtemp(prefix="celacbot-chaos-"))
    missed = []
    for mode_name in ("polling", "webhook"):
        mode = await chaos(mode_name, arguments.rate, rng, work)
        for line in report(mode):
            print(line, flush=True)
        missed += mode.misses()
    if arguments.keep:
        print(f"bot logs and data in {work}")
    else:
        shutil.rmtree(work)
    if missed:
        print("targets missed: " + "; ".join(missed))
        return 1
    print("every target met")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m tests.chaos", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--rate", type=float, default=45.0, help="questions a second (45)")
    parser.add_argument("--seed", type=int, help="for the random kill moments")
    parser.add_argument("--keep", action="store_true", help="keep the bot logs and data")
    sys.exit(asyncio.run(main(parser.parse_args())))
