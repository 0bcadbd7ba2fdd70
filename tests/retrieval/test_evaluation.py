"""The eval metrics: what counts as right, wrong, declined and suggested."""

from __future__ import annotations

from celacbot.retrieval.evaluation import (
    DECLINE,
    SUGGEST,
    Case,
    Floors,
    Outcome,
    evaluate,
    retriever_predictor,
    sweep,
)
from celacbot.retrieval.retriever import Retriever

CASES = [
    Case(q="a", expect=("entry-a",)),
    Case(q="b", expect=("entry-b", "decline")),
    Case(q="c", expect=("entry-c",)),
    Case(q="d", expect=("decline",)),
    Case(q="e", expect=("decline",)),
]
OUTCOMES = {
    "a": Outcome("entry-a"),
    "b": Outcome(DECLINE),
    "c": Outcome(SUGGEST, ("entry-x", "entry-c")),
    "d": Outcome("entry-a"),
    "e": Outcome(DECLINE),
}


def test_metrics_count_right_wrong_declined_and_suggested() -> None:
    report = evaluate(CASES, OUTCOMES.__getitem__)

    assert (report.top1_accuracy, report.decline_recall, report.decline_precision) == (
        2 / 3,
        1 / 2,
        1 / 2,
    )
    assert report.wrong_answer_rate == 1 / 5
    assert (report.suggested, report.suggestion_hit_rate) == (1, 1.0)
    assert [(expected, got) for expected, got, _, _ in report.confusions] == [
        ("decline", "entry-a"),
        ("entry-c", "suggest"),
    ]


def test_failures_name_each_floor_missed() -> None:
    report = evaluate(CASES, OUTCOMES.__getitem__)

    assert report.failures(Floors(top1_accuracy=0.5, max_wrong_answer_rate=0.1)) == [
        "wrong-answer rate 20.0% > floor 10.0%"
    ]


def test_sweep_covers_the_grid_with_one_index(tiny: Retriever) -> None:
    cases = [Case(q="BYD Brazil factory", expect=("byd-factory",))]

    points = sweep(tiny, cases, thresholds=(40.0, 99.0), margins=(0.0, 5.0))

    assert [(p.answer_threshold, p.margin) for p in points] == [
        (40.0, 0.0),
        (40.0, 5.0),
        (99.0, 0.0),
        (99.0, 5.0),
    ]
    assert points[0].report.top1_accuracy == 1.0
    assert evaluate(cases, retriever_predictor(tiny)).top1_accuracy == 1.0
