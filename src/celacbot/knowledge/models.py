"""Pydantic models of knowledge/faq.yaml: the contract between maintainers and the bot."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from celacbot.languages import ENGLISH, TRANSLATION_LANGUAGES, Language, TranslationLanguage

# Ids travel in Telegram callback_data (64 bytes) behind a short prefix such as "a:".
MAX_ID_BYTES = 48
MAX_ANSWER_CHARS = 800
# A button on a phone shows about 32 characters; labels shown together must differ within
# the first 20, the part that stays visible when Telegram cuts a label in a narrow column.
MAX_LABEL_CHARS = 32
LABEL_DISTINCT_CHARS = 20

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=MAX_ID_BYTES),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Question = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
# Empty, or an http(s) address with nothing HTML or Telegram could misread.
Url = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^(?:https?://[^\s<>\"']+)?$")
]
Label = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=2, max_length=MAX_LABEL_CHARS)
]
_LABEL_DESCRIPTION = (
    f"The entry's name on buttons: at most {MAX_LABEL_CHARS} characters, and different from"
    f" every other entry's label in the same language within its first {LABEL_DISTINCT_CHARS}."
)
_TOPIC_TITLE_DESCRIPTION = (
    f"The topic's name, on buttons too: at most {MAX_LABEL_CHARS} characters, and different"
    f" from every other topic's title in the same language within its first"
    f" {LABEL_DISTINCT_CHARS}."
)
# Text the bot sends as a message of its own, such as a translated answer or fact.
MessageText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ANSWER_CHARS)
]
# Languages besides English; English is the base language of every field.
Lang = TranslationLanguage
_LANGS = frozenset(TRANSLATION_LANGUAGES)
_T = TypeVar("_T")


def translated(translations: Mapping[Lang, _T], lang: str | None) -> _T | None:
    """The translation into `lang` ("en" or any code faq.yaml does not translate into: None)."""
    return translations.get(lang) if lang in _LANGS else None


class _Strict(BaseModel):
    """Unknown keys are typos, so they are errors, not silently ignored."""

    # The loader keeps plain scalars as written except canonical integers (`2025`), which
    # turn back into exactly the same text where a string is expected.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Source(_Strict):
    """The article the knowledge base is built from."""

    title: Text
    author: Text = Field(description="The author as the article's last line describes them.")
    file: Text = Field(description="The article's file, relative to faq.yaml.")
    url: Url = Field(
        default="",
        description="Where the article is published, when known; empty for none. Bylines link it.",
    )
    year: int | None = Field(
        default=None,
        ge=1900,
        le=2100,
        description=(
            "The year the article speaks from, when known: a question naming it asks about the"
            " article's own time, so an answer need not repeat the year."
        ),
    )


class TopicTranslation(_Strict):
    """A topic's title and description in one more language."""

    title: Label = Field(description=_TOPIC_TITLE_DESCRIPTION)
    description: Text


class Topic(_Strict):
    """A theme of the article; entries and facts belong to one."""

    id: Slug
    title: Label = Field(description=_TOPIC_TITLE_DESCRIPTION)
    description: Text
    translations: dict[Lang, TopicTranslation] = Field(
        default_factory=dict, description="The title and description in other languages."
    )


class EntryTranslation(_Strict):
    """An entry's label, questions and answer in one more language."""

    label: Label = Field(description=_LABEL_DESCRIPTION)
    questions: list[Question] = Field(
        min_length=3,
        description="The first is the canonical question; the others are paraphrases users type.",
    )
    answer: MessageText = Field(
        description="The English answer translated: plain text, a blank line between paragraphs."
    )


class Entry(_Strict):
    """One FAQ entry: a question in several phrasings and its answer."""

    id: Slug
    topic: Slug
    label: Label = Field(description=_LABEL_DESCRIPTION)
    questions: list[Question] = Field(
        min_length=4,
        description="The first is the canonical question; the others are paraphrases users type.",
    )
    answer: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] = Field(
        max_length=MAX_ANSWER_CHARS,
        description="Plain text in our own words; a blank line separates paragraphs.",
    )
    source: list[Text] = Field(
        min_length=1, description="Verbatim quotes from the article that support the answer."
    )
    related: list[Slug] = Field(default_factory=list, max_length=3)
    cause: Slug | None = Field(
        default=None,
        description="The entry that tells why this answer is so: a bare 'why?' after it gets it.",
    )
    keywords: list[Text] = Field(default_factory=list)
    translations: dict[Lang, EntryTranslation] = Field(
        default_factory=dict, description="The label, questions and answer in other languages."
    )

    @property
    def canonical_question(self) -> str:
        """The question an answer is headed with."""
        return self.questions[0]

    def phrasings(self) -> list[tuple[str, Language]]:
        """Every question of the entry, English first, each with its language."""
        return [(question, ENGLISH) for question in self.questions] + [
            (question, lang)
            for lang, translation in self.translations.items()
            for question in translation.questions
        ]

    def question_in(self, lang: str) -> str:
        """The canonical question in `lang` when translated, else in English."""
        translation = translated(self.translations, lang)
        return translation.questions[0] if translation else self.canonical_question

    def label_in(self, lang: str) -> str:
        """The button label in `lang` when translated, else in English."""
        translation = translated(self.translations, lang)
        return translation.label if translation else self.label


class Fact(_Strict):
    """One atomic, self-contained fact from the article, for long-tail questions."""

    id: Slug
    topic: Slug
    text: Text = Field(max_length=MAX_ANSWER_CHARS)
    source: Text = Field(description="The verbatim article quote that states the fact.")
    keywords: list[Text] = Field(min_length=1)
    translations: dict[Lang, MessageText] = Field(
        default_factory=dict, description="The fact's text in other languages."
    )


class SmallTalk(_Strict):
    """Greetings, thanks and questions about the bot itself."""

    id: Slug
    patterns: list[Question] = Field(min_length=1, description="What users type, in any language.")
    answer: Text
    translations: dict[Lang, MessageText] = Field(
        default_factory=dict, description="The answer in other languages."
    )


class KnowledgeBase(_Strict):
    """The whole of faq.yaml."""

    version: Literal[1]
    source: Source
    topics: list[Topic] = Field(min_length=1)
    entries: list[Entry] = Field(min_length=1)
    facts: list[Fact] = Field(default_factory=list)
    synonyms: dict[Text, list[Text]] = Field(
        default_factory=dict, description="Canonical term -> variants users type."
    )
    language_synonyms: dict[Lang, dict[Text, list[Text]]] = Field(
        default_factory=dict,
        description="Per language: canonical term in that language -> variants users type.",
    )
    smalltalk: list[SmallTalk] = Field(default_factory=list)
