"""The items of a list an answer gives, for "the second one?".

Contract: `list_items(text)` finds the first list of three or more short items in an English
answer ("... in aerospace, healthcare, agriculture and energy") and returns its items in
order. Items are runs of words without "and", "or" or a word that opens a clause or a phrase
("to", "with", "that", "such", a verb's -ing form): the first item is what follows the last
such word before it, the last one what comes before the next. The first item is at most as
long as the longest between two commas, the last at most one word longer ("the" and "a"
aside). Anything that does not read as such a list has no items, so that "the second one?"
falls back to the whole answer: a pair ("Venezuela's remote sensing satellites and Bolivia's
first communication satellite") is two long phrases, which "the other one?" reads through
the entries' `related`.
"""

from __future__ import annotations

import re
from typing import Final

_WORD: Final = r"\b(?!(?:and|or)\b)[\w'-]+"
_ITEM: Final = rf"{_WORD}(?: {_WORD}){{0,3}}"
_LIST: Final = re.compile(rf"{_ITEM}(?:, {_ITEM})+,? (?:and|or) {_ITEM}")
_SEPARATOR: Final = re.compile(r",? (?:and|or) |, ")
# Words that open a clause or a phrase: no item holds one.
_CLAUSE_WORD_LIST: Final = """
    to with in of for from by on at as such that this these those which who whose where when
    while including like it its their his her our is are was were has have had will would can
    could be been also both other between among include includes included involves involve
    names name alongside
"""
_CLAUSE_WORDS: Final = frozenset(_CLAUSE_WORD_LIST.split())
_ARTICLES: Final = frozenset({"the", "a", "an"})


def list_items(text: str) -> list[str]:
    """The items of the first list of three or more short items in `text`, in order."""
    for found in _LIST.finditer(text):
        first, *middle, last = _SEPARATOR.split(found.group())
        if any(_clause_word_in(item.split()) for item in middle):
            continue
        longest = max(_length(item.split()) for item in middle)
        # The last item may run one word longer ("..., smart cities or rural e-commerce
        # markets"); a word more before the first is usually a verb ("names Mexico, ...").
        items = [_tail(first.split(), longest), *middle, _head(last.split(), longest + 1)]
        if all(items):
            return items
    return []


def _clause_word_in(words: list[str]) -> bool:
    # A phrase opened by a verb's -ing form ("making electric cars") is no item either.
    return any(word.casefold() in _CLAUSE_WORDS for word in words) or (
        words[0].endswith("ing") and words[0].islower()
    )


def _length(words: list[str]) -> int:
    return sum(word.casefold() not in _ARTICLES for word in words)


def _tail(words: list[str], longest: int) -> str:
    """The first item: the words after the last clause word, at most `longest` of them."""
    kept: list[str] = []
    for word in reversed(words):
        if word.casefold() in _CLAUSE_WORDS or _length(kept) == longest:
            break
        kept.insert(0, word)
    return " ".join(kept)


def _head(words: list[str], longest: int) -> str:
    """The last item: the words before the first clause word, at most `longest` of them."""
    kept: list[str] = []
    for word in words:
        if word.casefold() in _CLAUSE_WORDS or _length(kept) == longest:
            break
        kept.append(word)
    return " ".join(kept)
