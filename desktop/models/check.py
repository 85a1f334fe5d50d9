"""``dekanat check``: SQLite integrity, foreign keys and the app's own consistency rules.

Areas add their rules to ``RULES``: functions ``(session) -> list[str]`` naming each problem.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.db import Database

RULES: list[Callable[[Session], list[str]]] = []


def rule(fn: Callable[[Session], list[str]]) -> Callable[[Session], list[str]]:
    RULES.append(fn)
    return fn


@rule
def _students_in_existing_groups(session: Session) -> list[str]:
    rows = session.execute(
        text(
            "SELECT s.id FROM student s LEFT JOIN student_group g ON g.id = s.group_id "
            "WHERE s.group_id IS NOT NULL AND g.id IS NULL"
        )
    ).all()
    return [f"student {r[0]}: refers to a group that does not exist" for r in rows]


def check_database(db: Database, *, full: bool = True) -> list[str]:
    from desktop.models import load_all

    load_all()  # every area's rules register themselves on import
    problems: list[str] = []
    if db.is_sqlite:
        with db.engine.connect() as conn:
            pragma = "integrity_check" if full else "quick_check"
            result = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}").all()]
            if result != ["ok"]:
                problems.extend(f"integrity: {r}" for r in result)
                return problems
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
                problems.append(f"foreign key: {table} row {rowid} refers to a missing {parent}")
    with db.session() as session:
        for fn in RULES:
            problems.extend(fn(session))
    return problems
