"""Every command that answers questions refuses a broken knowledge file the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commands.conftest import RunCli


@pytest.mark.parametrize(
    "args", [("ask", "What is CBERS?"), ("chat",), ("explain", "What is CBERS?"), ("eval",)]
)
def test_broken_knowledge_file_prints_its_problems_and_exits_2(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    broken = tmp_path / "faq.yaml"
    broken.write_text("version: 1\nsource: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("CELACBOT_KNOWLEDGE", str(broken))

    result = run_cli(*args, stdin="quit\n")

    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"{broken}:3:")
    assert "Traceback" not in result.stderr
