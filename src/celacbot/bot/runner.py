"""Running the bot until it is stopped: start-up, serving on a webhook (when
CELACBOT_WEBHOOK_URL is set) or by long polling, and a stop that saves what it holds.

Start-up waits out a Bot API outage, with one warning per attempt and, in the end, one line
that says why the bot did not start. The updates go through bot/delivery.py (at least once,
through the journal); PTB's run_polling and run_webhook are not used: their updater confirms
updates before they are answered and their webhook server reads a body before its secret.

Stopping: SIGINT or SIGTERM, however many arrive, start one stop. The bot takes no more
updates, answers those it holds for at most CELACBOT_DRAIN_SECONDS (counted from the first
signal), leaves the rest in the journal for the next start, then closes the knowledge watcher,
the question log and the journal. A signal during start-up ends it at once
(StoppedWhileStarting). A 401 from getUpdates (a revoked token) stops the bot the same way,
without waiting, and raises TokenRevoked.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import secrets
import signal
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TypeVar, cast
from urllib.parse import urlsplit

from telegram.error import InvalidToken, NetworkError

from celacbot.bot.application import BotApplication, build_application
from celacbot.bot.constants import ALLOWED_UPDATES
from celacbot.bot.conversation import Clock
from celacbot.bot.delivery import Delivery
from celacbot.bot.journal import JOURNAL_FILENAME, JournalError, UpdateJournal
from celacbot.bot.polling import TokenRevoked, poll
from celacbot.bot.webhook import TELEGRAM_CONNECTIONS, WebhookServer
from celacbot.config import Settings
from celacbot.misslog import DB_FILENAME

_LOGGER = logging.getLogger("celacbot.run")

# Back-off between start-up attempts while the Bot API is unreachable: 1, 2, 4 ... 30 s.
FIRST_RETRY_SECONDS = 1.0
MAX_RETRY_SECONDS = 30.0
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# A secret generated when none is configured: 32 random bytes, in Telegram's alphabet.
GENERATED_SECRET_BYTES = 32

R = TypeVar("R")


class StartError(Exception):
    """The bot did not start; its text never holds the token."""


class TokenRejected(StartError):
    """Telegram rejected the bot token."""


class ApiUnreachable(StartError):
    """The Bot API stayed unreachable through every start-up attempt."""


class StoppedWhileStarting(StartError):
    """SIGINT or SIGTERM came before the bot was serving."""


class NoJournal(StartError):
    """The update journal cannot be opened; its text says why."""


class CannotListen(StartError):
    """The webhook's address cannot be bound; its text says why."""


async def _retrying(call: Callable[[], Awaitable[R]], settings: Settings) -> R:
    """`call()`, retried with back-off while the Bot API is unreachable,
    CELACBOT_BOOTSTRAP_RETRIES times (-1: forever); the last error is raised."""
    retries = settings.bootstrap_retries
    for attempt in itertools.count(1):
        try:
            return await call()
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
    raise AssertionError("unreachable")


class _Source:
    """Where updates come from: the long-polling task, or the webhook's server."""

    def __init__(
        self, poller: asyncio.Task[None] | None = None, server: WebhookServer | None = None
    ) -> None:
        self.poller = poller
        self.server = server

    async def stop(self, grace: float) -> None:
        """Stop taking updates from Telegram (a webhook request in hand gets `grace` s)."""
        if self.server is not None:
            await self.server.stop(grace)
        if self.poller is not None:
            self.poller.cancel()
            await asyncio.wait([self.poller])

    def failure(self) -> BaseException | None:
        """What ended the poller, if something did."""
        poller = self.poller
        if poller is None or not poller.done() or poller.cancelled():
            return None
        return poller.exception()


async def _start_source(
    application: BotApplication, delivery: Delivery, settings: Settings
) -> _Source:
    try:
        return await _start_polling_or_webhook(application, delivery, settings)
    except InvalidToken:
        raise TokenRejected from None
    except NetworkError as error:
        raise ApiUnreachable(str(error)) from None


async def _start_polling_or_webhook(
    application: BotApplication, delivery: Delivery, settings: Settings
) -> _Source:
    bot = application.bot
    if not settings.webhook_url:
        # getUpdates is refused while a webhook is set, by an earlier run for instance.
        await _retrying(bot.delete_webhook, settings)
        poller = asyncio.create_task(
            poll(application, delivery, poll_timeout=settings.poll_timeout), name="poller"
        )
        _LOGGER.info("Serving by long polling")
        return _Source(poller=poller)
    if settings.webhook_secret is not None:
        secret = settings.webhook_secret.get_secret_value()
    else:
        secret = secrets.token_urlsafe(GENERATED_SECRET_BYTES)
        _LOGGER.info("No CELACBOT_WEBHOOK_SECRET set: Telegram gets a random one for this run")
    path = urlsplit(settings.webhook_url).path or "/"
    server = WebhookServer(delivery, bot, path=path, secret=secret)
    try:
        await server.start(settings.listen, settings.port)
    except OSError as error:
        raise CannotListen(
            f"{settings.listen}:{settings.port}: {error.strerror or error}"
        ) from None
    source = _Source(server=server)
    try:
        await _retrying(
            lambda: bot.set_webhook(
                settings.webhook_url or "",
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
                max_connections=TELEGRAM_CONNECTIONS,
            ),
            settings,
        )
    except BaseException:
        await source.stop(0.0)
        raise
    _LOGGER.info("Serving a webhook on %s:%d%s", settings.listen, settings.port, path)
    return source


