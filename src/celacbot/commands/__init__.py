"""One module per `celacbot` sub-command, plus the set-up several of them share."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from celacbot.retrieval.retriever import Retriever


def counted(number: int, noun: str) -> str:
    """The number with the noun, plural unless it is 1: "1 warning", "3 warnings"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def load_retriever() -> Retriever | None:
    """The retriever over the configured knowledge file, or None after printing its problems."""
    # Imported here: cli.py imports every command module, and this must stay cheap.
    from celacbot.config import Settings
    from celacbot.knowledge.loader import KnowledgeError
    from celacbot.retrieval.retriever import Retriever

    try:
        return Retriever.from_file(Settings().knowledge)
    except KnowledgeError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return None
