"""Normalisation: what the index and the queries both see."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from celacbot.retrieval.normalise import Normaliser, fold, stem, words


def test_fold_strips_accents_case_and_invisible_characters() -> None:
    assert fold("Satélite BRASIL\u200b\u202e") == "satelite brasil"


def test_fold_reads_traditional_chinese_as_simplified() -> None:
    assert fold("中國幫哪些國家發射了衛星？") == fold("中国帮哪些国家发射了卫星？")
    assert fold("比亚迪") == "比亚迪"  # simplified stays as it is


def test_fold_turns_control_characters_into_spaces() -> None:
    assert words("satellites\x00launched\nnow") == ["satellites", "launched", "now"]


def test_fold_drops_lone_surrogates() -> None:
    assert words("\ud800 cbers") == ["cbers"]


def test_words_split_chinese_into_character_pairs_without_particles() -> None:
    assert words("比亚迪的工厂") == ["比亚", "亚迪", "工厂"]


def test_stem_joins_inflections() -> None:
    assert {stem("launched"), stem("launch"), stem("launches")} == {"launch"}
    assert stem("satellites") == stem("satellite")


def test_stem_joins_spanish_and_portuguese_gender_and_number_of_long_words() -> None:
    assert stem("considerada") == stem("considerado") == stem("considerados")
    assert stem("significativas") == stem("significativo")
    # Short words keep their endings: "data" and "date" must not become one word.
    assert stem("data") != stem("date")
    # "chinês" (folded "chines") is no plural of "chin"
    assert stem("chines") == stem("chineses") == stem("chinesa") == stem("chinese")


def test_synonyms_map_multi_word_variants_longest_first() -> None:
    normaliser = Normaliser({"electric vehicles": ["electric cars", "EV"], "cars": ["autos"]})

    assert normaliser.content_terms("Chinese electric cars") == normaliser.content_terms(
        "chinese EV"
    )
    assert normaliser.content_terms("chinese EV") == ("chines", "electric", "vehicl")


def test_synonyms_of_several_languages_share_the_first_canonical_term() -> None:
    normaliser = Normaliser(
        {"Brazil": ["Brasil"]}, {"Brasil": ["brasileño", "brazil"]}, {"巴西": ["Brasil"]}
    )

    assert {
        tuple(normaliser.content_terms(text)) for text in ("Brazil", "brasileño", "巴西", "BRASIL")
    } == {("brazil",)}


def test_content_terms_drop_stop_words_but_keep_topic_words() -> None:
    normaliser = Normaliser({})

    assert normaliser.content_terms("When was the first new green factory built?") == (
        "when",
        "first",
        "new",
        "green",
        "factory",
        "built",
    )


def test_chat_abbreviations_of_also_are_stop_words() -> None:
    # "tb", "tbm", "tmb": también / também, as people text them
    assert Normaliser({}).content_terms("solo autos o tmb otras cosas? e tb tbm tmbn") == ("auto",)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xFF)))
def test_latin1_words_are_the_letter_runs_of_the_folded_text(text: str) -> None:
    # words() reads a Latin-1 text through a byte table built by folding one character at a
    # time, which is only right while folding a Latin-1 text works character by character.
    assert words(text) == re.findall(r"[^\W_]+", fold(text))


def test_a_word_losing_its_final_e_never_becomes_a_stop_word() -> None:
    normaliser = Normaliser()

    # "dos" (Portuguese "of the") is dropped as a stop word; "doses" must not be.
    assert stem("dose") == stem("doses") == "dose"
    assert stem("doses") in normaliser.content_terms("how many vaccine doses")


def test_a_number_in_words_or_digits_is_one_term() -> None:
    assert stem("two") == stem("dois") == stem("2")
    assert stem("seis") == stem("six") == "6"
    assert stem("nineteen") == "19"
    # "dos" is Portuguese "of the", "once" English: left as they are
    assert stem("once") == "once"


def test_an_ordinal_in_digits_is_its_number_and_1st_is_first() -> None:
    assert stem("10th") == stem("10") == "10"
    # "the 1st car" is the first one, not a count of one
    assert stem("1st") == stem("first")


def test_cantonese_is_read_as_mandarin_and_mandarin_is_left_alone() -> None:
    assert fold("呢個 platform 係用嚟做咩㗎?") == "这个 platform 是用来做什么?"
    assert fold("數位經濟") == "数字经济"  # Taiwan's word for "digital"
    assert fold("是几时成立的？") == "是什么时候成立的?"  # colloquial "when", not only Cantonese
    assert fold("中拉关系怎么样？你呢？") == "中拉关系怎么样?你呢?"
    assert fold("佢哋重点解决咩问题？") == "他们重点解决什么问题?"  # 重点 stays
    assert fold("用在么样地方") == "用在什么样地方"  # Wuhan's "what kind of"
    assert fold("是啥类型的") == "是什么类型的"  # not a pair 啥类 beside 类型
    assert fold("合作得怎么样") == "合作得怎么样"
    assert fold("第一部车几时出得嚟啊？") == "第一辆车什么时候出来啊?"
    assert fold("成立咗幾耐？") == "成立了多久?"
    assert fold("这一部车是电动的吗") == "这一部车是电动的吗"
    assert fold("第一部分讲什么") == "第一部分讲什么"  # the first part
    assert fold("有冇得好处") == "有没有好处"
    assert fold("送给哪几个国家了") == "给哪几个国家了"  # the giving is 给


def test_a_synonym_is_found_without_the_stop_words_between_its_words() -> None:
    normaliser = Normaliser({"supply chain": ["cadena de suministro", "in ten years"]})

    assert normaliser.content_terms("cadena suministro") == normaliser.content_terms("supply chain")
    # Only the inner ones: "in ten years" does not make any "ten years" a supply chain.
    assert normaliser.content_terms("ten years") != normaliser.content_terms("supply chain")
