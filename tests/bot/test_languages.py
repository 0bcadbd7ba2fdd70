"""The bot speaks the question's language (else the user's): texts, buttons, menus, answers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from telegram import User

from celacbot.bot.application import BotApplication
from celacbot.bot.language import LanguageMemory
from celacbot.bot.texts import LANGUAGES, Catalogue, Language, catalogue, placeholders, texts
from celacbot.retrieval.answer import Answer, Decision, Kind
from tests.bot.helpers import buttons
from tests.bot.knowledge import KNOWLEDGE, write_knowledge
from tests.fakes.bot_api import FakeBotAPI
from tests.fakes.html_entities import parse_html

LAUNCHES_ES = (
    "China ayudó a lanzar los satélites de teledetección de Venezuela y el primer satélite "
    "de comunicaciones de Bolivia."
)
LAUNCHES_ZH = "中国帮助发射了委内瑞拉的遥感卫星和玻利维亚的第一颗通信卫星。"
CBERS_ES = "¿Qué es el programa CBERS?"
CBERS_ANSWER_ES = "El CBERS es un programa de satélites entre China y Brasil."
TOPICS: dict[str, dict[str, dict[str, str]]] = {
    "aerospace": {
        "es": {"title": "Aeroespacial", "description": "Satélites y estaciones espaciales"},
        "pt": {"title": "Aeroespacial", "description": "Satélites e estações espaciais"},
    },
    "health": {
        "es": {"title": "Salud", "description": "Apoyo médico"},
        "pt": {"title": "Saúde", "description": "Apoio médico"},
    },
    "energy": {
        "es": {"title": "Energía verde", "description": "Vehículos eléctricos"},
        "pt": {"title": "Energia verde", "description": "Veículos elétricos"},
    },
}
ENTRIES: dict[str, dict[str, dict[str, Any]]] = {
    "cbers-program": {
        "es": {
            "label": "El programa CBERS",
            "questions": [CBERS_ES, "¿Qué es CBERS?", "programa CBERS de China y Brasil"],
            "answer": CBERS_ANSWER_ES,
        },
        "pt": {
            "label": "O programa CBERS",
            "questions": ["O que é o programa CBERS?", "O que é CBERS?", "programa CBERS"],
            "answer": "O CBERS é um programa de satélites da China e do Brasil.",
        },
    },
    "satellite-launches": {
        "es": {
            "label": "Lanzamientos de satélites",
            "questions": [
                "¿Qué satélites ayudó a lanzar China?",
                "¿Qué satélites se lanzaron?",
                "lanzamiento de satélites de Venezuela y Bolivia",
            ],
            "answer": LAUNCHES_ES,
        },
        "zh": {
            "label": "卫星发射",
            "questions": ["中国帮助发射了哪些卫星？", "中国为哪些国家发射了卫星？", "卫星发射"],
            "answer": LAUNCHES_ZH,
        },
    },
}


def _translated_knowledge() -> dict[str, Any]:
    knowledge = copy.deepcopy(KNOWLEDGE)
    for topic in knowledge["topics"]:
        topic["translations"] = TOPICS[topic["id"]]
    for entry in knowledge["entries"]:
        entry["translations"] = ENTRIES.get(entry["id"], {})
        if entry["id"] == "satellite-launches":
            entry["related"] = ["cbers-program"]
    return knowledge


@pytest.fixture
def knowledge_path(tmp_path: Path) -> Path:
    """The test knowledge base with Spanish, Portuguese and Chinese translations."""
    return write_knowledge(tmp_path, _translated_knowledge())


async def test_spanish_question_gets_spanish_answer_and_buttons(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("¿Qué satélites se lanzaron?")

    reply = await fake_bot_api.wait_for_reply(update)

    assert (reply["text"], buttons(reply)) == (
        LAUNCHES_ES,
        [("📄 Fuente", "s:satellite-launches"), ("El programa CBERS", "a:cbers-program")],
    )


async def test_button_after_a_spanish_answer_answers_in_spanish(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    answer = await fake_bot_api.wait_for_reply(
        fake_bot_api.send_message("¿Qué satélites se lanzaron?")
    )

    press = fake_bot_api.press_button(answer, "a:cbers-program")
    reply = await fake_bot_api.wait_for_reply(press)

    assert reply["text"] == f"{CBERS_ES}\n\n{CBERS_ANSWER_ES}"


def test_only_the_latest_users_question_languages_are_remembered() -> None:
    memory = LanguageMemory(limit=2)
    users = [User(user_id, "Ana", is_bot=False, language_code="en") for user_id in (1, 2, 3)]
    spanish = Answer("¿Quién ganó?", Decision.DECLINE, Kind.NONE, lang="es", requested_lang="es")

    for user in users:
        memory.reply_language(spanish, user)

    assert [memory.user_language(user) for user in users] == ["en", "es", "es"]


async def test_portuguese_user_is_greeted_in_portuguese(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("/start", language_code="pt-br")

    reply = await fake_bot_api.wait_for_reply(update)

    assert reply["text"].startswith("Olá, Ana! Respondo a perguntas sobre a cooperação")
    assert "• Aeroespacial\n• Saúde\n• Energia verde" in reply["text"]
    assert buttons(reply)[0] == ("O programa CBERS", "a:cbers-program")


async def test_chinese_question_gets_chinese_answer(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("中国帮助发射了哪些卫星？")

    reply = await fake_bot_api.wait_for_reply(update)

    assert (reply["text"], buttons(reply)[0]) == (
        LAUNCHES_ZH,
        ("📄 来源", "s:satellite-launches"),
    )


async def test_unknown_topic_is_declined_in_spanish_with_spanish_topics(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("¿Cuál es la capital de Francia?")

    reply = await fake_bot_api.wait_for_reply(update)

    assert (reply["text"], buttons(reply)) == (
        parse_html(texts("es").decline)[0],
        [("Aeroespacial", "t:aerospace"), ("Salud", "t:health"), ("Energía verde", "t:energy")],
    )


async def test_untranslated_answer_comes_in_english_with_a_note(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("/start covid-support", language_code="pt-BR")

    reply = await fake_bot_api.wait_for_reply(update)

    assert reply["text"].startswith(
        "(Esta resposta só está disponível em inglês.)\n\nHow did China help during COVID-19?"
    )


async def test_command_hints_follow_the_users_language(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    update = fake_bot_api.send_message("/nope", language_code="es-419")

    reply = await fake_bot_api.wait_for_reply(update)

    assert reply["text"] == parse_html(texts("es").unknown_command)[0]


async def test_command_menus_and_descriptions_are_registered_per_language(
    fake_bot_api: FakeBotAPI, bot: BotApplication
) -> None:
    menus = {
        lang: fake_bot_api.commands(language_code="" if lang == "en" else lang)
        for lang in LANGUAGES
    }
    descriptions = [fake_bot_api.description("" if lang == "en" else lang) for lang in LANGUAGES]

    assert [len(menu) for menu in menus.values()] == [6, 6, 6, 6]
    assert menus["es"][0] == {"command": "start", "description": "Qué sé, con preguntas de ejemplo"}
    assert descriptions == [texts(lang).profile.description for lang in LANGUAGES]


SAMPLES = {
    "name": "Ana &amp; &lt;Bo&gt;",
    "title": "Latin America partnership",
    "author": "CASS",
    "topics": "• Aerospace\n• Healthcare",
    "description": "Satellites",
    "username": "celac_bot",
    "hello": "Hi!",
    "subject": "Which satellites were launched?",
    "waiting": "12",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_valid_telegram_html(lang: Language) -> None:
    messages = texts(lang).model_dump(exclude={"profile"})

    plain = {key: parse_html(text.format_map(SAMPLES))[0] for key, text in messages.items()}

    assert all(plain.values())
    # /help names the Source button as it reads in the same language.
    assert f"<b>{messages['source_button']}</b>" in messages["help"]
    # Callback answers are plain text: the notices must read the same without parsing.
    assert [plain["stale_notice"], plain["slow_down"]] == [
        messages["stale_notice"],
        messages["slow_down"],
    ]


def test_every_language_has_every_text_with_the_same_placeholders() -> None:
    shipped = {lang: placeholders(texts(lang).model_dump()) for lang in LANGUAGES}

    assert all(each == shipped["en"] for each in shipped.values())


def test_a_translation_missing_a_placeholder_is_rejected() -> None:
    data = catalogue().model_dump()
    data["es"]["hello_name"] = "¡Hola!"

    with pytest.raises(ValidationError, match=r"es: placeholders differ .*hello_name"):
        Catalogue.model_validate(data)


def test_a_translation_missing_a_text_is_rejected() -> None:
    data = catalogue().model_dump()
    del data["zh"]["decline"]

    with pytest.raises(ValidationError, match=r"zh\.decline"):
        Catalogue.model_validate(data)
