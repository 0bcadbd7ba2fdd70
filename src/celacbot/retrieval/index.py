"""The search index: entries and facts normalised once at build time, and their scoring."""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process

from celacbot.retrieval.answer import Kind
from celacbot.retrieval.normalise import LIGHT_WORDS, STOP_WORDS, everyday_stems, is_cjk, stem
from celacbot.retrieval.spelling import Speller

# A term in an answer or a source quote is weaker evidence than one in a question or keyword.
WEAK_CREDIT = 0.5
LIGHT_WEIGHT = 0.3
# A name counts when its weight is at least this share of the rarest term's weight.
NAME_RARITY = 0.4
# Unknown numbers ("CBERS-4", "2022") are the surest sign of a question the article cannot answer.
UNKNOWN_NUMBER_FACTOR = 1.5
UNKNOWN_CJK_FACTOR = 0.5
# An unknown verb form ("virou", "llegaron") says what happened, rarely which topic; not never
# ("¿cuántos chinos emigraron?"), so it still counts a little.
UNKNOWN_VERB_FACTOR = 0.2
MIN_VARIANT_TYPO_LENGTH = 6
# An unknown everyday word ("ensinando", "jeito", "moderno") in a question of at least this many
# terms counts this share of another unknown word: a longer question wraps its topic in such
# words, which say less about the topic than a rare word ("Kia"). A shorter one is mostly its
# topic ("did china and brazil sign a currency swap deal?").
MIN_EVERYDAY_TERMS = 7
EVERYDAY_FACTOR = 0.5
# Beyond this many content terms, a message's unknown words share the weight of this many.
LONG_MESSAGE_TERMS = 8
# How many of the best-covered documents get the full (fuzzy and phrase) scoring.
CANDIDATES = 15
# Squaring the 0-1 similarity keeps near-exact phrasings apart from merely similar ones.
FUZZY_POWER = 2.0

_LIGHT_TERMS = frozenset(stem(word) for word in LIGHT_WORDS)
_NO_POSTINGS: tuple[tuple[int, ...], tuple[float, ...]] = ((), ())
_BY_TOTAL = attrgetter("total")


def _unknown_share(
    term: str, inflected: Callable[[str], bool] | None, everyday: Callable[[str], bool] | None
) -> float:
    """The share of an unknown word's weight an unknown term keeps: a verb form a fifth, an
    everyday word half (a verb form that is also an everyday word counts once, as a verb)."""
    if inflected is not None and inflected(term):
        return UNKNOWN_VERB_FACTOR
    if everyday is not None and everyday(term):
        return EVERYDAY_FACTOR
    return 1.0


@dataclass(frozen=True, slots=True)
class Document:
    """An entry or a fact as the index sees it."""

    id: str
    kind: Kind
    label: str
    phrasings: tuple[str, ...]
    # Each phrasing's terms, sorted: the phrasing is their join. Kept rather than split()
    # again when a query first shortlists the document, which would cost that query time
    # and make copies of the terms.
    phrasing_terms: tuple[tuple[str, ...], ...]
    phrasing_langs: tuple[str, ...]
    strong: frozenset[str]
    weak: frozenset[str]
    keyword_terms: frozenset[str]
    # The entries it names as related: neighbours whose answers overlap, so a close score
    # between them is no real doubt.
    related: frozenset[str] = frozenset()

    def akin(self, other: Document) -> bool:
        """Whether either document names the other as related."""
        return other.id in self.related or self.id in other.related


@dataclass(frozen=True, slots=True)
class Query:
    """A question resolved against the vocabulary."""

    content: tuple[str, ...]
    weights: tuple[float, ...]
    typos: tuple[str, ...]
    unknown: tuple[str, ...]
    text: str

    @property
    def total_weight(self) -> float:
        """The weight of every content term together."""
        return sum(self.weights)


