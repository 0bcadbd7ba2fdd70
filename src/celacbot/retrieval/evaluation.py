"""Answer quality on a labelled question bank: metrics, confusions, floors and a threshold sweep."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from celacbot.config import RetrievalSettings
from celacbot.languages import ENGLISH, Language
from celacbot.retrieval.answer import Answer, Decision
from celacbot.retrieval.retriever import Retriever

DECLINE = "decline"
SMALLTALK = "smalltalk"
SUGGEST = "suggest"


SWEEP_THRESHOLDS = (30.0, 35.0, 40.0, 45.0, 50.0, 55.0, 60.0)
SWEEP_MARGINS = (0.0, 2.0, 4.0, 6.0, 8.0, 10.0)


Category = Literal[
    "plain", "paraphrase", "keyword", "typo", "conversational", "nearmiss", "offtopic"
]
CATEGORIES: Final[tuple[Category, ...]] = get_args(Category)
NEARMISS: Final = "nearmiss"
OFFTOPIC: Final = "offtopic"


class Floors(BaseModel):
    """The minimum quality a bank demands; `celacbot eval` fails below any of them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    top1_accuracy: float = Field(default=0.0, ge=0, le=1)
    decline_recall: float = Field(default=0.0, ge=0, le=1)
    decline_precision: float = Field(default=0.0, ge=0, le=1)
    max_wrong_answer_rate: float = Field(default=1.0, ge=0, le=1)
    # The most questions answered right on their own that an earlier subject may make wrong.
    max_context_change_rate: float = Field(default=1.0, ge=0, le=1)
    # The minimum share answered right in each category (of a bank that labels them).
    by_category: dict[Category, float] = Field(default_factory=dict)


class Case(BaseModel):
    """One labelled question: the acceptable outcomes (ids, "decline", "smalltalk")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str
    expect: tuple[str, ...] = Field(min_length=1)
    lang: Language = "en"
    category: Category | None = None
    # A message asking several questions: the acceptable ids of each part, in order.
    parts: tuple[tuple[str, ...], ...] = ()

    @field_validator("expect", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        """Accept a single outcome as well as a list of them."""
        return (value,) if isinstance(value, str) else value

    @property
    def must_decline(self) -> bool:
        """The only right outcome is an honest decline."""
        return self.expect == (DECLINE,)

    def accepts(self, outcome: Outcome) -> bool:
        """Whether the outcome is right for this question."""
        if self.parts and outcome.parts:
            return len(outcome.parts) >= len(self.parts) and all(
                got in part for got, part in zip(outcome.parts, self.parts, strict=False)
            )
        if self.parts:
            # One answer for several questions is right only when it is right for each (an
            # honest "the article gives neither the day nor the city").
            return all(
                self.model_copy(update={"expect": part, "parts": ()}).accepts(outcome)
                for part in self.parts
            )
        if outcome.label in self.expect:
            return True
        # On topic but not in the article: an answer that says what the article lacks is as
        # honest as a decline (never for an off-topic question).
        return DECLINE in self.expect and outcome.caveat and self.category != OFFTOPIC


class Bank(BaseModel):
    """A question bank file: floors (for all cases and per language) and cases."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    floors: Floors = Floors()
    floors_by_lang: dict[Language, Floors] = Field(default_factory=dict)
    cases: tuple[Case, ...] = Field(min_length=1)


