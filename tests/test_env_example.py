""".env.example documents every setting a user can set."""

from __future__ import annotations

from celacbot.config import Settings, variable_name
from tests.checkout import ROOT


def test_every_setting_is_documented_in_env_example() -> None:
    documented = (ROOT / ".env.example").read_text(encoding="utf-8")
    variables = [
        field.alias or variable_name(name) for name, field in Settings.model_fields.items()
    ]

    assert [variable for variable in variables if variable not in documented] == []
