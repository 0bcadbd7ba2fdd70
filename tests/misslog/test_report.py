"""The text admins read after /stats and /misses."""

from __future__ import annotations

from datetime import UTC, datetime

from celacbot.misslog.report import misses_report, stats_report
from celacbot.misslog.store import Miss, Outcome, ScoredEntry, Stats
from celacbot.retrieval.answer import Decision

STARTED = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)


def test_stats_show_each_decision_since_start_and_all_time() -> None:
    since_start = Stats(since=STARTED, answered=12, smalltalk=2, suggested=3, declined=1)
    all_time = Stats(
        since=None,
        answered=480,
        smalltalk=40,
        suggested=60,
        declined=25,
        picked=41,
        none_of_these=9,
        top_entries=(("cbers-satellite-count", 52), ("byd-brazil-complex", 40)),
        top_unanswered=(("weather in lima", 4),),
    )

    assert stats_report(since_start, all_time) == [
        "Questions since start (started 2026-11-28 09:30 UTC) / all time:",
        "answered    12 / 480",
        "small talk   2 / 40",
        "suggested    3 / 60",
        "declined     1 / 25",
        "Suggestions picked 41, none of these 9, no reply 10 (all time)",
        "Most served: cbers-satellite-count 52, byd-brazil-complex 40",
        'Most asked, not answered: "weather in lima" 4',
    ]


def test_stats_of_an_empty_log_are_zeros_without_top_lists() -> None:
    lines = stats_report(Stats(since=STARTED), Stats(since=None))

    assert lines[1:] == [
        "answered   0 / 0",
        "small talk 0 / 0",
        "suggested  0 / 0",
        "declined   0 / 0",
        "Suggestions picked 0, none of these 0, no reply 0 (all time)",
    ]


def make_miss(
    question: str,
    decision: Decision,
    candidates: tuple[ScoredEntry, ...] = (),
    outcome: Outcome | None = None,
    picked_id: str | None = None,
) -> Miss:
    return Miss(
        id=1,
        time=datetime(2026, 11, 28, 12, 41, tzinfo=UTC),
        chat_type="private",
        language="en",
        decision=decision,
        question=question,
        normalised=question.lower(),
        candidates=candidates,
        outcome=outcome,
        picked_id=picked_id,
        user_hash="0" * 32,
    )


def test_misses_show_what_was_offered_and_what_the_user_chose() -> None:
    offered = (ScoredEntry("byd-brazil-complex", 57.2), ScoredEntry("byd-first-vehicle", 51.0))
    misses = [
        make_miss("What is BYD doing\nin Bahia?", Decision.DECLINE),
        make_miss(
            "is the byd plant open yet",
            Decision.SUGGEST,
            offered,
            Outcome.PICKED,
            "byd-first-vehicle",
        ),
        make_miss("byd plant", Decision.SUGGEST, offered, Outcome.NONE),
        make_miss("byd", Decision.SUGGEST, offered),
    ]

    assert misses_report(misses) == [
        "The latest 4 unanswered questions (UTC):",
        '11-28 12:41 declined "What is BYD doing in Bahia?"',
        '11-28 12:41 suggested "is the byd plant open yet" - offered byd-brazil-complex 57,'
        " byd-first-vehicle 51; picked byd-first-vehicle",
        '11-28 12:41 suggested "byd plant" - offered byd-brazil-complex 57, byd-first-vehicle 51;'
        " none of these",
        '11-28 12:41 suggested "byd" - offered byd-brazil-complex 57, byd-first-vehicle 51;'
        " no reply",
    ]


def test_a_long_question_is_shortened_in_the_report() -> None:
    (_, line) = misses_report([make_miss("why " * 100, Decision.DECLINE)])

    assert len(line) == len('11-28 12:41 declined ""') + 80
    assert line.endswith('…"')


def test_no_misses_is_said_in_one_line() -> None:
    assert misses_report([]) == ["No unanswered questions yet."]
