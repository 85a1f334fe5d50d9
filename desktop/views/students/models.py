"""Qt item models of the students area: the programme → course → group tree, the student
table over column tuples, and the movement history of one student.

The student table is a source model of every loaded tuple and a proxy that filters and sorts
them in bulk: over 20,000 rows one Python pass takes milliseconds, where QSortFilterProxyModel
calling a Python filterAcceptsRow per row takes a third of a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop import dates
from desktop.i18n import N_, NC_, _, ngettext
from desktop.models.contingent import (
    Funding,
    Gender,
    StudentStatus,
    StudyForm,
)
from desktop.models.movements import MovementKind
from desktop.models.students import ROW_FIELDS, F

ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUPS_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass
class Node:
    kind: str  # "all", "programme", "course", "group"
    label: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    group_ids: list[int] = field(default_factory=list)
    count: int = 0

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class GroupTreeModel(QAbstractItemModel):
    """All students → programmes → courses → groups, with the number of students studying."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.root = Node("root", "")

    def set_groups(self, groups: list[dict]) -> None:
        self.beginResetModel()
        self.root = Node("root", "")
        everything = Node("all", N_("All students"), self.root)
        self.root.children.append(everything)
        programmes: dict[str, Node] = {}
        for g in groups:
            key = g["programme_code"]
            p = programmes.get(key)
            if p is None:
                label = f"{g['programme_code']} {g['programme_name']}".strip()
                p = programmes[key] = Node("programme", label or N_("Without programme"), everything)
                everything.children.append(p)
            c = next((c for c in p.children if c.label == str(g["course"])), None)
            if c is None:
                c = Node("course", str(g["course"]), p)
                p.children.append(c)
            c.children.append(Node("group", g["name"], c, group_ids=[g["id"]], count=g["students"]))
        for node in self._walk(everything, post=True):
            if node.kind != "group":
                node.group_ids = [i for ch in node.children for i in ch.group_ids]
                node.count = sum(ch.count for ch in node.children)
        self.endResetModel()

    def _walk(self, node: Node, post: bool = False):
        if not post:
            yield node
        for ch in node.children:
            yield from self._walk(ch, post)
        if post:
            yield node

    def node(self, index: QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self.node(parent).children[row])

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        p = index.internalPointer().parent
        if p is None or p is self.root:
            return QModelIndex()
        return self.createIndex(p.row(), 0, p)

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        n = index.internalPointer()
        if role == Qt.ItemDataRole.DisplayRole:
            label = _("Course {course}").format(course=n.label) if n.kind == "course" else (
                _(n.label) if n.kind in ("all",) or n.label == N_("Without programme") else n.label)
            return f"{label} ({n.count})"
        if role == Qt.ItemDataRole.ToolTipRole:  # the tree counts who studies; the table lists every status
            return ngettext("{n} student studying", "{n} students studying", n.count).format(n=n.count)
        if role == GROUPS_ROLE:
            return n.group_ids
        if role == Qt.ItemDataRole.UserRole:
            return n.kind
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _("Programmes and groups")
        return None

    def find_group(self, group_id: int) -> QModelIndex:
        for node in self._walk(self.root):
            if node.kind == "group" and node.group_ids == [group_id]:
                return self.createIndex(node.row(), 0, node)
        return QModelIndex()


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
    ("status", NC_("student", "Status"), _label(StudentStatus.labels())), ("funding", N_("Funding"), _label(Funding.labels())),
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
            keys = [(sort_key(r[1], lang), sort_key(r[2], lang)) for r in rows]
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


HISTORY_COLUMNS = [("effective_date", N_("Effective date")), ("kind", N_("Movement")),
                   ("order_number", N_("Order number")), ("order_date", N_("Order date")),
                   ("from_group", N_("From group")), ("group", N_("Group")), ("course", N_("Course")),
                   ("reason", N_("Reason"))]


class HistoryModel(QAbstractTableModel):
    """A student's movements, oldest first."""

    def __init__(self, rows: list[dict] | None = None, parent=None):
        super().__init__(parent)
        self.rows = rows or []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HISTORY_COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = HISTORY_COLUMNS[index.column()][0]
        v = self.rows[index.row()][key]
        if key == "kind":
            return _(MovementKind.labels().get(v, v))
        if isinstance(v, dt.date):
            return _date(v)
        return "" if v is None else str(v)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HISTORY_COLUMNS[section][1])
        return None
