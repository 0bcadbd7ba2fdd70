"""The checkout the tests run from: its root and the maintainers' knowledge file."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge" / "faq.yaml"
