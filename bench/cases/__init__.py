"""The registry of benchmark cases: one module per area, each with ``CASES`` and an optional ``prepare``.

A case module holds::

    def prepare(env: Env) -> None:   # optional: build this area's data once, into env.made
        ...
    CASES = [Case(name, target, dekanat, floor), ...]

``prepare`` hooks run in this list's order before any case is measured (the students module
builds the demo database the others add to). Sizes come from ``env.sizes`` (see bench/__main__.py:
full and --quick).
"""

from __future__ import annotations

from importlib import import_module

CASE_MODULES = [
    "bench.cases.students",
    "bench.cases.startup",
    "bench.cases.workplan",
    "bench.cases.exams",
    "bench.cases.results",
]


def modules():
    return [import_module(name) for name in CASE_MODULES]
