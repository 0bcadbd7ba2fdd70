"""Small talk: greetings, thanks and questions about the bot, whole or around a question."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from rapidfuzz import fuzz, process

from celacbot.knowledge.models import SmallTalk
from celacbot.retrieval.message import asks
from celacbot.retrieval.normalise import LIGHT_WORDS, STOP_WORDS, has_cjk, words

# Small talk is a short message that is (nearly) one of the patterns, or one that holds a
# pattern and at most one other real word when nothing else answers it.
SMALLTALK_MAX_WORDS = 8
SMALLTALK_RATIO = 88.0
_FILLER_WORDS = STOP_WORDS | LIGHT_WORDS
# A greeting after a vocative or an exclamation ("ô meu amigo boa tarde", "oye compa buenas
# noches") is still the greeting the message opens with.
_GREETING_AFTER_FILLERS = 3
# Chinese pronouns are no words of their own, so "他叫什么名字" (his name) reads as the small
# talk "你叫什么名字" (your name). Not 其他/其它, "other".
_SOMEONE_ELSE = re.compile("(?<![其])[他她它]")
_YOU = re.compile("[你您]")


@dataclass(frozen=True, slots=True)
class SmallTalkMatch:
    """A message recognised as small talk: which one, how sure, and why."""

    talk: SmallTalk
    score: float
    reason: str


class _PatternsByLength(dict[int, tuple[tuple[str, ...], tuple[SmallTalk, ...]]]):
    """The small-talk patterns, in order, that a message of each length can match.

    fuzz.ratio of texts of lengths a and b is at most 200 * min(a, b) / (a + b): each character
    of the longer text beyond the shorter one's length is an edit. Patterns too short or too
    long for SMALLTALK_RATIO are left out (most questions are longer than every pattern), so
    extractOne compares a message with a few patterns, not all of them. Each length's window
    is worked out when a message of that length first comes.
    """

    def __init__(self, patterns: Sequence[tuple[str, SmallTalk]]) -> None:
        super().__init__()
        self._patterns = patterns

    def __missing__(self, length: int) -> tuple[tuple[str, ...], tuple[SmallTalk, ...]]:
        window = [
            (pattern, talk)
            for pattern, talk in self._patterns
            if 200 * min(length, len(pattern)) >= SMALLTALK_RATIO * (length + len(pattern))
        ]
        patterns = self[length] = (
            tuple(pattern for pattern, _ in window),
            tuple(talk for _, talk in window),
        )
        return patterns


class SmallTalkMatcher:
    """The knowledge base's small-talk patterns, matched against a message's words."""

    def __init__(self, smalltalk: Sequence[SmallTalk]) -> None:
        # A pattern of fillers only ("你知道什么" if 知道 were one) would match every message
        # without words ("!!!", "👍"): it is left out.
        self._patterns = [
            (joined, talk)
            for talk in smalltalk
            for pattern in talk.patterns
            if (joined := " ".join(words(pattern)))
        ]
        self._by_length = _PatternsByLength(self._patterns)
        # Small talk about the bot: every Chinese pattern of it says 你 ("你是谁"), unlike
        # thanks ("谢谢").
        self._about_the_bot = frozenset(
            talk.id
            for talk in smalltalk
            if (chinese := [pattern for pattern in talk.patterns if has_cjk(pattern)])
            and all(_YOU.search(pattern) for pattern in chinese)
        )
        # Pattern positions by first word ("" for a pattern without words): a message holds
        # only the patterns whose first word it has.
        self._by_first: dict[str, list[int]] = {}
        for position, (pattern, _) in enumerate(self._patterns):
            self._by_first.setdefault(pattern.split(" ", 1)[0], []).append(position)
        # The same patterns as words, longest first, to strip a leading greeting in one probe.
        self._prefixes = {
            first: sorted(
                {tuple(self._patterns[position][0].split()) for position in positions},
                key=len,
                reverse=True,
            )
            for first, positions in self._by_first.items()
            if first
        }

    def whole(self, message: Sequence[str]) -> SmallTalkMatch | None:
        """Small talk when the whole short message is (nearly) one of the patterns."""
        if not message or len(message) > SMALLTALK_MAX_WORDS:
            return None
        text = " ".join(message)
        patterns, talks = self._by_length[len(text)]
        # The cutoff lets rapidfuzz skip unlike patterns early; the best at or above it is
        # the same first best that a search without it would find.
        best = process.extractOne(
            text, patterns, scorer=fuzz.ratio, processor=None, score_cutoff=SMALLTALK_RATIO
        )
        if best is None:
            return None
        return SmallTalkMatch(talks[best[2]], best[1], f"matches {best[0]!r}")

    def fits(self, match: SmallTalkMatch, text: str) -> bool:
        """Whether a match found in the words of `text` is what `text` says: small talk about
        the bot is not, when the text speaks of someone else and not to the bot ("他是谁");
        thanks mentioning them ("谢谢他") still are."""
        return not (
            match.talk.id in self._about_the_bot
            and _SOMEONE_ELSE.search(text)
            and not _YOU.search(text)
        )

    def without_greeting(self, message: Sequence[str]) -> Sequence[str]:
        """The message minus a leading small-talk pattern ("hi", "good morning", "thanks"),
        and the fillers before it ("ô meu amigo boa tarde")."""
        for start, word in enumerate(message[: _GREETING_AFTER_FILLERS + 1]):
            for pattern in self._prefixes.get(word, ()):
                # after fillers, a greeting of two words or more ("y la ayuda médica?" asks of
                # the help), and not after a question word ("what kind of help?")
                if tuple(message[start : start + len(pattern)]) == pattern and (
                    not start or (len(pattern) > 1 and not asks(" ".join(message[:start])))
                ):
                    return message[start + len(pattern) :]
            if word not in _FILLER_WORDS:
                break
        return message

    def greeting_only(self, message: Sequence[str]) -> SmallTalkMatch | None:
        """Small talk when a short message holds a pattern and at most one other real word."""
        if len(message) > SMALLTALK_MAX_WORDS:
            return None
        padded = f" {' '.join(message)} "
        # Only patterns starting with one of the message's words can be in it (a pattern
        # without words, only in a message without any), tried in order: the first one wins.
        starting = (self._by_first.get(word, ()) for word in message or [""])
        for position in sorted(set(chain.from_iterable(starting))):
            pattern, talk = self._patterns[position]
            if f" {pattern} " not in padded:
                continue
            others = [
                word
                for word in message
                if word not in pattern.split() and word not in _FILLER_WORDS
            ]
            if len(others) <= 1:
                return SmallTalkMatch(talk, 100.0, f"contains {pattern!r} and no other question")
        return None
