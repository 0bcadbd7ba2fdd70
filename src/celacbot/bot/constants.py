"""Names and limits shared by the bot's modules."""

from __future__ import annotations

from typing import Final

from telegram import LinkPreviewOptions
from telegram.constants import InlineQueryLimit, MessageLimit, ParseMode

# How every message is sent (the Application's Defaults; inline results carry them too):
# HTML, and no preview card for a link in an answer.
PARSE_MODE: Final = ParseMode.HTML
NO_LINK_PREVIEW: Final = LinkPreviewOptions(is_disabled=True)

MAX_MESSAGE_UTF16: Final = int(MessageLimit.MAX_TEXT_LENGTH)
# The most asked entries offered for an empty inline query, to browse.
MAX_INLINE_RESULTS: Final = 10
# The best matches offered for typed words: each result carries its whole answer, which PTB
# copies and serialises for every keystroke's query (0.04 ms a result), and matches below the
# fifth are seldom what was typed for.
MAX_INLINE_MATCHES: Final = 5
# Inline results change as questions are asked, so Telegram may cache them only briefly.
INLINE_CACHE_SECONDS: Final = 10
MAX_INLINE_QUERY_CHARS: Final = int(InlineQueryLimit.MAX_QUERY_LENGTH)
INLINE_DESCRIPTION_CHARS: Final = 100
# The /start payload of the "nothing found" button of inline mode: it greets. The "_" keeps
# it apart from every entry id, which deep links name.
INLINE_START_PARAMETER: Final = "from_inline"

MAX_RELATED_BUTTONS: Final = 3
MAX_SUGGESTION_BUTTONS: Final = 3
EXAMPLE_QUESTIONS: Final = 4

# The updates the bot handles; Telegram does not even send the others (edits, channel posts).
ALLOWED_UPDATES: Final = ("message", "callback_query", "inline_query")
