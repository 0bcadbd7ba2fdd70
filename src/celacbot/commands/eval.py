"""`celacbot eval`: answer quality on a labelled question bank, failing below its floors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from celacbot.commands import EXIT_CONFIG, load_retriever

if TYPE_CHECKING:
    from celacbot.retrieval.evaluation import DialogueBank


DEFAULT_BANK = Path("tests/data/questions.yaml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the bank path and --sweep/--no-sweep."""
    parser.add_argument(
        "bank",
        nargs="?",
        type=Path,
        default=DEFAULT_BANK,
        help=f"the question bank (YAML, format in its header; default {DEFAULT_BANK})",
    )
    parser.add_argument(
        "--sweep",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also print the answer-threshold x margin sweep table (default: on)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the metrics, misses and sweep; exit 1 below any floor, 2 on unusable input."""
    import functools

    import yaml

    from celacbot.locations import checkout_root
    from celacbot.render.report import (
        render_context,
        render_languages,
        render_report,
        render_sweep,
    )
    from celacbot.retrieval.evaluation import (
        SWEEP_MARGINS,
        SWEEP_THRESHOLDS,
        DialogueBank,
        context_robustness,
        evaluate,
        evaluate_by_language,
        load_any_bank,
        retriever_predictor,
        sweep,
    )

    bank_path: Path = args.bank
    # The default bank is the checkout's tests/data: found from any directory of a checkout.
    root = checkout_root()
    if root is not None and not bank_path.is_absolute() and not bank_path.exists():
        bank_path = root / bank_path
    try:
        bank = load_any_bank(bank_path)
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"{bank_path}: {error}", file=sys.stderr)
        return 2
    if isinstance(bank, DialogueBank):
        return _eval_dialogues(bank_path, bank)
    retriever = load_retriever("eval")
    if retriever is None:
        return EXIT_CONFIG
    # The whole bank and each language's share ask the same questions: answer each once.
    predict = functools.cache(retriever_predictor(retriever))
    report = evaluate(bank.cases, predict)
    by_lang = evaluate_by_language(bank.cases, predict)
    print(f"bank: {bank_path}")
    print(render_report(report, bank.floors))
    print()
    print(render_languages(by_lang, bank.floors_by_lang))
    context = context_robustness(bank.cases, retriever)
    print()
    print(render_context(context, bank.floors))
    if args.sweep:
        settings = retriever.settings
        print()
        # The grid always holds the current settings, so the table can mark them.
        thresholds = sorted({*SWEEP_THRESHOLDS, settings.answer_threshold})
        margins = sorted({*SWEEP_MARGINS, settings.margin})
        points = sweep(retriever, bank.cases, thresholds, margins)
        print(render_sweep(points, (settings.answer_threshold, settings.margin)))
    failures = (
        report.failures(bank.floors)
        + context.failures(bank.floors)
        + [
            f"{lang}: {failure}"
            for lang, lang_floors in bank.floors_by_lang.items()
            if lang in by_lang
            for failure in by_lang[lang].failures(lang_floors)
        ]
    )
    if failures:
        print("\nBELOW FLOOR: " + "; ".join(failures), file=sys.stderr)
        return 1
    print("\nall floors met")
    return 0


def _eval_dialogues(bank_path: Path, bank: DialogueBank) -> int:
    """Play a dialogue bank and score each dialogue's last turn against the bank's floors."""
    from celacbot.render.report import render_dialogues
    from celacbot.retrieval.evaluation import evaluate_dialogues

    retriever = load_retriever("eval")
    if retriever is None:
        return EXIT_CONFIG
    report = evaluate_dialogues(bank, retriever)
    print(f"bank: {bank_path}")
    print(render_dialogues(report, bank.floors))
    failures = report.failures(bank.floors)
    if failures:
        print("\nBELOW FLOOR: " + "; ".join(failures), file=sys.stderr)
        return 1
    print("\nall floors met")
    return 0
