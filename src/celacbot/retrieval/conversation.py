"""Reading a message with the conversation's subject: follow-ups, replies, and a later part of a
message that leans on the part before.

Contract: `FollowUpReader.with_subject` gets a message's standalone reading and the id of the
entry or fact the conversation is about (the last answer, or the one replied to), and returns
the standalone answer unless the message leans on the subject (`followup` spots the words that
do: "when?", "and Chile?", "who built it?") and the reading with the subject answers. Built once
per knowledge base from the retriever's vocabulary, it reads messages through `Reader` alone, so
that the retriever's single-message reading and this one stay apart.
`FollowUpReader.details_of_the_one_before` does the same within one message ("what did BYD
build, and when?").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Final, Protocol

from celacbot.knowledge.models import Entry
from celacbot.retrieval.answer import Answer, Decision
from celacbot.retrieval.enumeration import list_items
from celacbot.retrieval.followup import (
    MAX_BARE_TERMS,
    MAX_SHORT_WORDS,
    asked_position,
    asks_for_more,
    asks_for_position,
    asks_for_something_else,
    asks_for_the_other,
    asks_if_only,
    asks_if_there,
    asks_its_name,
    asks_status,
    asks_what_for,
    asks_what_it_is,
    asks_who_wrote,
    asks_why,
    doubts_a_figure,
    measured_kind,
    names_the_article,
    opens_with_connector,
    points_back,
    says_only,
    the_item_asked_of,
)
from celacbot.retrieval.index import LIGHT_WEIGHT, NAME_RARITY, Query, Scored, Vocabulary
from celacbot.retrieval.localised import told_otherwise
from celacbot.retrieval.message import (
    CHINESE_QUESTION_WORD,
    asked_member_countries,
    asked_members,
    asks,
    changes_subject,
    checks_a_claim,
    questions,
    sets_aside_what_was_said,
    without_exclusion,
    words_before,
)
from celacbot.retrieval.missing import DATES, Detail, asks_for_a_thing
from celacbot.retrieval.neighbourhood import Neighbourhood
from celacbot.retrieval.normalise import (
    Normaliser,
    everyday_stems,
    found,
    has_cjk,
    is_cjk,
    words,
)
from celacbot.retrieval.policy import SURE_MARGIN
from celacbot.retrieval.scope import beyond_the_article
from celacbot.retrieval.yes_no import fitted_answer

# "who else?" after something set aside asks for a person, which no related entry is.
_WHO: Final = re.compile(r"\b(?:who|whom|quien|quienes|quem)\b|谁")
# What "what's it called?" asks after the article itself.
_THE_TITLE: Final = "what is the title of the article"
# "Does the article mention lithium?", "What does it say about ...": a question about a thing
# the article speaks of, not about the article.
_OF_A_THING_IN_IT: Final = re.compile(r"\b(?:mention|say|name|describe|list)s?\b")
# The topic of the entries about the article as a whole and about each country.
OVERVIEW_TOPIC: Final = "about-article"
# How far a message's own answer must outscore the subject's neighbours to stand alone.
STANDS_ALONE_LEAD: Final = 15.0
# A message unanswered alone whose best candidate scores this much, and is related to the
# subject, nearly asks about it; off-topic messages ("what time is it") score less.
NEAR_MISS_SCORE: Final = 30.0
# One word the article never uses may be a verb it does not happen to use ("¿qué mandaron?");
# two, making half the message, are another subject.
MIN_FOREIGN_WORDS: Final = 2
# "多少颗", "几个": how many, which a follow-up asking its own question does not ask again.
_CHINESE_HOW_MANY: Final = re.compile("多少|几")
# The weight of a term most of the knowledge base speaks of (China, Latin America, cooperation).
_EVERYWHERE_WEIGHT: Final = 1.25
# A character of a Chinese question word: a pair holding one is that word's edge ("有多").
_CHINESE_QUESTION_CHARACTER: Final = re.compile(
    f"[{''.join(sorted(set(CHINESE_QUESTION_WORD) - {'|'}))}]"
)


# "which ones?", "¿cuáles?", "quais?", "都有哪些？": which of the things counted (not the
# singular "¿cuál es su objetivo?", which asks what).
_WHICH_ONES: Final = re.compile(r"\b(?:which|cuales|quais)\b|哪")


@dataclass(frozen=True, slots=True)
class Reading:
    """A text's answer with the query and the candidates it was decided from."""

    answer: Answer
    query: Query | None
    candidates: tuple[Scored, ...]


class Reader(Protocol):
    """What reading a follow-up needs of the retriever."""

    def read(self, question: str, lang_hint: str | None = None) -> Reading:
        """A message read on its own."""

    def read_text(self, text: str, lang_hint: str | None) -> Reading:
        """One text read whole, never split into questions."""

    def entry(self, entry_id: str) -> Entry | None:
        """The FAQ entry with this id, if any."""

    def answer_entry(self, entry_id: str, *, lang_hint: str | None = None) -> Answer | None:
        """The answer of a known entry or fact."""

    def said(self, item_id: str) -> str:
        """The English text of an entry or fact."""

    def with_gaps(self, answer: Answer, question: str, *, unknown_words: bool) -> Answer:
        """The answer, saying what the question asks for that it does not give."""

    def giving_the_detail(
        self, reading: Reading, question: str, *, near: frozenset[str], linked: frozenset[str]
    ) -> Answer:
        """The answer, or a candidate near the subject that gives the detail asked for."""


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a message's own words say about reading it with the conversation's subject."""

    terms: tuple[str, ...]
    asks: bool  # it asks something in words ("what else?"), unlike "👍", "ok" or "??"
    unknown: bool  # it uses a word the article never does
    # Half its words or more are such words, two at least: it asks of something else ("is it
    # going to rain in Cardiff tomorrow?"), whatever its "it" points at. A Chinese pair
    # across two words ("天到" in "哪天到哪天") is no such word.
    foreign: bool
    points_back: bool  # a pronoun refers to something said before ("what did they build?")
    its_name: bool  # it only asks what the thing talked about is called ("¿cómo se llama?")
    bare: bool  # it is only question words and chat
    elliptical: bool  # a short Chinese question naming no topic
    short: bool  # at most MAX_SHORT_WORDS words
    # Its first question: only that one can ask something of the subject; a later one's "it"
    # is what the first one asked about ("what is CELAC? what is it for?").
    first: str


@dataclass(frozen=True, slots=True)
class _Turn:
    """A message read with the conversation's subject: what each follow-up rule looks at."""

    reader: Reader
    question: str
    subject: str
    standalone: Reading
    # The subject's own answer, in the asker's language.
    about: Answer
    shape: _Shape
    topics: tuple[str, ...]
    replying: bool
    asks_a_detail: bool
    # The terms that ask a detail rather than name a topic (see `_detail_words`).
    detail_words: frozenset[str]

    @property
    def own(self) -> Answer:
        """The message's answer read on its own."""
        return self.standalone.answer

    @property
    def on_the_subject(self) -> Answer:
        """The subject's answer, as the answer to this message."""
        return self.answering(self.about)

    def taken(self, entry_id: str | None) -> Answer | None:
        """That entry's answer, as the answer to this message about the subject."""
        if entry_id is None:
            return None
        chosen = self.reader.answer_entry(entry_id, lang_hint=self.own.requested_lang)
        return chosen and self.answering(chosen)

    def answering(self, answer: Answer) -> Answer:
        """An answer found for another question (the entry's own, the message read with the
        subject), as the answer to this message: the bare yes or no that opens it stays only
        if this message asks one ("what else?" after "did it create jobs?" gets no "Yes.")."""
        return replace(
            answer,
            question=self.question,
            context=self.about.question,
            text=fitted_answer(answer.text, self.question, answer.requested_lang),
        )


