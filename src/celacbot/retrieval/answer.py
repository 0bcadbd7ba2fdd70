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
    """A candidate entry offered as "did you mean": its question and its short button label."""

    id: str
    question: str
    label: str
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
    # The language of `text` (of the reply, for a decline or "did you mean"), and the one the
    # user asked in; they differ when no translation exists and the text is English.
    lang: str = "en"
    requested_lang: str = "en"
    # The kinds of detail the question asks for that the answer does not give ("amount",
    # "date"), and the sentence that says so in `lang` when the answer's own text does not;
    # renderers show `missing` before the answer text.
    lacks: tuple[str, ...] = ()
    missing: str = ""
    # A message asking two or three questions: one answer each, in order (this answer is
    # then the first part's verdict, for whatever looks only at one).
    parts: tuple[Answer, ...] = ()
    # The subject a follow-up was read with ("when?" after a CBERS answer): that entry's
    # question in `lang`, which renderers name before the answer; empty for a question that
    # stands alone.
    context: str = ""
    reason: str = field(default="", compare=False)

    @property
    def answered(self) -> bool:
        """True when the user gets an answer (FAQ, fact or small talk)."""
        return self.decision in (Decision.ANSWER, Decision.SMALLTALK)

    @property
    def fallback(self) -> bool:
        """True when the answer is in English for want of a translation into the asked language."""
        return self.answered and self.lang != self.requested_lang


@dataclass(frozen=True, slots=True)
class Candidate:
    """One scored entry or fact, with the components its total is made of."""

    id: str
    kind: Kind
    question: str
    fuzzy: float
    phrase: float
    overlap: float
    typo_matches: tuple[str, ...]
    entity_bonus: float
    total: float


@dataclass(frozen=True, slots=True)
class Explanation:
    """How a question was scored: the query terms, the top candidates and the verdict."""

    question: str
    terms: tuple[str, ...]
    unknown_terms: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    answer: Answer

    @property
    def margin(self) -> float:
        """The gap between the best and the second-best entry."""
        return self.answer.margin

    @property
    def decision(self) -> Decision:
        """What the retriever decided."""
        return self.answer.decision

    @property
    def reason(self) -> str:
        """Why it decided so."""
        return self.answer.reason
