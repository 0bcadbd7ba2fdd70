"""The search index: entries and facts normalised once at build time, and their scoring."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from celacbot.retrieval.answer import Kind
from celacbot.retrieval.normalise import LIGHT_WORDS, STOP_WORDS, is_cjk, stem

# A term in an answer or a source quote is weaker evidence than one in a question or keyword.
WEAK_CREDIT = 0.5
LIGHT_WEIGHT = 0.3
# Unknown numbers ("CBERS-4", "2022") are the surest sign of a question the article cannot answer.
UNKNOWN_NUMBER_FACTOR = 1.5
MIN_TYPO_LENGTH = 4
LONG_WORD = 8
# Phrasings that score below this fuzzy ratio contribute nothing worth ranking.
FUZZY_FLOOR = 30.0
TYPO_CACHE_SIZE = 8192
# Cubing the 0-1 similarity keeps near-exact phrasings apart from merely similar ones.
FUZZY_POWER = 3.0

_LIGHT_TERMS = frozenset(stem(word) for word in LIGHT_WORDS)


@dataclass(frozen=True, slots=True)
class Document:
    """An entry or a fact as the index sees it."""

    id: str
    kind: Kind
    label: str
    phrasings: tuple[str, ...]
    phrasing_langs: tuple[str, ...]
    strong: frozenset[str]
    weak: frozenset[str]
    keyword_terms: frozenset[str]


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


@dataclass(frozen=True, slots=True)
class Scored:
    """A document's score for one query, component by component (total = weighted sum, 0-100)."""

    document: Document
    lang: str
    fuzzy: float
    phrase: float
    overlap: float
    entity_bonus: float
    total: float


class Vocabulary:
    """Every term the knowledge base uses, with its rarity, and typo resolution onto it."""

    def __init__(self, documents: Sequence[Document], *, unknown_weight: float = 1.0) -> None:
        frequency = Counter(term for doc in documents for term in doc.strong | doc.weak)
        count = max(len(documents), 1)
        self._idf = {term: math.log(1 + count / df) for term, df in frequency.items()}
        self.max_idf = math.log(1 + count)
        self._unknown_weight = unknown_weight * self.max_idf
        self._terms = sorted(self._idf)
        self._stop_words = sorted(STOP_WORDS)
        self._typo_cache: dict[str, str | None] = {}

    def __contains__(self, term: object) -> bool:
        return term in self._idf

    def weight(self, term: str) -> float:
        """How much a query term counts: rare terms most, unknown ones a set share of the rarest."""
        if term in _LIGHT_TERMS:
            return LIGHT_WEIGHT
        idf = self._idf.get(term)
        if idf is not None:
            return idf
        has_digit = any(char.isdigit() for char in term)
        return self._unknown_weight * (UNKNOWN_NUMBER_FACTOR if has_digit else 1.0)

    def correct(self, term: str) -> str | None:
        """The known term (or stop word, as "") a misspelt term most likely means, if any."""
        if len(term) < MIN_TYPO_LENGTH or not term.isalpha():
            return None
        if term in self._typo_cache:
            return self._typo_cache[term]
        max_edits = 1 if len(term) < LONG_WORD else 2
        best: str | None = None
        best_edits = max_edits + 1
        for candidates, is_stop in ((self._terms, False), (self._stop_words, True)):
            match = process.extractOne(
                term, candidates, scorer=OSA.distance, processor=None, score_cutoff=max_edits
            )
            # Strictly better only, so a content term wins a tie with a stop word.
            if match is not None and match[1] < best_edits:
                best, best_edits = ("" if is_stop else match[0]), match[1]
        if len(self._typo_cache) >= TYPO_CACHE_SIZE:
            self._typo_cache.clear()
        self._typo_cache[term] = best
        return best

    def resolve(self, terms: Iterable[str]) -> Query:
        """Map query terms onto the vocabulary: known, misspelt (corrected) or unknown."""
        content: list[str] = []
        typos: list[str] = []
        unknown: list[str] = []
        for term in terms:
            resolved = term
            if term not in self._idf and term not in _LIGHT_TERMS:
                corrected = self.correct(term)
                # An unknown character pair is usually two words' edges, not a word.
                if corrected == "" or (corrected is None and is_cjk(term)):
                    continue
                if corrected is None:
                    unknown.append(term)
                else:
                    resolved = corrected
                    typos.append(f"{term}->{corrected}")
            if resolved not in content:
                content.append(resolved)
        return Query(
            content=tuple(content),
            weights=tuple(self.weight(term) for term in content),
            typos=tuple(typos),
            unknown=tuple(dict.fromkeys(unknown)),
            text=" ".join(sorted(content)),
        )


