"""Messages as people write them: what a question sets aside."""

from __future__ import annotations

import pytest

from celacbot.retrieval.message import without_exclusion


@pytest.mark.parametrize(
    ("message", "rest"),
    [
        ("besides Venezuela, which other country?", "which other country?"),
        ("além do Chile, quais países?", "quais países?"),
        ("el artículo habla de Guyana aparte del covid?", "el artículo habla de Guyana ?"),
        ("除了智利，还有哪些国家？", "还有哪些国家？"),
        ("what is CBERS?", None),
    ],
)
def test_what_a_message_sets_aside_is_split_off(message: str, rest: str | None) -> None:
    split = without_exclusion(message)

    assert (split[0] if split else None) == rest
