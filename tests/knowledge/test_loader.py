"""Model errors and cross-checks come out as file:line:col lines naming the entry by id."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from celacbot.knowledge.loader import (
    MAX_ARTICLE_BYTES,
    check_knowledge_file,
    load_knowledge_base,
)
from tests.knowledge.samples import (
    VALID_FAQ,
    changed,
    line_of,
    problems_of,
    problems_without_blocking,
    write_knowledge,
)


def test_valid_file_loads(workdir: Path) -> None:
    kb = load_knowledge_base(write_knowledge(workdir, VALID_FAQ))

    assert [entry.id for entry in kb.entries] == ["alpha", "beta"]
    assert kb.entries[0].related == ["beta"]


def test_too_few_questions_names_entry_id_and_line(workdir: Path) -> None:
    faq = changed("      - Which letter is second?\n", "")

    problems = problems_of(write_knowledge(workdir, faq))

    line = line_of(faq, "What is beta?")
    assert problems == [
        f"faq.yaml:{line}:7: entries[1] (id beta) questions: "
        "List should have at least 4 items after validation, not 3"
    ]


def test_every_model_error_is_reported_in_line_order(workdir: Path) -> None:
    faq = changed("      - Tell me about beta\n", "      - b\n")
    faq = changed("    text: Gamma is the third letter.\n", "    text: ''\n", faq)
    faq = changed("  - id: alpha\n", "  - id: Alpha_1\n", faq)

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{line_of(faq, 'Alpha_1')}:9: entries[0] (id Alpha_1) id: "
        "String should match pattern '^[a-z0-9]+(?:-[a-z0-9]+)*$'",
        f"faq.yaml:{line_of(faq, '- b')}:9: entries[1] (id beta) questions[1]: "
        "String should have at least 2 characters",
        f"faq.yaml:{line_of(faq, 'text:')}:11: facts[0] (id gamma-third) text: "
        "String should have at least 1 character",
    ]


def test_unknown_key_points_at_the_key(workdir: Path) -> None:
    faq = changed("    answer: Beta comes second.\n", "    answer: Beta.\n    anwser: Beta.\n")

    problems = problems_of(write_knowledge(workdir, faq))

    line = line_of(faq, "anwser")
    assert problems == [
        f"faq.yaml:{line}:5: entries[1] (id beta) anwser: unknown key; check its spelling"
    ]


def test_missing_key_points_at_its_mapping(workdir: Path) -> None:
    faq = changed("    answer: Beta comes second.\n", "")

    problems = problems_of(write_knowledge(workdir, faq))

    line = line_of(faq, "- id: beta")
    assert problems == [
        f"faq.yaml:{line}:5: entries[1] (id beta) answer: this required key is missing"
    ]


def test_wrong_kind_of_value_in_a_synonym_group(workdir: Path) -> None:
    faq = changed("  alpha: [first letter]\n", "  alpha:\n    first: letter\n")

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{line_of(faq, 'first: letter')}:5: synonyms.alpha: Input should be a valid list"
    ]


def test_empty_synonym_term_points_at_the_key(workdir: Path) -> None:
    faq = changed("  alpha: [first letter]\n", '  alpha: [first letter]\n  "": [a]\n')

    problems = problems_of(write_knowledge(workdir, faq))

    line = line_of(faq, '"": [a]')
    assert problems == [
        f"faq.yaml:{line}:3: synonyms['']: key: String should have at least 1 character"
    ]


def test_top_level_list_is_refused(workdir: Path) -> None:
    problems = problems_of(write_knowledge(workdir, "- a\n- b\n"))

    assert problems == [
        "faq.yaml:1:1: top level: Input should be a valid dictionary or instance of KnowledgeBase"
    ]


def test_duplicate_id_across_entries_and_facts(workdir: Path) -> None:
    faq = changed("  - id: gamma-third\n", "  - id: beta\n")

    problems = problems_of(write_knowledge(workdir, faq))

    fact_line = line_of(faq, "- id: beta", line_of(faq, "facts:"))
    entry_line = line_of(faq, "- id: beta")
    assert problems == [
        f"faq.yaml:{fact_line}:9: facts[0] (id beta) id: duplicate id 'beta', "
        f"already used by entries[1] (id beta) on line {entry_line}"
    ]


def test_unknown_topic(workdir: Path) -> None:
    faq = changed("    topic: letters\n    text:", "    topic: numbers\n    text:")

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{line_of(faq, 'numbers')}:12: facts[0] (id gamma-third) topic: "
        "unknown topic 'numbers'; the topics are letters"
    ]


@pytest.mark.parametrize(
    ("links", "message"),
    [
        ("related: [alpha]", "an entry cannot be related to itself"),
        ("related: [gamma-third]", "'gamma-third' is not the id of an entry"),
        ("related: [beta, beta]", "'beta' is listed twice"),
        ("related: [beta]\n    cause: alpha", "an entry cannot be its own cause"),
        ("related: [beta]\n    cause: gamma-third", "'gamma-third' is not the id of an entry"),
    ],
)
def test_bad_links_to_other_entries(workdir: Path, links: str, message: str) -> None:
    faq = changed("    related: [beta]\n", f"    {links}\n")
    bad_key = links.splitlines()[-1].split(":")[0]

    problems = problems_of(write_knowledge(workdir, faq))

    assert len(problems) == 1
    assert problems[0].startswith(f"faq.yaml:{line_of(faq, bad_key + ':')}:")
    assert problems[0].endswith(message)


def test_quote_not_in_article_shows_where_it_differs(workdir: Path) -> None:
    faq = changed(
        "      - Beta comes second, after alpha.", "      - Beta comes second after alpha."
    )

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{line_of(faq, 'second after')}:9: entries[1] (id beta) source[0]: "
        "the quote is not in article.txt: the article has no ' after alpha.' "
        "after 'Beta comes second'"
    ]


def test_quote_may_wrap_lines_differently_from_the_article(workdir: Path) -> None:
    article = (
        "Letters of the alphabet\nAlpha is the first\n  letter. Beta comes second, after alpha.\n"
    )
    faq = changed(
        "    source: Gamma is third.\n", "    source: Beta comes\n      second, after alpha.\n"
    )

    kb = load_knowledge_base(write_knowledge(workdir, faq, article))

    assert kb.facts[0].source == "Beta comes second, after alpha."


def test_missing_article_is_an_error_at_source_file(workdir: Path) -> None:
    faq = changed("  file: article.txt\n", "  file: missing.txt\n")

    problems = problems_of(write_knowledge(workdir, faq))

    assert len(problems) == 1
    assert problems[0].startswith(f"faq.yaml:{line_of(faq, 'missing.txt')}:9: source.file: ")
    assert "cannot read the article" in problems[0]
    assert "No such file" in problems[0]


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (os.mkfifo, "a named pipe (FIFO)"),
        (os.mkdir, "a directory"),
    ],
)
def test_an_article_that_is_not_a_regular_file_is_refused_at_once(
    workdir: Path, make: Callable[[Path], None], kind: str
) -> None:
    faq = changed("  file: article.txt\n", "  file: special\n")
    make(workdir / "special")

    problems = problems_without_blocking(write_knowledge(workdir, faq), workdir / "special")

    assert problems == [
        f"faq.yaml:{line_of(faq, 'special')}:9: source.file: cannot read the article"
        f" {workdir / 'special'}: it is {kind}, not a regular file"
    ]


def test_an_article_over_the_size_cap_is_refused(workdir: Path) -> None:
    faq = changed("  file: article.txt\n", "  file: huge.txt\n")
    (workdir / "huge.txt").write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems[0].endswith("it is larger than the 10 MB an article may be")


def test_same_question_under_two_entries(workdir: Path) -> None:
    faq = changed("      - Tell me about beta\n", "      - tell me ABOUT alpha!\n")

    problems = problems_of(write_knowledge(workdir, faq))

    first = line_of(faq, "Tell me about alpha")
    assert problems == [
        f"faq.yaml:{line_of(faq, 'ABOUT')}:9: entries[1] (id beta) questions[1]: "
        f"'tell me ABOUT alpha!' is also a question of entries[0] (id alpha) questions[1] "
        f"on line {first}; a question must lead to one entry"
    ]


def test_same_question_twice_in_one_entry(workdir: Path) -> None:
    faq = changed("      - beta letter\n", "      - what is BETA\n")

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{line_of(faq, 'what is BETA')}:9: entries[1] (id beta) questions[2]: "
        f"'what is BETA' repeats entries[1] (id beta) questions[0] on line "
        f"{line_of(faq, 'What is beta?')}"
    ]


def test_small_talk_pattern_may_not_repeat_an_entry_question(workdir: Path) -> None:
    faq = changed("    patterns: [hello, hi there]\n", "    patterns: [hello, Alpha]\n")

    problems = problems_of(write_knowledge(workdir, faq))

    assert len(problems) == 1
    assert problems[0].startswith(f"faq.yaml:{line_of(faq, 'patterns:')}:")
    assert "'Alpha' is also a question of entries[0] (id alpha) questions[2]" in problems[0]


def test_nearly_the_same_question_under_two_entries_is_a_warning(workdir: Path) -> None:
    faq = changed("      - Which letter is second?\n", "      - Which letters is first?\n")
    path = write_knowledge(workdir, faq)

    report = check_knowledge_file(path)

    assert report.ok
    assert report.errors == []
    assert report.warnings == [
        f"faq.yaml:{line_of(faq, 'letters is first')}:9: warning: entries[1] (id beta) "
        "questions[3]: 'Which letters is first?' is confusable with 'Which letter is first?' "
        f"of entries[0] (id alpha) on line {line_of(faq, 'Which letter is first?')} (98% alike)"
    ]
    assert load_knowledge_base(path).entries[1].questions[3] == "Which letters is first?"


def test_id_longer_than_callback_data_allows_is_refused(workdir: Path) -> None:
    long_id = "b" * 49  # with a prefix such as "a:" it would not fit 64-byte callback data
    faq = changed("  - id: beta\n", f"  - id: {long_id}\n")

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{line_of(faq, long_id)}:9: entries[1] (id {long_id}) id: "
        "String should have at most 48 characters"
    ]


def test_non_ascii_id_is_refused_so_bytes_equal_characters(workdir: Path) -> None:
    faq = changed("  - id: beta\n", "  - id: béta\n")

    problems = problems_of(write_knowledge(workdir, faq))

    assert len(problems) == 1
    assert problems[0].startswith(f"faq.yaml:{line_of(faq, 'béta')}:9: entries[1] (id béta) id:")


def test_report_of_a_valid_file(workdir: Path) -> None:
    report = check_knowledge_file(write_knowledge(workdir, VALID_FAQ))

    assert report.ok
    assert (report.errors, report.warnings) == ([], [])
    assert report.article_name == "article.txt"
    assert report.kb is not None
    assert report.kb.facts[0].id == "gamma-third"


def test_report_of_an_invalid_file_has_no_knowledge_base(workdir: Path) -> None:
    faq = changed("    related: [beta]\n", "    related: [alpha]\n")

    report = check_knowledge_file(write_knowledge(workdir, faq))

    assert not report.ok
    assert report.kb is None
    assert len(report.errors) == 1


def test_all_errors_are_reported_together(workdir: Path) -> None:
    faq = changed("    related: [beta]\n", "    related: [alpha]\n")
    faq = changed("    source: Gamma is third.\n", "    source: Gamma is fourth.\n", faq)

    problems = problems_of(write_knowledge(workdir, faq))

    assert [problem.split(":")[1] for problem in problems] == [
        str(line_of(faq, "related: [alpha]")),
        str(line_of(faq, "Gamma is fourth")),
    ]
