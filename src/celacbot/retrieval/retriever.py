"""The retriever: decides whether to answer, suggest, decline or chat, and explains why."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Final

from celacbot.config import RetrievalSettings
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.knowledge.models import Entry, KnowledgeBase
from celacbot.languages import ENGLISH
from celacbot.retrieval.answer import Answer, Candidate, Decision, Explanation, Kind, Suggestion
from celacbot.retrieval.builtin_synonyms import (
    EVERYDAY_SYNONYMS,
    QUESTION_WORDS,
    SPANISH_PORTUGUESE_SYNONYMS,
)
from celacbot.retrieval.documents import DocumentBuilder
from celacbot.retrieval.enumeration import list_items
from celacbot.retrieval.followup import (
    MAX_BARE_TERMS,
    MAX_SHORT_WORDS,
    asked_position,
    asks_for_more,
    asks_for_position,
    asks_for_the_other,
    asks_if_only,
    asks_what_it_is,
    names_the_article,
    opens_with_connector,
    points_back,
)
from celacbot.retrieval.index import LIGHT_WEIGHT, DocumentIndex, Query, Scored, Vocabulary
from celacbot.retrieval.language import hint_language, question_language
from celacbot.retrieval.localised import (
    answer_language,
    decline,
    entry_answer,
    fact_answer,
    smalltalk_answer,
)
from celacbot.retrieval.message import asks, checks_a_claim, questions, without_exclusion
from celacbot.retrieval.missing import (
    COUNTRIES,
    DETAIL_WORDS,
    YEAR,
    Detail,
    asked_details,
    caveat,
    gaps,
)
from celacbot.retrieval.neighbourhood import Neighbourhood
from celacbot.retrieval.normalise import Normaliser, has_cjk, is_cjk, words
from celacbot.retrieval.policy import (
    MAX_SUGGESTIONS,
    Answered,
    Declined,
    Framing,
    Suggested,
    Verdict,
    decide,
)
from celacbot.retrieval.question_speller import QuestionSpeller
from celacbot.retrieval.scope import beyond_the_article
from celacbot.retrieval.smalltalk import SmallTalkMatch, SmallTalkMatcher

_YEAR: Final = re.compile(YEAR)
# How far a message's own answer must outscore the subject's neighbours to stand alone.
STANDS_ALONE_LEAD = 15.0
# A name counts when its weight is at least this share of the rarest term's weight.
NAME_RARITY = 0.4
# How far below the best a follow-up's candidate may score and still be preferred for giving
# the detail asked for.
FOLLOW_UP_SLACK = 15.0
# How far below the best a related candidate may score and still be preferred for giving the
# day asked for ("the exact dates of Xi's trip": his visit's dates, not his state visits).
DETAIL_SLACK = 8.0
ASKED_CACHE_SIZE = 1024
EXPLAIN_CANDIDATES = 5


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a message's own words say about reading it with the conversation's subject."""

    terms: tuple[str, ...]
    asks: bool  # it asks something in words ("what else?"), unlike "👍", "ok" or "??"
    unknown: bool  # it uses a word the article never does
    points_back: bool  # a pronoun refers to something said before ("what did they build?")
    bare: bool  # it is only question words and chat
    elliptical: bool  # a short Chinese question naming no topic


