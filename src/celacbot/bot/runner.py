"""Running the bot until it is stopped: a start-up that waits out a Bot API outage, then PTB's
run_webhook (when CELACBOT_WEBHOOK_URL is set) or run_polling.

The start-up is the bot's own, not run_*'s bootstrap_retries: PTB retries silently (its
retries are logged at DEBUG) and logs a traceback when it gives up, where an operator should
see one warning per attempt and, in the end, one line that says why the bot did not start.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import signal
from urllib.parse import urlsplit

from telegram.error import InvalidToken, NetworkError

from celacbot.bot.application import BotApplication, build_application
from celacbot.bot.constants import ALLOWED_UPDATES
from celacbot.config import Settings
from celacbot.misslog import DB_FILENAME

_LOGGER = logging.getLogger("celacbot.run")

# Back-off between start-up attempts while the Bot API is unreachable: 1, 2, 4 ... 30 s.
FIRST_RETRY_SECONDS = 1.0
MAX_RETRY_SECONDS = 30.0
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StartError(Exception):
    """The bot did not start; its text never holds the token."""


class TokenRejected(StartError):
    """Telegram rejected the bot token."""


class ApiUnreachable(StartError):
    """The Bot API stayed unreachable through every start-up attempt."""


class StoppedWhileStarting(StartError):
    """SIGINT or SIGTERM came before the Bot API could be reached."""


async def _initialize(application: BotApplication, settings: Settings) -> None:
    """Initialise the application (getMe), retrying with back-off while the Bot API is
    unreachable, CELACBOT_BOOTSTRAP_RETRIES times (-1: forever); the last error is raised."""
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
            _LOGGER.warning(
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


def run_bot(settings: Settings) -> None:
    """Run the bot with `settings` (which must carry a token) until SIGINT or SIGTERM.

    Raises a StartError when it could not start, and KnowledgeError for a broken knowledge
    file.
    """
    application = build_application(settings)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        # run_* find the application initialised and skip their own bootstrap's getMe.
        _start(loop, application, settings)
    except asyncio.CancelledError:
        loop.close()
        raise StoppedWhileStarting from None
    except InvalidToken:
        loop.close()
        # Not the error's text: PTB puts the rejected token in it.
        raise TokenRejected from None
    except NetworkError as error:
        loop.close()
        raise ApiUnreachable(str(error)) from None
    # After the checks above, whose failures are one line each. The default directory depends
    # on how celacbot was installed: say which one is in use.
    _LOGGER.info("Writing the question log to %s", (settings.data_dir / DB_FILENAME).absolute())
    _serve(application, settings)
