"""Request paths: how much each kind of request adds to a reply's latency, one at a time.

Issue 6's target: no request path slower than the bare PTB echo bot's by more than 1 ms at
p99. Requests go one at a time (the next only after the reply), so each latency is the
bot's own work plus one round trip, with no queueing behind other users. Both bots run at
once, each on a fake Bot API of its own, and take turns: echo bot, celacbot, echo bot...,
so that a moment of load on the shared machine falls on both alike. Every request
comes from a new user, as in the throughput runs, so that flood control never steps in.
Latency runs from the update's delivery in getUpdates to the reply's arrival at the fake
Bot API.

    python -m benchmarks.request_paths [--requests N]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from benchmarks.bot_api import JSON, BenchBotAPI
from benchmarks.retrieval import no_gc
from benchmarks.telegram import CELACBOT_MAIN, ECHO_MAIN, bot_process, questions
from celacbot.config import Settings
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.retrieval.answer import Decision
from celacbot.retrieval.retriever import Retriever

REQUESTS = 1_500
WARM_UP = 20
# How long a bot must have been quiet before the next request is timed.
SETTLE_SECONDS = 0.005
TARGET_EXTRA_P99_MS = 1.0
FIRST_USER_ID = 50_000
OFF_TOPIC = [
    "What is the capital of France?",
    "how tall is mount everest",
    "recipe for chocolate cake",
    "who won the 1998 world cup",
]
SMALL_TALK = ["hello", "thanks!", "good morning", "thank you very much"]
# Keywords the knowledge base answers in several places: "did you mean" buttons.
AMBIGUOUS = ["investment", "funds", "money", "latin america", "vehicles"]

# One request of a path, from the given user; returns the reply latency in seconds.
Request = Callable[[BenchBotAPI, int], Awaitable[float]]


@dataclass(frozen=True, slots=True)
class PathLatency:
    """Reply latencies of one request path."""

    name: str
    seconds: list[float]

    def quantile(self, percent: int) -> float:
        """The latency below which `percent` % of the requests were answered, in ms."""
        return statistics.quantiles(self.seconds, n=100)[percent - 1] * 1000

    def line(self, baseline: PathLatency | None = None) -> str:
        """A report line, with the difference to the baseline's p99 if given."""
        text = f"  {self.name:<40} p50 {self.quantile(50):6.2f} ms  p99 {self.quantile(99):6.2f} ms"
        if baseline is not None:
            extra = self.quantile(99) - baseline.quantile(99)
            text += (
                f"  ({extra:+.2f} ms at p99, target <= {TARGET_EXTRA_P99_MS:g} ms: "
                f"{'met' if extra <= TARGET_EXTRA_P99_MS else 'MISSED'})"
            )
        return text


def update_path(texts: Sequence[str], *, inline: bool = False) -> Request:
    """A private message, or with `inline` an inline query (@bot ...), with one of `texts` in
    turn."""
    cycle = itertools.cycle(texts)

    async def request(server: BenchBotAPI, user_id: int) -> float:
        send = server.inline_query if inline else server.send_message
        update = send(next(cycle), user_id=user_id)
        return (await server.wait_for_replies([update]))[0]

    return request


