"""The baselines of benchmarks/telegram.py: bare PTB bots answering every text message.

Run as a child process (`python -m benchmarks.echo_bot [--rich]`); it imports nothing but PTB,
so its memory and CPU are what PTB itself costs. The plain bot echoes the text. The rich one
sends what celacbot typically sends, found by no search at all: a ~240-character answer with
a keyboard of three buttons (Source and two related questions), so that the cost of the reply's
shape can be told apart from the cost of finding the answer.
"""

from __future__ import annotations

import os
import sys

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

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
    application = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .concurrent_updates(int(os.environ["CELACBOT_CONCURRENT_UPDATES"]))
        .build()
    )
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND, rich_reply if rich else echo)
    )
    application.run_polling(timeout=int(os.environ["CELACBOT_POLL_TIMEOUT"]))


if __name__ == "__main__":
    main()