# A tuple, not a frozen dataclass: a query builds one per shortlisted document, and a frozen
# dataclass's __init__ costs three times as much.
class Scored(NamedTuple):
    """A document's score for one query, component by component (total = weighted sum, 0-100)."""

    document: Document
    lang: str
    fuzzy: float
    phrase: float
    overlap: float
    entity_bonus: float
    total: float


class _Phrasings(NamedTuple):
    """A document's phrasings as scoring needs them."""

    # term -> positions of the phrasings holding it. Tuples, not the lists they are built in:
    # every document is shortlisted sooner or later, and a list's spare room would stay.
    positions: dict[str, tuple[int, ...]]
    weights: tuple[float, ...]  # each phrasing's total term weight


class _TermWeights(dict[str, float]):
    """Known terms' weights; an unknown term's weight is computed on look-up, never stored."""

    def __init__(self, known: dict[str, float], unknown_weight: float) -> None:
        super().__init__(known)
        self._unknown_weight = unknown_weight

    def __missing__(self, term: str) -> float:
        if term in _LIGHT_TERMS:
            return LIGHT_WEIGHT
        # An unknown Chinese character pair is as often a chat word ("觉得", "以后") as a
        # topic the article lacks ("人口", population): it counts half.
        if is_cjk(term):
            return self._unknown_weight * UNKNOWN_CJK_FACTOR
        has_digit = any(char.isdigit() for char in term)
        return self._unknown_weight * (UNKNOWN_NUMBER_FACTOR if has_digit else 1.0)


