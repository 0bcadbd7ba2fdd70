"""What handlers reach through PTB's context: the bot's shared state, typed, and the knowledge
version that answers the update at hand.

PTB makes one context per update and hands it to every handler group, so the version read on
first use there is the one the whole update is answered from: a reload in the middle of an
update cannot mix two versions.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from celacbot.bot.conversation import ChatMemory, Conversations
from celacbot.bot.language import LanguageMemory
from celacbot.bot.service import KnowledgeService
from celacbot.knowledge.reload import KnowledgeWatcher, LiveKnowledge
from celacbot.misslog import QuestionLog
from celacbot.retrieval.answer import Answer, Decision, Kind


class BotData:
    """PTB's bot_data: what every update shares. post_init opens the knowledge watcher and the
    question log; post_shutdown closes them."""

    def __init__(self) -> None:
        """Empty counts and memory; the watcher and the log come with open()."""
        self.ask_counts: Counter[str] = Counter()
        self.languages = LanguageMemory()
        # Off until build_application sets the configured expiry.
        self.conversations = Conversations(0, time.time)
        self._watcher: KnowledgeWatcher[KnowledgeService] | None = None
        self._question_log: QuestionLog | None = None

    def open(self, watcher: KnowledgeWatcher[KnowledgeService], question_log: QuestionLog) -> None:
        """Keep the watcher (and the live knowledge it reloads) and the question log."""
        self._watcher = watcher
        self._question_log = question_log

    async def close(self) -> None:
        """Stop the watcher and close the question log, if start-up got as far as opening them."""
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            await watcher.stop()
        log, self._question_log = self._question_log, None
        if log is not None:
            await log.close()

    @property
    def watcher(self) -> KnowledgeWatcher[KnowledgeService]:
        """The watcher that reloads the knowledge file (and /reload asks)."""
        if self._watcher is None:
            raise RuntimeError("the bot is not running: no knowledge is loaded")
        return self._watcher

    @property
    def live(self) -> LiveKnowledge[KnowledgeService]:
        """The knowledge versions: the live one, and how to load the next."""
        return self.watcher.live

    @property
    def question_log(self) -> QuestionLog:
        """The question log every typed question is recorded in."""
        if self._question_log is None:
            raise RuntimeError("the bot is not running: the question log is closed")
        return self._question_log

    def count_answer(self, answer: Answer) -> None:
        """Count an FAQ entry answered, for the "most asked" inline results."""
        if answer.decision is Decision.ANSWER and answer.kind is Kind.FAQ and answer.id:
            self.ask_counts[answer.id] += 1


class BotContext(CallbackContext[ExtBot[Any], dict[Any, Any], ChatMemory, BotData]):
    """PTB's context of one update, with the knowledge version that answers it."""

    __slots__ = ("_knowledge",)

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        """CallbackContext's own signature: PTB builds the context."""
        super().__init__(application, chat_id, user_id)
        self._knowledge: KnowledgeService | None = None

    @property
    def chat_memory(self) -> ChatMemory | None:
        """The chat's conversation memory; None when memory is off (or the update has no
        chat). PTB makes chat_data on first use: a bot without memory keeps none."""
        return self.chat_data if self.bot_data.conversations.enabled else None

    @property
    def knowledge(self) -> KnowledgeService:
        """The version live when the update first asked, the same for the rest of the update."""
        if self._knowledge is None:
            self._knowledge = self.bot_data.live.current.engine
        return self._knowledge
