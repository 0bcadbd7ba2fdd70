"""Group chats: only /ask, mentions and replies to the bot get answers."""

from __future__ import annotations

from celacbot.bot.application import BotApplication
from tests.bot.helpers import buttons, handled
from tests.bot.knowledge import CBERS_ANSWER
from tests.fakes.bot_api import GROUP_CHAT_ID, FakeBotAPI


async def test_ask_command_answers_in_the_group_quoting_the_question(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("/ask What is CBERS?", chat_type="supergroup")

    reply = await fake_bot_api.wait_for_reply(update)

    assert reply["chat"]["id"] == GROUP_CHAT_ID
    assert reply["text"] == CBERS_ANSWER
    assert reply["reply_to_message"]["message_id"] == update["message"]["message_id"]


async def test_ask_addressed_to_the_bot_by_name_is_answered(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("/ask@CelacTestBot What is CBERS?", chat_type="group")

    assert (await fake_bot_api.wait_for_reply(update))["text"] == CBERS_ANSWER


async def test_ask_without_a_question_explains_usage(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    reply = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message("/ask", chat_type="supergroup")
    )

    assert reply["text"] == "Put your question after the command, e.g. /ask What is CBERS?"


async def test_mention_is_answered_without_the_mention(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("@CelacTestBot what is cbers?", chat_type="supergroup")

    assert (await fake_bot_api.wait_for_reply(update))["text"] == CBERS_ANSWER


async def test_bare_mention_gets_a_hint(fake_bot_api: FakeBotAPI, bot: BotApplication) -> None:
    update = fake_bot_api.send_message("@celactestbot", chat_type="supergroup")

    reply = await fake_bot_api.wait_for_reply(update)

    assert reply["text"].startswith("Ask me after the mention")


async def test_reply_to_the_bot_is_answered(fake_bot_api: FakeBotAPI, bot: BotApplication) -> None:
    first = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message("/ask What is CBERS?", chat_type="supergroup")
    )

    update = fake_bot_api.send_message(
        "And what has BYD built in Brazil?", chat_type="supergroup", reply_to_message=first
    )

    reply = await fake_bot_api.wait_for_reply(update)
    assert reply["text"] == "BYD has built a complex of three manufacturing units in Brazil."


async def test_other_chatter_is_ignored(fake_bot_api: FakeBotAPI, bot: BotApplication) -> None:
    someone = fake_bot_api.send_message("What is CBERS?", chat_type="supergroup", user_id=7)
    mark = fake_bot_api.mark()

    fake_bot_api.send_message("What is CBERS? @SomeoneElse", chat_type="supergroup")
    fake_bot_api.send_message(
        "I think it's satellites", chat_type="supergroup", reply_to_message=someone["message"]
    )
    fake_bot_api.send_non_text("photo", chat_type="supergroup")
    await handled(fake_bot_api, bot)

    assert fake_bot_api.messages_to(GROUP_CHAT_ID) == []
    assert {record.method for record in fake_bot_api.requests(after=mark)} == {"getUpdates"}


async def test_buttons_pressed_in_a_group_answer_in_the_group(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    answer = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message("/ask What is CBERS?", chat_type="supergroup")
    )

    press = fake_bot_api.press_button(answer, "a:covid-support")

    follow_up = await fake_bot_api.wait_for_reply(press)
    assert follow_up["chat"]["id"] == GROUP_CHAT_ID
    assert follow_up["text"].startswith("How did China help during COVID-19?")


async def test_forum_topic_questions_and_buttons_stay_in_their_topic(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message(
        "/ask What is CBERS?", chat_type="supergroup", message_thread_id=77
    )
    answer = await fake_bot_api.wait_for_reply(update)

    follow_up = await fake_bot_api.wait_for_reply(
        fake_bot_api.press_button(answer, "a:covid-support")
    )

    assert (answer["message_thread_id"], follow_up["message_thread_id"]) == (77, 77)
    assert "reply_to_message" not in follow_up


async def test_a_decline_in_a_group_offers_the_topics_behind_one_button(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("/ask What is the capital of France?", chat_type="group")

    decline = await fake_bot_api.wait_for_reply(update)

    assert decline["text"].startswith("Sorry, the article does not cover that")
    assert buttons(decline) == [("📚 Browse topics", "T")]
    # Whoever wants them opens the topics in that message, not in a new one.
    menu = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(decline, "T"))
    assert menu["message_id"] == decline["message_id"]
    assert [data for _, data in buttons(menu)] == ["t:aerospace", "t:health", "t:energy"]


async def test_none_of_these_in_a_group_offers_one_topics_button(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    # Two entries of tests/bot/knowledge.py share these words: the bot asks "did you mean".
    unsure = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message("/ask BYD plans in Brazil", chat_type="supergroup")
    )
    assert buttons(unsure)[-1] == ("None of these", "n:1")

    note = await fake_bot_api.wait_for_reply(fake_bot_api.press_button(unsure, "n:1"))

    assert buttons(note) == [("📚 Browse topics", "T")]
