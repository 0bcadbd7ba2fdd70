"""Per-user flood control: one user's burst of messages must not starve everyone else.

Each user has a token bucket (CELACBOT_USER_BURST tokens, refilled at CELACBOT_USER_RATE per
second). A message or button press spends a token; without one, the update is dropped before
any handler runs (a TypeHandler in group -1 raising ApplicationHandlerStop, PTB's way), and
the first drop of a flood gets one "slow down" notice, the rest silence.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from telegram import Update
from telegram.constants import ChatType, MessageEntityType
from telegram.ext import ApplicationHandlerStop

from celacbot.bot.context import BotContext
from celacbot.bot.groups import addressed_question
from celacbot.bot.texts import texts

_LOGGER = logging.getLogger(__name__)

# Buckets of users who stopped writing are forgotten once this many users are tracked.
MAX_TRACKED_USERS = 10_000


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False


class UserThrottle:
    """A token bucket per user; `check` is the TypeHandler callback."""

    def __init__(
        self, burst: int, rate: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._burst = float(burst)
        self._rate = rate
        self._clock = clock
        self._buckets: dict[int, _Bucket] = {}

    def _refilled(self, bucket: _Bucket, now: float) -> float:
        return min(self._burst, bucket.tokens + (now - bucket.updated) * self._rate)

    def _forget_idle_users(self, now: float) -> None:
        """Drop full buckets: a user with a full bucket is treated like a new one anyway."""
        self._buckets = {
            user_id: bucket
            for user_id, bucket in self._buckets.items()
            if self._refilled(bucket, now) < self._burst
        }

    def take(self, user_id: int) -> bool | None:
        """Spend one of the user's tokens: True if there was one, False for the first
        refusal of a flood (notify the user), None for later refusals (stay silent)."""
        now = self._clock()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) >= MAX_TRACKED_USERS:
                self._forget_idle_users(now)
            bucket = self._buckets[user_id] = _Bucket(self._burst, now)
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
