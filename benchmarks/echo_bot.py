"""The baselines of benchmarks/telegram.py: bare PTB bots answering every text message.

Run as a child process (`python -m benchmarks.echo_bot [--rich]`); it imports nothing but PTB,
so its memory and CPU are what PTB itself costs. Like celacbot it reads CELACBOT_RATE_LIMIT and
paces its messages with PTB's own AIORateLimiter set up as celacbot's (src/celacbot/bot/
application.py): a bot that keeps to Telegram's limit is what users are served by, and the
comparison then shows what celacbot adds beyond it. The plain bot echoes the text. The rich one
sends what celacbot typically sends, found by no search at all: a ~240-character answer with
a keyboard of three buttons (Source and two related questions), so that the cost of the reply's
shape can be told apart from the cost of finding the answer.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
    filters,
)

# celacbot's reply to "How is CBERS data used?", the median length of its replies.
RICH_TEXT = (
    "The six CBERS Earth resource satellites provide valuable data for agriculture, water "
    "management and environmental monitoring. Their remote sensing data also goes to "
    "developing countries in Latin America, Africa and Southeast Asia."
)
RICH_KEYBOARD = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("📄 Source", callback_data="s:cbers-data-uses")],
        [
            InlineKeyboardButton(
                "Which regions receive CBERS remote sensing data?",
                callback_data="a:cbers-data-sharing",
            )
        ],
        [InlineKeyboardButton("What is the CBERS program?", callback_data="a:cbers-program")],
    ]
)


async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the message's text back."""
    if update.message and update.message.text:
        await update.message.reply_text(update.message.text)


async def rich_reply(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send a celacbot-shaped answer, whatever the question."""
    if update.message and update.message.text:
        await update.message.reply_text(RICH_TEXT, reply_markup=RICH_KEYBOARD)


def main(argv: list[str] | None = None) -> None:
    """Poll the Bot API named by the environment, as celacbot does, until SIGTERM."""
    rich = "--rich" in (sys.argv[1:] if argv is None else argv)
    # Any: the builder's type parameters change with the rate limiter, set or not.
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .concurrent_updates(int(os.environ["CELACBOT_CONCURRENT_UPDATES"]))
    )
    rate = float(os.environ["CELACBOT_RATE_LIMIT"])
    if rate > 0:
        # celacbot's pacing: one message per 1/rate seconds, three retries after a 429.
        builder = builder.rate_limiter(
            AIORateLimiter(overall_max_rate=1, overall_time_period=1 / rate, max_retries=3)
        )
    application = builder.build()
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND, rich_reply if rich else echo)
    )
    application.run_polling(timeout=int(os.environ["CELACBOT_POLL_TIMEOUT"]))


if __name__ == "__main__":
    main()
