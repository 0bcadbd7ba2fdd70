"""Grouping: the same question in different words is one line of work for a maintainer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from celacbot.misslog.grouping import group_misses
from celacbot.misslog.store import Miss, Outcome
from celacbot.retrieval.answer import Decision

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def miss(
    question: str,
    *,
    user: str = "u1",
    decision: Decision = Decision.DECLINE,
    picked: str | None = None,
    minutes_ago: int = 0,
) -> Miss:
    return Miss(
        id=0,
        time=NOW - timedelta(minutes=minutes_ago),
        chat_type="private",
        language=None,
        decision=decision,
        question=question,
        normalised=" ".join(question.casefold().split()),
        candidates=(),
        outcome=None if picked is None else Outcome.PICKED,
        picked_id=picked,
        user_hash=user,
    )


def test_rephrasings_of_one_question_form_one_group() -> None:
    groups = group_misses(
        [
            miss("Who built the BYD factory?", user="a"),
            miss("who built the byd factory", user="b"),
            miss("Who built the BYD factory in Brazil?", user="a", decision=Decision.SUGGEST),
            miss("What is the weather in Lima?", user="c"),
            miss("weather in lima", user="c", minutes_ago=5),
        ]
    )

    assert [(group.count, group.users, group.declined, group.suggested) for group in groups] == [
        (3, 2, 2, 1),
        (2, 1, 2, 0),
    ]
    assert set(groups[0].examples) == {
        "Who built the BYD factory?",
        "who built the byd factory",
        "Who built the BYD factory in Brazil?",
    }


def test_examples_are_the_most_asked_texts_first_and_at_most_three() -> None:
    questions = ["how many cbers satellites are there"] + ["cbers satellites how many"] * 2
    questions += ["cbers satellites"] * 3 + ["how many cbers satellites"] * 4

    (group,) = group_misses([miss(question) for question in questions])

    assert group.count == 10
    assert group.examples == (
        "how many cbers satellites",
        "cbers satellites",
        "cbers satellites how many",
    )


def test_a_short_vague_question_does_not_merge_unrelated_questions() -> None:
    groups = group_misses(
        [
            miss("china"),
            miss("china brazil earth resources satellites"),
            miss("china mexico covid vaccines ventilators"),
        ]
    )

    assert len(groups) == 2
    assert sorted(group.count for group in groups) == [1, 2]
    assert all(
        not {"china brazil earth resources satellites", "china mexico covid vaccines ventilators"}
        <= set(group.examples)
        for group in groups
    )


def test_picks_from_suggestions_show_which_entry_users_meant() -> None:
    (group,) = group_misses(
        [
            miss("byd plant", decision=Decision.SUGGEST, picked="byd-brazil"),
            miss("byd plant?", decision=Decision.SUGGEST, picked="byd-brazil"),
            miss("BYD plant", decision=Decision.SUGGEST, picked="ev-markets"),
            miss("byd plant!", decision=Decision.SUGGEST),
        ]
    )

    assert group.picked == (("byd-brazil", 2), ("ev-markets", 1))


def test_biggest_groups_come_first_then_the_most_recent() -> None:
    groups = group_misses(
        [
            miss("lithium processing", minutes_ago=60),
            miss("solar panel factories", minutes_ago=1),
            miss("gdp of peru"),
            miss("gdp of peru?", minutes_ago=90),
        ]
    )

    assert [group.examples[0] for group in groups] == [
        "gdp of peru",
        "solar panel factories",
        "lithium processing",
    ]
    assert groups[0].last_asked == NOW


def test_no_misses_no_groups() -> None:
    assert group_misses([]) == []


def test_only_the_most_asked_wordings_are_grouped_beyond_the_cap() -> None:
    groups = group_misses(
        [
            miss("gdp of peru"),
            miss("gdp of peru", minutes_ago=1),
            miss("lithium processing", minutes_ago=1),
            miss("solar panel factories"),
        ],
        max_wordings=2,
    )

    assert [(group.examples, group.count) for group in groups] == [
        (("gdp of peru",), 2),
        (("solar panel factories",), 1),
    ]


def test_case_and_punctuation_alone_do_not_make_a_new_wording() -> None:
    variants = [miss("GDP of Peru?"), miss("gdp of peru"), miss("gdp, of peru!")]
    other = [miss("lithium processing"), miss("lithium processing")]

    # One wording asked three times outranks one asked twice for the only place left.
    (group,) = group_misses([*variants, *other], max_wordings=1)

    assert (group.count, len(group.examples)) == (3, 3)
