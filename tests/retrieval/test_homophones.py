"""Chinese typed on a pinyin keyboard: a character of the same sound in place of the right one."""

from __future__ import annotations

import pytest

from celacbot.retrieval.answer import Decision
from celacbot.retrieval.homophones import Homophones
from celacbot.retrieval.retriever import Retriever


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # 标提 for 标题 (biao ti): "what is the article's title?"
        ("这篇文章的标提是啥", "article-title"),
        # 鸡金 for 基金 (ji jin): the South-South Cooperation Trust Fund
        ("南南合作信托鸡金跟哪些国家合作", "south-south-fund"),
        # 中新 for 中心 (zhong xin), in traditional characters: the food innovation center
        ("中拉永續食品創新中新 要研究哪些東西", "food-innovation-center"),
    ],
)
def test_a_character_typed_for_another_of_the_same_sound_is_read_as_meant(
    shipped: Retriever, question: str, expected: str
) -> None:
    answer = shipped.answer(question)

    assert (answer.decision, answer.id) == (Decision.ANSWER, expected)
    assert answer.question == question  # the user's words, as typed, are what was asked


def test_explain_names_the_misheard_pair(shipped: Retriever) -> None:
    explanation = shipped.explain("这篇文章的标提是啥")

    assert explanation.candidates[0].id == "article-title"
    assert "标提->标题" in explanation.candidates[0].typo_matches


def test_a_pair_is_rewritten_onto_the_one_known_pair_that_sounds_alike() -> None:
    homophones = Homophones({"文章", "标题"}.__contains__)

    assert homophones.heard("文章的标提是啥") == ("文章的标题是啥", ("标提->标题",))


def test_only_the_misheard_character_changes_and_traditional_ones_stay() -> None:
    homophones = Homophones({"中心", "创新"}.__contains__)

    assert homophones.heard("創新中新") == ("創新中心", ("中新->中心",))


def test_a_character_of_a_known_word_is_never_misheard() -> None:
    # 建 (jian) belongs to 建立: "国家建立" is not a misheard "国家间" (between countries).
    homophones = Homophones({"国家", "家间", "建立"}.__contains__)

    assert homophones.heard("国家建立") is None


def test_a_word_of_everyday_chinese_is_never_misheard() -> None:
    # 天气 (weather) sounds like 天汽, the edge of "今天汽车" in some phrasing.
    homophones = Homophones({"天汽"}.__contains__)

    assert homophones.heard("明天天气怎么样") is None


def test_question_words_are_never_misheard() -> None:
    # Cantonese 几多 (how many) sounds like 基多, but asks; it names nothing.
    homophones = Homophones({"基多"}.__contains__)

    assert homophones.heard("几多") is None


def test_two_known_pairs_that_sound_alike_leave_the_text_as_typed() -> None:
    # 机制 and 基制 both sound like 鸡制: which one was meant is a guess.
    homophones = Homophones({"机制", "基制"}.__contains__)

    assert homophones.heard("鸡制") is None


def test_text_without_an_unknown_pair_is_left_alone() -> None:
    homophones = Homophones({"标题"}.__contains__)

    assert homophones.heard("标题") is None
    assert homophones.heard("what is the title?") is None
