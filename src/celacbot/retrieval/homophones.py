"""Chinese typed on a pinyin keyboard: a wrong character of the same sound ("标提" for 标题).

Contract: `Homophones(knows)` is built with a test of whether the knowledge base uses a
Chinese character pair; `heard(text)` returns the text with each pair the knowledge base
never uses, and that sounds like exactly one pair it does use sharing its other character,
written as that pair, together with the fixes made ("标提->标题"); None when it fixes nothing.
Sounds are each character's most common reading, without tones: people type pinyin without
them. Left as typed: a pair that is a word of everyday Chinese (chinese_words.txt), a
character of a known pair beside it (建 of 建立 in "国家建立"), and a question word's character
("几多" is Cantonese for "how many", not the "基多" of some other phrase). It scores
nothing: the retriever decides whether the text as heard answers better than as typed.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Final

from celacbot.retrieval.message import CHINESE_QUESTION_WORD
from celacbot.retrieval.normalise import fold, is_cjk, words

# 咋 (how) is a question word of the north, never a typo.
_QUESTION_CHARACTERS: Final = frozenset(CHINESE_QUESTION_WORD + "咋") - {"|"}
_PAIR: Final = 2


@functools.cache
def _sounds() -> dict[str, str]:
    """Each character's sound: pinyin.txt holds a sound and the characters read so per line."""
    text = resources.files(__package__).joinpath("pinyin.txt").read_text("utf-8")
    lines = (line.split() for line in text.splitlines() if not line.startswith("#"))
    return {sound: characters for sound, characters in lines}


@functools.cache
def _everyday_words() -> str:
    """chinese_words.txt's words, in order, as one string: two characters each, no gaps."""
    text = resources.files(__package__).joinpath("chinese_words.txt").read_text("utf-8")
    return "".join("".join(line.split()) for line in text.splitlines() if not line.startswith("#"))


def _is_everyday_word(pair: str) -> bool:
    """Whether a pair is a word of chinese_words.txt: a binary search of the one string, which
    takes a fraction of the memory a set of its 20,000 words would."""
    known = _everyday_words()
    at = bisect.bisect_left(
        range(len(known) // _PAIR),
        pair,
        key=lambda index: known[index * _PAIR : (index + 1) * _PAIR],
    )
    return known[at * _PAIR : (at + 1) * _PAIR] == pair


# Bounded: a message can hold any of tens of thousands of characters.
@functools.lru_cache(maxsize=4096)
def _sound_of(character: str) -> str | None:
    return next((sound for sound, characters in _sounds().items() if character in characters), None)


class Homophones:
    """Rewrites a Chinese text's misheard character pairs onto the pairs the article uses."""

    def __init__(self, knows: Callable[[str], bool]) -> None:
        """`knows`: whether the knowledge base uses a (folded) Chinese character pair."""
        self._knows = knows

    def heard(self, text: str) -> tuple[str, tuple[str, ...]] | None:
        """The text with its misheard pairs rewritten and the fixes made, or None."""
        fixes = dict(self._fixes(text))
        if not fixes:
            return None
        rewritten = list(text)
        for start in range(len(text) - 1):
            window = text[start : start + _PAIR]
            # The text as typed, traditional characters and all: only the fixed pair changes.
            fixed = fixes.get(fold(window)) if all(map(is_cjk, window)) else None
            if fixed is not None:
                rewritten[start : start + _PAIR] = fixed
        return "".join(rewritten), tuple(f"{typed}->{fixed}" for typed, fixed in fixes.items())

    def _fixes(self, text: str) -> Iterator[tuple[str, str]]:
        pairs = words(text)
        for at, pair in enumerate(pairs):
            if (
                len(pair) != _PAIR
                or not is_cjk(pair)
                or self._knows(pair)
                or not _QUESTION_CHARACTERS.isdisjoint(pair)
            ):
                continue
            # A character of a word the knowledge base uses is no typo: in "国家建立", 建 is
            # 建立's, not a misheard 间 of "国家间".
            before = pairs[at - 1] if at else ""
            after = pairs[at + 1] if at + 1 < len(pairs) else ""
            free = (
                not (before.endswith(pair[0]) and self._knows(before)),
                not (after.startswith(pair[1]) and self._knows(after)),
            )
            alike = set(self._alike(pair, free))
            # A word of everyday Chinese is what was meant ("明天天气", not a misheard 天汽).
            if len(alike) == 1 and not _is_everyday_word(pair):
                yield pair, alike.pop()

    def _alike(self, pair: str, free: tuple[bool, bool]) -> Iterator[str]:
        """The known pairs that sound like `pair` and differ from it in one `free` character."""
        for position, character in enumerate(pair):
            sound = _sound_of(character) if free[position] else None
            if sound is None:
                continue
            for other in _sounds()[sound]:
                candidate = pair[:position] + other + pair[position + 1 :]
                if other != character and self._knows(candidate):
                    yield candidate