def load_bank(path: Path) -> Bank:
    """Read a question bank (YAML); raises OSError, yaml.YAMLError or ValueError."""
    return Bank.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a predictor did with one question, reduced to what the bank can check."""

    label: str
    suggestions: tuple[str, ...] = ()
    # The answer said plainly what the article does not give.
    caveat: bool = False
    # The labels of each part of a message that asked several questions.
    parts: tuple[str, ...] = ()

    @property
    def answered(self) -> bool:
        """The user got an answer (not a decline or a "did you mean")."""
        return self.label not in (DECLINE, SUGGEST)


Predictor = Callable[[str], Outcome]


def outcome_of(answer: Answer) -> Outcome:
    """The bank's view of a retriever answer."""
    if answer.parts:
        outcomes = [outcome_of(part) for part in answer.parts]
        labels = tuple(outcome.label for outcome in outcomes)
        # "How many ventilators and how many doses?": each part says what the article does
        # not give, or declines; the message as a whole says it plainly.
        honest = all(outcome.caveat or outcome.label == DECLINE for outcome in outcomes)
        return Outcome(labels[0], caveat=honest, parts=labels)
    if answer.decision is Decision.SMALLTALK:
        return Outcome(SMALLTALK)
    if answer.decision is Decision.ANSWER and answer.id is not None:
        return Outcome(answer.id, caveat=bool(answer.lacks))
    if answer.decision is Decision.SUGGEST:
        return Outcome(SUGGEST, tuple(suggestion.id for suggestion in answer.suggestions))
    return Outcome(DECLINE)


@dataclass(frozen=True, slots=True)
class Report:
    """Quality figures of one predictor on one bank (rates are 0-1)."""

    cases: int
    top1_accuracy: float
    decline_recall: float
    decline_precision: float
    wrong_answer_rate: float
    suggestion_hit_rate: float
    suggested: int
    confusions: tuple[tuple[str, str, str, int], ...]
    # (category, cases, share answered right) for the banks that label categories.
    by_category: tuple[tuple[str, int, float], ...] = ()

    @property
    def suggest_rate(self) -> float:
        """Share of all questions answered with "did you mean"."""
        return self.suggested / self.cases if self.cases else 0.0

    def failures(self, floors: Floors) -> list[str]:
        """The floors this report falls below, one readable line each."""
        checks = (
            ("top-1 accuracy", self.top1_accuracy, floors.top1_accuracy, True),
            ("decline recall", self.decline_recall, floors.decline_recall, True),
            ("decline precision", self.decline_precision, floors.decline_precision, True),
            ("wrong-answer rate", self.wrong_answer_rate, floors.max_wrong_answer_rate, False),
        )
        found = [
            f"{name} {value:.1%} {'<' if at_least else '>'} floor {floor:.1%}"
            for name, value, floor, at_least in checks
            if (value < floor if at_least else value > floor)
        ]
        rates = {category: rate for category, _, rate in self.by_category}
        return found + [
            f"{category} {rates[category]:.1%} < floor {floor:.1%}"
            for category, floor in floors.by_category.items()
            if category in rates and rates[category] < floor
        ]


def _rate(part: int, whole: int, empty: float) -> float:
    return part / whole if whole else empty


def evaluate(cases: Sequence[Case], predict: Predictor) -> Report:
    """Run every case through a predictor and measure it."""
    answerable = correct = must_decline = declined_right = declined = honest = wrong = 0
    suggested = suggestion_hits = 0
    confusions: Counter[tuple[str, str, str]] = Counter()
    category_cases: Counter[str] = Counter()
    category_right: Counter[str] = Counter()
    for case in cases:
        outcome = predict(case.q)
        right = case.accepts(outcome)
        if case.category is not None:
            category_cases[case.category] += 1
            category_right[case.category] += right
        if case.must_decline:
            must_decline += 1
            declined_right += right
        else:
            answerable += 1
            correct += right
        if outcome.label == DECLINE:
            declined += 1
            honest += DECLINE in case.expect
        if outcome.label == SUGGEST:
            suggested += 1
            suggestion_hits += any(found in case.expect for found in outcome.suggestions)
        if not right:
            # Answering one of several questions right is incomplete, not wrong.
            wrong += outcome.answered and outcome.label not in case.expect
            confusions["/".join(case.expect), outcome.label, case.q] += 1
    return Report(
        cases=len(cases),
        top1_accuracy=_rate(correct, answerable, 1.0),
        decline_recall=_rate(declined_right, must_decline, 1.0),
        decline_precision=_rate(honest, declined, 1.0),
        wrong_answer_rate=_rate(wrong, len(cases), 0.0),
        suggestion_hit_rate=_rate(suggestion_hits, suggested, 1.0),
        suggested=suggested,
        confusions=tuple(
            (expected, got, question, count)
            for (expected, got, question), count in sorted(confusions.items())
        ),
        by_category=tuple(
            (
                category,
                category_cases[category],
                category_right[category] / category_cases[category],
            )
            for category in CATEGORIES
            if category_cases[category]
        ),
    )


