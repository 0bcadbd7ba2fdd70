"""How much of a knowledge base each language covers, and the items a language leaves out."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import get_args

from celacbot.knowledge.document import Problem, YamlDocument
from celacbot.knowledge.models import KnowledgeBase, Lang

LANGS: tuple[Lang, ...] = get_args(Lang)


@dataclass(frozen=True, slots=True)
class Coverage:
    """Translated and total counts of one kind of item (entries, facts, ...) in one language."""

    kind: str
    translated: int
    total: int

    def __str__(self) -> str:
        return f"{self.translated}/{self.total} {self.kind}"


def _sections(kb: KnowledgeBase) -> dict[str, Sequence[Mapping[Lang, object]]]:
    """Each kind of item with its translations mapping, in faq.yaml's key order."""
    return {
        "topics": [topic.translations for topic in kb.topics],
        "entries": [entry.translations for entry in kb.entries],
        "facts": [fact.translations for fact in kb.facts],
        "smalltalk": [talk.translations for talk in kb.smalltalk],
    }


def used_languages(kb: KnowledgeBase) -> list[Lang]:
    """The languages any item is translated into, in the schema's order."""
    found = {
        lang
        for translations in _sections(kb).values()
        for mapping in translations
        for lang in mapping
    }
    return [lang for lang in LANGS if lang in found]


def coverage(kb: KnowledgeBase) -> dict[Lang, list[Coverage]]:
    """Per language used: how many entries, facts, topics and small talk it translates."""
    sections = _sections(kb)
    order = ("entries", "facts", "topics", "smalltalk")
    return {
        lang: [
            Coverage(kind, sum(lang in mapping for mapping in sections[kind]), len(sections[kind]))
            for kind in order
        ]
        for lang in used_languages(kb)
    }


def translation_gaps(
    kb: KnowledgeBase, document: YamlDocument, *, warning: bool = True
) -> Iterator[Problem]:
    """One problem per item that lacks a language the knowledge base translates into."""
    langs = used_languages(kb)
    for section, translations in _sections(kb).items():
        for index, mapping in enumerate(translations):
            missing = [lang for lang in langs if lang not in mapping]
            if missing:
                path = (section, index, "translations") if mapping else (section, index)
                message = f"no translation into {', '.join(missing)}"
                yield document.problem(path, message, warning=warning)
