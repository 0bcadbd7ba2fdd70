"""Maintainers' loop end to end: hot reload, the admin commands and the question log.

The bot runs on a copy of the shipped knowledge (knowledge/faq.yaml and article.txt).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import signal
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from celacbot.bot.application import BotApplication
from celacbot.bot.runner import running
from celacbot.bot.service import KnowledgeService
from celacbot.cli import main
from celacbot.config import Settings
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.misslog import DB_FILENAME
from tests.bot.conftest import MakeSettings
from tests.bot.helpers import buttons, handled
from tests.bot.processes import bot_environment, celacbot
from tests.fakes.bot_api import DEFAULT_USER_ID, GROUP_CHAT_ID, FakeBotAPI

SHIPPED = Path(__file__).resolve().parents[2] / "knowledge"
ADMIN_ID = 4242
# The sender Telegram puts on messages a group admin posts anonymously, as the group.
GROUP_ANONYMOUS_BOT_ID = 1087968824
RELOAD_TIMEOUT = 10.0

NEW_QUESTION = "Which fields has the cooperation borne fruit in?"
NEW_ANSWER = (
    "Cooperation between China and Latin American and Caribbean countries has borne rich "
    "fruits in fields such as aerospace, healthcare, agriculture and energy."
)
NEW_ENTRY = f"""\
  - id: fruitful-fields
    topic: about-article
    label: Fruitful fields
    questions:
      - {NEW_QUESTION}
      - fruitful fields of cooperation
      - where has the cooperation borne fruit
      - fields of fruitful cooperation
    answer: |-
      {NEW_ANSWER}
    source:
      - "Over the past decade, deepening cooperation between China and Latin American and \
Caribbean countries has borne rich fruits in fields such as aerospace, healthcare, agriculture \
and energy."
"""
# Shipped answers that must survive a broken edit.
KNOWN_QUESTION = "What is CBERS?"
# Two entries of the small test knowledge (tests/bot/knowledge.py) share these words: the bot
# asks "did you mean". The shipped knowledge is tuned to need that rarely.
UNSURE_QUESTION = "BYD plans in Brazil"


@dataclass(frozen=True, slots=True)
class Maintained:
    """A running bot on a copy of the shipped knowledge, with one admin."""

    application: BotApplication
    settings: Settings

    @property
    def knowledge(self) -> Path:
        return self.settings.knowledge

    @property
    def database(self) -> Path:
        return self.settings.data_dir / DB_FILENAME


@pytest.fixture
def maintained_settings(tmp_path: Path, make_settings: MakeSettings) -> Settings:
    """Settings for the shipped knowledge copied to tmp_path, a tmp data dir and one admin."""
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    for name in ("faq.yaml", "article.txt"):
        shutil.copy(SHIPPED / name, knowledge / name)
    return make_settings(
        CELACBOT_KNOWLEDGE=knowledge / "faq.yaml",
        CELACBOT_DATA_DIR=tmp_path / "data",
        CELACBOT_ADMIN_IDS=str(ADMIN_ID),
        CELACBOT_USER_RATE=0,
    )


@pytest.fixture
async def maintained(maintained_settings: Settings) -> AsyncIterator[Maintained]:
    """The bot running on `maintained_settings`."""
    async with running(maintained_settings) as application:
        yield Maintained(application, maintained_settings)


@pytest.fixture
async def small_bot(make_settings: MakeSettings) -> AsyncIterator[BotApplication]:
    """The bot on the small test knowledge, with one admin."""
    settings = make_settings(CELACBOT_ADMIN_IDS=str(ADMIN_ID), CELACBOT_USER_RATE=0)
    async with running(settings) as application:
        yield application


def save_by_rename(path: Path, text: str) -> None:
    """Save the way most editors do: write a new file, then rename it over the old one."""
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def save_in_place(path: Path, text: str) -> None:
    """Save the way some editors do: truncate the file and write it again."""
    with path.open("w", encoding="utf-8") as file:
        file.write(text)


def with_new_entry(text: str) -> str:
    """faq.yaml with NEW_ENTRY as the last entry."""
    return text.replace("\nfacts:\n", f"\n{NEW_ENTRY}\nfacts:\n", 1)


def with_unknown_topic(text: str) -> tuple[str, int]:
    """faq.yaml with the first entry's topic misspelt, and that line's number."""
    lines = text.splitlines(keepends=True)
    index = next(n for n, line in enumerate(lines) if line.startswith("    topic: "))
    lines[index] = "    topic: aerospaec\n"
    return "".join(lines), index + 1


async def reloaded(application: BotApplication, old: KnowledgeService) -> KnowledgeService:
    """The knowledge version that replaces `old`, once the watcher has installed one."""
    async with asyncio.timeout(RELOAD_TIMEOUT):
        # The watcher signals nothing a test could await; the live version is what handlers read.
        while (current := application.bot_data.live.current.engine) is old:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
    return current


async def ask(fake: FakeBotAPI, text: str, *, user_id: int = DEFAULT_USER_ID) -> str:
    """The text of the bot's first reply to what `user_id` wrote in a private chat."""
    reply = await fake.wait_for_reply(fake.send_message(text, user_id=user_id))
    return str(reply["text"])


