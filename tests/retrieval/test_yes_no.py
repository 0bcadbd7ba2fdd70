"""A bare "Yes." opens only answers to yes/no questions, in every language."""

from __future__ import annotations

import re

import pytest

from celacbot.languages import LANGUAGES
from celacbot.retrieval.retriever import Retriever
from celacbot.retrieval.yes_no import asks_yes_or_no, fitted_answer, yes_no_opener

YES_NO = [
    ("Does the article mention lithium?", "en"),
    ("does byd process lithium", "en"),
    ("and is China in CELAC", "en"),
    ("Has China-CELAC cooperation created jobs?", "en"),
    ("¿El artículo menciona el litio?", "es"),
    ("¿BYD procesa litio en Brasil?", "es"),
    ("y la CELAC incluye a China?", "es"),
    ("O artigo menciona o lítio?", "pt"),
    ("A China faz parte da CELAC?", "pt"),
    ("文章提到锂了吗？", "zh"),
    ("中国属于拉共体吗", "zh"),
    ("比亚迪有没有在巴西加工锂", "zh"),
    # an exclamation before it asks nothing
    ("q legal, a byd processa litio no brasil?", "pt"),
    ("qué raro, ¿BYD procesa litio en Brasil?", "es"),
]
OTHER = [
    ("what does byd process", "en"),
    ("Where is lithium processed?", "en"),
    ("How many jobs were created?", "en"),
    ("lithium", "en"),
    ("tell me if BYD processes lithium", "en"),
    ("¿Dónde se procesa el litio?", "es"),
    ("donde se procesa el litio", "es"),
    ("¿Con cuántos miembros de la CELAC?", "es"),
    ("¿y BYD qué procesa?", "es"),
    ("byd procesa litio", "es"),
    ("O que a BYD processa?", "pt"),
    ("Para que são usados os dados?", "pt"),
    ("Quantos empregos foram criados?", "pt"),
    # chat spellings of "qué" and "por qué"
    ("q paises ayudo china a lanzar satelites?", "es"),
    ("ke hace byd en brasil?", "es"),
    ("pq a china ajudou o brasil?", "pt"),
    ("que paises, segun el articulo?", "es"),
    ("qdo a byd abre a fabrica?", "pt"),
    ("锂在哪里加工？", "zh"),
    ("创造了多少就业岗位？", "zh"),
    ("巴西 锂", "zh"),
]


@pytest.mark.parametrize(("question", "lang"), YES_NO)
def test_yes_no_questions_are_recognised(question: str, lang: str) -> None:
    assert asks_yes_or_no(question, lang)


@pytest.mark.parametrize(("question", "lang"), OTHER)
def test_other_questions_are_not(question: str, lang: str) -> None:
    assert not asks_yes_or_no(question, lang)


def test_only_a_bare_yes_or_no_is_dropped() -> None:
    assert fitted_answer("Yes. BYD does.", "what does BYD do", "en") == "BYD does."
    assert fitted_answer("是的。文章这样说。", "文章说了什么", "zh") == "文章这样说。"
    assert fitted_answer("Yes. BYD does.", "does BYD do it", "en") == "Yes. BYD does."
    # Words that merely begin like one stay, and so does an answer that is nothing else.
    assert fitted_answer("Nobody knows.", "who knows", "en") == "Nobody knows."
    assert fitted_answer("Yes.", "what", "en") == "Yes."


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("what does byd process", "BYD's complex in Brazil"),
        ("does byd process lithium", "Yes. BYD's complex in Brazil"),
        ("¿Dónde se procesa el litio?", "El complejo de BYD"),
        ("¿BYD procesa litio en Brasil?", "Sí. El complejo de BYD"),
        ("Onde o lítio é processado?", "O complexo da BYD"),
        ("锂在哪里加工？", "比亚迪巴西综合园区"),
        ("How many jobs were created?", "The article says China-CELAC cooperation"),
    ],
)
def test_answers_open_with_yes_only_for_yes_no_questions(
    shipped: Retriever, question: str, opening: str
) -> None:
    answer = shipped.answer(question)

    assert answer.text.startswith(opening), answer.text


def test_a_button_answers_a_yes_no_entry_under_its_own_question(shipped: Retriever) -> None:
    for lang in LANGUAGES:
        answer = shipped.answer_entry("lithium-processing", lang_hint=lang)
        assert answer is not None
        assert yes_no_opener(answer.text), lang


@pytest.mark.parametrize(("question", "lang"), [("what else?", "en"), ("还有呢？", "zh")])
def test_a_follow_up_that_asks_no_yes_or_no_gets_none(
    shipped: Retriever, question: str, lang: str
) -> None:
    # After what investment brought, "what else?" gets the jobs entry, whose own question
    # ("Has cooperation created jobs?") asks yes or no; this one does not.
    answer = shipped.answer(question, lang_hint=lang, subject="investment-benefits")

    assert answer.id == "jobs-livelihoods"
    assert not yes_no_opener(answer.text), answer.text


def _short_first_sentence(text: str, lang: str) -> bool:
    pattern = r"[^。，]{1,4}。" if lang == "zh" else r"\w+[.!]\s"
    return re.match(pattern, text) is not None


def test_every_yes_no_entry_opens_with_a_recognised_yes_or_no(shipped: Retriever) -> None:
    # A new yes/no entry whose answer opens with an unlisted word ("没有。") would keep it
    # under every other question: yes_no.py's list must know it.
    for entry in shipped.kb.entries:
        wordings = [("en", entry.questions[0], entry.answer)]
        wordings += [(lang, t.questions[0], t.answer) for lang, t in entry.translations.items()]
        for lang, question, answer in wordings:
            if asks_yes_or_no(question, lang) and _short_first_sentence(answer, lang):
                assert yes_no_opener(answer), (entry.id, lang, answer[:20])
