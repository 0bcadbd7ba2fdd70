"""What makes a message a follow-up, in the words people use."""

from __future__ import annotations

import pytest

from celacbot.retrieval.followup import (
    asks_for_position,
    asks_if_only,
    asks_if_there,
    asks_status,
    asks_what_for,
    asks_what_it_is,
    asks_why,
    doubts_a_figure,
    opens_with_connector,
    points_back,
    relates_to,
    says_only,
)


@pytest.mark.parametrize(
    "message",
    [
        "what is it?",
        "what is that exactly?",
        "whats that",
        "so what is it?",
        "What does it do?",
        "¿qué es eso exactamente?",
        "e o que é isso?",
        "它是干什么的？",
        "那是什么？",
        "who are they?",
        "¿quiénes son?",
        "quem são eles?",
        "他们是谁？",
        "what kind of company is that exactly?",
        "mas que empresa é essa?",
        "¿Y qué empresa es esa exactamente?",
        "e quem é essa malta?",
    ],
)
def test_asking_what_the_thing_talked_about_is(message: str) -> None:
    assert asks_what_it_is(message)


@pytest.mark.parametrize(
    "message",
    [
        "what is it for?",  # its purpose, not what it is
        "what is the South-South fund?",  # names its own subject
        "what is this article about?",
        "what is that fund?",
        "它是干什么用的？",
    ],
)
def test_a_question_about_something_else_is_not_what_it_is(message: str) -> None:
    assert not asks_what_it_is(message)


@pytest.mark.parametrize(
    "message",
    [
        "the second one?",
        "and the first?",
        "what about the other one",
        "y el último?",
        "e o segundo?",
        "第二个呢",
    ],
)
def test_naming_only_an_item_of_the_list_just_given(message: str) -> None:
    assert asks_for_position(message)


@pytest.mark.parametrize(
    ("message", "points"),
    [
        ("the second one was launched when?", True),  # asks about the item
        ("第一个为什么重要?", True),
        ("when will byd make the first vehicle?", False),  # an ordinal before its noun
        ("e quando sai o primeiro carro?", False),
        ("第一个卫星是什么", False),
    ],
)
def test_an_ordinal_points_back_only_when_it_stands_for_a_thing(message: str, points: bool) -> None:
    assert not asks_for_position(message)
    assert points_back(message) is points


@pytest.mark.parametrize(
    ("message", "points"),
    [
        ("what is that exactly?", True),
        ("¿y ese proyecto?", True),
        ("essa fábrica é grande?", True),
        # a longer question that says "that ..." stands alone
        ("qué dice el artículo sobre esa planta de BYD en Brasil", False),
        ("¿está terminada?", False),  # "está" is no "esta"
        # the formal "said programme" points back however long the question
        ("Quantos satélites foram desenvolvidos no âmbito do referido programa?", True),
        # "eso del celac", "isso do CBERS": that thing about CELAC names it
        ("y de paso que es eso del celac", False),
        ("o que é isso do cbers", False),
        ("y eso de qué sirve?", True),
    ],
)
def test_a_demonstrative_points_back_in_a_short_message(message: str, points: bool) -> None:
    assert points_back(message) is points


@pytest.mark.parametrize(
    ("message", "only"),
    [
        ("only for brazil?", True),
        ("just between governments?", True),
        ("¿solo para Brasil?", True),
        ("só pro brasil?", True),
        ("只给巴西吗？", True),
        ("is it only for brazil?", True),
        ("are they only in chile?", True),
        ("¿es solo para Brasil?", True),
        ("isso é só pro brasil?", True),
        ("only brazil gets the data like?", True),  # five words after "only", as people chat
        ("is it only for brazil or who else gets it?", False),
        ("just curious, what is cbers?", False),  # a question of its own
        ("so the satellites are shared?", False),  # English "so" is not Portuguese "só"
    ],
)
def test_asking_whether_it_holds_for_one_thing_alone(message: str, only: bool) -> None:
    assert asks_if_only(message) is only


@pytest.mark.parametrize(
    ("message", "purpose"),
    [
        ("what for?", True),
        ("for wha tho", True),  # the other way round, as typed
        ("what would that achieve?", True),
        ("how does that help them though?", True),
        ("who benefits?", True),
        ("¿y para qué sirve eso?", True),
        ("pra q serve", True),
        ("quem ganha com isso?", True),
        ("这有啥用", True),
        ("这些卫星的数据用来干嘛？", True),
        ("拿来干啥的", True),
        ("那带来了什么？", True),
        ("有什么作用", True),
        ("E para quais finalidades são utilizados os dados gerados?", True),
        ("¿con qué fin se hizo?", True),
        ("for what purposes?", True),
        # the question mark after the asking words ends the question, not the match
        ("for what?", True),
        ("E esses dados servem para quê?", True),
        ("y eso pa que", True),
        ("¿Y para qué servirá?", True),  # what it will be for
        ("pra que vai servir?", True),
        ("para que lado?", False),
        ("why?", False),  # a cause
        ("¿Qué falta para que la cooperación funcione?", False),  # "so that"
        ("when was it built?", False),
        ("who built it?", False),
        ("多说一点", False),
        ("e o mundo ganha o q com isso", True),  # what does the world gain from it
        ("esses satélite servem pra quê mesmo?", True),
        ("那些卫星是拿来做哪样的？", True),  # 做哪样: what, in southwestern Mandarin
        ("拿来做什么的", True),
        ("what's the end game?", True),
        ("Tchê, e qual o ganho disso pra gente?", True),
        ("y eso d q le sirve a latinoamerica", True),
        ("pra quê mesmo, visse?", True),  # a tag after it asks nothing more
        ("pra que lado, visse?", False),
        ("what is the ultimate goal?", True),
    ],
)
def test_asking_what_something_is_for_or_brings(message: str, purpose: bool) -> None:
    assert asks_what_for(message) is purpose


