"""The programme → course → group tree of the students area, with the number studying in each."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from desktop.i18n import N_, _, ngettext
from desktop.models.students import GroupRow

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

    def set_groups(self, groups: list[GroupRow]) -> None:
        self.beginResetModel()
        self.root = Node("root", "")
        everything = Node("all", N_("All students"), self.root)
        self.root.children.append(everything)
        programmes: dict[str, Node] = {}
        for g in groups:
            key = g.programme_code
            p = programmes.get(key)
            if p is None:
                label = f"{g.programme_code} {g.programme_name}".strip()
                p = programmes[key] = Node("programme", label or N_("Without programme"), everything)
                everything.children.append(p)
            c = next((c for c in p.children if c.label == str(g.course)), None)
            if c is None:
                c = Node("course", str(g.course), p)
                p.children.append(c)
            c.children.append(Node("group", g.name, c, group_ids=[g.id], count=g.students))
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
