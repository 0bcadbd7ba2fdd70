"""Yes/no questions, and answers that open with a bare yes or no.

A few answers in faq.yaml open with "Yes." or "No." because their canonical question asks for
one ("Does the article mention lithium?"). The same entry also answers questions that do not
("where is lithium processed?"), and to those a leading "Yes." reads as nonsense, so it is
dropped unless the question asks yes or no.
"""

from __future__ import annotations

import re
from typing import Final

from celacbot.languages import CHINESE
from celacbot.retrieval.message import (
    ACCENTED_QUESTION_WORD,
    CHINESE_QUESTION_WORD,
    CHINESE_YES_NO_WORD,
)
from celacbot.retrieval.normalise import has_cjk, spelt_out, words

# A bare yes or no as faq.yaml's answers open with it, in each language; Chinese answers
# echo the question's verb ("提到了。", "不包括。").
_OPENER: Final = re.compile(
    r"^(?:(?:Yes|No|Sí|Sim|Não)\.\s+"
    r"|(?:是的|是|不是|对|不对|有|没有|提到了|没有提到|包括|不包括)。\s*)"
)

# Words before the question proper: "and is it ...", "y ¿qué ...", "e o que ...".
_LEADING: Final = frozenset({"and", "so", "but", "also", "then", "ok", "okay", "y", "e", "pero"})
# English yes/no questions open with an auxiliary or a modal verb, maybe negated ("doesn't"
# comes as "doesn", "t"; typed without the apostrophe, as "doesnt").
_ENGLISH_OPENER: Final = re.compile(
    r"(?:is|are|was|were|am|do|does|did|has|have|had|can|could|will|would|shall|should|may"
    r"|might|must)(?:n|nt)?|cant|won|wont"
)
# Spanish and Portuguese ask yes or no by intonation alone: a question mark and no question
# word. Question words have their accents folded (as `words` gives them); the articles and
# prepositions that may precede them ("o que", "con cuántos", "de qué") are skipped. Chat's
# shorthand ("q", "ke", "pq", "qdo") is spelt out first (`spelt_out`); "k" and "porq" are
# left to this pattern, as other words read them otherwise.
_QUESTION_WORD: Final = re.compile(
    r"que|quais|qual|cual|cuales|quien|quienes|quem|cuando|quando|donde|onde|adonde|aonde"
    r"|como|[cq]uant[oa]s?|porque|k|porq"
)
_BEFORE_QUESTION_WORD: Final = re.compile(
    r"o|a|de|en|em|con|com|para|pra|por|desde|hasta|ate|sobre"
)
# "q legal, a BYD processa lítio?", "qué raro, ...": an exclamation before the question, whose
# "que" asks nothing.
_EXCLAMATION: Final = re.compile(
    r"^\W*(?:q|k|ke|que|qué)\s+(?:legal|massa|bom|bacana|show|lindo|linda|bueno|buena|bien|raro"
    r"|rara|loco|locura|chido|padre|genial|bárbaro|barbaro|chévere|chevere|interesante"
    r"|interessante|pena|triste|horror|bonito|bonita|top|demais|incrível|incrivel)\s*[,!]+\s*",
    re.IGNORECASE,
)
# An accented question word asks wherever it stands ("¿y BYD qué procesa?").
_ACCENTED_QUESTION_WORD: Final = re.compile(rf"\b(?:{ACCENTED_QUESTION_WORD})\b")
_CHINESE_QUESTION_WORD: Final = re.compile(CHINESE_QUESTION_WORD)
_CHINESE_YES_NO: Final = re.compile(rf"吗|{CHINESE_YES_NO_WORD}|[了过]没有?\s*[？?]?\s*$")


def asks_yes_or_no(question: str, lang: str) -> bool:
    """Whether `question`, asked in `lang`, asks for a yes or a no."""
    if has_cjk(question) or lang == CHINESE:
        return bool(_CHINESE_YES_NO.search(question)) and not _CHINESE_QUESTION_WORD.search(
            question
        )
    tokens = words(question)
    while tokens and tokens[0] in _LEADING:
        tokens = tokens[1:]
    if not tokens:
        return False
    if lang in ("es", "pt"):
        exclaimed = _EXCLAMATION.match(question)
        if exclaimed is not None:
            question = question[exclaimed.end() :]
            tokens = words(question)
        return _intonation_question(question, tokens)
    return _ENGLISH_OPENER.fullmatch(tokens[0]) is not None


def _intonation_question(question: str, tokens: list[str]) -> bool:
    """A Spanish or Portuguese question with no question word, marked as a question."""
    if _ACCENTED_QUESTION_WORD.search(question.casefold()):
        return False
    first = next((token for token in tokens if not _BEFORE_QUESTION_WORD.fullmatch(token)), "")
    asks_what = _QUESTION_WORD.fullmatch(spelt_out(first)) is not None
    return not asks_what and any(mark in question for mark in "?¿？")


def yes_no_opener(text: str) -> str:
    """The bare yes or no that opens `text` (with the space after it), or ""."""
    found = _OPENER.match(text)
    return found.group(0) if found else ""


def without_yes_or_no(text: str) -> str:
    """`text` without the bare yes or no that opens it, if any."""
    return text[len(yes_no_opener(text)) :]


def fitted_answer(text: str, question: str, lang: str) -> str:
    """An answer's text for `question`: without the yes or no that opens it when the question
    does not ask for one."""
    opener = yes_no_opener(text)
    if not opener or len(opener) == len(text) or asks_yes_or_no(question, lang):
        return text
    return without_yes_or_no(text)
