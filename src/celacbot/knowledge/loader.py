"""Loading faq.yaml safely. (Interim: the full line-aware loader replaces this body.)"""

from __future__ import annotations

from pathlib import Path

import yaml

from celacbot.knowledge.models import KnowledgeBase


class KnowledgeError(Exception):
    """A knowledge file that cannot be used; each problem is one "file:line:col: ..." line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def load_knowledge_base(path: Path) -> KnowledgeBase:
    """Read, parse and validate a knowledge file, or raise KnowledgeError."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return KnowledgeBase.model_validate(data)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise KnowledgeError([f"{path}: {exc}"]) from exc
