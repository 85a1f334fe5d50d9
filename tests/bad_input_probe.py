"""Run in a fresh process by tests/test_bad_inputs.py: import one file through the student and/or
the work plan importer into a database copy and print, as JSON, what happened, the row counts
before and after, and the process's peak memory (resource.getrusage)."""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
from pathlib import Path

from sqlalchemy import func, select

from desktop.models.base import DomainError
from desktop.models.db import Database

PLAN_YEAR = "2030-2031"  # no plan in the demo: an import would create it


def counts(db: Database) -> dict[str, int]:
    from desktop.models.audit import AuditEntry
    from desktop.models.contingent import Group, Student
    from desktop.models.movements import Movement
    from desktop.models.workplan import WorkPlan, WorkPlanItem, WorkPlanSection

    with db.session() as s:
        return {e.__tablename__: s.scalar(select(func.count()).select_from(e))
                for e in (Student, Movement, Group, WorkPlan, WorkPlanSection, WorkPlanItem, AuditEntry)}


def students(db: Database, path: Path) -> dict:
    from desktop.models.movements import Order
    from desktop.reports.student_import.writing import import_students

    day = dt.date(2025, 9, 1)
    with db.session() as s:
        plan = import_students(s, path, order=Order("1-к", day, day))
        return {"rows": len(plan.new_rows), "message": "\n".join(plan.summary())}


def workplan(db: Database, path: Path) -> dict:
    from desktop.reports.workplan_import import import_plan, read_plan_file

    parsed = read_plan_file(path)
    with db.session() as s:
        import_plan(s, parsed, PLAN_YEAR)
    return {"rows": parsed.item_count, "message": "\n".join(parsed.summary())}


def peak_mb() -> float:
    """This process's peak resident memory. On Linux VmHWM: getrusage's ru_maxrss survives execve,
    so a process started from a big parent (pytest) would report the parent's peak instead."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux, bytes on macOS


def main(db_path: str, file: str, importers: list[str]) -> None:
    db = Database(db_path)
    out = {}
    for name in importers:
        before = counts(db)
        try:
            result = {"outcome": "imported", **(students if name == "students" else workplan)(db, Path(file))}
        except DomainError as exc:  # ImportRefused is one: the user's message
            result = {"outcome": "refused", "message": str(exc)}
        except Exception as exc:  # noqa: BLE001 - reported, the test fails on it
            result = {"outcome": "crashed", "message": f"{type(exc).__name__}: {exc}"[:500]}
        result["before"], result["after"] = before, counts(db)
        out[name] = result
    out["peak_mb"] = peak_mb()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    # Address space capped at 1 GB: a bomb that got through would fail here, not take the machine.
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    main(sys.argv[1], sys.argv[2], sys.argv[3].split(","))