def evaluate_by_language(cases: Sequence[Case], predict: Predictor) -> dict[Language, Report]:
    """One report per language the cases are written in, English first."""
    by_lang: dict[Language, list[Case]] = {ENGLISH: []}
    for case in cases:
        by_lang.setdefault(case.lang, []).append(case)
    return {lang: evaluate(group, predict) for lang, group in by_lang.items() if group}


def retriever_predictor(retriever: Retriever) -> Predictor:
    """A predictor that asks the retriever."""
    return lambda question: outcome_of(retriever.answer(question))


@dataclass(frozen=True, slots=True)
class SweepPoint:
    """Quality at one (answer threshold, margin) setting."""

    answer_threshold: float
    margin: float
    report: Report


def sweep(
    retriever: Retriever,
    cases: Sequence[Case],
    thresholds: Iterable[float] = SWEEP_THRESHOLDS,
    margins: Iterable[float] = SWEEP_MARGINS,
) -> list[SweepPoint]:
    """Evaluate the bank at every threshold x margin pair, sharing one built index."""
    margin_values = tuple(margins)
    points = []
    for threshold in thresholds:
        for margin in margin_values:
            settings: RetrievalSettings = retriever.settings.model_copy(
                update={"answer_threshold": threshold, "margin": margin}
            )
            variant = retriever.with_settings(settings)
            points.append(
                SweepPoint(threshold, margin, evaluate(cases, retriever_predictor(variant)))
            )
    return points


# Each question answered right on its own is asked again after this many other subjects.
SUBJECTS_PER_QUESTION: Final = 3


@dataclass(frozen=True, slots=True)
class ContextReport:
    """How often a conversation's subject changes a right stand-alone answer for the worse."""

    pairs: int
    # (question, the subject it was asked after, what it got then)
    made_wrong: tuple[tuple[str, str, str], ...]

    @property
    def rate(self) -> float:
        """Share of (question, subject) pairs whose answer the subject made wrong."""
        return _rate(len(self.made_wrong), self.pairs, 0.0)

    def failures(self, floors: Floors) -> list[str]:
        """The floor this report falls above, if any."""
        if self.rate <= floors.max_context_change_rate:
            return []
        return [
            f"stand-alone answers made wrong by a subject {self.rate:.1%}"
            f" > max {floors.max_context_change_rate:.1%}"
        ]


