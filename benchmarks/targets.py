"""The performance targets `make bench` judges, and the table it ends with.

Each benchmark returns the targets it measured; everything else it prints is information.
The targets are those of issues 13, 14 and 16, measured as users live them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Target:
    """One target: what was measured, the goal, and whether the measurement meets it."""

    name: str
    measured: float
    goal: float
    unit: str
    at_most: bool = True  # False: the measurement must be at least the goal
    digits: int = 2

    @property
    def met(self) -> bool:
        """Whether the measurement is on the right side of the goal."""
        return self.measured <= self.goal if self.at_most else self.measured >= self.goal

    def _value(self, value: float) -> str:
        return f"{value:.{self.digits}f}{self.unit}"

    @property
    def verdict(self) -> str:
        """ "met", or "MISSED" to catch the eye."""
        return "met" if self.met else "MISSED"

    def line(self) -> str:
        """The target in one line, as the benchmark's own section prints it."""
        sign = "<=" if self.at_most else ">="
        return (
            f"  target: {self.name}: {self._value(self.measured)} "
            f"({sign} {self._value(self.goal)}: {self.verdict})"
        )

    def row(self, width: int) -> str:
        """The target as a row of the closing table."""
        sign = "<=" if self.at_most else ">="
        return (
            f"  {self.name:<{width}} {self._value(self.measured):>10} "
            f"{sign} {self._value(self.goal):<9} {self.verdict}"
        )


def peak_rss(name: str, measured_mb: float | None, goal_mb: float) -> list[Target]:
    """A peak-RSS target in MB, or none where the platform gave no measurement."""
    if measured_mb is None:
        return []
    return [Target(name, measured_mb, goal_mb, " MB", digits=1)]


def printed(targets: list[Target]) -> list[Target]:
    """The targets, each printed in the benchmark's own section first."""
    for target in targets:
        print(target.line())
    return targets


def table(targets: Sequence[Target]) -> str:
    """Every target in one table, in the order measured."""
    width = max(len(target.name) for target in targets)
    header = f"  {'target':<{width}} {'measured':>10} {'goal':<12} verdict"
    return "\n".join([header, *(target.row(width) for target in targets)])
