"""The retriever: decides whether to answer, suggest, decline or chat, and explains why."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
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
from celacbot.retrieval.conversation import OVERVIEW_TOPIC, FollowUpReader, Reading
from celacbot.retrieval.documents import DocumentBuilder
from celacbot.retrieval.followup import (
    COOPERATION_WORDS,
    PURPOSE_WORDS,
    STATUS_WORDS,
    asks_for_whom,
    asks_what_a_company_is,
    asks_what_a_shared_text_is_about,
    asks_what_for,
    asks_what_it_is_about,
    relates_to,
    tells_progress,
)
from celacbot.retrieval.homophones import Homophones
from celacbot.retrieval.index import NAME_RARITY, DocumentIndex, Query, Scored, Vocabulary
from celacbot.retrieval.language import hint_language, question_language
from celacbot.retrieval.localised import (
    answer_language,
    decline,
    entry_answer,
    fact_answer,
    smalltalk_answer,
    told_otherwise,
)
from celacbot.retrieval.message import (
    CHINESE_QUESTION_WORD,
    asked_member_countries,
    checks_a_claim,
    punctuated,
    questions,
    without_exclusion,
    without_source_tag,
    words_before,
)
from celacbot.retrieval.missing import (
    BEGINNING_WORDS,
    COUNTING,
    COUNTRIES,
    COUNTRY_UNITS,
    DATES,
    DETAIL_WORDS,
    FUNDING_WORDS,
    ONLY_WHEN_LOOKED_FOR,
    WHEN,
    WORKS,
    YEAR,
    Detail,
    asked_details,
    asks_for_a_thing,
    caveat,
    count_opener,
    counted_asked,
    counted_given,
    dates_another_beginning,
    gaps,
    said_lacking,
)
from celacbot.retrieval.neighbourhood import Neighbourhood
from celacbot.retrieval.normalise import (
    STOP_WORDS,
    Normaliser,
    everyday_stems,
    fold,
    has_cjk,
    is_cjk,
    stemmed_words,
    unspaced_chinese,
    verb_forms,
    words,
)
from celacbot.retrieval.policy import (
    MAX_SUGGESTIONS,
    SURE_MARGIN,
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
from celacbot.retrieval.yes_no import asks_yes_or_no, without_yes_or_no

_YEAR: Final = re.compile(YEAR)
# What "what's it about?" asks when nothing was talked about yet.
_THE_ARTICLES_GIST: Final = "what is the article about?"
# How far below the best a follow-up's candidate may score and still be preferred for giving
# the detail asked for.
FOLLOW_UP_SLACK = 15.0
# How far below the best a related candidate may score and still be preferred for giving the
# day asked for ("the exact dates of Xi's trip": his visit's dates, not his state visits).
DETAIL_SLACK = 8.0
ASKED_CACHE_SIZE = 1024
EXPLAIN_CANDIDATES = 5


class Retriever:
    """Answers questions from a knowledge base; every public method is total (never raises)."""

    def __init__(self, kb: KnowledgeBase, settings: RetrievalSettings) -> None:
        self.kb = kb
        self.settings = settings
        self._normaliser = Normaliser(
            EVERYDAY_SYNONYMS,
            SPANISH_PORTUGUESE_SYNONYMS,
            kb.synonyms,
            *kb.language_synonyms.values(),
            question_words=QUESTION_WORDS,
        )
        self._entries = {entry.id: entry for entry in kb.entries}
        self._telling_when, self._telling_how_many = _telling_only(kb)
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
            # The speller, built below, reads the knowledge base's words for its own use.
            real_terms=self._written_stems,
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

        # Works a question may ask to count ("how many hydro plants?"), and the entries and
        # facts whose figures count only countries ("these three countries"): no answer to it.
        self._works = frozenset(self._normaliser.text_content_terms(WORKS))
        self._country_units = frozenset(self._normaliser.text_content_terms(COUNTRY_UNITS))

        # What each entry's and fact's figures count, one set of terms a figure ("six Earth
        # resource satellites"), which a claim's count may be corrected by.
        counts = {
            item_id: tuple(
                frozenset(self._normaliser.text_content_terms(each)) for each in counted_given(text)
            )
            for item_id, text in said
        }
        self._counts_of = {
            item_id: frozenset().union(*counted) for item_id, counted in counts.items()
        }
        self._counting_countries = frozenset(
            item_id
            for item_id, counted in counts.items()
            if counted and all(self._country_units.intersection(each) for each in counted)
        )
        # Entries and facts that date what they tell ("his Nov 13 to 21 visit": in the
        # article's own year, unless they say otherwise), give a day (for a question asking
        # when), or a count, in figures or words (which a claim's number may be corrected by:
        # "8 satellites?": six).
        self._dated = giving(Detail.DATE)
        self._days = giving(Detail.DAY)
        # An entry related to one that gives its event's days tells of the same event ("the
        # summits Xi attended": on his Nov 13 to 21 visit); the article's year may go unsaid.
        self._of_dated_events = self._dated | frozenset(
            entry.id for entry in kb.entries if self._days.intersection(entry.related)
        )
        self._counted = giving(Detail.COUNT)
        # The article's subject, as a question names it: China and a Latin American side
        # (the region, CELAC or a country), or the article itself.
        subject_terms = self._normaliser.text_content_terms
        self._china = frozenset(subject_terms("China Chinese chino"))
        self._latin = frozenset(subject_terms("Latin Caribbean CELAC")) | self._countries
        self._article = frozenset(subject_terms("article"))
        self._subject = self._china | self._latin | self._article
        # What the whole article is about, as a question names it ("China-Latin America
        # cooperation", "the China-CELAC Forum", "中拉合作"): no topic of its own.
        self._general = self._china | frozenset(
            subject_terms(
                "Latin America American Caribbean latinoamerica CELAC forum region countries"
                " states nations members cooperation partnership relationship relations ties"
                " cooperación relación región países cooperação parceria relação região"
                " 中拉合作 中拉 拉美合作 中拉关系 拉美 中国 拉共体 论坛 地区 国家"
            )
        )
        # A name of several words names nothing by any one of them ("Global South"), unless
        # by an acronym ("BGI" of "BGI Genomics", which "华大基因" becomes too).
        self._named = frozenset(
            term
            for keyword in keywords
            if keyword[:1].isupper() or keyword[:1].isdigit()
            for terms in (
                self._normaliser.text_content_terms(keyword),
                *(stemmed_words(word) for word in keyword.split() if _is_acronym(word)),
            )
            if len(terms) == 1
            for term in terms
            if term in self._vocabulary
            and self._vocabulary.weight(term) >= self._vocabulary.max_idf * NAME_RARITY
        )
        # What a question names, besides China: a place, the Forum, CELAC, a rare name.
        self._things = (self._general - self._china) | self._latin | self._named
        # Every term some entry or fact lists among its keywords: the article's topics.
        self._topic_terms = topic_terms = frozenset(
            term for doc in (*entry_docs, *fact_docs) for term in doc.keyword_terms
        )
        self._smalltalk = SmallTalkMatcher(kb.smalltalk)
        # A name is what a chat is about when rare enough: "CELAC" is in most questions
        # ("China and CELAC countries"), "BGI Genomics" in few.
        neighbourhood = Neighbourhood(
            kb.entries,
            kb.facts,
            {doc.id: doc.strong | doc.weak for doc in (*entry_docs, *fact_docs)},
            keyword_terms=self._normaliser.text_content_terms,
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
        # "why?", "where?" and "how many?" alone ask about nothing ("when?" may ask the
        # article's date, "which countries?" which countries it names): the terms the index
        # reads them as, "why", "por qué", "为什么" alike.
        self._of_nothing = frozenset(self._normaliser.text_content_terms("why where how many"))
        purpose_terms = frozenset(self._normaliser.text_content_terms(PURPOSE_WORDS))
        # "who is it for?", "who gets it?" alone: whom a thing serves, no thing named (not
        # the article's author, whom "who?" alone asks for).
        self._of_no_one = (
            self._of_nothing | purpose_terms | frozenset(self._normaliser.text_content_terms("who"))
        )
        # "when", "where", "who", "why" in every language, as the index sees them; the words
        # that name a detail a question asks for ("in which year?"); when a thing began.
        question_terms = frozenset(self._normaliser.text_content_terms(" ".join(QUESTION_WORDS)))
        detail_terms = frozenset(self._normaliser.text_content_terms(DETAIL_WORDS))
        beginning_terms = frozenset(self._normaliser.text_content_terms(BEGINNING_WORDS))
        # A question's words that ask rather than name what it is about.
        self._asking = question_terms | detail_terms | beginning_terms
        self._follow_ups = FollowUpReader(
            normaliser=self._normaliser,
            vocabulary=self._vocabulary,
            neighbourhood=neighbourhood,
            named=self._named,
            topic_terms=topic_terms,
            question_terms=question_terms,
            detail_terms=detail_terms,
            asked_details=self._asked_details,
            purposeful=functools.cache(
                lambda: frozenset(
                    entry.id
                    for entry in kb.entries
                    if any(asks_what_for(question) for question, _ in entry.phrasings())
                )
            ),
            causes={entry.id: entry.cause for entry in kb.entries if entry.cause},
            purpose_terms=purpose_terms,
            cooperation_terms=frozenset(self._normaliser.text_content_terms(COOPERATION_WORDS)),
            funding_terms=frozenset(self._normaliser.text_content_terms(FUNDING_WORDS)),
            beginning_terms=beginning_terms,
            figured=self._dated | self._counted,
            progress=frozenset(
                item_id for item_id, text in said if item_id in self._dated and tells_progress(text)
            ),
            status_terms=frozenset(self._normaliser.text_content_terms(STATUS_WORDS)),
            telling_when=self._telling_when,
            telling_how_many=self._telling_how_many,
            count_units=self._country_units,
            counting_countries=self._counting_countries,
            asked_about={doc.id: doc.strong for doc in entry_docs},
            china=self._china,
            countries=self._countries,
            located=giving(Detail.LOCATION),
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

    def related(self, answer_id: str) -> tuple[str, ...]:
        """The entries related to an entry, or those that say more than a fact; () if none."""
        entry = self._entries.get(answer_id)
        return tuple(entry.related) if entry is not None else self._fact_homes.get(answer_id, ())

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
        # Without a subject only the answer is used: the whole message of one asking two
        # questions is not read for the candidates a follow-up would weigh.
        capped = self._as_read(question)
        # With nothing talked about yet, "it" is the article; so it is after words that
        # name a shared text, whatever was talked about.
        if asks_what_a_shared_text_is_about(capped) or (
            subject is None and asks_what_it_is_about(capped)
        ):
            about = self._gist(question, capped, lang_hint)
            if about is not None:
                return about
        if subject is not None:
            # After an answer, a closing "according to the writer" asks nothing of the writer
            # ("¿Y con qué objetivo, según el autor?"); alone, it may ask what the article
            # itself says ("which countries, according to the article?").
            capped = without_source_tag(capped)
        evaluation = self._read_as_read(capped, lang_hint, candidates=subject is not None)
        if subject is None:
            return evaluation.answer
        return self._follow_ups.with_subject(self, capped, subject, evaluation, replying=replying)

    def _gist(self, question: str, capped: str, lang_hint: str | None) -> Answer | None:
        """The article's summary, in the asker's language."""
        if self._gist_id is None:
            return None
        asked = question_language(capped, words(capped), lang_hint)
        about = self.answer_entry(self._gist_id, lang_hint=asked)
        return None if about is None else replace(about, question=question)

    @functools.cached_property
    def _gist_id(self) -> str | None:
        """The entry that tells what the article is about; found when first asked for, not at
        start-up: few messages ask it."""
        gist = self._read_as_read(_THE_ARTICLES_GIST, ENGLISH, candidates=False).answer
        return gist.id if gist.decision is Decision.ANSWER else None

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
        if (entry := self._entries.get(entry_id)) is not None:
            question = entry.question_in(lang)
        elif (fact := self._facts.get(entry_id)) is not None:
            question = fact.text
        else:
            return None
        return self._item_answer(
            entry_id, question, score=100.0, margin=100.0, reason="chosen by id", lang=lang
        )

    def _item_answer(
        self, item_id: str, question: str, *, score: float, margin: float, reason: str, lang: str
    ) -> Answer:
        """The answer of a known entry or fact to `question`, in `lang` when translated."""
        entry = self._entries.get(item_id)
        if entry is not None:
            return entry_answer(
                entry, question, score=score, margin=margin, reason=reason, lang=lang
            )
        return fact_answer(
            self._facts[item_id],
            question,
            score=score,
            margin=margin,
            reason=reason,
            lang=lang,
            related=self._fact_homes[item_id],
        )

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
        evaluation = self.read(question)
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

    def _as_read(self, question: str) -> str:
        """The message as read: capped, the punctuation it dictated as words written as marks,
        Chinese spaced out a character at a time as it would be written, "100%" before a word,
        words only spoken ("o sea", "no ve"), the asker's school subject ("tarea de geografia")
        and what the whole article is about ("this article about China and Latin America")
        left out; "'ve" is "have", the author as the source ("what does the author say ...")
        the article; a Chinese name typed by its sound the name."""
        read = punctuated(unspaced_chinese(question[: self.settings.max_query_chars]))
        for pattern, replacement in _REWRITES:
            read = pattern.sub(replacement, read)
        # "乌拉鬼" for "乌拉圭": a name typed by its sound, before it is split into pairs
        return self._homophones.named(read) if has_cjk(read) else read

    def _resolve(self, question: str) -> Query | None:
        capped = self._as_read(question)
        query = self._query(capped, question_language(capped, words(capped)))
        return query if query.content else None

    def _query(
        self, text: str, lang: str | None, *, typed: str | None = None, everyday: bool = True
    ) -> Query:
        """The text's terms, misspelt words corrected, resolved against the vocabulary;
        `typed`: the message as typed, when `text` is its words (its capitals tell names);
        `everyday`: its everyday words count less in a longer question."""
        message = words(text)
        spelt = self._speller.corrections(message, lang)
        covered: set[str] = set()
        if has_cjk(text):
            known = self._normaliser.cjk_terms
            covered = {
                char
                for term in message
                if is_cjk(term) and (term in self._vocabulary or term in known)
                for char in term
            } | _QUESTION_CHARACTERS
            spelt = [
                self._typed_by_sound(word, message, covered)
                if is_cjk(word) and not (word in self._vocabulary or word in known)
                else correct
                for word, correct in zip(message, spelt, strict=True)
            ]
        if any(spelt):
            text = " ".join(correct or word for word, correct in zip(message, spelt, strict=True))
        query = self._vocabulary.resolve(
            self._normaliser.content_terms(text),
            covered,
            # In a short question every word asks ("¿cuántos chinos emigraron a Perú?"); a
            # longer one tells a story around its topic ("... deixou de ser ... e passou a").
            inflected=(
                verb_forms(typed or text)
                if lang in _CONJUGATING and len(message) >= MIN_WORDS_AROUND_VERBS
                else None
            ),
            everyday=self._everyday_in(typed or text) if everyday else None,
        )
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

    def read(
        self, question: str, lang_hint: str | None = None, *, candidates: bool = True
    ) -> Reading:
        """A message read on its own: its answer, query and candidates. Without `candidates`
        (only the answer is wanted), a message answered in parts comes without the others."""
        return self._read_as_read(self._as_read(question), lang_hint, candidates=candidates)

    def _read_as_read(self, capped: str, lang_hint: str | None, *, candidates: bool) -> Reading:
        """`read` of a message already as read (`_as_read`)."""
        # "besides Venezuela, which other country...": a name set aside would draw the
        # answer to itself. The rest of the question, when it answers on its own; else the
        # whole. Not for a common word ("apart from governments, who else...": the answer
        # lists the governments too).
        split = without_exclusion(capped)
        if split is not None and self._names(split[1]):
            without = self._read_as_read(split[0], lang_hint, candidates=candidates)
            if without.answer.decision is Decision.ANSWER:
                return replace(without, answer=replace(without.answer, question=capped))
        message = words(capped)
        asked = question_language(capped, message, lang_hint)
        # "thank you! have a great day": small talk after a greeting or thanks is small talk
        after_greeting = self._smalltalk.without_greeting(message)
        whole_talk = self._smalltalk.whole(message) or (
            self._smalltalk.whole(after_greeting) if len(after_greeting) < len(message) else None
        )
        talk = self._smalltalk_of(capped, whole_talk, asked)
        if talk is not None:
            return Reading(talk, None, ())
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
        opening = functools.cache(lambda: self._opening(capped, asking[0], asked) or whole())
        return self._combined(
            capped,
            whole,
            self._follow_ups.details_of_the_one_before(self, asking, parts, whole, opening=opening),
            candidates=candidates,
        )

    def _opening(self, message: str, first: str, asked: str | None) -> Reading | None:
        """What the words before a message's first question are about, when they answer
        alone: "有游客问起习主席11月去拉美的事。请问他几号去的？另外，航天方面呢？" asks the
        dates of Xi's visit, whatever the question after it is about."""
        lead = words_before(message, first)
        if not lead:
            return None
        reading = self._evaluate_text(lead, words(lead), asked)
        if reading.answer.decision is Decision.ANSWER:
            return reading
        # "I keep seeing 'CELAC' in our catalogue records ... What does it stand for?": words
        # the article never uses around an acronym that names one of its topics, which is
        # what "it" is. Only the last one written ("My company BYD Brazil uses GPS trackers.
        # What does it stand for?" asks of GPS), and not a word the article merely uses
        # ("LED", of "led by").
        acronyms: list[str] = _ACRONYM.findall(lead)
        if not acronyms:
            return None
        acronym = acronyms[-1]
        terms = self._normaliser.text_content_terms(acronym)
        if not terms or not all(term in self._named or term in self._topic_terms for term in terms):
            return None
        reading = self._evaluate_text(acronym, words(acronym), asked)
        return reading if reading.answer.decision is Decision.ANSWER else None

    def read_text(self, text: str, lang_hint: str | None) -> Reading:
        """One text read whole, never split into questions (a follow-up joined with the
        subject's question)."""
        capped = self._as_read(text)
        message = words(capped)
        # Everyday words count in full: the subject's question brings the topic's words, and
        # the message's own words are what may say it asks about something else.
        return self._evaluate_text(
            capped,
            message,
            question_language(capped, message, lang_hint),
            everyday=False,
            joined=True,
        )

    def _everyday_in(self, text: str) -> Callable[[str], bool]:
        """Whether a term of `text` is an everyday word of English, Spanish or Portuguese that
        counts less: not one of the first words after its asking word, which name what is
        asked ("which chinese movies ...?", "¿cuál es la ciudad más grande ...?")."""
        # Asked only of a longer question's unknown words: the word list is read then, and
        # the words after the asking word only once an everyday word is among them.
        asked: frozenset[str] | None = None

        def everyday(term: str) -> bool:
            nonlocal asked
            if term not in everyday_stems():
                return False
            if asked is None:
                asked = self._named_by_asking(text)
            return term not in asked

        return everyday

    def _named_by_asking(self, text: str) -> frozenset[str]:
        """The terms of the first words after a question's asking word ("which chinese
        *movies*"), which name what is asked."""
        folded = fold(text)
        asking = _ASKING.search(folded)
        if asking is None:
            return frozenset()
        after = words(folded[asking.end() :])
        named = [word for word in after if word not in STOP_WORDS][:ASKED_WORDS]
        return frozenset(self._normaliser.text_content_terms(" ".join(named)))

    @functools.cached_property
    def _fact_homes(self) -> dict[str, tuple[str, ...]]:
        # Worked out for the first answer from a fact, not at start-up.
        return _fact_homes(self.kb)

    def _written_stems(self) -> frozenset[str]:
        return self._speller.written_stems()

    @functools.cached_property
    def _homophones(self) -> Homophones:
        # Built for the first Chinese question, as the speller is for the first typo.
        known = self._normaliser.cjk_terms
        synonyms = self.kb.language_synonyms.get("zh", {})
        return Homophones(
            (
                word
                for word in self._speller.chinese_words()
                if word in self._vocabulary or word in known
            ),
            # The Chinese of the article's rare names ("乌拉圭": Uruguay, "比亚迪": BYD), spelt
            # by sound; not of a term with an acronym ("电动车": EV).
            names=(
                name
                for canonical, variants in synonyms.items()
                if any(map(self._is_a_name, variants))
                for name in (canonical, *variants)
                if all(map(is_cjk, name))
            ),
        )

    def _is_a_name(self, variant: str) -> bool:
        """Whether a synonym variant is one of the article's rare names ("Uruguay", "BYD")."""
        terms = self._normaliser.text_content_terms(variant)
        return variant[:1].isupper() and bool(terms) and all(map(self._named.__contains__, terms))

    def _typed_by_sound(
        self, pair: str, message: Sequence[str], covered: Collection[str]
    ) -> str | None:
        """The known Chinese word an unknown pair of the message is a typo of by its sound
        ("位星" for "卫星", "项木" for "项目"); none when the character it changes belongs to a
        known word of the message ("对种" in "对种地有用吗" is no "对中": its 种 is 种地's), nor
        when the one it keeps does (级会 in 部长级会议 is no 机会), nor for a question word
        (几多)."""
        corrected = self._homophones.correct(pair)
        if corrected is None or any(map(_ASKING_CHARACTERS.__contains__, pair)):
            return None
        words_of = self._homophones.words
        for typed, meant in zip(pair, corrected, strict=True):
            kept = typed == meant
            if (not kept and typed in covered) or (
                kept and any(typed in word and word in words_of for word in message if word != pair)
            ):
                return None
        return corrected

    def _names(self, text: str) -> bool:
        """Whether a text names one of the article's rare names (BYD, Venezuela, CBERS)."""
        return any(term in self._named for term in self._normaliser.text_content_terms(text))

    def _evaluate_text(
        self,
        capped: str,
        message: Sequence[str],
        asked: str | None,
        *,
        claim: bool = False,
        everyday: bool = True,
        joined: bool = False,
    ) -> Reading:
        """The verdict on one text (a whole message or one of its questions); `claim`: the
        message checks a claim, whose names may be wrong; `everyday`: its everyday words count
        less in a longer question; `joined`: it is a follow-up joined with the subject's
        question, whose words may lead to the subject whatever the follow-up asks."""
        # "good morning, what is CBERS" is a question: the greeting must not count against it;
        # nor the years the asker tells of themselves ("ive been on cargo 30 year").
        content = self._smalltalk.without_greeting(self._normaliser.cjk_words(capped) or message)
        if any(map(str.isdigit, content)):
            told = frozenset(
                found[found.lastindex or 0] for found in _ASKERS_YEARS.finditer(" ".join(message))
            )
            content = [word for word in content if word not in told]
        query = self._query(" ".join(content), asked, typed=capped, everyday=everyday)
        # A yes/no question states what it asks about, as a claim does: "did BYD build a
        # plant in Mexico?" is told where the plant is, "does CBERS have 8 satellites?" how
        # many there are.
        checked = claim or asks_yes_or_no(capped, asked or ENGLISH)
        if checked:
            query = _numbers_to_check(query)
        if not query.content:
            reason = "no words to match" if not message else "only common words, nothing to match"
            nothing = decline(capped, reason, lang=asked or ENGLISH)
            return self._unless_greeting(Reading(nothing, query, ()), message, query, asked)
        entries = self._score(self._entry_index, query)
        named = any(term in self._named for term in query.content)
        # "How do rockets put satellites into orbit?" shares words with the satellite entries,
        # but none of them explains how anything works; "How can I get the CBERS data?" names
        # something the article does answer about (it is shared).
        beyond = beyond_the_article(capped, named=named)
        if beyond is not None:
            return Reading(decline(capped, beyond, lang=asked or ENGLISH), query, tuple(entries))
        # No entry is what they ask about, whichever phrasing holds the same question word.
        if self._of_nothing.issuperset(query.content) or (
            self._of_no_one.issuperset(query.content) and asks_for_whom(capped)
        ):
            only = decline(capped, "only question words, no topic", lang=asked or ENGLISH)
            return Reading(only, query, tuple(entries))
        answer = self._decide(
            capped,
            asked,
            query,
            entries,
            named=named,
            framed=self._framing(query),
            claim=claim,
            checked=checked,
            joined=joined,
        )
        return self._unless_greeting(Reading(answer, query, tuple(entries)), message, query, asked)

    def _combined(
        self,
        message: str,
        whole: Callable[[], Reading],
        parts: Sequence[Reading],
        *,
        candidates: bool,
    ) -> Reading:
        """The verdict on a message from the verdicts on it and on each question it asks.

        Two or more questions answered with different entries make one answer in parts; a single
        answered question wins over the whole message, whose context words mostly blur it, unless
        that question is unsure and the whole answers another entry with a higher score.
        """
        # Parts answered alike count once, as the first of them: it names what they are about
        # ("what is CELAC? what is it for?"), the later ones lean on it.
        answered: dict[str | None, Reading] = {}
        for part in parts:
            if part.answer.decision is Decision.ANSWER:
                answered.setdefault(part.answer.id, part)
        if len(answered) >= 2:
            answers = tuple(part.answer for part in answered.values())
            first = replace(answers[0], question=message, parts=answers)
            if not candidates:
                return Reading(first, None, ())
            return Reading(first, whole().query, whole().candidates)
        chosen = next(iter(answered.values()), None)
        if chosen is None and whole().answer.decision is Decision.DECLINE:
            chosen = next(
                (part for part in parts if part.answer.decision is Decision.SUGGEST), None
            )
        # "My cousin mentioned more cargo flights to Latin America 😅 Is that related to
        # China-Latin America cooperation?": what was told before it is the question ("...
        # Is that related to CBERS?" asks of CBERS, unless what was told is about CBERS).
        if chosen is None or self._asks_of_what_was_told(message, chosen.answer.question, whole):
            return whole()
        # A lone answered question wins unless it is unsure and the whole message answers
        # another entry more surely: what came before the question named its topic
        # ("为了让全世界的人都能吃饱饭，中拉新设了什么机构？"). A sure one keeps its entry against
        # facts told before it ("The CBERS data goes to Africa. What is it used for?").
        unsure = chosen.answer.decision is Decision.ANSWER and chosen.answer.margin < SURE_MARGIN
        # Only then is the whole message, the longest text, read at all.
        full = whole().answer if unsure else None
        if (
            full is not None
            and full.decision is Decision.ANSWER
            and full.id != chosen.answer.id
            and full.score > chosen.answer.score
        ):
            return whole()
        answer = replace(chosen.answer, question=message)
        # Details asked for elsewhere in the message ("... opened when? in which city?").
        unknown = bool(chosen.query and chosen.query.unknown)
        if answer.decision is Decision.ANSWER:
            answer = self.with_gaps(answer, message, unknown_words=unknown)
        return Reading(answer, chosen.query, chosen.candidates)

    def _asks_of_what_was_told(
        self, message: str, question: str, whole: Callable[[], Reading]
    ) -> bool:
        """Whether a question asks only whether what was told before it belongs to the
        article's subject (China, Latin America, CELAC, their cooperation), or to a topic the
        entry about the whole message speaks of too ("... mais voo de carga ... isso tem a ver
        com as compras pela internet?")."""
        about = relates_to(question)
        if about is None:
            return False
        told = self._normaliser.text_content_terms(words_before(message, question))
        # "Mexico is a big country. Is it part of CELAC?": only a place was told, and the
        # question asks of it.
        if (
            told
            and all(term in self._vocabulary for term in told)
            and not any(
                term in self._topic_terms and term not in self._general and term not in self._latin
                for term in told
            )
        ):
            return False
        named = [
            term for term in self._normaliser.text_content_terms(about) if term not in self._general
        ]
        told_entry = whole().answer
        return not named or (
            told_entry.decision is Decision.ANSWER
            and self._follow_ups.neighbourhood.speaks_of_all(told_entry.id or "", named)
        )

    def _unless_greeting(
        self, evaluation: Reading, message: Sequence[str], query: Query, asked: str | None
    ) -> Reading:
        """A greeting or thanks that carries no answerable question is small talk."""
        if evaluation.answer.decision is Decision.ANSWER:
            return evaluation
        # A name of the article ("hi BYD") makes it a question, however short.
        if any(term in self._named for term in query.content):
            return evaluation
        match = self._smalltalk.greeting_only(message)
        greeting = self._smalltalk_of(evaluation.answer.question, match, asked)
        return evaluation if greeting is None else Reading(greeting, query, ())

    def _smalltalk_of(
        self, question: str, match: SmallTalkMatch | None, asked: str | None
    ) -> Answer | None:
        if match is None or not self._smalltalk.fits(match, question):
            return None
        return smalltalk_answer(question, match.talk, match.score, match.reason, asked)

    def _naming_all(
        self,
        query: Query,
        ranked: list[Scored],
        count: int,
        *,
        names: Sequence[str],
        claim: bool = False,
        checked: bool = False,
        question: str,
    ) -> list[Scored]:
        """The first `count` candidates that mention every name and number of the question;
        the article's own year may go unsaid by one that dates its event ("the APEC meeting
        in 2024" is the article's APEC, held during the Nov 13 to 21 visit), not by one that
        gives no date ("vaccines to Mexico in 2024": the article does not say when). A
        `claim` to check may get one country or count wrong, where the candidate names
        another ("BYD built a factory in Mexico, right?": in Brazil); a question `checked`
        otherwise (a yes/no one) a country, a year, or a count of what the candidate counts
        (see `_corrects`). A country the `question` asks about as one of a list ("is Colombia
        one of them?") need not be mentioned: the article may not list them, and the answer
        says so. `names` are the question's (`_asked_names`)."""
        if not names:
            return ranked[:count]

        # What the question counts is read once, for the first candidate that may correct a
        # count, not per candidate.
        counted = functools.cache(lambda: self._counts_in(question))

        def names_all(scored: Scored) -> bool:
            missing = self._unnamed(scored, names)
            return not missing or (
                checked
                and len(missing) == 1
                and self._corrects(scored, missing[0], counted, counts=claim)
            )

        return list(islice(filter(names_all, ranked), count))

    def _asked_names(self, query: Query, question: str) -> list[str]:
        """The names and numbers of the question that an answer must speak of. A single digit
        is the asker's count of what is asked ("what are the 2 focus areas?": "green and
        digital"), which the article may give in words or not at all: no name."""
        names = [
            term
            for term in query.content
            if term in self._named or not (term.isalpha() or (term.isdigit() and len(term) == 1))
        ]
        if any(term in self._countries for term in names):
            members = asked_member_countries(
                question, self._normaliser.text_content_terms, self._countries
            )
            names = [term for term in names if term not in members]
        return names

    def _unnamed(self, scored: Scored, names: Sequence[str]) -> list[str]:
        """The asked `names` a candidate does not speak of; the article's own year goes unsaid
        by one that dates its event."""
        dated = scored.document.id in self._of_dated_events
        return [
            term
            for term in names
            if not (dated and term == self._article_year) and not _mentions(scored, (term,))
        ]

    def _corrected(self, scored: Scored, query: Query, names: Sequence[str]) -> bool:
        """Whether a candidate answers with another country, count or year than the question
        names (`names`, its `_asked_names`): not when it names another the question names
        too, however common ("in Brazil, not Mexico, right?", "in Brazil or Argentina?", "I'm
        from Chile: did BYD build in Brazil?")."""
        unnamed = self._unnamed(scored, names)
        said = [
            term for term in query.content if term not in unnamed and _mentions(scored, (term,))
        ]
        return bool(unnamed) and not any(
            self._of_a_kind(term, claimed) for term in said for claimed in unnamed
        )

    def _counts_in(self, text: str) -> frozenset[str]:
        """The terms of what the figures of a text count ("10 satellites": satellite)."""
        return frozenset(
            term
            for each in counted_given(text)
            for term in self._normaliser.text_content_terms(each)
        )

    def _of_a_kind(self, first: str, second: str) -> bool:
        """Whether two names are both countries, both years or both other numbers."""
        if first in self._countries:
            return second in self._countries
        year = _YEAR.fullmatch(first) is not None
        return (
            first.isdigit() and second.isdigit() and year == (_YEAR.fullmatch(second) is not None)
        )

    def _corrects(
        self,
        scored: Scored,
        claimed: str,
        counted: Callable[[], frozenset[str]],
        *,
        counts: bool,
    ) -> bool:
        """Whether a candidate names another country, count or year in place of a claim's. A
        count, with `counts`, of whatever the candidate counts; else of what the question
        counts, `counted` ("does CBERS have 10 satellites?": six; "sold in Chile for 10
        years?" counts nothing of the article's). A year only after the article's: its plans
        ("the first car in 2026?": early 2025) are what it can correct; an earlier year may be
        another event ("Xi visited Brazil in 2019, right?": he did, and the article tells only
        of 2024)."""
        said = scored.document.strong | scored.document.weak
        if claimed in self._countries:
            return any(country in said for country in self._countries)
        if not claimed.isdigit():
            return False
        if not _YEAR.fullmatch(claimed):
            return scored.document.id in self._counted and (
                counts or not self._counts_of[scored.document.id].isdisjoint(counted())
            )
        if self._article_year is None or claimed <= self._article_year:
            return False
        return any(_YEAR.fullmatch(term) and term != claimed for term in said)

    def giving_the_detail(
        self,
        reading: Reading,
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
        answer = reading.answer
        details = self._asked_details(question)
        # The follow-up's own words ask for the detail: once read with the subject, "什么时候"
        # is 时候 and the reading no longer knows that a date was asked.
        if (
            answer.decision is not Decision.ANSWER
            or not gaps(details, self.said(answer.id or "")).all
        ):
            return answer
        # Any country a neighbour names would answer "where?", any name "what are they
        # called?": the subject's own answer, saying that the article does not say, is the
        # honest one.
        wanted = tuple(detail for detail in details if detail not in (Detail.LOCATION, Detail.NAME))
        for scored in reading.candidates if wanted else ():
            entry = self._entries.get(scored.document.id)
            close = scored.total >= answer.score - FOLLOW_UP_SLACK
            if not ((close and scored.document.id in near) or scored.document.id in linked):
                continue
            if entry is not None and not gaps(wanted, entry.answer).all:
                better = self.answer_entry(entry.id, lang_hint=answer.requested_lang)
                if better is not None:
                    return replace(better, score=scored.total, reason=f"gives the {details}")
        return self.with_gaps(answer, question, unknown_words=False)

    def with_gaps(self, answer: Answer, question: str, *, unknown_words: bool) -> Answer:
        """The answer, saying what `question` asks for that its English text does not give."""
        said = self.said(answer.id or "")
        # which countries by name, which only a caveat looks for
        asked = (
            *self._asked_details(question),
            *self._asked_details(question, among=ONLY_WHEN_LOOKED_FOR),
        )
        found = gaps(asked, said, unknown_words=unknown_words)
        # "when was CELAC founded?": the date given is the Forum's, and "The article does not
        # say when CELAC itself was founded" is what the answer says of CELAC. (A count of
        # something else has its rule below.)
        lacked = tuple(
            detail
            for detail in asked
            if detail in DATES
            and detail not in found.all
            and self._says_it_lacks(detail, said, question)
        )
        if lacked:
            found = replace(found, stated=(*found.stated, *lacked))
        # "when was BYD founded?": its first vehicle's date is not that
        elif (
            Detail.DATE in asked
            and Detail.DATE not in found.all
            and dates_another_beginning(question, said)
        ):
            found = replace(found, unstated=(*found.unstated, Detail.DATE))
        if (
            Detail.COUNT in asked
            and Detail.COUNT not in found.all
            and self._counts_something_else(answer.id or "", question)
        ):
            found = replace(found, unstated=(*found.unstated, Detail.COUNT))
        # An answer already read for gaps (a part of a message, then the message) says so once.
        if not set(found.all) - set(answer.lacks):
            return answer
        lacks = tuple(dict.fromkeys([*answer.lacks, *found.all]))
        # A detail the answer lacks says it better than a correction ("did Xi meet Chile's
        # president?": the article does not say whom he met).
        corrected = (Detail.CLAIM,) if Detail.CLAIM in answer.lacks else ()
        # "The article does not give that number." is not followed by "Six.": what the figure
        # counts may not be what was asked ("how many satellites does China have in total?").
        text = answer.text
        if Detail.COUNT in found.unstated:
            text = text[len(count_opener(text)) :]
        return replace(
            answer,
            text=text,
            lacks=lacks,
            missing=caveat(found.unstated or corrected, answer.lang),
            reason=f"{answer.reason}; the answer gives no {', '.join(lacks)}",
        )

    def _says_it_lacks(self, detail: Detail, said: str, question: str) -> bool:
        """Whether a sentence of the answer says the article lacks the detail of just what the
        question names (CELAC, not the China-CELAC Forum, "el foro", whose date the answer
        gives): every word of the question but China, its asking and its founding words."""
        lacking = said_lacking(detail, said)
        if not lacking:
            return False
        named = {
            term
            for term in self._normaliser.text_content_terms(question)
            if term not in self._china
            and term not in self._asking
            and self._normaliser.is_word(term)
        }
        return bool(named & self._things) and any(
            named.issubset(self._normaliser.text_content_terms(sentence)) for sentence in lacking
        )

    def _counts_something_else(self, item_id: str, question: str) -> bool:
        """Whether the answer's count is of other things than the question asks to count: a
        count of countries is none of works ("how many hydro plants in Chile?"), six
        satellites none of countries ("how many countries?" after CBERS). Other counts are
        left alone: one mechanism per country, or "factories" for "manufacturing units",
        would read as other things."""
        asked = counted_asked(question)
        if asked is None:
            return False
        terms = self._normaliser.content_terms(asked)
        if item_id in self._counting_countries:
            return not self._works.isdisjoint(terms)
        # An answer that only tells how many of something ("Six." satellites), asked a count of
        # countries ("con cuántos países", "多少个国家": what it counts comes first after its
        # "how many"), not of its own things ("how many cooperation satellites?")
        return (
            item_id in self._telling_how_many
            and self._counts_of.get(item_id, frozenset()).isdisjoint(terms)
            and not self._country_units.isdisjoint(terms[:2])
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

    def _of_the_asked_kind(self, question: str, leaders: list[Scored]) -> list[Scored]:
        """The leaders; when the best tells only what the question does not ask, the first
        leader related to it that does takes its place: not when, for "what will BYD's plant
        make?" (the plant, not when its first vehicle is due); not how many, for "what are the
        CBERS satellites for?" (the program, not how many were built). Unchanged when no
        related leader is left: an unrelated runner-up is no better answer, and stays a rival."""
        # Most best candidates tell more than that: the question's words are read only then.
        best = leaders[0] if leaders else None
        if best is None or not (
            best.document.id in self._telling_when or best.document.id in self._telling_how_many
        ):
            return leaders
        unasked: frozenset[str] = frozenset()
        if asks_for_a_thing(question, asked=self._asked_details(question)):
            unasked |= self._telling_when
        if asks_what_for(question):
            unasked |= self._telling_how_many
        if best.document.id not in unasked:
            return leaders
        rest = leaders[1:]
        kin = next(
            (
                each
                for each in rest
                if best.document.akin(each.document) and each.document.id not in unasked
            ),
            None,
        )
        if kin is None:
            return leaders
        return [kin, *(each for each in rest if each is not kin)]

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
        checked: bool,
        joined: bool,
    ) -> Answer:
        """The policy's verdict as an answer in the asked language; `named`: the question names
        one of the article's rare names; `claim`: it checks a claim; `checked`: it states what
        it asks about, as a claim or a yes/no question does, and an answer may correct a
        country, count or year of it; `joined`: a follow-up joined with the subject's question
        (see `_evaluate_text`)."""
        # An answer must speak of every name and number asked about: "when was BYD founded"
        # is not answered by when the Forum was founded. Only the leaders matter: the best,
        # its runner-up and the suggestions.
        # The question's names are found once, not per candidate; most questions have none.
        names = self._asked_names(query, question)
        leaders = self._naming_all(
            query,
            entries,
            MAX_SUGGESTIONS + 1,
            names=names,
            claim=claim,
            checked=checked,
            question=question,
        )
        if not claim:
            leaders = self._of_the_asked_kind(question, leaders)
        only_countries = bool(names) and all(name in self._countries for name in names)
        if checked and len(leaders) > 1 and only_countries:
            leaders = self._of_the_asked_topic(query, leaders, names)
        if only_countries and (
            untold := self._not_said_of_those_countries(question, asked, entries, leaders)
        ):
            return untold
        # A leader that corrects the question's name is held to the usual bar: the names it
        # shares are not what was asked ("did China build a port in Peru?").
        if named and checked and leaders and self._corrected(leaders[0], query, names):
            named = False
        verdict: Verdict = decide(
            leaders,
            lambda: self._naming_all(
                query,
                self._score(self._fact_index, query),
                2,
                names=names,
                claim=claim,
                checked=checked,
                question=question,
            ),
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
                company = self._company_described(question, best.document.id)
                if company is not None:
                    reason = f"{reason}; asks what the company {best.document.id} names is"
                answer = self._item_answer(
                    company or best.document.id,
                    question,
                    score=best.total,
                    margin=margin,
                    reason=reason,
                    lang=lang,
                )
                if checked and self._corrected(best, query, names):
                    # It answers with another country, count or year than the one asked.
                    answer = told_otherwise(
                        answer, lang=lang, reason="corrects the question's name"
                    )
                elif checked and query.unknown:
                    # "is BYD processing copper?": what it asks about is a word the article
                    # never uses, which a bare "Yes." about lithium would confirm.
                    answer = replace(answer, text=without_yes_or_no(answer.text))
                return self.with_gaps(answer, question, unknown_words=bool(query.unknown))
            case Suggested(candidates, margin, reason) if not joined and (
                honest := self._lacking_what_is_asked(
                    question, query, candidates[0], margin=margin, reason=reason, asked=asked
                )
            ):
                return honest
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

    def _company_described(self, question: str, item_id: str) -> str | None:
        """The entry that says what a company is, when the question asks what the company is
        or does and describes it by the answer's thing: "the genetics firm that opened a lab in
        Uruguay, what does it do?" asks what BGI Genomics is, not what its lab is for."""
        if not asks_what_a_company_is(question):
            return None
        company = self._follow_ups.neighbourhood.defined_in(item_id)
        if company is None or company == item_id:
            return None
        # a company the article names (BYD, BGI), not another name defined (CBERS, the Forum)
        return None if gaps((Detail.COMPANIES,), self.said(company)).all else company

    def _not_said_of_those_countries(
        self,
        question: str,
        asked: str | None,
        entries: Sequence[Scored],
        leaders: Sequence[Scored],
    ) -> Answer | None:
        """The answer about the question's topic, saying the article does not say it of the
        countries asked, when the question asks a detail of that topic in a country the
        answer does not name ("¿Cuántos empleos ha generado en México?": the jobs the
        investment made, and that the article does not say it of Mexico), rather than
        suggesting what the article says of those countries (the question's only names). None
        unless the topic's entry leads clearly and gives the detail of no country."""
        if not entries:
            return None
        best = entries[0]
        entry = self._entries.get(best.document.id)
        margin = best.total - (entries[1].total if len(entries) > 1 else 0.0)
        if (
            entry is None
            or entry.topic == OVERVIEW_TOPIC
            or (leaders and leaders[0] is best)
            or best.total < self.settings.answer_threshold
            or margin < self.settings.framed_margin
            # the entry gives no such detail anywhere: its own figure ("Six.") would read as
            # the country's
            or not (details := self._asked_details(question))
            or not gaps(details, self.said(entry.id)).all
        ):
            return None
        lang = answer_language(asked, best.lang)
        answer = self._item_answer(
            entry.id,
            question,
            score=best.total,
            margin=margin,
            reason=f"{entry.id} scored {best.total:.1f}, margin {margin:.1f}",
            lang=lang,
        )
        return told_otherwise(
            answer, lang=lang, reason="the article does not say it of the country"
        )

    def _lacking_what_is_asked(
        self,
        question: str,
        query: Query,
        leader: Scored,
        *,
        margin: float,
        reason: str,
        asked: str | None,
    ) -> Answer | None:
        """The answer of a clear leader that was only suggested, when the question asks a
        detail its answer does not give: what the article says, and that it gives no such
        detail ("what's the total value of chinese investment?": what the investments did, and
        no amount). None when it gives every detail asked, leads by too little, or speaks of
        none of the question's own topics besides the article's subject and its countries:
        "how much oil does China buy from Venezuela?" is no question about its satellites."""
        # A clear leader as the policy calls one for a question about the article's subject.
        if not self._asked_details(question) or margin < self.settings.framed_margin:
            return None
        # One of the article's topics the question names ("invested", "ventilators",
        # "trade"); not a question word an entry's phrasings share ("quanto").
        said = leader.document.strong | leader.document.weak
        if not any(term in said for term in self._own_topics(query)):
            return None
        answer = self.with_gaps(
            entry_answer(
                self._entries[leader.document.id],
                question,
                score=leader.total,
                margin=margin,
                reason=f"{reason}; answered, as it says what the article does not give",
                lang=answer_language(asked, leader.lang),
            ),
            question,
            unknown_words=bool(query.unknown),
        )
        return answer if answer.lacks else None

    def _of_the_asked_topic(
        self, query: Query, leaders: list[Scored], countries: Sequence[str]
    ) -> list[Scored]:
        """The leaders of a question that states what it asks of the `countries` it names.
        When the best speaks of none of the article's topics the question names, the first
        leader close behind it that speaks of them all but not of those countries takes its
        place, and corrects the country: "did China give vaccines to Argentina?" is answered
        by the vaccines, given to other countries, not by what China did with Argentina,
        which names no vaccines."""
        topics = self._own_topics(query)
        neighbourhood = self._follow_ups.neighbourhood
        if not topics or neighbourhood.speaks_of(leaders[0].document.id, topics):
            return leaders
        other = next(
            (
                each
                for each in leaders[1:]
                if each.total >= leaders[0].total - DETAIL_SLACK
                and neighbourhood.speaks_of_all(each.document.id, topics)
                and not neighbourhood.speaks_of(each.document.id, countries)
            ),
            None,
        )
        if other is None:
            return leaders
        return [other, *(each for each in leaders if each is not other)]

    def _own_topics(self, query: Query) -> list[str]:
        """The article's topics a question names besides its subject (China, Latin America or
        a country of it, the article) and the general words: what it asks about."""
        return [
            term
            for term in query.content
            if term in self._topic_terms and term not in self._general and term not in self._subject
        ]

    def _dating(self, question: str, best: Scored, leaders: Sequence[Scored]) -> Scored:
        """The best candidate, or, for a question asking when, a leader close behind it and
        related to it that gives a day when the best gives no date ("the exact dates of Xi's
        trip": his visit's Nov 13 to 21, not his state visits). Only a day: a year may be
        part of a name ("the 2030 Agenda"); and no other detail: any number looks like a
        count ("three units" is no number of cars)."""
        asked = self._asked_details(question)
        if WHEN.isdisjoint(asked):
            return best
        if best.document.id in self._dated:
            return best
        close = (
            each
            for each in leaders
            if each.total >= best.total - DETAIL_SLACK and best.document.akin(each.document)
        )
        return next((each for each in close if each.document.id in self._days), best)

    def said(self, item_id: str) -> str:
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


# Words only spoken, read as content: "o sea", "ou seja", "es decir", "that is to say",
# where the asker says it again in other words, "sea" weighed as a rare unknown word ("o sea
# que Chile sí está, cierto?"; all of it goes: its "o" alone would read as Portuguese); and
# Singlish "one" before a closing "ah", "lah" ("when it open one ah"), which stresses; a
# blessing ("God bless them. And to which countries?", "que Dios te bendiga"); "mijo" between
# commas, which calls the listener (else it is millet: "sorgo, mijo?"), and Bahian "meu rei"
# (my king).
_SPOKEN_ONLY: Final = re.compile(
    r"\b(?:o sea|ou seja|es decir|that is to say|one(?=\s+(?:ah|lah|leh|lor|meh)\W*$)"
    r"|god bless(?: you| them| him| her| us)?|dios (?:te|le|los|nos) bendiga"
    r"|deus (?:te|o|a|nos) aben[cç]o[eê]|(?<=, )mij(?:o|a|ito|ita)(?=,)|meu rei)\b",
    re.IGNORECASE,
)
# "ve" the asker did not write as the acronym "VE" (an electric vehicle, a synonym the
# knowledge base's Spanish and Portuguese give in capitals): English "'ve" ("I've heard",
# "they've built"), which is "have", and the verb ("no ve", you see?; "no se ve nada"),
# which goes. Matching ignores case, so this is where the capitals still tell.
_NOT_THE_ACRONYM_VE: Final = re.compile(r"(?i:(?<=[a-z])['’]ve)\b|\bve\b")


def _without_lower_case_ve(match: re.Match[str]) -> str:
    return "" if match[0] == "ve" else " have"


# An acronym as written: "CELAC", "CBERS", "G20".
_ACRONYM: Final = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")

# "tengo tarea de geografia": the asker's school subject, no topic of the question; the
# word alone stays ("la geografía de Chile", which the article does not speak of)
_SCHOOL_SUBJECT: Final = re.compile(
    r"\b(tarea|trabajo|trabalho|aula|prova|examen|exame|homework|assignment)"
    r" (?:de|of|on|for) (?:geograf[ií]a|geography|historia|hist[oó]ria|history)\b",
    re.IGNORECASE,
)

# "what does the writer say the letters ... stand for?": the article, as every answer's
# source; not the author asked about ("who is the writer?", "what does the author say his
# job is?")
_AUTHOR_AS_SOURCE: Final = re.compile(
    r"(?<=\bthe )(?:writer|author)(?= (?:says?|said|claims?|thinks?|mentions?|argues?|expects?"
    r"|believes?|suggests?|expresse?s?|sees?)\b"
    r"(?! (?:his|her|he|she|they|their|them|to be|about (?:himself|herself|themselves))\b))",
    re.IGNORECASE,
)

# "100% electric", "100 % elétrico", "100%纯电": fully, no figure the article would have to
# give. Not a figure asked about: "up 100% since 2014", "100% more", "el 100% de los datos".
_FULLY: Final = re.compile(
    r"(?<![\d.,])100\s?%\s*"
    r"(?!(?:of|since|in|more|up|de|do|da|dos|das|del|desde|en|em|mais|mas|más)\b)(?=[^\W\d])"
)


# "who wrote this article about China and Latin America?", "o título dessa matéria sobre china
# e america latina", "这篇关于中拉合作的文章": what the whole article is about names no part of
# it, and its words would pull to the entries that list the region's countries.
_ABOUT_THE_ARTICLES_SUBJECT: Final = re.compile(
    # this article, not one the asker read or wrote ("I read an essay about Latin America")
    r"\b((?:this|that|the|dis|dat|este|esta|ese|esa|el|o|esse|essa|dessa|desse|deste|desta|do|da|del)"
    r"\s+(?:articles?|pieces?|texts?|op-?eds?|essays?|textos?|art[ií]culos?|artigos?"
    r"|mat[eé]rias?|notas?|reportagem))\s+(?:about|on|bout|abt|sobre|acerca de)\s+"
    r"(?:(?:the\s+|la\s+|a\s+)?china\s*(?:and|an|n|y|e|&|-)\s*)?"
    r"(?:(?:a\s+|la\s+|el\s+|the\s+)?(?:latin\s*america|latam|am[eé]rica\s+latina"
    r"|latinoam[eé]rica|the\s+region|la\s+regi[oó]n|a\s+regi[aã]o|celac)"
    r"(?:\s+(?:and\s+the|y\s+el|e\s+o|e)\s+(?:caribbean|caribe))?)"
    r"|关于中拉(?:合作|关系)?的(文章|报道)",
    re.IGNORECASE,
)

# What `_as_read` rewrites in a message, in order: the "100%" of "100% electric", words only
# spoken, a "ve" not written as the acronym, the asker's school subject, the author as the
# source, the article's own subject.
_REWRITES: Final[tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...]] = (
    (_FULLY, ""),
    (_SPOKEN_ONLY, ""),
    (_NOT_THE_ACRONYM_VE, _without_lower_case_ve),
    (_SCHOOL_SUBJECT, r"\1"),
    (_AUTHOR_AS_SOURCE, "article"),
    (_ABOUT_THE_ARTICLES_SUBJECT, lambda match: match[1] or match[2]),
)


# "ive been on cargo 30 year", "tengo 74 años", "llevo 20 años en ...": the years the asker
# tells of themselves (in the first person: "have EVs been sold in Chile for 10 years?" asks
# of the article), over a message's folded words ("años" is "anos"). One group per branch.
_ASKERS_YEARS: Final = re.compile(
    r"\b(?:ive|i have|im|i m|i am|i ve|tengo|tenho|llevo|levo)\b(?:\s+\w+){0,4}?\s+(\d+)"
    r"\s+(?:years?|yrs?|anos?)\b"
    # "I'm 78 and not great with this phone", "served 28 yrs": their age, their service
    r"|\b(?:im|i m|i am)\s+(\d{1,3})\b(?!\s+(?:countries|years?|yrs?|satellites?|percent)\b)"
    r"|\b(?:served|worked|lived)\s+(?:for\s+)?(\d{1,3})\s+(?:years?|yrs?)\b"
)


def _mentions(scored: Scored, terms: Iterable[str]) -> bool:
    """Whether a candidate's document uses every one of the terms."""
    document = scored.document
    return all(term in document.strong or term in document.weak for term in terms)


def _numbers_to_check(query: Query) -> Query:
    """The query of a question that states a number the article never gives ("does CBERS
    have 8 satellites?"): the number is what to check, not what the question is about, and
    weighs no more than its heaviest known word, not as much as an unknown topic."""
    numbers = {term for term in query.unknown if term.isdigit()}
    known = [
        weight
        for term, weight in zip(query.content, query.weights, strict=True)
        if term not in query.unknown
    ]
    if not numbers or not known:
        return query
    most = max(known)
    weights = tuple(
        min(weight, most) if term in numbers else weight
        for term, weight in zip(query.content, query.weights, strict=True)
    )
    return replace(query, weights=weights)


def _with_unknown(reason: str, query: Query) -> str:
    return f"{reason}; unknown words: {', '.join(query.unknown)}" if query.unknown else reason


# 谁 (who) is a word of its own: a pair holding it ("给谁", "谁用" in "数据给谁用?") is two
# words' edges, not a word the article lacks. Not 几 or 啥: "几点" (what time) is one.
_QUESTION_CHARACTERS: Final = frozenset("谁")
# Characters that ask on their own (谁, 几, 啥, 哪): a pair holding one ("几多", how much) is no
# typo of a word.
_ASKING_CHARACTERS: Final = frozenset(
    word for word in CHINESE_QUESTION_WORD.split("|") if len(word) == 1
)
# The languages whose verb forms `verb_forms` knows.
_CONJUGATING: Final = frozenset({"es", "pt"})
MIN_WORDS_AROUND_VERBS: Final = 6
# The asking word, folded, and how many words after it name what is asked.
_ASKING: Final = re.compile(
    r"\b(?:what|which|qual|quais|cual|cuales|que|q|how much|how many|cuant[oa]s?|quant[oa]s?)\b"
)
ASKED_WORDS: Final = 2
# A fact's related entries, as an entry's "related" list is short.
MAX_FACT_HOMES: Final = 3


def _fact_homes(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each fact's entries: those whose source quotes hold its quote, or that it holds; first
    those of its topic, then those whose own words hold most of its keywords, then those
    quoting least. A fact is one sentence of theirs: "tell me more" after it is what they
    say, and they are its related entries."""
    # English texts of the knowledge base: casefold(), not the questions' cached fold().
    quotes = {entry.id: [quote.casefold() for quote in entry.source] for entry in kb.entries}
    said = {
        entry.id: " ".join([entry.answer, *entry.questions, *entry.keywords]).casefold()
        for entry in kb.entries
    }
    topic = {entry.id: entry.topic for entry in kb.entries}
    homes: dict[str, tuple[str, ...]] = {}
    for fact in kb.facts:
        quoted = fact.source.casefold()
        keywords = [keyword.casefold() for keyword in fact.keywords]
        holding = [
            entry_id
            for entry_id, sources in quotes.items()
            if any(quoted in quote or quote in quoted for quote in sources)
        ]
        holding.sort(
            key=lambda entry_id: (
                topic[entry_id] != fact.topic,
                -sum(keyword in said[entry_id] for keyword in keywords),
                len(quotes[entry_id]),
            )
        )
        homes[fact.id] = tuple(holding[:MAX_FACT_HOMES])
    return homes


def _telling_only(kb: KnowledgeBase) -> tuple[frozenset[str], frozenset[str]]:
    """The entries that tell only when, and those that tell only how many: more than half of
    their phrasings ask that (each phrasing's details read once, at start-up)."""
    when: set[str] = set()
    how_many: set[str] = set()
    for entry in kb.entries:
        asked = [asked_details(question, among=WHEN | COUNTING) for question in entry.questions]
        half = len(asked) / 2
        if sum(not WHEN.isdisjoint(details) for details in asked) > half:
            when.add(entry.id)
        if sum(Detail.COUNT in details for details in asked) > half:
            how_many.add(entry.id)
    return frozenset(when), frozenset(how_many)


def _is_acronym(word: str) -> bool:
    """Whether a word of a name is an acronym ("BGI", "CASS")."""
    return len(word) > 1 and word.isalpha() and word.isupper()
