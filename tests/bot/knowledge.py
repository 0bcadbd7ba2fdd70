"""A small knowledge base for the bot's tests, quoting the real article verbatim."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

ARTICLE = Path(__file__).resolve().parents[2] / "knowledge" / "article.txt"
# What the bot answers to "What is CBERS?" from this knowledge base.
CBERS_ANSWER = (
    "CBERS is a China-Brazil satellite program.\n\nIt has developed six Earth resource satellites."
)


def _paragraphs() -> list[str]:
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines[1:] if len(line) > 100]


# Two entries have a question with exactly these words: the bot offers "did you mean".
AMBIGUOUS = "BYD plans in Brazil"
CBERS_QUOTE = (
    "the China-Brazil Earth Resources Satellite cooperation program has developed six "
    "Earth resource satellites"
)
LAUNCH_QUOTE = (
    "China has helped launch Venezuela's remote sensing satellites and Bolivia's first "
    "communication satellite"
)
COVID_QUOTE = (
    "During the COVID-19 pandemic, China provided medical support, including vaccines and "
    "ventilators, for Latin American and Caribbean countries such as Mexico, Cuba, Guyana "
    "and Ecuador."
)
BYD_QUOTE = (
    "Chinese automaker BYD has built a complex in Brazil consisting of three manufacturing "
    "units which focus on making electric and hybrid vehicles, and processing lithium and "
    "iron phosphate."
)

KNOWLEDGE: dict[str, Any] = {
    "version": 1,
    "source": {
        "title": "Latin America partnership for better future",
        "author": "Director of the Department of International Relations, CASS",
        "file": "article.txt",
    },
    "topics": [
        {"id": "aerospace", "title": "Aerospace", "description": "Satellites & space <stations>"},
        {"id": "health", "title": "Healthcare", "description": "Medical support"},
        {"id": "energy", "title": "Green energy", "description": "Electric vehicles"},
    ],
    "entries": [
        {
            "id": "cbers-program",
            "topic": "aerospace",
            "label": "The CBERS program",
            "questions": [
                "What is the CBERS program?",
                "What is CBERS?",
                "Tell me about the China-Brazil Earth Resources Satellite program",
                "CBERS",
            ],
            "answer": "CBERS is a China-Brazil satellite program.\n\nIt has developed six "
            "Earth resource satellites.",
            "source": [CBERS_QUOTE],
            "related": ["satellite-launches", "covid-support"],
            "keywords": ["CBERS"],
        },
        {
            "id": "satellite-launches",
            "topic": "aerospace",
            "label": "Satellite launches",
            "questions": [
                "Which satellites did China help launch?",
                "Did China launch satellites for Venezuela?",
                "Bolivia satellite launch",
                "satellite launches for other countries",
            ],
            "answer": "China helped launch Venezuela's remote sensing satellites and "
            "Bolivia's first communication satellite.",
            "source": [LAUNCH_QUOTE],
            "keywords": ["Venezuela", "Bolivia"],
        },
        {
            "id": "covid-support",
            "topic": "health",
            "label": "COVID-19 help",
            "questions": [
                "How did China help during COVID-19?",
                "What medical support did China provide during the pandemic?",
                "covid vaccines",
                "Did China send ventilators?",
            ],
            "answer": "During the pandemic China provided vaccines & ventilators to Mexico, "
            "Cuba, Guyana and Ecuador <among others>.",
            "source": [COVID_QUOTE],
            "related": ["cbers-program"],
            "keywords": ["COVID-19", "vaccines", "ventilators"],
        },
        {
            "id": "byd-brazil",
            "topic": "energy",
            "label": "BYD in Brazil",
            "questions": [
                "What has BYD built in Brazil?",
                "BYD factory in Brazil",
                "Tell me about the BYD complex",
                "What does the BYD plant make?",
                # Shares its words with a question of byd-first-vehicle: "BYD plans" is ambiguous.
                "BYD plans for Brazil",
            ],
            "answer": "BYD has built a complex of three manufacturing units in Brazil.",
            "source": [BYD_QUOTE],
            "keywords": ["BYD"],
        },
        {
            "id": "byd-first-vehicle",
            "topic": "energy",
            "label": "BYD's first vehicle",
            "questions": [
                "When will the BYD factory produce its first vehicle?",
                "first BYD car from Brazil",
                "When does BYD start production?",
                "BYD first vehicle date",
                "Brazil plans of BYD",
            ],
            "answer": "The BYD factory is expected to produce its first vehicle by early 2025.",
            "source": ["The BYD factory is expected to produce its first vehicle by early 2025."],
            "keywords": ["BYD"],
        },
        {
            "id": "whole-article",
            "topic": "energy",
            "label": "The whole article",
            "questions": [
                "Quote me the whole article",
                "Show the full article text",
                "entire article please",
                "full text of the article",
            ],
            "answer": "Press Source to read the whole article, paragraph by paragraph.",
            "source": _paragraphs(),
            "keywords": ["full text"],
        },
    ],
    "smalltalk": [
        {"id": "greeting", "patterns": ["hello", "hi there"], "answer": "Hello! Ask me."},
        {"id": "thanks", "patterns": ["thanks", "thank you"], "answer": "You're welcome!"},
    ],
}


def write_knowledge(directory: Path, knowledge: dict[str, Any] = KNOWLEDGE) -> Path:
    """Write faq.yaml and the article it quotes into `directory`; the faq.yaml path."""
    shutil.copy(ARTICLE, directory / "article.txt")
    path = directory / "faq.yaml"
    path.write_text(yaml.safe_dump(knowledge, allow_unicode=True, sort_keys=False))
    return path
