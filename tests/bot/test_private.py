"""Private chats end to end: questions, buttons and commands through the fake Bot API."""

from __future__ import annotations

import pytest

from celacbot.bot.application import BotApplication
from tests.bot.helpers import buttons, entity_types, handled
from tests.bot.knowledge import AMBIGUOUS, CBERS_ANSWER, CBERS_QUOTE
from tests.fakes.bot_api import DEFAULT_USER_ID, FakeBotAPI

TOPIC_BUTTONS = [
    ("Aerospace", "t:aerospace"),
    ("Healthcare", "t:health"),
    ("Green energy", "t:energy"),
]


async def test_question_is_answered_with_source_and_related_buttons(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("What is CBERS?")

    reply = await fake_bot_api.wait_for_reply(update)

    assert reply["text"] == CBERS_ANSWER
    assert buttons(reply) == [
        ("📄 Source", "s:cbers-program"),
        ("Satellite launches", "a:satellite-launches"),
        ("COVID-19 help", "a:covid-support"),
    ]


async def test_knowledge_text_is_escaped_in_html(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("Did China send ventilators?")

    reply = await fake_bot_api.wait_for_reply(update)

    expected = (
        "During the pandemic China provided vaccines & ventilators to Mexico, "
        "Cuba, Guyana and Ecuador <among others>."
    )
    assert reply["text"] == expected
    sent = fake_bot_api.requests("sendMessage")[-1].params
    assert (sent["parse_mode"], sent["text"]) == (
        "HTML",
        expected.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
    )


async def test_source_button_toggles_the_article_quote_in_the_answer_itself(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    answer = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))
    related = buttons(answer)[1:]

    press = fake_bot_api.press_button(answer, "s:cbers-program")

    assert "text" not in await fake_bot_api.wait_for_callback_answer(press)
    shown = await fake_bot_api.wait_for_reply(press)
    assert shown["message_id"] == answer["message_id"]
    assert shown["text"] == (
        f"{CBERS_ANSWER}\n\n📄 From Latin America partnership for better future:\n\n{CBERS_QUOTE}"
    )
    assert entity_types(shown) == ["italic", "blockquote"]
    assert buttons(shown) == [("📄 Hide source", "h:cbers-program"), *related]

    hidden = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(shown, "h:cbers-program"))
    assert (hidden["message_id"], hidden["text"]) == (answer["message_id"], CBERS_ANSWER)
    assert buttons(hidden) == buttons(answer)

    again = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(hidden, "s:cbers-program"))
    assert again["text"] == shown["text"]
    await handled(fake_bot_api, bot)
    # Three presses, and still the one answer: nothing was sent as a new message.
    assert len(fake_bot_api.messages_to(DEFAULT_USER_ID)) == 1


async def test_source_keeps_the_heading_of_an_answer_opened_by_a_button(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("/start covid-support"))

    shown = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(reply, "s:covid-support"))
    hidden = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(shown, "h:covid-support"))

    # The answer's text and its formatting (a bold heading, a "&" and "<" escaped) survive.
    assert shown["text"].startswith(f"{reply['text']}\n\n📄 From ")
    assert entity_types(shown) == ["bold", "italic", "blockquote"]
    assert (hidden["text"], hidden["entities"]) == (reply["text"], reply["entities"])


async def test_related_button_answers_the_follow_up_under_its_question(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    answer = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("What is CBERS?"))

    press = fake_bot_api.press_button(answer, "a:satellite-launches")

    follow_up = await fake_bot_api.wait_for_reply(press)
    assert follow_up["text"] == (
        "Which satellites did China help launch?\n\n"
        "China helped launch Venezuela's remote sensing satellites and "
        "Bolivia's first communication satellite."
    )
    assert entity_types(follow_up) == ["bold"]
    assert buttons(follow_up) == [("📄 Source", "s:satellite-launches")]
    assert (await fake_bot_api.wait_for_callback_answer(press)).get("text") is None


