"""Reading the bot's messages as the fake Bot API stored them."""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]


def buttons(message: JSON) -> list[tuple[str, str]]:
    """(text, callback_data) of every inline button under a message."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [(button["text"], button.get("callback_data", "")) for row in rows for button in row]


def entity_types(message: JSON) -> list[str]:
    """The types of a message's formatting entities, in order."""
    return [entity["type"] for entity in message.get("entities", [])]
