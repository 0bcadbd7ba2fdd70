"""Which sentences of the article no entry or fact cites.

A sentence counts as cited when the source quotes of entries and facts, taken together, cover
at least half of its characters. So quoting one clause of a two-clause sentence is enough,
while quoting a few words of a long sentence is not. Every line of the article is split into
sentences; the title line and the author line are one sentence each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from celacbot.knowledge.checks import normalise_whitespace
from celacbot.knowledge.models import KnowledgeBase

CITED_SHARE = 0.5
# The article has no abbreviations with full stops, so a stop before a capital ends a sentence.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article and the line it is on."""

    line: int
    text: str


def article_sentences(article: str) -> list[Sentence]:
    """The article's sentences in order, each with its 1-based line number."""
    return [
        Sentence(number, normalise_whitespace(piece))
        for number, line in enumerate(article.splitlines(), start=1)
        for piece in _SENTENCE_BREAK.split(line.strip())
        if piece.strip()
    ]


def _quotes(kb: KnowledgeBase) -> list[str]:
    """Every source quote of every entry and fact."""
    return [
        *(quote for entry in kb.entries for quote in entry.source),
        *(f.source for f in kb.facts),
    ]


def uncited_sentences(kb: KnowledgeBase, article: str) -> list[Sentence]:
    """The article's sentences that the quotes of entries and facts do not cite."""
    text = normalise_whitespace(article)
    covered = bytearray(len(text))
    for quote in _quotes(kb):
        wanted = normalise_whitespace(quote)
        start = text.find(wanted) if wanted else -1
        while start != -1:
            covered[start : start + len(wanted)] = b"\x01" * len(wanted)
            start = text.find(wanted, start + 1)
    uncited = []
    position = 0
    for sentence in article_sentences(article):
        start = text.index(sentence.text, position)
        position = start + len(sentence.text)
        if sum(covered[start:position]) < CITED_SHARE * len(sentence.text):
            uncited.append(sentence)
    return uncited
