"""Translation coverage in `celacbot validate`, and question checks within each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from celacbot.cli import main
from tests.knowledge.samples import VALID_FAQ, changed, line_of, write_knowledge

ALPHA_IN_SPANISH = """\
    related: [beta]
    translations:
      es:
        label: Alfa
        questions: [¿Qué es alfa?, alfa, háblame de alfa]
        answer: Alfa es la primera letra.
"""
TRANSLATED_FAQ = changed("    related: [beta]\n", ALPHA_IN_SPANISH)
BETA_IN_SPANISH = """\
      - Which letter is second?
    translations:
      es:
        label: Beta
        questions: [{questions}]
        answer: Beta es la segunda letra.
"""


def with_beta_in_spanish(questions: str) -> str:
    """TRANSLATED_FAQ where beta has Spanish questions too."""
    return changed(
        "      - Which letter is second?\n",
        BETA_IN_SPANISH.format(questions=questions),
        TRANSLATED_FAQ,
    )


def test_coverage_per_language_and_a_warning_per_gap(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_knowledge(workdir, TRANSLATED_FAQ)

    code = main(["validate", "faq.yaml"])

    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines == [
        f"faq.yaml:{line_of(TRANSLATED_FAQ, '  - id: letters')}:5: warning: topics[0] (id letters):"
        " no translation into es",
        f"faq.yaml:{line_of(TRANSLATED_FAQ, '  - id: beta')}:5: warning: entries[1] (id beta):"
        " no translation into es",
        f"faq.yaml:{line_of(TRANSLATED_FAQ, '  - id: gamma-third')}:5: warning:"
        " facts[0] (id gamma-third): no translation into es",
        f"faq.yaml:{line_of(TRANSLATED_FAQ, '  - id: hello')}:5: warning: smalltalk[0] (id hello):"
        " no translation into es",
        "faq.yaml: translations es: 1/2 entries, 0/1 facts, 0/1 topics, 0/1 smalltalk",
        "faq.yaml: OK - 2 entries, 1 facts, 1 topics, 1 synonym groups, 1 smalltalk; 4 warnings",
    ]


def test_strict_makes_a_missing_translation_an_error(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_knowledge(workdir, TRANSLATED_FAQ)

    code = main(["validate", "--strict", "faq.yaml"])

    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[-1] == "faq.yaml: 4 errors"
    assert lines[1] == (
        f"faq.yaml:{line_of(TRANSLATED_FAQ, '  - id: beta')}:5: entries[1] (id beta):"
        " no translation into es"
    )


def test_strict_passes_a_file_without_translations(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_knowledge(workdir, VALID_FAQ)

    assert main(["validate", "--strict", "faq.yaml"]) == 0
    assert "translations" not in capsys.readouterr().out


def test_a_translated_question_of_two_entries_is_an_error(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    faq = with_beta_in_spanish("¿Qué es beta?, Alfa, la segunda letra")
    write_knowledge(workdir, faq)

    code = main(["validate", "faq.yaml"])

    lines = capsys.readouterr().out.splitlines()
    line = line_of(faq, "¿Qué es beta?")
    column = faq.splitlines()[line - 1].index("Alfa") + 1
    assert code == 1
    assert lines[0] == (
        f"faq.yaml:{line}:{column}: entries[1] (id beta) translations.es"
        f".questions[1]: 'Alfa' is also a question of entries[0] (id alpha) translations.es"
        f".questions[1] on line {line_of(faq, '¿Qué es alfa?')}; a question must lead to one entry"
    )


def test_the_same_words_may_be_a_question_in_two_languages(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "beta letter" is an English question of beta, and "Beta" a Spanish one.
    write_knowledge(workdir, with_beta_in_spanish("¿Qué es beta?, beta letter, la segunda letra"))

    code = main(["validate", "faq.yaml"])

    assert code == 0
    assert "translations es: 2/2 entries" in capsys.readouterr().out


def test_confusable_translated_questions_are_a_warning(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    faq = with_beta_in_spanish("¿Qué es alfas?, beta, la segunda letra")
    write_knowledge(workdir, faq)

    code = main(["validate", "faq.yaml"])

    (warning,) = [line for line in capsys.readouterr().out.splitlines() if "alike" in line]
    assert code == 0
    assert warning.startswith(f"faq.yaml:{line_of(faq, '¿Qué es alfas?')}:")
    assert "warning: entries[1] (id beta) translations.es.questions[0]: '¿Qué es alfas?'" in (
        warning
    )
    assert "confusable with '¿Qué es alfa?'" in warning
