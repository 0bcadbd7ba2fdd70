"""The items of a list an answer gives, for "the second one?".

Contract: `list_items(text)` finds the first list of three or more short items in an English
answer ("... in aerospace, healthcare, agriculture and energy"; not clauses between commas,
which open with a word such as "to" or "with") and returns its items in order, each as many
words long as the longest of those between two commas (the first and the last item have no
comma on their outer side to end them). A text without such a list has no
items: a pair ("Venezuela's remote sensing satellites and Bolivia's first communication
satellite") is two long phrases, which "the other one" reads through the entries' `related`.
"""

from __future__ import annotations

import re
from typing import Final

from celacbot.retrieval.normalise import STOP_WORDS

_ITEM: Final = r"[\w'-]+(?: [\w'-]+){0,3}"
_LIST: Final = re.compile(rf"{_ITEM}(?:, {_ITEM})+,? (?:and|or) {_ITEM}")
_SEPARATOR: Final = re.compile(r",? (?:and|or) |, ")
# Words that open a clause or a phrase, not a noun: an item never starts with one ("the" may).
_CLAUSE_WORDS: Final = STOP_WORDS - {"the", "a", "an"}


def list_items(text: str) -> list[str]:
    """The items of the first list of three or more short items in `text`, in order."""
    for found in _LIST.finditer(text):
        first, *rest = _SEPARATOR.split(found.group())
        # Clauses between commas are no items: "support, including vaccines, to Mexico".
        if any(item.split()[0].casefold() in _CLAUSE_WORDS for item in rest):
            continue
        *middle, last = rest
        length = max(len(item.split()) for item in middle)
        return [" ".join(first.split()[-length:]), *middle, " ".join(last.split()[:length])]
    return []
