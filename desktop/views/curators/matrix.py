"""The dean's office's matrix: curators × months, coloured by state, with counts per month."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.i18n import N_, _, current
from desktop.models.curator_reports import Matrix
from desktop.models.curators import CELL_STATE_COLOURS, CELL_STATE_TEXT, CellState
from desktop.reports.curator_matrix import STATE_ORDER
from desktop.views.common.tablemodel import Column

REPORT_ID_ROLE = Qt.ItemDataRole.UserRole + 10
STATE_ROLE = Qt.ItemDataRole.UserRole + 11
ASSIGNMENT_ROLE = Qt.ItemDataRole.UserRole + 12
FIXED = 2  # curator, group

# A group's history under the matrix: one row per month.
HISTORY_COLUMNS = [
    Column("month", N_("Month"), lambda v: v),
    Column("curator", N_("Curator")),
    Column("due", N_("Due date"), lambda d: current().short_date(d) if d else ""),
    Column("submitted_on", N_("Submitted"), lambda d: current().short_date(d) if d else ""),
    Column("state", N_("State"), lambda s: CellState(s).label() if s else ""),
    Column("comment", N_("Comment")),
]


class MatrixModel(QAbstractTableModel):
    """One row per curator assignment, then one row per state with the month's count."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix: Matrix | None = None

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def _rows(self) -> int:
        return len(self.matrix.rows) if self.matrix else 0

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.matrix else self._rows() + len(STATE_ORDER)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.matrix else FIXED + len(self.matrix.months)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or self.matrix is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if section < self._rows() else ""
        if section == 0:
            return _("Curator")
        if section == 1:
            return _("Group")
        y, m = self.matrix.months[section - FIXED]
        tr = current()
        return f"{tr.month(m, 'abbreviated')} {y}\n{tr.short_date(self.matrix.dues[section - FIXED])}"

    def cell(self, index: QModelIndex) -> tuple[CellState | None, int | None]:
        if self.matrix is None or index.row() >= self._rows() or index.column() < FIXED:
            return None, None
        return self.matrix.rows[index.row()].cells[index.column() - FIXED]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.matrix is None:
            return None
        r, c = index.row(), index.column()
        if r >= self._rows():  # count rows
            counted = STATE_ORDER[r - self._rows()]
            if role == Qt.ItemDataRole.DisplayRole:
                if c == 1:
                    return CellState(counted).label()
                if c >= FIXED:
                    return str(self.matrix.month_counts[c - FIXED].get(counted, 0))
                return ""
            if role == Qt.ItemDataRole.FontRole:
                f = QFont()
                f.setBold(True)
                return f
            if role == Qt.ItemDataRole.BackgroundRole and c == 1:
                return QBrush(QColor(CELL_STATE_COLOURS[counted]))
            if role == Qt.ItemDataRole.TextAlignmentRole and c >= FIXED:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        row = self.matrix.rows[r]
        if c < FIXED:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                a = row.assignment
                if c == 0:
                    return a.curator
                return a.group
            if role == ASSIGNMENT_ROLE:
                return row.assignment.id
            return None
        state, rid = row.cells[c - FIXED]
        if role == Qt.ItemDataRole.DisplayRole:
            # "Not due yet" is a grey cell without text, so the states that matter stand out.
            return CellState(state).label() if state and state is not CellState.NOT_DUE else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return CellState(state).label() if state else None
        if role == Qt.ItemDataRole.BackgroundRole and state is not None:
            return QBrush(QColor(CELL_STATE_COLOURS[state]))
        if role == Qt.ItemDataRole.ForegroundRole and state is not None:
            return QBrush(QColor(CELL_STATE_TEXT[state]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == REPORT_ID_ROLE:
            return rid
        if role == STATE_ROLE:
            return state.value if state else None
        if role == ASSIGNMENT_ROLE:
            return row.assignment.id
        return None

    def retranslate(self) -> None:
        if self.matrix is not None and self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
