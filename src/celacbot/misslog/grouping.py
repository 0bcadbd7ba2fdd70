"""Grouping missed questions that ask the same thing in different words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz, process, utils

from celacbot.misslog.store import Miss, Outcome
from celacbot.retrieval.answer import Decision

SIMILARITY_THRESHOLD = 80.0
MAX_EXAMPLES = 3
# A few seconds of grouping in the worst case, when no two wordings are alike.
MAX_WORDINGS = 2000


@dataclass(frozen=True, slots=True)
class MissGroup:
    """Similar missed questions: how often they were asked, by how many users, and examples."""

    count: int
    users: int
    declined: int
    suggested: int
    examples: tuple[str, ...]  # distinct question texts, most asked (then newest) first
    picked: tuple[tuple[str, int], ...]  # (entry id, times) users chose from suggestions
    last_asked: datetime


def group_misses(
    misses: Sequence[Miss],
    *,
    threshold: float = SIMILARITY_THRESHOLD,
    max_examples: int = MAX_EXAMPLES,
    max_wordings: int = MAX_WORDINGS,
) -> list[MissGroup]:
    """Cluster misses whose normalised texts score >= threshold (token_set_ratio); biggest first.

    Greedy: the most specific wording (most words, then most asked) not yet grouped starts a
    group and takes every ungrouped wording close enough to it. Starting from specific texts
    keeps a short, vague question ("china") from swallowing every question that contains it.
    Only the `max_wordings` most asked (then most recent) distinct wordings are grouped, as the
    work grows with the square of their number; the groups then count fewer than `misses`.
    """
    by_wording: dict[str, list[Miss]] = {}
    for miss in misses:
        # Case and punctuation never tell questions apart, whatever normaliser stored the text.
        wording = " ".join(utils.default_process(miss.normalised).split())
        by_wording.setdefault(wording, []).append(miss)
    kept = sorted(
        by_wording,
        key=lambda text: (len(by_wording[text]), max(miss.time for miss in by_wording[text])),
        reverse=True,
    )[:max_wordings]
    seeds = sorted(kept, key=lambda text: (-len(text.split()), -len(by_wording[text]), text))
    ungrouped = dict(enumerate(seeds))
    groups: list[MissGroup] = []
    for index, seed in enumerate(seeds):
        if index not in ungrouped:
            continue
        close = process.extract(
            seed, ungrouped, scorer=fuzz.token_set_ratio, score_cutoff=threshold, limit=None
        )
        # The seed is always a member, even if it scores 0 against itself (an empty text).
        keys = {index} | {key for _text, _score, key in close}
        members = [ungrouped.pop(key) for key in sorted(keys)]
        groups.append(_group([miss for text in members for miss in by_wording[text]], max_examples))
    return sorted(groups, key=lambda group: (-group.count, -group.last_asked.timestamp()))


def _group(misses: list[Miss], max_examples: int) -> MissGroup:
    newest_first = sorted(misses, key=lambda miss: (miss.time, miss.id), reverse=True)
    # Counter keeps first-seen order among equal counts: the most recent wording wins a tie.
    asked = Counter(miss.question for miss in newest_first)
    picked = Counter(
        miss.picked_id for miss in misses if miss.outcome is Outcome.PICKED and miss.picked_id
    )
    return MissGroup(
        count=len(misses),
        users=len({miss.user_hash for miss in misses if miss.user_hash is not None}),
        declined=sum(miss.decision is Decision.DECLINE for miss in misses),
        suggested=sum(miss.decision is Decision.SUGGEST for miss in misses),
        examples=tuple(text for text, _times in asked.most_common(max_examples)),
        picked=tuple(picked.most_common()),
        last_asked=max(miss.time for miss in misses),
    )
