"""Telegram's stateless rules for the fake Bot API: limits, error texts, parameter checks.

Everything here raises `ApiError` carrying the status and description api.telegram.org
answers with, so the real PTB raises the same exception it would in production.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from typing import Any

from tests.fakes.html_entities import EntityParseError, parse_html, trim_plain, utf16_length

JSON = dict[str, Any]

MAX_MESSAGE_UTF16 = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_RESULTS = 50
MAX_INLINE_RESULT_ID_BYTES = 64
MAX_CALLBACK_ANSWER_CHARS = 200
MAX_KEYBOARD_BUTTONS = 100
MAX_COMMANDS = 100
MAX_COMMAND_DESCRIPTION = 256
PROFILE_TEXT_LIMITS = {"description": 512, "short_description": 120}
MAX_UPDATES_LIMIT = 100

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
BLOCKED = "Forbidden: bot was blocked by the user"
TERMINATED = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: BLOCKED,
    404: "Not Found",
    409: TERMINATED,
    500: "Internal Server Error",
    502: "Bad Gateway",
    504: "Gateway Timeout",
}

# Telegram sends these only when asked for explicitly in allowed_updates.
OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
UPDATE_TYPES = frozenset(
    {
        *("message", "edited_message", "channel_post", "edited_channel_post"),
        *("business_connection", "business_message", "edited_business_message"),
        *("deleted_business_messages", "inline_query", "chosen_inline_result"),
        *("callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media"),
        *("poll", "poll_answer", "my_chat_member", "chat_join_request", "chat_boost"),
        *("removed_chat_boost", *OPT_IN_UPDATES),
    }
)
DEFAULT_ALLOWED_UPDATES = UPDATE_TYPES - OPT_IN_UPDATES
BUTTON_ACTIONS = (
    *("url", "callback_data", "web_app", "login_url", "switch_inline_query"),
    *("switch_inline_query_current_chat", "switch_inline_query_chosen_chat"),
    *("copy_text", "callback_game", "pay"),
)
BUTTON_URL_SCHEMES = ("http://", "https://", "tg://")

# How form values are decoded: PTB sends strings raw and everything else JSON-encoded.
JSON_PARAMS = frozenset(
    {
        *("reply_markup", "entities", "caption_entities", "reply_parameters"),
        *("link_preview_options", "results", "commands", "scope", "allowed_updates", "button"),
        "menu_button",
    }
)
INT_PARAMS = frozenset(
    {
        *("message_id", "offset", "limit", "timeout", "cache_time", "message_thread_id"),
        *("user_id", "max_connections"),
    }
)
BOOL_PARAMS = frozenset(
    {
        *("disable_notification", "protect_content", "allow_paid_broadcast", "show_alert"),
        *("is_personal", "drop_pending_updates", "allow_sending_without_reply"),
    }
)

TOKEN_SHAPE = re.compile(r"\d+:[A-Za-z0-9_-]+")
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
# A deep link's /start parameter (InlineQueryResultsButton.start_parameter, t.me/bot?start=).
_START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")


class ApiError(Exception):
    """A Bot API error answer: HTTP status, description and optional retry_after."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> JSON:
        """The JSON Telegram answers with."""
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(reason: str) -> ApiError:
    """A 400 with Telegram's "Bad Request: " prefix."""
    return ApiError(400, f"Bad Request: {reason}")


def decode_param(name: str, value: Any) -> Any:
    """Decode one parameter the way the Bot API does for form fields."""
    if not isinstance(value, str):
        return value
    try:
        if name in JSON_PARAMS:
            return json.loads(value)
        if name in INT_PARAMS:
            return int(value)
    except ValueError:
        if name == "reply_markup":
            raise bad_request("can't parse reply keyboard markup JSON object") from None
        raise bad_request(f"can't parse {name}") from None
    if name in BOOL_PARAMS:
        return value.lower() in ("true", "1")
    if name == "chat_id" and value.lstrip("-").isdigit():
        return int(value)
    return value


def update_kind(update: Mapping[str, Any]) -> str:
    """The update's type: its one field besides update_id (e.g. "message")."""
    return next((key for key in update if key != "update_id"), "")


