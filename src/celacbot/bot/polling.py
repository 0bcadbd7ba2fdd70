"""Long polling: take updates only when there is room for them, confirm them once journaled.

getUpdates' offset tells Telegram that every update before it was delivered. The poller asks
with the offset past a batch only after Delivery.deliver() has journaled the batch, so
Telegram keeps every update until the journal has it. It asks for at most as many updates as
the bot has room for (CELACBOT_MAX_PENDING_UPDATES): a backlog waits at Telegram, not in memory.

Failures: the error handler logs each (one line) and polling retries after 1 s, growing to
30 s; a time-out retries at once. When the journal cannot be written the batch is not
confirmed: Telegram keeps it and sends it again. A 401 means that the token was revoked:
TokenRevoked ends the bot.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram.error import InvalidToken, TelegramError, TimedOut
from telegram.ext import Application

from celacbot.bot.constants import ALLOWED_UPDATES
from celacbot.bot.delivery import Delivery, Stopping
from celacbot.bot.journal import JournalError

_LOGGER = logging.getLogger(__name__)

MAX_UPDATES_PER_CALL = 100  # the Bot API's limit
FIRST_RETRY_SECONDS = 1.0
MAX_RETRY_SECONDS = 30.0


class TokenRevoked(Exception):
    """Telegram rejected the token of a running bot (401): revoked or replaced."""


async def poll(
    application: Application[Any, Any, Any, Any, Any, Any],
    delivery: Delivery,
    *,
    poll_timeout: int,
) -> None:
    """Fetch updates into `delivery` until it stops taking them, long-polling `poll_timeout`
    seconds; TokenRevoked on a 401."""
    offset: int | None = None
    delay = 0.0
    while True:
        try:
            async with delivery.room(MAX_UPDATES_PER_CALL) as places:
                updates = await application.bot.get_updates(
                    offset=offset,
                    limit=places,
                    timeout=poll_timeout,
                    allowed_updates=ALLOWED_UPDATES,
                )
                if updates:
                    await delivery.deliver(updates)
                    offset = updates[-1].update_id + 1
            delay = 0.0
        except Stopping:
            return
        except InvalidToken:
            # Not the error's text: PTB may put the token in it.
            raise TokenRevoked from None
        except TimedOut:
            _LOGGER.debug("getUpdates timed out; asking again")
            delay = 0.0
        except TelegramError as error:
            await application.process_error(update=None, error=error)
            delay = min(max(delay * 1.5, FIRST_RETRY_SECONDS), MAX_RETRY_SECONDS)
        except JournalError as error:
            delay = min(max(delay * 1.5, FIRST_RETRY_SECONDS), MAX_RETRY_SECONDS)
            _LOGGER.error(
                "Cannot journal updates (%s); Telegram keeps them; retrying in %.0f s",
                error,
                delay,
            )
        if delay:
            await asyncio.sleep(delay)


__all__ = ["TokenRevoked", "poll"]
