"""The plan as a two-level tree (sections, items) over plain dicts from ``workplan.plan_tree``,
with in-place editing and drag-and-drop of items; every change is handed to the page
(``on_edit``, ``on_move``) which runs it through the undo stack."""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal, cast

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop import colours
from desktop.i18n import N_, NC_, _, current
from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl

COLUMNS = [N_("No."), N_("Activity"), N_("Deadline"), N_("Responsible"), NC_("state", "Status")]
MIME = "application/x-dekanat-workplan-item"
ItemRole = Qt.ItemDataRole.UserRole + 1
_DISPLAY, _EDIT, _FONT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.FontRole
_FOREGROUND, _TOOLTIP = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole
_F = Qt.ItemFlag
_DROP = _F.ItemIsDropEnabled
_SECTION = _F.ItemIsEnabled | _F.ItemIsSelectable | _F.ItemIsDropEnabled
_SECTION_TITLE = _SECTION | _F.ItemIsEditable
_ITEM = _F.ItemIsEnabled | _F.ItemIsSelectable | _F.ItemIsDragEnabled
_ITEM_EDITABLE = _ITEM | _F.ItemIsEditable
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ROLES = frozenset((_DISPLAY, _EDIT, _FONT, _FOREGROUND, _BACKGROUND, _TOOLTIP, ItemRole))
STATUS_COLUMN = 4
# What a row of the tree is: a section or an item of the plan (``workplan.plan_tree``'s dicts)
Node = tuple[Literal["section"], wp.TreeSection] | tuple[Literal["item"], wp.TreeItem]


class PlanTreeModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.sections: list[wp.TreeSection] = []
        self.first_year = 2025
        self.on_edit = None  # (kind "item"/"section", id, field, value)
        self.on_move = None  # (item_id, section_id, position)
        # item id -> the texts shown in columns 0..4, made once per load/language (rendering a
        # deadline takes locale look-ups, and the view asks for every cell several times)
        self._texts: dict[int, tuple[str, ...]] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        # An overdue item: its status cell says so, as a chip in the danger role (the rest of the
        # row stays black: colour marks the cell, never the whole row).
        danger = colours.role("danger")
        self._overdue = QBrush(QColor(danger.text))
        self._overdue_fill = QBrush(QColor(danger.fill))

    def set_tree(self, tree: wp.PlanTree | None) -> None:
        self.beginResetModel()
        self.sections = tree["sections"] if tree else []
        self.first_year = tree["first_year"] if tree else self.first_year
        self._texts.clear()
        self.endResetModel()

    def retranslate(self) -> None:
        self._texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.sections:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.sections) - 1, len(COLUMNS) - 1))

    # Structure --------------------------------------------------------------------------
    # index/rowCount run tens of thousands of times while the view lays out: plain Python checks,
    # no hasIndex() round trips through Qt.
    def index(self, row, column, parent=QModelIndex()):
        if row < 0 or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.sections) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        section = parent.row()
        if row < len(self.sections[section]["items"]):
            return self.createIndex(row, column, section + 1)
        return QModelIndex()

    def parent(self, index=QModelIndex()):
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()):
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.sections[parent.row()]["items"])
        return 0

    def columnCount(self, parent=QModelIndex()):
        return len(COLUMNS)

    def node(self, index) -> Node | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return "section", self.sections[index.row()]
        return "item", self.sections[index.internalId() - 1]["items"][index.row()]

    def section_of(self, index) -> wp.TreeSection | None:
        if not index.isValid():
            return None
        return self.sections[index.row() if index.internalId() == 0 else index.internalId() - 1]

    # Data ---------------------------------------------------------------------------------
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # The view asks for a dozen roles per cell while laying out; answer the unused ones first.
        if role not in _ROLES or not index.isValid():
            return None
        section_no = index.internalId()
        col = index.column()
        if section_no == 0:
            row = self.sections[index.row()]
            if role == _DISPLAY or role == _EDIT:
                return row["number"] if col == 0 else row["title"] if col == 1 else None
            if role == _FONT:
                return self._bold
            return None
        row = self.sections[section_no - 1]["items"][index.row()]
        if role == _DISPLAY or role == _EDIT:
            return self.item_texts(row)[col]
        if role == ItemRole:
            return row
        if col == STATUS_COLUMN and row["overdue"]:
            if role == _FOREGROUND:
                return self._overdue
            if role == _BACKGROUND:
                return self._overdue_fill
        if role == _TOOLTIP and col == 1:
            return row["text"]
        return None

    def item_texts(self, row: wp.TreeItem) -> tuple[str, ...]:
        texts = self._texts.get(row["id"])
        if texts is None:
            status = wp.ItemStatus(row["status"]).label()
            if row["overdue"]:  # the word, not only the colour
                status = f"{_('Overdue')} · {status}"
            texts = (f"{row['number']}.", row["text"], dl.render(row["deadline"], current()),
                     row["responsible_text"], status)
            self._texts[row["id"]] = texts
        return texts

    def flags(self, index):
        if not index.isValid():
            return _DROP
        if index.internalId() == 0:
            return _SECTION_TITLE if index.column() == 1 else _SECTION
        return _ITEM_EDITABLE if index.column() in (1, 3) else _ITEM

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        found = self.node(index)
        if found is None or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        kind, row = found
        if kind == "section" and index.column() == 1:
            self.on_edit("section", row["id"], "title", str(value))
            return True
        if kind == "item" and index.column() in (1, 3):
            self.on_edit("item", row["id"], "text" if index.column() == 1 else "responsible", str(value))
            return True
        return False

    # Drag and drop ------------------------------------------------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [MIME]

    def mimeData(self, indexes):
        ids = []
        for index in indexes:
            found = self.node(index)
            if found and found[0] == "item" and found[1]["id"] not in ids:
                ids.append(found[1]["id"])
        data = QMimeData()
        data.setData(MIME, json.dumps(ids).encode())
        return data

    def canDropMimeData(self, data, action, row, column, parent):
        return data.hasFormat(MIME) and (parent.isValid() or row >= 0)

    def dropMimeData(self, data, action, row, column, parent):
        if not data.hasFormat(MIME) or self.on_move is None:
            return False
        ids = json.loads(bytes(data.data(MIME)).decode())
        if not ids:
            return False
        if not parent.isValid():  # dropped between sections: the end of the section above
            if row <= 0:
                return False
            section = self.sections[row - 1]
            position = len(section["items"])
        elif parent.internalId() == 0:
            section = self.sections[parent.row()]
            position = row if row >= 0 else len(section["items"])
        else:  # onto an item: before it
            section = self.sections[parent.internalId() - 1]
            position = parent.row()
        self.on_move(ids[0], section["id"], position)
        return False  # the page reloads the tree; the view must not remove the source rows


