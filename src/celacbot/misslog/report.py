"""Plain-text reports of the question log for the admins' /stats and /misses (HTML-escape them)."""

from __future__ import annotations

from collections.abc import Sequence

from celacbot.misslog.log import Writes
from celacbot.misslog.store import Miss, Outcome, Stats
from celacbot.retrieval.answer import Decision

QUOTE_CHARS = 80


def stats_report(since_start: Stats, all_time: Stats) -> list[str]:
    """Lines for /stats: each decision since start and all time, then the top entries and misses."""
    started = (
        "" if since_start.since is None else f" (started {since_start.since:%Y-%m-%d %H:%M} UTC)"
    )
    width = len(str(all_time.total))
    lines = [f"Questions since start{started} / all time:"]
    for label, now, ever in (
        ("answered", since_start.answered, all_time.answered),
        ("small talk", since_start.smalltalk, all_time.smalltalk),
        ("suggested", since_start.suggested, all_time.suggested),
        ("declined", since_start.declined, all_time.declined),
    ):
        lines.append(f"{label:<11}{now:>{width}} / {ever}")
    lines.append(
        f"Suggestions picked {all_time.picked}, none of these {all_time.none_of_these}"
        f", no reply {all_time.suggested - all_time.picked - all_time.none_of_these} (all time)"
    )
    if all_time.top_entries:
        served = ", ".join(f"{entry} {times}" for entry, times in all_time.top_entries)
        lines.append(f"Most served: {served}")
    if all_time.top_unanswered:
        asked = ", ".join(f"{_quote(text)} {times}" for text, times in all_time.top_unanswered)
        lines.append(f"Most asked, not answered: {asked}")
    return lines


def writes_report(writes: Writes) -> list[str]:
    """A line for /stats when records of this run were not written (none when all were)."""
    if not writes.lost:
        return []
    line = (
        f"Log writes failing: {writes.lost} of {writes.written + writes.lost} records since"
        f" start not written ({writes.failed} failed, {writes.dropped} dropped)"
    )
    if writes.last_error is not None and writes.last_error_at is not None:
        line += f"; last error at {writes.last_error_at:%H:%M} UTC: {writes.last_error}"
    return [line]


def misses_report(misses: Sequence[Miss]) -> list[str]:
    """Lines for /misses: one per question, newest first, with what was offered and chosen."""
    if not misses:
        return ["No unanswered questions yet."]
    lines = [f"The latest {len(misses)} unanswered questions (UTC):"]
    for miss in misses:
        verdict = "suggested" if miss.decision is Decision.SUGGEST else "declined"
        line = f"{miss.time:%m-%d %H:%M} {verdict} {_quote(miss.question)}"
        if miss.decision is Decision.SUGGEST:
            offered = ", ".join(f"{item.id} {item.score:.0f}" for item in miss.candidates)
            line += f" - offered {offered}; {_reply(miss)}"
        lines.append(line)
    return lines


def _reply(miss: Miss) -> str:
    if miss.outcome is Outcome.PICKED:
        return f"picked {miss.picked_id}"
    if miss.outcome is Outcome.NONE:
        return "none of these"
    return "no reply"


def _quote(text: str) -> str:
    """A question on one line, shortened: it came from a stranger and goes into a chat."""
    flat = " ".join(text.split())
    return f'"{flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1] + "…"}"'
