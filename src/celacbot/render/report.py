"""Plain-text renderings of `celacbot eval` results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from celacbot.languages import Language
from celacbot.retrieval.evaluation import (
    ContextReport,
    DialogueKind,
    DialogueReport,
    Floors,
    Report,
    SweepPoint,
)


def _percent(value: float) -> str:
    return f"{100 * value:5.1f}%"


def render_context(report: ContextReport, floors: Floors) -> str:
    """How often an earlier subject made a right stand-alone answer wrong, with examples."""
    lines = [
        f"context: {len(report.made_wrong)} of {report.pairs} right stand-alone answers made"
        f" wrong when asked after another subject ({_percent(report.rate).strip()};"
        f" max {_percent(floors.max_context_change_rate).strip()})"
    ]
    lines += [
        f"  after {subject}: {question} -> {got}" for question, subject, got in report.made_wrong
    ]
    return "\n".join(lines)


def render_report(report: Report, floors: Floors) -> str:
    """The quality figures of an eval run, each next to its floor."""
    lines = [
        f"cases                {report.cases}",
        f"top-1 accuracy       {_percent(report.top1_accuracy)}"
        f"   (floor {_percent(floors.top1_accuracy)})",
        f"decline recall       {_percent(report.decline_recall)}"
        f"   (floor {_percent(floors.decline_recall)})",
        f"decline precision    {_percent(report.decline_precision)}"
        f"   (floor {_percent(floors.decline_precision)})",
        f"wrong-answer rate    {_percent(report.wrong_answer_rate)}"
        f"   (max {_percent(floors.max_wrong_answer_rate)})",
        f"did you mean         {_percent(report.suggest_rate)}"
        f"   ({report.suggested} asked, right one offered {_percent(report.suggestion_hit_rate)})",
    ]
    if report.by_category:
        lines += ["", f"{'category':<16} {'cases':>5} {'right':>7}   floor"]
        lines += [
            f"{category:<16} {cases:>5} {_percent(rate):>7}"
            + (
                f"   {_percent(floors.by_category[category])}"
                if category in floors.by_category
                else ""
            )
            for category, cases, rate in report.by_category
        ]
    if report.confusions:
        lines += ["", "Misses (expected -> got: question):"]
        lines += [
            f"  {expected} -> {got}: {question}" + (f" (x{count})" if count > 1 else "")
            for expected, got, question, count in report.confusions
        ]
    return "\n".join(lines)


def render_languages(reports: Mapping[Language, Report], floors: Mapping[Language, Floors]) -> str:
    """The figures of each language's cases, with the language's floors where the bank sets them."""
    lines = [f"{'language':<9} {'cases':>5} {'top-1':>7} {'declines':>9} {'wrong':>7}   floors"]
    for lang, report in reports.items():
        row = (
            f"{lang:<9} {report.cases:>5} {_percent(report.top1_accuracy):>7}"
            f" {_percent(report.decline_recall):>9} {_percent(report.wrong_answer_rate):>7}"
        )
        lang_floors = floors.get(lang)
        if lang_floors is not None:
            row += (
                f"   top-1 {_percent(lang_floors.top1_accuracy).strip()},"
                f" declines {_percent(lang_floors.decline_recall).strip()},"
                f" wrong max {_percent(lang_floors.max_wrong_answer_rate).strip()}"
            )
        lines.append(row)
    return "\n".join(lines)


def render_sweep(points: Sequence[SweepPoint], current: tuple[float, float]) -> str:
    """The threshold x margin grid: accuracy / wrong-answer rate / decline recall per cell."""
    thresholds = sorted({point.answer_threshold for point in points})
    margins = sorted({point.margin for point in points})
    cells = {(point.answer_threshold, point.margin): point.report for point in points}
    width = 16
    lines = [
        "Sweep: accuracy/wrong/decline-recall (%) by answer threshold (rows) x margin (columns);"
        " * marks the current settings",
        "thresh " + "".join(f"{'margin ' + format(margin, 'g'):>{width}}" for margin in margins),
    ]
    for threshold in thresholds:
        row = f"{threshold:>6g} "
        for margin in margins:
            report = cells[threshold, margin]
            mark = "*" if (threshold, margin) == current else " "
            cell = (
                f"{100 * report.top1_accuracy:.0f}/{100 * report.wrong_answer_rate:.1f}"
                f"/{100 * report.decline_recall:.0f}{mark}"
            )
            row += f"{cell:>{width}}"
        lines.append(row)
    return "\n".join(lines)


def render_dialogues(report: DialogueReport, floors: Mapping[DialogueKind, float]) -> str:
    """Last turns right per dialogue kind, each next to its floor, and the misses."""
    lines = [
        f"dialogues            {report.dialogues}",
        "",
        f"{'kind':<18} {'dialogues':>9} {'right':>7}   floor",
    ]
    lines += [
        f"{kind:<18} {count:>9} {_percent(rate):>7}"
        + (f"   {_percent(floors[kind])}" if kind in floors else "")
        for kind, count, rate in report.by_kind
    ]
    lines.append(f"stand-alone questions answered worse with context: {report.worse_alone}")
    if report.misses:
        lines += ["", "Misses (kind: expected -> got: last turn):"]
        lines += [f"  {kind}: {expected} -> {got}" for kind, expected, got in report.misses]
    return "\n".join(lines)
