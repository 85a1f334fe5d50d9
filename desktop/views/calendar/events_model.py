"""The calendar's events as a tree: categories (I, II ...) -> events -> sub-rows per school,
columns No, event, kind, one per term, note. Problems of validation colour their cell and
show as its tooltip. Edits go out through ``on_edit`` (the page turns them into undo commands)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop import colours, i18n
from desktop.i18n import _, pgettext
from desktop.models.academic_calendar import CalendarData, Category, EventKind, Layout, Resolved, term_label
from desktop.reports.calendar_table import cell_text

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TERM_ROLE = Qt.ItemDataRole.UserRole + 2
PROBLEM_FILL = QColor(colours.role("danger").fill)


class _Node:
    __slots__ = ("parent", "children", "category", "event", "numeral")

    def __init__(self, parent, category: str, event=None, numeral: str = ""):
        self.children: list[_Node]
        self.parent, self.children, self.category, self.event, self.numeral = parent, [], category, event, numeral

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class EventsModel(QAbstractItemModel):
    FIXED = 3  # No, event, kind

    def __init__(self, parent=None):
        super().__init__(parent)
        self.data_: CalendarData | None = None
        self.resolved: Resolved = {}
        self.problems: dict[tuple[int, str], list[str]] = {}
        self.root = _Node(None, "")
        self.on_edit: Callable[[int, str, object], None] | None = None

    # Loading --------------------------------------------------------------
    def set_calendar(self, data: CalendarData | None, resolved: Resolved, problems) -> None:
        self.beginResetModel()
        self.data_, self.resolved = data, resolved
        self.problems = {}
        for p in problems:
            self.problems.setdefault((p.event_id, p.term), []).append(p.message(i18n.current()))
        self.root = _Node(None, "")
        if data is not None:
            for numeral, category, events in data.by_category():
                cat = _Node(self.root, category, None, numeral)
                self.root.children.append(cat)
                nodes: dict[int | None, _Node] = {}  # a top-level event's parent_id None: the category
                for e in events:
                    parent = nodes.get(e.parent_id, cat)
                    node = _Node(parent, category, e)
                    parent.children.append(node)
                    nodes[e.id] = node
        self.endResetModel()

    @property
    def terms(self) -> tuple[str, ...]:
        return self.data_.terms if self.data_ else ()

    def term_of_column(self, column: int) -> str | None:
        i = column - self.FIXED
        return self.terms[i] if 0 <= i < len(self.terms) else None

    def index_of_event(self, event_id: int, column: int = 1) -> QModelIndex:
        def walk(node, parent_index):
            for r, child in enumerate(node.children):
                idx = self.index(r, column, parent_index)
                if child.event is not None and child.event.id == event_id:
                    return idx
                found = walk(child, self.index(r, 0, parent_index))
                if found is not None:
                    return found
            return None

        return walk(self.root, QModelIndex()) or QModelIndex()

    # Qt -------------------------------------------------------------------
    def _node(self, index: QModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        if 0 <= row < len(node.children) and 0 <= column < self.columnCount():
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = index.internalPointer().parent
        if node is None or node is self.root:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent=QModelIndex()) -> int:
        return self.FIXED + len(self.terms) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < self.FIXED:
            return (_("No"), pgettext("calendar column", "Event"), _("Kind"))[section]
        term = self.term_of_column(section)
        if term is not None:
            if term == "summer" and self.data_ and self.data_.layout == Layout.TRIMESTER:
                return _("Summer trimester")
            return term_label(term)
        return _("Note") if section == self.columnCount() - 1 else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        col = index.column()
        e = node.event
        if e is None:  # a category row
            if role == Qt.ItemDataRole.DisplayRole:
                return {0: node.numeral, 1: Category(node.category).label()}.get(col)
            if role == Qt.ItemDataRole.FontRole and col <= 1:
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(True)
                return font
            return None
        term = self.term_of_column(col)
        problems = self.problems.get((e.id, term)) if term else None
        if role == EVENT_ID_ROLE:
            return e.id
        if role == TERM_ROLE:
            return term
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return e.number
            if col == 1:
                return e.title
            if col == 2:
                return e.kind if role == Qt.ItemDataRole.EditRole else _kind_label(e.kind)
            if term is not None:
                entry = e.entries.get(term)
                assert self.data_ is not None  # an event row exists only while a calendar is loaded
                # A parent row without its own date shows the span of its sub-rows.
                text = cell_text(self.data_, entry, self.resolved.get((e.id, term)), i18n.current())
                if role == Qt.ItemDataRole.ToolTipRole and problems:
                    return "\n".join(["⚠ " + p for p in problems] + ([text] if text else []))
                return text
            return e.note
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return QBrush(PROBLEM_FILL)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        node: _Node = index.internalPointer()
        if node.event is not None and index.column() in (1, 2, self.columnCount() - 1):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        e = index.internalPointer().event
        key = {1: "title", 2: "kind"}.get(index.column(), "note")
        if getattr(e, key) == value:
            return False
        if self.on_edit is not None:
            self.on_edit(e.id, key, value)
        return True

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        self.layoutChanged.emit()


def _kind_label(kind: str) -> str:
    """An event's kind in the interface language; a kind no longer known as written."""
    try:
        return EventKind(kind).label()
    except ValueError:
        return _(kind)
