"""Settings from the environment and `.env` (see .env.example for every one).

The only module that reads the environment: commands build `Settings` once and pass its parts
down (`Settings.retrieval` to the retriever), so nothing below depends on the shell or `./.env`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from celacbot import locations

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


ENV_PREFIX = "CELACBOT_"
WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{16,256}")


class RetrievalSettings(BaseModel):
    """Decision thresholds of the retriever (scores are 0-100), chosen from `celacbot eval`.

    A plain model: its defaults are the shipped tuning, whatever the environment holds.
    `Settings` reads each field from CELACBOT_<FIELD>.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    answer_threshold: float = Field(default=40.0, ge=0, le=100)
    suggest_threshold: float = Field(default=38.0, ge=0, le=100)
    # The answer threshold when the question names things of the article (BYD, Panama) and
    # the entry speaks of all of them.
    named_answer_threshold: float = Field(default=35.0, ge=0, le=100)
    margin: float = Field(default=3.0, ge=0, le=100)
    # A question about the article's subject (it names China and a Latin American side, or the
    # article itself): its leader is answered with a lower score when it is this far clear of
    # the runner-up and speaks of this share of the question's other words (by weight).
    framed_answer_threshold: float = Field(default=30.0, ge=0, le=100)
    framed_margin: float = Field(default=8.0, ge=0, le=100)
    framed_min_coverage: float = Field(default=0.5, ge=0, le=1)
    # Share of the question's (rarity-weighted) words an entry must cover to be answered, and
    # to be offered as "did you mean": a question whose words the article mostly lacks is
    # off topic, however well one word matches.
    min_coverage: float = Field(default=0.37, ge=0, le=1)
    suggest_min_coverage: float = Field(default=0.45, ge=0, le=1)
    # How much a word the knowledge base never uses counts against a question, as a share of
    # the rarest known word's weight ("population" in "population of Brazil").
    unknown_word_weight: float = Field(default=1.2, ge=0, le=2)
    # total = fuzzy_weight * character similarity to the closest phrasing (squared, so only
    #         near-exact phrasings score high) + phrase_weight * rarity-weighted word similarity
    #         to the closest phrasing + entity_weight * keyword overlap + the rest * word overlap
    #         with the whole entry; every part is 0-100.
    fuzzy_weight: float = Field(default=0.3, ge=0, le=1)
    phrase_weight: float = Field(default=0.3, ge=0, le=1)
    entity_weight: float = Field(default=0.1, ge=0, le=1)
    max_query_chars: int = Field(default=500, ge=10)

    @model_validator(mode="after")
    def _weights_leave_room_for_overlap(self) -> RetrievalSettings:
        """The three weights share 1 with the word overlap, so they may not exceed it."""
        if self.fuzzy_weight + self.phrase_weight + self.entity_weight > 1:
            raise ValueError(
                "CELACBOT_FUZZY_WEIGHT + CELACBOT_PHRASE_WEIGHT + CELACBOT_ENTITY_WEIGHT"
                " must be at most 1"
            )
        return self


class Settings(BaseSettings, RetrievalSettings):
    """Everything the bot and the CLI read from the environment, the retrieval settings
    included (CELACBOT_ANSWER_THRESHOLD ...); an empty variable counts as unset."""

    # The prefix names the inherited retrieval fields; every other field has its own alias.
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=".env", extra="ignore", frozen=True, env_ignore_empty=True
    )

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot", alias="TELEGRAM_API_BASE_URL"
    )
    knowledge: Path = Field(default_factory=locations.default_knowledge, alias="CELACBOT_KNOWLEDGE")
    data_dir: Path = Field(default_factory=locations.default_data_dir, alias="CELACBOT_DATA_DIR")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), alias="CELACBOT_ADMIN_IDS"
    )
    # The question log keeps the newest events, none older than the age (pruned as it grows).
    log_max_events: int = Field(default=100_000, ge=1, alias="CELACBOT_LOG_MAX_EVENTS")
    log_max_age_days: int = Field(default=365, ge=1, alias="CELACBOT_LOG_MAX_AGE_DAYS")
    webhook_url: str | None = Field(default=None, alias="CELACBOT_WEBHOOK_URL")
    # Unset: a random one for each run. Telegram allows 1-256 of these characters; fewer than
    # 16 would be guessable.
    webhook_secret: SecretStr | None = Field(default=None, alias="CELACBOT_WEBHOOK_SECRET")
    listen: str = Field(default="127.0.0.1", alias="CELACBOT_LISTEN")
    port: int = Field(default=8443, ge=1, le=65535, alias="CELACBOT_PORT")
    log_level: str = Field(default="INFO", alias="CELACBOT_LOG_LEVEL")
    rate_limit: float = Field(default=30.0, ge=0, alias="CELACBOT_RATE_LIMIT")
    bootstrap_retries: int = Field(default=5, ge=-1, alias="CELACBOT_BOOTSTRAP_RETRIES")
    poll_timeout: int = Field(default=30, ge=0, alias="CELACBOT_POLL_TIMEOUT")
    concurrent_updates: int = Field(default=8, ge=1, alias="CELACBOT_CONCURRENT_UPDATES")
    # Long polling fetches more updates only while fewer than this many await an answer.
    max_pending_updates: int = Field(default=100, ge=1, alias="CELACBOT_MAX_PENDING_UPDATES")
    # At a stop, how long the bot goes on answering the updates it holds; the journal keeps
    # the rest for the next start. Under a container runtime's usual 10 s grace.
    drain_seconds: float = Field(default=8.0, ge=0, le=3600, alias="CELACBOT_DRAIN_SECONDS")
    # Per-user flood control: a burst of this many messages, then this many per second;
    # a rate of 0 turns it off.
    user_burst: int = Field(default=5, ge=1, alias="CELACBOT_USER_BURST")
    user_rate: float = Field(default=1.0, ge=0, alias="CELACBOT_USER_RATE")
    # How long a chat's subject is used for follow-ups ("when?", "and Chile?"); 0 turns it off.
    context_minutes: float = Field(default=10.0, ge=0, alias="CELACBOT_CONTEXT_MINUTES")

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept "1, 2,3" from the environment as well as a list."""
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _strong_secret(cls, value: SecretStr | None) -> SecretStr | None:
        """16-256 characters of Telegram's alphabet for secret tokens."""
        if value is not None and not WEBHOOK_SECRET.fullmatch(value.get_secret_value()):
            raise ValueError(
                "must be 16 to 256 characters of A-Z, a-z, 0-9, _ and - "
                "(or unset: a random one is made for each run)"
            )
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        """One of logging's level names, in any case."""
        level = value.strip().upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}, not {value!r}")
        return level

    @property
    def retrieval(self) -> RetrievalSettings:
        """The retriever's part of the settings."""
        return RetrievalSettings.model_validate(
            self.model_dump(include=set(RetrievalSettings.model_fields))
        )


def variable_name(field: str) -> str:
    """The environment variable behind a field or alias of `Settings`."""
    return f"{ENV_PREFIX}{field.upper()}" if field in RetrievalSettings.model_fields else field


def settings_error(error: ValidationError) -> str:
    """The first problem of invalid settings in one line, naming the variable."""
    first = error.errors()[0]
    message = first["msg"].removeprefix("Value error, ")
    if not first["loc"]:
        return f"invalid settings: {message}"
    where = ", ".join(variable_name(str(part)) for part in first["loc"])
    value = first.get("input")
    secret = any(word in where for word in ("TOKEN", "SECRET"))
    shown = f" (got {value!r})" if isinstance(value, str) and not secret else ""
    return f"invalid setting {where}: {message}{shown}"
