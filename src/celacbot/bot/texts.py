"""The bot's own words in every language it speaks: the catalogue texts.yaml, checked at load.

Every language must have every text with the same {placeholders} as English, so a gap in a
translation stops the bot at start-up instead of failing one user's message later.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Annotated, Final, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

from celacbot.knowledge.models import MAX_LABEL_CHARS

Language = Literal["en", "es", "pt", "zh"]
LANGUAGES: Final[tuple[Language, ...]] = get_args(Language)
ENGLISH: Final[Language] = "en"

Line = Annotated[str, StringConstraints(min_length=1)]
# A button's text, short enough for a phone (the same limit as faq.yaml's labels).
Button = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LABEL_CHARS)]
# Telegram's limits for the command menu and the bot's profile texts.
CommandDescription = Annotated[str, StringConstraints(min_length=1, max_length=256)]
ShortDescription = Annotated[str, StringConstraints(min_length=1, max_length=120)]
Description = Annotated[str, StringConstraints(min_length=1, max_length=512)]


class _Texts(BaseModel):
    """A missing or misspelt key is an error, not a silently English or empty text."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Commands(_Texts):
    """The command menu's descriptions (plain text)."""

    start: CommandDescription
    help: CommandDescription
    topics: CommandDescription
    source: CommandDescription
    about: CommandDescription
    ask: CommandDescription


class Profile(_Texts):
    """What Telegram shows about the bot before a chat starts (plain text)."""

    short_description: ShortDescription
    description: Description
    commands: Commands


class Texts(_Texts):
    """Everything the bot says in one language; messages are Telegram HTML."""

    hello: Line
    hello_name: Line
    greeting: Line
    help: Line
    about: Line
    source_overview: Line
    source_byline: Line
    topics: Line
    topic: Line
    suggest: Line
    decline: Line
    none_of_these: Line
    english_only: Line
    follow_up: Line
    source_button: Button
    hide_source_button: Button
    topics_button: Button
    ask_more_button: Button
    inline_nothing: Button
    back_button: Button
    none_button: Button
    stale_notice: Line
    ask_usage: Line
    ask_hint: Line
    non_text: Line
    unknown_command: Line
    apology: Line
    slow_down: Line
    # An admin's /stats or /misses while the question log's disk does not answer.
    log_busy: Line
    profile: Profile


def placeholders(texts: Mapping[str, object], prefix: str = "") -> dict[str, frozenset[str]]:
    """The {placeholders} of every text, by dotted key ("profile.description")."""
    found: dict[str, frozenset[str]] = {}
    for key, value in texts.items():
        if isinstance(value, Mapping):
            found |= placeholders(value, f"{prefix}{key}.")
        else:
            parsed = string.Formatter().parse(str(value))
            found[prefix + key] = frozenset(name for _, name, _, _ in parsed if name is not None)
    return found


class Catalogue(_Texts):
    """The texts in every language."""

    en: Texts
    es: Texts
    pt: Texts
    zh: Texts

    @model_validator(mode="after")
    def _same_placeholders(self) -> Catalogue:
        english = placeholders(self.en.model_dump())
        for lang in LANGUAGES:
            theirs = placeholders(self.get(lang).model_dump())
            differing = [key for key, names in english.items() if theirs[key] != names]
            if differing:
                raise ValueError(f"{lang}: placeholders differ from English in {differing}")
        return self

    def get(self, lang: Language) -> Texts:
        """The texts in `lang`."""
        match lang:
            case "es":
                return self.es
            case "pt":
                return self.pt
            case "zh":
                return self.zh
            case _:
                return self.en


@cache
def catalogue() -> Catalogue:
    """The catalogue shipped with the package, loaded once."""
    source = files("celacbot.bot").joinpath("texts.yaml").read_text(encoding="utf-8")
    return Catalogue.model_validate(yaml.safe_load(source))


def texts(lang: Language) -> Texts:
    """Everything the bot says, in `lang`."""
    return catalogue().get(lang)
