"""What Telegram users' clients put into updates: user objects, entities, media messages."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from tests.fakes.html_entities import utf16_length

JSON = dict[str, Any]

_BOT_COMMAND = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
_MENTION = re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{5,32}")

# What users send besides text; each builds the message fields from a file-object factory.
NON_TEXT_PAYLOADS: dict[str, Callable[[Callable[..., JSON]], JSON]] = {
    "photo": lambda file: {
        "photo": [
            file(width=90, height=67, file_size=1200),
            file(width=800, height=600, file_size=48000),
        ]
    },
    "sticker": lambda file: {
        "sticker": file(
            type="regular", width=512, height=512, is_animated=False, is_video=False, emoji="👍"
        )
    },
    "voice": lambda file: {"voice": file(duration=3, mime_type="audio/ogg")},
    "audio": lambda file: {"audio": file(duration=95, mime_type="audio/mpeg")},
    "video": lambda file: {"video": file(width=640, height=360, duration=12)},
    "video_note": lambda file: {"video_note": file(length=240, duration=5)},
    "animation": lambda file: {
        "animation": file(width=320, height=240, duration=2),
        "document": file(file_name="funny.mp4", mime_type="video/mp4"),
    },
    "document": lambda file: {
        "document": file(file_name="report.pdf", mime_type="application/pdf")
    },
    "location": lambda _file: {"location": {"latitude": -12.0464, "longitude": -77.0428}},
    "contact": lambda _file: {"contact": {"phone_number": "+51999999999", "first_name": "Luis"}},
    "dice": lambda _file: {"dice": {"emoji": "🎲", "value": 4}},
}
NON_TEXT_KINDS = tuple(NON_TEXT_PAYLOADS)


def user_json(
    user_id: int,
    first_name: str,
    *,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
) -> JSON:
    """A Telegram User object for a human."""
    user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
    if last_name:
        user["last_name"] = last_name
    if username:
        user["username"] = username
    if language_code:
        user["language_code"] = language_code
    return user


def auto_entities(text: str) -> list[JSON]:
    """bot_command and mention entities, as Telegram marks them in what users type."""
    commands = list(_BOT_COMMAND.finditer(text))
    found = [("bot_command", match) for match in commands]
    found += [
        ("mention", match)
        for match in _MENTION.finditer(text)
        if not any(command.start() <= match.start() < command.end() for command in commands)
    ]
    entities = [
        {
            "type": kind,
            "offset": utf16_length(text[: match.start()]),
            "length": utf16_length(match.group()),
        }
        for kind, match in found
    ]
    return sorted(entities, key=lambda entity: entity["offset"])


def inline_buttons(message: Mapping[str, Any]) -> list[JSON]:
    """The buttons of a message's inline keyboard, row by row, as one list."""
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]
