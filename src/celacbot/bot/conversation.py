"""Conversation memory: what each chat is talking about, so that follow-ups make sense.

Contract: PTB's chat_data is one `ChatMemory` per chat. It holds ids, never objects: the
subject (the entry or fact last answered) with the time it was answered, and which subject
each of the bot's recent answers is about, so that a Telegram reply to an older answer
("and when was that?") is read with that answer's subject, whatever came since. Ids survive a
knowledge reload, and a PTB persistence class (bot/conversation_store.py) keeps chat_data
across restarts (a shared store would take the same data unchanged). A subject older than the
expiry is never used; `Conversations.sweep` drops chats whose subject has expired, so memory
stays bounded. A `ChatMemory` is small (slots, immutable parts) because a bot keeps one for
every chat that wrote within the expiry.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final, NamedTuple

from telegram.ext import Application

# The bot's answers whose subject a chat remembers for replies: the newest this many.
MAX_REMEMBERED_ANSWERS: Final = 20
# Expired chats are dropped once per this many questions (a pass over all chats).
SWEEP_EVERY: Final = 1000

Clock = Callable[[], float]


@dataclass(slots=True)
class ChatMemory:
    """One chat's subject and the subjects of the bot's recent answers there."""

    subject: str | None = None
    subject_at: float = 0.0
    # The message id of the bot's latest answer, which is about `subject` (0: none yet).
    latest: int = 0
    # The bot's earlier answers, oldest first, flat: (message id, the subject it answered,
    # message id, ...). The bot keeps a memory for every chat that wrote within the expiry and
    # most chats hold one answer, so that one is `latest` and this stays the shared empty tuple.
    earlier: tuple[int | str, ...] = ()

    @classmethod
    def restored(cls, subject: str, subject_at: float, answers: Sequence[int | str]) -> ChatMemory:
        """The memory that `answers` (as the property gives them) were read from; ValueError
        when they are no (message id, subject) pairs."""
        pairs = zip(answers[::2], answers[1::2], strict=True)
        if not all(type(sent) is int and isinstance(about, str) for sent, about in pairs):
            raise ValueError("answers are not (message id, subject) pairs")
        memory = cls(subject, subject_at)
        memory._keep(subject, answers)
        return memory

    @property
    def answers(self) -> tuple[int | str, ...]:
        """Every remembered answer, oldest first, flat: (message id, subject, message id, ...)."""
        if self.subject is None or not self.latest:
            return self.earlier
        return (*self.earlier, self.latest, self.subject)

    def current(self, now: float, expiry: float) -> str | None:
        """The subject, unless it is older than `expiry` seconds."""
        if self.subject is None or now - self.subject_at > expiry:
            return None
        return self.subject

    def replied(self, message_id: int, now: float, expiry: float) -> str | None:
        """The subject of the bot's answer with this message id, while the chat is fresh."""
        if now - self.subject_at > expiry:
            return None
        answers = self.answers
        # Newest first: a message id remembered twice has its latest subject.
        pairs = zip(answers[-2::-2], answers[::-2], strict=True)
        return next((str(subject) for sent, subject in pairs if sent == message_id), None)

    def remember(self, subject: str, now: float, message_ids: Iterable[int]) -> None:
        """Make `subject` the chat's subject, and the subject of these answer messages."""
        answered: Iterable[int | str] = itertools.chain.from_iterable(
            (sent, subject) for sent in message_ids
        )
        answers = (*self.answers, *answered)[-2 * MAX_REMEMBERED_ANSWERS :]
        self.subject = subject
        self.subject_at = now
        self._keep(subject, answers)

    def _keep(self, subject: str, answers: Sequence[int | str]) -> None:
        if answers and answers[-1] == subject:
            *earlier, latest, _ = answers
            self.latest, self.earlier = int(latest), tuple(earlier)
        else:  # no answer is about the subject
            self.latest, self.earlier = 0, tuple(answers)


class Subject(NamedTuple):
    """What a new message is read with: an entry or fact id, and whether the user replied
    to the answer about it (a reply says "this is about that", whatever its words)."""

    id: str
    replied: bool


class Conversations:
    """The expiry and the clock every chat's memory is read with; drops expired chats."""

    def __init__(self, expiry_seconds: float, clock: Clock) -> None:
        """A subject lives `expiry_seconds` (0 turns conversation memory off)."""
        self.expiry = expiry_seconds
        self.clock = clock
        self._since_sweep = 0

    @property
    def enabled(self) -> bool:
        """Whether follow-ups are read with a subject at all."""
        return self.expiry > 0

    def subject(self, memory: ChatMemory, reply_to: int | None) -> Subject | None:
        """The subject a new message is read with: the replied answer's, else the chat's."""
        if not self.enabled:
            return None
        now = self.clock()
        if reply_to is not None:
            replied = memory.replied(reply_to, now, self.expiry)
            if replied is not None:
                return Subject(replied, replied=True)
        current = memory.current(now, self.expiry)
        return None if current is None else Subject(current, replied=False)

    def remember(self, memory: ChatMemory, subject: str, message_ids: Iterable[int]) -> None:
        """Keep the subject of an answer."""
        if self.enabled:
            memory.remember(subject, self.clock(), message_ids)

    def tick(self, application: Application[Any, Any, Any, ChatMemory, Any, Any]) -> None:
        """Count a question; every SWEEP_EVERY questions, drop the chats whose subject expired
        (or that never had one), so memory stays bounded however many chats come."""
        self._since_sweep += 1
        if self._since_sweep >= SWEEP_EVERY:
            self._since_sweep = 0
            self.sweep(application)

    def sweep(self, application: Application[Any, Any, Any, ChatMemory, Any, Any]) -> int:
        """Drop every chat whose subject has expired; how many were dropped."""
        now = self.clock()
        expired = [
            chat_id
            for chat_id, memory in application.chat_data.items()
            if memory.current(now, self.expiry) is None
        ]
        for chat_id in expired:
            application.drop_chat_data(chat_id)
        return len(expired)
