"""Button labels: short, in every language, and telling apart buttons that are shown together."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from celacbot.cli import main
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.knowledge.models import LABEL_DISTINCT_CHARS, MAX_LABEL_CHARS
from celacbot.languages import LANGUAGES
from tests.checkout import KNOWLEDGE
from tests.knowledge.samples import changed, line_of, problems_of, write_knowledge

SPANISH_ALPHA = """\
    related: [beta]
    translations:
      es:
        label: {label}
        questions: [¿Qué es alfa?, alfa, háblame de alfa]
        answer: Alfa es la primera letra.
"""
SPANISH_BETA = """\
      - Which letter is second?
    translations:
      es:
        label: {label}
        questions: [¿Qué es beta?, beta, háblame de beta]
        answer: Beta es la segunda letra.
"""


def in_spanish(alpha: str, beta: str) -> str:
    """VALID_FAQ with Spanish translations of both entries, labelled `alpha` and `beta`."""
    faq = changed("    related: [beta]\n", SPANISH_ALPHA.format(label=alpha))
    return changed("      - Which letter is second?\n", SPANISH_BETA.format(label=beta), faq)


def test_a_label_longer_than_a_phone_button_is_an_error_at_its_line(workdir: Path) -> None:
    too_long = "The letter that comes first of all"
    faq = changed("    label: Alpha\n", f"    label: {too_long}\n")

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{line_of(faq, too_long)}:12: entries[0] (id alpha) label: "
        f"String should have at most {MAX_LABEL_CHARS} characters"
    ]


def test_an_entry_without_a_label_is_an_error(workdir: Path) -> None:
    faq = changed("    label: Beta\n", "")

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{line_of(faq, '- id: beta')}:5: entries[1] (id beta) label: "
        "this required key is missing"
    ]


def test_labels_that_begin_alike_are_an_error_naming_the_other(workdir: Path) -> None:
    # Equal in their first 20 characters once case and spacing are set aside.
    faq = changed("    label: Alpha\n", "    label: Letters of the alphabet, first\n")
    faq = changed("    label: Beta\n", "    label: letters of the  ALPHABET, second\n", faq)

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{line_of(faq, 'ALPHABET')}:12: entries[1] (id beta) label: "
        "'letters of the  ALPHABET, second' begins like 'Letters of the alphabet, first' of "
        f"entries[0] (id alpha) on line {line_of(faq, 'alphabet, first')}: buttons shown "
        f"together must differ within their first {LABEL_DISTINCT_CHARS} characters"
    ]


def test_translated_labels_are_checked_within_their_language(workdir: Path) -> None:
    # English "Alpha" and Spanish "Alpha" never share a keyboard: no clash across languages.
    assert load_knowledge_base(write_knowledge(workdir, in_spanish("Alpha", "Beta")))

    faq = in_spanish("La primera letra del alfabeto", "La primera letra del alfabeto no")
    problems = problems_of(write_knowledge(workdir, faq))

    assert len(problems) == 1
    assert problems[0].startswith(
        f"faq.yaml:{line_of(faq, 'alfabeto no')}:16: entries[1] (id beta) translations.es.label:"
    )


def test_topic_titles_are_buttons_too(workdir: Path) -> None:
    title = "Letters, digits, signs and other marks"
    faq = changed("    title: Letters\n", f"    title: {title}\n")

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{line_of(faq, title)}:12: topics[0] (id letters) title: "
        f"String should have at most {MAX_LABEL_CHARS} characters"
    ]


def test_validate_prints_label_problems_as_file_line_errors(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    faq = changed("    label: Beta\n", "    label: alpha\n")
    path = write_knowledge(workdir, faq)

    assert main(["validate", str(path)]) == 1

    out = capsys.readouterr().out
    assert f"faq.yaml:{line_of(faq, 'label: alpha')}:12: entries[1] (id beta) label: " in out


def _start(label: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", label).casefold().split())[:LABEL_DISTINCT_CHARS]


def test_the_shipped_labels_fit_a_phone_and_differ_in_every_language() -> None:
    kb = load_knowledge_base(KNOWLEDGE)

    for lang in LANGUAGES:
        labels = [entry.label_in(lang) for entry in kb.entries]
        assert all(len(label) <= MAX_LABEL_CHARS for label in labels), lang
        assert len({_start(label) for label in labels}) == len(kb.entries), lang
        # Every entry has its own label in every language, not the English one.
        if lang != "en":
            assert all(lang in entry.translations for entry in kb.entries)
