"""Per-user flood control: one user's burst of messages must not starve everyone else.

Each user has a token bucket (CELACBOT_USER_BURST tokens, refilled at CELACBOT_USER_RATE per
second). A message or button press spends a token; without one, the update is dropped before
any handler runs (a TypeHandler in group -1 raising ApplicationHandlerStop, PTB's way), and
the first drop of a flood gets one "slow down" notice, the rest silence.

The buckets are kept least recently used first, so that making room for a new user is O(1)
however many are tracked: full buckets are forgotten from the front (a full bucket is a new
user's anyway) and, at the cap, the least recently seen user, whose next message then starts
a fresh burst.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from telegram import Update
from telegram.constants import ChatType, MessageEntityType
from telegram.ext import ApplicationHandlerStop

from celacbot.bot.context import BotContext
from celacbot.bot.groups import addressed_question
from celacbot.bot.texts import texts

_LOGGER = logging.getLogger(__name__)

# At most this many users are tracked (about 150 bytes each).
MAX_TRACKED_USERS = 10_000


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False


class UserThrottle:
    """A token bucket per user; `check` is the TypeHandler callback."""

    def __init__(
        self,
        burst: int,
        rate: float,
        clock: Callable[[], float] = time.monotonic,
        *,
        max_users: int = MAX_TRACKED_USERS,
    ) -> None:
        self._burst = float(burst)
        self._rate = rate
        self._clock = clock
        self._max_users = max_users
        # Least recently seen first.
        self._buckets: OrderedDict[int, _Bucket] = OrderedDict()

    @property
    def tracked_users(self) -> int:
        """How many users' buckets are kept."""
        return len(self._buckets)

    def _refilled(self, bucket: _Bucket, now: float) -> float:
        return min(self._burst, bucket.tokens + (now - bucket.updated) * self._rate)

    def _make_room(self, now: float) -> None:
        """Forget full buckets from the least recent end, and beyond the cap the least recent
        user: amortised O(1), as each bucket is forgotten once."""
        buckets = self._buckets
        while len(buckets) >= self._max_users:
            buckets.popitem(last=False)
        while buckets:
            oldest = next(iter(buckets.values()))
            if self._refilled(oldest, now) < self._burst:
                return
            buckets.popitem(last=False)

    def take(self, user_id: int) -> bool | None:
        """Spend one of the user's tokens: True if there was one, False for the first
        refusal of a flood (notify the user), None for later refusals (stay silent)."""
        now = self._clock()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            self._make_room(now)
            bucket = self._buckets[user_id] = _Bucket(self._burst, now)
        else:
            self._buckets.move_to_end(user_id)
        bucket.tokens = self._refilled(bucket, now)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return True
        if bucket.warned:
            return None
        bucket.warned = True
        return False

    async def check(self, update: object, context: BotContext) -> None:
        """Drop the update (one notice per flood) when its user is out of tokens."""
        if not isinstance(update, Update) or not _counts(update, context):
            return
        user = update.effective_user
        if user is None:
            return
        allowed = self.take(user.id)
        if allowed:
            return
        if allowed is False:
            _LOGGER.info("User %s is flooding; dropping their updates for a while", user.id)
            await _notify(update, texts(context.bot_data.languages.user_language(user)).slow_down)
        raise ApplicationHandlerStop


def _counts(update: Update, context: BotContext) -> bool:
    """Whether the update asks the bot for work: private messages, presses, and the group
    messages meant for the bot (other group chatter costs nothing and is ignored anyway)."""
    if update.callback_query is not None:
        return True
    message = update.message
    if message is None:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    is_command = any(
        entity.type == MessageEntityType.BOT_COMMAND and entity.offset == 0
        for entity in message.entities
    )
    return (
        is_command or addressed_question(message, context.bot.id, context.bot.username) is not None
    )


async def _notify(update: Update, notice: str) -> None:
    """Tell a flooding user once: in private chats a message, on a button an alert-less
    notice; groups get silence, so that a flood does not spam everyone else."""
    if update.callback_query is not None:
        await update.callback_query.answer(notice)
    elif update.message is not None and update.message.chat.type == ChatType.PRIVATE:
        await update.message.reply_text(notice)
