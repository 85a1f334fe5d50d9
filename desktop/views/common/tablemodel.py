"""A table model over a list of records, with translatable column titles and editing through undo.

Rows are dicts (or objects) kept in a Python list; the model never holds a Session. Editing
calls ``on_edit(row, key, value)``, which the page runs as a model-layer operation
(``views/common/operations.run``: one undo entry) and then refreshes the row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from desktop.i18n import _

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3

# One row of a table: its values by column key (the page may update a row in place after an edit).
Record = dict[str, Any]


@dataclass
class Column:
    key: str
    title: str  # English source, marked with N_ where declared
    display: Callable[[Any], str] | None = None  # value -> text
    editable: bool = False
    align: Qt.AlignmentFlag | None = None
    width: int | None = None


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None, id_key: str = "id"):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Record] = []
        self.id_key = id_key
        self.on_edit: Callable[[Record, str, Any], None] | None = None
        self.decorate: Callable[[Record, int, int], Any] | None = None  # (row, column, role) -> value or None

    # Data -----------------------------------------------------------------
    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """``rows``: dicts, as a model's TypedDict rows are (kept as they are, not copied)."""
        self.beginResetModel()
        self.rows = cast(list[Record], list(rows))
        self.endResetModel()

    def row_of(self, record_id) -> int:
        for i, r in enumerate(self.rows):
            if r[self.id_key] == record_id:
                return i
        return -1

    def record(self, index: QModelIndex) -> Record | None:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]

    # Qt -------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = row.get(col.key)
            if col.display is not None:
                return col.display(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.EditRole:
            value = row.get(col.key)
            return "" if value is None else value
        if role == SORT_ROLE:
            value = row.get(col.key)
            if isinstance(value, str):  # the interface language's alphabet (ң after н, ә after а ...)
                from desktop.i18n import current_language
                from desktop.models.collation import sort_string

                return sort_string(value, current_language())
            return "" if value is None else value
        if role == ID_ROLE:
            return row.get(self.id_key)
        if role == RECORD_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align is not None:
            return int(col.align | Qt.AlignmentFlag.AlignVCenter)
        if self.decorate is not None:
            return self.decorate(row, index.column(), role)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return _(self.columns[section].title)
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].editable and self.on_edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.on_edit is None:
            return False
        row = self.rows[index.row()]
        key = self.columns[index.column()].key
        if row.get(key) == value:
            return False
        self.on_edit(row, key, value)
        return True

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))


class TextFilterProxy(QSortFilterProxyModel):
    """Filter-as-you-type over chosen columns (case-insensitive), sorting by the raw value."""

    def __init__(self, keys: Sequence[str], parent=None):
        super().__init__(parent)
        self.keys = list(keys)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(False)  # the sort role is already the language's collation string

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self._needle = text.strip().casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = text.strip().casefold()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        source = self.sourceModel()
        assert isinstance(source, RecordTableModel)  # every TextFilterProxy filters a RecordTableModel
        row = source.rows[source_row]
        return any(self._needle in str(row.get(k) or "").casefold() for k in self.keys)
