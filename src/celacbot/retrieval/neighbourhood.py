"""What a follow-up can be about: the entries around the conversation's subject.

Contract: built once per knowledge base from its entries and facts and the terms each one's
text uses; it scores nothing itself. `neighbours(id)` is an entry, the entries of its topic
and those related to it either way (what "it" or "they" can be about); `linked(id)` only the
related ones; `defined_in(id)` the entry that says what the name a subject asks about is
("What is BGI Genomics?" after the lab BGI set up in Uruguay); `about_the_item()` the entry
about an item the subject lists, by each entry's first keyword ("and the digital part?" after
green and digital technologies); `pointed_at()` which neighbour a message that points back
("what do they trade?") asks about, from the scores the retriever gave its readings;
`what_it_is(id)` the terms that say what an entry is as a whole ("besides the summits" sets
Xi's summits aside); `related_beyond(id)` the entries two steps along `related`, in its topic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from celacbot.knowledge.models import Entry, Fact
from celacbot.retrieval.index import Scored
from celacbot.retrieval.normalise import fold

# How far a neighbour must outscore the subject (both readings summed) to take "it" over.
POINTED_LEAD = 15.0
# How an entry's first question asks what a name is.
_DEFINING = ("what is ", "what are ", "who is ")
# A term this many entries' labels and first keywords share says what none of them is alone.
_SHARED_BY = 3
# A label that names two things ("Vaccines and ventilators"): either is only part of it.
_TWO_THINGS = re.compile(r"\band\b|,|&")


class Neighbourhood:
    """The knowledge base's entries as a conversation moves between them."""

    def __init__(
        self,
        entries: Sequence[Entry],
        facts: Sequence[Fact],
        terms_of: Mapping[str, frozenset[str]],
        *,
        keyword_terms: Callable[[str], Sequence[str]],
        rare_name: Callable[[str], bool],
    ) -> None:
        """`terms_of`: the terms of each entry's and fact's text; `keyword_terms`: the terms
        of a keyword; `rare_name`: whether a name is rare enough to be what a chat is about
        ("BGI Genomics", not "CELAC")."""
        self._first_question = {entry.id: entry.questions[0] for entry in entries}
        self._fact_text = {fact.id: fact.text for fact in facts}
        self._terms_of = terms_of
        # What each entry is about (its first keyword's terms), and the kinds of thing it
        # names: the first term of each later keyword of two terms or more ("green" of "green
        # technologies").
        self._headline_terms = {
            entry.id: frozenset(keyword_terms(entry.keywords[0]))
            for entry in entries
            if entry.keywords
        }
        self._kinds = {
            entry.id: frozenset(
                terms[0]
                for keyword in entry.keywords[1:]
                if len(terms := keyword_terms(keyword)) > 1
            )
            for entry in entries
        }
        self._headlined = frozenset().union(*self._headline_terms.values())
        self._what_it_is = _what_each_is(entries, keyword_terms)
        self._related = {entry.id: entry.related for entry in entries}
        self._topic = {entry.id: entry.topic for entry in entries}
        self._linked = _linked(entries)
        self._neighbours = _neighbours(entries, self._linked)
        self._definitions = tuple(
            (_whole_words(name), entry_id)
            for name, entry_id in _definitions(entries)
            if rare_name(name)
        )

    def neighbours(self, subject: str) -> frozenset[str]:
        """The subject, its topic's entries and its related ones; empty for a fact."""
        return self._neighbours.get(subject, frozenset())

    def linked(self, subject: str) -> frozenset[str]:
        """The entries the subject names as related, or that name it."""
        return self._linked.get(subject, frozenset())

    def what_it_is(self, entry_id: str) -> frozenset[str]:
        """The terms of an entry's label and first two keywords that few others share: what it
        is as a whole ("summit" of the summits Xi attended); none for a label naming two
        things, or a fact."""
        return self._what_it_is.get(entry_id, frozenset())

    def related_beyond(self, subject: str) -> list[str]:
        """The entries of the subject's topic that its related entries name as related, in
        their order, and it does not: what green energy's projects lead on to (the green
        supply chain, and what it brings)."""
        related = self._related.get(subject, [])
        topic = self._topic.get(subject)
        return list(
            dict.fromkeys(
                further
                for each in related
                for further in self._related.get(each, [])
                if further != subject
                and further not in related
                and self._topic.get(further) == topic
            )
        )

    def defined_in(self, subject: str) -> str | None:
        """The entry that says what the name a subject asks about is: the longest name in the
        entry's question (or the fact's text); None when it names none."""
        said = fold(self._first_question.get(subject) or self._fact_text.get(subject, ""))
        return next((entry_id for name, entry_id in self._definitions if name.search(said)), None)

    def speaks_of(self, entry_id: str, terms: Iterable[str]) -> bool:
        """Whether an entry's or fact's text uses any of these terms."""
        said = self._terms_of.get(entry_id, frozenset())
        return any(term in said for term in terms)

    def speaks_of_all(self, entry_id: str, terms: Iterable[str]) -> bool:
        """Whether an entry's or fact's text uses every one of these terms."""
        return self._terms_of.get(entry_id, frozenset()).issuperset(terms)

    def about_the_item(self, subject: str, facets: Sequence[str]) -> str | None:
        """The entry about one of the kinds of thing the subject names, which a follow-up
        names ("and the digital part, what does it need?" after the next decade's focus,
        green and digital technologies): of the entries the subject names as related, the
        first whose first keyword holds the `facets` that are the subject's kinds, while the
        subject's first keyword holds none of them; one holding every facet first ("the
        green supply chain?"). None when there is none; not for the thing itself ("what kind
        of satellite is it?" after Bolivia's communication satellite)."""
        kinds = self._kinds.get(subject, frozenset())
        listed = [facet for facet in facets if facet in kinds]
        if not listed or self._headline_terms.get(subject, frozenset()).intersection(listed):
            return None
        # A topic the subject never speaks of is asked of its own ("and the digital economy?"
        # after the green energy supply chain).
        if any(facet in self._headlined for facet in facets if facet not in listed):
            return None
        related = self._related.get(subject, ())
        for named in (facets, listed):
            about = (
                each
                for each in related
                if self._headline_terms.get(each, frozenset()).issuperset(named)
            )
            if (found := next(about, None)) is not None:
                return found
        return None

    def pointed_at(
        self, subject: str, readings: Iterable[Scored], *, facets: Sequence[str]
    ) -> str | None:
        """The entry a message that points back ("what do they trade?") asks about: of the
        subject's neighbours, the one its `readings` (the message alone, and read with the
        subject) score best; a neighbour that speaks of the `facets` it names when the subject
        does not; None when the subject has no neighbours."""
        near = self._neighbours.get(subject)
        if near is None:
            return None
        # Both readings count: the message's own words name the facet, read with the subject
        # they keep to what was being talked about.
        together: dict[str, float] = {}
        for scored in readings:
            if scored.document.id in near:
                together[scored.document.id] = together.get(scored.document.id, 0.0) + scored.total
        if not together:
            return None
        best = max(together, key=together.__getitem__)
        # A topic the subject never speaks of ("what research will it do?" after food
        # security): the neighbour that matches best says it, however close the subject.
        if facets and not self.speaks_of(subject, facets):
            saying = [each for each in together if self.speaks_of(each, facets)]
            if saying:
                return max(saying, key=together.__getitem__)
        # The subject itself, unless a neighbour clearly matches better: "who runs it?" names
        # no facet, "what do they trade?" does.
        if subject in together and together[best] < together[subject] + POINTED_LEAD:
            return subject
        return best


