"""The words a question may be corrected onto: those faq.yaml and the synonym lists use.

An English question is corrected onto English words only: "sugar" is one letter from the
Spanish "lugar", "crime" from the Portuguese "crise", and both are real words the article
never uses, which is itself a sign the question is off the article. A Spanish or Portuguese
verb conjugated as no phrasing has it ("ajudando", "ayudaban") is read as a form of the same
verb that faq.yaml uses ("ajuda"), and an infinitive it only has as a noun ("explorar") as
that noun ("exploración"), before any typo fix.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence
from itertools import chain
from typing import Final

from celacbot.knowledge.models import KnowledgeBase
from celacbot.languages import ENGLISH
from celacbot.retrieval.builtin_synonyms import (
    EVERYDAY_SYNONYMS,
    QUESTION_WORDS,
    SPANISH_PORTUGUESE_SYNONYMS,
)
from celacbot.retrieval.normalise import (
    LIGHT_WORDS,
    STOP_WORDS,
    chinese_runs,
    everyday_stems,
    stem,
    words,
)
from celacbot.retrieval.spelling import Speller

_COMMON = STOP_WORDS | LIGHT_WORDS
_CHINESE_WORD = 2
# Spanish and Portuguese verb endings the knowledge base's phrasings rarely hold, over folded
# words: the gerund ("ajudando"), conditional ("mejoraria", "gerariam"), future ("ayudaran"),
# imperfect ("ajudava") and the first person plural ("ganamos"). The verb's root with an ending
# the index holds ("ajuda") is the same verb. Not a bare "-ara", "-era" or "-ira", which ends
# nouns ("carrera", "madera"). Not normalise's `verb_forms`, which weighs unknown stems and
# knows the past tenses: these are folded words, rewritten onto a form the index holds.
_VERB_ENDING: Final = re.compile(
    r"(?:ando|iendo|endo|indo|ariamos|eriamos|iriamos|aremos|eremos|iremos"
    r"|arian|erian|irian|ariam|eriam|iriam|aria|eria|iria"
    r"|aran|arao|erao|irao|aban|avam|aba|ava|iamos|amos|emos|imos)$"
)
_VERB_FORMS: Final = ("ar", "er", "ir", "a", "e", "ou", "an", "am", "en", "em", "ado")
# A Spanish or Portuguese infinitive the knowledge base only has as its noun: "explorar" is
# "exploración", "crescer" is "crescimento" (the noun's endings, by the verb's).
_NOUN_ENDINGS: Final = {
    "ar": ("acion", "acao", "amiento", "amento"),
    "er": ("imiento", "imento"),
    "ir": ("imiento", "imento"),
}
# The root left must still say which verb it is ("gan-amos" is "ganar", "d-ando" nothing).
_MIN_ROOT: Final = 3


class QuestionSpeller:
    """Corrects a question's misspelt words, built on first use (most questions have none)."""

    def __init__(self, kb: KnowledgeBase, terms: Container[str]) -> None:
        """`terms` are the index's stemmed terms: a word whose stem is one is no typo
        ("developments")."""
        self._kb = kb
        self._terms = terms

    def corrections(self, message: Sequence[str], lang: str | None) -> list[str | None]:
        """Each word's correction, or None for a word that needs none (or has none)."""
        if all(map(self._needs_none, message)):
            return [None] * len(message)
        if lang == ENGLISH:
            return [
                None if self._needs_none(word) else self._english.correct(word) for word in message
            ]
        return [None if self._needs_none(word) else self._correct_any(word) for word in message]

    def _correct_any(self, word: str) -> str | None:
        """A conjugated verb as a form of it the knowledge base uses, else a typo's fix."""
        ending = _VERB_ENDING.search(word)
        if ending is not None and ending.start() >= _MIN_ROOT:
            root = word[: ending.start()]
            # A form faq.yaml's translations use whose stem the index holds; never a function
            # or chat word ("nadando" is no "nada", "parando" no "para").
            forms = (root + each for each in _VERB_FORMS)
            form = next((each for each in forms if each not in _COMMON and self._used(each)), None)
            if form is not None:
                return form
        return self._noun_of(word) or self._any.correct(word)

    def _used(self, word: str) -> bool:
        """Whether faq.yaml's translations use the word and the index holds its stem."""
        return word in self._translated_words and stem(word) in self._terms

    def _noun_of(self, infinitive: str) -> str | None:
        """The noun of a Spanish or Portuguese infinitive that faq.yaml's translations use
        ("explorar" -> "exploracion"), if they use it and the verb not."""
        root, ending = infinitive[:-2], infinitive[-2:]
        if (
            len(root) < _MIN_ROOT
            or ending not in _NOUN_ENDINGS
            # a verb a phrasing or synonym uses ("observar la tierra"), or an English word
            or infinitive in self._translated_words
            or infinitive in self._english_words
        ):
            return None
        nouns = (root + each for each in _NOUN_ENDINGS[ending])
        return next(filter(self._used, nouns), None)

    def chinese_words(self) -> frozenset[str]:
        """The two-character words faq.yaml's Chinese writes on their own (卫星, 项目, 论坛),
        between particles or marks: never two words' edges (拉合 of 中拉合作)."""
        runs = chain.from_iterable(map(chinese_runs, _translated_texts(self._kb)))
        return frozenset(run for run in runs if len(run) == _CHINESE_WORD)

    @functools.cached_property
    def _translated_words(self) -> Counter[str]:
        # Read once for the Spanish, Portuguese and Chinese lexicon and the verb forms: each
        # word once, with how often, as `_english_words` (not every occurrence, held for good).
        return Counter(chain.from_iterable(map(words, _translated_texts(self._kb))))

    @functools.cached_property
    def _english_words(self) -> Counter[str]:
        # Read once for both spellers and the infinitives: each word once, with how often the
        # knowledge base uses it, in the order it first does (the spellers' tie-break).
        return Counter(chain.from_iterable(map(words, _english_texts(self._kb))))

    def written_stems(self) -> frozenset[str]:
        """The stems of every word the knowledge base writes, in any language."""
        return frozenset(map(stem, chain(self._english_words, self._translated_words)))

    def _needs_none(self, word: str) -> bool:
        # A stop or light word ("what", "tell") is itself known: checked here, the lexicon is
        # built only for a message with a word the index does not know.
        return word in _COMMON or stem(word) in self._terms

    @functools.cached_property
    def _english(self) -> Speller:
        english = self._english_words.elements()
        return Speller(chain(english, _light_words()), stop_words=STOP_WORDS, everyday=_is_everyday)

    @functools.cached_property
    def _any(self) -> Speller:
        known = chain(
            self._english_words.elements(), self._translated_words.elements(), _light_words()
        )
        return Speller(known, stop_words=STOP_WORDS, everyday=_is_everyday)