class PlanFilterProxy(QSortFilterProxyModel):
    """Filters items by section, responsible (staff id or role), month, status, overdue, text;
    sections stay visible while any of their items does."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.section_id = None
        self.person = None  # ("staff", id) or ("role", value)
        self.month = None  # (year, month)
        self.status = None
        self.overdue_only = False
        self.text = ""
        self.first_year = 2025
        self.setRecursiveFilteringEnabled(True)

    def set_filters(self, **kw) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+: invalidateFilter() is deprecated
            self.beginFilterChange()
            for k, v in kw.items():
                setattr(self, k, v)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            for k, v in kw.items():
                setattr(self, k, v)
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent):
        model = cast(PlanTreeModel, self.sourceModel())
        if not source_parent.isValid():
            section = model.sections[source_row]
            return self.section_id is None or section["id"] == self.section_id
        section = model.sections[source_parent.row()]
        if self.section_id is not None and section["id"] != self.section_id:
            return False
        item = section["items"][source_row]
        return self.accepts(item, model.first_year)

    def accepts(self, item: wp.TreeItem, first_year: int) -> bool:
        if self.status and item["status"] != self.status:
            return False
        if self.overdue_only and not item["overdue"]:
            return False
        if self.person:
            kind, value = self.person
            if not any((r["staff_id"] == value) if kind == "staff" else (r["role"] == value)
                       for r in item["responsible"]):
                return False
        if self.month:
            y, m = self.month
            start = dt.date(y, m, 1)
            end = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
            if not dl.is_due(item["deadline"], start, end, first_year):
                return False
        if self.text:
            # any language version finds the item too (``search_text``: its other versions)
            hay = f"{item['text']} {item['responsible_text']} {item.get('search_text', '')}".lower()
            if self.text.lower() not in hay:
                return False
        return True
