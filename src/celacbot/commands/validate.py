"""`celacbot validate`: check a knowledge file and report problems as file:line:col lines."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from celacbot.commands import EXIT_CONFIG, counted, load_settings
from celacbot.config import RetrievalSettings
from celacbot.knowledge.document import YamlPath
from celacbot.knowledge.models import KnowledgeBase


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="the knowledge file (default: CELACBOT_KNOWLEDGE or knowledge/faq.yaml)",
    )
    parser.add_argument(
        "--coverage",
        action="store_true",
        help="also list the article's sentences that no entry or fact quotes",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="an item missing a language the file translates into is an error, not a warning",
    )


def unmatched_synonyms(kb: KnowledgeBase) -> Iterator[tuple[YamlPath, str]]:
    """A warning for each synonym group whose name holds a word no entry or fact uses: a
    question's words are read as the name, so they would match nothing."""
    from celacbot.retrieval.retriever import Retriever

    # Which words the entries use does not depend on the thresholds.
    retriever = Retriever(kb, RetrievalSettings())
    groups: list[tuple[YamlPath, str]] = [(("synonyms", name), name) for name in kb.synonyms]
    groups += [
        (("language_synonyms", lang, name), name)
        for lang, synonyms in kb.language_synonyms.items()
        for name in synonyms
    ]
    for where, name in groups:
        unused = retriever.unused_terms(name)
        if unused:
            yield (
                where,
                f"no entry or fact uses {', '.join(map(repr, unused))}: the group reads its"
                " words as words that match nothing; add one they use (or the English term)",
            )


def run(args: argparse.Namespace) -> int:
    """Print every error and warning, translation coverage and a summary; exit 1 on errors."""
    from celacbot.knowledge.coverage import uncited_sentences
    from celacbot.knowledge.loader import check_knowledge_file
    from celacbot.knowledge.translations import coverage

    path: Path | None = args.path
    if path is None:
        settings = load_settings("validate")
        if settings is None:
            return EXIT_CONFIG
        path = settings.knowledge
    report = check_knowledge_file(path, strict=args.strict, checks=[unmatched_synonyms])
    for line in [*report.errors, *report.warnings]:
        print(line)
    if report.kb is None:
        found = [counted(len(report.errors), "error")]
        if report.warnings:
            found.append(counted(len(report.warnings), "warning"))
        print(f"{report.name}: {', '.join(found)}")
        return 1
    if args.coverage and report.article is not None:
        article = report.article_name
        uncited = uncited_sentences(report.kb, report.article)
        for sentence in uncited:
            print(f"{article}:{sentence.line}: not cited: {sentence.text}")
        if not uncited:
            print(f"{article}: every factual sentence is cited")
    kb = report.kb
    for lang, counts in coverage(kb).items():
        print(f"{report.name}: translations {lang}: {', '.join(map(str, counts))}")
    print(
        f"{report.name}: OK - {len(kb.entries)} entries, {len(kb.facts)} facts, "
        f"{len(kb.topics)} topics, {len(kb.synonyms)} synonym groups, "
        f"{len(kb.smalltalk)} smalltalk; {counted(len(report.warnings), 'warning')}"
    )
    return 0
