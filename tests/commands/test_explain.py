"""`celacbot explain`: the scoring table and the verdict."""

from __future__ import annotations

from tests.commands.conftest import RunCli


def test_explain_prints_candidates_margin_and_reason(run_cli: RunCli) -> None:
    result = run_cli("explain", "whcih", "satelites", "were", "lanched")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Typos:    whcih->which lanched->launched" in lines
    assert any(line.split()[:2] == ["1", "satellites-launched"] for line in lines)
    assert any(line.startswith("Margin:") for line in lines)
    assert "Decision: answer satellites-launched" in result.stdout
