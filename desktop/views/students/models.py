"""Qt item models of the students area: the student table over column tuples (the group tree is in
``tree.py``, a student's movement history in ``history.py``).

The student table is a source model of every loaded tuple and a proxy that filters and sorts
them in bulk: over 20,000 rows one Python pass takes milliseconds, where QSortFilterProxyModel
calling a Python filterAcceptsRow per row takes a third of a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop import dates
from desktop.i18n import N_, NC_, _
from desktop.models.contingent import (
    Funding,
    Gender,
    StudentStatus,
    StudyForm,
)
from desktop.models.students import ROW_FIELDS, F

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _label(labels):
    return lambda v: _(labels[v]) if v in labels else (v or "")


def _date(v):
    if isinstance(v, str) and v:  # the list keeps SQLite's ISO text (see students.student_rows)
        v = dt.date.fromisoformat(v[:10])
    return dates.table(v) if isinstance(v, dt.date) else ""


# key, title, display
STUDENT_COLUMNS = [
    ("last_name", N_("Last name"), None), ("first_name", N_("First name"), None),
    ("patronymic", N_("Patronymic"), None), ("record_book", N_("Record-book number"), None),
    ("group", N_("Group"), None), ("course", N_("Course"), None), ("programme", N_("Programme"), None),
    ("status", NC_("student", "Status"), _label(StudentStatus.labels())),
    ("funding", N_("Funding"), _label(Funding.labels())),
    ("study_form", N_("Study form"), _label(StudyForm.labels())), ("birth_date", N_("Birth date"), _date),
    ("gender", N_("Gender"), _label(Gender.labels())), ("phone", N_("Phone"), None), ("email", N_("E-mail"), None),
]
EDITABLE = {"last_name", "first_name", "patronymic", "record_book", "phone", "email"}


@dataclass
class StudentFilter:
    text: str = ""
    status: str | None = None
    funding: str | None = None
    study_form: str | None = None
    course: int | None = None
    group_ids: frozenset[int] | None = None  # None = every group


class StudentRowsModel(QAbstractTableModel):
    """Every loaded student, one row per tuple (ROW_FIELDS order) as loaded: the source model of
    the list. Display strings are made only for the cells a view paints."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple] = []
        self.on_edit = None  # (row tuple, key, value) -> None
        self._cols = [(F[k], title, display) for k, title, display in STUDENT_COLUMNS]

    def set_rows(self, rows: list[tuple]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cols)

    def cell(self, row: int, column: int, role) -> object:
        """``data`` by plain numbers: what the list's proxy asks for each painted cell."""
        col, _title, display = self._cols[column]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.EditRole:
            value = self.rows[row][col]
            if display is not None and role == Qt.ItemDataRole.DisplayRole:
                return display(value)
            return "" if value is None else value if isinstance(value, (int, str)) else str(value)
        if role == ID_ROLE:
            return self.rows[row][0]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.cell(index.row(), index.column(), role) if index.isValid() else None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(self._cols[section][1])
        return str(section + 1)

    def is_editable(self, column: int) -> bool:
        return ROW_FIELDS[self._cols[column][0]] in EDITABLE and self.on_edit is not None

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and self.is_editable(index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.on_edit is None:
            return False
        row = self.rows[index.row()]
        key = ROW_FIELDS[self._cols[index.column()][0]]
        if (row[F[key]] or "") == value:
            return False
        self.on_edit(row, key, value)
        return True


class StudentTableModel(QAbstractProxyModel):
    """The students shown: a proxy over :class:`StudentRowsModel` that filters and sorts in bulk.

    ``visible`` holds the source rows shown, in order. Each filter or sort is one pass of Python
    over the tuples (milliseconds for 20,000 students) and one reset or layout change, where
    QSortFilterProxyModel would call a Python ``filterAcceptsRow`` or ``lessThan`` per row. The
    search strings are made once per loaded list.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.source = StudentRowsModel(self)
        self.setSourceModel(self.source)
        self._search: list[str] = []
        self.visible: list[int] = []
        self._position: dict[int, int] | None = None  # source row -> shown row, made when asked
        self._order: list[int] = []  # every source row, in the current sort order
        self.filter = StudentFilter()
        self.sort_column, self.sort_order = 0, Qt.SortOrder.AscendingOrder

    # The source's rows and edit hook, as the page sees them
    @property
    def rows(self) -> list[tuple]:
        return self.source.rows

    @property
    def on_edit(self):
        return self.source.on_edit

    @on_edit.setter
    def on_edit(self, fn) -> None:
        self.source.on_edit = fn

    def set_rows(self, rows: list[tuple]) -> None:
        self.beginResetModel()
        self.source.set_rows(rows)
        self._search = []  # made on the first text filter: not needed to show the list
        self._sort_all()
        self.visible = self._filtered()
        self._position = None
        self.endResetModel()

    def prepare_search(self) -> None:
        self._search_strings()

    def _search_strings(self) -> list[str]:
        """One casefolded string per student: name, record book and group, searched with "in"."""
        rows = self.source.rows
        if len(self._search) != len(rows):
            self._search = [f"{r[1]} {r[2]} {r[3]}\t{r[4] or ''}\t{r[5] or ''}".casefold() for r in rows]
        return self._search

    def set_filter(self, flt: StudentFilter) -> None:
        self.filter = flt
        self.beginResetModel()
        self.visible = self._filtered()
        self._position = None
        self.endResetModel()

    def _filtered(self) -> list[int]:
        """Filter the sorted order of all rows: what stays is already sorted (no sort per keystroke)."""
        f = self.filter
        rows = self.source.rows
        idx = self._order
        if f.group_ids is not None:
            g, gi = f.group_ids, F["group_id"]
            idx = [i for i in idx if rows[i][gi] in g]
        for value, col in ((f.status, F["status"]), (f.funding, F["funding"]), (f.study_form, F["study_form"]),
                           (f.course, F["course"])):
            if value is not None:
                idx = [i for i in idx if rows[i][col] == value]
        needle = f.text.strip().casefold()
        if needle:
            search = self._search_strings()
            idx = [i for i in idx if needle in search[i]]
        return list(idx)

    def _sort_all(self) -> None:
        col = self.source._cols[self.sort_column][0]
        rows = self.source.rows
        reverse = self.sort_order == Qt.SortOrder.DescendingOrder
        from desktop.i18n import current_language
        from desktop.models.collation import sort_key

        lang = current_language()
        key: Callable[[int], object]
        if col == F["last_name"]:  # the language's alphabet: ң after н, ө after о, ә after а ...
            # A key per distinct name, not per row: a faculty's 20,000 students share a few
            # thousand surnames and far fewer first names (the sort took 0.1 s key by key).
            known: dict[str | None, tuple] = {}

            def name_key(name: str | None) -> tuple:
                found = known.get(name)
                if found is None:
                    found = known[name] = sort_key(name, lang)
                return found

            keys = [(name_key(r[1]), name_key(r[2])) for r in rows]
            key = keys.__getitem__
        else:
            key = lambda i: ((v := rows[i][col]) is None, sort_key(v, lang) if isinstance(v, str) else v or 0)  # noqa: E731
        self._order = sorted(range(len(rows)), key=key, reverse=reverse)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self.sort_column, self.sort_order) and len(self._order) == len(self.source.rows):
            return  # already in this order (the view asks again when sorting is switched on)
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [(self.visible[i.row()], i.column()) for i in old]
        self._sort_all()
        keep = set(self.visible)
        self.visible = [i for i in self._order if i in keep]
        self._position = None
        pos = self._positions()
        self.changePersistentIndexList(old, [self.index(pos[r], c) for r, c in old_ids])
        self.layoutChanged.emit()

    # Rows by number, for the page
    def row_tuple(self, row: int) -> tuple:
        return self.source.rows[self.visible[row]]

    def student_id(self, row: int) -> int:
        return self.source.rows[self.visible[row]][0]

    def row_of(self, student_id: int) -> int:
        rows = self.source.rows
        for n, i in enumerate(self.visible):
            if rows[i][0] == student_id:
                return n
        return -1

    # QAbstractProxyModel
    def _positions(self) -> dict[int, int]:
        if self._position is None:
            self._position = {r: n for n, r in enumerate(self.visible)}
        return self._position

    def mapToSource(self, proxy_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not proxy_index.isValid() or proxy_index.row() >= len(self.visible):
            return QModelIndex()
        return self.source.index(self.visible[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        row = self._positions().get(source_index.row()) if source_index.isValid() else None
        return QModelIndex() if row is None else self.index(row, source_index.column())

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self.visible) and 0 <= column < len(self.source._cols)):
            return QModelIndex()
        return self.createIndex(row, column)

    # PySide6's stubs give QObject.parent() and QAbstractItemModel.parent(child) one name, which no
    # single Python signature satisfies.
    def parent(self, index=QModelIndex()) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.source._cols)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # The source's cell by numbers: no source QModelIndex per painted cell.
        return self.source.cell(self.visible[index.row()], index.column(), role) if index.isValid() else None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:  # shown rows are numbered 1, 2, 3 ... whatever the order
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        return self.source.headerData(section, orientation, role)

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and self.source.is_editable(index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        return self.source.setData(self.mapToSource(index), value, role)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.source._cols) - 1)
        if self.visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.visible) - 1, len(self.source._cols) - 1))
