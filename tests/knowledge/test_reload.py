"""Hot reload: saved edits go live, broken edits are reported once and change nothing."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from celacbot.knowledge.models import KnowledgeBase
from celacbot.knowledge.reload import KnowledgeWatcher, LiveKnowledge, Snapshot
from tests.misslog.builders import KNOWLEDGE, write_knowledge


def kb_yaml(answer: str) -> str:
    """The tiny knowledge file with `answer` as its first entry's answer."""
    data = copy.deepcopy(KNOWLEDGE)
    data["entries"][0]["answer"] = answer
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def first_answer(kb: KnowledgeBase) -> str:
    """The engine these tests build: just the answer text, to see which version is live."""
    return kb.entries[0].answer


class Events:
    """What the watcher reported, in order."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[Snapshot[str] | list[str]] = asyncio.Queue()

    def loaded(self, snapshot: Snapshot[str]) -> None:
        self.queue.put_nowait(snapshot)

    async def errored(self, problems: list[str]) -> None:
        self.queue.put_nowait(problems)

    async def next(self) -> Snapshot[str] | list[str]:
        async with asyncio.timeout(5):
            return await self.queue.get()


@pytest.fixture
def faq(tmp_path: Path) -> Path:
    return write_knowledge(tmp_path)


@pytest.fixture
def live(faq: Path) -> LiveKnowledge[str]:
    return LiveKnowledge(faq, first_answer)


@pytest.fixture
def events() -> Events:
    return Events()


@pytest.fixture
async def watcher(live: LiveKnowledge[str], events: Events) -> AsyncIterator[KnowledgeWatcher[str]]:
    async with KnowledgeWatcher(
        live, on_loaded=events.loaded, on_error=events.errored, poll_interval=0.02, settle=0.1
    ) as running:
        yield running
    assert not running.running


def replace_atomically(path: Path, text: str) -> None:
    """Save the way most editors do: write a temporary file, then rename it over the old one."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def rewrite_in_place(path: Path, text: str) -> bool:
    """Save the way some editors do: truncate the file and write it again; True if same inode."""
    inode = path.stat().st_ino
    with path.open("r+", encoding="utf-8") as file:
        file.truncate(0)
        file.write(text)
    return path.stat().st_ino == inode


async def test_starts_with_the_file_content_as_version_1(live: LiveKnowledge[str]) -> None:
    assert (live.current.version, live.current.engine) == (1, "Six Earth resource satellites.")


async def test_a_file_replaced_by_rename_goes_live(
    faq: Path, live: LiveKnowledge[str], watcher: KnowledgeWatcher[str], events: Events
) -> None:
    replace_atomically(faq, kb_yaml("Six satellites, built together."))

    loaded = await events.next()

    assert isinstance(loaded, Snapshot)
    assert (loaded.version, loaded.engine) == (2, "Six satellites, built together.")
    assert live.current is loaded


async def test_a_file_truncated_and_rewritten_in_place_goes_live(
    faq: Path, live: LiveKnowledge[str], watcher: KnowledgeWatcher[str], events: Events
) -> None:
    assert rewrite_in_place(faq, kb_yaml("Six, says the article."))

    loaded = await events.next()

    assert isinstance(loaded, Snapshot)
    assert live.current.engine == "Six, says the article."


async def test_a_broken_edit_is_reported_once_with_its_line_and_the_old_version_stays(
    faq: Path, live: LiveKnowledge[str], watcher: KnowledgeWatcher[str], events: Events
) -> None:
    broken = kb_yaml("Six Earth resource satellites.").replace("  answer:", "  answr:")
    typo_line = broken.splitlines().index("  answr: Six Earth resource satellites.") + 1
    replace_atomically(faq, broken)

    problems = await events.next()
    # Many more polls than it takes to notice a change: still nothing new to report.
    await asyncio.sleep(watcher.settle + 10 * watcher.poll_interval)

    assert isinstance(problems, list)
    assert any(f"faq.yaml:{typo_line}:" in problem for problem in problems), problems
    assert events.queue.empty()
    assert (live.current.version, live.current.engine) == (1, "Six Earth resource satellites.")


async def test_fixing_a_broken_file_goes_live(
    faq: Path, live: LiveKnowledge[str], watcher: KnowledgeWatcher[str], events: Events
) -> None:
    replace_atomically(faq, "entries: [unclosed\n")
    assert isinstance(await events.next(), list)

    replace_atomically(faq, kb_yaml("Fixed: six satellites."))
    loaded = await events.next()

    assert isinstance(loaded, Snapshot)
    assert live.current.engine == "Fixed: six satellites."


async def test_reload_now_returns_the_problems_of_a_broken_file(
    faq: Path, live: LiveKnowledge[str]
) -> None:
    watcher = KnowledgeWatcher(live)
    rewrite_in_place(faq, "version: 1\nentries: [unclosed\n")

    result = await watcher.reload_now()

    assert isinstance(result, list)
    assert result
    assert all("faq.yaml" in problem for problem in result)
    assert live.current.version == 1


async def test_reload_now_installs_a_valid_file_and_reports_it(
    faq: Path, live: LiveKnowledge[str], events: Events
) -> None:
    watcher = KnowledgeWatcher(live, on_loaded=events.loaded)
    rewrite_in_place(faq, kb_yaml("Reloaded by hand."))

    result = await watcher.reload_now()

    assert isinstance(result, Snapshot)
    assert live.current is result
    assert await events.next() is result
    assert result.engine == "Reloaded by hand."


async def test_a_callback_that_fails_does_not_stop_the_watcher(
    faq: Path, live: LiveKnowledge[str], events: Events
) -> None:
    def failing(snapshot: Snapshot[str]) -> None:
        events.loaded(snapshot)
        raise RuntimeError("notifying the admins failed")

    watcher = KnowledgeWatcher(live, on_loaded=failing, poll_interval=0.02, settle=0.05)
    async with watcher:
        replace_atomically(faq, kb_yaml("First edit."))
        await events.next()
        replace_atomically(faq, kb_yaml("Second edit."))
        await events.next()

        assert watcher.running
    assert live.current.engine == "Second edit."


async def test_an_edit_saved_before_the_watcher_starts_is_loaded(
    faq: Path, live: LiveKnowledge[str], events: Events
) -> None:
    replace_atomically(faq, kb_yaml("Saved while the bot was starting."))

    async with KnowledgeWatcher(live, on_loaded=events.loaded, poll_interval=0.02, settle=0.05):
        loaded = await events.next()

    assert isinstance(loaded, Snapshot)
    assert (loaded.version, loaded.engine) == (2, "Saved while the bot was starting.")


async def test_an_article_that_is_a_fifo_is_reported_and_later_edits_still_load(
    faq: Path, live: LiveKnowledge[str], events: Events, watcher: KnowledgeWatcher[str]
) -> None:
    fifo = faq.parent / "article.fifo"
    os.mkfifo(fifo)
    data = copy.deepcopy(KNOWLEDGE)
    data["source"]["file"] = fifo.name
    try:
        replace_atomically(faq, yaml.safe_dump(data, sort_keys=False))
        problems = await events.next()
        by_hand = await watcher.reload_now()
        replace_atomically(faq, kb_yaml("Loaded after the FIFO."))
        loaded = await events.next()
    finally:
        # Were a reload thread waiting on the FIFO, a writer lets it go (else: no reader).
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    assert isinstance(problems, list)
    assert problems == by_hand
    assert problems[0].endswith("it is a named pipe (FIFO), not a regular file")
    assert isinstance(loaded, Snapshot)
    assert live.current.engine == "Loaded after the FIFO."
