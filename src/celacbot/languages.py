"""The languages celacbot speaks, defined once for every layer."""

from __future__ import annotations

from typing import Final, Literal, get_args

# English is the knowledge base's own language; the others are its translations.
Language = Literal["en", "es", "pt", "zh"]
TranslationLanguage = Literal["es", "pt", "zh"]
LANGUAGES: Final[tuple[Language, ...]] = get_args(Language)
TRANSLATION_LANGUAGES: Final[tuple[TranslationLanguage, ...]] = get_args(TranslationLanguage)
ENGLISH: Final[Language] = "en"
CHINESE: Final[Language] = "zh"
