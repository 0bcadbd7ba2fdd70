"""Retrieval: answer quality against two baselines, latency, index build time and scaling."""

from __future__ import annotations

import gc
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from celacbot.config import RetrievalSettings
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.knowledge.models import KnowledgeBase
from celacbot.render.report import render_languages
from celacbot.retrieval.evaluation import (
    DECLINE,
    Case,
    Outcome,
    Predictor,
    Report,
    evaluate,
    evaluate_by_language,
    load_bank,
    retriever_predictor,
)
from celacbot.retrieval.retriever import Retriever

# The benchmarks run in a checkout, on the maintainers' files.
ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge" / "faq.yaml"
BANK = ROOT / "tests" / "data" / "questions.yaml"
LATENCY_REPEATS = 10
BUILD_REPEATS = 30
COLD_PROCESSES = 7
# What start-up pays: a fresh process loads the knowledge base, then builds the retriever.
_COLD_BUILD = """
import time
from celacbot.config import RetrievalSettings
from celacbot.locations import default_knowledge
from celacbot.knowledge.loader import load_knowledge_base
from celacbot.retrieval.retriever import Retriever
kb = load_knowledge_base(default_knowledge())
start = time.perf_counter_ns()
Retriever(kb, RetrievalSettings())
print((time.perf_counter_ns() - start) / 1e6)
"""
SCALES = (1, 5, 10, 20)

TARGET_TOP1 = 0.95
TARGET_DECLINE = 0.95
TARGET_WRONG = 0.02
TARGET_P50_MS = 0.3
TARGET_P99_MS = 1.0
TARGET_P99_20X_MS = 5.0
TARGET_BUILD_MS = 50.0


def _pin_to_one_core() -> None:
    # One core, as the bot's event loop gets; ignored where affinity is not supported.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _milliseconds(samples_ns: Sequence[int], quantile: float) -> float:
    ordered = sorted(samples_ns)
    return ordered[min(len(ordered) - 1, int(quantile * len(ordered)))] / 1e6