@dataclass(frozen=True, slots=True)
class _Evaluation:
    answer: Answer
    query: Query | None
    candidates: tuple[Scored, ...]


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
        build = DocumentBuilder(self._normaliser)
        entry_docs = [build.entry(entry) for entry in kb.entries]
        fact_docs = [build.fact(fact) for fact in kb.facts]
        known_terms = {term for doc in (*entry_docs, *fact_docs) for term in doc.strong | doc.weak}
        self._vocabulary = Vocabulary(
            [*entry_docs, *fact_docs],
            unknown_weight=self.settings.unknown_word_weight,
            variants={
                variant: term
                for variant, term in self._normaliser.word_variants.items()
                if term in known_terms
            },
        )
        self._entry_index = DocumentIndex(entry_docs, self._vocabulary)
        self._fact_index = DocumentIndex(fact_docs, self._vocabulary)
        # Rare one-word capitalised keywords ("BYD", "Uruguay", "19"): names that only a few
        # entries speak of, unlike "China" or "Latin America".
        keywords = [
            *(keyword for entry in kb.entries for keyword in entry.keywords),
            *(keyword for fact in kb.facts for keyword in fact.keywords),
        ]
        self._article_year = str(kb.source.year) if kb.source.year else None
        self._countries = frozenset(
            term for country in COUNTRIES for term in self._normaliser.text_content_terms(country)
        )
        said = [(entry.id, entry.answer) for entry in kb.entries]
        said += [(fact.id, fact.text) for fact in kb.facts]

        def giving(detail: Detail) -> frozenset[str]:
            return frozenset(item_id for item_id, text in said if not gaps((detail,), text).all)

        # Entries and facts that date what they tell ("his Nov 13 to 21 visit": in the
        # article's own year, unless they say otherwise), give a day (for a question asking
        # when), or a count, in figures or words (which a claim's number may be corrected by:
        # "8 satellites?": six).
        self._dated = giving(Detail.DATE)
        self._days = giving(Detail.DAY)
        self._counted = giving(Detail.COUNT)
        # The article's subject, as a question names it: China and a Latin American side
        # (the region, CELAC or a country), or the article itself.
        subject_terms = self._normaliser.text_content_terms
        self._china = frozenset(subject_terms("China Chinese chino"))
        self._latin = frozenset(subject_terms("Latin Caribbean CELAC")) | self._countries
        self._article = frozenset(subject_terms("article"))
        self._subject = self._china | self._latin | self._article
        self._named = frozenset(
            term
            for keyword in keywords
            if keyword[:1].isupper() or keyword[:1].isdigit()
            if len(terms := self._normaliser.text_content_terms(keyword)) == 1
            for term in terms
            if self._vocabulary.weight(term) >= self._vocabulary.max_idf * NAME_RARITY
        )
        # Every term some entry or fact lists among its keywords: the article's topics.
        self._topic_terms = frozenset(
            term for doc in (*entry_docs, *fact_docs) for term in doc.keyword_terms
        )
        self._smalltalk = SmallTalkMatcher(kb.smalltalk)
        # A name is what a chat is about when rare enough: "CELAC" is in most questions
        # ("China and CELAC countries"), "BGI Genomics" in few.
        self._neighbourhood = Neighbourhood(
            kb.entries,
            kb.facts,
            {doc.id: doc.strong | doc.weak for doc in (*entry_docs, *fact_docs)},
            rare_name=lambda name: (
                max(
                    map(self._vocabulary.weight, self._normaliser.text_content_terms(name)),
                    default=0.0,
                )
                >= self._vocabulary.max_idf * NAME_RARITY
            ),
        )
        self._speller = QuestionSpeller(kb, self._vocabulary)
        # A message's details are read at several steps of answering it (its parts, a
        # follow-up, the caveat), each a scan with some thirty patterns. One cache per
        # retriever, as the question caches: a fresh one starts empty.
        self._asked_details = functools.lru_cache(maxsize=ASKED_CACHE_SIZE)(asked_details)
        # The words that name a detail a question asks for ("in which year?", "which city?").
        self._detail_terms = frozenset(self._normaliser.text_content_terms(DETAIL_WORDS))
        # "when", "where", "who", "why" in every language, as the index sees them.
        self._question_terms = frozenset(
            self._normaliser.text_content_terms(" ".join(QUESTION_WORDS))
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

    def answer(
        self,
        question: str,
        *,
        lang_hint: str | None = None,
        subject: str | None = None,
        replying: bool = False,
    ) -> Answer:
        """Answer, suggest, decline or chat back; never raises.

        lang_hint is the user's language_code ("es-419", "pt-br"): it picks the reply's
        language when the question's own words do not tell. subject is the id of the entry or
        fact the conversation is about (the last answer, or the one the user replies to): a
        follow-up that cannot stand alone ("when?", "and Chile?") is read with it. replying
        says the user replied to the answer about `subject`: a message it leaves unanswered
        on its own ("does it create jobs?") is then read with it too.
        """
        evaluation = self._evaluate(question, lang_hint)
        if subject is None:
            return evaluation.answer
        return self._follow_up(question, subject, evaluation, replying=replying)

    def _follow_up(
        self,
        question: str,
        subject: str,
        standalone: _Evaluation,
        *,
        replying: bool,
        detail: bool = False,
    ) -> Answer:
        """The standalone answer, or the answer to the message read with the subject when the
        message leans on it and that reading answers. `detail`: the message only asks a detail
        of the subject ("... and in which year?"), whatever its own reading answers."""
        own = standalone.answer
        about = self.answer_entry(subject, lang_hint=own.requested_lang)
        if about is None:
            return own
        shape = self._shape(question, standalone)
        terms = shape.terms
        # "除了疫苗还有什么?", "besides vaccines, what else?": what else the subject says,
        # when it speaks of what is set aside ("除了比亚迪，还有哪些车企？" after COVID aid
        # is a question of its own).
        split = without_exclusion(question)
        if (
            split is not None
            and not shape.bare
            and self._neighbourhood.speaks_of(
                subject, self._normaliser.text_content_terms(split[1])
            )
        ):
            rest = self._evaluate(split[0], own.requested_lang)
            if self._shape(split[0], rest).bare or opens_with_connector(split[0]):
                answer = self._follow_up(split[0], subject, rest, replying=replying)
                return replace(answer, question=question)
        # Small talk found inside a message ("ajuda", help) that asks about "that" is a
        # question about the subject: "isso ajuda?", does that help? Not "thanks for that",
        # nor "isso ajuda, valeu" (that helps, thanks).
        inside = standalone.query is not None
        about_that = inside and shape.points_back and asks(question)
        if own.decision is Decision.SMALLTALK and not about_that:
            return own
        # "the second one?": an item of the list the subject's answer gives, answered when an
        # entry answers it ("healthcare", after the fields of cooperation), else that list
        # again. "the other one?": the other of a pair, else that answer again.
        if asks_for_position(question):
            picked = (
                self._partner(about)
                if asks_for_the_other(question)
                else self._listed(about, asked_position(question))
            )
            chosen = self.answer_entry(picked, lang_hint=own.requested_lang) if picked else None
            return replace(chosen or about, question=question, context=about.question)
        # What the message names besides question words ("brazil" in "only for brazil?").
        topics = [term for term in terms if term not in self._question_terms]
        unknown = standalone.query.unknown if standalone.query else ()
        only = self._only_of(question, subject, [term for term in topics if term not in unknown])
        chosen = self.answer_entry(only, lang_hint=own.requested_lang) if only else None
        if chosen is not None:
            return replace(chosen, question=question, context=about.question)
        # A reply says "this is about that", but only of a message that asks something: a
        # "👍" or "lol" replied to an answer must not get that answer again.
        replied = replying and shape.asks and own.decision is not Decision.ANSWER
        # "tell me more", "多说一点": more of the subject, unless it names another topic (a
        # keyword's: "detalles" or "goal" are rare words but no topic).
        more_of_it = asks_for_more(question) and not any(
            term in self._topic_terms and term not in self._question_terms for term in terms
        )
        # "what's the data for?" after CBERS: a short question about a thing the subject speaks
        # of. Not a name it mentions ("tell me about chile" after green energy is Chile's).
        of_the_subject = (
            len(words(question)) <= MAX_SHORT_WORDS
            and bool(topics)
            and not any(term in self._named for term in topics)
            and self._neighbourhood.speaks_of_all(subject, topics)
            # and read alone, it is not answered from what is near the subject
            and (
                own.decision is not Decision.ANSWER
                or own.id not in self._neighbourhood.neighbours(subject)
            )
        )
        leans = (
            shape.bare
            or shape.elliptical
            or shape.points_back
            or detail
            or more_of_it
            or of_the_subject
        )
        if not (leans or opens_with_connector(question) or replied):
            return own
        if more_of_it:
            more = next(
                filter(
                    None, (self.answer_entry(each, lang_hint=about.lang) for each in about.related)
                ),
                None,
            )
            return own if more is None else replace(more, question=question, context=about.question)
        defined = self._neighbourhood.defined_in(subject) if asks_what_it_is(question) else None
        if defined is not None:
            # "what is it exactly?" after the lab BGI set up in Uruguay: what BGI is.
            chosen = self.answer_entry(defined, lang_hint=own.requested_lang)
            if chosen is not None:
                return replace(chosen, question=question, context=about.question)
        # The subject's question in the asker's language, so the language stays theirs.
        combined = f"{' '.join(words(self._cap(question)))} {' '.join(self._kept(about, terms))}"
        # One text, never split into questions: it is the message and a question joined.
        capped = self._cap(combined)
        message = words(capped)
        asked = question_language(capped, message, own.requested_lang)
        evaluation = self._evaluate_text(capped, message, asked)
        if shape.bare and not self._asked_details(question):
            # "what's it for?", "which countries?": the subject itself answers, or the related
            # entry the message's few words point to, never a stranger its words match better.
            kin = {subject, *about.related}
            pick = next((s for s in evaluation.candidates if s.document.id in kin), None)
            chosen = self.answer_entry(
                pick.document.id if pick else subject, lang_hint=own.requested_lang
            )
            if chosen is not None:
                return replace(chosen, question=question, context=about.question)
        # A message that names a topic of the article and is answered on its own about
        # something far from the subject, far better than the subject's neighbours match it,
        # names its own subject ("what is the food innovation center, what is it for?"): "it"
        # is that one. "who built it?" names nothing: "it" is the subject.
        neighbours = self._neighbourhood.neighbours(subject)
        nearest = max(
            (scored.total for scored in standalone.candidates if scored.document.id in neighbours),
            default=0.0,
        )
        if (
            shape.points_back
            and own.decision is Decision.ANSWER
            and own.id not in neighbours
            and own.score >= nearest + STANDS_ALONE_LEAD
            and any(term in self._topic_terms for term in terms)
        ):
            return own
        facets = self._facets(question, standalone)
        pointed = (
            self._neighbourhood.pointed_at(
                subject, (*standalone.candidates, *evaluation.candidates), facets=facets
            )
            if shape.points_back and not (shape.unknown or shape.bare)
            else None
        )
        if pointed is not None:
            chosen = self.answer_entry(pointed, lang_hint=own.requested_lang)
            if chosen is not None:
                chosen = self._with_gaps(chosen, question, unknown_words=False)
                return replace(chosen, question=question, context=about.question)
        contextual = self._giving_the_detail(
            evaluation,
            question,
            near=neighbours,
            linked=self._neighbourhood.linked(subject),
        )
        # A message that points back ("what did they set up?") is about the subject; one that
        # only opens with "and" may bring its own ("and in healthcare?"): the better reading,
        # or its own outright when it names a topic the subject never speaks of ("and the
        # digital side?" after the green energy supply chain).
        leaning = shape.bare or shape.points_back or detail
        if (
            not leaning
            and own.decision is Decision.ANSWER
            and facets
            and not self._neighbourhood.speaks_of(subject, facets)
        ):
            return own
        if contextual.decision is Decision.ANSWER and (
            shape.bare
            or shape.points_back
            or detail
            or own.decision is not Decision.ANSWER
            or contextual.score >= own.score
        ):
            return replace(contextual, question=question, context=about.question)
        return own

    def _partner(self, about: Answer) -> str | None:
        """The other of a pair the maintainers made: the entry `about` names first in its
        `related`, when that one names it first too (Venezuela's satellites and Bolivia's)."""
        first = next(iter(about.related), None)
        partner = self._entries.get(first or "")
        return first if partner is not None and partner.related[:1] == [about.id] else None

    def _listed(self, about: Answer, position: int | None) -> str | None:
        """The entry that answers the item at `position` of the list the answer `about` gives,
        if it has one and an entry answers that item alone without giving the list again."""
        if position is None:
            return None
        items = list_items(self._said(about.id or ""))
        index = position - 1 if position > 0 else position  # -1: the last
        if not -len(items) <= index < len(items):
            return None
        item = self._evaluate(items[index]).answer
        if item.decision is not Decision.ANSWER or item.id == about.id:
            return None
        # An answer giving the whole list again is no answer about one of its items.
        text = self._said(item.id or "").casefold()
        return None if all(each.casefold() in text for each in items) else item.id

    def _kept(self, about: Answer, terms: Sequence[str]) -> list[str]:
        """The words of the subject's question a follow-up is read with: all of them, but
        the names when it brings a name of its own ("and Bolivia?" after Venezuela's
        satellites asks about Bolivia's, not Venezuela's and Bolivia's)."""
        said = words(about.question)
        if not any(term in self._named for term in terms):
            return said
        return [word for word in said if not self._names(word)]

    def _only_of(self, question: str, subject: str, topics: Sequence[str]) -> str | None:
        """The entry a message asks about when it only asks if the subject holds for one thing
        alone: the subject when it speaks of all `topics` the message names ("only for
        brazil?" after the CBERS data), else the first neighbour that does ("just between
        governments?" after the fields of cooperation: the levels); None for anything else
        ("only china helped with vaccines?")."""
        if (
            not asks_if_only(question)
            or len(topics) > MAX_BARE_TERMS
            or names_the_article(question)
        ):
            return None
        near = (subject, *sorted(self._neighbourhood.neighbours(subject)))
        return next(
            (each for each in near if self._neighbourhood.speaks_of_all(each, topics)), None
        )

    def _shape(self, question: str, standalone: _Evaluation) -> _Shape:
        """How a message stands towards the conversation's subject."""
        terms = standalone.query.content if standalone.query else ()
        asks_something = bool(terms) or bool(words(question) and asks(question))
        # A word the article never uses ("讲个笑话", a joke) is a new subject.
        unknown = bool(standalone.query and standalone.query.unknown)
        return _Shape(
            terms=terms,
            asks=asks_something,
            unknown=unknown,
            # Only the first question can point back to the conversation: a later one's "it"
            # is what the first one asked about ("what is CELAC? what is it for?").
            points_back=points_back(questions(question)[0]),
            # Nothing but question words and chat ("when?", "which countries?", "what
            # else?"); a lone Chinese character is what is left of one ("有什么用": 有 once
            # 什么 is gone). A question about the article itself is no follow-up.
            bare=asks_something
            and len(terms) <= MAX_BARE_TERMS
            and not names_the_article(question)
            and all(
                term in self._question_terms
                or self._vocabulary.weight(term) <= LIGHT_WEIGHT
                or (len(term) == 1 and is_cjk(term))
                for term in terms
            ),
            # "什么时候成立的？": a short Chinese question that names no topic leaves its
            # subject out, as Chinese does where English says "it".
            elliptical=has_cjk(question)
            and not unknown
            and len([term for term in terms if term not in self._question_terms]) <= MAX_BARE_TERMS
            and not any(
                self._names_a_topic(term) for term in terms if term not in self._question_terms
            ),
        )

    def _names_a_topic(self, term: str) -> bool:
        """Whether a query term is a topic of the article: a keyword's, or a rare word (not a
        chat word, not the edge of two Chinese words such as 候成 in 时候成立)."""
        if term in self._topic_terms:
            return True
        word = not is_cjk(term) or term in self._normaliser.cjk_terms
        return word and self._vocabulary.weight(term) >= self._vocabulary.max_idf * NAME_RARITY

    def _facets(self, question: str, standalone: _Evaluation) -> list[str]:
        """The topics a follow-up names ("research" in "what research will it do?"); none
        for one that asks a detail ("when did it start?"): that is the subject's, given or
        not."""
        if self._asked_details(question) or standalone.query is None:
            return []
        return [
            term
            for term in standalone.query.content
            if term in self._topic_terms and term not in self._question_terms
        ]

    def unused_terms(self, text: str) -> tuple[str, ...]:
        """The terms `text` is read as, synonyms applied, that no entry or fact uses (Chinese
        character pairs left out: most are the edges of two words)."""
        return tuple(
            term
            for term in self._normaliser.text_content_terms(text)
            if term not in self._vocabulary and not is_cjk(term)
        )

    def answer_entry(self, entry_id: str, *, lang_hint: str | None = None) -> Answer | None:
        """The answer of a known entry or fact (buttons, deep links), in the hinted language
        when translated, with the entry's own question in that language; None if the id is
        unknown."""
        lang = hint_language(lang_hint) or ENGLISH
        entry = self._entries.get(entry_id)
        if entry is not None:
            return entry_answer(
                entry,
                entry.question_in(lang),
                score=100.0,
                margin=100.0,
                reason="chosen by id",
                lang=lang,
            )
        fact = self._facts.get(entry_id)
        if fact is not None:
            return fact_answer(
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
        capped = self._cap(question)
        query = self._query(capped, question_language(capped, words(capped)))
        return query if query.content else None

    def _query(self, text: str, lang: str | None) -> Query:
        """The text's terms, misspelt words corrected, resolved against the vocabulary."""
        message = words(text)
        spelt = self._speller.corrections(message, lang)
        if any(spelt):
            text = " ".join(correct or word for word, correct in zip(message, spelt, strict=True))
        covered: set[str] = set()
        if has_cjk(text):
            known = self._normaliser.cjk_terms
            covered = {
                char
                for term in message
                if is_cjk(term) and (term in self._vocabulary or term in known)
                for char in term
            }
        query = self._vocabulary.resolve(self._normaliser.content_terms(text), covered)
        if not any(spelt):
            return query
        typos = (
            f"{word}->{correct}" for word, correct in zip(message, spelt, strict=True) if correct
        )
        return replace(query, typos=(*typos, *query.typos))

    def _score(self, index: DocumentIndex, query: Query) -> list[Scored]:
        return index.score(
            query,
            fuzzy_weight=self.settings.fuzzy_weight,
            phrase_weight=self.settings.phrase_weight,
            entity_weight=self.settings.entity_weight,
        )

    def _evaluate(self, question: str, lang_hint: str | None = None) -> _Evaluation:
        capped = self._cap(question)
        # "besides Venezuela, which other country...": a name set aside would draw the
        # answer to itself. The rest of the question, when it answers on its own; else the
        # whole. Not for a common word ("apart from governments, who else...": the answer
        # lists the governments too).
        split = without_exclusion(capped)
        if split is not None and self._names(split[1]):
            without = self._evaluate(split[0], lang_hint)
            if without.answer.decision is Decision.ANSWER:
                return replace(without, answer=replace(without.answer, question=capped))
        message = words(capped)
        asked = question_language(capped, message, lang_hint)
        talk = self._smalltalk_of(capped, self._smalltalk.whole(message), asked)
        if talk is not None:
            return _Evaluation(talk, None, ())
        asking = questions(capped)
        # Only a message that is one claim: "What did BYD build in Mexico? It's Chinese,
        # right?" asks a question of its own next to it.
        # A greeting before it ("E aí, beleza? vi que ... é isso mesmo?") asks nothing.
        claim = checks_a_claim(capped) and (
            len([part for part in asking if not self._smalltalk.greeting_only(words(part))]) == 1
        )
        if asking == [capped]:
            return self._evaluate_text(capped, message, asked, claim=claim)
        parts = [self._evaluate_text(part, words(part), asked, claim=claim) for part in asking]
        # The whole message, the longest text to read, only when a part leans on it or no
        # single part answers.
        whole = functools.cache(lambda: self._evaluate_text(capped, message, asked, claim=claim))
        return self._combined(capped, whole, self._details_of_the_one_before(asking, parts, whole))

    def _names(self, text: str) -> bool:
        """Whether a text names one of the article's rare names (BYD, Venezuela, CBERS)."""
        return any(term in self._named for term in self._normaliser.text_content_terms(text))

    def _details_of_the_one_before(
        self,
        asking: Sequence[str],
        parts: Sequence[_Evaluation],
        whole: Callable[[], _Evaluation],
    ) -> list[_Evaluation]:
        """The parts of a message, a part that only asks a detail of the question before it
        ("what did BYD build, and when?", "... and in which year?") read as its follow-up; the
        first part, of what the whole message is about ("I read about BYD's plant. When?")."""
        read = list(parts)
        for index in range(len(read)):
            shape = self._shape(asking[index], read[index])
            # The words first: asked_details runs many patterns over the text.
            detail_only = all(
                term in self._detail_terms or term in self._question_terms for term in shape.terms
            ) and bool(self._asked_details(asking[index]))
            if not index and not (shape.bare or detail_only):
                continue  # what the whole message answers cannot change it
            before = read[index - 1].answer if index else whole().answer
            # Nothing to read with (no answer before), or nothing to change (this part's own
            # answer is that one already).
            if before.decision is not Decision.ANSWER or not before.id:
                # "... it helps a bigger group too? who is that": a later part that only
                # points back to a part that found nothing is no question of its own ("...
                # from a newspaper? what does it say about lithium?" is one).
                if (
                    index
                    and shape.points_back
                    and shape.bare
                    and read[index].answer.decision is Decision.ANSWER
                ):
                    read[index] = replace(read[index], answer=whole().answer)
                continue
            if read[index].answer.id == before.id:
                continue
            # A later Chinese part that leaves its subject out ("...在哪儿？啥时候建成的") is
            # about the part before, as a reply leaving "it" out would be.
            if shape.bare or detail_only or (index and (shape.points_back or shape.elliptical)):
                answer = self._follow_up(
                    asking[index], before.id, read[index], replying=False, detail=detail_only
                )
                read[index] = replace(read[index], answer=replace(answer, context=""))
        return read

    def _evaluate_text(
        self, capped: str, message: Sequence[str], asked: str | None, *, claim: bool = False
    ) -> _Evaluation:
        """The verdict on one text (a whole message or one of its questions); `claim`: the
        message checks a claim, whose names may be wrong."""
        # "good morning, what is CBERS" is a question: the greeting must not count against it.
        content = self._smalltalk.without_greeting(message)
        query = self._query(" ".join(content), asked)
        if not query.content:
            reason = "no words to match" if not message else "only common words, nothing to match"
            nothing = decline(capped, reason, lang=asked or ENGLISH)
            return self._unless_greeting(_Evaluation(nothing, query, ()), message, query, asked)
        entries = self._score(self._entry_index, query)
        named = any(term in self._named for term in query.content)
        # "How do rockets put satellites into orbit?" shares words with the satellite entries,
        # but none of them explains how anything works; "How can I get the CBERS data?" names
        # something the article does answer about (it is shared).
        beyond = beyond_the_article(capped, named=named)
        if beyond is not None:
            return _Evaluation(
                decline(capped, beyond, lang=asked or ENGLISH), query, tuple(entries)
            )
        answer = self._decide(
            capped, asked, query, entries, named=named, framed=self._framing(query), claim=claim
        )
        return self._unless_greeting(
            _Evaluation(answer, query, tuple(entries)), message, query, asked
        )

    def _combined(
        self, message: str, whole: Callable[[], _Evaluation], parts: Sequence[_Evaluation]
    ) -> _Evaluation:
        """The verdict on a message from the verdicts on it and on each question it asks.

        Two or more questions answered with different entries make one answer in parts; a single
        answered question wins over the whole message, whose context words only blur it.
        """
        # Parts answered alike count once, as the first of them: it names what they are about
        # ("what is CELAC? what is it for?"), the later ones lean on it.
        answered: dict[str | None, _Evaluation] = {}
        for part in parts:
            if part.answer.decision is Decision.ANSWER:
                answered.setdefault(part.answer.id, part)
        if len(answered) >= 2:
            answers = tuple(part.answer for part in answered.values())
            first = replace(answers[0], question=message, parts=answers)
            return _Evaluation(first, whole().query, whole().candidates)
        chosen = next(iter(answered.values()), None)
        if chosen is None and whole().answer.decision is Decision.DECLINE:
            chosen = next(
                (part for part in parts if part.answer.decision is Decision.SUGGEST), None
            )
        if chosen is None:
            return whole()
        answer = replace(chosen.answer, question=message)
        # Details asked for elsewhere in the message ("... opened when? in which city?").
        unknown = bool(chosen.query and chosen.query.unknown)
        if answer.decision is Decision.ANSWER:
            answer = self._with_gaps(answer, message, unknown)
        return _Evaluation(answer, chosen.query, chosen.candidates)

    def _unless_greeting(
        self, evaluation: _Evaluation, message: Sequence[str], query: Query, asked: str | None
    ) -> _Evaluation:
        """A greeting or thanks that carries no answerable question is small talk."""
        if evaluation.answer.decision is Decision.ANSWER:
            return evaluation
        # A name of the article ("hi BYD") makes it a question, however short.
        if any(term in self._named for term in query.content):
            return evaluation
        match = self._smalltalk.greeting_only(message)
        greeting = self._smalltalk_of(evaluation.answer.question, match, asked)
        return evaluation if greeting is None else _Evaluation(greeting, query, ())

    def _smalltalk_of(
        self, question: str, match: SmallTalkMatch | None, asked: str | None
    ) -> Answer | None:
        if match is None or not self._smalltalk.fits(match, question):
            return None
        return smalltalk_answer(question, match.talk, match.score, match.reason, asked)

    def _naming_all(
        self, query: Query, ranked: list[Scored], count: int, *, claim: bool = False
    ) -> list[Scored]:
        """The first `count` candidates that mention every name and number of the question;
        the article's own year may go unsaid by one that dates its event ("the APEC meeting
        in 2024" is the article's APEC, held during the Nov 13 to 21 visit), not by one that
        gives no date ("vaccines to Mexico in 2024": the article does not say when). A
        `claim` to check may get one country or count wrong, where the candidate names
        another ("BYD built a factory in Mexico, right?": in Brazil)."""
        # The question's names are found once, not per candidate; most questions have none.
        # A single digit is the asker's count of what is asked ("what are the 2 focus areas?":
        # "green and digital"), which the article may give in words or not at all: no name.
        names = [
            term
            for term in query.content
            if term in self._named or not (term.isalpha() or (term.isdigit() and len(term) == 1))
        ]
        if not names:
            return ranked[:count]
        undated = [term for term in names if term != self._article_year]

        def names_all(scored: Scored) -> bool:
            asked = undated if scored.document.id in self._dated else names
            missing = [term for term in asked if not _mentions(scored, (term,))]
            return not missing or (
                claim and len(missing) == 1 and self._corrects(scored, missing[0])
            )

        return list(islice(filter(names_all, ranked), count))

    def _corrects(self, scored: Scored, claimed: str) -> bool:
        """Whether a candidate names another country, count or year in place of a claim's. A
        year only after the article's: its plans ("the first car in 2026?": early 2025) are
        what it can correct; an earlier year may be another event ("Xi visited Brazil in 2019,
        right?": he did, and the article tells only of 2024)."""
        said = scored.document.strong | scored.document.weak
        if claimed in self._countries:
            return any(country in said for country in self._countries)
        if not claimed.isdigit():
            return False
        if not _YEAR.fullmatch(claimed):
            return scored.document.id in self._counted
        if self._article_year is None or claimed <= self._article_year:
            return False
        return any(_YEAR.fullmatch(term) and term != claimed for term in said)

    def _giving_the_detail(
        self,
        evaluation: _Evaluation,
        question: str,
        *,
        near: frozenset[str],
        linked: frozenset[str],
    ) -> Answer:
        """The answer, or the subject's neighbour (`near`) close behind it or an entry related
        to the subject (`linked`) that gives the detail it lacks: "when?" about BYD's complex
        is the first vehicle's date, not the complex again with "no date"; "when?" about Xi's
        summits is his visit's dates; "how many?" about vaccines is never the six CBERS
        satellites."""
        answer = evaluation.answer
        details = self._asked_details(question)
        # The follow-up's own words ask for the detail: once read with the subject, "什么时候"
        # is 时候 and the reading no longer knows that a date was asked.
        if (
            answer.decision is not Decision.ANSWER
            or not gaps(details, self._said(answer.id or "")).all
        ):
            return answer
        # Any country a neighbour names would answer "where?": the subject's own answer,
        # saying that the article does not say where, is the honest one.
        wanted = tuple(detail for detail in details if detail is not Detail.LOCATION)
        for scored in evaluation.candidates if wanted else ():
            entry = self._entries.get(scored.document.id)
            close = scored.total >= answer.score - FOLLOW_UP_SLACK
            if not ((close and scored.document.id in near) or scored.document.id in linked):
                continue
            if entry is not None and not gaps(wanted, entry.answer).all:
                better = self.answer_entry(entry.id, lang_hint=answer.requested_lang)
                if better is not None:
                    return replace(better, score=scored.total, reason=f"gives the {details}")
        return self._with_gaps(answer, question, unknown_words=False)

    def _with_gaps(self, answer: Answer, question: str, unknown_words: bool) -> Answer:
        """The answer, saying what `question` asks for that its English text does not give."""
        found = gaps(
            self._asked_details(question), self._said(answer.id or ""), unknown_words=unknown_words
        )
        if not found.all:
            return answer
        lacks = tuple(dict.fromkeys([*answer.lacks, *found.all]))
        return replace(
            answer,
            lacks=lacks,
            missing=caveat(found.unstated, answer.lang),
            reason=f"{answer.reason}; the answer gives no {', '.join(lacks)}",
        )

    def _framing(self, query: Query) -> Framing:
        """For a question about the article's subject (it names China and a Latin American
        side, or the article itself), whether a candidate speaks of enough of its other words,
        by weight; None for any other question, or one that names nothing else."""
        content = frozenset(query.content)
        if not ((content & self._china and content & self._latin) or content & self._article):
            return None
        own = [
            (term, weight)
            for term, weight in zip(query.content, query.weights, strict=True)
            if term not in self._subject
        ]
        total = sum(weight for _, weight in own)
        if not total:
            return None

        def covers(scored: Scored) -> bool:
            said = scored.document.strong | scored.document.weak
            covered = sum(weight for term, weight in own if term in said)
            return covered >= total * self.settings.framed_min_coverage

        return covers

    def _decide(
        self,
        question: str,
        asked: str | None,
        query: Query,
        entries: list[Scored],
        *,
        named: bool,
        framed: Framing,
        claim: bool,
    ) -> Answer:
        """The policy's verdict as an answer in the asked language; `named`: the question names
        one of the article's rare names."""
        # An answer must speak of every name and number asked about: "when was BYD founded"
        # is not answered by when the Forum was founded. Only the leaders matter: the best,
        # its runner-up and the suggestions.
        leaders = self._naming_all(query, entries, MAX_SUGGESTIONS + 1, claim=claim)
        verdict: Verdict = decide(
            leaders,
            lambda: self._naming_all(query, self._score(self._fact_index, query), 2, claim=claim),
            self.settings,
            named=named,
            framed=framed,
        )
        match verdict:
            case Answered(best, margin, reason):
                dated = self._dating(question, best, leaders)
                if dated is not best:
                    reason = f"{reason}; {dated.document.id} ({dated.total:.1f}) gives a day"
                    best = dated
                lang = answer_language(asked, best.lang)
                entry = self._entries.get(best.document.id)
                if entry is not None:
                    answer = entry_answer(
                        entry, question, score=best.total, margin=margin, reason=reason, lang=lang
                    )
                else:
                    answer = fact_answer(
                        self._facts[best.document.id],
                        question,
                        score=best.total,
                        margin=margin,
                        reason=reason,
                        lang=lang,
                    )
                return self._with_gaps(answer, question, bool(query.unknown))
            case Suggested(candidates, margin, reason):
                lang = answer_language(asked, candidates[0].lang)
                return Answer(
                    question=question,
                    decision=Decision.SUGGEST,
                    kind=Kind.NONE,
                    score=candidates[0].total,
                    margin=margin,
                    suggestions=tuple(self._suggestion(each, asked) for each in candidates),
                    lang=lang,
                    requested_lang=lang,
                    reason=_with_unknown(reason, query),
                )
            case Declined(best, margin, reason):
                if query.unknown:
                    reason = f"the article does not mention: {', '.join(query.unknown)}; {reason}"
                score = best.total if best else 0.0
                return decline(question, reason, score, margin, lang=asked or ENGLISH)

    def _dating(self, question: str, best: Scored, leaders: Sequence[Scored]) -> Scored:
        """The best candidate, or, for a question asking when, a leader close behind it and
        related to it that gives a day when the best gives no date ("the exact dates of Xi's
        trip": his visit's Nov 13 to 21, not his state visits). Only a day: a year may be
        part of a name ("the 2030 Agenda"); and no other detail: any number looks like a
        count ("three units" is no number of cars)."""
        asked = self._asked_details(question)
        if not (Detail.DATE in asked or Detail.DAY in asked):
            return best
        if best.document.id in self._dated:
            return best
        close = (
            each
            for each in leaders
            if each.total >= best.total - DETAIL_SLACK and best.document.akin(each.document)
        )
        return next((each for each in close if each.document.id in self._days), best)

    def _said(self, item_id: str) -> str:
        """The English text of an entry or fact ("" for any other id)."""
        entry = self._entries.get(item_id)
        fact = self._facts.get(item_id)
        return entry.answer if entry else fact.text if fact else ""

    def _suggestion(self, scored: Scored, asked: str | None) -> Suggestion:
        """A candidate entry with its canonical question and label in the language it was
        asked in."""
        entry = self._entries[scored.document.id]
        lang = answer_language(asked, scored.lang)
        return Suggestion(
            entry.id, entry.question_in(lang), entry.label_in(lang), round(scored.total, 1)
        )


def _mentions(scored: Scored, terms: Iterable[str]) -> bool:
    """Whether a candidate's document uses every one of the terms."""
    document = scored.document
    return all(term in document.strong or term in document.weak for term in terms)


def _with_unknown(reason: str, query: Query) -> str:
    return f"{reason}; unknown words: {', '.join(query.unknown)}" if query.unknown else reason