def context_robustness(cases: Sequence[Case], retriever: Retriever) -> ContextReport:
    """Every question the retriever answers right on its own, asked again as if the chat had
    been about other entries (SUBJECTS_PER_QUESTION of them, spread over the knowledge base
    the same way on every run): context must never turn a right answer wrong."""
    subjects = [entry.id for entry in retriever.kb.entries]
    stride = max(len(subjects) // SUBJECTS_PER_QUESTION, 1)
    pairs = 0
    made_wrong: list[tuple[str, str, str]] = []
    for index, case in enumerate(cases):
        if not case.accepts(outcome_of(retriever.answer(case.q))):
            continue
        for turn in range(SUBJECTS_PER_QUESTION):
            subject = subjects[(index + turn * stride) % len(subjects)]
            if subject in case.expect:
                continue  # the question's own answer is no other subject
            pairs += 1
            outcome = outcome_of(retriever.answer(case.q, subject=subject))
            if not case.accepts(outcome):
                made_wrong.append((case.q, subject, outcome.label))
    return ContextReport(pairs, tuple(made_wrong))


DialogueKind = Literal["followup", "reply_to_older", "new_subject", "nearmiss_followup"]
DIALOGUE_KINDS: Final[tuple[DialogueKind, ...]] = get_args(DialogueKind)


class Turn(BaseModel):
    """One user message of a dialogue: the acceptable outcomes in context."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str
    expect: tuple[str, ...] = Field(min_length=1)
    # A Telegram reply to the bot's answer of this turn (1-based).
    reply_to: int | None = Field(default=None, ge=1)

    @field_validator("expect", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        """Accept a single outcome as well as a list of them."""
        return (value,) if isinstance(value, str) else value


class Dialogue(BaseModel):
    """A short conversation whose last turn is scored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: Language = "en"
    kind: DialogueKind
    turns: tuple[Turn, ...] = Field(min_length=2)


class DialogueBank(BaseModel):
    """A dialogue bank file: floors per kind (share of last turns right) and dialogues."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    floors: dict[DialogueKind, float] = Field(default_factory=dict)
    dialogues: tuple[Dialogue, ...] = Field(min_length=1)


def load_any_bank(path: Path) -> Bank | DialogueBank:
    """Read a question bank or, when it holds `dialogues`, a dialogue bank (YAML, read once);
    raises OSError, yaml.YAMLError or ValueError."""
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(loaded, dict) and "dialogues" in loaded:
        return DialogueBank.model_validate(loaded)
    return Bank.model_validate(loaded)


def play(dialogue: Dialogue, retriever: Retriever) -> Answer:
    """Every turn answered as the bot would (the chat's subject, or the replied answer's);
    the last turn's answer."""
    subjects: list[str | None] = []
    subject: str | None = None
    answer = None
    for turn in dialogue.turns:
        context = subjects[turn.reply_to - 1] if turn.reply_to else subject
        answer = retriever.answer(
            turn.q, lang_hint=dialogue.lang, subject=context, replying=turn.reply_to is not None
        )
        last = answer.parts[-1] if answer.parts else answer
        answered = last.id if last.decision is Decision.ANSWER else None
        subjects.append(answered or context)
        subject = answered or subject
    assert answer is not None  # noqa: S101 - a dialogue has at least two turns
    return answer


@dataclass(frozen=True, slots=True)
class DialogueReport:
    """Last turns right per dialogue kind, and stand-alone last turns made worse by context."""

    dialogues: int
    # (kind, dialogues, share of last turns right)
    by_kind: tuple[tuple[DialogueKind, int, float], ...]
    worse_alone: int
    misses: tuple[tuple[str, str, str], ...]

    def failures(self, floors: dict[DialogueKind, float]) -> list[str]:
        """The per-kind floors this report falls below, one line each."""
        rates = {kind: rate for kind, _, rate in self.by_kind}
        found = [
            f"{kind} {rates[kind]:.1%} < floor {floor:.1%}"
            for kind, floor in floors.items()
            if kind in rates and rates[kind] < floor
        ]
        if self.worse_alone:
            found.append(f"{self.worse_alone} stand-alone questions answered worse with context")
        return found


def evaluate_dialogues(bank: DialogueBank, retriever: Retriever) -> DialogueReport:
    """Play every dialogue and score its last turn; a new subject's last turn is also asked
    alone, and context must not make it worse."""
    cases: Counter[str] = Counter()
    right: Counter[str] = Counter()
    worse_alone = 0
    misses = []
    for dialogue in bank.dialogues:
        last = dialogue.turns[-1]
        case = Case(
            q=last.q,
            expect=last.expect,
            lang=dialogue.lang,
            category="nearmiss" if dialogue.kind == "nearmiss_followup" else None,
        )
        outcome = outcome_of(play(dialogue, retriever))
        correct = case.accepts(outcome)
        cases[dialogue.kind] += 1
        right[dialogue.kind] += correct
        if not correct:
            misses.append((dialogue.kind, "/".join(last.expect), f"{outcome.label}: {last.q}"))
        if dialogue.kind == "new_subject":
            alone = case.accepts(outcome_of(retriever.answer(last.q, lang_hint=dialogue.lang)))
            worse_alone += alone and not correct
    return DialogueReport(
        dialogues=len(bank.dialogues),
        by_kind=tuple(
            (kind, cases[kind], right[kind] / cases[kind]) for kind in DIALOGUE_KINDS if cases[kind]
        ),
        worse_alone=worse_alone,
        misses=tuple(misses),
    )
