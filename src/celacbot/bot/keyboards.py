"""Inline keyboards and the codec of their callback data ("a:<entry-id>", "t:<topic-id>"...).

Buttons name entries by their short labels (faq.yaml's `label`), which fit a phone.

Callback data is plain text that survives restarts; anything that does not decode to a
known action (old versions, forged data) decodes to None and gets a short notice.
"Did you mean" buttons carry the question log's event id ("p:<event>:<entry-id>",
"n:<event>") so that the user's choice is recorded against the question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import InlineKeyboardButtonLimit

from celacbot.retrieval.answer import Suggestion

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Positive, without leading zeros (one spelling per id); 13 digits leave room for the
# longest entry id in 64 bytes.
_EVENT_ID = re.compile(r"[1-9][0-9]{0,12}")
MAX_CALLBACK_BYTES = int(InlineKeyboardButtonLimit.MAX_CALLBACK_DATA)


@dataclass(frozen=True, slots=True)
class ShowAnswer:
    """Answer one FAQ entry."""

    entry_id: str


@dataclass(frozen=True, slots=True)
class ShowSource:
    """Add the article quotes behind one entry's answer to the answer's message."""

    entry_id: str


@dataclass(frozen=True, slots=True)
class HideSource:
    """Take the article quotes out of the answer's message again."""

    entry_id: str


@dataclass(frozen=True, slots=True)
class ShowTopic:
    """List one topic's questions."""

    topic_id: str


@dataclass(frozen=True, slots=True)
class ShowTopics:
    """List every topic."""


@dataclass(frozen=True, slots=True)
class PickSuggestion:
    """The user picked one "did you mean" suggestion of the logged question `event_id`."""

    event_id: int
    entry_id: str


@dataclass(frozen=True, slots=True)
class NoneOfThese:
    """The user rejected every "did you mean" suggestion (of the logged question, if known)."""

    event_id: int | None = None


Action = (
    ShowAnswer | ShowSource | HideSource | ShowTopic | ShowTopics | PickSuggestion | NoneOfThese
)

_WITH_ID: dict[str, type[ShowAnswer | ShowSource | HideSource | ShowTopic]] = {
    "a": ShowAnswer,
    "s": ShowSource,
    "h": HideSource,
    "t": ShowTopic,
}
_WITHOUT_ID: dict[str, ShowTopics | NoneOfThese] = {"T": ShowTopics(), "n": NoneOfThese()}


def encode(action: Action) -> str:
    """The callback data of an action."""
    match action:
        case ShowAnswer(entry_id):
            return f"a:{entry_id}"
        case ShowSource(entry_id):
            return f"s:{entry_id}"
        case HideSource(entry_id):
            return f"h:{entry_id}"
        case ShowTopic(topic_id):
            return f"t:{topic_id}"
        case ShowTopics():
            return "T"
        case PickSuggestion(event_id, entry_id):
            return f"p:{event_id}:{entry_id}"
        case NoneOfThese(None):
            return "n"
        case NoneOfThese(event_id):
            return f"n:{event_id}"


def decode(data: object) -> Action | None:
    """The action behind callback data, or None for anything this version did not produce."""
    if not isinstance(data, str) or len(data.encode()) > MAX_CALLBACK_BYTES:
        return None
    if data in _WITHOUT_ID:
        return _WITHOUT_ID[data]
    prefix, _, identifier = data.partition(":")
    if prefix in ("p", "n"):
        return _decode_event_action(prefix, identifier)
    action = _WITH_ID.get(prefix)
    if action is None or not _SLUG.fullmatch(identifier):
        return None
    return action(identifier)


def _decode_event_action(prefix: str, rest: str) -> PickSuggestion | NoneOfThese | None:
    """ "p:<event>:<entry-id>" or "n:<event>", after the prefix."""
    event, _, entry_id = rest.partition(":")
    if not _EVENT_ID.fullmatch(event):
        return None
    if prefix == "n":
        return None if entry_id or rest != event else NoneOfThese(int(event))
    return PickSuggestion(int(event), entry_id) if _SLUG.fullmatch(entry_id) else None


def button(text: str, action: Action) -> InlineKeyboardButton:
    """One callback button."""
    return InlineKeyboardButton(text, callback_data=encode(action))


def column(buttons: Iterable[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    """Buttons one per row, each as wide as the message."""
    return InlineKeyboardMarkup([[each] for each in buttons])


def answer_keyboard(
    entry_id: str,
    related: Iterable[tuple[str, str]],
    *,
    source_label: str,
    source_shown: bool = False,
) -> InlineKeyboardMarkup:
    """The button that shows (or, once shown, hides) the source, and the (entry id, label)
    follow-ups under an answer."""
    toggle = HideSource(entry_id) if source_shown else ShowSource(entry_id)
    return column(
        [
            button(source_label, toggle),
            *(button(label, ShowAnswer(related_id)) for related_id, label in related),
        ]
    )


def questions_keyboard(labels: Iterable[tuple[str, str]]) -> InlineKeyboardMarkup:
    """One button per (entry id, label)."""
    return column(button(label, ShowAnswer(entry_id)) for entry_id, label in labels)


def suggestions_keyboard(
    suggestions: Iterable[Suggestion], event_id: int | None = None, *, none_label: str
) -> InlineKeyboardMarkup:
    """ "Did you mean" candidates and a way to say none of them is right; with the logged
    question's `event_id`, pressing one records the choice."""

    def pick(entry_id: str) -> Action:
        return ShowAnswer(entry_id) if event_id is None else PickSuggestion(event_id, entry_id)

    return column(
        [
            *(button(each.label, pick(each.id)) for each in suggestions),
            button(none_label, NoneOfThese(event_id)),
        ]
    )


def topics_keyboard(topics: Iterable[tuple[str, str]]) -> InlineKeyboardMarkup:
    """One button per (topic id, title)."""
    return column(button(title, ShowTopic(topic_id)) for topic_id, title in topics)


def browse_topics_keyboard(label: str) -> InlineKeyboardMarkup:
    """One button that opens the topics (where a whole keyboard would clutter a group)."""
    return column([button(label, ShowTopics())])


def topic_keyboard(labels: Iterable[tuple[str, str]], *, back_label: str) -> InlineKeyboardMarkup:
    """One topic's (entry id, label) buttons and a way back to every topic."""
    return column(
        [
            *(button(label, ShowAnswer(entry_id)) for entry_id, label in labels),
            button(back_label, ShowTopics()),
        ]
    )