@pytest.mark.parametrize("save", [save_by_rename, save_in_place])
async def test_an_entry_added_to_the_file_is_answered_without_a_restart(
    fake_bot_api: FakeBotAPI, maintained: Maintained, save: Callable[[Path, str], None]
) -> None:
    old = maintained.application.bot_data.live.current.engine
    assert await ask(fake_bot_api, NEW_QUESTION) != NEW_ANSWER

    save(maintained.knowledge, with_new_entry(maintained.knowledge.read_text(encoding="utf-8")))
    await reloaded(maintained.application, old)

    assert await ask(fake_bot_api, NEW_QUESTION) == NEW_ANSWER


async def test_a_broken_edit_keeps_the_old_answers_and_tells_the_admin_its_line_once(
    fake_bot_api: FakeBotAPI, maintained: Maintained
) -> None:
    await ask(fake_bot_api, "/start", user_id=ADMIN_ID)  # Telegram's bots may only reply
    good_answer = await ask(fake_bot_api, KNOWN_QUESTION)
    good = maintained.knowledge.read_text(encoding="utf-8")
    broken, line = with_unknown_topic(good)
    mark = fake_bot_api.mark()

    save_by_rename(maintained.knowledge, broken)
    notice = await fake_bot_api.wait_for_request(
        "sendMessage",
        predicate=lambda request: request.params["chat_id"] == ADMIN_ID,
        timeout=RELOAD_TIMEOUT,
        after=mark,
    )

    where = f"{maintained.knowledge}:{line}:"
    assert notice.params["text"].startswith(
        "<pre>faq.yaml was not loaded: version 1 keeps answering. 1 problem:\n" + where
    )
    assert "unknown topic 'aerospaec'" in notice.params["text"]
    assert await ask(fake_bot_api, KNOWN_QUESTION) == good_answer
    reload_reply = await ask(fake_bot_api, "/reload", user_id=ADMIN_ID)
    assert reload_reply.splitlines()[:2] == [
        "faq.yaml was not loaded: version 1 keeps answering. 1 problem:",
        f"{where}12: entries[0] (id aerospace-overview) topic: unknown topic 'aerospaec';"
        " the topics are aerospace, health, agriculture-food, green-energy,"
        " investment-economy, digital-economy, forum-diplomacy, about-article",
    ]
    await handled(fake_bot_api, maintained.application)
    texts = [message["text"] for message in fake_bot_api.messages_to(ADMIN_ID)]
    assert sum(text.startswith("faq.yaml was not loaded") for text in texts) == 2  # notice, /reload

    save_by_rename(maintained.knowledge, good)
    kb = load_knowledge_base(maintained.knowledge)
    fixed = await ask(fake_bot_api, "/reload", user_id=ADMIN_ID)
    assert re.fullmatch(
        rf"Loaded version \d of faq\.yaml: {len(kb.entries)} entries, {len(kb.facts)} facts\.",
        fixed,
    )


