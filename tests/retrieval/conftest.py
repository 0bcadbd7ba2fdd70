"""Retrievers over the shipped knowledge base and over a tiny hand-made one."""

from __future__ import annotations

from pathlib import Path

import pytest

from celacbot.config import RetrievalSettings
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.knowledge.models import KnowledgeBase
from celacbot.retrieval.retriever import Retriever
from tests.checkout import KNOWLEDGE

TINY_KB = {
    "version": 1,
    "source": {"title": "Tiny", "author": "Tester", "file": "article.txt"},
    "topics": [{"id": "space", "title": "Space", "description": "Satellites."}],
    "entries": [
        {
            "id": "satellites",
            "topic": "space",
            "label": "Satellites launched",
            "questions": [
                "Which satellites were launched?",
                "satellites launched",
                "list of satellites",
                "what satellites did china launch",
            ],
            "answer": "Venezuela's remote sensing satellites and Bolivia's first one.",
            "source": ["China has helped launch Venezuela's remote sensing satellites."],
            "keywords": ["satellites", "Venezuela", "Bolivia"],
        },
        {
            "id": "satellite-count",
            "topic": "space",
            "label": "How many satellites",
            "questions": [
                "How many satellites did China and Brazil develop?",
                "number of cbers satellites",
                "how many cbers satellites",
                "cbers satellite count",
            ],
            "answer": "Six.",
            "source": ["The program has developed six Earth resource satellites."],
            "keywords": ["CBERS", "six"],
        },
        {
            "id": "byd-factory",
            "topic": "space",
            "label": "BYD's factory",
            "questions": [
                "What has BYD built in Brazil?",
                "BYD Brazil factory",
                "byd plant",
                "byd complex brazil",
            ],
            "answer": "A complex of three manufacturing units.",
            "source": ["BYD has built a complex in Brazil."],
            "keywords": ["BYD", "factory"],
        },
    ],
    "facts": [
        {
            "id": "fact-lithium",
            "topic": "space",
            "text": "The units also process lithium and iron phosphate.",
            "source": "processing lithium and iron phosphate",
            "keywords": ["lithium", "iron phosphate"],
        }
    ],
    "synonyms": {"Brazil": ["Brasil"], "satellites": ["sats"]},
    "smalltalk": [
        {"id": "greeting", "patterns": ["hi", "hello", "good morning"], "answer": "Hello!"},
        {"id": "thanks", "patterns": ["thanks", "thank you"], "answer": "You're welcome."},
    ],
}


@pytest.fixture(scope="session")
def shipped() -> Retriever:
    """The retriever over knowledge/faq.yaml with the default settings."""
    return Retriever(load_knowledge_base(KNOWLEDGE), RetrievalSettings())


@pytest.fixture(scope="session")
def tiny() -> Retriever:
    """A retriever over three entries and one fact, for the mechanics of deciding."""
    return Retriever(KnowledgeBase.model_validate(TINY_KB), RetrievalSettings())


@pytest.fixture
def knowledge_path() -> Path:
    """The shipped knowledge file."""
    return KNOWLEDGE


@pytest.fixture(scope="module")
def shipped_for_hypothesis(shipped: Retriever) -> Retriever:
    """The shipped retriever under a module-scoped name, as hypothesis needs for @given tests."""
    return shipped
