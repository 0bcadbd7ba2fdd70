"""The `celacbot` command: one sub-command per module in celacbot.commands.

Each command module imports its heavy dependencies inside `run()`, so that
`celacbot ask` never pays for importing `telegram`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from celacbot import __version__

# name -> one-line help; the module celacbot.commands.<name> implements it.
COMMANDS: dict[str, str] = {
    "start": "run the Telegram bot if a token is configured, else the terminal chat",
    "run": "run the Telegram bot (long polling, or a webhook when configured)",
    "chat": "chat with the bot in the terminal, no token needed",
    "ask": "answer questions given as arguments or one per line on standard input",
    "explain": "show how a question was scored and why it was decided so",
    "eval": "measure answer quality on a labelled question bank",
    "validate": "check a knowledge file and report problems with file:line",
    "schema": "print the JSON Schema of faq.yaml",
    "misses": "group the questions the bot could not answer",
}


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(f"celacbot.commands.{name.replace('-', '_')}")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="celacbot", description="Answers questions about China-CELAC cooperation."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        module = _command_module(name)
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `celacbot` console script."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `celacbot ask ... | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