def _definitions(entries: Sequence[Entry]) -> tuple[tuple[str, str], ...]:
    """(name, entry id) of every entry that says what a name is: its first question asks what
    its first keyword, a capitalised name, is ("What is BGI Genomics?"); longest names first,
    so that "China-CELAC Forum" is found before "CELAC"."""
    found = []
    for entry in entries:
        name = entry.keywords[0] if entry.keywords else ""
        question = fold(entry.questions[0])
        defining = question.startswith(_DEFINING) and _whole_words(fold(name)).search(question)
        if name[:1].isupper() and defining:
            found.append((fold(name), entry.id))
    return tuple(sorted(found, key=lambda pair: -len(pair[0])))


def _whole_words(phrase: str) -> re.Pattern[str]:
    """A pattern finding `phrase` as whole words ("ai" not in "Haiti")."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def _what_each_is(
    entries: Sequence[Entry], terms_of: Callable[[str], Sequence[str]]
) -> dict[str, frozenset[str]]:
    """Each entry's `Neighbourhood.what_it_is`: its label's and first two keywords' terms,
    less those three or more entries share ("xi" of his summits, visit and state visits)."""
    terms = {
        entry.id: frozenset(
            term for text in (entry.label, *entry.keywords[:2]) for term in terms_of(text)
        )
        if not _TWO_THINGS.search(entry.label)
        else frozenset()
        for entry in entries
    }
    shared = Counter(term for each in terms.values() for term in each)
    return {
        entry_id: frozenset(term for term in each if shared[term] < _SHARED_BY)
        for entry_id, each in terms.items()
    }


def _linked(entries: Sequence[Entry]) -> dict[str, frozenset[str]]:
    """The entries each entry names as related, or that name it."""
    linked: dict[str, set[str]] = {entry.id: set(entry.related) for entry in entries}
    for entry in entries:
        for other in entry.related:
            linked.setdefault(other, set()).add(entry.id)
    return {entry_id: frozenset(ids) for entry_id, ids in linked.items()}


def _neighbours(
    entries: Sequence[Entry], linked: dict[str, frozenset[str]]
) -> dict[str, frozenset[str]]:
    """Each entry's neighbourhood: itself, the entries of its topic and those `linked` to it
    (related either way), which is what "it" or "they" in a follow-up can be about."""
    by_topic: dict[str, frozenset[str]] = {}
    for entry in entries:
        by_topic[entry.topic] = by_topic.get(entry.topic, frozenset()) | {entry.id}
    return {**linked, **{entry.id: by_topic[entry.topic] | linked[entry.id] for entry in entries}}
