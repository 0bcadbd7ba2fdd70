"""`celacbot misses`: the questions the bot could not answer, grouped, with the nearest entry."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from celacbot.commands import EXIT_CONFIG, counted, load_settings

if TYPE_CHECKING:
    from celacbot.config import RetrievalSettings
    from celacbot.misslog.grouping import MissGroup
    from celacbot.retrieval.answer import Suggestion

FORMATS = ("table", "csv", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument(
        "--since",
        type=_since,
        metavar="DATE",
        help="only questions asked from this date or time on (ISO 8601, UTC if no offset)",
    )
    parser.add_argument(
        "--top", type=_positive, default=20, metavar="N", help="show the N biggest groups (20)"
    )
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="the question log (default: $CELACBOT_DATA_DIR/celacbot.sqlite3)",
    )
    parser.add_argument(
        "--knowledge",
        type=Path,
        metavar="PATH",
        help="where to look up each group's nearest entry (default: CELACBOT_KNOWLEDGE)",
    )


@dataclass(frozen=True, slots=True)
class _Row:
    group: MissGroup
    nearest: Suggestion | None


def run(args: argparse.Namespace) -> int:
    """Print the groups; exit 1 if the log is missing or unreadable, 0 otherwise (even if empty)."""
    import sqlite3

    from celacbot.misslog.grouping import group_misses
    from celacbot.misslog.store import DB_FILENAME, EventStore, SchemaTooNewError

    settings = load_settings("misses")
    if settings is None:
        return EXIT_CONFIG
    db: Path = args.db or settings.data_dir / DB_FILENAME
    if not db.is_file():
        print(f"celacbot misses: no question log at {db} (the bot creates it when it first runs)")
        return 1
    try:
        store = EventStore.open_readonly(db)
        try:
            misses = store.misses(args.since)
        finally:
            store.close()
    except (sqlite3.Error, SchemaTooNewError) as exc:
        print(f"celacbot misses: cannot read {db}: {exc}", file=sys.stderr)
        return 1
    if not misses:
        since = "" if args.since is None else f" since {args.since:%Y-%m-%d %H:%M} UTC"
        print(f"No unanswered questions{since}: nothing to do.")
        return 0
    groups = group_misses(misses)
    grouped = sum(group.count for group in groups)
    if grouped < len(misses):
        print(
            f"celacbot misses: grouped the {grouped} questions with the most asked wordings"
            f" of {len(misses)}; use --since for the rest",
            file=sys.stderr,
        )
    groups = groups[: args.top]
    nearest = _nearest_entries(groups, args.knowledge or settings.knowledge, settings.retrieval)
    rows = [_Row(group, near) for group, near in zip(groups, nearest, strict=True)]
    {"table": _print_table, "csv": _print_csv, "json": _print_json}[args.format](
        rows, total=len(misses), since=args.since
    )
    return 0


def _nearest_entries(
    groups: list[MissGroup], knowledge: Path, settings: RetrievalSettings
) -> list[Suggestion | None]:
    """The best entry for each group's most asked question; None for all if the KB is unusable."""
    from celacbot.knowledge.loader import KnowledgeError, load_knowledge_base
    from celacbot.retrieval.retriever import Retriever

    try:
        retriever = Retriever(load_knowledge_base(knowledge), settings)
    except KnowledgeError as exc:
        print(f"celacbot misses: no nearest entries: {exc.problems[0]}", file=sys.stderr)
        return [None] * len(groups)
    return [next(iter(retriever.search(group.examples[0], limit=1)), None) for group in groups]


def _print_table(rows: list[_Row], *, total: int, since: datetime | None) -> None:
    when = "" if since is None else f" since {since:%Y-%m-%d %H:%M} UTC"
    print(f"{total} unanswered questions{when}; the {len(rows)} biggest groups:")
    for number, row in enumerate(rows, start=1):
        group = row.group
        users = "" if not group.users else f" by {counted(group.users, 'user')}"
        print(
            f"\n#{number}  asked {counted(group.count, 'time')}{users}"
            f" ({group.declined} declined, {group.suggested} suggested),"
            f" last {group.last_asked:%Y-%m-%d %H:%M}"
        )
        if row.nearest is not None:
            print(
                f"    nearest: {row.nearest.id} ({row.nearest.score:.0f})"
                f" {_printable(row.nearest.question)}"
            )
        if group.picked:
            print(f"    picked:  {', '.join(f'{entry} x{times}' for entry, times in group.picked)}")
        for index, example in enumerate(group.examples):
            print(f"    {'e.g.' if index == 0 else '':<9}{_printable(example)}")


def _print_csv(rows: list[_Row], *, total: int, since: datetime | None) -> None:
    del total, since  # one row per group says it all
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(
        [
            "rank",
            "count",
            "users",
            "declined",
            "suggested",
            "last_asked",
            "nearest_id",
            "nearest_score",
            "picked",
            "examples",
        ]
    )
    for number, row in enumerate(rows, start=1):
        group, nearest = row.group, row.nearest
        writer.writerow(
            [
                number,
                group.count,
                group.users,
                group.declined,
                group.suggested,
                _iso(group.last_asked),
                "" if nearest is None else nearest.id,
                "" if nearest is None else f"{nearest.score:.1f}",
                " ".join(f"{entry}:{times}" for entry, times in group.picked),
                " | ".join(_printable(example) for example in group.examples),
            ]
        )


def _print_json(rows: list[_Row], *, total: int, since: datetime | None) -> None:
    groups = [
        {
            "count": row.group.count,
            "users": row.group.users,
            "declined": row.group.declined,
            "suggested": row.group.suggested,
            "last_asked": _iso(row.group.last_asked),
            "examples": list(row.group.examples),
            "picked": dict(row.group.picked),
            "nearest": None
            if row.nearest is None
            else {
                "id": row.nearest.id,
                "question": row.nearest.question,
                "score": round(row.nearest.score, 1),
            },
        }
        for row in rows
    ]
    document = {"since": None if since is None else _iso(since), "misses": total, "groups": groups}
    print(json.dumps(document, ensure_ascii=False, indent=2))


def _since(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (try 2026-11-01)") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _printable(text: str) -> str:
    """One line without control characters: questions come from strangers, output goes to a TTY."""
    return " ".join("".join(char if char.isprintable() else " " for char in text).split())


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")
