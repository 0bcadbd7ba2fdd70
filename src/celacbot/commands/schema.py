"""`celacbot schema`: print the JSON Schema of faq.yaml (committed as knowledge/faq.schema.json)."""

from __future__ import annotations

import argparse
import json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command takes no arguments."""


def run(args: argparse.Namespace) -> int:
    """Print the schema, for editors that complete and check faq.yaml as it is typed."""
    from celacbot.knowledge.models import KnowledgeBase

    schema = {
        **KnowledgeBase.model_json_schema(),
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "celacbot knowledge file (knowledge/faq.yaml)",
    }
    print(json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False))
    return 0
