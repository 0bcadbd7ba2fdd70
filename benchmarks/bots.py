"""The bots under measurement, each in a child process of its own polling a BenchBotAPI.

A child process, so that the bot and the server in the benchmark's process do not share one
core. Every bot runs with the benchmark's settings only (none of the developer's TELEGRAM_* or
CELACBOT_* variables, away from the checkout's .env) and writes its peak memory as it exits.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks import peak_rss
from benchmarks.bot_api import BenchBotAPI
from benchmarks.questions import ROOT
from celacbot.config import Settings

# What users get: the shipped defaults of the settings the benchmarks vary.
DEFAULT_RATE_LIMIT = float(Settings.model_fields["rate_limit"].default)
DEFAULT_CONCURRENCY = int(Settings.model_fields["concurrent_updates"].default)
DEFAULT_CONTEXT_MINUTES = float(Settings.model_fields["context_minutes"].default)

_PEAK_AT_EXIT = "import benchmarks.peak_rss as p; p.write_at_exit(); "
CELACBOT_MAIN = (
    _PEAK_AT_EXIT + "import argparse, sys; from celacbot.commands import run; "
    "sys.exit(run.run(argparse.Namespace()))"
)
ECHO_MAIN = _PEAK_AT_EXIT + "from benchmarks.echo_bot import main; main([])"
RICH_ECHO_MAIN = _PEAK_AT_EXIT + "from benchmarks.echo_bot import main; main(['--rich'])"


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process so far (Linux), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bot_environment(server: BenchBotAPI | None, data_dir: str, **settings: str) -> dict[str, str]:
    """This process's environment for a bot or a celacbot command, on `server` if given: none
    of the developer's own bot settings, the benchmark's instead. (The command must also run
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


@dataclass(slots=True)
class RunningBot:
    """A bot's process: its id, and its peak memory once it has exited."""

    pid: int
    peak_rss_mb: float | None = None


@asynccontextmanager
async def bot_process(
    code: str,
    server: BenchBotAPI,
    *,
    rate_limit: float = DEFAULT_RATE_LIMIT,
    concurrency: int = DEFAULT_CONCURRENCY,
    **settings: str,
) -> AsyncIterator[RunningBot]:
    """A bot polling `server` from a child process (ready once it polls), stopped with SIGTERM
    afterwards. The echo bots read the rate limit and concurrency as celacbot does."""
    with tempfile.TemporaryDirectory(prefix="celacbot-bench-") as data_dir:
        peak_file = Path(data_dir) / "peak-rss"
        env = bot_environment(
            server,
            data_dir,
            CELACBOT_CONCURRENT_UPDATES=str(concurrency),
            CELACBOT_RATE_LIMIT=f"{rate_limit:g}",
            **{peak_rss.FILE_VARIABLE: str(peak_file)},
            **settings,
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
        bot = RunningBot(process.pid)
        try:
            await server.first_call("getUpdates")
            yield bot
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), timeout=60)
            except TimeoutError:
                process.kill()
                await process.wait()
            bot.peak_rss_mb = peak_rss.read(peak_file)
