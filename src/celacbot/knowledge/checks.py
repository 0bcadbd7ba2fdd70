"""Checks across a validated knowledge base that one model alone cannot make."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz, process

from celacbot.knowledge.document import Problem, YamlDocument, YamlPath
from celacbot.knowledge.models import (
    LABEL_DISTINCT_CHARS,
    Entry,
    Fact,
    KnowledgeBase,
    SmallTalk,
    Topic,
)

# Questions at least this alike (rapidfuzz ratio, 0-100) under two entries confuse the retriever.
CONFUSABLE_RATIO = 92.0
_NOT_WORD = re.compile(r"[^\w\s]")

IdAt = tuple[YamlPath, str]  # where an id is written, and the id
ENGLISH = "en"


def normalise_question(text: str) -> str:
    """A question without case, punctuation or extra whitespace, for finding repeats."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def normalise_whitespace(text: str) -> str:
    """Text with every run of whitespace made one space, so that quotes may wrap lines."""
    return " ".join(text.split())


def find_errors(kb: KnowledgeBase, document: YamlDocument, article: str | None) -> list[Problem]:
    """Every cross-reference problem; quotes are checked only when the article could be read."""
    problems = [
        *_duplicate_ids(kb, document),
        *_unknown_topics(kb, document),
        *_bad_links(kb, document),
        *_repeated_questions(kb, document),
        *_clashing_labels(kb, document),
    ]
    if article is not None:
        problems += _unquoted_sources(kb, document, article)
    return problems


def find_warnings(kb: KnowledgeBase, document: YamlDocument) -> list[Problem]:
    """Problems that do not stop the bot: questions so alike that users may get the wrong entry.

    Questions are compared within one language; small-talk patterns count as English.
    """
    by_lang: dict[str, list[tuple[YamlPath, str, str]]] = {}
    for path, owner, text, lang in _questions(kb):
        by_lang.setdefault(lang, []).append((path, owner, text))
    return [
        warning
        for questions in by_lang.values()
        for warning in _confusable_questions(questions, document)
    ]


def _confusable_questions(
    questions: Sequence[tuple[YamlPath, str, str]], document: YamlDocument
) -> Iterator[Problem]:
    texts = [normalise_question(text) for _, _, text in questions]
    for index, (path, owner, text) in enumerate(questions):
        # Comparing with earlier questions only reports each pair once.
        matches = process.extract(
            texts[index],
            texts[:index],
            scorer=fuzz.ratio,
            score_cutoff=CONFUSABLE_RATIO,
            limit=None,
        )
        for _, score, other in matches:
            other_path, other_owner, other_text = questions[other]
            # Identical questions are already errors.
            if other_owner == owner or texts[other] == texts[index]:
                continue
            message = (
                f"{text!r} is confusable with {other_text!r} of {document.label(other_path[:2])} "
                f"on line {document.mark(other_path)[0]} ({score:.0f}% alike)"
            )
            yield document.problem(path, message, warning=True)


def _ids(section: str, items: Sequence[Topic | Entry | Fact | SmallTalk]) -> list[IdAt]:
    return [((section, index, "id"), item.id) for index, item in enumerate(items)]


def _duplicate_ids(kb: KnowledgeBase, document: YamlDocument) -> Iterator[Problem]:
    # Entries, facts and small talk share one id space: callback data and logs name them by id.
    shared = [
        *_ids("entries", kb.entries),
        *_ids("facts", kb.facts),
        *_ids("smalltalk", kb.smalltalk),
    ]
    for group in (_ids("topics", kb.topics), shared):
        first_path: dict[str, YamlPath] = {}
        for path, ident in group:
            if ident not in first_path:
                first_path[ident] = path
                continue
            first = first_path[ident]
            where = f"{document.label(first[:2])} on line {document.mark(first)[0]}"
            yield document.problem(path, f"duplicate id {ident!r}, already used by {where}")


def _unknown_topics(kb: KnowledgeBase, document: YamlDocument) -> Iterator[Problem]:
    topics = [topic.id for topic in kb.topics]
    sections: list[tuple[str, Sequence[Entry | Fact]]] = [
        ("entries", kb.entries),
        ("facts", kb.facts),
    ]
    for section, items in sections:
        for index, item in enumerate(items):
            if item.topic not in topics:
                message = f"unknown topic {item.topic!r}; the topics are {', '.join(topics)}"
                yield document.problem((section, index, "topic"), message)


