"""Entries and facts turned into the index's documents: their phrasings and weighted terms."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from celacbot.knowledge.models import Entry, Fact
from celacbot.languages import ENGLISH
from celacbot.retrieval.answer import Kind
from celacbot.retrieval.index import Document
from celacbot.retrieval.normalise import Normaliser


class DocumentBuilder:
    """Builds documents with one normaliser, so the index and the queries share its terms."""

    def __init__(self, normaliser: Normaliser) -> None:
        self._normaliser = normaliser
        # Texts recur across fields (a keyword in a question, a quote in two answers); the
        # builder, and this with it, lives only as long as one build.
        self._terms: dict[str, tuple[str, ...]] = {}

    def _content_terms(self, text: str) -> tuple[str, ...]:
        terms = self._terms.get(text)
        if terms is None:
            terms = self._terms[text] = self._normaliser.text_content_terms(text)
        return terms

    def content(self, texts: Iterable[str]) -> frozenset[str]:
        """The content terms of all the texts."""
        return frozenset(chain.from_iterable(map(self._content_terms, texts)))

    def _phrasings(
        self, texts: Iterable[tuple[str, str]]
    ) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[str, ...]]:
        """Token-sorted content strings, deduplicated (first wins), with their terms and
        languages."""
        terms_and_langs: dict[str, tuple[tuple[str, ...], str]] = {}
        for text, lang in texts:
            terms = tuple(sorted(set(self._content_terms(text))))
            if terms:
                terms_and_langs.setdefault(" ".join(terms), (terms, lang))
        return (
            tuple(terms_and_langs),
            tuple(terms for terms, _ in terms_and_langs.values()),
            tuple(lang for _, lang in terms_and_langs.values()),
        )

    def entry(self, entry: Entry) -> Document:
        """An FAQ entry: its questions (all languages) and keywords are strong evidence, its
        answers and quotes weak."""
        questions = entry.phrasings()
        strong = self.content([*(question for question, _ in questions), *entry.keywords])
        translated = [translation.answer for translation in entry.translations.values()]
        phrasings, phrasing_terms, langs = self._phrasings(questions)
        return Document(
            id=entry.id,
            kind=Kind.FAQ,
            label=entry.canonical_question,
            phrasings=phrasings,
            phrasing_terms=phrasing_terms,
            phrasing_langs=langs,
            strong=strong,
            weak=self.content([entry.answer, *translated, *entry.source]) - strong,
            keyword_terms=self.content(entry.keywords),
            related=frozenset(entry.related),
        )

    def fact(self, fact: Fact) -> Document:
        """A fact: its text (all languages) and keywords are strong, its quote weak."""
        texts = [(fact.text, ENGLISH), *((text, lang) for lang, text in fact.translations.items())]
        strong = self.content([*(text for text, _ in texts), *fact.keywords])
        phrasings, phrasing_terms, langs = self._phrasings(texts)
        return Document(
            id=fact.id,
            kind=Kind.FACT,
            label=fact.text,
            phrasings=phrasings,
            phrasing_terms=phrasing_terms,
            phrasing_langs=langs,
            strong=strong,
            weak=self.content([fact.source]) - strong,
            keyword_terms=self.content(fact.keywords),
        )
