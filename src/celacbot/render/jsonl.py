"""The machine-readable answer: one JSON object per question, one per line."""

from __future__ import annotations

import json

from celacbot.retrieval.answer import Answer


def answer_record(answer: Answer) -> dict[str, object]:
    """The fields `celacbot ask --json` promises, in their documented order."""
    return {
        "question": answer.question,
        "answered": answer.answered,
        "answer": answer.text if answer.answered else "",
        "id": answer.id,
        "kind": answer.kind.value,
        "score": round(answer.score, 1),
        "suggestions": [
            {
                "id": suggestion.id,
                "question": suggestion.question,
                "label": suggestion.label,
                "score": suggestion.score,
            }
            for suggestion in answer.suggestions
        ],
        "source": list(answer.source),
        "lang": answer.requested_lang,
        "missing": answer.missing,
        "parts": [answer_record(part) for part in answer.parts],
    }


def render_json_line(answer: Answer) -> str:
    """One compact JSON line; non-ASCII stays readable, lone surrogates are escaped."""
    return (
        json.dumps(answer_record(answer), ensure_ascii=False)
        .encode("utf-8", "backslashreplace")
        .decode("utf-8")
    )
