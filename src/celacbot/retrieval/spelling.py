"""Spelling correction onto the words the knowledge base uses: the only typo rules there are.

Contract: `Speller.correct(word)` returns the known word a misspelt word most likely is
("developimg" -> "developing", "worte" -> "wrote", "whta" -> "what"), or None when the word
is known, too short, not an ASCII word, or not close enough to any known word. Close enough
is one edit (a letter dropped, added, changed, or two swapped), two from LONG_WORD letters on;
a four-letter word, and onto a four-letter word, only by letters swapped ("whta") or a doubled
letter dropped ("appec"), for "poem" is one letter from "podem" and "class" from "cass";
a stop word only from a word that shares its first letter and onto one of five letters or
more ("betwern", "abput"), for "wheat" is one letter from "what" and "mother" from "other",
and each is a real word. So is an everyday word the speller is given: it is corrected only
onto a word with its first letter, for a typo seldom changes that ("order" is no "border",
"sitio" no "litio"), while "trabalhou" may still be the "trabalho" the knowledge base writes.
Of equally close words the one with the same first letter wins, then the more frequent one.
The retriever corrects a question's words with one speller before stemming (so a misspelt
synonym, "mney", finds its concept) and the index's stems with another.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Final, NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_LENGTH: Final = 4
# From this length a word may carry two typos ("agricutlural", "coperation").
LONG_WORD: Final = 9
CACHE_SIZE: Final = 8192
MIN_STOP_MATCH: Final = 5
# Candidates looked at per word length; ties beyond them are of no use.
CANDIDATES_PER_LENGTH: Final = 5


class _Candidate(NamedTuple):
    edits: int
    other_first_letter: bool
    rarity: int  # the word's rank, most frequent (or first given, among equals) first
    word: str


def _undoubled(word: str) -> str | None:
    """The word with its one doubled letter single ("appec" -> "apec"); None without one."""
    doubled = [index for index in range(1, len(word)) if word[index] == word[index - 1]]
    return word[: doubled[0]] + word[doubled[0] + 1 :] if len(doubled) == 1 else None


class Speller:
    """Known words by length, and the closest of them to a misspelt word."""

    def __init__(
        self,
        known: Iterable[str],
        *,
        stop_words: Iterable[str] = (),
        everyday: Callable[[str], bool] = lambda _: False,
    ) -> None:
        """`known` are the words (or stems) the knowledge base uses, repeated as often as it
        uses them (or in order, most used first); `stop_words` are reached, and the words
        `everyday` tells are everyday ones corrected, only as the module says."""
        self._everyday = everyday
        counts = Counter(word for word in known if word.isalpha() and word.isascii())
        self._stop_words = frozenset(
            word for word in stop_words if word.isalpha() and word.isascii()
        )
        for word in sorted(self._stop_words):  # not the set's order, which changes per run
            counts.setdefault(word, 1)
        # Counter.most_common keeps the given order among equal counts.
        self._rank = {word: rank for rank, (word, _) in enumerate(counts.most_common())}
        by_length: dict[int, list[str]] = {}
        for word in self._rank:
            by_length.setdefault(len(word), []).append(word)
        self._by_length = by_length
        # Per speller: a cache on the method would keep every speller ever built alive.
        self._closest_cached = functools.lru_cache(maxsize=CACHE_SIZE)(self._closest)

    def __contains__(self, word: object) -> bool:
        return word in self._rank

    def correct(self, word: str) -> str | None:
        """The known word a misspelt word most likely is, or None."""
        if len(word) < MIN_LENGTH or word in self._rank or not (word.isalpha() and word.isascii()):
            return None
        return self._closest_cached(word)

    def _may_become(self, word: str, match: str) -> bool:
        """Whether a word may be corrected onto a match other than by swapping its letters."""
        if len(word) == MIN_LENGTH:
            return False
        if len(match) == MIN_LENGTH:
            return _undoubled(word) == match
        # A stop word only from a word with its first letter, and no shorter than
        # MIN_STOP_MATCH: "betwern", "abput", never "mother" (other) or "wheat" (what).
        return match not in self._stop_words or (
            match[0] == word[0] and len(match) >= MIN_STOP_MATCH
        )

    def _closest(self, word: str) -> str | None:
        max_edits = 1 if len(word) < LONG_WORD else 2
        letters = sorted(word)
        # an everyday word keeps its first letter
        keeps_first_letter = self._everyday(word)
        best: _Candidate | None = None
        for length in range(len(word) - max_edits, len(word) + max_edits + 1):
            for match, edits, _ in process.extract(
                word,
                self._by_length.get(length, ()),
                scorer=OSA.distance,
                score_cutoff=max_edits,
                limit=CANDIDATES_PER_LENGTH,
            ):
                if not (sorted(match) == letters or self._may_become(word, match)):
                    continue
                if keeps_first_letter and match[0] != word[0]:
                    continue
                candidate = _Candidate(edits, match[0] != word[0], self._rank[match], match)
                best = candidate if best is None else min(best, candidate)
        return best.word if best else None
