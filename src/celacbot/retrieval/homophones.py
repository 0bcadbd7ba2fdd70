"""Chinese typos of sound: a character pair typed as another of the same pinyin.

Contract: `Homophones(words)` takes the two-character Chinese words the knowledge base
writes; `correct(pair)` gives the one of them that sounds as `pair` does (toneless, each
character's most common reading) and shares a character with it in the same place ("位星" ->
"卫星", "能原" -> "能源", "项木" -> "项目"), else None: when none or several do, or `pair` is
not two characters of GB 2312, or is itself a common Chinese word (chinese_words.txt: "立马" is
no "利马", "重新" no "重心"). The shared character keeps a word the knowledge base never uses
from being read as one that only sounds alike ("事实" is no "实施").

`named(text)` writes each run of a text that sounds as one of the `names` it was given does
(three or four characters: "乌拉圭", "委内瑞拉") and differs from it in one character as that
name ("乌拉鬼" -> "乌拉圭", "阿跟廷" -> "阿根廷"): two characters kept in place and the third
alike in sound leave no other reading, unless the changed character makes a common word
("大流星" is a meteor, not 大流行). Names only: "高科技" is a term that "搞科技" (doing
science) writes by chance.
"""

from __future__ import annotations

import functools
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

from celacbot.retrieval.normalise import data_lines, simplified

_PAIR = 2
_NAME_LENGTHS = (3, 4)


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


def _sound(text: str, lengths: tuple[int, ...] = (_PAIR,)) -> tuple[str, ...] | None:
    sound = tuple(map(_syllable, text))
    return sound if len(text) in lengths and all(sound) else None


class Homophones:
    """The knowledge base's two-character Chinese words, and its longer names, by their sound."""

    def __init__(self, words: Iterable[str], *, names: Iterable[str] = ()) -> None:
        self.words = frozenset(words)
        by_sound: defaultdict[tuple[str, ...], list[str]] = defaultdict(list)
        for term in sorted(self.words):
            if (sound := _sound(term)) is not None:
                by_sound[sound].append(term)
        self._by_sound = dict(by_sound)
        names_by_sound: defaultdict[tuple[str, ...], set[str]] = defaultdict(set)
        for name in names:
            if (sound := _sound(name, _NAME_LENGTHS)) is not None:
                names_by_sound[sound].add(name)
        # Two names that sound alike tell no typo apart.
        self._names_by_sound = {
            sound: next(iter(alike)) for sound, alike in names_by_sound.items() if len(alike) == 1
        }

    def named(self, text: str) -> str:
        """`text` with the runs typed by sound for one of the longer names written as it,
        traditional characters read as simplified ones."""
        if not self._names_by_sound:
            return text
        read = simplified(text)
        # Each character's syllable once; a name's runs are then slices of them.
        sounds = tuple(map(_syllable, read))
        for length in _NAME_LENGTHS:
            at = 0
            while at + length <= len(read):
                name = self._names_by_sound.get(sounds[at : at + length])
                if name is not None and self._only_as_a_name(read[at : at + length], name):
                    read = f"{read[:at]}{name}{read[at + length :]}"
                    text = f"{text[:at]}{name}{text[at + length :]}"
                    at += length
                else:
                    at += 1
        return text

    def _only_as_a_name(self, run: str, name: str) -> bool:
        """Whether `run` differs from `name` in one character, and neither pair of the run
        holding that character is a common word, nor one `correct()` reads as a word of the
        name ("论谈" of "中拉论谈" is a typo of the word "论坛", told as such)."""
        changed = [at for at, (a, b) in enumerate(zip(run, name, strict=True)) if a != b]
        if len(changed) != 1:
            return False
        at = changed[0]
        pairs = [start for start in (at - 1, at) if start >= 0 and start + _PAIR <= len(name)]
        return not any(
            # a common word typed on purpose ("流星" of "大流星", a meteor)
            f" {run[start : start + _PAIR]} " in _common_words()
            or (
                name[start : start + _PAIR] in self.words
                and self.correct(run[start : start + _PAIR]) == name[start : start + _PAIR]
            )
            for start in pairs
        )

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
