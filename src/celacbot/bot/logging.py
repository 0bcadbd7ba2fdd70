"""Log set-up that keeps the bot token out of every log line."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

# Bot API URLs carry the token as "bot<id>:<secret>"; bare tokens look like "<id>:<secret>".
_URL_TOKEN = re.compile(r"bot\d+:[A-Za-z0-9_-]+")
_BARE_TOKEN = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}")
REDACTED = "<redacted>"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# httpx logs every request URL, token included, at INFO.
CHATTY_LOGGERS = ("httpx", "httpcore")


class TokenRedactingFilter(logging.Filter):
    """Replaces secrets and anything shaped like a bot token in messages and tracebacks."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = sorted((secret for secret in secrets if secret), key=len, reverse=True)

    def redact(self, text: str) -> str:
        """The text with every secret and token-shaped string replaced."""
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        text = _URL_TOKEN.sub(f"bot{REDACTED}", text)
        return _BARE_TOKEN.sub(REDACTED, text)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place (message, arguments, traceback); never drop it."""
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def configure_logging(level: str | int, secrets: Iterable[str]) -> TokenRedactingFilter:
    """Log to stderr at `level`, with httpx quiet and every root handler redacting `secrets`."""
    logging.basicConfig(format=LOG_FORMAT, level=level)
    logging.getLogger().setLevel(level)
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    redacting = TokenRedactingFilter(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redacting)
    return redacting