def _is_everyday(word: str) -> bool:
    """Whether a word is one of the most frequent of English, Spanish and Portuguese, known by
    its stem: the stems are held for weighing questions anyway, the words are not."""
    return stem(word) in everyday_stems()


def _light_words() -> Iterable[str]:
    # Sorted: a set's order changes from run to run, and order breaks ties between words.
    return chain.from_iterable(map(words, sorted(LIGHT_WORDS)))


def _synonym_texts(synonyms: Mapping[str, Sequence[str]]) -> Iterable[str]:
    return chain(synonyms, chain.from_iterable(synonyms.values()))


def _english_texts(kb: KnowledgeBase) -> Iterable[str]:
    for entry in kb.entries:
        yield from entry.questions
        yield entry.answer
        yield from entry.source
        yield from entry.keywords
    for fact in kb.facts:
        yield fact.text
        yield fact.source
        yield from fact.keywords
    for synonyms in (QUESTION_WORDS, EVERYDAY_SYNONYMS, kb.synonyms):
        yield from _synonym_texts(synonyms)


def _translated_texts(kb: KnowledgeBase) -> Iterable[str]:
    for entry in kb.entries:
        for translation in entry.translations.values():
            yield from translation.questions
            yield translation.answer
    for fact in kb.facts:
        yield from fact.translations.values()
    for talk in kb.smalltalk:
        yield from talk.patterns
    for synonyms in (SPANISH_PORTUGUESE_SYNONYMS, *kb.language_synonyms.values()):
        yield from _synonym_texts(synonyms)