@dataclass(frozen=True, slots=True)
class FollowUpReader:
    """Reads messages with the conversation's subject; built once per knowledge base."""

    normaliser: Normaliser
    vocabulary: Vocabulary
    neighbourhood: Neighbourhood
    # The article's rare one-word names ("BYD", "Uruguay"), its topics (every keyword's
    # terms), "when"/"where"/"who" in every language and the words that name a detail.
    named: frozenset[str]
    topic_terms: frozenset[str]
    question_terms: frozenset[str]
    detail_terms: frozenset[str]
    asked_details: Callable[[str], tuple[Detail, ...]]
    # The entries one of whose phrasings asks what something is for or brings (read at the
    # first follow-up that asks so, not at start-up), and the words such a question asks it
    # with ("benefit", "good", "好处"), which name no topic.
    purposeful: Callable[[], frozenset[str]]
    purpose_terms: frozenset[str]
    cooperation_terms: frozenset[str]
    # The words of paying for a thing ("who funds it?"), which name no topic asked so.
    funding_terms: frozenset[str]
    # The words of a beginning ("when did it start?"), which name no topic asked so.
    beginning_terms: frozenset[str]
    # The entry that tells why an entry's answer is so, where faq.yaml names one (`cause`).
    causes: Mapping[str, str]
    # The entries and facts whose answer gives a count or a date, and those that date how far
    # a work has come (built, opened, due); the words "is it finished?" asks with, which may
    # be unknown to the knowledge base and still name no topic.
    figured: frozenset[str]
    progress: frozenset[str]
    # The entries that tell only when (BYD's first vehicle): "what will they make?" after
    # one asks of the thing it dates, not of its date.
    telling_when: frozenset[str]
    # The entries that tell only how many (the 19 farming mechanisms), and the words of what
    # such counts count ("countries", "members"): "which countries?" asks what the count
    # leaves unsaid, "what do they cover?" what a related entry tells.
    telling_how_many: frozenset[str]
    count_units: frozenset[str]
    # The entries and facts whose every count is of countries (the 19 farming mechanisms):
    # "how many countries?" is answered by one of them, never by six satellites.
    counting_countries: frozenset[str]
    # The terms of each entry's questions and keywords: what it is about, not all its answer
    # mentions in passing.
    asked_about: Mapping[str, frozenset[str]]
    # The words that name China: what it gains is no one else's gain.
    china: frozenset[str]
    status_terms: frozenset[str]
    # The countries the article names, as terms, and the entries and facts whose answer says
    # where (a country, a city): "is it in brazil?" after one of them is answered by it.
    countries: frozenset[str]
    located: frozenset[str]

    def with_subject(
        self,
        reader: Reader,
        question: str,
        subject: str,
        standalone: Reading,
        *,
        replying: bool,
        detail: bool = False,
    ) -> Answer:
        """The standalone answer, or the answer to the message read with the subject when the
        message leans on it and that reading answers. `detail`: the message only asks a detail
        of the subject ("... and in which year?"), whatever its own reading answers."""
        own = standalone.answer
        about = reader.answer_entry(subject, lang_hint=own.requested_lang)
        # "那边现在几点了" after BYD's plant asks the time there: what no article gives (a
        # price, the weather, a visa) is asked of no subject.
        if (
            about is None
            or changes_subject(question)
            or asks_who_wrote(question)
            or beyond_the_article(question, named=True) is not None
        ):
            return own
        shape = self._shape(question, standalone, replying=replying)
        turn = _Turn(
            reader=reader,
            question=question,
            subject=subject,
            standalone=standalone,
            about=about,
            shape=shape,
            # What the message names besides question words ("brazil" in "only for brazil?").
            topics=tuple(term for term in shape.terms if term not in self.question_terms),
            replying=replying,
            # "dates?", "which year?": a detail of the subject, whatever the word alone finds;
            # after a question about the article itself, the article's date is that
            asks_a_detail=detail
            or (
                self._asks_only_a_detail(question, shape, of=subject)
                and not names_the_article(about.question)
            ),
            detail_words=self._detail_words(question, shape.terms),
        )
        # "yo my dad won't shut up about chinese EVs 😂 which countries are they selling in?":
        # the words before its question name what "they" are, as for the message alone.
        if self._opening_names_its_subject(reader, question, shape, standalone, subject):
            return own
        # The first of these rules that answers gives the answer (small talk's own answer
        # included); else the message is read together with the subject.
        for rule in (self._set_aside, self._of_a_known_form, self._leaning_on_it):
            if (answer := rule(turn)) is not None:
                return self._kept_to_the_subject(turn, self._of_the_asked_kind(turn, answer))
        return self._kept_to_the_subject(
            turn, self._of_the_asked_kind(turn, self._read_together(turn))
        )

    def _read_with_its_name(self, turn: _Turn) -> Answer | None:
        """ "然后它的数据有开放给其他地区用吗？" after how many satellites CBERS made: "it" is
        CBERS, the rare name of the subject (its label's, its question's). Read with that name
        alone, not the whole question (whose "how many" keeps to the count), the message finds
        the neighbour it asks about; taken when sure of it."""
        entry = turn.reader.entry(turn.subject)
        if (
            entry is None
            or not turn.shape.points_back
            or turn.shape.bare
            or turn.asks_a_detail
            or any(term in self.named for term in turn.shape.terms)
        ):
            return None
        # Only for what the subject never speaks of ("data" after the count); "which city is
        # it in?" asks the subject's own detail, "who built it?" names nothing new.
        unsaid = [
            term
            for term in turn.topics
            if term not in self.detail_terms
            and self.normaliser.is_word(term)
            and not self.neighbourhood.speaks_of(turn.subject, [term])
        ]
        if not unsaid:
            return None
        said = f"{entry.label} {turn.about.question}"
        names = list(
            dict.fromkeys(
                term for term in self.normaliser.text_content_terms(said) if term in self.named
            )
        )
        if not names:
            return None
        text = f"{' '.join(words(turn.question))} {' '.join(names)}"
        found = turn.reader.read_text(text, turn.own.requested_lang).answer
        if (
            found.decision is not Decision.ANSWER
            or found.id == turn.subject
            or found.id not in self.neighbourhood.neighbours(turn.subject)
            or found.margin < SURE_MARGIN
            or not self.neighbourhood.speaks_of(found.id, unsaid)
        ):
            return None
        return turn.reader.with_gaps(turn.answering(found), turn.question, unknown_words=False)

    def _kept_to_the_subject(self, turn: _Turn, answer: Answer) -> Answer:
        """The answer, or the subject's when the answer is a stranger to the subject that
        lacks the detail asked, the subject lacks it too, and the message names nothing the
        subject does not speak of: "¿cuántos autos al año?" after BYD's first vehicle asks
        BYD's yearly output, which the article does not give, not the Forum's anniversary
        ("año"); "who funds it?" after CBERS asks who pays for CBERS, not of investment. Not
        after an overview or a list (the countries the article names), whose every name
        has an entry of its own."""
        subject = turn.reader.entry(turn.subject)
        if (
            answer.decision is not Decision.ANSWER
            or not answer.lacks
            or Detail.CLAIM in answer.lacks
            or answer.id == turn.subject
            or subject is None
            or subject.topic == OVERVIEW_TOPIC
            or answer.id in self.neighbourhood.neighbours(turn.subject)
        ):
            return answer
        named = [
            term
            for term in turn.topics
            if term not in turn.detail_words and self._names_a_topic(term)
        ]
        if not (named or turn.asks_a_detail) or not self.neighbourhood.speaks_of_all(
            turn.subject, named
        ):
            return answer
        kept = turn.reader.with_gaps(turn.on_the_subject, turn.question, unknown_words=False)
        return kept if kept.lacks else answer

    def _of_the_asked_kind(self, turn: _Turn, answer: Answer) -> Answer:
        """The answer, or when it is the subject telling only when and the message asks what
        ("what will they make?" after when BYD's first vehicle is due), or the subject telling
        only how many and the message asks what for, or what of something the count does not
        speak of ("what kind of products does that cover?", "y eso en qué ha ayudado?" after
        the 19 farming mechanisms; not which ones they are: "which countries?", "我是墨西哥人。
        都有哪些？"), the first entry related to the subject that tells more (what BYD's plant
        makes, what the farm trade became)."""
        if answer.id != turn.subject:
            return answer
        asked = self.asked_details(turn.question)
        # "what price will it sell for?", "什么车型？": a detail neither tells
        if asked:
            return answer
        if turn.subject in self.telling_when:
            telling = self.telling_when
            asks_more = asks_for_a_thing(turn.question, asked=())
        elif turn.subject in self.telling_how_many:
            telling = self.telling_how_many
            weighty = [term for term in turn.topics if self.vocabulary.weight(term) > LIGHT_WEIGHT]
            unsaid = any(
                not self.neighbourhood.speaks_of(turn.subject, (term,)) for term in weighty
            )
            # "what do they cooperate on?", "合作内容是什么": the count's own word, which says
            # nothing of what the cooperation covers
            cooperating = bool(weighty) and self.cooperation_terms.issuperset(weighty)
            asks_more = asks_what_for(turn.question) or (
                (cooperating or (unsaid and self.count_units.isdisjoint(turn.topics)))
                and not found(_WHICH_ONES, turn.question)
                and asks_for_a_thing(turn.question, asked=())
            )
        else:
            return answer
        if not asks_more:
            return answer
        other = next((each for each in turn.about.related if each not in telling), None)
        chosen = turn.taken(other)
        return answer if chosen is None else chosen

    def _set_aside(self, turn: _Turn) -> Answer | None:
        """ "除了疫苗还有什么?", "besides vaccines, what else?": what else the subject says, when
        it speaks of what is set aside ("除了比亚迪，还有哪些车企？" after COVID aid is a
        question of its own)."""
        split = without_exclusion(turn.question)
        if (
            split is None
            or turn.shape.bare
            or not self.neighbourhood.speaks_of(
                turn.subject, self.normaliser.text_content_terms(split[1])
            )
        ):
            return None
        rest = turn.reader.read(split[0], turn.own.requested_lang)
        if asks_for_something_else(split[0]) and self._is_the_subject(turn.subject, split[1]):
            beyond = self._beyond_the_subject(turn, rest)
            if beyond is not None:
                return replace(beyond, question=turn.question)
        shape = self._shape(split[0], rest, replying=turn.replying)
        if not (shape.bare or shape.points_back or opens_with_connector(split[0])):
            return None
        # "além das vacinas, o que mais?": the rest of what the subject says, not the next
        # entry a bare "what else?" moves on to.
        if asks_for_more(split[0]):
            return turn.on_the_subject
        answer = self.with_subject(
            turn.reader, split[0], turn.subject, rest, replying=turn.replying
        )
        return replace(answer, question=turn.question)

    def _is_the_subject(self, subject: str, aside: str) -> bool:
        """Whether what a message sets aside is the subject as a whole: "besides the summits"
        after the summits Xi attended (the words of its label and first keywords), "除了这些",
        "apart from that" after anything; not "além das vacinas" after COVID support, one
        thing it lists, nor "besides the pandemic, what other movies" a word the article
        never uses."""
        if sets_aside_what_was_said(aside):
            return True
        topics = frozenset(
            term for term in self.normaliser.text_content_terms(aside) if term in self.topic_terms
        )
        return bool(topics) and topics <= self.neighbourhood.what_it_is(subject)

    def _beyond_the_subject(self, turn: _Turn, rest: Reading) -> Answer | None:
        """What else there is besides the subject: the rest of the message, when it answers
        alone with another entry, not of the subject's kind or an overview of it and more
        ("hicieron algo más en salud?": the health overview); else the first entry related
        to the subject that tells what the subject did not (Xi's state visits, not the APEC
        meeting it named). None for a rest that asks a detail or of what the article never
        names."""
        subjects_kind = self.neighbourhood.what_it_is(turn.subject)

        def of_another_kind(entry_id: str) -> bool:
            return entry_id != turn.subject and subjects_kind.isdisjoint(
                self.neighbourhood.what_it_is(entry_id)
            )

        # Not a rest that asks of something the article never names ("what other movies?"),
        # of the subject's own kind ("any other summits this year?"), a detail or a person
        # ("还有谁？", who else: the article names no one else)
        if (
            rest.query is None
            or rest.query.unknown
            or not subjects_kind.isdisjoint(rest.query.content)
            or self.asked_details(rest.answer.question)
            or found(_WHO, rest.answer.question)
        ):
            return None
        own = rest.answer
        # the rest's own answer, when it names something ("en salud"), not only asks for more
        names_something = any(
            term not in self.question_terms and self.vocabulary.weight(term) > LIGHT_WEIGHT
            for term in rest.query.content
        )
        if (
            own.decision is Decision.ANSWER
            and own.id is not None
            and names_something
            # near the subject: "what else did he attend?" after APEC is no question of how
            # far cooperation reaches
            and own.id in self.neighbourhood.neighbours(turn.subject)
        ):
            entry = turn.reader.entry(own.id)
            overview = entry is not None and turn.subject in entry.related
            if of_another_kind(own.id) or overview:
                return own
        others = (
            each
            for each in turn.about.related
            if of_another_kind(each)
            and not self.neighbourhood.speaks_of_all(
                turn.subject, self.neighbourhood.what_it_is(each)
            )
        )
        return next(filter(None, map(turn.taken, others)), None)

    def _of_a_known_form(self, turn: _Turn) -> Answer | None:
        """Small talk, "the second one?", a doubted figure, "is it finished?", "only for
        brazil?": forms that say themselves how the subject answers them, if it does."""
        own, about, question, shape = turn.own, turn.about, turn.question, turn.shape
        # Small talk found inside a message ("ajuda", help) that asks about "that" is a
        # question about the subject: "isso ajuda?", does that help? Not "thanks for that",
        # nor "isso ajuda, valeu" (that helps, thanks). "¿cómo se llama?" asks the bot's name
        # alone, the subject's after an answer.
        inside = turn.standalone.query is not None
        about_that = inside and shape.points_back and asks(question)
        if own.decision is Decision.SMALLTALK and not about_that and not shape.its_name:
            return own
        # "¿cómo se llama?": whatever name the article gives is in the subject's answer. After
        # the article itself ("what is it about?"), not its author, it asks the title.
        if shape.its_name:
            if not self._is_the_article(turn):
                return turn.on_the_subject
            found = turn.reader.read_text(_THE_TITLE, turn.own.requested_lang).answer
            title = (
                turn.reader.answer_entry(found.id, lang_hint=turn.own.requested_lang)
                if found.decision is Decision.ANSWER and found.id is not None
                else None
            )
            if title is not None:
                return turn.answering(title)
        # "the second one?": an item of the list the subject's answer gives, answered when an
        # entry answers it ("healthcare", after the fields of cooperation), else that list
        # again. "the other one?": the other of a pair, else that answer again.
        if asks_for_position(question):
            picked = (
                self._partner(turn.reader, about)
                if asks_for_the_other(question)
                else self._listed(
                    turn.reader, about, asked_position(question), kind=measured_kind(question)
                )
            )
            return turn.taken(picked) or turn.on_the_subject
        # "the second one, what did they do there?": the rest asked of that item's entry;
        # "tell me more about the second one": that entry
        if (item := the_item_asked_of(question)) is not None and (
            picked := self._listed(turn.reader, about, item[0], kind=measured_kind(question))
        ):
            _, rest = item
            own_rest = turn.reader.read(rest, turn.own.requested_lang)
            if asks_for_more(rest) or own_rest.query is None or not own_rest.query.content:
                return turn.taken(picked) or turn.on_the_subject
            # Not of an item the rest does not fit: "when was the first one launched?" after
            # CBERS counts its satellites, not the uses its answer lists (agriculture first).
            named = [
                term
                for term in own_rest.query.content
                if term not in own_rest.query.unknown
                and term not in self.question_terms
                and term not in self.detail_terms
            ]
            if self.neighbourhood.speaks_of_all(picked, named):
                # the rest is a follow-up of the item, not a reply to an answer about it
                asked = self.with_subject(turn.reader, rest, picked, own_rest, replying=False)
                return replace(asked, question=question)
        topics = turn.topics
        # "wasn't it 2023?", "¿no eran 20?": a subject that gives a figure answers the doubt,
        # unless the message names something else ("不是2015年成立的吗" after Xi's visit asks
        # about the forum) or is a question of its own that answers.
        if (
            doubts_a_figure(question)
            and own.decision is not Decision.ANSWER
            and turn.subject in self.figured
            and self.neighbourhood.speaks_of_all(
                turn.subject, [term for term in topics if term in self.topic_terms]
            )
        ):
            return turn.on_the_subject
        # "is it finished?", "¿ya está funcionando?": the subject, or the first related entry,
        # that dates how far the work has come ("the first vehicle is expected by early 2025"),
        # unless the message names something else ("is the Chancay port open yet?") or is a
        # question of its own that answers.
        unknown = turn.standalone.query.unknown if turn.standalone.query else ()
        if (
            asks_status(question)
            and own.decision is not Decision.ANSWER
            and not any(term not in self.status_terms for term in unknown)
            and self.neighbourhood.speaks_of_all(
                turn.subject, [term for term in topics if term in self.topic_terms]
            )
        ):
            progress = (each for each in (turn.subject, *about.related) if each in self.progress)
            if (chosen := turn.taken(next(progress, None))) is not None:
                return chosen
        # "is it in brazil?", "是在巴西吗": a subject that says where answers it, yes or
        # with the right place ("in Uruguay"), unless the message names more than a country
        # (a Chinese pair across words, "在巴", names nothing).
        if (
            asks_if_there(question)
            and turn.subject in self.located
            and any(term in self.countries for term in topics)
            and all(
                term in self.countries or (is_cjk(term) and term not in self.topic_terms)
                for term in topics
            )
        ):
            return turn.on_the_subject
        # "is Colombia one of them?", "e a argentina tá nessa lista?": whether a country is
        # among those the subject lists; its answer tells, or says that the article does not
        # list them. Unless the message names more than the country.
        members = asked_member_countries(
            question, self.normaliser.text_content_terms, self.countries
        )
        if members and all(
            term in self.countries or term not in self.topic_terms for term in topics
        ):
            return turn.on_the_subject
        only = self._only_of(
            question, turn.subject, [term for term in topics if term not in unknown]
        )
        return turn.taken(only)

    def _leaning_on_it(self, turn: _Turn) -> Answer | None:
        """The message's own answer, or the entry it nearly matched beside the subject, when
        it does not lean on the subject (a bare "which countries?", a pronoun, "tell me more",
        a short question about something the subject speaks of); more of the subject, what it
        is for or what it is when asked; None when it is to be read with the subject."""
        topics, terms = turn.topics, turn.shape.terms
        # A reply says "this is about that", but only of a message that asks something: a
        # "👍" or "lol" replied to an answer must not get that answer again.
        replied = turn.replying and turn.shape.asks and turn.own.decision is not Decision.ANSWER
        # "tell me more", "多说一点": more of the subject, unless it names another topic (a
        # keyword's: "detalles" or "goal" are rare words but no topic).
        more_of_it = asks_for_more(turn.question) and not any(
            term in self.topic_terms and term not in self.question_terms for term in terms
        )
        # "what's the data for?" after CBERS: a short question about a thing the subject speaks
        # of. Not a name it mentions ("tell me about chile" after green energy is Chile's).
        of_the_subject = (
            turn.shape.short
            and bool(topics)
            and not any(term in self.named for term in topics)
            and self.neighbourhood.speaks_of_all(turn.subject, topics)
            # and read alone, it is not answered from what is near the subject
            and (
                turn.own.decision is not Decision.ANSWER
                or turn.own.id not in self.neighbourhood.neighbours(turn.subject)
            )
        )
        what_for, why = asks_what_for(turn.shape.first), asks_why(turn.shape.first)
        # the entry that says what the one behind the subject is, when the message asks it
        defined = (
            self.neighbourhood.defined_in(turn.subject) if asks_what_it_is(turn.question) else None
        )
        leans = (
            turn.shape.bare
            or turn.shape.elliptical
            or turn.shape.points_back
            or turn.asks_a_detail
            or more_of_it
            or of_the_subject
            or self._checks_what_was_said(turn)
            # "what kind of company is that?": what the one behind the subject is, when an
            # entry says
            or defined is not None
            # "这有什么好处?", what good is that?: a short question of what something brings,
            # which nothing answers alone (one naming nothing else is bare: "what purpose?")
            or (what_for and turn.shape.short and turn.own.decision is not Decision.ANSWER)
        )
        if not (leans or opens_with_connector(turn.question) or replied):
            near = self._near_miss_beside(turn.subject, turn.standalone, turn.shape)
            if (chosen := turn.taken(near)) is not None:
                return turn.reader.with_gaps(chosen, turn.question, unknown_words=False)
            return turn.own
        if more_of_it:
            answers = (
                turn.reader.answer_entry(each, lang_hint=turn.about.lang)
                for each in turn.about.related
            )
            more = next(filter(None, answers), None)
            return turn.own if more is None else turn.answering(more)
        facets = [
            term for term in topics if self._names_a_topic(term) and term not in self.purpose_terms
        ]
        purpose = (
            (what_for or why)
            and not turn.shape.unknown
            and self._purpose(turn.subject, turn.about.related, facets, why=why and not what_for)
        )
        if purpose and (chosen := turn.taken(purpose)) is not None:
            return chosen
        # "what is it exactly?" after the lab BGI set up in Uruguay: what BGI is; after what
        # defines itself (the food center), the subject, saying what it lacks ("que empresa é
        # essa?": the article names none).
        if defined == turn.subject:
            return turn.reader.with_gaps(turn.on_the_subject, turn.question, unknown_words=False)
        return turn.taken(defined)

    def _read_together(self, turn: _Turn) -> Answer:
        """The message and the subject's question read as one text, when that reading answers
        better than the message alone, or the entry near the subject a pronoun points at."""
        standalone, terms = turn.standalone, turn.shape.terms
        # A message mostly in words the article never uses asks of something else, unless it
        # asks a detail of the subject in them ("when dey set it up?").
        if turn.shape.foreign and not self.asked_details(turn.question):
            return turn.own
        # The subject's question in the asker's language, so the language stays theirs; one
        # text, never split into questions: it is the message and a question joined.
        kept = self._kept(turn.about, terms, turn.question)
        combined = f"{' '.join(words(turn.question))} {' '.join(kept)}"
        evaluation = turn.reader.read_text(combined, turn.own.requested_lang)
        if turn.shape.bare and not self.asked_details(turn.question):
            # "what's it for?", "which countries?": the subject itself answers, or the related
            # entry the message's few words point to, never a stranger its words match better.
            kin = {turn.subject, *turn.about.related}
            pick = next((s for s in evaluation.candidates if s.document.id in kin), None)
            if (chosen := turn.taken(pick.document.id if pick else turn.subject)) is not None:
                return chosen
        # A message that names a topic of the article and is answered on its own about
        # something far from the subject, far better than the subject's neighbours match it,
        # names its own subject ("what is the food innovation center, what is it for?"): "it"
        # is that one. "who built it?" names nothing: "it" is the subject.
        neighbours = self.neighbourhood.neighbours(turn.subject)
        nearest = max(
            (scored.total for scored in standalone.candidates if scored.document.id in neighbours),
            default=0.0,
        )
        if (
            turn.shape.points_back
            and turn.own.decision is Decision.ANSWER
            and turn.own.id not in neighbours
            and turn.own.score >= nearest + STANDS_ALONE_LEAD
            # "what's in it for the rest of the world?" after the food center, whose answer
            # says what: global food security
            and not self._says_what_it_asks(turn.subject, terms)
            # "which city is it in?" after BYD's plant asks the plant's city, not of smart cities;
            # "who funds it?" after CBERS who pays for CBERS, not of investment
            and any(
                term in self.topic_terms and not (turn.asks_a_detail and term in turn.detail_words)
                for term in terms
            )
        ):
            return turn.own
        facets = self._facets(turn.question, standalone)
        # Not of what is set aside ("only cars?", "besides cars, what do they process?"), nor
        # for a message answered alone: with another entry ("y qué es la CELAC?" after the
        # Forum's anniversary) or with the subject ("what vehicles does it make?" after BYD's
        # plant)
        item = (
            None
            if turn.shape.bare or says_only(turn.question) or without_exclusion(turn.question)
            else self.neighbourhood.about_the_item(turn.subject, _unqualified(facets, standalone))
        )
        if turn.own.decision is Decision.ANSWER and turn.own.id != item:
            item = None
        if (chosen := turn.taken(item)) is not None:
            return turn.reader.with_gaps(chosen, turn.question, unknown_words=False)
        if (by_name := self._read_with_its_name(turn)) is not None:
            return by_name
        pointed = (
            self.neighbourhood.pointed_at(
                turn.subject, (*standalone.candidates, *evaluation.candidates), facets=facets
            )
            if turn.shape.points_back and not (turn.shape.unknown or turn.shape.bare)
            else None
        )
        # A date the subject gives is its own ("when did it start?" after APEC's meeting is its
        # date, not the Forum's founding, which "start" matches better).
        dated = DATES.intersection(self.asked_details(turn.question))
        if turn.asks_a_detail and dated and pointed not in (None, turn.subject):
            its_own = turn.reader.with_gaps(turn.on_the_subject, turn.question, unknown_words=False)
            if not its_own.lacks:
                return its_own
        if (chosen := turn.taken(pointed)) is not None:
            return turn.reader.with_gaps(chosen, turn.question, unknown_words=False)
        linked = self.neighbourhood.linked(turn.subject)
        # "how many have they sold?" after the EV markets counts sales: a neighbour counting
        # something else (BYD's three units) is no answer. A count must be of what is named.
        counted = [term for term in turn.topics if term not in self.detail_terms]
        counting = bool(counted) and Detail.COUNT in self.asked_details(turn.question)
        of_countries = counting and self.count_units.issuperset(counted)
        if counting:
            if of_countries:
                # "how many countries?": an entry the subject names as related that counts
                # countries (the 19 farming mechanisms after the farm trade), not any of its
                # topic's (they are not digital farming's countries)
                neighbours = frozenset()
                linked = self.counting_countries.intersection(turn.about.related)
            else:
                neighbours, linked = (
                    frozenset(each for each in ids if self.neighbourhood.speaks_of(each, counted))
                    for ids in (neighbours, linked)
                )
        # A date or count an overview gives is of something else ("when did CBERS start?" is
        # not answered by Brazil's overview dating BYD's first vehicle).
        subject = turn.reader.entry(turn.subject)
        if subject is not None and subject.topic != OVERVIEW_TOPIC:
            neighbours, linked = (
                _without_overviews(turn.reader, ids) for ids in (neighbours, linked)
            )
        contextual = turn.reader.giving_the_detail(
            evaluation, turn.question, near=neighbours, linked=linked
        )
        # ... nor the count of another entry the reading found (the 19 farming mechanisms
        # after digital farming): the subject, saying the article gives no count
        if (
            of_countries
            and contextual.decision is Decision.ANSWER
            and contextual.id not in (turn.subject, *linked)
        ):
            contextual = turn.reader.with_gaps(
                turn.on_the_subject, turn.question, unknown_words=False
            )
        # A message that points back ("what did they set up?") is about the subject; one that
        # only opens with "and" may bring its own ("and in healthcare?"): the better reading,
        # or its own outright when it names a topic the subject never speaks of ("and the
        # digital side?" after the green energy supply chain), whatever detail it asks: its
        # rarest topic, or one its own answer speaks of. The article's common words tell
        # nothing: every entry speaks of China.
        leaning = turn.shape.bare or turn.shape.points_back or turn.asks_a_detail
        if (
            not leaning
            and turn.own.decision is Decision.ANSWER
            and self._names_its_own(turn.subject, turn.own.id or "", turn.topics)
        ):
            return (
                self._not_said_of_that_country(turn)
                or self._the_same_of_that_country(turn, evaluation)
                or turn.own
            )
        if contextual.decision is Decision.ANSWER and (
            leaning
            or turn.own.decision is not Decision.ANSWER
            or contextual.score >= turn.own.score
        ):
            if (widened := self._widened(turn, contextual)) is not None:
                return widened
            return turn.answering(contextual)
        return turn.own

    def _not_said_of_that_country(self, turn: _Turn) -> Answer | None:
        """ "and Peru?" after the markets Chinese EVs entered: a country the subject does not
        name, whose own answer is about another topic (APEC in Peru), is asked of the
        subject's topic; the subject's answer, saying the article does not say that, is the
        honest one. None when the country's answer is of the subject's topic or beside it ("and
        Venezuela?" after Argentina's space station: Venezuela's satellites), or either is an
        overview."""
        subject, own = turn.reader.entry(turn.subject), turn.reader.entry(turn.own.id or "")
        if (
            subject is None
            or own is None
            or own.topic == subject.topic
            # a country's overview asks, or tells, the same of another ("what did China do
            # in Mexico?" then "and in Bolivia?")
            or OVERVIEW_TOPIC in (own.topic, subject.topic)
            or own.id in self.neighbourhood.neighbours(subject.id)
            or not turn.topics
            or not self.countries.issuperset(turn.topics)
        ):
            return None
        return told_otherwise(
            turn.on_the_subject,
            lang=turn.about.lang,
            reason=f"the article does not say it of {', '.join(turn.topics)}",
        )

    def _the_same_of_that_country(self, turn: _Turn, together: Reading) -> Answer | None:
        """ "y a Brasil?" after what Xi went to Peru for: a country the subject does not name,
        of which an entry the subject is related to tells the same kind of thing (the G20 in
        Brazil), asks that, not the country's overview. None when no related entry of the
        subject's topic speaks of that country alone as the subject does of its own."""
        subject = turn.reader.entry(turn.subject)
        if (
            subject is None
            or subject.topic == OVERVIEW_TOPIC
            or not turn.topics
            or not self.countries.issuperset(turn.topics)
            or self.neighbourhood.speaks_of(turn.subject, turn.topics)
        ):
            return None
        # Of one country as the subject is, not an overview naming many (green energy's).
        named = self._countries_named(turn.subject)
        beside = {
            each
            for each in turn.about.related
            if (entry := turn.reader.entry(each)) is not None
            and entry.topic == subject.topic
            and self.neighbourhood.speaks_of_all(each, turn.topics)
            and self._countries_named(each) <= named
        }
        ranked = (*together.candidates, *turn.standalone.candidates)
        pick = next((scored.document.id for scored in ranked if scored.document.id in beside), None)
        return turn.taken(pick)

    def _countries_named(self, item_id: str) -> int:
        """How many of the article's countries an entry or fact speaks of."""
        return sum(self.neighbourhood.speaks_of(item_id, [country]) for country in self.countries)

    def _says_what_it_asks(self, subject: str, terms: Sequence[str]) -> bool:
        """Whether a message names one topic, light words ("article", "say") aside, and the
        subject's text speaks of it: a message naming more ("what's the China-CELAC forum
        for?" after the article's date, which mentions the forum) asks of its own."""
        topics = [term for term in terms if self.vocabulary.weight(term) > LIGHT_WEIGHT]
        return len(topics) == 1 and self.neighbourhood.speaks_of_all(subject, topics)

    def _widened(self, turn: _Turn, contextual: Answer) -> Answer | None:
        """The related entry an "and X?" asks about when reading it with the subject gives the
        subject again, though the subject never speaks of X and that entry does ("e pro mundo?"
        after what science cooperation brought: how high tech drives global growth). Not "and
        the year?" (a detail of the subject), nor "and in that?" (pointing back at it)."""
        terms = turn.topics
        if (
            contextual.id != turn.subject
            or not terms
            or any(term in self.detail_terms for term in terms)
            or not opens_with_connector(turn.question)
            or turn.shape.points_back
            or turn.asks_a_detail
            or self.neighbourhood.speaks_of_all(turn.subject, terms)
        ):
            return None
        # The message's own words must find that entry too: "algo concreto?" finds nothing,
        # though a caveat of the smart cities says "no concrete projects".
        found = {
            scored.document.id
            for scored in turn.standalone.candidates
            if scored.total >= NEAR_MISS_SCORE
        }
        other = next(
            (
                each
                for each in turn.about.related
                if each in found and self.neighbourhood.speaks_of_all(each, terms)
            ),
            None,
        )
        return turn.taken(other)

    def _checks_what_was_said(self, turn: _Turn) -> bool:
        """Whether a short message checks a claim about what the subject speaks of ("foi em
        2024 né?" after Xi's visit: not the article's date), naming none of the article's names
        ("Argentina tiene una estación, ¿verdad?" asks of Argentina's)."""
        return (
            turn.shape.short
            and bool(turn.topics)
            and not any(term in self.named and not term.isdigit() for term in turn.topics)
            and self.neighbourhood.speaks_of_all(turn.subject, turn.topics)
            and checks_a_claim(turn.question)
        )

    def _partner(self, reader: Reader, about: Answer) -> str | None:
        """The other of a pair the maintainers made: the entry `about` names first in its
        `related`, when that one names it first too (Venezuela's satellites and Bolivia's)."""
        first = next(iter(about.related), None)
        partner = reader.entry(first or "")
        return first if partner is not None and partner.related[:1] == [about.id] else None

    def _listed(
        self, reader: Reader, about: Answer, position: int | None, *, kind: str | None = None
    ) -> str | None:
        """The entry that answers the item at `position` of the list the answer `about` gives,
        if it has one and an entry answers that item alone without giving the list again; of
        the `kind` of thing it counts, when the message says ("第一颗": a satellite, not
        agriculture, the first of the uses CBERS's answer lists)."""
        if position is None:
            return None
        items = list_items(reader.said(about.id or ""))
        index = position - 1 if position > 0 else position  # -1: the last
        if not -len(items) <= index < len(items):
            return None
        item = reader.read(items[index]).answer
        if item.decision is not Decision.ANSWER or item.id == about.id:
            return None
        # An answer giving the whole list again is no answer about one of its items.
        text = reader.said(item.id or "").casefold()
        if all(each.casefold() in text for each in items):
            return None
        if kind is not None and not self.neighbourhood.speaks_of_all(
            item.id or "", self.normaliser.text_content_terms(kind)
        ):
            return None
        return item.id

    def _purpose(
        self, subject: str, related: Sequence[str], facets: Sequence[str], *, why: bool
    ) -> str | None:
        """The entry that tells what the subject is for or brings: the subject itself, else the
        first related entry, that is asked that and speaks of all the topics the message names
        ("pra que serve?" after what BGI is: its lab in Uruguay; "why digital?" after the next
        decade's focus: the digital economy). A "why?" asks a cause: the one faq.yaml names for
        the subject ("por quê?" after the next decade's focus: why a green economy matters),
        when it speaks of what the message names; else a bare "why?" gets None. A message that
        names what the subject never speaks of, and no entry asked that speaks of, gets the
        first related entry that does ("e o mundo ganha o q com isso?" after what science
        cooperation brought: high tech driving global growth)."""
        cause = self.causes.get(subject)
        if why and cause is not None and self.neighbourhood.speaks_of_all(cause, facets):
            return cause
        if why and not facets:
            return None
        # Two steps away only for what it brings someone named but China ("what does Latin
        # America gain from it?" after green energy's projects: the green supply chain); "what
        # for?" after Xi's visit is what the visit was for, not what the Forum it leads to is
        # for.
        beyond = (
            self.neighbourhood.related_beyond(subject)
            if any(term not in self.china for term in facets)
            else []
        )
        asked = next(
            (
                each
                for each in (subject, *related, *beyond)
                if each in self.purposeful() and self.neighbourhood.speaks_of_all(each, facets)
            ),
            None,
        )
        if asked is not None or not facets or self.neighbourhood.speaks_of_all(subject, facets):
            return asked
        speaking = (each for each in related if self.neighbourhood.speaks_of_all(each, facets))
        return next(speaking, None)

    def _kept(self, about: Answer, terms: Sequence[str], question: str) -> list[str]:
        """The words of the subject's question a follow-up is read with: all of them, but
        the names when it brings a name of its own ("and Bolivia?" after Venezuela's
        satellites asks about Bolivia's, not Venezuela's and Bolivia's), and its question
        "how many" when it asks a question of its own ("这些数据用在哪些方面？", "数据对种地有用吗"
        after "研制了多少颗卫星？" ask what for, not how many)."""
        asked = about.question
        # Not one asking when ("是哪一年成立的" after how many members CELAC has): "how many"
        # keeps it off the forum's founding, which the article dates and CELAC's it does not.
        if (
            _CHINESE_HOW_MANY.search(asked)
            and asks(question)
            and Detail.DATE not in self.asked_details(question)
        ):
            asked = _CHINESE_HOW_MANY.sub(" ", asked)
        said = words(asked)
        if not any(term in self.named for term in terms):
            return said
        return [
            word for word in said if self.named.isdisjoint(self.normaliser.text_content_terms(word))
        ]

    def _only_of(self, question: str, subject: str, topics: Sequence[str]) -> str | None:
        """The entry a message asks about when it only asks if the subject holds for one thing
        alone: the subject when it speaks of all `topics` the message names ("only for
        brazil?" after the CBERS data), else the first neighbour that does ("just between
        governments?" after the fields of cooperation: the levels); None for anything else
        ("only china helped with vaccines?")."""
        # "只有巴西用？": the pairs at the edges of two Chinese words (有巴, 西用) name nothing.
        topics = [term for term in topics if self.normaliser.is_word(term)]
        # "es solo curiosidad": no word of the article, no "only X" about the subject.
        if (
            not asks_if_only(question)
            or not topics
            or len(topics) > MAX_BARE_TERMS
            or names_the_article(question)
        ):
            return None
        near = (subject, *sorted(self.neighbourhood.neighbours(subject)))
        return next((each for each in near if self.neighbourhood.speaks_of_all(each, topics)), None)

    def _is_the_article(self, turn: _Turn) -> bool:
        """Whether the subject is the article itself (what it is about, when it was written),
        not a person (who wrote it) or a thing it speaks of ("Does the article mention
        lithium?"): faq.yaml's first questions are English."""
        entry = turn.reader.entry(turn.subject)
        if entry is None:
            return False
        first = entry.questions[0].lower()
        return (
            names_the_article(first)
            and not first.startswith("who")
            and not _OF_A_THING_IN_IT.search(first)
        )

    def _shape(self, question: str, standalone: Reading, *, replying: bool = False) -> _Shape:
        """How a message stands towards the conversation's subject; `replying`: it is a reply
        to an answer."""
        terms = standalone.query.content if standalone.query else ()
        asks_something = bool(terms) or bool(words(question) and asks(question))
        # A word the article never uses ("讲个笑话", a joke) is a new subject.
        never_used = standalone.query.unknown if standalone.query else ()
        unknown = bool(never_used)
        first = questions(question)[0]
        its_name = asks_its_name(question)
        return _Shape(
            terms=terms,
            asks=asks_something,
            unknown=unknown,
            foreign=len(never_used) >= MIN_FOREIGN_WORDS
            and 2 * len(never_used) >= len(terms)
            and not has_cjk(question),
            points_back=points_back(first, replying=replying) or its_name,
            its_name=its_name,
            # Nothing but question words and chat ("when?", "which countries?", "what
            # else?"); a lone Chinese character is what is left of one ("有什么用": 有 once
            # 什么 is gone). A question about the article itself is no follow-up.
            bare=asks_something
            and len(terms) <= MAX_BARE_TERMS
            and not names_the_article(question)
            and all(
                term in self.question_terms
                or self.vocabulary.weight(term) <= LIGHT_WEIGHT
                or (len(term) == 1 and is_cjk(term))
                # "for what purpose?" asks what "what for?" does
                or (term in self.purpose_terms and asks_what_for(question))
                for term in terms
            ),
            # "什么时候成立的？": a short Chinese question that names no topic leaves its
            # subject out, as Chinese does where English says "it".
            elliptical=has_cjk(question)
            and not unknown
            # light words ("具体", exactly) are no more of a topic than question words
            and len(
                [
                    term
                    for term in terms
                    if term not in self.question_terms
                    and self.vocabulary.weight(term) > LIGHT_WEIGHT
                ]
            )
            <= MAX_BARE_TERMS
            and not any(
                self._names_a_topic(term) for term in terms if term not in self.question_terms
            ),
            short=len(words(question)) <= MAX_SHORT_WORDS,
            first=first,
        )

    def _near_miss_beside(self, subject: str, standalone: Reading, shape: _Shape) -> str | None:
        """The entry a short message nearly matched alone, when it is related to the subject
        and the message has no word the article lacks ("具体扩大了哪些贸易?" after farming: its
        trade); None for a message declined for another reason ("how does a dam work?" asks
        what the article never explains), which weighed no candidate."""
        own = standalone.answer
        if own.decision is not Decision.SUGGEST and own.decision is not Decision.DECLINE:
            return None
        # The candidate the decision weighed: its first suggestion, or for a decline the best
        # that names what the message names, whose score the decline keeps.
        first = own.suggestions[0].id if own.suggestions else None
        close = next(
            (
                each
                for each in standalone.candidates
                if each.document.id == first or (first is None and each.total == own.score)
            ),
            None,
        )
        if (
            close is None
            or not shape.short
            or shape.unknown
            or close.total < NEAR_MISS_SCORE
            or close.document.id not in self.neighbourhood.linked(subject)
        ):
            return None
        return close.document.id

    def _names_its_own(self, subject: str, own: str, topics: Sequence[str]) -> bool:
        """Whether a message names a topic the subject never speaks of: its rarest keyword
        topic, or a rare word the entry that answers it alone speaks of."""
        keyword_topics = [term for term in topics if term in self.topic_terms]
        rarest = max(keyword_topics, key=self.vocabulary.weight, default=None)
        if rarest is not None and not self.neighbourhood.speaks_of(subject, [rarest]):
            return True
        # "y las inversiones?" after the fields of cooperation, which names investment in
        # passing: the neighbour asked about investment is about it, the overview is not. Not
        # a year ("foi em 2024?"), which dates rather than names a topic.
        if (
            rarest is not None
            and not rarest.isdigit()
            and own in self.neighbourhood.neighbours(subject)
            and rarest in self.asked_about.get(own, frozenset())
            and rarest not in self.asked_about.get(subject, frozenset())
        ):
            return True
        return any(
            term not in self.detail_terms
            and self._names_a_topic(term)
            # not the edge of a Chinese question word ("有多" in "有多少")
            and not _CHINESE_QUESTION_CHARACTER.search(term)
            and not self.neighbourhood.speaks_of(subject, [term])
            and self.neighbourhood.speaks_of(own, [term])
            for term in topics
        )

    def _asks_only_a_detail(self, question: str, shape: _Shape, *, of: str | None = None) -> bool:
        """Whether a message asks a detail and names nothing else ("when?", "which year?"), or
        no country but one the subject `of` names ("which city in Brazil?" after the G20), or
        who paid for it ("who funds it?")."""
        # The words first: asked_details runs many patterns over the text.
        detail_words = self._detail_words(question, shape.terms)
        return all(
            term in detail_words
            or term in self.question_terms
            or (
                of is not None
                and term in self.countries
                and self.neighbourhood.speaks_of(of, (term,))
            )
            for term in shape.terms
        ) and bool(self.asked_details(question))

    def _detail_words(self, question: str, terms: Sequence[str]) -> frozenset[str]:
        """The terms that ask a detail in this message rather than name a topic: the words of
        a detail ("year", "city"), the words of paying when it asks who paid ("¿quién lo
        financia?" asks a detail of the subject, not of the Trust Fund), and of a beginning
        when it asks when ("when did it start?" asks the subject's date, not of a start), and
        what a count counts when it asks how many ("how many countries?" after the farm trade
        asks how many countries take part in it, not how many CELAC has)."""
        detail_words = self.detail_terms
        if (
            self.funding_terms.isdisjoint(terms)
            and self.beginning_terms.isdisjoint(terms)
            and self.count_units.isdisjoint(terms)
        ):
            return detail_words
        asked = self.asked_details(question)
        if Detail.FUNDER in asked:
            detail_words |= self.funding_terms
        if DATES.intersection(asked):
            detail_words |= self.beginning_terms
        if Detail.COUNT in asked:
            detail_words |= self.count_units
        return detail_words

    def _names_a_topic(self, term: str) -> bool:
        """Whether a query term is a topic of the article: a keyword's, or a rare word (not a
        chat word, not the edge of two Chinese words such as 候成 in 时候成立)."""
        if term in self.topic_terms:
            return True
        return (
            self.normaliser.is_word(term)
            and self.vocabulary.weight(term) >= self.vocabulary.max_idf * NAME_RARITY
        )

    def _names_a_topic_besides_a_place(self, whole: Reading, part: Reading) -> bool:
        """Whether a message names a topic of the article (a keyword's or a rare name) outside
        its question: a country alone is where the asker lives, not what they ask about, and
        a rare word ("não", in "não sabia") names nothing."""
        own = set(part.query.content) if part.query else set()
        return whole.query is not None and any(
            term not in own
            and term not in self.countries
            and (term in self.topic_terms or term in self.named)
            for term in whole.query.content
        )

    def _facets(self, question: str, standalone: Reading) -> list[str]:
        """The topics a follow-up names ("research" in "what research will it do?"); none
        for one that asks a detail ("when did it start?"): that is the subject's, given or
        not."""
        if self.asked_details(question) or standalone.query is None:
            return []
        return [
            term
            for term in standalone.query.content
            if term in self.topic_terms
            and term not in self.question_terms
            # not the article's own subject ("in latin america" after BGI asks of its lab in
            # Uruguay, not of the companies "active in Latin America")
            and self.vocabulary.weight(term) > _EVERYWHERE_WEIGHT
        ]

    def _opening_names_its_subject(
        self, reader: Reader, question: str, shape: _Shape, standalone: Reading, subject: str
    ) -> bool:
        """Whether the words before the message's first question, read alone, are about what
        the message answers on its own (not the subject), naming a topic of the article besides
        a place: "I'm from Brazil. when was it?" still asks about the subject."""
        own = standalone.answer
        lead = words_before(question, shape.first)
        if own.decision is not Decision.ANSWER or own.id == subject or not lead:
            return False
        opening = reader.read(lead, own.requested_lang)
        return (
            bool(opening.candidates)
            and opening.candidates[0].document.id == own.id
            and self._names_a_topic_besides_a_place(opening, standalone)
        )

    def details_of_the_one_before(
        self,
        reader: Reader,
        asking: Sequence[str],
        parts: Sequence[Reading],
        whole: Callable[[], Reading],
        *,
        opening: Callable[[], Reading],
    ) -> list[Reading]:
        """The parts of a message, a part that only asks a detail of the question before it
        ("what did BYD build, and when?", "... and in which year?") read as its follow-up; the
        first part, of what the words before it are about ("I read about BYD's plant. When?
        And what about CBERS?"), else the whole message."""
        read = list(parts)
        shapes = [self._shape(text, reading) for text, reading in zip(asking, parts, strict=True)]
        for index, shape in enumerate(shapes):
            # "Boa tarde, estás aí? ... o que significa a sigla CELAC, ...": a greeting asks
            # nothing of what comes after it.
            if read[index].answer.decision is Decision.SMALLTALK:
                continue
            detail_only = self._asks_only_a_detail(asking[index], shape)
            topics = [term for term in shape.terms if term not in self.question_terms]
            # A first Chinese part that leaves its subject out and is unanswered alone
            # ("...习主席11月出访拉美，请问此行是哪几天，...") is about what the words before it
            # name; another first part, about what the whole message answers, cannot change.
            left_out = shape.elliptical and read[index].answer.decision is not Decision.ANSWER
            # So is a first part that points back at them: "I have heard there is some special
            # flights for e-commerce parcels, is it true and why they increased it?" (not just
            # the fact that routes were added). Only when the words before answer ("so what's
            # in it for china, mate?" opens the message, and the whole is no better), and
            # unless it is sure of an entry related to theirs: "The CBERS data goes to Africa.
            # What is it used for?" asks the data's uses.
            pointing = (
                not index
                and shape.points_back
                and opening() is not whole()
                and not (
                    read[index].answer.margin >= SURE_MARGIN
                    and read[index].answer.id
                    in self.neighbourhood.linked(opening().answer.id or "")
                )
            )
            if not index and not (shape.bare or detail_only or left_out or pointing):
                continue
            leaned_on = read[index - 1] if index else opening()
            # "...; could you remind me of the exact dates, and which summits he attended?":
            # a first part that only asks a detail, when no words before it answer, asks it of
            # what the next part answers rather than of the whole message.
            if (
                not index
                and detail_only
                and (leaned_on is whole() or leaned_on.answer.decision is not Decision.ANSWER)
                and len(read) > 1
                and read[1].answer.decision is Decision.ANSWER
            ):
                leaned_on = read[1]
            before = leaned_on.answer
            # Nothing to read with (no answer before), or nothing to change (this part's own
            # answer is that one already).
            if before.decision is not Decision.ANSWER or not before.id:
                # "... it helps a bigger group too? who is that": a later part that only
                # points back to a part that found nothing is no question of its own ("...
                # from a newspaper? what does it say about lithium?" is one); nor one that
                # leaves its subject out after a part only suggested ("... that system that
                # photographs the Earth? Serve pra quem?").
                # Nor one that points back and is unsure of its own answer: "what is NIO's
                # battery swap thing and is it any good" asks nothing of the farm trade. Nor
                # one that points back to a question declined outright (no candidate at all)
                # and names nothing of its own besides one word: "how much is a visa to
                # Brazil and how long does it take?" asks no date of the article; "...? and
                # what did BYD build there?" still asks its own question.
                if (
                    index
                    and (shape.points_back or before.decision is Decision.SUGGEST)
                    and (
                        shape.bare
                        or (shape.short and read[index].answer.margin < SURE_MARGIN)
                        or (
                            before.decision is Decision.DECLINE
                            and not before.score
                            and asks(asking[index - 1])
                            and len(topics) <= 1
                        )
                    )
                    and read[index].answer.decision is Decision.ANSWER
                ):
                    read[index] = replace(read[index], answer=whole().answer)
                continue
            if read[index].answer.id == before.id:
                continue
            # A later Chinese part that leaves its subject out ("...在哪儿？啥时候建成的") is
            # about the part before, as a reply leaving "it" out would be; so is a bare one
            # ("... opened a lab there, and for what purpose?").
            # "... ese centro de alimentos... cuándo lo abrieron? y qué investigaciones van a
            # hacer?": a later part that leaves its subject out, as Spanish and Portuguese do,
            # asking of what the part before it answered (its answer speaks of all the part
            # names) rather than of the neighbour the part alone finds
            asks_membership = bool(asked_members(asking[index]))
            of_the_one_before = (
                index
                and topics
                # "And what is CELAC?" after the forum is sure of its own answer
                and read[index].answer.margin < SURE_MARGIN
                and read[index].answer.id in self.neighbourhood.neighbours(before.id)
                and self.neighbourhood.speaks_of_all(before.id, topics)
            )
            if (
                shape.bare
                or detail_only
                or left_out
                or pointing
                or of_the_one_before
                # "... autos eléctricos? ¿Chile está en la lista?": whether a country is among
                # those the part before lists
                or (index and (shape.points_back or shape.elliptical or asks_membership))
                # "how many countries have farm deals with china? and wat kind of tech": a
                # short later part unsure alone asks it of the part before
                or (index and shape.short and read[index].answer.decision is Decision.SUGGEST)
            ):
                answer = self.with_subject(
                    reader,
                    asking[index],
                    before.id,
                    read[index],
                    replying=False,
                    detail=detail_only,
                )
                # Read with the words before it in the message ("I read about the new food
                # hub. What is it for?"), it is about what they name: the chat's subject must
                # then find those words, not the bare question's. Only when they name a topic
                # ("soy de México. ¿cuáles son?" after the 19 farming partners, "não sabia. e
                # quantos são?" after CBERS still ask about them), and no other question of
                # the message names something of its own ("which are they? is Mexico one?").
                kept = (
                    leaned_on
                    if not index
                    and self._names_a_topic_besides_a_place(leaned_on, read[index])
                    and all(each.bare for each in shapes)
                    else read[index]
                )
                read[index] = replace(kept, answer=replace(answer, context=""))
        return read


def _unqualified(facets: Sequence[str], standalone: Reading) -> list[str]:
    """The facets a message names, but none followed by a rare word the article never uses:
    "green hydrogen" is no kind of green the article speaks of ("lo digital qué necesita"
    asks what digital needs)."""
    query = standalone.query
    if query is None or not query.unknown:
        return list(facets)
    everyday = everyday_stems()
    qualified = {
        term
        for term, following in itertools.pairwise(query.content)
        if following in query.unknown and following not in everyday
    }
    return [facet for facet in facets if facet not in qualified]


def _without_overviews(reader: Reader, ids: frozenset[str]) -> frozenset[str]:
    """The entries that are no overview (of the article or of a country)."""
    return frozenset(
        each
        for each in ids
        if (entry := reader.entry(each)) is None or entry.topic != OVERVIEW_TOPIC
    )