def _bad_links(kb: KnowledgeBase, document: YamlDocument) -> Iterator[Problem]:
    """Entries' `related` and `cause` ids that name no other entry, or one twice."""
    entry_ids = {entry.id for entry in kb.entries}
    for index, entry in enumerate(kb.entries):
        for position, related in enumerate(entry.related):
            path = ("entries", index, "related", position)
            if related == entry.id:
                yield document.problem(path, "an entry cannot be related to itself")
            elif related not in entry_ids:
                yield document.problem(path, f"{related!r} is not the id of an entry")
            elif related in entry.related[:position]:
                yield document.problem(path, f"{related!r} is listed twice")
        cause = ("entries", index, "cause")
        if entry.cause == entry.id:
            yield document.problem(cause, "an entry cannot be its own cause")
        elif entry.cause is not None and entry.cause not in entry_ids:
            yield document.problem(cause, f"{entry.cause!r} is not the id of an entry")


def _questions(kb: KnowledgeBase) -> Iterator[tuple[YamlPath, str, str, str]]:
    """(path, owner id, text, language) of every entry question, translated question and
    small-talk pattern."""
    for index, entry in enumerate(kb.entries):
        for position, question in enumerate(entry.questions):
            yield ("entries", index, "questions", position), entry.id, question, ENGLISH
        for lang, translation in entry.translations.items():
            for position, question in enumerate(translation.questions):
                path = ("entries", index, "translations", lang, "questions", position)
                yield path, entry.id, question, lang
    for index, talk in enumerate(kb.smalltalk):
        for position, pattern in enumerate(talk.patterns):
            yield ("smalltalk", index, "patterns", position), talk.id, pattern, ENGLISH


def _repeated_questions(kb: KnowledgeBase, document: YamlDocument) -> Iterator[Problem]:
    # The same words may well be a question in two languages ("cbers", "agenda 2030").
    first: dict[tuple[str, str], tuple[YamlPath, str]] = {}
    for path, owner, text, lang in _questions(kb):
        key = lang, normalise_question(text)
        if key not in first:
            first[key] = (path, owner)
            continue
        first_path, first_owner = first[key]
        where = f"{document.label(first_path)} on line {document.mark(first_path)[0]}"
        if first_owner == owner:
            yield document.problem(path, f"{text!r} repeats {where}")
        else:
            message = f"{text!r} is also a question of {where}; a question must lead to one entry"
            yield document.problem(path, message)


def _labels(kb: KnowledgeBase) -> Iterator[tuple[YamlPath, str, str]]:
    """(path, text, language) of every button text: entry labels and topic titles, English
    and translated."""
    for index, entry in enumerate(kb.entries):
        yield ("entries", index, "label"), entry.label, ENGLISH
        for lang, translation in entry.translations.items():
            yield ("entries", index, "translations", lang, "label"), translation.label, lang
    for index, topic in enumerate(kb.topics):
        yield ("topics", index, "title"), topic.title, ENGLISH
        for lang, topic_translation in topic.translations.items():
            yield ("topics", index, "translations", lang, "title"), topic_translation.title, lang


def _clashing_labels(kb: KnowledgeBase, document: YamlDocument) -> Iterator[Problem]:
    # Any entries may be shown together ("did you mean" picks them across topics), so every
    # label must stand apart from every other of its language where a cut button shows it;
    # topic titles likewise among themselves.
    first: dict[tuple[str, str, str], tuple[YamlPath, str]] = {}
    for path, text, lang in _labels(kb):
        start = normalise_whitespace(unicodedata.normalize("NFKC", text).casefold())
        key = str(path[0]), lang, start[:LABEL_DISTINCT_CHARS]
        if key not in first:
            first[key] = (path, text)
            continue
        first_path, first_text = first[key]
        where = f"{document.label(first_path[:2])} on line {document.mark(first_path)[0]}"
        yield document.problem(
            path,
            f"{text!r} begins like {first_text!r} of {where}: buttons shown together must"
            f" differ within their first {LABEL_DISTINCT_CHARS} characters",
        )


def _unquoted_sources(kb: KnowledgeBase, document: YamlDocument, article: str) -> Iterator[Problem]:
    text = normalise_whitespace(article)
    quotes: list[tuple[YamlPath, str]] = [
        (("entries", index, "source", position), quote)
        for index, entry in enumerate(kb.entries)
        for position, quote in enumerate(entry.source)
    ]
    quotes += [(("facts", index, "source"), fact.source) for index, fact in enumerate(kb.facts)]
    for path, quote in quotes:
        wanted = normalise_whitespace(quote)
        if wanted in text:
            continue
        matched = _longest_quoted_prefix(wanted, text)
        differs = wanted[matched : matched + 40]
        message = f"the quote is not in {kb.source.file}: the article has no {differs!r}"
        if matched:
            message += f" after {wanted[max(0, matched - 40) : matched]!r}"
        yield document.problem(path, message)


def _longest_quoted_prefix(quote: str, article: str) -> int:
    """The length of the longest start of quote that the article contains."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in article:
            low = middle
        else:
            high = middle - 1
    return low
