"""Chinese typos of sound: a character pair typed as another of the same pinyin.

Contract: `Homophones(words)` takes the two-character Chinese words the knowledge base
writes; `correct(pair)` gives the one of them that sounds as `pair` does (toneless, each
character's most common reading) and shares a character with it in the same place ("位星" ->
"卫星", "能原" -> "能源", "项木" -> "项目"), else None: when none or several do, or `pair` is
not two characters of GB 2312, or is itself a common Chinese word (chinese_words.txt: "立马" is
no "利马", "重新" no "重心"). The shared character keeps a word the knowledge base never uses
from being read as one that only sounds alike ("事实" is no "实施").
"""

from __future__ import annotations

import functools
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

from celacbot.retrieval.normalise import data_lines

_PAIR = 2


@functools.cache
def _syllables() -> tuple[str, array[int], tuple[str, ...]]:
    """pinyin.txt read on first use and shared by every knowledge version: its characters in
    code point order, each one's syllable (a number), and the syllables. Not a dict: 6,763
    entries would hold a megabyte for good."""
    lines = [line.split(" ", 1) for line in data_lines("pinyin.txt")]
    numbered = sorted(
        (character, number)
        for number, (_, characters) in enumerate(lines)
        for character in characters
    )
    return (
        "".join(character for character, _ in numbered),
        array("H", (number for _, number in numbered)),
        tuple(syllable for syllable, _ in lines),
    )


def _syllable(character: str) -> str:
    characters, numbers, syllables = _syllables()
    at = bisect_left(characters, character)
    found = at < len(characters) and characters[at] == character
    return syllables[numbers[at]] if found else ""


@functools.cache
def _common_words() -> str:
    """The common two-character words of Chinese (chinese_words.txt) in one string, each
    between spaces: a lookup is a substring search, and the words cost no set."""
    return f" {' '.join(data_lines('chinese_words.txt'))} "


def _sound(pair: str) -> tuple[str, ...] | None:
    sound = tuple(map(_syllable, pair))
    return sound if len(pair) == _PAIR and all(sound) else None


class Homophones:
    """The knowledge base's two-character Chinese words by their sound."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        by_sound: defaultdict[tuple[str, ...], list[str]] = defaultdict(list)
        for term in sorted(self.words):
            if (sound := _sound(term)) is not None:
                by_sound[sound].append(term)
        self._by_sound = dict(by_sound)

    def correct(self, pair: str) -> str | None:
        """The word `pair` is a typo of, if exactly one sounds alike and shares a character
        with it."""
        sound = _sound(pair)
        if sound is None:
            return None
        alike = [
            term
            for term in self._by_sound.get(sound, ())
            if term != pair and (term[0] == pair[0] or term[1] == pair[1])
        ]
        # The common words last: searching them costs more than all the rest.
        if len(alike) != 1 or f" {pair} " in _common_words():
            return None
        return alike[0]
