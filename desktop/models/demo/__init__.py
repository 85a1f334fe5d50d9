"""``dekanat demo``: a realistic, deterministic demo faculty modelled on seed 000.

Each area adds a module to ``DEMO_STEPS`` with ``build(ctx: DemoContext)``; steps run in
order in one transaction, so a failed demo leaves the database as it was.

Two kinds: the fixed demo of 2025-2026 (``build_demo(db)``: the tests' and the benchmark's), and
the live demo of a country (``build_demo(db, country="KZ", today=...)``, ``dekanat demo --country``):
its academic year is the one ``today`` falls in, its texts are in the country's language and
every date follows that country's working days.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop import clock
from desktop.models import Base, load_all
from desktop.models.db import Database

DEMO_YEAR = "2025-2026"
COUNTRY_LANGUAGE = {"KG": "ky", "KZ": "kk", "RU": "ru"}
DEMO_STEPS = [
    "desktop.models.demo.faculty",
    "desktop.models.demo.workplan",
    "desktop.models.demo.students",
    "desktop.models.demo.calendar",
    "desktop.models.demo.requests",
    "desktop.models.demo.curators",
    "desktop.models.demo.meetings",
    "desktop.models.demo.exams",
    "desktop.models.demo.results",
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
    # The demo's "today": what is past is held, submitted and mostly done.
    today: dt.date = field(default_factory=clock.today)
    # A live demo's country (KG, KZ, RU); None for the fixed demo (Kyrgyz faculty, seed 004's KZ calendar).
    country: str | None = None

    @property
    def live(self) -> bool:
        return self.country is not None

    @property
    def lang(self) -> str:
        """The language of the demo's texts."""
        return COUNTRY_LANGUAGE.get(self.country or "KG", "ky")

    def text(self, ky: str, kk: str | None = None, ru: str | None = None) -> str:
        """The text in the demo's language (the Kyrgyz original when no other is given)."""
        return {"ky": ky, "kk": kk or ky, "ru": ru or ky}[self.lang]


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


def is_untouched_demo(session: Session) -> bool:
    """The data is a demo nobody has worked in: the demo's own audit entries are the newest."""
    from desktop.models.audit import Action, AuditEntry

    last_demo = session.scalar(select(func.max(AuditEntry.id)).where(AuditEntry.action == Action.DEMO))
    return last_demo is not None and last_demo == session.scalar(select(func.max(AuditEntry.id)))


def student_count(session: Session) -> int:
    from desktop.models.contingent import Student

    return session.scalar(select(func.count()).select_from(Student)) or 0


def build_demo(db: Database, students: int = 600, force: bool = False, progress=None, *,
               i_know: bool = False, country: str | None = None, today: dt.date | None = None) -> list[str]:
    """Fill the database with the demo faculty, in one transaction. A database holding data is
    replaced only with ``force``, and one that is not an untouched demo only with ``i_know`` as
    well; a SQLite file is backed up first (the summary names the copy). With ``country`` it is the
    live demo of that country whose academic year holds ``today`` (default: today)."""
    from desktop.i18n import _
    from desktop.models.org import academic_year_of

    load_all()
    if country is not None and country not in COUNTRY_LANGUAGE:
        raise DemoRefused(f"unknown country {country!r}: KG, KZ or RU")
    today = today or clock.today()
    with db.session() as session:
        replacing = not is_empty(session)
        if replacing:
            demo = is_untouched_demo(session)
            count = student_count(session)
    backup = None
    if replacing:
        if not force and demo:
            raise DemoRefused(_("The database {db} already holds a demo; use --force to build it again "
                                "(a backup is made first).").format(db=db.display_name))
        if not (force and (demo or i_know)):
            raise DemoRefused(_("The database {db} holds the office's data ({count} students), not a demo. "
                                "The demo would replace all of it; to do that anyway, use --force --i-know "
                                "(a backup is made first).").format(db=db.display_name, count=count))
        if db.path is not None:
            from desktop.models.backup import make_backup

            backup = make_backup(db, reason="demo")
    with db.session() as session:
        if replacing:
            clear_all(session)
        ctx = DemoContext(session=session, students=students, rng=random.Random(20250901), progress=progress,
                          year_name=academic_year_of(today) if country else DEMO_YEAR, today=today,
                          country=country)
        if country:
            from desktop.models import settings

            settings.put(session, "country", country)
        for step in DEMO_STEPS:
            if progress:
                progress(step)
            import_module(step).build(ctx)
            session.flush()
        _audit_demo(session)
        from desktop.models.transfer import reset_sequences

        reset_sequences(session.connection())  # bulk inserts with explicit ids (PostgreSQL)
    if backup is not None:
        ctx.summary.append(_("The previous data was saved as {path}").format(path=backup))
    return ctx.summary


def _audit_demo(session: Session) -> None:
    """The demo writes with Core bulk inserts: one audit entry per table instead of one per row."""
    from desktop.models.audit import Action, record_bulk
    from desktop.models.contingent import Student
    from desktop.models.movements import Movement

    for entity, table in ((Student, "student"), (Movement, "movement")):
        record_bulk(session, Action.DEMO, table, list(session.scalars(select(entity.id))))
