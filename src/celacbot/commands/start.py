"""`celacbot start` (`make run`): the Telegram bot when a token is set, else the terminal chat."""

from __future__ import annotations

import argparse
import sys

CHAT_INSTEAD_MESSAGE = (
    "No TELEGRAM_BOT_TOKEN set (get one from @BotFather), so here is the terminal chat instead."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments: none, it needs no configuration at all."""
    parser.epilog = "With TELEGRAM_BOT_TOKEN set this is `celacbot run`, otherwise `celacbot chat`."


def run(args: argparse.Namespace) -> int:
    """Run the bot, or explain in one line why not and start the terminal chat."""
    from celacbot.commands import EXIT_CONFIG, load_settings
    from celacbot.commands import run as run_command

    settings = load_settings("start")
    if settings is None:
        return EXIT_CONFIG
    if run_command.has_token(settings):
        return run_command.serve(settings)
    print(CHAT_INSTEAD_MESSAGE, file=sys.stderr)
    from celacbot.commands import chat

    # The chat's own defaults, whatever options it grows.
    chat_parser = argparse.ArgumentParser(prog="celacbot chat")
    chat.add_arguments(chat_parser)
    return chat.run(chat_parser.parse_args([]))
