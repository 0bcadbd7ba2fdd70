"""The questions the benchmarks ask: the evaluation banks' messages, as real users type them.

tests/data/independent/dev.yaml (written from the article alone: long chatty messages, two
questions in one, typos, four languages) and tests/data/questions.yaml (the regression bank).
The test half of the independent bank stays out: it is kept for judging quality only.

A user's message is new to the bot, and the retriever caches its work per message text (its
words' stems, the message's terms): a benchmark that asked the same message twice would time
the cache the second time. So no benchmark repeats a message; where a request path has fewer
messages in the banks than it needs, the rest are the banks' own wrapped in the greetings and
thanks people add, each checked to take the same path.
"""

from __future__ import annotations

import functools
import itertools
import random
from collections.abc import Iterator
from pathlib import Path

from celacbot.config import RetrievalSettings
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.locations import default_knowledge
from celacbot.retrieval.answer import Decision
from celacbot.retrieval.evaluation import load_bank
from celacbot.retrieval.retriever import Retriever

# The checkout: benchmarks/ is in it.
ROOT = Path(__file__).resolve().parents[1]
BANKS = (
    ROOT / "tests" / "data" / "independent" / "dev.yaml",
    ROOT / "tests" / "data" / "questions.yaml",
)
SEED = 13
# What people wrap a question in, which the bot reads through: every (before, after) pair.
BEFORE = ("", "hi, ", "hello! ", "hey ", "ok ", "good morning, ", "so ", "hi there! ")
AFTER = ("", "?", " thanks", " please", " 🙂", "??", " thx", " thank you!")


@functools.cache
def realistic() -> tuple[str, ...]:
    """Every message of the banks, once, in the banks' order."""
    return tuple(dict.fromkeys(case.q for bank in BANKS for case in load_bank(bank).cases))


def mixed(count: int, seed: int = SEED) -> list[str]:
    """`count` messages: the banks' in a fixed random order, then wrapped ones (of any path)."""
    pool = list(realistic())
    random.Random(seed).shuffle(pool)
    return list(itertools.islice(_wrapped(pool), count))


@functools.cache
def _retriever() -> Retriever:
    """The shipped knowledge with the shipped settings: what a bot run by the benchmarks
    (none of the developer's settings) decides."""
    return Retriever(load_knowledge_base(default_knowledge()), RetrievalSettings())


@functools.cache
def by_decision() -> dict[Decision, tuple[str, ...]]:
    """The banks' messages by what the shipped bot does with them (a message asking several
    questions goes by its first)."""
    paths: dict[Decision, list[str]] = {decision: [] for decision in Decision}
    for question in realistic():
        paths[_retriever().answer(question).decision].append(question)
    return {decision: tuple(questions) for decision, questions in paths.items()}


def taking(decision: Decision, count: int, seed: int = SEED) -> list[str]:
    """`count` different messages the shipped bot answers with `decision`."""
    pool = list(by_decision()[decision])
    random.Random(seed).shuffle(pool)
    own = set(pool)
    same_path = (
        message
        for message in _wrapped(pool)
        if message in own or _retriever().answer(message).decision is decision
    )
    found = list(itertools.islice(same_path, count))
    if len(found) < count:
        raise ValueError(f"only {len(found)} different messages take the {decision} path")
    return found


def _wrapped(pool: list[str]) -> Iterator[str]:
    """The pool, then the pool in each wrapping in turn, each message once."""
    wrapped = (
        f"{before}{message}{after}"
        for before, after in itertools.product(BEFORE, AFTER)
        for message in pool
    )
    seen: set[str] = set()
    for message in itertools.chain(pool, wrapped):
        if message not in seen:
            seen.add(message)
            yield message
