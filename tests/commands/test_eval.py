"""`celacbot eval`: the shipped bank meets its floors, and failing floors fail the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checkout import ROOT
from tests.commands.conftest import BANK_TIMEOUT_SECONDS, RunCli

BANK = ROOT / "tests" / "data" / "questions.yaml"
# The independent bank's test half (tests/data/independent): its floors are the answer
# quality reported for questions nobody tuned on.
HELD_OUT = ROOT / "tests" / "data" / "independent" / "test.yaml"
HELD_OUT_DIALOGUES = ROOT / "tests" / "data" / "independent" / "dialogues_test.yaml"


@pytest.mark.parametrize(
    "bank",
    [BANK, HELD_OUT, HELD_OUT_DIALOGUES],
    ids=["regression", "held-out", "held-out-dialogues"],
)
def test_shipped_banks_meet_their_floors(run_cli: RunCli, bank: Path) -> None:
    result = run_cli("eval", str(bank), "--no-sweep", timeout=BANK_TIMEOUT_SECONDS)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "all floors met" in result.stdout


def test_floors_above_reach_fail_with_exit_code_1(run_cli: RunCli, tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        "floors: {top1_accuracy: 1.0, max_wrong_answer_rate: 0.0}\n"
        "cases:\n"
        "  - {q: 'Which satellites were launched?', expect: satellites-launched}\n"
        "  - {q: 'who won the 2022 world cup', expect: satellites-launched}\n",
        encoding="utf-8",
    )

    result = run_cli("eval", str(bank))

    assert result.returncode == 1
    accuracy_line = next(line for line in result.stdout.splitlines() if "top-1" in line)
    assert accuracy_line.split()[2] == "50.0%"
    assert "BELOW FLOOR: top-1 accuracy 50.0% < floor 100.0%" in result.stderr
    assert "Sweep:" in result.stdout


def test_an_answer_a_subject_makes_wrong_is_counted_against_its_floor(
    run_cli: RunCli, tmp_path: Path
) -> None:
    # On its own, "and when?" gets the article's date; after another subject it is a
    # follow-up about that subject, which this bank (unlike a conversation) counts as wrong.
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        "floors: {max_context_change_rate: 0.0}\n"
        "cases:\n"
        "  - {q: 'Which satellites were launched?', expect: satellites-launched}\n"
        "  - {q: 'and when?', expect: article-date}\n",
        encoding="utf-8",
    )

    result = run_cli("eval", str(bank), "--no-sweep")

    assert result.returncode == 1
    context = next(line for line in result.stdout.splitlines() if line.startswith("context:"))
    assert context.startswith("context: 3 of 6 right stand-alone answers made wrong")
    assert "  after " in result.stdout
    assert "stand-alone answers made wrong by a subject 50.0% > max 0.0%" in result.stderr


def test_missing_bank_is_an_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("eval", str(tmp_path / "nope.yaml"))

    assert result.returncode == 2
    assert "nope.yaml" in result.stderr


def test_each_language_gets_its_figures_and_its_floors(run_cli: RunCli, tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        "floors_by_lang: {es: {top1_accuracy: 1.0}, zh: {top1_accuracy: 0.5}}\n"
        "cases:\n"
        "  - {q: 'Which satellites were launched?', expect: satellites-launched}\n"
        "  - {q: '¿Qué satélites se lanzaron?', expect: satellites-launched, lang: es}\n"
        "  - {q: '¿quién ganó el mundial?', expect: satellites-launched, lang: es}\n"
        "  - {q: '中国帮助哪些国家发射了卫星', expect: satellites-launched, lang: zh}\n",
        encoding="utf-8",
    )

    result = run_cli("eval", str(bank), "--no-sweep")

    rows = {
        line.split()[0]: line.split()[1:5]
        for line in result.stdout.splitlines()
        if line[:3] in ("en ", "es ", "zh ")
    }
    assert rows == {
        "en": ["1", "100.0%", "100.0%", "0.0%"],
        "es": ["2", "50.0%", "100.0%", "0.0%"],
        "zh": ["1", "100.0%", "100.0%", "0.0%"],
    }
    assert result.returncode == 1
    assert "BELOW FLOOR: es: top-1 accuracy 50.0% < floor 100.0%" in result.stderr
