"""The decision: answer the best candidate, offer "did you mean", or decline.

Pure and small: it sees only scored candidates (best first, already filtered to those that
speak of every name the question asks about) and the settings, so it can be tested with
synthetic scores. The retriever turns its verdict into an `Answer`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from celacbot.config import RetrievalSettings
from celacbot.retrieval.index import Scored

MAX_SUGGESTIONS = 3
# A question of a longer message that leads its runner-up by this much, read alone, is sure
# of its entry: neither the rest of the message nor the question before it takes it elsewhere.
SURE_MARGIN = 15.0
# A question this close to a phrasing (character ratio) is that phrasing, whatever the
# word-coverage guard says: it differs by inflection or a small word, not by a topic.
NEAR_EXACT = 90.0


@dataclass(frozen=True, slots=True)
class Answered:
    """Answer with this candidate (an entry, or a fact when no entry was confident)."""

    best: Scored
    margin: float
    reason: str


@dataclass(frozen=True, slots=True)
class Suggested:
    """Offer these candidates as "did you mean"."""

    candidates: tuple[Scored, ...]
    margin: float
    reason: str


@dataclass(frozen=True, slots=True)
class Declined:
    """Nothing is close enough; `best` is the nearest candidate, if any."""

    best: Scored | None
    margin: float
    reason: str


Verdict = Answered | Suggested | Declined


def margin_of(ranked: Sequence[Scored]) -> float:
    """The best candidate's lead over the best runner-up it is not related to (its whole score
    when there is none): two related entries scoring alike are both fair answers."""
    if not ranked:
        return 0.0
    best = ranked[0].document
    rival = next((each.total for each in ranked[1:] if not best.akin(each.document)), 0.0)
    return ranked[0].total - rival


# Whether a candidate covers enough of a question about the article's subject besides the
# names that make it one; None: the question is no such question.
Framing = Callable[[Scored], bool] | None


def confidence(
    best: Scored,
    margin: float,
    settings: RetrievalSettings,
    *,
    named: bool = False,
    framed: Framing = None,
) -> str | None:
    """Why a candidate is sure enough to answer with, or None: scored high, clear of the
    runner-up, and covering the question's words (or nearly one of its phrasings). A
    candidate that speaks of every name the question asks about ("Panama", "CBERS") needs
    less of a score: the names already say what the question is about. So does a clear leader
    for a question about China and Latin America, or the article, when it covers the asker's
    other words: words the article lacks are then the asker's own ("coped", "carro-chefe"),
    not another topic's ("visa", "currency swap")."""
    threshold = settings.named_answer_threshold if named else settings.answer_threshold
    if (
        best.total >= threshold
        and margin >= settings.margin
        and (best.overlap >= 100.0 * settings.min_coverage or best.fuzzy >= NEAR_EXACT)
    ):
        return f">= {threshold:g}" + (" (names the article's names)" if named else "")
    if framed is not None and _leads_clearly(best, margin, settings) and framed(best):
        return f">= {settings.framed_answer_threshold:g} (about the article's subject)"
    return None


def decide(
    entries: Sequence[Scored],
    score_facts: Callable[[], Sequence[Scored]],
    settings: RetrievalSettings,
    *,
    named: bool = False,
    framed: Framing = None,
) -> Verdict:
    """The verdict on ranked entries; facts are scored (lazily) only when no entry is
    confident, and answer only when one is confident and beats the best entry. `named`:
    the question names things of the article, and every candidate speaks of all of them;
    `framed`: the question is about the article's subject (see `confidence`)."""
    best = entries[0] if entries else None
    margin = margin_of(entries)
    band = confidence(best, margin, settings, named=named, framed=framed) if best else None
    if best is not None and band is not None:
        reason = f"{best.document.id} scored {best.total:.1f} {band}, margin {margin:.1f}"
        return Answered(best, margin, reason)
    facts = score_facts()
    best_fact = facts[0] if facts else None
    fact_margin = margin_of(facts)
    band = (
        confidence(best_fact, fact_margin, settings, named=named, framed=framed)
        if best_fact is not None and (best is None or best_fact.total > best.total)
        else None
    )
    if best_fact is not None and band is not None:
        reason = (
            f"no entry was confident; fact {best_fact.document.id} scored"
            f" {best_fact.total:.1f} {band}, margin {fact_margin:.1f}"
        )
        return Answered(best_fact, fact_margin, reason)
    if best is not None and framed is not None and _leads_clearly(best, margin, settings):
        # A clear leader for a question about the article's subject that speaks of too few of
        # its other words: offered, neither answered nor declined ("what did China give
        # Bolivia in satellite matters?" is; "did China and Brazil swap currencies?" is not).
        offered = tuple(
            scored
            for scored in entries[:MAX_SUGGESTIONS]
            if scored.total >= settings.framed_answer_threshold
        )
        return Suggested(offered, margin, "about the article's subject; its other words are few")
    suggestions = tuple(
        scored
        for scored in entries[:MAX_SUGGESTIONS]
        if scored.total >= settings.suggest_threshold
        and scored.overlap >= 100.0 * settings.suggest_min_coverage
    )
    if best is not None and suggestions:
        return Suggested(suggestions, margin, _doubt(best, margin, settings))
    return Declined(best, margin, _why_decline(best, settings))


def _leads_clearly(best: Scored, margin: float, settings: RetrievalSettings) -> bool:
    """Whether a candidate leads clearly enough for a question about the article's subject."""
    return best.total >= settings.framed_answer_threshold and margin >= settings.framed_margin


def _why_decline(best: Scored | None, settings: RetrievalSettings) -> str:
    if best is None:
        return "no entry matches the names and words of the question"
    if best.total >= settings.suggest_threshold:
        return (
            f"{best.document.id} covers only {best.overlap:.0f}% of the question's weight,"
            f" below {100 * settings.suggest_min_coverage:.0f}%"
        )
    return (
        f"best score {best.total:.1f} ({best.document.id}) is below the suggest threshold"
        f" {settings.suggest_threshold:g}"
    )


def _doubt(best: Scored, margin: float, settings: RetrievalSettings) -> str:
    if best.total < settings.answer_threshold:
        why = f"best score {best.total:.1f} is below the answer threshold"
        why += f" {settings.answer_threshold:g}"
    elif best.overlap < 100.0 * settings.min_coverage and best.fuzzy < NEAR_EXACT:
        why = f"only {best.overlap:.0f}% of the question's weight is covered"
    else:
        why = f"margin {margin:.1f} to the runner-up is below {settings.margin:g}"
    return f"not sure: {why}"