class Vocabulary:
    """Every term the knowledge base uses, with its rarity, and typo resolution onto it."""

    def __init__(
        self,
        documents: Sequence[Document],
        *,
        unknown_weight: float = 1.0,
        variants: Mapping[str, str] | None = None,
        real_terms: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        """`variants` maps one-word synonyms ("investimento") onto the known term they mean,
        so that a misspelt synonym ("invstimento") is corrected too; `real_terms` gives, when
        first needed, the stems of every word the knowledge base writes, which are no typos."""
        self._real_terms_of = real_terms
        # Short ones are left out: thousands of synonyms put a real word ("great", "life")
        # one edit from some variant.
        self._variants = {
            variant: term
            for variant, term in (variants or {}).items()
            if variant.isalpha() and len(variant) >= MIN_VARIANT_TYPO_LENGTH
        }
        frequency = Counter(chain.from_iterable(doc.strong | doc.weak for doc in documents))
        count = max(len(documents), 1)
        self.max_idf = math.log(1 + count)
        # Every known term's weight computed once; a dict look-up serves each use. Its keys
        # are the vocabulary: no second dict of the terms is kept.
        self.weights = _TermWeights(
            {
                term: LIGHT_WEIGHT if term in _LIGHT_TERMS else math.log(1 + count / df)
                for term, df in frequency.items()
            },
            unknown_weight * self.max_idf,
        )

    @functools.cached_property
    def _speller(self) -> Speller:
        # Built for the first misspelt word, not at build time: most questions have none.
        # Synonyms' one-word variants come along: a typo of one means its term.
        # Most frequent first (the lightest weight): of equally close terms, the first wins.
        # Equal weights in alphabetical order: a set's order changes from run to run.
        known = sorted(
            {*self.weights, *self._variants}, key=lambda term: (self.weights[term], term)
        )
        return Speller(known, stop_words=STOP_WORDS, everyday=everyday_stems().__contains__)

    def __contains__(self, term: object) -> bool:
        # dict's own `in`: _TermWeights' __missing__ serves only look-ups.
        return term in self.weights

    def weight(self, term: str) -> float:
        """How much a query term counts: rare terms most, unknown ones a set share of the rarest."""
        return self.weights[term]

    @functools.cached_property
    def _real_terms(self) -> frozenset[str]:
        # A word the knowledge base writes only inside a synonym ("ciudades inteligentes") or
        # in another form is a real word: its letters swapped are another word ("cuidad"),
        # not the typo's fix they are in a word nobody writes.
        return frozenset(self._real_terms_of()) if self._real_terms_of else frozenset()

    def correct(self, term: str) -> str | None:
        """The known term (or stop word, as "") a misspelt term most likely is, if any."""
        match = self._speller.correct(term)
        if match is None or (sorted(match) == sorted(term) and term in self._real_terms):
            return None
        return "" if match in STOP_WORDS else self._variants.get(match, match)

    def resolve(
        self,
        terms: Iterable[str],
        covered: Collection[str] = (),
        *,
        inflected: Callable[[str], bool] | None = None,
        everyday: Callable[[str], bool] | None = None,
    ) -> Query:
        """Map query terms onto the vocabulary: known, misspelt (corrected) or unknown.

        covered holds the question's Chinese characters that belong to known words;
        `inflected` tells an unknown term that is only a form of a verb ("deixou"): it
        counts a fifth of another unknown word; `everyday` one that is an everyday word,
        which counts half of one in a longer question.
        """
        content: list[str] = []
        typos: list[str] = []
        unknown: list[str] = []
        for term in terms:
            resolved = term
            if term not in self.weights and term not in _LIGHT_TERMS:
                corrected = self.correct(term)
                # An unknown character pair that shares a character with a known word is
                # usually two words' edges ("资总" in "投资总额"); one made of two other
                # characters is a word the knowledge base never uses ("总额", total amount).
                if corrected == "" or (
                    corrected is None and is_cjk(term) and not unknown_cjk_word(term, covered)
                ):
                    continue
                if corrected is None:
                    unknown.append(term)
                else:
                    resolved = corrected
                    typos.append(f"{term}->{corrected}")
            if resolved not in content:
                content.append(resolved)
        weights = list(map(self.weights.__getitem__, content))
        if unknown:
            common = everyday if len(content) >= MIN_EVERYDAY_TERMS else None
            weights = [
                weight * _unknown_share(term, inflected, common) if term in unknown else weight
                for term, weight in zip(content, weights, strict=True)
            ]
        if unknown and len(content) > LONG_MESSAGE_TERMS:
            # A long, rambling message holds words about the asker ("my boss wants a
            # one-pager"); together they must not weigh more than a short question's would.
            share = LONG_MESSAGE_TERMS / len(content)
            weights = [
                weight * share if term in unknown else weight
                for term, weight in zip(content, weights, strict=True)
            ]
        return Query(
            content=tuple(content),
            weights=tuple(weights),
            typos=tuple(typos),
            unknown=tuple(dict.fromkeys(unknown)),
            text=" ".join(sorted(content)),
        )


def unknown_cjk_word(term: str, covered: Collection[str]) -> bool:
    """True for a Chinese character pair none of whose characters belongs to a known word."""
    return len(term) == 2 and not any(char in covered for char in term)


class DocumentIndex:
    """Entries or facts with per-term postings, so a query only touches what it shares."""

    def __init__(self, documents: Sequence[Document], vocabulary: Vocabulary) -> None:
        self.documents = tuple(documents)
        self._weights = vocabulary.weights
        # term -> (the documents holding it, in order; their credits). Tuples, not a dict per
        # term: most of the thousands of terms are in one or two documents, and a small dict
        # costs 200 bytes more; a document's own term sets say whether it holds a term.
        postings: defaultdict[str, dict[int, float]] = defaultdict(dict)
        for i, doc in enumerate(self.documents):
            for term in doc.strong:
                postings[term][i] = 1.0
            for term in doc.weak:
                postings[term][i] = WEAK_CREDIT
        credits: dict[tuple[float, ...], tuple[float, ...]] = {}
        self._postings = {
            term: (tuple(held), credits.setdefault(each := tuple(held.values()), each))
            for term, held in postings.items()
        }
        # Each phrasing's documents: a question typed as a phrasing of faq.yaml is always
        # shortlisted, however common its words ("what does china get out of this?").
        by_phrasing: dict[str, list[int]] = {}
        for i, doc in enumerate(self.documents):
            for phrasing in doc.phrasings:
                by_phrasing.setdefault(phrasing, []).append(i)
        self._by_phrasing = {phrasing: tuple(held) for phrasing, held in by_phrasing.items()}
        # Only a shortlisted document needs its phrasings' terms and weights: each is worked
        # out the first time a query shortlists it, which keeps them out of start-up.
        self._phrasings: list[_Phrasings | None] = [None] * len(self.documents)

    def _phrasings_of(self, i: int) -> _Phrasings:
        # A phrasing holds each of its terms once: it is a token-sorted set.
        phrasing_terms = self.documents[i].phrasing_terms
        positions: defaultdict[str, list[int]] = defaultdict(list)
        for position, terms in enumerate(phrasing_terms):
            for term in terms:
                positions[term].append(position)
        weight = self._weights.__getitem__
        phrasings = self._phrasings[i] = _Phrasings(
            {term: tuple(held) for term, held in positions.items()},
            tuple([sum(map(weight, terms)) for terms in phrasing_terms]),
        )
        return phrasings

    def score(
        self,
        query: Query,
        *,
        fuzzy_weight: float,
        phrase_weight: float,
        entity_weight: float,
        candidates: int = CANDIDATES,
    ) -> list[Scored]:
        """The documents sharing most of the query's weight, fully scored, best first."""
        if not query.content:
            return []
        total_weight = query.total_weight
        # Each query term's postings, looked up once for the whole shortlist.
        term_postings = [
            (term, weight, self._postings.get(term, _NO_POSTINGS))
            for term, weight in zip(query.content, query.weights, strict=True)
        ]
        covered: defaultdict[int, float] = defaultdict(float)
        for _, weight, (held, credits) in term_postings:
            for i, credit in zip(held, credits, strict=True):
                covered[i] += weight * credit
        # Only the best-covered documents can win; the fuzzy and phrase parts, the costly
        # ones, are computed for them alone, which keeps a query's cost flat as the KB grows.
        # sorted()[:n] is what heapq.nlargest returns (ties too), and is faster in C.
        shortlist = sorted(covered, key=covered.__getitem__, reverse=True)[:candidates]
        for i in self._by_phrasing.get(query.text, ()):
            if i not in shortlist:
                shortlist.append(i)
        overlap_weight = 1 - fuzzy_weight - entity_weight - phrase_weight
        results = []
        for i in shortlist:
            doc = self.documents[i]
            keyword_terms = doc.keyword_terms
            # Its phrasings' and keywords' terms are all strong ones.
            strong = doc.strong
            positions, weights = self._phrasings[i] or self._phrasings_of(i)
            shared: dict[int, float] = {}
            entity = 0.0
            for term, weight, _ in term_postings:
                if term not in strong:
                    continue
                for position in positions.get(term, ()):
                    shared[position] = shared.get(position, 0.0) + weight
                if term in keyword_terms:
                    entity += weight
            # The best phrasing's share by a running comparison: max() over a comprehension, or
            # called per phrasing, costs twice as much for the five or so phrasings shared.
            phrase = 0.0
            for position, weight in shared.items():
                phrasing_phrase = 200.0 * weight / (total_weight + weights[position])
                if phrasing_phrase > phrase:  # noqa: PLR1730 - see above
                    phrase = phrasing_phrase
            # Ties go to the earlier phrasing: English before translations.
            _, ratio, position = process.extractOne(
                query.text, doc.phrasings, scorer=fuzz.ratio, processor=None
            )
            overlap = 100.0 * covered[i] / total_weight
            bonus = entity_weight * 100.0 * entity / total_weight
            total = (
                fuzzy_weight * 100.0 * (ratio / 100.0) ** FUZZY_POWER
                + phrase_weight * phrase
                + overlap_weight * overlap
                + bonus
            )
            results.append(
                Scored(doc, doc.phrasing_langs[position], ratio, phrase, overlap, bonus, total)
            )
        results.sort(key=_BY_TOTAL, reverse=True)
        return results