async def test_unsure_question_offers_did_you_mean_buttons(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    # Two entries have a question with exactly these words (tests/bot/knowledge.py).
    suggestions = bot.bot_data.live.current.engine.retriever.answer(AMBIGUOUS).suggestions
    assert {"byd-brazil", "byd-first-vehicle"} <= {suggestion.id for suggestion in suggestions}

    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message(AMBIGUOUS))

    assert reply["text"].startswith("I'm not sure I understood. Did you mean one of these?")
    # The buttons carry the question's id in the question log: 1, the first question asked.
    assert buttons(reply) == [
        *((suggestion.label, f"p:1:{suggestion.id}") for suggestion in suggestions[:3]),
        ("None of these", "n:1"),
    ]
    chosen = await fake_bot_api.wait_for_reply(
        fake_bot_api.press_button(reply, "p:1:byd-first-vehicle")
    )
    # The choice turns the "did you mean" message into the answer, under its full question:
    # the other suggestions and "None of these" can no longer be pressed.
    assert chosen["message_id"] == reply["message_id"]
    assert chosen["text"] == (
        "When will the BYD factory produce its first vehicle?\n\n"
        "The BYD factory is expected to produce its first vehicle by early 2025."
    )
    assert buttons(chosen) == [("📄 Source", "s:byd-first-vehicle")]
    with pytest.raises(ValueError, match="no button"):
        fake_bot_api.press_button(chosen, "n:1")
    await handled(fake_bot_api, bot)
    assert len(fake_bot_api.messages_to(DEFAULT_USER_ID)) == 1


async def test_none_of_these_answers_honestly_with_topics(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message(AMBIGUOUS))

    note = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(reply, "n:1"))

    assert note["message_id"] == reply["message_id"]
    assert note["text"].startswith("Then I'd rather not guess: I only know what the article says")
    assert buttons(note) == TOPIC_BUTTONS


async def test_uncovered_question_is_declined_with_topic_buttons(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("What is the capital of France?")

    reply = await fake_bot_api.wait_for_reply(update)

    assert reply["text"] == (
        "Sorry, the article does not cover that, so I can't answer it. Here is what it does cover:"
    )
    assert buttons(reply) == TOPIC_BUTTONS


async def test_small_talk_gets_a_friendly_reply(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("hello"))

    assert (reply["text"], buttons(reply)) == ("Hello! Ask me.", [])


async def test_start_greets_with_topics_and_example_questions(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("/start"))

    assert reply["text"].startswith("Hi Ana! I answer questions about China–CELAC cooperation")
    assert "It covers:\n• Aerospace\n• Healthcare\n• Green energy" in reply["text"]
    assert buttons(reply) == [
        ("The CBERS program", "a:cbers-program"),
        ("COVID-19 help", "a:covid-support"),
        ("BYD in Brazil", "a:byd-brazil"),
        ("Satellite launches", "a:satellite-launches"),
    ]


async def test_start_deep_link_opens_that_answer(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("/start covid-support"))

    assert reply["text"].startswith("How did China help during COVID-19?\n\nDuring the pandemic")
    assert buttons(reply)[0] == ("📄 Source", "s:covid-support")


async def test_start_with_unknown_or_huge_payload_greets(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    for payload in ("no-such-entry", "x" * 3000, "../etc/passwd <b>"):
        reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message(f"/start {payload}"))

        assert reply["text"].startswith("Hi Ana!")


async def test_topics_navigate_to_questions_and_back(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    menu = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("/topics"))
    assert (menu["text"], buttons(menu)) == ("Pick a topic:", TOPIC_BUTTONS)

    topic = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(menu, "t:aerospace"))
    assert topic["message_id"] == menu["message_id"]
    assert topic["text"] == "Aerospace\nSatellites & space <stations>\n\nPick a question:"
    assert buttons(topic) == [
        ("The CBERS program", "a:cbers-program"),
        ("Satellite launches", "a:satellite-launches"),
        ("« All topics", "T"),
    ]

    back = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(topic, "T"))
    assert (back["text"], buttons(back)) == ("Pick a topic:", TOPIC_BUTTONS)

    health = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(back, "t:health"))
    answer = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(health, "a:covid-support"))
    assert answer["text"].startswith("How did China help during COVID-19?")


