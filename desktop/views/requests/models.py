"""Qt models of the service requests area: the register with its filters, and a request's steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from desktop import clock, colours, dates
from desktop.i18n import N_, NC_, _, current
from desktop.models.request_templates import shown
from desktop.models.requests import CardStep, Channel, RequestRow
from desktop.reports.requests import duration_text, status_text
from desktop.views.common.tablemodel import Column, RecordTableModel, TextFilterProxy


def _tr(value) -> str:
    return _(value) if value else ""  # gettext("") would answer the catalog header


REGISTER_COLUMNS = [
    Column("id", N_("No"), align=Qt.AlignmentFlag.AlignRight, width=50),
    Column("applicant", N_("Applicant"), width=190),
    Column("procedure", N_("Procedure"), display=_tr, width=200),
    Column("received", NC_("date received", "Received"), display=dates.table, width=90),
    Column("channel", N_("Channel"), display=lambda v: Channel(v).label() if v else "", width=130),
    Column("status", NC_("state", "Status"), width=140),
    Column("current_step", N_("Current step"), display=_tr, width=190),
    Column("step_due", N_("Step due"), display=dates.table, width=90),
    Column("due", N_("Due (last step)"), display=dates.table, width=90),
]

# From the colour roles (desktop/colours.py): the status cell is a chip, the row stays plain.
OVERDUE_FILL = QColor(colours.role("danger").fill)
OVERDUE_TEXT = QColor(colours.role("danger").text)
DONE_TEXT = QColor(colours.role("ok").text)
MUTED_TEXT = QColor(colours.TEXT2)
STATUS_ROLES = {"in_progress": "info", "done": "ok", "refused": "neutral"}


class RegisterModel(RecordTableModel):
    """Rows of ``models.requests.request_rows``; overdue requests are shown in red."""

    def __init__(self, parent=None):
        super().__init__(REGISTER_COLUMNS, parent)
        self.columns[5].display = None
        self.decorate = self._decorate

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and self.columns[index.column()].key == "status" and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self.register_row(index.row())
            text = status_text(current(), row["status"], row["overdue"])
            if row["refusal_reason"] and role == Qt.ItemDataRole.ToolTipRole:
                text += ": " + row["refusal_reason"]
            return text
        return super().data(index, role)

    def set_register(self, rows: list[RegisterRow]) -> None:
        self.set_rows(cast("list[dict]", rows))  # the shared base holds its rows as plain dicts

    def register_row(self, row: int) -> RegisterRow:
        return cast(RegisterRow, self.rows[row])

    def _decorate(self, row: dict, column: int, role):
        key = self.columns[column].key
        if key == "status" or (key == "step_due" and row["overdue"]):
            r = colours.role("danger" if row["overdue"] else STATUS_ROLES.get(row["status"], "neutral"))
            if role == Qt.ItemDataRole.BackgroundRole and key == "status":
                return QBrush(QColor(r.fill))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(r.text))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row["status"] != "in_progress":
            return QBrush(MUTED_TEXT)  # closed requests step back, still readable (6:1)
        return None


class RegisterProxy(TextFilterProxy):
    """Filter by text, procedure, status and "overdue only" / "due this week"."""

    ALL, OVERDUE, THIS_WEEK = "", "overdue", "this_week"

    def __init__(self, parent=None):
        super().__init__(["applicant", "procedure_label", "current_step_label", "id_text", "versions_text"], parent)
        self.procedure_id: int | None = None
        self.status = ""  # "", in_progress, done, refused
        self.when = self.ALL

    def set_filters(self, procedure_id=None, status="", when="") -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.procedure_id, self.status, self.when = procedure_id, status, when
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.procedure_id, self.status, self.when = procedure_id, status, when
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        assert isinstance(source, RegisterModel)  # the register's rows are what it filters
        row = source.rows[source_row]
        if self.procedure_id is not None and row["procedure_id"] != self.procedure_id:
            return False
        if self.status and row["status"] != self.status:
            return False
        if self.when == self.OVERDUE and not row["overdue"]:
            return False
        if self.when == self.THIS_WEEK and not row["due_this_week"]:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class RegisterRow(RequestRow):
    """A register row as the table holds it: with the labels the text filter searches."""

    procedure_label: str  # the procedure's name as the user sees it
    current_step_label: str
    id_text: str


def label_rows(rows: list[RequestRow]) -> list[RegisterRow]:
    """The rows with translated labels, so the text filter finds what the user sees."""
    return [RegisterRow(**r, procedure_label=_tr(r["procedure"]), current_step_label=_tr(r["current_step"]),
                        id_text=str(r["id"])) for r in rows]


STEP_ROLE = Qt.ItemDataRole.UserRole + 10


class StepsModel(QAbstractListModel):
    """The steps of one request (``request_card(...).steps``) for the timeline view."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.steps: list[CardStep] = []

    def set_steps(self, steps: Sequence[CardStep]) -> None:
        self.beginResetModel()
        self.steps = list(steps)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.steps)

    def step(self, row: int) -> CardStep | None:
        return self.steps[row] if 0 <= row < len(self.steps) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.steps):
            return None
        s = self.steps[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {shown(_, s.name)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [shown(_, s.name), duration_text(current(), s)]
            if s.unit:
                lines.append(shown(_, s.unit))
            if s.optional:
                lines.append(_("if: {condition}").format(condition=shown(_, s.condition)))
            if s.note:
                lines.append(s.note)
            return "\n".join(lines)
        if role == STEP_ROLE:
            return s
        return None

    def state(self, row: int) -> str:
        """done / late / overdue / skipped / open: what the timeline paints."""
        s = self.steps[row]
        if s.skipped:
            return "skipped"
        if s.actual:
            return "late" if s.late else "done"
        return "overdue" if s.overdue else "open"


def today() -> dt.date:
    return clock.today()
