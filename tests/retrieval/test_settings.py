"""Retrieval settings reject weights that leave no room for the word overlap."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from celacbot.config import RetrievalSettings


def test_weights_above_one_are_rejected() -> None:
    with pytest.raises(ValidationError, match="at most 1"):
        RetrievalSettings(fuzzy_weight=0.6, phrase_weight=0.5)


def test_thresholds_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CELACBOT_ANSWER_THRESHOLD", "70")

    assert RetrievalSettings().answer_threshold == 70.0
