"""The decision policy on synthetic scores: answer, "did you mean" or decline."""

from __future__ import annotations

from collections.abc import Sequence

from celacbot.config import RetrievalSettings
from celacbot.retrieval.answer import Kind
from celacbot.retrieval.index import Document, Scored
from celacbot.retrieval.policy import Answered, Declined, Suggested, decide

SETTINGS = RetrievalSettings(
    answer_threshold=60, suggest_threshold=40, margin=5, min_coverage=0.5, suggest_min_coverage=0.3
)


def scored(
    doc_id: str,
    total: float,
    *,
    overlap: float = 100.0,
    fuzzy: float = 50.0,
    related: frozenset[str] = frozenset(),
) -> Scored:
    document = Document(
        id=doc_id,
        kind=Kind.FAQ,
        label=doc_id,
        phrasings=(doc_id,),
        phrasing_terms=((doc_id,),),
        phrasing_langs=("en",),
        strong=frozenset({doc_id}),
        weak=frozenset(),
        keyword_terms=frozenset(),
        related=related,
    )
    return Scored(document, "en", fuzzy, 0.0, overlap, 0.0, total)


def no_facts() -> Sequence[Scored]:
    return []


def test_a_clear_leader_is_answered() -> None:
    verdict = decide([scored("a", 80), scored("b", 50)], no_facts, SETTINGS)

    assert isinstance(verdict, Answered)
    assert verdict.best.document.id == "a"
    assert verdict.margin == 30


def test_a_close_runner_up_makes_it_a_suggestion_of_both() -> None:
    verdict = decide([scored("a", 80), scored("b", 78)], no_facts, SETTINGS)

    assert isinstance(verdict, Suggested)
    assert [each.document.id for each in verdict.candidates] == ["a", "b"]


def test_a_high_score_covering_little_of_the_question_is_only_suggested() -> None:
    verdict = decide([scored("a", 80, overlap=45)], no_facts, SETTINGS)

    assert isinstance(verdict, Suggested)


def test_a_near_exact_phrasing_is_answered_whatever_its_coverage() -> None:
    verdict = decide([scored("a", 80, overlap=20, fuzzy=95)], no_facts, SETTINGS)

    assert isinstance(verdict, Answered)


def test_nothing_close_is_declined_and_facts_are_asked_for_only_then() -> None:
    asked: list[bool] = []

    def facts() -> Sequence[Scored]:
        asked.append(True)
        return [scored("fact", 30)]

    verdict = decide([scored("a", 30)], facts, SETTINGS)

    assert isinstance(verdict, Declined)
    assert asked == [True]
    assert isinstance(decide([scored("a", 80)], facts, SETTINGS), Answered)
    assert asked == [True]


def test_a_confident_fact_beats_an_unsure_entry() -> None:
    verdict = decide([scored("a", 55)], lambda: [scored("fact", 70)], SETTINGS)

    assert isinstance(verdict, Answered)
    assert verdict.best.document.id == "fact"


def test_a_question_whose_words_the_article_mostly_lacks_gets_no_suggestion() -> None:
    verdict = decide([scored("a", 45, overlap=20)], no_facts, SETTINGS)

    assert isinstance(verdict, Declined)


def test_a_close_runner_up_the_entry_names_as_related_is_no_doubt() -> None:
    verdict = decide(
        [scored("a", 80, related=frozenset({"b"})), scored("b", 78), scored("c", 50)],
        no_facts,
        SETTINGS,
    )

    assert isinstance(verdict, Answered)
    assert verdict.margin == 30


def test_a_clear_leader_of_a_question_about_the_article_subject_is_answered_lower() -> None:
    framed = RetrievalSettings(answer_threshold=60, framed_answer_threshold=30, framed_margin=8)
    leader = [scored("a", 35, overlap=35), scored("b", 20)]

    answered = decide(leader, no_facts, framed, framed=lambda candidate: True)
    assert isinstance(answered, Answered)
    assert "about the article's subject" in answered.reason
    assert isinstance(decide(leader, no_facts, framed), Declined)
    # Not covering the question's other words: offered as "did you mean", not declined.
    thin = decide(leader, no_facts, framed, framed=lambda c: False)
    assert isinstance(thin, Suggested)
    assert [each.document.id for each in thin.candidates] == ["a"]
    # Close to the runner-up: not sure enough to answer.
    close = [scored("a", 35, overlap=35), scored("b", 30)]
    assert not isinstance(decide(close, no_facts, framed, framed=lambda c: True), Answered)
