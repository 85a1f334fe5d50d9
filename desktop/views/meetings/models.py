"""Qt item models of the meetings area: proposals to tick, the agenda, attendance, decisions."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop import colours, dates
from desktop.i18n import N_, NC_, _
from desktop.models.meetings import DecisionStatus, ItemSource
from desktop.models.meetings_agenda import AgendaProposal, source_label
from desktop.views.common.tablemodel import Column, RecordTableModel

OVERDUE_BRUSH = QBrush(QColor(colours.role("danger").fill))
OVERDUE_TEXT = QBrush(QColor(colours.role("danger").text))
ON_AGENDA_TEXT = QBrush(QColor(colours.TEXT2))


class ProposalModel(QAbstractTableModel):
    """The agenda draft: each proposal with its source; the secretary ticks what goes on the agenda.
    Proposals already on the agenda are shown greyed and cannot be ticked again."""

    COLUMNS = (N_("Proposed item"), N_("Source"), N_("Due"), N_("Speaker"), N_("Note"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.proposals: list[AgendaProposal] = []
        self.ticked: set[str] = set()
        self.speakers: dict[int, str] = {}

    def set_proposals(self, proposals: list[AgendaProposal], speakers: dict[int, str]) -> None:
        self.beginResetModel()
        self.proposals = list(proposals)
        self.speakers = speakers
        self.ticked &= {p.ref for p in proposals if not p.on_agenda}
        self.endResetModel()

    def ticked_proposals(self) -> list[AgendaProposal]:
        return [p for p in self.proposals if p.ref in self.ticked and not p.on_agenda]

    def set_all(self, on: bool) -> None:
        self.ticked = {p.ref for p in self.proposals if not p.on_agenda} if on else set()
        if self.proposals:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.proposals) - 1, 0))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.proposals)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.proposals[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return p.title
            if col == 1:
                text = _(source_label(p.source))
                return _("{source} — on the agenda").format(source=text) if p.on_agenda else text
            if col == 2:
                return dates.table(p.due_date)
            if col == 3:
                return self.speakers.get(p.speaker_id, p.speaker) if p.speaker_id else p.speaker
            return p.note
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            on = p.on_agenda or p.ref in self.ticked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if p.on_agenda:
                return ON_AGENDA_TEXT
            if p.overdue:
                return OVERDUE_TEXT
        if role == Qt.ItemDataRole.BackgroundRole and p.overdue and not p.on_agenda:
            return OVERDUE_BRUSH
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        flags = super().flags(index)
        if index.isValid() and index.column() == 0 and not self.proposals[index.row()].on_agenda:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        p = self.proposals[index.row()]
        if p.on_agenda:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(p.ref)
        else:
            self.ticked.discard(p.ref)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.COLUMNS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)


AGENDA_MIME = "application/x-dekanat-agenda-item"


class AgendaModel(RecordTableModel):
    """The agenda in order; rows are dragged to a new place (internal move only). A drop does not
    move the row itself: it calls ``on_move(item_id, position)``, which goes through the page's
    undo stack to ``meetings.move_agenda_item``, and the reload shows the new order."""

    def __init__(self, columns, parent=None):
        super().__init__(columns, parent)
        self.on_move: Callable[[int, int], None] | None = None  # (item_id, new position)

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        flags = super().flags(index)
        if index.isValid():
            return flags | Qt.ItemFlag.ItemIsDragEnabled
        return flags | Qt.ItemFlag.ItemIsDropEnabled  # between rows and after the last one

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [AGENDA_MIME]

    def mimeData(self, indexes):
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if len(rows) != 1:
            return None
        data = QMimeData()
        data.setData(AGENDA_MIME, QByteArray(str(self.rows[rows[0]]["id"]).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return (action == Qt.DropAction.MoveAction and data is not None and data.hasFormat(AGENDA_MIME)
                and self.on_move is not None)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if self.on_move is None or not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            item_id = int(bytes(data.data(AGENDA_MIME)).decode())
        except ValueError:
            return False
        source = self.row_of(item_id)
        if source < 0:
            return False
        # the target slot: before ``row``, on a row (parent valid) before it, or at the end
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.rows))
        position = target - 1 if target > source else target  # the row leaves its old place first
        if position == source:
            return False
        self.on_move(item_id, position)
        # False: the view must not also remove the dragged row; the reload has the new order
        return False


def agenda_model(parent=None) -> AgendaModel:
    return AgendaModel([
        Column("number", N_("No."), width=40),
        Column("title", N_("Agenda item"), editable=True, width=380),
        Column("speaker", N_("Speaker"), width=140),
        Column("minutes_allotted", N_("Time, min"), editable=True, width=80),
        Column("source", N_("Source"), display=lambda v: _(source_label(v or ItemSource.MANUAL)), width=180),
    ], parent)


class AttendanceModel(RecordTableModel):
    """Who was invited; tick present, write why someone was absent. ``on_change(staff_id, present,
    note)`` is called for a tick and for a reason written."""

    def __init__(self, parent=None):
        super().__init__([
            Column("full_name", N_("Attendee")),
            Column("position", N_("Position")),
            Column("note", N_("Reason of absence"), editable=True),
        ], parent, id_key="staff_id")
        self.on_change: Callable[[int, bool, str], None] | None = None
        self.on_edit = self._note_written
        self.decorate = self._decorate

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        super().set_rows([dict(r) for r in rows])

    def _note_written(self, row: dict[str, Any], _key: str, value: Any) -> None:
        if self.on_change is not None:
            self.on_change(row["staff_id"], row["present"], str(value).strip())

    @staticmethod
    def _decorate(row: dict[str, Any], _column: int, role: int) -> Any:
        return ON_AGENDA_TEXT if role == Qt.ItemDataRole.ForegroundRole and not row["present"] else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            return Qt.CheckState.Checked if self.rows[index.row()]["present"] else Qt.CheckState.Unchecked
        return super().data(index, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex):
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.on_change is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            r = self.rows[index.row()]
            self.on_change(r["staff_id"], Qt.CheckState(value) == Qt.CheckState.Checked, r["note"])
            return True
        if index.column() == 2:  # the reason of absence; the name and position are not edited here
            return super().setData(index, value, role)
        return False


def status_text(value) -> str:
    return DecisionStatus(value).label() if value else ""


def decision_model(parent=None, with_meeting: bool = False) -> RecordTableModel:
    columns = [
        Column("text", N_("Decision"), editable=True, width=360),
        Column("responsible", N_("Responsible"), width=170),
        Column("due_date", N_("Due date"), display=dates.table, width=90),
        Column("status", NC_("state", "Status"), display=status_text, width=100),
    ]
    if with_meeting:
        columns += [Column("series", N_("Meeting series"), width=200),
                    Column("meeting_date", N_("Meeting date"), display=dates.table, width=90),
                    Column("closed_on", N_("Closed on"), display=dates.table, width=90)]
    model = RecordTableModel(columns, parent)

    def decorate(row, column, role):
        # the status and due-date cells of an overdue decision, not the whole row (26 of 26 were pink)
        if row.get("overdue") and columns[column].key in ("status", "due_date"):
            if role == Qt.ItemDataRole.BackgroundRole and columns[column].key == "status":
                return OVERDUE_BRUSH
            if role == Qt.ItemDataRole.ForegroundRole:
                return OVERDUE_TEXT
        return None

    model.decorate = decorate
    return model
