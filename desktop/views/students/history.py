"""A student's movement history on the card: columns on the shared RecordTableModel (a module of its
own, loaded with the card: the students page, the start page, does not need the shared model)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict

from desktop.i18n import N_, _
from desktop.models.movements import MovementKind, MovementRecord
from desktop.views.common.tablemodel import Column, RecordTableModel
from desktop.views.students.models import _date


def _movement(kind: str) -> str:
    return _(MovementKind.labels().get(kind, kind))


def _text(value) -> str:
    return _date(value) if isinstance(value, dt.date) else "" if value is None else str(value)


# A student's movements, oldest first.
HISTORY_COLUMNS = [
    Column("effective_date", N_("Effective date"), _text), Column("kind", N_("Movement"), _movement),
    Column("order_number", N_("Order number"), _text), Column("order_date", N_("Order date"), _text),
    Column("from_group", N_("From group"), _text), Column("group", N_("Group"), _text),
    Column("course", N_("Course"), _text), Column("reason", N_("Reason"), _text),
]


class HistoryModel(RecordTableModel):
    """A student's movements (``movements.history``), oldest first."""

    def __init__(self, rows: Sequence[MovementRecord] = (), parent=None):
        super().__init__(HISTORY_COLUMNS, parent)
        self.set_movements(rows)

    def set_movements(self, rows: Sequence[MovementRecord]) -> None:
        self.set_rows([asdict(r) for r in rows])