class DocumentIndex:
    """Entries or facts, with their phrasings flattened for one batched fuzzy comparison."""

    def __init__(self, documents: Sequence[Document], vocabulary: Vocabulary) -> None:
        self.documents = tuple(documents)
        self._phrasings = [text for doc in self.documents for text in doc.phrasings]
        self._owner = [i for i, doc in enumerate(self.documents) for _ in doc.phrasings]
        self._lang = [lang for doc in self.documents for lang in doc.phrasing_langs]
        self._phrasing_weight = [
            sum(vocabulary.weight(term) for term in text.split()) for text in self._phrasings
        ]
        phrasings_of: defaultdict[str, list[int]] = defaultdict(list)
        for position, text in enumerate(self._phrasings):
            for term in text.split():
                phrasings_of[term].append(position)
        self._phrasings_of = dict(phrasings_of)
        postings: defaultdict[str, dict[int, float]] = defaultdict(dict)
        for i, doc in enumerate(self.documents):
            for term in doc.weak:
                postings[term][i] = WEAK_CREDIT
            for term in doc.strong:
                postings[term][i] = 1.0
        self._postings = dict(postings)

    def score(
        self, query: Query, *, fuzzy_weight: float, phrase_weight: float, entity_weight: float
    ) -> list[Scored]:
        """Every document that shares a term or a close phrasing with the query, best first."""
        if not query.content:
            return []
        total_weight = query.total_weight
        covered: defaultdict[int, float] = defaultdict(float)
        entity: defaultdict[int, float] = defaultdict(float)
        for term, weight in zip(query.content, query.weights, strict=True):
            for i, credit in self._postings.get(term, {}).items():
                covered[i] += weight * credit
                if term in self.documents[i].keyword_terms:
                    entity[i] += weight
        shared: defaultdict[int, float] = defaultdict(float)
        for term, weight in zip(query.content, query.weights, strict=True):
            for position in self._phrasings_of.get(term, ()):
                shared[position] += weight
        phrase: dict[int, float] = {}
        for position, weight in shared.items():
            owner = self._owner[position]
            dice = 200.0 * weight / (total_weight + self._phrasing_weight[position])
            phrase[owner] = max(phrase.get(owner, 0.0), dice)
        fuzzy: dict[int, float] = {}
        best_phrasing: dict[int, int] = {}
        for _, ratio, position in process.extract(
            query.text,
            self._phrasings,
            scorer=fuzz.ratio,
            processor=None,
            limit=None,
            score_cutoff=FUZZY_FLOOR,
        ):
            owner = self._owner[position]
            # Ties go to the earlier phrasing, English before translations.
            if (ratio, -position) > (fuzzy.get(owner, -1.0), -best_phrasing.get(owner, 0)):
                fuzzy[owner] = ratio
                best_phrasing[owner] = position
        results = []
        for i in covered.keys() | fuzzy.keys():
            overlap = 100.0 * covered.get(i, 0.0) / total_weight
            bonus = entity_weight * 100.0 * entity.get(i, 0.0) / total_weight
            ratio = fuzzy.get(i, 0.0)
            similarity = phrase.get(i, 0.0)
            total = (
                fuzzy_weight * 100.0 * (ratio / 100.0) ** FUZZY_POWER
                + phrase_weight * similarity
                + (1 - fuzzy_weight - entity_weight - phrase_weight) * overlap
                + bonus
            )
            lang = self._lang[best_phrasing[i]] if i in best_phrasing else "en"
            results.append(
                Scored(self.documents[i], lang, ratio, similarity, overlap, bonus, total)
            )
        results.sort(key=lambda scored: scored.total, reverse=True)
        return results
