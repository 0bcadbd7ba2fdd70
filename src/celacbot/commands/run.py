"""`celacbot run`: the Telegram bot, on a webhook when CELACBOT_WEBHOOK_URL is set, else polling."""

from __future__ import annotations

import argparse
import signal
import sys
from typing import TYPE_CHECKING

from celacbot.commands import EXIT_CONFIG, load_settings

if TYPE_CHECKING:
    from celacbot.config import Settings

MISSING_MESSAGE = (
    "celacbot run: TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather in Telegram "
    "(/newbot) and put its token in .env or the environment (see .env.example)."
)
REJECTED_MESSAGE = (
    "celacbot run: Telegram rejected TELEGRAM_BOT_TOKEN. "
    "Copy the token again from @BotFather (/mybots -> API Token)."
)
REVOKED_MESSAGE = (
    "celacbot run: Telegram no longer accepts TELEGRAM_BOT_TOKEN (revoked or replaced); the "
    "bot stopped, and the journal keeps what it had not answered. Copy the new token from "
    "@BotFather (/mybots -> API Token) and start it again."
)
UNREACHABLE_MESSAGE = "celacbot run: cannot reach the Bot API at {url}: {error}"
STOPPED_MESSAGE = "celacbot run: stopped before the bot was serving"
NO_JOURNAL_MESSAGE = "celacbot run: cannot keep the update journal: {error}"
NO_LISTEN_MESSAGE = "celacbot run: cannot listen for the webhook on {error}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments: none, every setting comes from the environment."""
    parser.epilog = "Settings come from the environment and .env; see .env.example."


def has_token(settings: Settings) -> bool:
    """True when a non-blank bot token is configured."""
    token = settings.telegram_bot_token
    return token is not None and bool(token.get_secret_value().strip())


def serve(settings: Settings) -> int:
    """Run the bot with `settings` (token required); the exit status."""
    # Until the bot's own signal handlers take over (bot/runner.py), SIGTERM interrupts the
    # start-up as Ctrl-C does: one line and exit status 0, where its default would kill.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        return _serve(settings)
    except KeyboardInterrupt:
        print(STOPPED_MESSAGE, file=sys.stderr)
        return 0


def _serve(settings: Settings) -> int:
    from celacbot.bot.logging import configure_logging
    from celacbot.bot.runner import (
        ApiUnreachable,
        CannotListen,
        NoJournal,
        StoppedWhileStarting,
        TokenRejected,
        TokenRevoked,
        run_bot,
    )
    from celacbot.knowledge.loader import KnowledgeError

    secrets = [settings.telegram_bot_token, settings.webhook_secret]
    redacting = configure_logging(
        settings.log_level.upper(), [secret.get_secret_value() for secret in secrets if secret]
    )
    try:
        run_bot(settings)
    except StoppedWhileStarting:
        print(STOPPED_MESSAGE, file=sys.stderr)
    except TokenRejected:
        print(REJECTED_MESSAGE, file=sys.stderr)
        return 1
    except TokenRevoked:
        print(REVOKED_MESSAGE, file=sys.stderr)
        return 1
    except NoJournal as error:
        print(NO_JOURNAL_MESSAGE.format(error=error), file=sys.stderr)
        return 1
    except CannotListen as error:
        print(NO_LISTEN_MESSAGE.format(error=error), file=sys.stderr)
        return 1
    except ApiUnreachable as error:
        url = settings.telegram_api_base_url
        message = UNREACHABLE_MESSAGE.format(url=url, error=error)
        print(redacting.redact(message), file=sys.stderr)
        return 1
    except KnowledgeError as error:
        print("\n".join(error.problems), file=sys.stderr)
        return 1
    return 0


def run(args: argparse.Namespace) -> int:
    """Run the bot until stopped; 2 without a token, 1 when Telegram rejects it."""
    settings = load_settings("run")
    if settings is None:
        return EXIT_CONFIG
    if not has_token(settings):
        print(MISSING_MESSAGE, file=sys.stderr)
        return EXIT_CONFIG
    return serve(settings)
