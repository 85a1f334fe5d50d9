"""``dekanat demo``: a realistic, deterministic demo faculty modelled on seed 000.

Each area adds a module to ``DEMO_STEPS`` with ``build(ctx: DemoContext)``; steps run in
order in one transaction, so a failed demo leaves the database as it was.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop.models import Base, load_all
from desktop.models.db import Database

DEMO_YEAR = "2025-2026"
DEMO_STEPS = [
    "desktop.models.demo.faculty",
    "desktop.models.demo.workplan",
    "desktop.models.demo.students",
    "desktop.models.demo.calendar",
    "desktop.models.demo.requests",
    "desktop.models.demo.curators",
    "desktop.models.demo.meetings",
    "desktop.models.demo.exams",
    "desktop.models.demo.translations",
]


class DemoRefused(RuntimeError):
    pass


@dataclass
class DemoContext:
    session: Session
    students: int
    rng: random.Random
    year_name: str = DEMO_YEAR
    # What earlier steps made, for later steps: "faculty", "year", "staff" (short name -> Staff),
    # "programmes" (code -> Programme), "groups" (list of Group) ...
    made: dict[str, Any] = field(default_factory=dict)
    summary: list[str] = field(default_factory=list)
    progress: Callable[[str], None] | None = None


def is_empty(session: Session) -> bool:
    from desktop.models.contingent import Student
    from desktop.models.org import Faculty, Staff

    return not any(session.scalar(select(func.count()).select_from(t)) for t in (Faculty, Staff, Student))


def clear_all(session: Session) -> None:
    """Delete every row of every table (one transaction; foreign keys checked at commit)."""
    load_all()
    bind = session.get_bind()
    # The audit trail is append-only (the database refuses to delete from it): it outlives the data.
    tables = [t for t in reversed(Base.metadata.sorted_tables) if t.name != "audit_log"]
    if bind.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        return
    session.execute(text("PRAGMA defer_foreign_keys=ON"))
    for table in tables:
        session.execute(table.delete())


def build_demo(db: Database, students: int = 600, force: bool = False, progress=None) -> list[str]:
    load_all()
    with db.session() as session:
        if not is_empty(session):
            if not force:
                raise DemoRefused(
                    f"the database {db.display_name} already holds data; use --force to replace it with the demo"
                )
            clear_all(session)
        ctx = DemoContext(session=session, students=students, rng=random.Random(20250901), progress=progress)
        for step in DEMO_STEPS:
            if progress:
                progress(step)
            import_module(step).build(ctx)
            session.flush()
        _audit_demo(session)
        from desktop.models.transfer import reset_sequences

        reset_sequences(session.connection())  # bulk inserts with explicit ids (PostgreSQL)
        return ctx.summary


def _audit_demo(session: Session) -> None:
    """The demo writes with Core bulk inserts: one audit entry per table instead of one per row."""
    from desktop.models.audit import Action, record_bulk
    from desktop.models.contingent import Student
    from desktop.models.movements import Movement

    for entity, table in ((Student, "student"), (Movement, "movement")):
        record_bulk(session, Action.DEMO, table, list(session.scalars(select(entity.id))))
