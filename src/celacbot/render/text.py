"""Plain-text renderings of answers and explanations for the terminal, in the question's
language."""

from __future__ import annotations

from collections.abc import Sequence

from celacbot.render.phrases import phrases
from celacbot.retrieval.answer import Answer, Decision, Explanation, Suggestion


def numbered(questions: Sequence[str]) -> str:
    """ "  1) first\n  2) second" for lists the user picks from by number."""
    return "\n".join(f"  {number}) {question}" for number, question in enumerate(questions, 1))


def render_suggestions(suggestions: Sequence[Suggestion], lang: str) -> str:
    """The "did you mean" prompt with numbered canonical questions, in `lang`."""
    return f"{phrases(lang).suggest}\n" + numbered(
        [suggestion.question for suggestion in suggestions]
    )


def render_source(answer: Answer) -> str:
    """The article's own words behind an answer, one quote a line."""
    said = phrases(answer.requested_lang)
    if not answer.source:
        return said.no_quotes
    return f"{said.from_article}\n" + "\n".join(f'  "{quote}"' for quote in answer.source)


def render_answer(answer: Answer, *, with_source: bool = True) -> str:
    """An answer as a person reads it in a terminal, in the language of the question."""
    said = phrases(answer.requested_lang)
    if answer.decision is Decision.SUGGEST:
        return render_suggestions(answer.suggestions, answer.requested_lang)
    if answer.decision is Decision.DECLINE:
        return said.decline
    if answer.parts:
        return "\n\n".join(
            f"{part.question}\n{render_answer(part, with_source=with_source)}"
            for part in answer.parts
        )
    text = f"{answer.missing}\n{answer.text}" if answer.missing else answer.text
    if answer.fallback:
        text = f"{said.english_only}\n{text}"
    if answer.context:
        text = f"{said.follow_up.format(subject=answer.context)}\n{text}"
    if with_source and answer.source:
        return f"{text}\n\n{render_source(answer)}"
    return text


def render_explanation(explanation: Explanation) -> str:
    """The scoring table behind one question, and the verdict with its reason."""
    answer = explanation.answer
    lines = [
        f"Question: {explanation.question}",
        f"Terms:    {' '.join(explanation.terms) or '-'}",
        f"Unknown:  {' '.join(explanation.unknown_terms) or '-'}",
    ]
    typos = explanation.candidates[0].typo_matches if explanation.candidates else ()
    lines.append(f"Typos:    {' '.join(typos) or '-'}")
    if explanation.candidates:
        lines += ["", f"  # {'id':<36} {'kind':<5} fuzzy phrase overlap entity  total"]
        lines += [
            f"  {rank} {c.id:<36} {c.kind.value:<5} {c.fuzzy:5.1f} {c.phrase:6.1f} {c.overlap:7.1f}"
            f" {c.entity_bonus:6.1f} {c.total:6.1f}"
            for rank, c in enumerate(explanation.candidates, 1)
        ]
    target = f" {answer.id}" if answer.id else ""
    lines += [
        "",
        f"Margin:   {explanation.margin:.1f} (best entry minus the runner-up)",
        f"Decision: {explanation.decision.value}{target} (score {answer.score:.1f})",
        f"Reason:   {explanation.reason}",
    ]
    return "\n".join(lines)
