"""Request paths: how much longer a user waits for celacbot than for an echo, per kind of request.

The target (issue 13): on every request path (an answer, "did you mean", a decline, small
talk, a button press, an inline query) the user's wait at p99 is at most 2 ms longer than for
the bare PTB echo bot's echo, both bots as users live them: the rate limiter on at its
default, the default concurrency, and a 50 ms Bot API round trip on every call
(benchmarks/bot_api.py). A user's wait runs from sending the update to the reply's arrival at
Telegram, so it includes the update's and the reply's trips, and whatever the bot awaits
before it replies.

Requests go one at a time (the next only once both bots are idle), so each wait is the bot's
own work plus the trips, with no queueing behind other users (benchmarks/telegram.py loads
the bots). Both bots run at once, each on a fake Bot API of its own, and take turns: an echo,
requests of two paths, an echo, requests of the next two..., round after round, so that a
moment of load on the shared machine falls on every path and the echo bot alike. Each path is
compared with all the echoes. Every request comes from a new user, so that per-user
flood control never steps in, and every message is one the bot has not seen
(benchmarks/questions.py): the banks' messages that take the path.

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
from benchmarks.bots import CELACBOT_MAIN, ECHO_MAIN, bot_process
from benchmarks.questions import mixed, taking
from benchmarks.retrieval import no_gc
from benchmarks.targets import Target, peak_rss, printed
from benchmarks.telegram import API_LATENCY, TARGET_RSS_MB
from celacbot.retrieval.answer import Decision

REQUESTS = 300
WARM_UP = 10
# An echo bot message before every this many requests of celacbot's paths.
ECHO_EVERY = 2
# How long a bot must have been quiet before the next request is sent.
SETTLE_SECONDS = 0.005
TARGET_EXTRA_P99_MS = 2.0
FIRST_USER_ID = 50_000

# One request of a path, from the given user; returns the user's wait in seconds.
Request = Callable[[BenchBotAPI, int], Awaitable[float]]


@dataclass(frozen=True, slots=True)
class PathLatency:
    """Users' waits on one request path."""

    name: str
    seconds: list[float]

    def quantile(self, percent: int) -> float:
        """The wait below which `percent` % of the users were answered, in ms."""
        return statistics.quantiles(self.seconds, n=100)[percent - 1] * 1000

    def line(self, baseline: PathLatency | None = None) -> str:
        """A report line, with the differences to the baseline's p50 and p99 if given."""
        text = f"  {self.name:<28} p50 {self.quantile(50):6.2f} ms  p99 {self.quantile(99):6.2f} ms"
        if baseline is not None:
            text += (
                f"  ({self.quantile(50) - baseline.quantile(50):+.2f} ms at p50, "
                f"{self.quantile(99) - baseline.quantile(99):+.2f} ms at p99)"
            )
        return text


def update_path(texts: Sequence[str], *, inline: bool = False) -> Request:
    """A private message, or with `inline` an inline query (@bot ...), with each of `texts`
    in turn."""
    cycle = itertools.cycle(texts)

    async def request(server: BenchBotAPI, user_id: int) -> float:
        send = server.inline_query if inline else server.send_message
        update = send(next(cycle), user_id=user_id)
        return (await server.wait_for_replies([update]))[0]

    return request


def _buttons(message: JSON) -> list[str]:
    """The callback data of a message's buttons (link buttons have none)."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in rows for button in row if "callback_data" in button]


def button_path(texts: Sequence[str]) -> Request:
    """A press of a button under the bot's reply to one of `texts` in turn, the buttons of a
    reply taken in turn too: Source, related questions, "did you mean" choices, "none of
    these", topics. Only the press is timed; a reply without buttons is passed over."""
    cycle = itertools.cycle(texts)
    presses = itertools.count()

    async def request(server: BenchBotAPI, user_id: int) -> float:
        for _ in range(len(texts)):
            reply = await server.wait_for_reply(server.send_message(next(cycle), user_id=user_id))
            buttons = _buttons(reply)
            if buttons:
                # The reply arrived while the bot was still finishing it (reading Telegram's
                # response, the rest of a reply in parts): a press at once would wait for that.
                await server.wait_idle(SETTLE_SECONDS)
                data = buttons[next(presses) % len(buttons)]
                return (await server.wait_for_replies([server.press_button(reply, data)]))[0]
        raise ValueError("no message in the list gets a reply with buttons")

    return request


def _alternating(*pools: Sequence[str]) -> list[str]:
    """The pools' messages one from each in turn."""
    return [text for group in zip(*pools, strict=False) for text in group]


