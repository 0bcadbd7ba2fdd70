"""The release artefacts: built as `python -m build` does, installed outside the checkout, used.

Building and installing takes a few seconds, so the module does it once and every test shares
the result. Each test ends by checking that nothing was written inside the environment the bot
is installed in.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from celacbot import __version__
from tests.bot.processes import finished
from tests.checkout import ROOT
from tests.fakes.bot_api import TEST_TOKEN, FakeBotAPI

QUESTION = "which satellites were launched?"
ANSWER_START = "Three satellite efforts are named."
SHIPPED = ("faq.yaml", "faq.schema.json", "article.txt")
# The environment the checks run in: nothing of the developer's (CELACBOT_*, TELEGRAM_*, a
# VIRTUAL_ENV, PYTHONPATH, XDG_*) may reach the installed bot or help it.
KEPT_VARIABLES = ("PATH", "LANG", "LC_ALL", "TMPDIR")
PURELIB = "import sysconfig; print(sysconfig.get_path('purelib'))"
TIMEOUT = 120

Snapshot = dict[str, tuple[int, int]]


@dataclass(frozen=True)
class Installed:
    """A fresh virtual environment with the built wheel installed, and the artefacts."""

    dist: Path
    venv: Path
    site_packages: Path
    # Every path in the environment right after the installation.
    snapshot: Snapshot

    @property
    def celacbot(self) -> Path:
        return self.venv / "bin" / "celacbot"


def _environment(home: Path, **settings: str) -> dict[str, str]:
    """A minimal environment with `home` as HOME, plus `settings`."""
    kept = {name: os.environ[name] for name in KEPT_VARIABLES if name in os.environ}
    return {**kept, "HOME": str(home), "PYTHONIOENCODING": "utf-8", **settings}


def _run(command: list[str | Path], env: dict[str, str], cwd: Path) -> str:
    """Run `command` to completion; its standard output, or a failure showing both streams."""
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=cwd, timeout=TIMEOUT, check=False
    )
    assert done.returncode == 0, f"{command} exited {done.returncode}:\n{done.stderr}"
    return done.stdout


def _snapshot(directory: Path) -> Snapshot:
    """Every path under `directory` with its size and modification time."""
    return {
        str(path.relative_to(directory)): (path.lstat().st_size, path.lstat().st_mtime_ns)
        for path in directory.rglob("*")
    }


def _copy_sources(destination: Path) -> Path:
    """Copy the checkout's files as a fresh clone with the working tree's changes holds them.

    Not the checkout itself: setuptools would reuse the file list of the src/*.egg-info that
    `make install` leaves there, and could ship files the configuration no longer names.
    """
    # The developer's own environment: git may need their configuration (safe.directory).
    git = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    listed = _run(git, dict(os.environ), ROOT)
    for name in filter(None, listed.split("\0")):
        source, target = ROOT / name, destination / name
        if not source.is_symlink() and not source.exists():
            continue  # deleted in the working tree, not yet in the index
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(source.readlink())
        else:
            shutil.copy2(source, target)
    return destination


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Build the sdist, the wheel from it, and install the wheel into a new environment."""
    scratch = tmp_path_factory.mktemp("installed")
    dist, venv = scratch / "dist", scratch / "venv"
    env = _environment(scratch)
    # Like `python -m build`: the sdist, then the wheel from the unpacked sdist, which proves the
    # sdist complete. --no-isolation: the build backend is this environment's setuptools (the
    # dev extra pins the version pyproject.toml requires), so the build needs no download.
    sources = _copy_sources(scratch / "sources")
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", dist, sources], env, scratch)
    _run([sys.executable, "-m", "venv", "--without-pip", venv], env, scratch)
    (wheel,) = dist.glob("*.whl")
    # This environment's pip installs into the new one, which needs no pip of its own.
    pip = [sys.executable, "-m", "pip", "--python", venv / "bin" / "python"]
    _run([*pip, "install", "--no-deps", "--no-index", "--quiet", wheel], env, scratch)
    site_packages = Path(_run([venv / "bin" / "python", "-c", PURELIB], env, scratch).strip())
    # The dependencies come from this test environment's site-packages, read-only: installing
    # them from PyPI would take the network and half a minute, and make install put exactly
    # the versions pyproject.toml asks for there. A .pth line only appends the directory to
    # sys.path, after the new environment's own site-packages, so `celacbot` is imported from
    # the wheel, and the .pth files inside it (the checkout's editable install) are not read.
    ours = sysconfig.get_paths()
    (site_packages / "test-dependencies.pth").write_text(
        "".join(f"{path}\n" for path in dict.fromkeys([ours["purelib"], ours["platlib"]])),
        encoding="utf-8",
    )
    return Installed(dist, venv, site_packages, _snapshot(venv))


@pytest.fixture
def cwd(tmp_path: Path) -> Path:
    """An empty directory to run the commands from: no checkout, no .env."""
    empty = tmp_path / "cwd"
    empty.mkdir()
    return empty


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty home directory for the commands, where the user's data directory would be."""
    empty = tmp_path / "home"
    empty.mkdir()
    return empty


def _nothing_written(installed: Installed, *empty: Path) -> None:
    """Nothing was written in the environment, and the `empty` directories are still empty."""
    assert _snapshot(installed.venv) == installed.snapshot
    for directory in empty:
        assert list(directory.iterdir()) == []


def test_sdist_and_wheel_pass_twine_check_and_the_wheel_carries_the_knowledge(
    installed: Installed, cwd: Path
) -> None:
    artefacts = sorted(installed.dist.iterdir())
    _run([sys.executable, "-m", "twine", "check", "--strict", *artefacts], _environment(cwd), cwd)

    assert [path.name for path in artefacts] == [
        f"celacbot-{__version__}-py3-none-any.whl",
        f"celacbot-{__version__}.tar.gz",
    ]
    with zipfile.ZipFile(artefacts[0]) as wheel, tarfile.open(artefacts[1]) as sdist:
        in_wheel, in_sdist = wheel.namelist(), sdist.getnames()
    assert {
        "celacbot/py.typed",
        "celacbot/bot/texts.yaml",
        "celacbot/retrieval/chinese_words.txt",
        "celacbot/retrieval/everyday.txt",
        "celacbot/retrieval/pinyin.txt",
        "celacbot/retrieval/traditional.txt",
    } <= set(in_wheel)
    assert f"celacbot-{__version__}/src/celacbot/shipped/faq.yaml" in in_sdist
    assert [name for name in in_sdist if "/tests/" in name] == []
    for name in SHIPPED:
        assert (installed.site_packages / "celacbot" / "shipped" / name).read_bytes() == (
            ROOT / "knowledge" / name
        ).read_bytes()


def test_the_installed_commands_work_from_an_empty_directory(
    installed: Installed, cwd: Path, home: Path
) -> None:
    env = _environment(home)
    shipped = installed.site_packages / "celacbot" / "shipped"

    version = _run([installed.celacbot, "--version"], env, cwd)
    (answer,) = _run([installed.celacbot, "ask", "--json", QUESTION], env, cwd).splitlines()
    validated = _run([installed.celacbot, "validate"], env, cwd)
    schema = _run([installed.celacbot, "schema"], env, cwd)

    assert version == f"celacbot {__version__}\n"
    assert json.loads(answer)["answered"] is True
    assert json.loads(answer)["answer"].startswith(ANSWER_START)
    assert validated.splitlines()[-1].startswith(f"{shipped / 'faq.yaml'}: OK - ")
    assert json.loads(schema) == json.loads((shipped / "faq.schema.json").read_text())
    _nothing_written(installed, cwd, home)


async def _answer_one_message(
    installed: Installed, fake_bot_api: FakeBotAPI, cwd: Path, home: Path, **settings: str
) -> str:
    """Run the installed bot until it answers QUESTION, stop it; its log output."""
    env = _environment(
        home,
        TELEGRAM_BOT_TOKEN=TEST_TOKEN,
        TELEGRAM_API_BASE_URL=fake_bot_api.base_url,
        CELACBOT_POLL_TIMEOUT="1",
        **settings,
    )
    process = await asyncio.create_subprocess_exec(
        installed.celacbot,
        "run",
        cwd=cwd,
        env=env,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await fake_bot_api.wait_for_request("getUpdates", timeout=30)
        reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message(QUESTION))
        process.send_signal(signal.SIGTERM)
        status, _stdout, stderr = await finished(process)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert reply["text"].startswith(ANSWER_START)
    assert status == 0, stderr
    return stderr


def _logged_events(data_dir: Path) -> int:
    """How many questions the log file in `data_dir` holds."""
    uri = f"{(data_dir / 'celacbot.sqlite3').as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        (count,) = db.execute("SELECT count(*) FROM events").fetchone()
    return int(count)


async def test_the_installed_bot_logs_questions_in_the_configured_data_directory(
    installed: Installed, fake_bot_api: FakeBotAPI, cwd: Path, home: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"

    stderr = await _answer_one_message(
        installed, fake_bot_api, cwd, home, CELACBOT_DATA_DIR=str(data_dir)
    )

    assert f"Writing the question log to {data_dir / 'celacbot.sqlite3'}\n" in stderr
    assert _logged_events(data_dir) == 1
    _nothing_written(installed, cwd, home)


async def test_by_default_the_installed_bot_logs_in_the_users_data_directory(
    installed: Installed, fake_bot_api: FakeBotAPI, cwd: Path, home: Path
) -> None:
    data_dir = home / ".local" / "share" / "celacbot"

    stderr = await _answer_one_message(installed, fake_bot_api, cwd, home)

    assert f"Writing the question log to {data_dir / 'celacbot.sqlite3'}\n" in stderr
    assert _logged_events(data_dir) == 1
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    _nothing_written(installed, cwd)