async def _stop(
    delivery: Delivery, source: _Source, settings: Settings, loop: asyncio.AbstractEventLoop
) -> None:
    """Take no more updates, answer the held ones within the drain bound, leave the rest."""
    failed = source.failure()
    drain = 0.0 if failed is not None else settings.drain_seconds
    deadline = loop.time() + drain
    _LOGGER.info(
        "Stopping: answering the %d updates in hand for at most %g s", delivery.held, drain
    )
    delivery.stop_taking()
    await source.stop(deadline - loop.time())
    left = await delivery.drain(deadline - loop.time())
    if left:
        _LOGGER.warning(
            "Stopped with %d updates unanswered; the journal keeps them for the next start", left
        )
    else:
        _LOGGER.info("Stopped; every update taken was answered")


@asynccontextmanager
async def _saving_conversations(application: BotApplication) -> AsyncIterator[None]:
    """Hand the persistence the chats that changed every update_interval, as PTB's
    Application.start() would (bot/delivery.py serves the updates in its place). PTB saves
    once more at shutdown."""
    persistence = application.persistence
    if persistence is None:
        yield
        return
    stopped = asyncio.Event()

    async def save_periodically() -> None:
        while not stopped.is_set():
            try:
                await asyncio.wait_for(stopped.wait(), persistence.update_interval)
            except TimeoutError:
                try:
                    await application.update_persistence()
                except Exception:
                    # The next round tries again; answering goes on either way.
                    _LOGGER.exception("Saving the conversation subjects failed")

    saving = asyncio.create_task(save_periodically())
    try:
        yield
    finally:
        stopped.set()
        await saving


@asynccontextmanager
async def running(
    settings: Settings, stop: asyncio.Event | None = None, *, clock: Clock = time.time
) -> AsyncIterator[BotApplication]:
    """The bot serving for the block, as `celacbot run` runs it minus the signals; `stop` is
    set when the bot cannot go on (the block should then end); `clock` times conversation
    subjects. On leaving: the bounded stop, then TokenRevoked if that was the reason.

    Raises a StartError when it could not start, and KnowledgeError for a broken knowledge
    file.
    """
    loop = asyncio.get_running_loop()
    application = build_application(settings, clock=clock)
    try:
        # getMe: the bot's id names its journal rows.
        await _retrying(application.initialize, settings)
    except InvalidToken:
        # Not the error's text: PTB puts the rejected token in it.
        raise TokenRejected from None
    except NetworkError as error:
        raise ApiUnreachable(str(error)) from None
    try:
        journal_path = settings.data_dir / JOURNAL_FILENAME
        try:
            journal = await UpdateJournal.open(journal_path, application.bot.id)
        except JournalError as error:
            raise NoJournal(str(error)) from None
        try:
            if application.post_init is not None:
                await application.post_init(application)
            # After the checks above, whose failures are one line each. The default directory
            # depends on how celacbot was installed: say which one is in use.
            _LOGGER.info(
                "Writing the question log to %s", (settings.data_dir / DB_FILENAME).absolute()
            )
            delivery = Delivery(
                application,
                journal,
                limit=settings.max_pending_updates,
                concurrency=settings.concurrent_updates,
            )
            await delivery.start()
            try:
                source = await _start_source(application, delivery, settings)
            except BaseException:
                await delivery.drain(0.0)
                raise
            # A poller that ends (the token was revoked) ends the block.
            if source.poller is not None and stop is not None:
                source.poller.add_done_callback(lambda _task: stop.set())
            async with _saving_conversations(application):
                try:
                    yield application
                finally:
                    await _stop(delivery, source, settings, loop)
        finally:
            if application.post_shutdown is not None:
                await application.post_shutdown(application)
            await journal.close()
    finally:
        await application.shutdown()
    failed = source.failure()
    if failed is not None:
        raise failed


class _Signals:
    """SIGINT and SIGTERM: the first stops the bot (or cancels its start-up), later ones only
    say that it is stopping; none cuts the stop short."""

    def __init__(self, stop: asyncio.Event, starting: asyncio.Task[None], drain: float) -> None:
        self.serving = False
        self._stop = stop
        self._starting = starting
        self._drain = drain
        self._count = 0

    def received(self, signum: int) -> None:
        """Handle one signal (the event loop's signal handler)."""
        name = signal.Signals(signum).name
        self._count += 1
        if self._count > 1:
            _LOGGER.warning(
                "%s again: already stopping, which takes at most %g s and keeps what it"
                " cannot answer",
                name,
                self._drain,
            )
        elif self.serving:
            _LOGGER.info("%s: stopping", name)
            self._stop.set()
        else:
            self._starting.cancel()


async def _serve(settings: Settings) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    # asyncio.run runs this in a task.
    main = cast("asyncio.Task[None]", asyncio.current_task())
    signals = _Signals(stop, main, settings.drain_seconds)
    for stop_signal in STOP_SIGNALS:
        loop.add_signal_handler(stop_signal, signals.received, stop_signal)
    try:
        async with running(settings, stop):
            signals.serving = True
            await stop.wait()
    except asyncio.CancelledError:
        raise StoppedWhileStarting from None
    finally:
        for stop_signal in STOP_SIGNALS:
            loop.remove_signal_handler(stop_signal)


def run_bot(settings: Settings) -> None:
    """Run the bot with `settings` (which must carry a token) until SIGINT or SIGTERM.

    Raises a StartError when it could not start, KnowledgeError for a broken knowledge file,
    and TokenRevoked when Telegram rejected the token of the running bot.
    """
    asyncio.run(_serve(settings))


__all__ = [
    "ApiUnreachable",
    "CannotListen",
    "NoJournal",
    "StartError",
    "StoppedWhileStarting",
    "TokenRejected",
    "TokenRevoked",
    "run_bot",
    "running",
]
