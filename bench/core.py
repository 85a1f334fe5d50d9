"""The harness: what a case is, how it is measured, how the table is printed.

A case is one line of the table. Its target is either a ratio to a floor measured in the same
run (``Ratio(1.5)``: the same work done by the bare library) or an absolute limit
(``Limit(0.2)`` seconds, ``Limit(400, "MB")``). ``dekanat`` and ``floor`` are callables taking the
``Env``; the harness times them, unless they return a number themselves: then that number is the
measurement (a case that must exclude set-up from its timing, or that measures memory).
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Ratio:
    """Dekanat's median at most ``limit`` times the floor's median."""

    limit: float

    def text(self) -> str:
        return f"≤ {self.limit:g}×"


@dataclass(frozen=True)
class Limit:
    """Dekanat's median at most ``limit`` (seconds, or the unit given); below it for memory."""

    limit: float
    unit: str = "s"

    def text(self) -> str:
        if self.unit == "s":
            return f"≤ {self.limit * 1000:g} ms"
        return f"< {self.limit:g} {self.unit}"


@dataclass
class Case:
    name: str
    target: Ratio | Limit
    dekanat: Callable[[Env], Any]
    floor: Callable[[Env], Any] | None = None
    runs: int | None = None  # fewer runs for a case that is one whole process or a peak value
    unit: str = "s"

    def __post_init__(self) -> None:
        if isinstance(self.target, Ratio) and self.floor is None:
            raise ValueError(f"{self.name}: a ratio target needs a floor")
        if isinstance(self.target, Limit):
            self.unit = self.target.unit


@dataclass
class Env:
    """What the cases share: the temporary folder, the sizes, the data built by ``prepare`` hooks."""

    tmp: Path
    quick: bool
    sizes: dict[str, int]
    made: dict[str, Any] = field(default_factory=dict)

    def qt_app(self):
        from PySide6.QtWidgets import QApplication

        return QApplication.instance() or QApplication(["bench"])


@dataclass
class Result:
    name: str
    target: str
    unit: str
    dekanat: float
    floor: float | None
    ratio: float | None
    passed: bool
    runs: int

    def as_dict(self) -> dict:
        return {"case": self.name, "dekanat": self.dekanat, "floor": self.floor, "ratio": self.ratio,
                "unit": self.unit, "target": self.target, "passed": self.passed, "runs": self.runs}


def measure_once(fn: Callable[[Env], Any], env: Env) -> float:
    gc.collect()
    start = time.perf_counter()
    value = fn(env)
    elapsed = time.perf_counter() - start
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return elapsed


def run_case(case: Case, env: Env, runs: int) -> Result:
    """One warm-up of each side, then ``runs`` alternating runs (alternating so that a neighbour
    taking the shared CPU for a while hits both sides alike); the medians are compared."""
    runs = min(runs, case.runs) if case.runs else runs
    measure_once(case.dekanat, env)
    if case.floor:
        measure_once(case.floor, env)
    ours, floors = [], []
    for _ in range(runs):
        ours.append(measure_once(case.dekanat, env))
        if case.floor:
            floors.append(measure_once(case.floor, env))
    mine = statistics.median(ours)
    floor = statistics.median(floors) if floors else None
    if isinstance(case.target, Ratio):
        ratio = mine / floor
        passed = ratio <= case.target.limit
    else:
        ratio = None
        passed = mine < case.target.limit if case.unit != "s" else mine <= case.target.limit
    return Result(case.name, case.target.text(), case.unit, mine, floor, ratio, passed, runs)


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:.0f} ms"
    return f"{value:.0f} {unit}"


def table(results: list[Result]) -> str:
    head = ("case", "Dekanat", "floor", "ratio", "target", "result")
    rows = [(r.name, fmt(r.dekanat, r.unit), fmt(r.floor, r.unit),
             f"{r.ratio:.2f}" if r.ratio is not None else "—", r.target, "pass" if r.passed else "FAIL")
            for r in results]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    lines = ["  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w)
                       for i, (x, w) in enumerate(zip(row, widths, strict=True)))
             for row in (head, *rows)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
