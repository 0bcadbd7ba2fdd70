"""`celacbot ask`: answer questions from the arguments or standard input, as text or JSON."""

from __future__ import annotations

import argparse
import sys

from celacbot.commands import EXIT_CONFIG, load_retriever
from celacbot.languages import LANGUAGES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register --json, --lang and the questions."""
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object per question, one per line"
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="the asker's language, as a Telegram user's settings give it: it decides the"
        " reply's language when the question's own words do not (\"BYD Brasil\")",
    )
    parser.add_argument(
        "questions",
        nargs="*",
        metavar="QUESTION",
        help="questions to answer; with none, read one question per line from standard input",
    )


def run(args: argparse.Namespace) -> int:
    """Answer every question in order, flushing after each so pipes stream."""
    from celacbot.render.jsonl import render_json_line
    from celacbot.render.text import render_answer

    retriever = load_retriever("ask")
    if retriever is None:
        return EXIT_CONFIG
    questions = args.questions or (line.rstrip("\r\n") for line in sys.stdin)
    for number, question in enumerate(questions):
        answer = retriever.answer(question, lang_hint=args.lang)
        if args.json:
            print(render_json_line(answer), flush=True)
        else:
            separator = "\n" if number else ""
            print(f"{separator}> {question}\n{render_answer(answer)}", flush=True)
    return 0
