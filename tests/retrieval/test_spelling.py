"""The one set of typo rules, on word lists of the test's own."""

from __future__ import annotations

from celacbot.retrieval.spelling import Speller


def test_of_equally_close_words_the_more_frequent_one_wins() -> None:
    # "vacnas" is one letter from both; "vacunas" is the word people write more.
    speller = Speller(["vacas", "vacunas", "vacunas", "vacunas"])

    assert speller.correct("vacnas") == "vacunas"


def test_a_stop_word_is_reached_only_from_its_first_letter_and_if_long_enough() -> None:
    speller = Speller(["satellites"], stop_words=["what", "other", "between", "about"])

    assert speller.correct("betwern") == "between"
    assert speller.correct("abput") == "about"
    assert speller.correct("whta") == "what"  # its letters swapped
    assert speller.correct("wheat") is None  # a word of its own, one letter from "what"
    assert speller.correct("mother") is None  # likewise from "other"


def test_an_everyday_word_is_corrected_only_onto_a_word_with_its_first_letter() -> None:
    everyday = {"order", "sitio", "trabalhou"}
    speller = Speller(["border", "litio", "trabalho"], everyday=everyday.__contains__)

    assert speller.correct("order") is None
    assert speller.correct("sitio") is None
    assert speller.correct("trabalhou") == "trabalho"  # another form of the word it is
    assert speller.correct("bordr") == "border"  # not an everyday word: a typo


def test_four_letter_words_are_corrected_only_by_swapped_letters() -> None:
    speller = Speller(["podem", "tie", "lanch"])

    assert speller.correct("poem") is None
    assert speller.correct("time") is None


def test_words_become_four_letter_words_only_by_swapped_letters() -> None:
    # "class" is one letter from "cass" (the Chinese Academy of Social Sciences).
    speller = Speller(["cass", "apec", "cbers"])

    assert speller.correct("class") is None
    assert speller.correct("csas") == "cass"
    assert speller.correct("appec") == "apec"  # a doubled letter dropped
    assert speller.correct("cberss") == "cbers"


def test_long_words_may_carry_two_typos_and_known_words_none() -> None:
    speller = Speller(["agricultural", "cooperation", "satellites"])

    assert speller.correct("agricutlural") == "agricultural"
    assert speller.correct("coperatoin") == "cooperation"
    assert speller.correct("satellites") is None
    assert speller.correct("sat") is None
