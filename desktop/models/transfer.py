"""Moving a faculty's data from one database to another (a SQLite file onto a shared server),
every table, ids preserved, in one transaction on the target."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import ForeignKeyConstraint, func, select, text

from desktop.i18n import _
from desktop.models import Base, load_all
from desktop.models.base import DomainError
from desktop.models.db import Database
from desktop.models.migrate import open_database
from desktop.models.progress import Progress, step

BATCH = 5000


def _cyclic_columns(table) -> list[str]:
    """Foreign-key columns created after their table (use_alter): filled in a second pass."""
    cols: list[str] = []
    for constraint in table.constraints:
        if isinstance(constraint, ForeignKeyConstraint) and constraint.use_alter:
            cols.extend(c.name for c in constraint.columns)
    return cols


def copy_to(source: Database, target_url: str, progress: Progress | None = None,
            report: Callable[[str], None] | None = None) -> dict[str, int]:
    """Copy every row of ``source`` into the (new, empty) database at ``target_url``."""
    load_all()
    target = open_database(target_url)
    tables = Base.metadata.sorted_tables
    counts: dict[str, int] = {}
    try:
        with target.engine.connect() as conn:
            for table in tables:
                if conn.scalar(select(func.count()).select_from(table)):
                    raise DomainError(_("The target database already holds data (table {table}); "
                                        "copy only into an empty database.").format(table=table.name))
        with source.engine.connect() as src, target.engine.begin() as dst:
            deferred: list[tuple] = []
            for n, table in enumerate(tables):
                step(progress, n, len(tables), table.name)
                cyclic = _cyclic_columns(table)
                rows = [dict(r._mapping) for r in src.execute(select(table))]
                for row in rows:
                    for col in cyclic:
                        if row.get(col) is not None:
                            deferred.append((table, row["id"], col, row[col]))
                            row[col] = None
                for i in range(0, len(rows), BATCH):
                    dst.execute(table.insert(), rows[i:i + BATCH])
                counts[table.name] = len(rows)
                if report:
                    report(f"{table.name}: {len(rows)}")
            for table, row_id, col, value in deferred:
                dst.execute(table.update().where(table.c.id == row_id).values({col: value}))
            reset_sequences(dst)
    finally:
        target.dispose()
    return counts


def reset_sequences(conn) -> None:
    """On PostgreSQL, move every id sequence past the highest id (after rows were written with
    their ids: a copy, or a demo built with bulk inserts). Nothing to do on SQLite."""
    if conn.engine.dialect.name != "postgresql":
        return
    load_all()
    for table in Base.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key and table.c.id.type.python_type is int:
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false) "
                f"WHERE pg_get_serial_sequence('{table.name}', 'id') IS NOT NULL"))
