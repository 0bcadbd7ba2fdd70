"""A small valid knowledge file and its article, for tests to break one thing at a time."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from celacbot.knowledge.loader import KnowledgeError, load_knowledge_base

ARTICLE = """\
Letters of the alphabet
Alpha is the first letter. Beta comes second, after alpha.
Gamma is third.
The author is a tester.
"""

VALID_FAQ = """\
version: 1
source:
  title: Letters of the alphabet
  author: A tester
  file: article.txt
topics:
  - id: letters
    title: Letters
    description: The letters of the alphabet.
entries:
  - id: alpha
    topic: letters
    label: Alpha
    questions:
      - What is alpha?
      - Tell me about alpha
      - alpha
      - Which letter is first?
    answer: Alpha is the first letter.
    source:
      - Alpha is the first letter.
    related: [beta]
  - id: beta
    topic: letters
    label: Beta
    questions:
      - What is beta?
      - Tell me about beta
      - beta letter
      - Which letter is second?
    answer: Beta comes second.
    source:
      - Beta comes second, after alpha.
facts:
  - id: gamma-third
    topic: letters
    text: Gamma is the third letter.
    source: Gamma is third.
    keywords: [gamma]
synonyms:
  alpha: [first letter]
smalltalk:
  - id: hello
    patterns: [hello, hi there]
    answer: Hello! Ask me about letters.
"""


def line_of(text: str, needle: str, start: int = 1) -> int:
    """The 1-based number of the first line at or after line start that contains needle."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in the text")


def changed(old: str, new: str, text: str = VALID_FAQ) -> str:
    """text with its only occurrence of old replaced by new."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def write_knowledge(directory: Path, faq: str, article: str = ARTICLE) -> Path:
    """Write faq.yaml and article.txt into directory; the faq.yaml path."""
    (directory / "article.txt").write_text(article, encoding="utf-8")
    path = directory / "faq.yaml"
    path.write_text(faq, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    """The problems that loading the knowledge file at path is refused with."""
    with pytest.raises(KnowledgeError) as info:
        load_knowledge_base(path)
    return info.value.problems


def problems_without_blocking(path: Path, fifo: Path) -> list[str]:
    """problems_of(path), failing the test instead of hanging if reading waits on `fifo`."""
    problems: list[str] = []
    reader = threading.Thread(target=lambda: problems.extend(problems_of(path)), daemon=True)
    reader.start()
    reader.join(timeout=30)
    if reader.is_alive():
        with fifo.open("wb"):
            pass  # a writer that closes at once: the blocked read returns
        reader.join(timeout=30)
        pytest.fail(f"reading the knowledge blocked on the FIFO {fifo}")
    return problems
