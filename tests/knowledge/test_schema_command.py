"""The committed knowledge/faq.schema.json is what `celacbot schema` prints."""

from __future__ import annotations

import json

import pytest

from celacbot.cli import main
from tests.checkout import ROOT

COMMITTED_SCHEMA = ROOT / "knowledge" / "faq.schema.json"


def test_committed_schema_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["schema"])

    printed = capsys.readouterr().out
    assert code == 0
    assert printed == COMMITTED_SCHEMA.read_text(encoding="utf-8"), (
        "knowledge/faq.schema.json is stale; regenerate it with "
        "`.venv/bin/celacbot schema > knowledge/faq.schema.json`"
    )


def test_schema_describes_the_knowledge_file(capsys: pytest.CaptureFixture[str]) -> None:
    main(["schema"])

    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "celacbot knowledge file (knowledge/faq.yaml)"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"version", "source", "topics", "entries"}
