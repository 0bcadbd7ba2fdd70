"""`celacbot validate` prints one line per problem and a summary, and exits 1 on errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from celacbot.cli import main
from tests.knowledge.samples import VALID_FAQ, changed, line_of, write_knowledge

CELACBOT = Path(sys.executable).with_name("celacbot")


def test_valid_file(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_knowledge(workdir, VALID_FAQ)

    code = main(["validate", "faq.yaml"])

    assert code == 0
    assert capsys.readouterr().out == (
        "faq.yaml: OK - 2 entries, 1 facts, 1 topics, 1 synonym groups, 1 smalltalk; 0 warnings\n"
    )


def test_errors_then_summary(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    faq = changed("    related: [beta]\n", "    related: [alpha]\n")
    faq = changed("    source: Gamma is third.\n", "    source: Gamma is fourth.\n", faq)
    write_knowledge(workdir, faq)

    code = main(["validate", "faq.yaml"])

    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert [line.split(":")[:2] for line in lines[:2]] == [
        ["faq.yaml", str(line_of(faq, "related: [alpha]"))],
        ["faq.yaml", str(line_of(faq, "Gamma is fourth"))],
    ]
    assert lines[2:] == ["faq.yaml: 2 errors"]


def test_warnings_do_not_fail(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_knowledge(workdir, changed("Which letter is second?", "Which letters is first?"))

    code = main(["validate", "faq.yaml"])

    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert "warning: entries[1] (id beta) questions[3]" in lines[0]
    assert lines[1].endswith("1 smalltalk; 1 warning")


def test_a_synonym_group_whose_name_no_entry_uses_is_a_warning(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Questions saying "last letter" are read as "omega", which no entry or fact says.
    faq = changed("  alpha: [first letter]\n", "  omega: [last letter]\n")
    write_knowledge(workdir, faq)

    code = main(["validate", "faq.yaml"])

    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0].startswith(f"faq.yaml:{line_of(faq, 'omega: [last letter]')}:")
    assert "synonyms.omega: no entry or fact uses 'omega'" in lines[0]
    assert lines[1].endswith("1 smalltalk; 1 warning")


def test_coverage_lists_uncited_sentences(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_knowledge(workdir, VALID_FAQ)

    code = main(["validate", "faq.yaml", "--coverage"])

    assert code == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "article.txt:1: not cited: Letters of the alphabet",
        "article.txt:4: not cited: The author is a tester.",
    ]


def test_coverage_says_when_everything_is_cited(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = "Alpha is the first letter.\nBeta comes second, after alpha. Gamma is third.\n"
    write_knowledge(workdir, VALID_FAQ, article)

    code = main(["validate", "faq.yaml", "--coverage"])

    assert code == 0
    assert capsys.readouterr().out.splitlines()[0] == "article.txt: every factual sentence is cited"


def test_default_path_comes_from_settings(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "kb").mkdir()
    write_knowledge(workdir / "kb", VALID_FAQ)
    monkeypatch.setenv("CELACBOT_KNOWLEDGE", "kb/faq.yaml")

    code = main(["validate"])

    assert code == 0
    assert capsys.readouterr().out.startswith("kb/faq.yaml: OK - 2 entries")


def test_invalid_setting_is_a_usage_error(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CELACBOT_PORT", "https")

    code = main(["validate"])

    assert code == 2
    assert capsys.readouterr().err == (
        "celacbot validate: invalid setting CELACBOT_PORT: "
        "Input should be a valid integer, unable to parse string as an integer (got 'https')\n"
    )


def test_missing_file_is_one_line(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", "faq.yaml"])

    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == "faq.yaml: no such file\nfaq.yaml: 1 error\n"
    assert captured.err == ""


def test_directory_is_one_line(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workdir / "faq.yaml").mkdir()

    code = main(["validate", "faq.yaml"])

    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == "faq.yaml: is a directory, not a YAML file\nfaq.yaml: 1 error\n"
    assert captured.err == ""


def test_unknown_option_is_a_usage_error(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["validate", "--colour"])

    assert info.value.code == 2
    assert "--colour" in capsys.readouterr().err


def test_real_process_reports_errors_and_exit_status(workdir: Path) -> None:
    write_knowledge(workdir, changed("  - id: gamma-third\n", "  - id: beta\n"))

    result = subprocess.run(
        [str(CELACBOT), "validate", "faq.yaml"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "faq.yaml: 1 error"
    assert "duplicate id 'beta'" in result.stdout