async def test_an_article_replaced_by_a_fifo_is_refused_and_reload_says_so(
    fake_bot_api: FakeBotAPI, maintained: Maintained
) -> None:
    # Only faq.yaml is watched: /reload alone reads the article, and must not wait on it.
    article = maintained.knowledge.with_name("article.txt")
    text = article.read_bytes()
    article.unlink()
    os.mkfifo(article)

    try:
        refused = await ask(fake_bot_api, "/reload", user_id=ADMIN_ID)
        answer = await ask(fake_bot_api, KNOWN_QUESTION)
    finally:
        # Were a reload thread waiting on the FIFO, a writer lets it go (else: no reader).
        with contextlib.suppress(OSError):
            os.close(os.open(article, os.O_WRONLY | os.O_NONBLOCK))
    article.unlink()
    article.write_bytes(text)
    fixed = await ask(fake_bot_api, "/reload", user_id=ADMIN_ID)

    assert refused.splitlines()[0] == (
        "faq.yaml was not loaded: version 1 keeps answering. 1 problem:"
    )
    assert refused.splitlines()[1].endswith(
        f"cannot read the article {article}: it is a named pipe (FIFO), not a regular file"
    )
    assert "CBERS" in answer
    assert fixed.startswith("Loaded version 2 of faq.yaml")


@pytest.mark.parametrize("command", ["/reload", "/stats", "/misses", "/misses 5"])
async def test_a_non_admin_gets_the_unknown_command_hint(
    fake_bot_api: FakeBotAPI, maintained: Maintained, command: str
) -> None:
    unknown_command_hint = await ask(fake_bot_api, "/nonsense")

    assert await ask(fake_bot_api, command) == unknown_command_hint


async def test_an_anonymous_group_admin_is_ignored_like_any_unknown_command(
    fake_bot_api: FakeBotAPI, maintained: Maintained
) -> None:
    fake_bot_api.send_message("/nonsense", chat_type="supergroup", user_id=ADMIN_ID)
    # What Telegram delivers when the admin posts as the group: the group is the sender.
    group = {"id": GROUP_CHAT_ID, "type": "supergroup", "title": "CELAC Study Group"}
    fake_bot_api.enqueue_update(
        {
            "message": {
                "message_id": 1000,
                "date": int(time.time()),
                "chat": group,
                "sender_chat": group,
                "from": {
                    "id": GROUP_ANONYMOUS_BOT_ID,
                    "is_bot": True,
                    "first_name": "Group",
                    "username": "GroupAnonymousBot",
                },
                "text": "/stats",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
            }
        }
    )
    answered = fake_bot_api.send_message(f"/ask {KNOWN_QUESTION}", chat_type="supergroup")

    await fake_bot_api.wait_for_reply(answered)
    await handled(fake_bot_api, maintained.application)

    assert len(fake_bot_api.messages_to(GROUP_CHAT_ID)) == 1  # only /ask's answer


async def test_admin_commands_are_in_the_admins_menu_only(
    fake_bot_api: FakeBotAPI, maintained: Maintained
) -> None:
    def names(commands: list[dict[str, str]]) -> list[str]:
        return [command["command"] for command in commands]

    admin_menu = fake_bot_api.commands(scope={"type": "chat", "chat_id": ADMIN_ID})

    assert names(admin_menu) == [*names(fake_bot_api.commands()), "reload", "stats", "misses"]
    assert not {"reload", "stats", "misses"} & set(names(fake_bot_api.commands()))


async def test_suggestion_picks_and_none_of_these_are_recorded_and_counted(
    fake_bot_api: FakeBotAPI, small_bot: BotApplication
) -> None:
    first = await fake_bot_api.wait_for_reply(fake_bot_api.send_message(UNSURE_QUESTION))
    second = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message(UNSURE_QUESTION, user_id=DEFAULT_USER_ID + 1)
    )
    await ask(fake_bot_api, KNOWN_QUESTION)
    await ask(fake_bot_api, "What colour is the sky?")
    pick, picked_id = next(
        (data, data.rsplit(":", 1)[1]) for _, data in buttons(first) if data.startswith("p:")
    )

    await fake_bot_api.wait_for_reply(fake_bot_api.press_button(first, pick))
    none = next(data for _, data in buttons(second) if data.startswith("n:"))
    await fake_bot_api.wait_for_reply(fake_bot_api.press_button(second, none))
    stats = await ask(fake_bot_api, "/stats", user_id=ADMIN_ID)
    misses = await ask(fake_bot_api, "/misses 3", user_id=ADMIN_ID)

    stats_lines = stats.splitlines()
    assert stats_lines[1:6] == [
        "answered   1 / 1",
        "small talk 0 / 0",
        "suggested  2 / 2",
        "declined   1 / 1",
        "Suggestions picked 1, none of these 1, no reply 0 (all time)",
    ]
    miss_lines = misses.splitlines()
    assert miss_lines[0] == "The latest 3 unanswered questions (UTC):"
    assert miss_lines[1].endswith('declined "What colour is the sky?"')
    assert miss_lines[2].endswith("; none of these")
    assert miss_lines[3].endswith(f"; picked {picked_id}")


