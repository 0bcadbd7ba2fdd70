"""Spelling correction of a question's words onto the words the knowledge base uses.

Contract: `Speller.correct(word)` returns the knowledge base's word a misspelt word most
likely is ("developimg" -> "developing", "worte" -> "wrote", "chna" -> "china"), or None when
the word is known, too short, not a word, or not close to any known word. Words are corrected
before stemming and synonym mapping, so a misspelt synonym ("mney") finds its concept, and a
word whose typo breaks its stem ("developimg") is compared with the words as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable
from typing import Final

from rapidfuzz import process
from rapidfuzz.distance import OSA

from celacbot.retrieval.normalise import stem

MIN_LENGTH: Final = 4
# From this length a word may carry two typos ("agricutlural", "coperation").
LONG_WORD: Final = 9
CACHE_SIZE: Final = 8192


class Speller:
    """Known words by length, and the closest of them to a misspelt word."""

    def __init__(self, terms: Container[str], known: Iterable[str]) -> None:
        """`terms` are the index's stemmed terms: a word whose stem is one is no typo
        ("developments"); `known` are the words the knowledge base is written in."""
        self._terms = terms
        counts = Counter(word for word in known if word.isalpha() and word.isascii())
        self._known = frozenset(counts)
        by_length: dict[int, list[str]] = {}
        # Most frequent first: extract keeps that order among equally close words.
        for word, _ in counts.most_common():
            by_length.setdefault(len(word), []).append(word)
        self._by_length = by_length
        self._cache: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The known word a misspelt word most likely is, or None."""
        if (
            len(word) < MIN_LENGTH
            or word in self._known
            or not (word.isalpha() and word.isascii())
            or stem(word) in self._terms
        ):
            return None
        cached = self._cache.get(word, "")
        if cached != "":
            return cached
        best = self._closest(word)
        if len(self._cache) >= CACHE_SIZE:
            self._cache.clear()
        self._cache[word] = best
        return best

    def _closest(self, word: str) -> str | None:
        max_edits = 1 if len(word) < LONG_WORD else 2
        best: tuple[int, int, str] | None = None
        for length in range(len(word) - max_edits, len(word) + max_edits + 1):
            candidates = self._by_length.get(length)
            if not candidates:
                continue
            for match, edits, _ in process.extract(
                word, candidates, scorer=OSA.distance, score_cutoff=max_edits, limit=3
            ):
                # A four-letter word is one edit from too many others ("poem", "podem"): only
                # its own letters swapped ("whta") count as a typo of it.
                if len(word) == MIN_LENGTH and sorted(match) != sorted(word):
                    continue
                # Fewest edits first, then a word with the same first letter.
                rank = (edits, match[0] != word[0], match)
                if best is None or rank[:2] < best[:2]:
                    best = rank
        return best[2] if best else None