def message_text(params: JSON, *, text_field: str = "text") -> tuple[str, list[JSON]]:
    """Telegram's processing of a message text: parse, trim, check emptiness and length."""
    raw = params.get(text_field)
    if not raw:
        raise bad_request("message text is empty")
    parse_mode = (params.get("parse_mode") or "").lower()
    try:
        if "entities" in params or not parse_mode:
            text, entities = trim_plain(raw, params.get("entities"))
        elif parse_mode == "html":
            text, entities = parse_html(raw)
        elif parse_mode in ("markdown", "markdownv2"):
            raise bad_request("FakeBotAPI implements only parse_mode HTML")
        else:
            raise bad_request("unsupported parse_mode")
    except EntityParseError as error:
        raise bad_request(f"can't parse entities: {error}") from None
    if not text:
        raise bad_request("message text is empty")
    if utf16_length(text) > MAX_MESSAGE_UTF16:
        raise bad_request("message is too long")
    return text, entities


def inline_markup(markup: Any) -> JSON | None:
    """Validate any reply_markup; the inline keyboard a sent message carries, if any."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _check_inline_keyboard(markup["inline_keyboard"])
        return {"inline_keyboard": markup["inline_keyboard"]}
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request("can't parse reply keyboard markup JSON object")
        for button in itertools.chain.from_iterable(rows):
            text = button if isinstance(button, str) else button.get("text")
            if not text:
                raise bad_request("keyboard button text must be non-empty")
        return None
    if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
        return None
    raise bad_request("can't parse reply keyboard markup JSON object")


def _check_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse inline keyboard markup JSON object")
    buttons = list(itertools.chain.from_iterable(rows))
    if len(buttons) > MAX_KEYBOARD_BUTTONS:
        raise bad_request("reply markup is too long")
    for button in buttons:
        if not isinstance(button, dict) or not button.get("text"):
            raise bad_request("can't parse inline keyboard button: text is empty")
        if not any(action in button for action in BUTTON_ACTIONS):
            raise bad_request("text buttons are unallowed in the inline keyboard")
        if "callback_data" in button:
            data = button["callback_data"]
            size = len(data.encode("utf-8")) if isinstance(data, str) else 0
            if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
                raise bad_request("BUTTON_DATA_INVALID")
        if "url" in button and not str(button["url"]).startswith(BUTTON_URL_SCHEMES):
            raise bad_request("BUTTON_URL_INVALID")


def check_inline_answer(params: JSON) -> None:
    """answerInlineQuery's results and button, checked like Telegram."""
    results = params.get("results")
    if not isinstance(results, list):
        raise bad_request("can't parse results JSON object")
    if len(results) > MAX_INLINE_RESULTS:
        raise bad_request("RESULTS_TOO_MUCH")
    seen: set[str] = set()
    for result in results:
        result_id = str(result.get("id", ""))
        if not 1 <= len(result_id.encode("utf-8")) <= MAX_INLINE_RESULT_ID_BYTES:
            raise bad_request("RESULT_ID_INVALID")
        if result_id in seen:
            raise bad_request("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        _check_inline_result(result)
    button = params.get("button")
    if button is None:
        return
    if not button.get("text"):
        raise bad_request("BUTTON_TEXT_INVALID")
    if ("start_parameter" in button) == ("web_app" in button):
        raise bad_request("can't parse inline query results button")
    if "start_parameter" in button and not _START_PARAMETER.fullmatch(
        str(button["start_parameter"])
    ):
        raise bad_request("START_PARAM_INVALID")


def _check_inline_result(result: JSON) -> None:
    is_article = result.get("type") == "article"
    if is_article and not result.get("title"):
        raise bad_request("RESULT_TITLE_EMPTY")
    content = result.get("input_message_content")
    if is_article and content is None:
        raise bad_request("input_message_content is required for article results")
    if content is not None and "message_text" in content:
        message_text(content, text_field="message_text")
    inline_markup(result.get("reply_markup"))


def check_commands(commands: Any) -> list[JSON]:
    """setMyCommands' list, validated; the commands as Telegram stores them."""
    if not isinstance(commands, list) or len(commands) > MAX_COMMANDS:
        raise bad_request("can't parse commands JSON object")
    for command in commands:
        if not _COMMAND_NAME.fullmatch(str(command.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        description = str(command.get("description", "")).strip()
        if not 1 <= len(description) <= MAX_COMMAND_DESCRIPTION:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return [{"command": item["command"], "description": item["description"]} for item in commands]