async def test_misses_needs_a_count_from_1_to_50(
    fake_bot_api: FakeBotAPI, maintained: Maintained
) -> None:
    for command in ("/misses 0", "/misses 51", "/misses two", "/misses 1 2"):
        assert (await ask(fake_bot_api, command, user_id=ADMIN_ID)).startswith("Usage: /misses")


async def test_declined_questions_land_in_the_log_and_celacbot_misses_groups_them(
    fake_bot_api: FakeBotAPI, maintained_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    async with running(maintained_settings):
        for user_id, question in enumerate(
            [
                "What colour is the sky?",
                "what colour is the sky",
                "Who is the best football player?",
            ],
            start=1,
        ):
            await ask(fake_bot_api, question, user_id=user_id)
    capsys.readouterr()

    database = maintained_settings.data_dir / DB_FILENAME
    status = main(
        ["misses", "--db", str(database), "--knowledge", str(maintained_settings.knowledge)]
    )

    output = capsys.readouterr().out
    assert status == 0
    assert output.startswith("3 unanswered questions; the 2 biggest groups:\n")
    first_group = output.split("\n\n")[1]
    assert first_group.startswith("#1  asked 2 times by 2 users (2 declined, 0 suggested)")
    examples = {line.removeprefix("    e.g.").strip() for line in first_group.splitlines()[1:]}
    assert examples >= {"What colour is the sky?", "what colour is the sky"}


async def test_questions_in_groups_are_logged_too(
    fake_bot_api: FakeBotAPI, maintained: Maintained
) -> None:
    for text in ("/ask What colour is the sky?", "@CelacTestBot who is the best football player"):
        await fake_bot_api.wait_for_reply(fake_bot_api.send_message(text, chat_type="supergroup"))

    misses = await ask(fake_bot_api, "/misses", user_id=ADMIN_ID)

    assert [line.split(" declined ", 1)[1] for line in misses.splitlines()[1:]] == [
        '"who is the best football player"',
        '"What colour is the sky?"',
    ]


async def test_a_killed_bot_leaves_a_log_celacbot_misses_reads(
    tmp_path: Path,
    fake_bot_api: FakeBotAPI,
    maintained_settings: Settings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = tmp_path / "killed" / DB_FILENAME
    env = bot_environment(
        fake_bot_api,
        maintained_settings.knowledge,
        CELACBOT_DATA_DIR=str(database.parent),
        CELACBOT_POLL_TIMEOUT="1",
        CELACBOT_ADMIN_IDS=str(ADMIN_ID),
    )
    questions = ["What colour is the sky?", "Who is the best football player?"]

    async with celacbot("run", tmp_path, env) as process:
        await fake_bot_api.wait_for_request("getUpdates", timeout=30)
        for user_id, question in enumerate(questions, start=1):
            await ask(fake_bot_api, question, user_id=user_id)
        # The bot writes its log after replying, in batches; /misses reads it once the
        # writes before it are committed, so its answer says they are in the file.
        misses = await ask(fake_bot_api, "/misses", user_id=ADMIN_ID)
        process.send_signal(signal.SIGKILL)
        await process.wait()
    capsys.readouterr()

    status = main(["misses", "--db", str(database), "--format", "json"])

    output = capsys.readouterr().out
    assert len(misses.splitlines()) == 1 + len(questions)
    assert (status, process.returncode) == (0, -signal.SIGKILL)
    assert '"misses": 2' in output
