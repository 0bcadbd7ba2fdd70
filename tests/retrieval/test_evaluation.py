"""The eval metrics: what counts as right, wrong, declined and suggested."""

from __future__ import annotations

from collections import Counter

from celacbot.knowledge.checks import normalise_question
from celacbot.retrieval.evaluation import (
    DECLINE,
    SMALLTALK,
    SUGGEST,
    Case,
    Dialogue,
    DialogueBank,
    Floors,
    Outcome,
    Turn,
    evaluate,
    evaluate_by_language,
    evaluate_dialogues,
    load_bank,
    outcome_of,
    play,
    retriever_predictor,
    sweep,
)
from celacbot.retrieval.retriever import Retriever
from tests.checkout import ROOT

BANK = ROOT / "tests" / "data" / "questions.yaml"

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
        1.0,
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


def test_reports_by_language_cover_each_languages_cases_english_first() -> None:
    cases = [
        Case(q="b", expect=("entry-b",), lang="es"),
        Case(q="a", expect=("entry-a",)),
        Case(q="d", expect=("decline",), lang="es"),
    ]

    reports = evaluate_by_language(cases, OUTCOMES.__getitem__)

    assert list(reports) == ["en", "es"]
    assert (reports["en"].cases, reports["en"].top1_accuracy) == (1, 1.0)
    assert (reports["es"].cases, reports["es"].top1_accuracy) == (2, 0.0)
    assert (reports["es"].decline_recall, reports["es"].wrong_answer_rate) == (0.0, 0.5)


def test_the_shipped_bank_expects_only_real_outcomes(shipped: Retriever) -> None:
    kb = shipped.kb
    known = {item.id for item in [*kb.entries, *kb.facts]} | {DECLINE, SMALLTALK}

    unknown = {outcome for case in load_bank(BANK).cases for outcome in case.expect} - known

    assert unknown == set()


def test_the_shipped_bank_never_repeats_a_phrasing(shipped: Retriever) -> None:
    phrasings = {
        normalise_question(question)
        for entry in shipped.kb.entries
        for question in [
            *entry.questions,
            *(q for translation in entry.translations.values() for q in translation.questions),
        ]
    }

    repeated = [case.q for case in load_bank(BANK).cases if normalise_question(case.q) in phrasings]

    assert repeated == []


def test_the_shipped_bank_asks_in_every_language() -> None:
    cases = load_bank(BANK).cases

    counts = Counter(case.lang for case in cases)
    declines = sum(case.must_decline and case.lang != "en" for case in cases)

    assert min(counts["es"], counts["pt"]) >= 30
    assert counts["zh"] >= 20
    assert declines >= 10


def test_an_answer_that_says_what_the_article_lacks_is_right_for_a_near_miss() -> None:
    near_miss = Case(q="how much", expect=("decline",), category="nearmiss")
    off_topic = Case(q="weather", expect=("decline",), category="offtopic")
    honest = Outcome("entry-a", caveat=True)

    assert near_miss.accepts(honest)
    assert not off_topic.accepts(honest)
    assert not near_miss.accepts(Outcome("entry-a"))


def test_a_double_question_is_right_only_when_each_part_is() -> None:
    case = Case(q="a and b", expect=("entry-a", "entry-b"), parts=(("entry-a",), ("entry-b",)))
    both = Outcome("entry-a", parts=("entry-a", "entry-b"))
    one = Outcome("entry-a")

    assert case.accepts(both)
    assert not case.accepts(one)
    report = evaluate([case], {"a and b": one}.__getitem__)
    assert (report.top1_accuracy, report.wrong_answer_rate) == (0.0, 0.0)


def test_a_near_miss_answered_in_parts_is_honest_only_when_each_part_says_what_it_lacks(
    shipped: Retriever,
) -> None:
    counts = "Quantos ventiladores e quantas doses de vacina a China mandou ao todo?"
    near_miss = Case(q=counts, expect=("decline", "covid-support"), category="nearmiss")
    one_counted = "How many ventilators did China send? And what did BYD build in Brazil?"

    both_lack = outcome_of(shipped.answer(counts))
    one_lacks = outcome_of(shipped.answer(one_counted))

    assert (len(both_lack.parts), both_lack.caveat) == (2, True)
    assert near_miss.accepts(both_lack)
    assert (len(one_lacks.parts), one_lacks.caveat) == (2, False)


def test_categories_are_reported_and_guarded_by_their_floors() -> None:
    cases = [
        Case(q="a", expect=("entry-a",), category="plain"),
        Case(q="c", expect=("entry-c",), category="paraphrase"),
    ]
    report = evaluate(cases, OUTCOMES.__getitem__)

    assert report.by_category == (("plain", 1, 1.0), ("paraphrase", 1, 0.0))
    assert report.failures(Floors(by_category={"paraphrase": 0.5})) == [
        "paraphrase 0.0% < floor 50.0%"
    ]


def test_a_dialogue_is_played_with_each_turns_subject(tiny: Retriever) -> None:
    dialogue = Dialogue(
        kind="reply_to_older",
        turns=(
            Turn(q="BYD Brazil factory", expect=("byd-factory",)),
            Turn(q="satellites for Bolivia", expect=("satellites",)),
            Turn(q="and when?", reply_to=1, expect=("byd-factory",)),
        ),
    )

    last = play(dialogue, tiny)
    without_the_reply = play(dialogue.model_copy(update={"turns": dialogue.turns[1:]}), tiny)

    assert (last.id, bool(last.context)) == ("byd-factory", True)
    assert without_the_reply.id != "byd-factory"


def test_dialogue_floors_name_each_kind_missed(tiny: Retriever) -> None:
    bank = DialogueBank(
        floors={"followup": 1.0},
        dialogues=(
            Dialogue(
                kind="followup",
                turns=(
                    Turn(q="BYD Brazil factory", expect=("byd-factory",)),
                    Turn(q="and when?", expect=("nothing-answers-this",)),
                ),
            ),
        ),
    )

    report = evaluate_dialogues(bank, tiny)

    assert report.by_kind == (("followup", 1, 0.0),)
    assert report.failures(bank.floors) == ["followup 0.0% < floor 100.0%"]


def test_one_honest_answer_can_be_right_for_every_part() -> None:
    case = Case(
        q="which day did it open? in which city?",
        expect=("decline",),
        category="nearmiss",
        parts=(("decline",), ("decline",)),
    )

    assert case.accepts(Outcome("food-center", caveat=True))
    assert not case.accepts(Outcome("food-center"))
