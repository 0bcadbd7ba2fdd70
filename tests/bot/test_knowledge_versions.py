"""Knowledge versions: each update is answered by one version, and a replaced version is freed."""

from __future__ import annotations

import asyncio
import gc
import weakref
from pathlib import Path

from celacbot.bot.application import BotApplication
from celacbot.bot.context import BotContext
from celacbot.bot.runner import running
from celacbot.bot.service import KnowledgeService
from tests.bot.conftest import MakeSettings
from tests.bot.knowledge import CBERS_ANSWER
from tests.fakes.bot_api import FakeBotAPI

ADMIN_ID = 4242
RELOADS = 50
RELOAD_TIMEOUT = 10.0


async def test_a_context_keeps_the_version_it_first_read_through_a_reload(
    bot: BotApplication,
) -> None:
    live = bot.bot_data.live
    context = BotContext(bot)
    pinned = context.knowledge

    live.current = live.prepare(live.current.kb)  # what a reload installs

    assert context.knowledge is pinned
    assert BotContext(bot).knowledge is live.current.engine is not pinned


async def test_fifty_reloads_leave_no_old_version_alive_and_the_bot_answers(
    fake_bot_api: FakeBotAPI, make_settings: MakeSettings, knowledge_path: Path
) -> None:
    settings = make_settings(CELACBOT_ADMIN_IDS=str(ADMIN_ID), CELACBOT_USER_RATE=0)
    replaced: list[weakref.ref[object]] = []

    async with running(settings) as application:
        live = application.bot_data.live

        def watch_live_version() -> None:
            service: KnowledgeService = live.current.engine
            replaced.extend([weakref.ref(service), weakref.ref(service.retriever)])

        async def ask_what_each_version_caches() -> None:
            # An answer's keyboard, a decline's, and inline results.
            for question in ("What is CBERS?", "What colour is the sky?"):
                await fake_bot_api.wait_for_reply(fake_bot_api.send_message(question))
            await fake_bot_api.wait_for_reply(fake_bot_api.inline_query("satellites"))

        # The first reload as an editor's save makes it, the rest by /reload.
        watch_live_version()
        await ask_what_each_version_caches()
        with knowledge_path.open("a", encoding="utf-8") as file:
            file.write("# edited\n")
        async with asyncio.timeout(RELOAD_TIMEOUT):
            while live.current.version == 1:  # noqa: ASYNC110 - the watcher signals nothing
                await asyncio.sleep(0.05)
        for _ in range(RELOADS - 1):
            watch_live_version()
            await ask_what_each_version_caches()
            reload = fake_bot_api.send_message("/reload", user_id=ADMIN_ID)
            assert (await fake_bot_api.wait_for_reply(reload))["text"].startswith("Loaded version")
        answer = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))
        # A handler still finishing after its reply holds the version it answered from.
        await application.update_queue.join()
        gc.collect()

        assert [ref for ref in replaced if ref() is not None] == []
        assert answer["text"] == CBERS_ANSWER
        assert live.current.version == RELOADS + 1