@dataclass(frozen=True, slots=True)
class PathsResult:
    """Every path's waits, all the echoes' waits, and celacbot's peak memory."""

    echo: PathLatency
    paths: list[PathLatency]
    peak_rss_mb: float | None


async def measure_paths(paths: Sequence[tuple[str, Request]], requests: int) -> PathsResult:
    """Each path's requests against celacbot, round after round, an echo bot message before
    every ECHO_EVERY of them (each bot on a server of its own)."""
    users = itertools.count(FIRST_USER_ID)
    echoes_per_round = -(-len(paths) // ECHO_EVERY)
    echo_request = update_path(mixed(echoes_per_round * (WARM_UP + requests)))
    echo_seconds: list[float] = []
    path_seconds: list[list[float]] = [[] for _ in paths]
    async with (
        BenchBotAPI(latency=API_LATENCY) as echo_server,
        BenchBotAPI(latency=API_LATENCY) as bot_server,
        bot_process(ECHO_MAIN, echo_server),
        bot_process(CELACBOT_MAIN, bot_server) as bot,
    ):
        await echo_server.wait_idle(SETTLE_SECONDS)
        await bot_server.wait_idle(SETTLE_SECONDS)
        for round_number in range(WARM_UP + requests):
            timed = round_number >= WARM_UP
            with no_gc():
                for index, ((_, request), seconds) in enumerate(
                    zip(paths, path_seconds, strict=True)
                ):
                    if index % ECHO_EVERY == 0:
                        echo = await echo_request(echo_server, next(users))
                        # What a bot does after its reply (reading Telegram's response,
                        # stopping a button's spinner) must not land on the other's request.
                        await echo_server.wait_idle(SETTLE_SECONDS)
                        if timed:
                            echo_seconds.append(echo)
                    waited = await request(bot_server, next(users))
                    await bot_server.wait_idle(SETTLE_SECONDS)
                    if timed:
                        seconds.append(waited)
    return PathsResult(
        PathLatency("echo bot, message", echo_seconds),
        [
            PathLatency(name, seconds)
            for (name, _), seconds in zip(paths, path_seconds, strict=True)
        ],
        bot.peak_rss_mb,
    )


async def report(requests: int) -> list[Target]:
    """Print every path's waits next to the echo bot's; the targets."""
    needed = WARM_UP + requests
    result = await measure_paths(
        [
            ("answer", update_path(taking(Decision.ANSWER, needed))),
            ("did you mean", update_path(taking(Decision.SUGGEST, needed))),
            ("decline", update_path(taking(Decision.DECLINE, needed))),
            ("small talk", update_path(taking(Decision.SMALLTALK, needed))),
            (
                "button press",
                button_path(
                    _alternating(
                        *(
                            taking(decision, needed)
                            for decision in Decision
                            if decision is not Decision.SMALLTALK
                        )
                    )
                ),
            ),
            # Answerable messages the answer path does not send (the button path's come from
            # the answer path's): the retriever must not have seen them either.
            (
                "inline query",
                update_path(taking(Decision.ANSWER, 2 * needed)[needed:], inline=True),
            ),
        ],
        requests,
    )
    print(
        f"one request at a time, {requests} per path after {WARM_UP} rounds to warm up, an echo "
        f"bot message before every {ECHO_EVERY}; limiter on, {API_LATENCY * 1000:g} ms Bot API "
        "round trip:"
    )
    print(result.echo.line())
    found = []
    for path in result.paths:
        print(path.line(result.echo))
        found.append(
            Target(
                f"user's wait vs echo at p99, {path.name}",
                path.quantile(99) - result.echo.quantile(99),
                TARGET_EXTRA_P99_MS,
                " ms",
            )
        )
    # A longer life than the throughput runs', with every kind of request.
    found += peak_rss(
        "peak RSS of the running bot (request-path run)", result.peak_rss_mb, TARGET_RSS_MB
    )
    return printed(found)


def run(requests: int = REQUESTS) -> list[Target]:
    """Print the report (benchmarks/__main__.py); the targets."""
    return asyncio.run(report(requests))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; exit status 1 when a path misses the target."""
    parser = argparse.ArgumentParser(description="Users' waits on each request path.")
    parser.add_argument("--requests", type=int, default=REQUESTS, help="requests per path")
    args = parser.parse_args(argv)
    return 0 if all(target.met for target in run(args.requests)) else 1


if __name__ == "__main__":
    sys.exit(main())
