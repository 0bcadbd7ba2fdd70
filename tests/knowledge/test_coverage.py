"""Coverage lists the article sentences that no entry or fact quotes."""

from __future__ import annotations

from pathlib import Path

from celacbot.knowledge.coverage import Sentence, article_sentences, uncited_sentences
from celacbot.knowledge.loader import load_knowledge_base
from tests.knowledge.samples import ARTICLE, VALID_FAQ, changed, write_knowledge


def test_article_is_split_into_sentences_with_their_lines() -> None:
    assert article_sentences(ARTICLE) == [
        Sentence(1, "Letters of the alphabet"),
        Sentence(2, "Alpha is the first letter."),
        Sentence(2, "Beta comes second, after alpha."),
        Sentence(3, "Gamma is third."),
        Sentence(4, "The author is a tester."),
    ]


def test_uncited_sentences_are_those_no_quote_covers(workdir: Path) -> None:
    kb = load_knowledge_base(write_knowledge(workdir, VALID_FAQ))

    assert uncited_sentences(kb, ARTICLE) == [
        Sentence(1, "Letters of the alphabet"),
        Sentence(4, "The author is a tester."),
    ]


def test_quoting_half_a_sentence_cites_it(workdir: Path) -> None:
    faq = changed("    source: Gamma is third.\n", "    source: The author is\n")

    kb = load_knowledge_base(write_knowledge(workdir, faq))

    assert Sentence(4, "The author is a tester.") not in uncited_sentences(kb, ARTICLE)
    assert Sentence(3, "Gamma is third.") in uncited_sentences(kb, ARTICLE)


def test_quoting_a_few_words_of_a_sentence_does_not_cite_it(workdir: Path) -> None:
    faq = changed("      - Beta comes second, after alpha.", "      - after alpha.")

    kb = load_knowledge_base(write_knowledge(workdir, faq))

    assert Sentence(2, "Beta comes second, after alpha.") in uncited_sentences(kb, ARTICLE)


def test_quote_spanning_two_sentences_cites_both(workdir: Path) -> None:
    faq = changed(
        "      - Alpha is the first letter.\n",
        "      - Alpha is the first letter. Beta comes second\n",
    )
    faq = changed("      - Beta comes second, after alpha.\n", "      - Gamma is third.\n", faq)
    faq = changed("    source: Gamma is third.\n", "    source: The author is a tester.\n", faq)

    kb = load_knowledge_base(write_knowledge(workdir, faq))

    assert uncited_sentences(kb, ARTICLE) == [Sentence(1, "Letters of the alphabet")]
