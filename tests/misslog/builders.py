"""Builders of the retriever's verdicts the question log records, and of a tiny knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from celacbot.retrieval.answer import Answer, Decision, Kind, Suggestion


def declined(question: str) -> Answer:
    """A question the bot declined to answer."""
    return Answer(question=question, decision=Decision.DECLINE, kind=Kind.NONE)


def suggested(question: str, *candidates: tuple[str, float]) -> Answer:
    """A question answered by "did you mean" suggestions (entry id, score)."""
    return Answer(
        question=question,
        decision=Decision.SUGGEST,
        kind=Kind.NONE,
        suggestions=tuple(
            Suggestion(id=entry_id, question=f"About {entry_id}?", label=entry_id, score=score)
            for entry_id, score in candidates
        ),
    )


def answered(entry_id: str, question: str = "a question") -> Answer:
    """A question answered outright from an FAQ entry."""
    return Answer(
        question=question,
        decision=Decision.ANSWER,
        kind=Kind.FAQ,
        id=entry_id,
        text="An answer.",
        score=90.0,
    )


def smalltalk(question: str = "hello") -> Answer:
    """A greeting answered from the small-talk list."""
    return Answer(
        question=question, decision=Decision.SMALLTALK, kind=Kind.SMALLTALK, id="greeting"
    )


ARTICLE = (
    "The China-Brazil Earth Resources Satellite program has developed six Earth resource"
    " satellites.\n"
    "Chinese automaker BYD has built a complex in Brazil consisting of three manufacturing units.\n"
)

KNOWLEDGE: dict[str, Any] = {
    "version": 1,
    "source": {"title": "A test article", "author": "A test author", "file": "article.txt"},
    "topics": [{"id": "cooperation", "title": "Cooperation", "description": "Projects."}],
    "entries": [
        {
            "id": "cbers-satellites",
            "topic": "cooperation",
            "label": "CBERS satellites",
            "questions": [
                "How many CBERS satellites were developed?",
                "how many cbers satellites",
                "number of china brazil satellites",
                "cbers satellite count",
            ],
            "answer": "Six Earth resource satellites.",
            "source": [
                "The China-Brazil Earth Resources Satellite program has developed six Earth"
                " resource satellites."
            ],
            "keywords": ["CBERS"],
        },
        {
            "id": "byd-brazil",
            "topic": "cooperation",
            "label": "BYD in Brazil",
            "questions": [
                "What has BYD built in Brazil?",
                "byd complex brazil",
                "byd factory in brazil",
                "what does byd make in brazil",
            ],
            "answer": "A complex of three manufacturing units.",
            "source": [
                "Chinese automaker BYD has built a complex in Brazil consisting of three"
                " manufacturing units."
            ],
            "keywords": ["BYD"],
        },
    ],
}


def write_knowledge(directory: Path) -> Path:
    """A small valid faq.yaml and its article in `directory`; the faq.yaml's path."""
    (directory / "article.txt").write_text(ARTICLE, encoding="utf-8")
    faq = directory / "faq.yaml"
    faq.write_text(yaml.safe_dump(KNOWLEDGE, sort_keys=False), encoding="utf-8")
    return faq
