"""Bad YAML is refused with one line naming the file, the line and the problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from celacbot.knowledge import safe_yaml
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.knowledge.safe_yaml import MAX_DEPTH, MAX_FILE_BYTES, read_yaml
from tests.checkout import KNOWLEDGE
from tests.knowledge.samples import (
    VALID_FAQ,
    changed,
    line_of,
    problems_of,
    problems_without_blocking,
    write_knowledge,
)


def test_duplicate_key_is_refused_at_the_second_occurrence(workdir: Path) -> None:
    faq = changed("    answer: Beta comes second.\n", "    answer: Beta.\n    answer: B.\n")
    first = line_of(faq, "answer: Beta.")

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == [
        f"faq.yaml:{first + 1}:5: duplicate key 'answer' (first written on line {first})"
    ]


def test_anchor_is_refused_where_it_is_written(workdir: Path) -> None:
    faq = changed("    answer: Beta comes second.", "    answer: &b Beta comes second.")

    problems = problems_of(write_knowledge(workdir, faq))

    line = line_of(faq, "&b")
    assert problems == [
        f"faq.yaml:{line}:13: anchors and aliases (& and *) are not allowed; write the text out"
    ]


def test_alias_bomb_is_refused_at_once(workdir: Path) -> None:
    # Each level doubles the size: expanding it would take about 2**40 strings.
    levels = ["a0: &a0 [x, x]"] + [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}]" for n in range(1, 40)]
    path = write_knowledge(workdir, "\n".join(levels) + "\n")

    problems = problems_of(path)

    assert problems == [
        "faq.yaml:1:5: anchors and aliases (& and *) are not allowed; write the text out"
    ]


@pytest.mark.parametrize(
    ("tag", "shown"),
    [
        ("!!python/object/apply:os.system ['true']", "!!python/object/apply:os.system"),
        ("!!str Beta comes second.", "!!str"),
        ("!custom Beta comes second.", "!custom"),
    ],
)
def test_explicit_tags_are_refused(workdir: Path, tag: str, shown: str) -> None:
    faq = changed("    answer: Beta comes second.", f"    answer: {tag}")

    problems = problems_of(write_knowledge(workdir, faq))

    line = line_of(faq, tag)
    assert problems == [
        f"faq.yaml:{line}:13: the tag {shown} is not allowed; quote text that starts with '!'"
    ]


def test_tab_indentation_is_refused_with_its_line(workdir: Path) -> None:
    faq = changed("      - beta letter\n", "\t    - beta letter\n")

    problems = problems_of(write_knowledge(workdir, faq))

    line = line_of(faq, "beta letter")
    assert problems == [f"faq.yaml:{line}:1: a tab is used for indentation; indent with spaces"]


def test_tab_inside_text_is_accepted(workdir: Path) -> None:
    faq = changed("    answer: Beta comes second.", "    answer:\tBeta comes second.")

    kb = load_knowledge_base(write_knowledge(workdir, faq))

    assert kb.entries[1].answer == "Beta comes second."


def test_invalid_utf8_names_line_column_and_byte_offset(workdir: Path) -> None:
    path = write_knowledge(workdir, VALID_FAQ)
    raw = VALID_FAQ.encode()
    offset = raw.index(b"Beta comes second.") + 2
    path.write_bytes(raw[:offset] + b"\xff" + raw[offset:])

    problems = problems_of(path)

    line = line_of(VALID_FAQ, "answer: Beta comes second.")
    assert problems == [
        f"faq.yaml:{line}:15: not valid UTF-8: byte 0xff at byte offset {offset}; "
        "save the file as UTF-8"
    ]


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_file_is_refused(workdir: Path, content: str) -> None:
    problems = problems_of(write_knowledge(workdir, content))

    assert problems == ["faq.yaml:1:1: the file is empty; it must hold the knowledge mapping"]


def test_second_document_is_refused_where_it_starts(workdir: Path) -> None:
    faq = VALID_FAQ + "---\nversion: 1\n"

    problems = problems_of(write_knowledge(workdir, faq))

    line = len(VALID_FAQ.splitlines()) + 1
    assert problems == [
        f"faq.yaml:{line}:1: a second YAML document starts here; the file must hold only one"
    ]


def test_deep_block_nesting_is_refused_at_the_limit(workdir: Path) -> None:
    faq = "".join(f"{'  ' * depth}k:\n" for depth in range(MAX_DEPTH + 5)) + "  " * 60 + "v\n"

    problems = problems_of(write_knowledge(workdir, faq))

    # The root mapping is level 1: the mapping that starts on line MAX_DEPTH + 1 is one too many.
    column = 2 * MAX_DEPTH + 1
    assert problems == [f"faq.yaml:{MAX_DEPTH + 1}:{column}: nested deeper than {MAX_DEPTH} levels"]


@pytest.mark.parametrize(
    "faq",
    [
        "a: " + "[" * 5000 + "]" * 5000 + "\n",
        "a: " + "{b: " * 5000 + "c" + "}" * 5000 + "\n",
        "- " * 5000 + "x\n",
    ],
    ids=["flow-sequences", "flow-mappings", "block-sequences"],
)
def test_5000_deep_nesting_is_refused_without_recursion_error(workdir: Path, faq: str) -> None:
    problems = problems_of(write_knowledge(workdir, faq))

    assert len(problems) == 1
    assert problems[0].startswith("faq.yaml:1:")
    assert "nest" in problems[0]


def test_file_over_the_size_cap_is_refused_before_parsing(workdir: Path) -> None:
    path = workdir / "faq.yaml"
    # Not even YAML: parsing it would fail differently.
    path.write_bytes(b"[" * (3 * 1024 * 1024))

    problems = problems_of(path)

    assert MAX_FILE_BYTES == 2 * 1024 * 1024
    assert problems == ["faq.yaml:1:1: the file is larger than the 2 MB a knowledge file may be"]


def test_bom_and_crlf_are_accepted_and_lines_stay_right(workdir: Path) -> None:
    faq = changed("    related: [beta]\n", "    related: [alpha]\n")
    path = write_knowledge(workdir, faq)
    path.write_bytes(b"\xef\xbb\xbf" + faq.replace("\n", "\r\n").encode())

    problems = problems_of(path)

    line = line_of(faq, "related: [alpha]")
    assert problems == [
        f"faq.yaml:{line}:15: entries[0] (id alpha) related[0]: "
        "an entry cannot be related to itself"
    ]


def test_bom_and_crlf_file_loads(workdir: Path) -> None:
    path = write_knowledge(workdir, VALID_FAQ)
    path.write_bytes(b"\xef\xbb\xbf" + VALID_FAQ.replace("\n", "\r\n").encode())

    kb = load_knowledge_base(path)

    assert kb.source.title == "Letters of the alphabet"


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "1.10", "2024-11-13", "null"])
def test_yaml_1_1_words_stay_the_text_that_was_written(workdir: Path, word: str) -> None:
    faq = changed("      - beta letter\n", f"      - {word}\n")
    faq = changed("  alpha: [first letter]\n", f"  alpha: [first letter, {word}]\n", faq)

    kb = load_knowledge_base(write_knowledge(workdir, faq))

    assert kb.entries[1].questions[2] == word
    assert kb.synonyms["alpha"] == ["first letter", word]


@pytest.mark.parametrize("number", ["2025", "0", "007", "1_000", "0x1F", "-5", "+5"])
def test_numbers_stay_the_text_that_was_written(workdir: Path, number: str) -> None:
    faq = changed("    keywords: [gamma]\n", f"    keywords: [gamma, {number}]\n")

    kb = load_knowledge_base(write_knowledge(workdir, faq))

    assert kb.facts[0].keywords == ["gamma", number]


def test_version_must_be_the_number_1(workdir: Path) -> None:
    faq = changed("version: 1\n", "version: 1.0\n")

    problems = problems_of(write_knowledge(workdir, faq))

    assert problems == ["faq.yaml:1:10: version: Input should be 1"]


def test_syntax_error_names_its_line_and_a_hint(workdir: Path) -> None:
    faq = changed("    answer: Beta comes second.", "    answer: Beta: comes second.")

    problems = problems_of(write_knowledge(workdir, faq))

    line = line_of(faq, "Beta: comes")
    assert problems == [
        f"faq.yaml:{line}:17: invalid YAML: mapping values are not allowed in this context; "
        "put text containing ': ' in quotes"
    ]


def test_unclosed_bracket_names_where_it_opened(workdir: Path) -> None:
    faq = changed("    related: [beta]\n", "    related: [beta\n")

    problems = problems_of(write_knowledge(workdir, faq))

    line = line_of(faq, "related: [beta")
    assert len(problems) == 1
    assert problems[0].startswith(f"faq.yaml:{line + 1}:")
    assert f"flow sequence that starts on line {line}" in problems[0]


def test_control_character_is_refused_with_its_position(workdir: Path) -> None:
    faq = changed("    answer: Beta comes second.", "    answer: Beta\x07 comes second.")

    problems = problems_of(write_knowledge(workdir, faq))

    line = line_of(faq, "\x07")
    assert problems == [f"faq.yaml:{line}:17: the control character U+0007 is not allowed in YAML"]


def test_list_as_a_key_is_refused(workdir: Path) -> None:
    problems = problems_of(write_knowledge(workdir, "version: 1\n? [a, b]\n: c\n"))

    assert problems == ["faq.yaml:2:3: a key must be text, not a list or a mapping"]


def test_missing_file_is_one_line(workdir: Path) -> None:
    problems = problems_of(workdir / "nothing.yaml")

    assert problems == ["nothing.yaml: no such file"]


def test_directory_is_one_line(workdir: Path) -> None:
    (workdir / "faq.yaml").mkdir()

    problems = problems_of(workdir / "faq.yaml")

    assert problems == ["faq.yaml: is a directory, not a YAML file"]


def test_a_fifo_is_refused_without_waiting_for_a_writer(workdir: Path) -> None:
    fifo = workdir / "faq.yaml"
    os.mkfifo(fifo)

    problems = problems_without_blocking(fifo, fifo)

    assert problems == ["faq.yaml: is a named pipe (FIFO), not a regular file"]


def test_a_device_is_refused_without_reading_it() -> None:
    problems = problems_of(Path("/dev/zero"))

    assert problems == ["/dev/zero: is a character device, not a regular file"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_one_line(workdir: Path) -> None:
    path = write_knowledge(workdir, VALID_FAQ)
    path.chmod(0)

    problems = problems_of(path)

    assert problems == ["faq.yaml: permission denied"]


def test_pure_python_parser_reads_the_shipped_file_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with_libyaml = read_yaml(KNOWLEDGE, "faq.yaml")
    # PyYAML built without libyaml falls back to its pure-Python parser.
    monkeypatch.setattr(safe_yaml, "_Loader", yaml.SafeLoader)

    pure_python = read_yaml(KNOWLEDGE, "faq.yaml")

    assert pure_python == with_libyaml


def test_pure_python_parser_refuses_deep_nesting_at_the_limit(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safe_yaml, "_Loader", yaml.SafeLoader)

    problems = problems_of(write_knowledge(workdir, "a: " + "[" * 5000 + "]" * 5000 + "\n"))

    # The root mapping is level 1, so the bracket at column 3 + MAX_DEPTH opens one level too many.
    assert problems == [f"faq.yaml:1:{3 + MAX_DEPTH}: nested deeper than {MAX_DEPTH} levels"]
