"""Callback data: short, within Telegram's 64 bytes, and forged data never decodes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from celacbot.bot.keyboards import (
    Action,
    NoneOfThese,
    ShowAnswer,
    ShowSource,
    ShowTopic,
    ShowTopics,
    decode,
    encode,
)
from celacbot.knowledge.models import MAX_ID_BYTES

LONGEST_ID = "-".join(["abcdefg"] * 6)[:MAX_ID_BYTES]


@pytest.mark.parametrize(
    ("action", "data"),
    [
        (ShowAnswer("cbers-program"), "a:cbers-program"),
        (ShowSource("cbers-program"), "s:cbers-program"),
        (ShowTopic("health"), "t:health"),
        (ShowTopics(), "T"),
        (NoneOfThese(), "n"),
    ],
)
def test_actions_encode_to_short_prefixes_and_back(action: Action, data: str) -> None:
    assert (encode(action), decode(data)) == (data, action)


def test_the_longest_id_fits_in_64_bytes() -> None:
    for action in (ShowAnswer(LONGEST_ID), ShowSource(LONGEST_ID), ShowTopic(LONGEST_ID)):
        assert len(encode(action).encode()) <= 64
        assert decode(encode(action)) == action


@pytest.mark.parametrize(
    "data",
    [None, b"a:x1", "", "a", "a:", "x:cbers", "a:CBERS", "a:../etc", "a:-x", "T:", "n:1", "a:b c"],
)
def test_forged_or_foreign_data_decodes_to_none(data: object) -> None:
    assert decode(data) is None


@given(st.text(max_size=100))
def test_decoding_any_text_never_raises(data: str) -> None:
    action = decode(data)

    assert action is None or encode(action) == data
