"""Admin commands (/reload, /stats, /misses) and the notice of a rejected knowledge edit.

Only the users in CELACBOT_ADMIN_IDS may use the commands. Their handlers' filter checks the
sender of every message, so anyone else - a group admin posting anonymously as the group
too - falls through to the handling of commands the bot does not have.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Sequence

from telegram import Bot, BotCommand, Message, Update
from telegram.error import TelegramError
from telegram.ext import filters

from celacbot.bot.constants import MAX_MESSAGE_UTF16
from celacbot.bot.context import BotContext
from celacbot.bot.formatting import blocks, utf16_len
from celacbot.bot.replies import Reply
from celacbot.bot.service import KnowledgeService
from celacbot.bot.texts import texts
from celacbot.knowledge.reload import LiveKnowledge, Snapshot
from celacbot.misslog import (
    LogBusyError,
    QuestionLog,
    misses_report,
    stats_report,
    writes_report,
)

_LOGGER = logging.getLogger(__name__)

# Added to the command menu in each admin's private chat only (a chat-scoped list).
ADMIN_MENU = (
    BotCommand("reload", "Reload the knowledge file now"),
    BotCommand("stats", "Questions answered, suggested and declined"),
    BotCommand("misses", "The latest unanswered questions (/misses N)"),
)
DEFAULT_MISSES = 10
MAX_MISSES = 50
MISSES_USAGE = f"Usage: /misses [N] - the latest N unanswered questions, N from 1 to {MAX_MISSES}."
# A broken file can have hundreds of problems; the first ones say where to start.
MAX_PROBLEMS = 10

_PRE = ("<pre>", "</pre>")
_PRE_ROOM = MAX_MESSAGE_UTF16 - utf16_len("".join(_PRE))


def admin_filter(admin_ids: Collection[int]) -> filters.BaseFilter:
    """Messages an admin sent as themselves (an anonymous group admin's carry sender_chat)."""
    return filters.User(user_id=admin_ids) & ~filters.SenderChat.ALL


def report_messages(lines: Iterable[str]) -> list[str]:
    """Plain-text lines, HTML-escaped in <pre> blocks, split between lines to fit a message."""
    messages: list[str] = []
    current: str | None = None
    for line in lines:
        for piece in blocks(line, limit=_PRE_ROOM):
            candidate = piece if current is None else f"{current}\n{piece}"
            if current is not None and utf16_len(candidate) > _PRE_ROOM:
                messages.append(current)
                candidate = piece
            current = candidate
    if current is not None:
        messages.append(current)
    return [f"{_PRE[0]}{text}{_PRE[1]}" for text in messages]


def rejected_lines(live: LiveKnowledge[KnowledgeService], problems: Sequence[str]) -> list[str]:
    """What an admin reads when the file was not loaded: who answers now, and the first problems."""
    count = len(problems)
    lines = [
        f"{live.path.name} was not loaded: version {live.current.version} keeps answering."
        f" {count} problem{'' if count == 1 else 's'}:",
        *problems[:MAX_PROBLEMS],
    ]
    if count > MAX_PROBLEMS:
        lines.append(f"... and {count - MAX_PROBLEMS} more (celacbot validate lists them all)")
    return lines


class RejectedEditNotice:
    """Tells each admin in a private message, once per bad version, why an edit was not loaded."""

    def __init__(
        self, bot: Bot, admin_ids: Collection[int], live: LiveKnowledge[KnowledgeService]
    ) -> None:
        """Notices go from `bot` to `admin_ids` about the file of `live`."""
        self._bot = bot
        self._admin_ids = sorted(admin_ids)
        self._live = live
        self._last: tuple[str, ...] | None = None

    def loaded(self, _snapshot: Snapshot[KnowledgeService]) -> None:
        """A good version is live: the next bad one is news again."""
        self._last = None

    async def send(self, problems: list[str]) -> None:
        """Message every admin the problems; a failure (blocked bot, no chat yet) is logged."""
        if tuple(problems) == self._last:
            return  # the same mistake saved again
        self._last = tuple(problems)
        texts = report_messages(rejected_lines(self._live, problems))
        for admin_id in self._admin_ids:
            try:
                for text in texts:
                    await self._bot.send_message(admin_id, text)
            except TelegramError as error:
                _LOGGER.warning(
                    "Could not tell admin %s about the rejected edit: %s", admin_id, error
                )


async def _reply(message: Message, lines: Iterable[str]) -> None:
    await Reply(report_messages(lines)).send(message)


async def reload_command(update: Update, context: BotContext) -> None:
    """Reload the knowledge file now: the version loaded, or the problems and what still answers."""
    message = update.message
    if message is None:
        return
    watcher = context.bot_data.watcher
    result = await watcher.reload_now()
    if isinstance(result, Snapshot):
        kb = result.kb
        lines = [
            f"Loaded version {result.version} of {watcher.live.path.name}:"
            f" {len(kb.entries)} entries, {len(kb.facts)} facts."
        ]
    else:
        lines = rejected_lines(watcher.live, result)
    await _reply(message, lines)


def _log_health(log: QuestionLog) -> list[str]:
    """What an admin should know about the question log itself: failing writes, or why it
    is off or not open yet."""
    lines = writes_report(log.writes)
    if log.opening:
        lines.append(f"The question log is not open yet: {log.problem}")
    elif log.problem:
        lines.append(f"The question log is off: {log.problem}")
    return lines


async def _busy(message: Message, context: BotContext, busy: LogBusyError) -> None:
    """Say, in the admin's language, that the log's disk does not answer."""
    lang = context.bot_data.languages.user_language(message.from_user)
    await message.reply_text(texts(lang).log_busy.format(waiting=busy.waiting))


async def stats_command(update: Update, context: BotContext) -> None:
    """Questions answered, suggested and declined since start and all time."""
    message = update.message
    if message is None:
        return
    log = context.bot_data.question_log
    try:
        lines = stats_report(await log.stats(since=log.started_at), await log.stats())
    except LogBusyError as busy:
        await _busy(message, context, busy)
        return
    await _reply(message, lines + _log_health(log))


async def misses_command(update: Update, context: BotContext) -> None:
    """The latest N (default 10) questions the bot did not answer outright."""
    message = update.message
    if message is None:
        return
    count = _misses_count(context.args or [])
    if count is None:
        await message.reply_text(MISSES_USAGE, parse_mode=None)
        return
    log = context.bot_data.question_log
    try:
        lines = misses_report(await log.latest_misses(count))
    except LogBusyError as busy:
        await _busy(message, context, busy)
        return
    await _reply(message, lines + _log_health(log))


def _misses_count(args: Sequence[str]) -> int | None:
    """N from "/misses N" (the default without one), or None if it is not 1 to MAX_MISSES."""
    if not args:
        return DEFAULT_MISSES
    if len(args) > 1 or not args[0].isdecimal():
        return None
    count = int(args[0])
    return count if 1 <= count <= MAX_MISSES else None
