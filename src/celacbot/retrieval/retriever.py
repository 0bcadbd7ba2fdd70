"""The retriever: decides whether to answer, suggest, decline or chat, and explains why."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from rapidfuzz import fuzz, process

from celacbot.config import RetrievalSettings
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.knowledge.models import Entry, Fact, KnowledgeBase, SmallTalk, translated
from celacbot.retrieval.answer import Answer, Candidate, Decision, Explanation, Kind, Suggestion
from celacbot.retrieval.builtin_synonyms import (
    EVERYDAY_SYNONYMS,
    QUESTION_WORDS,
    SPANISH_PORTUGUESE_SYNONYMS,
)
from celacbot.retrieval.index import Document, DocumentIndex, Query, Scored, Vocabulary
from celacbot.retrieval.language import hint_language, question_language
from celacbot.retrieval.normalise import (
    LIGHT_WORDS,
    STOP_WORDS,
    Normaliser,
    has_cjk,
    is_cjk,
    words,
)

ENGLISH = "en"
CHINESE = "zh"
MAX_SUGGESTIONS = 3
# A question this close to a phrasing (character ratio) is that phrasing, whatever the
# word-coverage guard says: it differs by inflection or a small word, not by a topic.
NEAR_EXACT = 90.0
# A name counts when its weight is at least this share of the rarest term's weight.
NAME_RARITY = 0.4
EXPLAIN_CANDIDATES = 5
# Small talk is a short message that is (nearly) one of the patterns, or one that holds a
# pattern and at most one other real word when nothing else answers it.
SMALLTALK_MAX_WORDS = 8
SMALLTALK_RATIO = 88.0
_FILLER_WORDS = STOP_WORDS | LIGHT_WORDS


@dataclass(frozen=True, slots=True)
class _Evaluation:
    answer: Answer
    query: Query | None
    candidates: tuple[Scored, ...]


class _PatternsByLength(dict[int, tuple[tuple[str, ...], tuple[SmallTalk, ...]]]):
    """The small-talk patterns, in order, that a message of each length can match.

    fuzz.ratio of texts of lengths a and b is at most 200 * min(a, b) / (a + b): each character
    of the longer text beyond the shorter one's length is an edit. Patterns too short or too
    long for SMALLTALK_RATIO are left out (most questions are longer than every pattern), so
    extractOne compares a message with a few patterns, not all of them. Each length's window
    is worked out when a message of that length first comes.
    """

    def __init__(self, patterns: Sequence[tuple[str, SmallTalk]]) -> None:
        super().__init__()
        self._patterns = patterns

    def __missing__(self, length: int) -> tuple[tuple[str, ...], tuple[SmallTalk, ...]]:
        window = [
            (pattern, talk)
            for pattern, talk in self._patterns
            if 200 * min(length, len(pattern)) >= SMALLTALK_RATIO * (length + len(pattern))
        ]
        patterns = self[length] = (
            tuple(pattern for pattern, _ in window),
            tuple(talk for _, talk in window),
        )
        return patterns


class Retriever:
    """Answers questions from a knowledge base; every public method is total (never raises)."""

    def __init__(self, kb: KnowledgeBase, settings: RetrievalSettings) -> None:
        self.kb = kb
        self.settings = settings
        self._normaliser = Normaliser(
            QUESTION_WORDS,
            EVERYDAY_SYNONYMS,
            SPANISH_PORTUGUESE_SYNONYMS,
            kb.synonyms,
            *kb.language_synonyms.values(),
        )
        self._entries = {entry.id: entry for entry in kb.entries}
        self._facts = {fact.id: fact for fact in kb.facts}
        entry_docs = [self._entry_document(entry) for entry in kb.entries]
        fact_docs = [self._fact_document(fact) for fact in kb.facts]
        self._vocabulary = Vocabulary(
            [*entry_docs, *fact_docs], unknown_weight=self.settings.unknown_word_weight
        )
        self._entry_index = DocumentIndex(entry_docs, self._vocabulary)
        self._fact_index = DocumentIndex(fact_docs, self._vocabulary)
        # Rare one-word capitalised keywords ("BYD", "Uruguay", "19"): names that only a few
        # entries speak of, unlike "China" or "Latin America".
        keywords = [
            *(keyword for entry in kb.entries for keyword in entry.keywords),
            *(keyword for fact in kb.facts for keyword in fact.keywords),
        ]
        self._named = frozenset(
            term
            for keyword in keywords
            if keyword[:1].isupper() or keyword[:1].isdigit()
            if len(terms := self._normaliser.content_terms(keyword)) == 1
            for term in terms
            if self._vocabulary.weight(term) >= self._vocabulary.max_idf * NAME_RARITY
        )
        self._smalltalk_patterns = [
            (" ".join(words(pattern)), talk) for talk in kb.smalltalk for pattern in talk.patterns
        ]
        self._smalltalk_by_length = _PatternsByLength(self._smalltalk_patterns)
        # Pattern positions by first word ("" for a pattern without words): a message holds
        # only the patterns whose first word it has.
        self._smalltalk_by_first: dict[str, list[int]] = {}
        for position, (pattern, _) in enumerate(self._smalltalk_patterns):
            self._smalltalk_by_first.setdefault(pattern.split(" ", 1)[0], []).append(position)
        # The same patterns as words, longest first, to strip a leading greeting in one probe.
        self._smalltalk_prefixes = {
            first: sorted(
                {tuple(self._smalltalk_patterns[position][0].split()) for position in positions},
                key=len,
                reverse=True,
            )
            for first, positions in self._smalltalk_by_first.items()
            if first
        }

    def _content(self, texts: Iterable[str]) -> frozenset[str]:
        return frozenset(chain.from_iterable(map(self._normaliser.content_terms, texts)))

    def _phrasings(
        self, texts: Iterable[tuple[str, str]]
    ) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[str, ...]]:
        """Token-sorted content strings, deduplicated (first wins), with their terms and
        languages."""
        terms_and_langs: dict[str, tuple[tuple[str, ...], str]] = {}
        for text, lang in texts:
            terms = tuple(sorted(set(self._normaliser.content_terms(text))))
            if terms:
                terms_and_langs.setdefault(" ".join(terms), (terms, lang))
        return (
            tuple(terms_and_langs),
            tuple(terms for terms, _ in terms_and_langs.values()),
            tuple(lang for _, lang in terms_and_langs.values()),
        )

    def _entry_document(self, entry: Entry) -> Document:
        questions = [(question, ENGLISH) for question in entry.questions] + [
            (question, lang)
            for lang, translation in entry.translations.items()
            for question in translation.questions
        ]
        strong = self._content([*(question for question, _ in questions), *entry.keywords])
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
            weak=self._content([entry.answer, *translated, *entry.source]) - strong,
            keyword_terms=self._content(entry.keywords),
        )

    def _fact_document(self, fact: Fact) -> Document:
        texts = [(fact.text, ENGLISH), *((text, lang) for lang, text in fact.translations.items())]
        strong = self._content([*(text for text, _ in texts), *fact.keywords])
        phrasings, phrasing_terms, langs = self._phrasings(texts)
        return Document(
            id=fact.id,
            kind=Kind.FACT,
            label=fact.text,
            phrasings=phrasings,
            phrasing_terms=phrasing_terms,
            phrasing_langs=langs,
            strong=strong,
            weak=self._content([fact.source]) - strong,
            keyword_terms=self._content(fact.keywords),
        )

    @classmethod
    def from_file(cls, path: Path, settings: RetrievalSettings) -> Retriever:
        """A retriever over a knowledge file; raises KnowledgeError when the file is unusable."""
        return cls(load_knowledge_base(path), settings)

    def with_settings(self, settings: RetrievalSettings) -> Retriever:
        """The same index deciding with other thresholds (for sweeps), built in no time."""
        if settings.unknown_word_weight != self.settings.unknown_word_weight:
            return Retriever(self.kb, settings)  # the vocabulary's weights change: rebuild
        variant = copy.copy(self)
        variant.settings = settings
        return variant

    def entry(self, entry_id: str) -> Entry | None:
        """The FAQ entry with this id, if any."""
        return self._entries.get(entry_id)

    def answer(self, question: str, *, lang_hint: str | None = None) -> Answer:
        """Answer, suggest, decline or chat back; never raises.

        lang_hint is the user's language_code ("es-419", "pt-br"): it picks the reply's
        language when the question's own words do not tell.
        """
        return self._evaluate(question, lang_hint).answer

    def answer_entry(self, entry_id: str, *, lang_hint: str | None = None) -> Answer | None:
        """The answer of a known entry or fact (buttons, deep links), in the hinted language
        when translated, with the entry's own question in that language; None if the id is
        unknown."""
        lang = hint_language(lang_hint) or ENGLISH
        entry = self._entries.get(entry_id)
        if entry is not None:
            translation = translated(entry.translations, lang)
            return self._entry_answer(
                entry,
                translation.questions[0] if translation else entry.canonical_question,
                score=100.0,
                margin=100.0,
                reason="chosen by id",
                lang=lang,
            )
        fact = self._facts.get(entry_id)
        if fact is not None:
            return self._fact_answer(
                fact, fact.text, score=100.0, margin=100.0, reason="chosen by id", lang=lang
            )
        return None

    def search(self, query: str, *, limit: int = 10) -> list[Suggestion]:
        """Entries ranked for a free-text query (inline mode); [] for a blank query."""
        resolved = self._resolve(query)
        if resolved is None or limit <= 0:
            return []
        floor = self.settings.suggest_threshold / 2
        asked = question_language(query, words(query))
        return [
            self._suggestion(scored, asked)
            for scored in self._score(self._entry_index, resolved)[:limit]
            if scored.total >= floor
        ]

    def explain(self, question: str) -> Explanation:
        """The top candidates with their score components, and the decision with its reason."""
        evaluation = self._evaluate(question)
        query = evaluation.query
        facts = self._score(self._fact_index, query) if evaluation.candidates and query else []
        ranked = sorted([*evaluation.candidates, *facts], key=lambda s: s.total, reverse=True)
        return Explanation(
            question=evaluation.answer.question,
            terms=query.content if query else (),
            unknown_terms=query.unknown if query else (),
            candidates=tuple(
                Candidate(
                    id=scored.document.id,
                    kind=scored.document.kind,
                    question=scored.document.label,
                    fuzzy=round(scored.fuzzy, 1),
                    phrase=round(scored.phrase, 1),
                    overlap=round(scored.overlap, 1),
                    typo_matches=query.typos if query else (),
                    entity_bonus=round(scored.entity_bonus, 1),
                    total=round(scored.total, 1),
                )
                for scored in ranked[:EXPLAIN_CANDIDATES]
            ),
            answer=evaluation.answer,
        )

    def _cap(self, question: str) -> str:
        return question[: self.settings.max_query_chars]

    def _resolve(self, question: str) -> Query | None:
        query = self._query(self._cap(question))
        return query if query.content else None

    def _query(self, text: str) -> Query:
        """The text's terms resolved against the vocabulary."""
        covered: set[str] = set()
        if has_cjk(text):
            known = self._normaliser.cjk_terms
            covered = {
                char
                for term in words(text)
                if is_cjk(term) and (term in self._vocabulary or term in known)
                for char in term
            }
        return self._vocabulary.resolve(self._normaliser.content_terms(text), covered)

    def _score(self, index: DocumentIndex, query: Query) -> list[Scored]:
        return index.score(
            query,
            fuzzy_weight=self.settings.fuzzy_weight,
            phrase_weight=self.settings.phrase_weight,
            entity_weight=self.settings.entity_weight,
        )

    def _evaluate(self, question: str, lang_hint: str | None = None) -> _Evaluation:
        capped = self._cap(question)
        message = words(capped)
        asked = question_language(capped, message, lang_hint)
        whole = self._whole_smalltalk(capped, message, asked)
        if whole is not None:
            return _Evaluation(whole, None, ())
        # "good morning, what is CBERS" is a question: the greeting must not count against it.
        content = self._without_greeting(message)
        query = self._query(" ".join(content))
        if not query.content:
            reason = "no words to match" if not message else "only common words, nothing to match"
            decline = self._decline(capped, reason, lang=asked or ENGLISH)
            return self._unless_greeting(_Evaluation(decline, query, ()), message, query, asked)
        entries = self._score(self._entry_index, query)
        # Facts are scored only when no entry answers: most questions never need them.
        answer = self._decide(
            capped, asked, query, entries, lambda: self._score(self._fact_index, query)
        )
        return self._unless_greeting(
            _Evaluation(answer, query, tuple(entries)), message, query, asked
        )

    def _unless_greeting(
        self, evaluation: _Evaluation, message: Sequence[str], query: Query, asked: str | None
    ) -> _Evaluation:
        """A greeting or thanks that carries no answerable question is small talk."""
        if evaluation.answer.decision is Decision.ANSWER:
            return evaluation
        greeting = self._greeting_only(evaluation.answer.question, message, query, asked)
        return evaluation if greeting is None else _Evaluation(greeting, query, ())

    def _whole_smalltalk(
        self, question: str, message: Sequence[str], asked: str | None
    ) -> Answer | None:
        """Small talk when the whole short message is (nearly) one of the patterns."""
        if not message or len(message) > SMALLTALK_MAX_WORDS:
            return None
        text = " ".join(message)
        patterns, talks = self._smalltalk_by_length[len(text)]
        # The cutoff lets rapidfuzz skip unlike patterns early; the best at or above it is
        # the same first best that a search without it would find.
        best = process.extractOne(
            text, patterns, scorer=fuzz.ratio, processor=None, score_cutoff=SMALLTALK_RATIO
        )
        if best is None:
            return None
        talk = talks[best[2]]
        return self._smalltalk_answer(question, talk, best[1], f"matches {best[0]!r}", asked)

    def _without_greeting(self, message: Sequence[str]) -> Sequence[str]:
        """The message minus a leading small-talk pattern ("hi", "good morning", "thanks")."""
        for pattern in self._smalltalk_prefixes.get(message[0], ()) if message else ():
            if tuple(message[: len(pattern)]) == pattern:
                return message[len(pattern) :]
        return message

    def _greeting_only(
        self, question: str, message: Sequence[str], query: Query, asked: str | None
    ) -> Answer | None:
        """Small talk when a short message holds a pattern and at most one other real word."""
        if len(message) > SMALLTALK_MAX_WORDS or any(term in self._named for term in query.content):
            return None
        padded = f" {' '.join(message)} "
        # Only patterns starting with one of the message's words can be in it (a pattern
        # without words, only in a message without any), tried in order: the first one wins.
        starting = (self._smalltalk_by_first.get(word, ()) for word in message or [""])
        for position in sorted(set(chain.from_iterable(starting))):
            pattern, talk = self._smalltalk_patterns[position]
            if f" {pattern} " not in padded:
                continue
            others = [
                word
                for word in message
                if word not in pattern.split() and word not in _FILLER_WORDS
            ]
            if len(others) <= 1:
                reason = f"contains {pattern!r} and no other question"
                return self._smalltalk_answer(question, talk, 100.0, reason, asked)
        return None

    def _naming_all(self, query: Query, ranked: list[Scored], count: int) -> list[Scored]:
        """The first `count` candidates that mention every name and number of the question."""
        # The question's names are found once, not per candidate; most questions have none.
        names = [term for term in query.content if term in self._named or not term.isalpha()]
        if not names:
            return ranked[:count]
        return list(islice((scored for scored in ranked if _mentions(scored, names)), count))

    def _confident(self, best: Scored, margin: float) -> bool:
        """Whether the best candidate is sure enough to answer with: scored high, clear of the
        runner-up, and covering the question's words (or nearly one of its phrasings)."""
        settings = self.settings
        return (
            best.total >= settings.answer_threshold
            and margin >= settings.margin
            and (best.overlap >= 100.0 * settings.min_coverage or best.fuzzy >= NEAR_EXACT)
        )

    def _decide(
        self,
        question: str,
        asked: str | None,
        query: Query,
        entries: list[Scored],
        score_facts: Callable[[], list[Scored]],
    ) -> Answer:
        # An answer must speak of every name and number asked about: "when was BYD founded"
        # is not answered by when the Forum was founded. Only the leaders matter: the best,
        # its runner-up and the suggestions.
        entries = self._naming_all(query, entries, MAX_SUGGESTIONS + 1)
        settings = self.settings
        best = entries[0] if entries else None
        margin = _margin(entries)
        if best is not None and self._confident(best, margin):
            entry = self._entries[best.document.id]
            reason = (
                f"{entry.id} scored {best.total:.1f} >= {settings.answer_threshold:g}"
                f" with margin {margin:.1f} >= {settings.margin:g}"
            )
            return self._entry_answer(
                entry,
                question,
                score=best.total,
                margin=margin,
                reason=reason,
                lang=_answer_lang(asked, best.lang),
            )
        facts = self._naming_all(query, score_facts(), 2)
        best_fact = facts[0] if facts else None
        fact_margin = _margin(facts)
        if (
            best_fact is not None
            and self._confident(best_fact, fact_margin)
            and (best is None or best_fact.total > best.total)
        ):
            fact = self._facts[best_fact.document.id]
            reason = (
                f"no entry was confident; fact {fact.id} scored {best_fact.total:.1f}"
                f" with margin {fact_margin:.1f}"
            )
            return self._fact_answer(
                fact,
                question,
                score=best_fact.total,
                margin=fact_margin,
                reason=reason,
                lang=_answer_lang(asked, best_fact.lang),
            )
        suggestions = tuple(
            self._suggestion(scored, asked)
            for scored in entries[:MAX_SUGGESTIONS]
            if scored.total >= settings.suggest_threshold
        )
        score = best.total if best else 0.0
        if suggestions and best is not None:
            lang = _answer_lang(asked, best.lang)
            return Answer(
                question=question,
                decision=Decision.SUGGEST,
                kind=Kind.NONE,
                score=score,
                margin=margin,
                suggestions=suggestions,
                lang=lang,
                requested_lang=lang,
                reason=self._doubt(best, margin, query),
            )
        reason = self._why_decline(best, query)
        return self._decline(question, reason, score, margin, lang=asked or ENGLISH)

    def _doubt(self, best: Scored, margin: float, query: Query) -> str:
        settings = self.settings
        if best.total < settings.answer_threshold:
            why = f"best score {best.total:.1f} is below the answer threshold"
            why += f" {settings.answer_threshold:g}"
        elif best.overlap < 100.0 * settings.min_coverage and best.fuzzy < NEAR_EXACT:
            why = f"only {best.overlap:.0f}% of the question's weight is covered"
        else:
            why = f"margin {margin:.1f} to the runner-up is below {settings.margin:g}"
        if query.unknown:
            why += f"; unknown words: {', '.join(query.unknown)}"
        return f"not sure: {why}"

    def _why_decline(self, best: Scored | None, query: Query) -> str:
        parts = []
        if query.unknown:
            parts.append(f"the article does not mention: {', '.join(query.unknown)}")
        if best is None:
            parts.append("no entry matches the names and words of the question")
        else:
            parts.append(
                f"best score {best.total:.1f} ({best.document.id}) is below the suggest threshold"
                f" {self.settings.suggest_threshold:g}"
            )
        return "; ".join(parts)

    @staticmethod
    def _decline(
        question: str, reason: str, score: float = 0.0, margin: float = 0.0, *, lang: str
    ) -> Answer:
        return Answer(
            question=question,
            decision=Decision.DECLINE,
            kind=Kind.NONE,
            score=score,
            margin=margin,
            lang=lang,
            requested_lang=lang,
            reason=reason,
        )

    @staticmethod
    def _entry_answer(
        entry: Entry,
        question: str,
        *,
        score: float,
        margin: float,
        reason: str,
        lang: str = ENGLISH,
    ) -> Answer:
        translation = translated(entry.translations, lang)
        return Answer(
            question=question,
            decision=Decision.ANSWER,
            kind=Kind.FAQ,
            id=entry.id,
            text=translation.answer if translation else entry.answer,
            lang=lang if translation else ENGLISH,
            requested_lang=lang,
            score=score,
            margin=margin,
            source=tuple(entry.source),
            related=tuple(entry.related),
            reason=reason,
        )

    @staticmethod
    def _fact_answer(
        fact: Fact,
        question: str,
        *,
        score: float,
        margin: float,
        reason: str,
        lang: str = ENGLISH,
    ) -> Answer:
        translation = translated(fact.translations, lang)
        return Answer(
            question=question,
            decision=Decision.ANSWER,
            kind=Kind.FACT,
            id=fact.id,
            text=translation or fact.text,
            lang=lang if translation else ENGLISH,
            requested_lang=lang,
            score=score,
            margin=margin,
            source=(fact.source,),
            reason=reason,
        )

    @staticmethod
    def _smalltalk_answer(
        question: str, talk: SmallTalk, score: float, reason: str, asked: str | None
    ) -> Answer:
        lang = asked or ENGLISH
        translation = translated(talk.translations, lang)
        return Answer(
            question=question,
            decision=Decision.SMALLTALK,
            kind=Kind.SMALLTALK,
            id=talk.id,
            text=translation or talk.answer,
            score=score,
            lang=lang if translation else ENGLISH,
            requested_lang=lang,
            reason=f"small talk: {reason}",
        )

    def _suggestion(self, scored: Scored, asked: str | None) -> Suggestion:
        """A candidate entry with its canonical question in the language it was asked in."""
        label = scored.document.label
        entry = self._entries.get(scored.document.id)
        lang = _answer_lang(asked, scored.lang)
        translation = translated(entry.translations, lang) if entry else None
        if translation is not None:
            label = translation.questions[0]
        return Suggestion(scored.document.id, label, round(scored.total, 1))


def _answer_lang(asked: str | None, phrasing_lang: str) -> str:
    """The question's own language when its words (or the hint) tell, else the closest
    phrasing's language (but never Chinese for a question without Chinese characters)."""
    if asked is not None:
        return asked
    return ENGLISH if phrasing_lang == CHINESE else phrasing_lang


def _mentions(scored: Scored, terms: Iterable[str]) -> bool:
    """Whether a candidate's document uses every one of the terms."""
    document = scored.document
    return all(term in document.strong or term in document.weak for term in terms)


def _margin(ranked: Sequence[Scored]) -> float:
    if not ranked:
        return 0.0
    return ranked[0].total - (ranked[1].total if len(ranked) > 1 else 0.0)