@pytest.mark.parametrize(
    ("message", "why"),
    [
        ("why digital tho", True),
        ("¿y por qué lo verde?", True),
        ("为啥是绿色？", True),
        ("what for?", False),
    ],
)
def test_asking_why(message: str, why: bool) -> None:
    assert asks_why(message) is why


@pytest.mark.parametrize(
    ("message", "doubt"),
    [
        ("wait, wasn't it 2023?", True),
        ("¿no eran 20?", True),
        ("não eram cinco?", True),
        ("¿seguro que eran seis?", True),
        ("不是2023年吗?", True),
        ("确定是19个?", True),
        ("how many satellites are there?", False),  # asks, doubts nothing
        ("which 2 countries got state visits?", False),
        ("isn't it great?", False),  # no figure
        ("isn't it one of them?", False),  # "one" is no figure
        ("不是一个公司吗", False),
    ],
)
def test_doubting_a_figure_just_given(message: str, doubt: bool) -> None:
    assert doubts_a_figure(message) is doubt


@pytest.mark.parametrize(
    ("message", "status"),
    [
        ("is it finished?", True),
        ("is the plant up and running?", True),
        ("when will it be ready?", True),
        ("¿ya está funcionando?", True),
        ("¿ya abrió?", True),
        ("já tá pronto?", True),
        ("quando fica pronto?", True),
        ("¿cuándo estará listo?", True),
        ("quando vão ficar prontas?", True),
        ("ainda está funcionando?", True),
        ("建好了吗", True),
        ("投产了没有", True),
        ("is it true?", False),
        ("what is it for?", False),
        ("¿qué fabrican?", False),
        ("ja entendi", False),
        ("ya está claro", False),
        ("já tá bom", False),
        ("quando fica o Peru?", False),
        ("are they working together on 5G?", False),
        ("what have they built?", False),
    ],
)
def test_asking_whether_something_is_built_or_working_yet(message: str, status: bool) -> None:
    assert asks_status(message) is status


@pytest.mark.parametrize(
    ("message", "connector"),
    [
        ("ok cool 👍 and uruguay?", True),
        ("nice 😄 and cars?", True),
        ("jajaja y en Chile?", True),
        ("kkkk e o Uruguai?", True),
        ("哈哈 那巴西呢", True),
        ("ay, ¿y a qué otros países?", True),
        ("perdone, ¿y qué más están construyendo?", True),
        ("ok what is cbers?", False),
        ("ok then", False),  # a reaction, asking nothing
        ("wow so cool", False),
        ("nice article, what is cbers?", False),
    ],
)
def test_and_after_an_interjection_still_continues(message: str, connector: bool) -> None:
    assert opens_with_connector(message) is connector


@pytest.mark.parametrize(
    ("message", "points"),
    [
        ("quando ele foi criado?", True),
        ("e ela produz o quê?", True),
        ("o que é a CELAC?", False),
    ],
)
def test_a_portuguese_he_or_she_points_back(message: str, points: bool) -> None:
    assert points_back(message) is points


@pytest.mark.parametrize(
    ("message", "there"),
    [
        ("is it in brazil?", True),
        ("so that's in mexico?", True),
        ("¿es en Brasil?", True),
        ("é no Brasil, né?", True),
        ("是在巴西吗？", True),
        ("e no brasil?", False),  # and in Brazil?
        ("what is in brazil?", False),
        ("is it in brazil, and which company built the plant there?", False),  # a question
    ],
)
def test_asking_if_the_thing_talked_about_is_in_a_place(message: str, there: bool) -> None:
    assert asks_if_there(message) is there


@pytest.mark.parametrize(
    ("question", "about"),
    [
        (
            "Is that related to China-Latin America cooperation?",
            " china-latin america cooperation?",
        ),
        ("¿eso tiene que ver con China?", " china?"),
        ("isso é parte da parceria?", " parceria?"),
        ("这跟中拉合作有关吗？", "中拉合作"),
        # a question of its own
        ("这个跟中国有关的卫星项目叫什么？", None),
        ("is the forum related to CELAC in any way, and how?", None),
    ],
)
def test_what_a_question_asks_what_was_told_relates_to(question: str, about: str | None) -> None:
    assert relates_to(question) == about


@pytest.mark.parametrize(
    ("message", "only"),
    [
        ("e faz o quê lá, só carro?", True),
        ("is it only cars?", True),
        ("只有电动车吗", True),
        ("so what about the green part?", False),  # English "so"
        ("what else do they make?", False),
    ],
)
def test_saying_only_of_something(message: str, only: bool) -> None:
    assert says_only(message) is only
