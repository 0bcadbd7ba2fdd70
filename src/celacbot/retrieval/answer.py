"""The retriever's result: one value that every renderer formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """Where an answer came from."""

    FAQ = "faq"
    FACT = "fact"
    SMALLTALK = "smalltalk"
    NONE = "none"


class Decision(StrEnum):
    """What the retriever decided to do with a question."""

    ANSWER = "answer"
    SUGGEST = "suggest"
    DECLINE = "decline"
    SMALLTALK = "smalltalk"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate entry offered as "did you mean"."""

    id: str
    question: str
    score: float


@dataclass(frozen=True, slots=True)
class Answer:
    """The retriever's verdict on one question; renderers turn it into text or markup."""

    question: str
    decision: Decision
    kind: Kind
    id: str | None = None
    text: str = ""
    score: float = 0.0
    margin: float = 0.0
    suggestions: tuple[Suggestion, ...] = ()
    source: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    reason: str = field(default="", compare=False)

    @property
    def answered(self) -> bool:
        """True when the user gets an answer (FAQ, fact or small talk)."""
        return self.decision in (Decision.ANSWER, Decision.SMALLTALK)
