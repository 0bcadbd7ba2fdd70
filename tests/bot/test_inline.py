"""Inline mode: `@bot <words>` results, and the most asked entries for an empty query."""

from __future__ import annotations

from celacbot.bot.application import BotApplication
from celacbot.bot.constants import INLINE_START_PARAMETER
from tests.bot.knowledge import LAUNCH_QUOTE
from tests.fakes.bot_api import FakeBotAPI

FEATURED = [
    "cbers-program",
    "covid-support",
    "byd-brazil",
    "satellite-launches",
    "byd-first-vehicle",
    "whole-article",
]


async def test_query_offers_matching_answers_with_their_source(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.inline_query("satellites launched")

    answer = await fake_bot_api.wait_for_reply(update)

    results = answer["results"]
    ids = [result["id"] for result in results]
    assert ids[0] == "satellite-launches"
    assert len(set(ids)) == len(ids)
    first = results[0]
    assert first["type"] == "article"
    assert first["title"] == "Which satellites did China help launch?"
    assert first["description"].startswith("China helped launch Venezuela's remote sensing")
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert content["link_preview_options"] == {"is_disabled": True}
    assert content["message_text"] == (
        "<b>Which satellites did China help launch?</b>\n\n"
        "China helped launch Venezuela's remote sensing satellites and Bolivia's first "
        f"communication satellite.\n\n<blockquote>{LAUNCH_QUOTE}</blockquote>\n\n"
        "— <i>Latin America partnership for better future</i>"
    )
    # Whoever sees the shared answer can open it, with its follow-ups, in a private chat.
    assert first["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "💬 Ask more", "url": "https://t.me/CelacTestBot?start=satellite-launches"}]
        ]
    }
    assert answer["cache_time"] <= 10
    assert "button" not in answer


async def test_the_same_query_again_gets_the_same_results(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    # Results are built once and reused: sending them must not change them.
    first = await fake_bot_api.wait_for_reply(fake_bot_api.inline_query("satellites"))
    second = await fake_bot_api.wait_for_reply(fake_bot_api.inline_query("satellites"))

    assert second["results"] == first["results"]
    assert len(first["results"]) > 1


async def test_empty_query_offers_curated_entries_before_anything_is_asked(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    answer = await fake_bot_api.wait_for_reply(fake_bot_api.inline_query(""))

    assert [result["id"] for result in answer["results"]] == FEATURED


async def test_empty_query_offers_the_most_asked_entries_first(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    for question in ("What has BYD built in Brazil?", "BYD factory in Brazil", "covid vaccines"):
        await fake_bot_api.wait_for_reply(fake_bot_api.send_message(question))

    answer = await fake_bot_api.wait_for_reply(fake_bot_api.inline_query("  "))

    assert [result["id"] for result in answer["results"]] == [
        "byd-brazil",
        "covid-support",
        "cbers-program",
        "satellite-launches",
        "byd-first-vehicle",
        "whole-article",
    ]


async def test_query_nothing_matches_says_so_with_a_button_to_the_private_chat(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    answer = await fake_bot_api.wait_for_reply(fake_bot_api.inline_query("zzzz qqqq"))

    assert answer["results"] == []
    assert answer["button"] == {
        "text": "Nothing found – ask me directly",
        "start_parameter": INLINE_START_PARAMETER,
    }


async def test_the_nothing_found_button_opens_a_greeting(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    # What Telegram sends when the user presses it: /start with its parameter.
    update = fake_bot_api.send_message(f"/start {INLINE_START_PARAMETER}")

    reply = await fake_bot_api.wait_for_reply(update)

    assert reply["text"].startswith("Hi Ana! I answer questions about China–CELAC cooperation")


async def test_nothing_found_is_said_in_the_users_language(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.inline_query("zzzz qqqq", language_code="es")

    answer = await fake_bot_api.wait_for_reply(update)

    assert answer["button"]["text"] == "Sin resultados – pregúntame"


async def test_typed_words_offer_only_the_five_best_matches(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    # Words of every one of the six entries: all six match.
    update = fake_bot_api.inline_query("brazil china satellites byd factory vehicles covid article")

    answer = await fake_bot_api.wait_for_reply(update)

    assert [result["id"] for result in answer["results"]] == [
        "byd-brazil",
        "byd-first-vehicle",
        "cbers-program",
        "covid-support",
        "satellite-launches",
    ]
