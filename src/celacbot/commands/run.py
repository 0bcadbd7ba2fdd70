"""`celacbot run`: the Telegram bot, on a webhook when CELACBOT_WEBHOOK_URL is set, else polling."""

from __future__ import annotations

import argparse
import signal
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from celacbot.commands import EXIT_CONFIG, load_settings

if TYPE_CHECKING:
    import asyncio

    from celacbot.bot.application import BotApplication
    from celacbot.config import Settings

MISSING_MESSAGE = (
    "celacbot run: TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather in Telegram "
    "(/newbot) and put its token in .env or the environment (see .env.example)."
)
REJECTED_MESSAGE = (
    "celacbot run: Telegram rejected TELEGRAM_BOT_TOKEN. "
    "Copy the token again from @BotFather (/mybots -> API Token)."
)
UNREACHABLE_MESSAGE = "celacbot run: cannot reach the Bot API at {url}: {error}"
STOPPED_MESSAGE = "celacbot run: stopped before the Bot API could be reached"
# Back-off between start-up attempts while the Bot API is unreachable: 1, 2, 4 ... 30 s.
FIRST_RETRY_SECONDS = 1.0
MAX_RETRY_SECONDS = 30.0
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments: none, every setting comes from the environment."""
    parser.epilog = "Settings come from the environment and .env; see .env.example."


def has_token(settings: Settings) -> bool:
    """True when a non-blank bot token is configured."""
    token = settings.telegram_bot_token
    return token is not None and bool(token.get_secret_value().strip())


async def _initialize(application: BotApplication, settings: Settings) -> None:
    """Initialise the application (getMe), retrying with back-off while the Bot API is
    unreachable, CELACBOT_BOOTSTRAP_RETRIES times (-1: forever); the last error is raised."""
    import asyncio
    import itertools
    import logging

    from telegram.error import NetworkError

    logger = logging.getLogger("celacbot.run")
    retries = settings.bootstrap_retries
    for attempt in itertools.count(1):
        try:
            await application.initialize()
            return
        except NetworkError as error:
            if 0 <= retries < attempt:
                raise
            delay = min(FIRST_RETRY_SECONDS * 2 ** (attempt - 1), MAX_RETRY_SECONDS)
            limit = "unlimited" if retries < 0 else str(retries)
            logger.warning(
                "Cannot reach the Bot API at %s (%s); retry %d of %s in %.0f s",
                settings.telegram_api_base_url,
                error,
                attempt,
                limit,
                delay,
            )
            await asyncio.sleep(delay)


def _start(
    loop: asyncio.AbstractEventLoop, application: BotApplication, settings: Settings
) -> None:
    """Initialise the application; SIGINT or SIGTERM meanwhile cancel it (CancelledError).

    PTB's run_* handle these signals once the bot runs; a stop asked for while start-up
    waits out an outage must be as clean.
    """
    starting = loop.create_task(_initialize(application, settings))
    for stop_signal in STOP_SIGNALS:
        loop.add_signal_handler(stop_signal, starting.cancel)
    try:
        loop.run_until_complete(starting)
    finally:
        for stop_signal in STOP_SIGNALS:
            loop.remove_signal_handler(stop_signal)


def _serve(application: BotApplication, settings: Settings) -> None:
    """Run until SIGINT/SIGTERM; PTB's run_* handle the signals and shut down cleanly."""
    from celacbot.bot.constants import ALLOWED_UPDATES

    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        application.run_webhook(
            listen=settings.listen,
            port=settings.port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
            bootstrap_retries=settings.bootstrap_retries,
        )
    else:
        application.run_polling(
            timeout=settings.poll_timeout,
            bootstrap_retries=settings.bootstrap_retries,
            allowed_updates=ALLOWED_UPDATES,
        )


def serve(settings: Settings) -> int:
    """Run the bot with `settings` (token required); the exit status."""
    import asyncio
    import logging

    from telegram.error import InvalidToken, NetworkError

    from celacbot.bot.application import build_application
    from celacbot.bot.logging import configure_logging
    from celacbot.knowledge.loader import KnowledgeError
    from celacbot.misslog.store import DB_FILENAME

    secrets = [settings.telegram_bot_token, settings.webhook_secret]
    redacting = configure_logging(
        settings.log_level.upper(), [secret.get_secret_value() for secret in secrets if secret]
    )
    application = build_application(settings)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        # Checking the token first turns a rejected one into one line instead of the
        # traceback PTB's bootstrap retry loop would log; run_* then skip initialisation.
        _start(loop, application, settings)
    except asyncio.CancelledError:
        loop.close()
        print(STOPPED_MESSAGE, file=sys.stderr)
        return 0
    except InvalidToken:
        # Not the error's text: PTB puts the rejected token in it.
        loop.close()
        print(REJECTED_MESSAGE, file=sys.stderr)
        return 1
    except NetworkError as error:
        loop.close()
        url = settings.telegram_api_base_url
        message = UNREACHABLE_MESSAGE.format(url=url, error=error)
        print(redacting.redact(message), file=sys.stderr)
        return 1
    # After the checks above, whose failures are one line each. The default directory depends
    # on how celacbot was installed: say which one is in use.
    logging.getLogger("celacbot.run").info(
        "Writing the question log to %s", (settings.data_dir / DB_FILENAME).absolute()
    )
    try:
        _serve(application, settings)
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