@contextmanager
def no_gc() -> Iterator[None]:
    """Collect this process's garbage now, and none during the block: a collection triggered
    by earlier garbage would be charged to whatever runs when it comes (telegram.py: the fake
    Bot API in this process stalls, up to 66 ms measured, for whichever bot is running). What
    a measured block allocates is bounded, so the next collection can take it."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass(frozen=True, slots=True)
class Latency:
    """Per-question latency in milliseconds, and the mean CPU time per question."""

    p50: float
    p99: float
    cpu_mean: float


def measure_latency(
    answer: Callable[[str], object], questions: Sequence[str], repeats: int
) -> Latency:
    """Time every question `repeats` times after one warm-up pass, with the GC paused."""
    for question in questions:
        answer(question)
    samples = []
    with no_gc():
        cpu_start = time.thread_time_ns()
        for _ in range(repeats):
            for question in questions:
                start = time.perf_counter_ns()
                answer(question)
                samples.append(time.perf_counter_ns() - start)
        cpu_ns = time.thread_time_ns() - cpu_start
    return Latency(
        _milliseconds(samples, 0.5), _milliseconds(samples, 0.99), cpu_ns / len(samples) / 1e6
    )


@dataclass(frozen=True, slots=True)
class BuildTime:
    """Index build times in milliseconds: the minimum and median of repeated builds in one
    process (the minimum is the least disturbed by other load on a shared machine)."""

    best: float
    median: float


def measure_build(kb: KnowledgeBase, repeats: int = BUILD_REPEATS) -> BuildTime:
    """Build a retriever over `kb` `repeats` times after a first build, each with the GC
    paused (later builds reuse the normaliser's caches, as a hot reload does)."""
    Retriever(kb, RetrievalSettings())
    timings = []
    for _ in range(repeats):
        with no_gc():
            start = time.perf_counter_ns()
            Retriever(kb, RetrievalSettings())
            timings.append((time.perf_counter_ns() - start) / 1e6)
    return BuildTime(min(timings), statistics.median(timings))


def cold_builds(processes: int = COLD_PROCESSES) -> list[float]:
    """The first build's milliseconds in each of `processes` fresh processes, one at a time
    (on this process's core)."""
    return [
        float(
            subprocess.run(
                [sys.executable, "-c", _COLD_BUILD],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            ).stdout
        )
        for _ in range(processes)
    ]


def _phrasings(kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    """Every question in every language with the id of its entry."""
    texts: list[str] = []
    ids: list[str] = []
    for entry in kb.entries:
        questions = [*entry.questions]
        questions += [
            q for translation in entry.translations.values() for q in translation.questions
        ]
        texts += questions
        ids += [entry.id] * len(questions)
    return texts, ids


def fuzzy_baseline(kb: KnowledgeBase, cutoff: float) -> Predictor:
    """rapidfuzz out of the box: extractOne over all phrasings with WRatio."""
    from rapidfuzz import fuzz, process, utils

    texts, ids = _phrasings(kb)

    def predict(question: str) -> Outcome:
        best = process.extractOne(
            question, texts, scorer=fuzz.WRatio, processor=utils.default_process
        )
        return Outcome(ids[best[2]] if best is not None and best[1] >= cutoff else DECLINE)

    return predict


def bm25_baseline(kb: KnowledgeBase, cutoff: float) -> Predictor:
    """BM25 (bm25s) over all phrasings with English stop words."""
    import bm25s

    texts, ids = _phrasings(kb)
    index = bm25s.BM25()
    index.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    vocabulary = set(index.vocab_dict)

    def predict(question: str) -> Outcome:
        tokens = bm25s.tokenize([question], stopwords="en", return_ids=False, show_progress=False)[
            0
        ]
        known = [token for token in tokens if token in vocabulary]
        if not known:
            return Outcome(DECLINE)
        documents, scores = index.retrieve([known], k=1, show_progress=False, n_threads=1)
        score = float(scores[0][0])
        return Outcome(ids[int(documents[0][0])] if score >= cutoff else DECLINE)

    return predict


def _objective(report: Report) -> float:
    # Wrong answers are the worst outcome, so they weigh five times a miss.
    return report.top1_accuracy + report.decline_recall - 5 * report.wrong_answer_rate


def sweep_cutoffs(
    make: Callable[[KnowledgeBase, float], Predictor],
    kb: KnowledgeBase,
    cases: Sequence[Case],
    cutoffs: Sequence[float],
) -> list[tuple[float, Report, Predictor]]:
    """A baseline at every decline cutoff, so the comparison can show it at its best."""
    results = []
    for cutoff in cutoffs:
        predictor = make(kb, cutoff)
        results.append((cutoff, evaluate(cases, predictor), predictor))
    return results


def synthetic_kb(kb: KnowledgeBase, factor: int, seed: int = 7) -> KnowledgeBase:
    """`factor` copies of every entry and fact, each copy's wording shuffled and tagged."""
    rng = random.Random(seed)
    data = kb.model_dump()
    entries, facts = list(data["entries"]), list(data["facts"])
    for copy in range(1, factor):
        for entry in kb.entries:
            varied = entry.model_dump()
            varied["id"] = f"{entry.id}-copy{copy}"
            varied["questions"] = [_vary(question, copy, rng) for question in entry.questions]
            varied["related"] = []
            varied["translations"] = {}
            entries.append(varied)
        for fact in kb.facts:
            varied = fact.model_dump()
            varied["id"] = f"{fact.id}-copy{copy}"
            varied["text"] = _vary(fact.text, copy, rng)
            varied["translations"] = {}
            facts.append(varied)
    return KnowledgeBase.model_validate({**data, "entries": entries, "facts": facts})


def _vary(text: str, copy: int, rng: random.Random) -> str:
    words = text.split()
    rng.shuffle(words)
    return " ".join([*words, f"variant{copy}x{rng.randrange(1000)}"])[:200]


def _row(name: str, report: Report, latency: Latency, note: str = "") -> str:
    return (
        f"  {name:<24} {report.top1_accuracy:6.1%} {report.wrong_answer_rate:6.1%}"
        f" {report.decline_recall:8.1%} {latency.p50:8.3f} {latency.p99:8.3f}  {note}"
    )


def _check(label: str, ok: bool) -> str:
    return f"{label}: {'met' if ok else 'MISSED'}"


def run() -> bool:
    """Print the retrieval report; True when every target is met."""
    _pin_to_one_core()
    kb = load_knowledge_base(KNOWLEDGE)
    bank = load_bank(BANK)
    cases = bank.cases
    questions = [case.q for case in cases]

    cold = cold_builds()
    build = measure_build(kb)
    retriever = Retriever(kb, RetrievalSettings())
    ours = evaluate(cases, retriever_predictor(retriever))
    by_lang = evaluate_by_language(cases, retriever_predictor(retriever))
    our_latency = measure_latency(retriever.answer, questions, LATENCY_REPEATS)

    baselines = {
        "extractOne WRatio": sweep_cutoffs(
            fuzzy_baseline, kb, cases, (0.0, 60.0, 70.0, 80.0, 85.0, 90.0, 95.0)
        ),
        "BM25 (bm25s)": sweep_cutoffs(bm25_baseline, kb, cases, (0.0, 2.0, 4.0, 6.0, 8.0, 10.0)),
    }
    print(f"bank {BANK.relative_to(ROOT)}: {len(cases)} cases")
    print(f"  {'system':<24} {'top-1':>6} {'wrong':>6} {'declines':>8} {'p50 ms':>8} {'p99 ms':>8}")
    print(_row("celacbot", ours, our_latency, "(includes small talk)"))
    for name, results in baselines.items():
        balanced = max(results, key=lambda result: _objective(result[1]))
        most_right = max(results, key=lambda result: result[1].top1_accuracy)
        latency = measure_latency(balanced[2], questions, 1)
        print(_row(name, balanced[1], latency, f"(cutoff {balanced[0]:g}: best balance)"))
        print(_row(name, most_right[1], latency, f"(cutoff {most_right[0]:g}: best top-1)"))
    print(f"\ncelacbot by language:\n{render_languages(by_lang, bank.floors_by_lang)}")
    print(
        f"\nindex build, shipped KB ({len(kb.entries)} entries, {len(kb.facts)} facts):"
        f" first build in a fresh process {min(cold):.1f} ms (min of {len(cold)} processes),"
        f" median {statistics.median(cold):.1f} ms; rebuilds (hot reload) {build.best:.1f} ms"
        f" (min of {BUILD_REPEATS}), median {build.median:.1f} ms"
    )
    print(
        f"latency, shipped KB, one core, {len(questions) * LATENCY_REPEATS} answers:"
        f" p50 {our_latency.p50:.3f} ms, p99 {our_latency.p99:.3f} ms,"
        f" mean CPU {our_latency.cpu_mean:.3f} ms per question"
    )

    print("\nscaling (synthetic knowledge bases, every bank question twice after a warm-up):")
    print(f"  {'size':>4} {'entries':>8} {'facts':>6} {'build ms':>9} {'p50 ms':>8} {'p99 ms':>8}")
    scaled: dict[int, Latency] = {}
    for factor in SCALES:
        big = synthetic_kb(kb, factor)
        big_build = measure_build(big, repeats=3)
        scaled[factor] = measure_latency(Retriever(big, RetrievalSettings()).answer, questions, 2)
        print(
            f"  {factor:>3}x {len(big.entries):>8} {len(big.facts):>6} {big_build.best:>9.1f}"
            f" {scaled[factor].p50:>8.3f} {scaled[factor].p99:>8.3f}"
        )

    checks = [
        (f"top-1 >= {TARGET_TOP1:.0%}", ours.top1_accuracy >= TARGET_TOP1),
        (f"declines >= {TARGET_DECLINE:.0%}", ours.decline_recall >= TARGET_DECLINE),
        (f"wrong <= {TARGET_WRONG:.0%}", ours.wrong_answer_rate <= TARGET_WRONG),
        (f"p50 <= {TARGET_P50_MS} ms", our_latency.p50 <= TARGET_P50_MS),
        (f"p99 <= {TARGET_P99_MS} ms", our_latency.p99 <= TARGET_P99_MS),
        (f"20x p99 <= {TARGET_P99_20X_MS} ms", scaled[SCALES[-1]].p99 <= TARGET_P99_20X_MS),
        # Start-up pays the first build; later ones reuse the normaliser's caches. The min, as
        # for every time here: on this shared machine the same work varies by half.
        (f"first build <= {TARGET_BUILD_MS:g} ms", min(cold) <= TARGET_BUILD_MS),
        *(
            (f"{lang} top-1 >= {floors.top1_accuracy:.0%}", not by_lang[lang].failures(floors))
            for lang, floors in bank.floors_by_lang.items()
            if lang in by_lang
        ),
    ]
    print("\ntargets: " + "; ".join(_check(label, ok) for label, ok in checks))
    return all(ok for _, ok in checks)
