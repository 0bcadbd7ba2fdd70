"""The baseline of benchmarks/telegram.py: a bare PTB bot echoing every text message.

Run as a child process (`python -m benchmarks.echo_bot`); it imports nothing but PTB, so its
memory and CPU are what PTB itself costs.
"""

from __future__ import annotations

import os

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the message's text back."""
    if update.message and update.message.text:
        await update.message.reply_text(update.message.text)


def main() -> None:
    """Poll the Bot API named by the environment, as celacbot does, until SIGTERM."""
    application = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .concurrent_updates(int(os.environ["CELACBOT_CONCURRENT_UPDATES"]))
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.run_polling(timeout=int(os.environ["CELACBOT_POLL_TIMEOUT"]))


if __name__ == "__main__":
    main()
