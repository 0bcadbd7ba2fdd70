"""Retrieval settings: weights that leave no room for the word overlap are rejected, and only
`Settings` (the commands' entry point) reads them from the environment."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from celacbot.config import RetrievalSettings, Settings


def test_weights_above_one_are_rejected() -> None:
    with pytest.raises(ValidationError, match="at most 1"):
        RetrievalSettings(fuzzy_weight=0.6, phrase_weight=0.5)


def test_thresholds_come_from_the_environment_through_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CELACBOT_ANSWER_THRESHOLD", "70")

    assert Settings(_env_file=None).retrieval.answer_threshold == 70.0


def test_retrieval_settings_alone_ignore_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CELACBOT_ANSWER_THRESHOLD", "95")

    assert RetrievalSettings().answer_threshold == 40.0
