"""Callback data: short, within Telegram's 64 bytes, and forged data never decodes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from celacbot.bot.keyboards import (
    Action,
    HideSource,
    NoneOfThese,
    PickSuggestion,
    ShowAnswer,
    ShowSource,
    ShowTopic,
    ShowTopics,
    decode,
    encode,
)
from celacbot.knowledge.models import MAX_ID_BYTES

LONGEST_ID = "-".join(["abcdefg"] * 6)[:MAX_ID_BYTES]
LARGEST_EVENT_ID = 10**13 - 1


@pytest.mark.parametrize(
    ("action", "data"),
    [
        (ShowAnswer("cbers-program"), "a:cbers-program"),
        (ShowSource("cbers-program"), "s:cbers-program"),
        (HideSource("cbers-program"), "h:cbers-program"),
        (ShowTopic("health"), "t:health"),
        (ShowTopics(), "T"),
        (NoneOfThese(), "n"),
        (NoneOfThese(42), "n:42"),
        (PickSuggestion(42, "cbers-program"), "p:42:cbers-program"),
    ],
)
def test_actions_encode_to_short_prefixes_and_back(action: Action, data: str) -> None:
    assert (encode(action), decode(data)) == (data, action)


def test_the_longest_id_fits_in_64_bytes() -> None:
    for action in (
        ShowAnswer(LONGEST_ID),
        ShowSource(LONGEST_ID),
        HideSource(LONGEST_ID),
        ShowTopic(LONGEST_ID),
        PickSuggestion(LARGEST_EVENT_ID, LONGEST_ID),
    ):
        assert len(encode(action).encode()) <= 64
        assert decode(encode(action)) == action


@pytest.mark.parametrize(
    "data",
    [
        None,
        b"a:x1",
        "",
        "a",
        "a:",
        "x:cbers",
        "a:CBERS",
        "a:../etc",
        "a:-x",
        "T:",
        "a:b c",
        "n:0",
        "n:01",
        "n:x",
        "n:1:a",
        "p:1",
        "p:1:",
        "p:0:ab",
        "p:x:ab",
        "p:1:AB",
        "p:1:a:b",
        f"p:{10**13}:ab",
    ],
)
def test_forged_or_foreign_data_decodes_to_none(data: object) -> None:
    assert decode(data) is None


@given(st.text(max_size=100))
def test_decoding_any_text_never_raises(data: str) -> None:
    action = decode(data)

    assert action is None or encode(action) == data
