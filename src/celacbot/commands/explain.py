"""`celacbot explain`: how one question was scored and why it was decided so."""

from __future__ import annotations

import argparse

from celacbot.commands import EXIT_CONFIG, load_retriever


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the question (several words need no quoting)."""
    parser.add_argument("question", nargs="+", metavar="QUESTION", help="the question to explain")


def run(args: argparse.Namespace) -> int:
    """Print the top candidates with their score components, the margin and the decision."""
    from celacbot.render.text import render_answer, render_explanation

    retriever = load_retriever("explain")
    if retriever is None:
        return EXIT_CONFIG
    explanation = retriever.explain(" ".join(args.question))
    print(render_explanation(explanation))
    print(f"\n{render_answer(explanation.answer, with_source=False)}")
    return 0
