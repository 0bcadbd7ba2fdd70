"""celacbot: a Telegram bot that answers questions about China-CELAC cooperation."""

__version__ = "0.1.0"