async def test_help_source_and_about_describe_the_bot_and_article(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    help_text = (await fake_bot_api.wait_for_reply(fake_bot_api.send_message("/help")))["text"]
    source = (await fake_bot_api.wait_for_reply(fake_bot_api.send_message("/source")))["text"]
    about = (await fake_bot_api.wait_for_reply(fake_bot_api.send_message("/about")))["text"]

    assert "/topics" in help_text
    assert "mention @CelacTestBot" in help_text
    assert source.startswith(
        "Latin America partnership for better future\n"
        "by Director of the Department of International Relations, CASS"
    )
    assert "• Aerospace – Satellites & space <stations>" in source
    assert "I never make up facts." in about


async def test_quotes_too_long_for_the_answer_come_split_at_paragraph_boundaries(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    answer = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message("Quote me the whole article")
    )
    before = len(fake_bot_api.messages_to(DEFAULT_USER_ID))

    fake_bot_api.press_button(answer, "s:whole-article")
    await handled(fake_bot_api, bot)

    parts = fake_bot_api.messages_to(DEFAULT_USER_ID)[before:]
    assert len(parts) == 2
    quotes = [
        entity for part in parts for entity in part["entities"] if entity["type"] == "blockquote"
    ]
    whole_article = bot.bot_data.live.current.engine.retriever.entry("whole-article")
    assert whole_article is not None
    article_paragraphs = whole_article.source
    assert len(quotes) == len(article_paragraphs)
    assert "\n\n".join(part["text"] for part in parts).endswith(article_paragraphs[-1])
    sent = [record.params["text"] for record in fake_bot_api.requests("sendMessage")[-2:]]
    assert all(len(text.encode("utf-16-le")) // 2 <= 4096 for text in sent)
    assert all(text.count("<blockquote>") == text.count("</blockquote>") for text in sent)


async def test_non_text_message_gets_a_hint(fake_bot_api: FakeBotAPI, bot: BotApplication) -> None:
    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_non_text("sticker"))

    assert reply["text"] == "I can only read text. Send me your question as a message."


async def test_unknown_command_points_to_help(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    reply = await fake_bot_api.wait_for_reply(fake_bot_api.send_message("/weather"))

    assert reply["text"] == "I don't know that command. /help lists what I can do."


async def test_edited_messages_and_channel_posts_are_ignored(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    question = fake_bot_api.send_message("What is CBERS?")
    await fake_bot_api.wait_for_reply(question)
    mark = fake_bot_api.mark()

    fake_bot_api.edit_message(question, "What is BYD?")
    fake_bot_api.channel_post("What is CBERS?")
    await handled(fake_bot_api, bot)

    assert fake_bot_api.requests(after=mark) == [
        record for record in fake_bot_api.requests(after=mark) if record.method == "getUpdates"
    ]


async def test_an_answer_shared_via_the_bot_is_not_taken_for_a_question(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    question = fake_bot_api.send_message("What is CBERS?")
    await fake_bot_api.wait_for_reply(question)
    mark = fake_bot_api.mark()

    shared = question["message"] | {
        "message_id": 10_000,
        "text": "BYD has built a complex of three manufacturing units in Brazil.",
        "via_bot": fake_bot_api.bot_user,
    }
    fake_bot_api.enqueue_update({"message": shared})
    await handled(fake_bot_api, bot)

    assert {record.method for record in fake_bot_api.requests(after=mark)} == {"getUpdates"}


async def test_start_up_registers_the_command_menu_and_descriptions(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    commands = [command["command"] for command in fake_bot_api.commands()]

    assert commands == ["start", "help", "topics", "source", "about", "ask"]
    assert "China–CELAC" in fake_bot_api.short_description()
    assert "never make up facts" in fake_bot_api.description()


async def test_two_questions_in_one_message_get_one_answer_each(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("What has BYD built in Brazil, and what is CBERS?")

    reply = await fake_bot_api.wait_for_reply(update)

    byd, cbers = reply["text"].split("\n\nwhat is CBERS?\n\n")
    assert byd.startswith("What has BYD built in Brazil")
    assert "three manufacturing units" in byd
    assert cbers == CBERS_ANSWER
    assert "bold" in entity_types(reply)


async def test_a_near_miss_says_first_what_the_article_does_not_give(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("How much money did BYD invest in its Brazil factory?")

    reply = await fake_bot_api.wait_for_reply(update)

    gap, answer = reply["text"].split("\n\n", 1)
    assert gap == "The article does not give an amount of money."
    assert "three manufacturing units" in answer
    assert "italic" in entity_types(reply)
