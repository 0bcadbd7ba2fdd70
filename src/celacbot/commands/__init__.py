"""One module per `celacbot` sub-command, plus the set-up several of them share."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from celacbot.config import Settings
    from celacbot.retrieval.retriever import Retriever

# Exit status of a command whose configuration the user must fix before trying again.
EXIT_CONFIG = 2


def counted(number: int, noun: str) -> str:
    """The number with the noun, plural unless it is 1: "1 warning", "3 warnings"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def load_settings(command: str) -> Settings | None:
    """The settings, or None after printing the first invalid one in one line."""
    from pydantic import ValidationError

    from celacbot.config import Settings, settings_error

    try:
        return Settings()
    except ValidationError as error:
        print(f"celacbot {command}: {settings_error(error)}", file=sys.stderr)
        return None


def load_retriever(command: str) -> Retriever | None:
    """The retriever over the configured knowledge file with the configured settings, or None
    after printing what is wrong (an invalid setting, the file's problems)."""
    # Imported here: cli.py imports every command module, and this must stay cheap.
    from celacbot.knowledge.loader import KnowledgeError
    from celacbot.retrieval.retriever import Retriever

    settings = load_settings(command)
    if settings is None:
        return None
    try:
        return Retriever.from_file(settings.knowledge, settings.retrieval)
    except KnowledgeError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return None
