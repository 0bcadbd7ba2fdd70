"""Hostile and odd input: every message gets a reply Telegram accepts, or deliberate silence."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from celacbot.bot.application import BotApplication
from celacbot.bot.formatting import utf16_len
from celacbot.bot.replies import answer_reply
from celacbot.bot.service import KnowledgeService
from celacbot.bot.texts import LANGUAGES, Language, texts
from celacbot.config import RetrievalSettings
from celacbot.knowledge.loader import load_knowledge_base
from tests.bot.helpers import handled
from tests.checkout import KNOWLEDGE
from tests.fakes.bot_api import BOT_USERNAME, DEFAULT_USER_ID, GROUP_CHAT_ID, FakeBotAPI
from tests.fakes.html_entities import parse_html

HOSTILE_TEXTS = [
    "<b>What is CBERS?</b>",
    "CBERS & BYD",
    "<script>alert(1)</script>",
    "*_[]()~`>#+-=|{}.!",
    "&lt;&amp;&#0;&#xZZ; <a href='x'>",
    "x" * 4096,
    "CBERS " * 682,
    "satellite\x00\x01\x07\x1b[31m\x7f",
    "\u200bCBERS\u200d\u200e\u200f\u202e?",
    "\u05de\u05d4 \u05d6\u05d4 CBERS?",
    "🛰️🚀🇧🇷🇨🇳",
    "\ud800 CBERS \udfff",
    " ",
]


async def _reply_text(server: FakeBotAPI, text: str, chat_type: str = "private") -> str:
    reply = await server.wait_for_reply(server.send_message(text, chat_type=chat_type), timeout=10)
    return str(reply["text"])


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=range(len(HOSTILE_TEXTS)))
async def test_hostile_private_message_gets_a_reply_telegram_accepts(
    fake_bot_api: FakeBotAPI, bot: BotApplication, text: str
) -> None:
    mark = fake_bot_api.mark()

    await fake_bot_api.wait_for_reply(fake_bot_api.send_message(text), timeout=10)
    await handled(fake_bot_api, bot)

    statuses = [record.status for record in fake_bot_api.requests("sendMessage", after=mark)]
    assert statuses and set(statuses) == {200}
    # Still running.
    assert "CBERS" in await _reply_text(fake_bot_api, "What is CBERS?")


@pytest.mark.parametrize("text", HOSTILE_TEXTS[:6], ids=range(6))
async def test_hostile_group_chatter_is_ignored(
    fake_bot_api: FakeBotAPI, bot: BotApplication, text: str
) -> None:
    fake_bot_api.send_message(text, chat_type="supergroup")
    await handled(fake_bot_api, bot)

    assert fake_bot_api.messages_to(GROUP_CHAT_ID) == []
    assert fake_bot_api.requests("sendMessage") == []


async def test_start_with_a_3000_character_payload_greets(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    reply = await _reply_text(fake_bot_api, "/start " + "a-" * 1500)

    assert reply.startswith("Hi Ana!")


async def test_ask_without_a_question_explains_how(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    assert await _reply_text(fake_bot_api, "/ask") == texts("en").ask_usage
    assert await _reply_text(fake_bot_api, "/ask", "supergroup") == texts("en").ask_usage


async def test_unknown_command_points_to_help(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    assert await _reply_text(fake_bot_api, "/rm -rf /") == texts("en").unknown_command


@pytest.mark.parametrize("chat_type", ["private", "supergroup"])
async def test_a_command_for_another_bot_is_ignored(
    fake_bot_api: FakeBotAPI, bot: BotApplication, chat_type: str
) -> None:
    fake_bot_api.send_message("/help@OtherBot", chat_type=chat_type)
    fake_bot_api.send_message("/frobnicate@OtherBot", chat_type=chat_type)
    await handled(fake_bot_api, bot)

    assert fake_bot_api.requests("sendMessage") == []


@pytest.mark.parametrize("chat_type", ["private", "supergroup"])
async def test_a_command_for_this_bot_by_name_is_answered(
    fake_bot_api: FakeBotAPI, bot: BotApplication, chat_type: str
) -> None:
    reply = await _reply_text(fake_bot_api, f"/help@{BOT_USERNAME}", chat_type)

    assert reply.startswith("How to ask")


async def test_private_chat_of_the_group_user_stays_silent_for_group_commands(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    await _reply_text(fake_bot_api, "/ask What is CBERS?", "supergroup")

    assert fake_bot_api.messages_to(DEFAULT_USER_ID) == []


@cache
def shipped_knowledge() -> KnowledgeService:
    """The bot's service of the shipped knowledge base, whose answers are the longest."""
    return KnowledgeService.build(load_knowledge_base(KNOWLEDGE), RetrievalSettings())


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(max_size=5000) | st.text(alphabet="<>&;/ab \n", max_size=9000),
    lang=st.sampled_from(LANGUAGES),
)
def test_any_question_renders_to_messages_telegram_accepts(text: str, lang: Language) -> None:
    knowledge = shipped_knowledge()
    answer = knowledge.retriever.answer(text, lang_hint=lang)

    for reply_lang in LANGUAGES:
        reply = answer_reply(answer, knowledge, reply_lang)
        assert reply.messages
        for message in reply.messages:
            parse_html(message)
            assert 0 < utf16_len(message) <= 4096
