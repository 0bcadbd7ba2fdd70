"""The knowledge file the bot ships with is valid and cites every sentence of the article."""

from __future__ import annotations

from celacbot.knowledge.coverage import uncited_sentences
from celacbot.knowledge.loader import check_knowledge_file
from tests.checkout import KNOWLEDGE


def test_shipped_knowledge_file_has_no_errors() -> None:
    report = check_knowledge_file(KNOWLEDGE)

    assert report.errors == []
    assert report.ok


def test_every_sentence_of_the_article_is_cited() -> None:
    report = check_knowledge_file(KNOWLEDGE)
    assert report.kb is not None
    assert report.article is not None

    assert uncited_sentences(report.kb, report.article) == []