def _source_button(message: JSON) -> str | None:
    """The callback data of a message's "Source" button, if it has one."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return next(
        (
            button["callback_data"]
            for row in rows
            for button in row
            if button.get("callback_data", "").startswith("s:")
        ),
        None,
    )


def source_button_path(texts: Sequence[str]) -> Request:
    """The "Source" button under an answer to one of `texts` (only the press is timed;
    questions whose reply has no such button, a suggestion or small talk, are skipped)."""
    cycle = itertools.cycle(texts)

    async def request(server: BenchBotAPI, user_id: int) -> float:
        for _ in range(len(texts)):
            answer = await server.wait_for_reply(server.send_message(next(cycle), user_id=user_id))
            source = _source_button(answer)
            if source is not None:
                # The answer arrived while the bot was still finishing it (reading Telegram's
                # response, the question log): a press at once would time that work too.
                await server.wait_quiet(SETTLE_SECONDS)
                return (await server.wait_for_replies([server.press_button(answer, source)]))[0]
        raise ValueError("no question in the list gets an answer with a Source button")

    return request


async def measure_paths(
    paths: Sequence[tuple[str, Request]], requests: int
) -> list[tuple[PathLatency, PathLatency]]:
    """Each path against celacbot, paired with as many echo bot messages in turn (each bot on
    a server of its own), so that both see the same moments of the machine's load."""
    users = itertools.count(FIRST_USER_ID)
    echo_request = update_path(questions(requests))
    results = []
    async with (
        BenchBotAPI() as echo_server,
        BenchBotAPI() as bot_server,
        bot_process(ECHO_MAIN, echo_server, concurrency=1),
        bot_process(CELACBOT_MAIN, bot_server, concurrency=1),
    ):
        for name, request in paths:
            echo_seconds, bot_seconds = [], []
            with no_gc():
                for _ in range(WARM_UP + requests):
                    echo_seconds.append(await echo_request(echo_server, next(users)))
                    # What a bot does after its reply (reading Telegram's response, stopping
                    # a button's spinner) must not land on the other bot's timed request.
                    await echo_server.wait_quiet(SETTLE_SECONDS)
                    bot_seconds.append(await request(bot_server, next(users)))
                    await bot_server.wait_quiet(SETTLE_SECONDS)
            results.append(
                (
                    PathLatency("echo bot, message", echo_seconds[WARM_UP:]),
                    PathLatency(name, bot_seconds[WARM_UP:]),
                )
            )
    return results


def check_paths(expected: Sequence[tuple[Sequence[str], Decision]]) -> None:
    """Raise ValueError when a path's texts no longer get the decision it is named after (an
    edit of faq.yaml can turn "did you mean" into an answer)."""
    settings = Settings(_env_file=None)
    retriever = Retriever(load_knowledge_base(settings.knowledge), settings.retrieval)
    strays = [
        f"{text!r} gets {decided}, not {decision}"
        for texts, decision in expected
        for text in texts
        if (decided := retriever.answer(text).decision) is not decision
    ]
    if strays:
        raise ValueError("request paths measure the wrong thing: " + "; ".join(strays))


async def report(requests: int) -> bool:
    """Print every path's latency next to the echo bot's; True when each is within target."""
    check_paths(
        [
            (AMBIGUOUS, Decision.SUGGEST),
            (OFF_TOPIC, Decision.DECLINE),
            (SMALL_TALK, Decision.SMALLTALK),
        ]
    )
    asked = questions(requests)
    pairs = await measure_paths(
        [
            ("celacbot, question answered", update_path(asked)),
            ("celacbot, did you mean", update_path(AMBIGUOUS)),
            ("celacbot, question declined", update_path(OFF_TOPIC)),
            ("celacbot, small talk", update_path(SMALL_TALK)),
            ("celacbot, Source button", source_button_path(asked)),
            ("celacbot, inline query", update_path(asked, inline=True)),
        ],
        requests,
    )
    print(
        f"one request at a time, {requests} per path after {WARM_UP} to warm up, "
        "each paired with an echo bot message:"
    )
    for echo, path in pairs:
        print(echo.line())
        print(path.line(echo))
    return all(path.quantile(99) - echo.quantile(99) <= TARGET_EXTRA_P99_MS for echo, path in pairs)


def run(requests: int = REQUESTS) -> bool:
    """Print the report (benchmarks/__main__.py); True when every path meets the target."""
    return asyncio.run(report(requests))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; exit status 1 when a path misses the target."""
    parser = argparse.ArgumentParser(description="Reply latency of each request path.")
    parser.add_argument("--requests", type=int, default=REQUESTS, help="requests per path")
    args = parser.parse_args(argv)
    return 0 if run(args.requests) else 1


if __name__ == "__main__":
    sys.exit(main())
