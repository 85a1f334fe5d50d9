"""The same text limits on SQLite and PostgreSQL: every ``String(n)`` column is checked before a
write, so a text too long is refused with one message on both databases (SQLite would store it,
PostgreSQL would end in a DataError).

Every ORM flush is checked (``before_flush`` on every Session); bulk writers (importers) call
``check_row`` for each row so the message names the row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import String, Table, event, inspect
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.base import DomainError


class TextTooLong(DomainError):
    def __init__(self, message: str, table: str, column: str, limit: int, length: int = 0):
        super().__init__(message)
        self.table, self.column, self.limit, self.length = table, column, limit, length


def too_long(table: str, column: str, limit: int, length: int, row: int | None = None) -> TextTooLong:
    if row is None:
        message = _('column "{column}": at most {limit} characters, not {length}').format(
            column=column, limit=limit, length=length)
    else:
        message = _('row {row}, column "{column}": at most {limit} characters, not {length}').format(
            row=row, column=column, limit=limit, length=length)
    return TextTooLong(message, table, column, limit, length)


def limits_of(table: Table) -> dict[str, int]:
    return {c.name: c.type.length for c in table.columns if isinstance(c.type, String) and c.type.length}


def check_row(table: Table, values: Mapping[str, Any], row: int | None = None) -> None:
    """Refuse a row of ``table`` whose text is longer than its column allows."""
    for name, limit in limits_of(table).items():
        value = values.get(name)
        if isinstance(value, str) and len(value) > limit:
            raise too_long(table.name, name, limit, len(value), row)


@event.listens_for(Session, "before_flush")
def _check_lengths(session: Session, _context, _instances) -> None:
    for obj in list(session.new) + list(session.dirty):
        mapper = inspect(obj).mapper
        for table in mapper.tables:
            limits = limits_of(table)
            if not limits:
                continue
            for attr in mapper.column_attrs:
                column = attr.columns[0]
                if column.table is not table or column.name not in limits:
                    continue
                value = getattr(obj, attr.key, None)
                if isinstance(value, str) and len(value) > limits[column.name]:
                    raise too_long(table.name, column.name, limits[column.name], len(value))
