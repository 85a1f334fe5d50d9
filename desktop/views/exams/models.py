"""Qt models of an exam session: the matrix (dates x groups), the list (+ filter proxy) and the
conflicts list. All three read one ``Schedule`` and its conflicts; cell texts, tooltips and colours
are computed once in ``set_schedule`` so ``data()`` is a dict lookup (a screen paints in a few ms).
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop import colours, dates
from desktop.i18n import N_, _, current
from desktop.models.exam_conflicts import ExamConflict, conflicts_by_cell
from desktop.models.exam_schedule import ExamRow, Schedule, fmt_time
from desktop.models.exams import ExamForm, Severity

EXAM_IDS_ROLE = Qt.ItemDataRole.UserRole + 10
DAY_ROLE = Qt.ItemDataRole.UserRole + 11
GROUP_ROLE = Qt.ItemDataRole.UserRole + 12
SORT_ROLE = Qt.ItemDataRole.UserRole + 13
MIME = "application/x-dekanat-exam"
# A cell shows up to this many exams, one under another (its row grows); beyond, the first
# ones and a "+N more" line, every exam being in the tooltip.
MAX_SHOWN = 4

# The colour roles' table (desktop/colours.py), shared with the reports; the legend under the matrix
# names them.
ERROR_BRUSH = QBrush(QColor(colours.role("danger").fill))
WARNING_BRUSH = QBrush(QColor(colours.role("warn").fill))
DAY_OFF_BRUSH = QBrush(QColor(colours.role("neutral").fill))
DAY_OFF_TEXT = QBrush(QColor(colours.role("danger").text))


class ExamFilter:
    """Course, programme, examiner and room chosen in the filter bar (None = all)."""

    def __init__(self, course=None, programme=None, examiner=None, room=None):
        self.course, self.programme, self.examiner, self.room = course, programme, examiner, room

    def group_ok(self, schedule: Schedule, gid: int) -> bool:
        g = schedule.groups.get(gid)
        return g is not None and (self.course is None or g.course == self.course) and (
            self.programme is None or g.programme_id == self.programme)

    def exam_ok(self, e: ExamRow) -> bool:
        return (self.examiner is None or e.examiner_id == self.examiner) and (
            self.room is None or e.room_id == self.room)


def _room_name(schedule: Schedule, room_id: int | None) -> str:
    """The room's name; "" for an exam without a room (or with one no longer listed)."""
    room = schedule.rooms.get(room_id) if room_id is not None else None
    return room[0] if room else ""


def _brush(conflicts: list[ExamConflict]):
    if not conflicts:
        return None
    return ERROR_BRUSH if any(c.severity == "error" for c in conflicts) else WARNING_BRUSH


class ExamGridModel(QAbstractTableModel):
    """Rows: the session's days; columns: the groups shown. Drag an exam to another cell to move it
    (with Ctrl to copy it to that group); ``on_drop(exam_id, from_group, day, to_group, copy)``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.schedule: Schedule | None = None
        self.days: list[dt.date] = []
        self.groups: list[int] = []
        self.cells: dict[tuple[int, int], tuple[str, str, object, tuple[int, ...]]] = {}
        self.day_off: dict[dt.date, str] = {}
        self.row_exams: list[int] = []  # exams shown in the fullest cell of each row (for its height)
        self.on_drop = None

    def set_schedule(self, schedule: Schedule | None, conflicts: list[ExamConflict], days_off: dict[dt.date, str],
                     flt: ExamFilter | None = None) -> None:
        flt = flt or ExamFilter()
        self.beginResetModel()
        self.schedule = schedule
        self.day_off = days_off
        self.cells = {}
        if schedule is None:
            self.days, self.groups, self.row_exams = [], [], []
        else:
            self.days = schedule.days()
            # Every group passing the filter, so an exam can be dropped on a group with none yet.
            self.groups = [g for g in schedule.groups if flt.group_ok(schedule, g)]
            row_of = {d: i for i, d in enumerate(self.days)}
            col_of = {g: i for i, g in enumerate(self.groups)}
            per_cell: dict[tuple[int, int], list[ExamRow]] = {}
            for e in schedule.exams:
                if not flt.exam_ok(e):
                    continue
                for g in e.group_ids:
                    if g in col_of:
                        per_cell.setdefault((row_of[e.day], col_of[g]), []).append(e)
            by_cell = conflicts_by_cell(conflicts, schedule)
            self.row_exams = [1] * len(self.days)
            for (r, c), exams in per_cell.items():
                lines = [self._cell_text(e) for e in exams]
                shown = len(exams) if len(exams) <= MAX_SHOWN else MAX_SHOWN - 1
                text = "\n".join(lines[:shown])
                if shown < len(exams):  # the rest in the tooltip, counted on the cell
                    text += "\n" + _("+{count} more").format(count=len(exams) - shown)
                self.row_exams[r] = max(self.row_exams[r], min(len(exams), MAX_SHOWN))
                cell_conflicts = by_cell.get((self.days[r], self.groups[c]), [])
                tip = "\n".join(lines)
                if cell_conflicts:
                    tip += "\n\n" + "\n".join(c_.message for c_ in cell_conflicts)
                self.cells[(r, c)] = (text, tip, _brush(cell_conflicts), tuple(e.id for e in exams))
        self.endResetModel()

    def _cell_text(self, e: ExamRow) -> str:
        s = self.schedule
        assert s is not None  # cells exist only for a schedule
        examiner = s.staff.get(e.examiner_id, "") if e.examiner_id is not None else ""
        return " / ".join(p for p in (s.disciplines.get(e.discipline_id, ""), examiner,
                                      _room_name(s, e.room_id), fmt_time(e.start)) if p)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.days)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.groups)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self.cells.get((index.row(), index.column()))
        if role == Qt.ItemDataRole.DisplayRole:
            return cell[0] if cell else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell[1] if cell else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell and cell[2] is not None:
                return cell[2]
            return DAY_OFF_BRUSH if self.days[index.row()] in self.day_off else None
        if role == EXAM_IDS_ROLE:
            return list(cell[3]) if cell else []
        if role == DAY_ROLE:
            return self.days[index.row()].isoformat()
        if role == GROUP_ROLE:
            return self.groups[index.column()]
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.groups):
                assert self.schedule is not None  # groups come with a schedule
                return self.schedule.groups[self.groups[section]].name
            return None
        if not 0 <= section < len(self.days):
            return None
        day = self.days[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{day:%d.%m} {current().weekday(day.weekday(), 'abbreviated')}"
        if role == Qt.ItemDataRole.ToolTipRole and day in self.day_off:
            return self.day_off[day] or _("Day off")
        if role == Qt.ItemDataRole.ForegroundRole and day in self.day_off:
            return DAY_OFF_TEXT
        return None

    def index_of(self, day: dt.date, group_id: int | None) -> QModelIndex:
        try:
            r = self.days.index(day)
        except ValueError:
            return QModelIndex()
        c = self.groups.index(group_id) if group_id in self.groups else 0
        return self.index(r, c) if self.groups else QModelIndex()

    # Drag and drop -------------------------------------------------------------------------
    def flags(self, index: QModelIndex | QPersistentModelIndex):
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if (index.row(), index.column()) in self.cells:
                flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self):
        return [MIME]

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeData(self, indexes):
        mime = QMimeData()
        for index in indexes:
            cell = self.cells.get((index.row(), index.column()))
            if cell:
                payload = {"exam_id": cell[3][0], "group_id": self.groups[index.column()]}
                mime.setData(MIME, QByteArray(json.dumps(payload).encode()))
                break
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(MIME) and parent.isValid()

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent) or self.on_drop is None:
            return False
        payload = json.loads(bytes(data.data(MIME)).decode())
        day = self.days[parent.row()]
        group = self.groups[parent.column()]
        self.on_drop(payload["exam_id"], payload["group_id"], day, group, action == Qt.DropAction.CopyAction)
        return True


LIST_COLUMNS = (N_("Date"), N_("Time"), N_("Group"), N_("Discipline"), N_("Form"), N_("Examiner"), N_("Room"),
                N_("Consultation"), N_("Conflicts"))


class ExamListModel(QAbstractTableModel):
    """One row per exam; texts precomputed, sorted by the raw values (SORT_ROLE)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple] = []  # (exam, display texts, sort keys, brush, tooltip)
        self.schedule: Schedule | None = None

    def set_schedule(self, schedule: Schedule | None, conflicts: list[ExamConflict]) -> None:
        self.beginResetModel()
        self.schedule = schedule
        self.rows = []
        if schedule is not None:
            per_exam: dict[int, list[ExamConflict]] = {}
            for c in conflicts:
                for i in c.exam_ids:
                    per_exam.setdefault(i, []).append(c)
            for e in schedule.exams:
                mine = per_exam.get(e.id, [])
                consult = ""
                if e.consult_day:
                    consult = f"{dates.table(e.consult_day)} {fmt_time(e.consult_minute)}".strip()
                texts = (f"{dates.table(e.day)}", fmt_time(e.start),
                         ", ".join(schedule.groups[g].name for g in e.group_ids if g in schedule.groups),
                         schedule.disciplines.get(e.discipline_id, ""), ExamForm(e.form).label(),
                         schedule.staff.get(e.examiner_id, "") if e.examiner_id is not None else "",
                         _room_name(schedule, e.room_id), consult,
                         str(len(mine)) if mine else "")
                keys = (e.day.toordinal(), e.start, *texts[2:8], len(mine))
                self.rows.append((e, texts, keys, _brush(mine), "\n".join(c.message for c in mine)))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(LIST_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        exam, texts, keys, brush, tip = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == SORT_ROLE:
            return keys[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return brush
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or texts[index.column()]
        if role == EXAM_IDS_ROLE:
            return [exam.id]
        if role == DAY_ROLE:
            return exam.day.isoformat()
        if role == GROUP_ROLE:
            return exam.group_ids[0] if exam.group_ids else None
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(LIST_COLUMNS[section])
        return None


class ExamListProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.flt = ExamFilter()
        self.setSortRole(SORT_ROLE)
        # ("discipline" | "room", id) -> its names in every language (searched)
        self.versions: dict[tuple[str, int], str] = {}

    text = ""  # the page's search (Ctrl+F): any cell of the row containing it

    def set_filter(self, flt: ExamFilter) -> None:
        self.flt = flt
        self.invalidate()

    def set_text(self, text: str) -> None:
        self.text = text.strip().casefold()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ExamListModel)  # the list's rows are what it filters
        exam = model.rows[source_row][0]
        if self.text and not any(self.text in str(model.index(source_row, c).data() or "").casefold()
                                 for c in range(model.columnCount())) and not any(
                self.text in self.versions.get(key, "").casefold()
                for key in (("discipline", exam.discipline_id), ("room", exam.room_id),
                            ("room", exam.consult_room_id))):
            return False
        schedule = model.schedule
        assert schedule is not None  # rows come only with a schedule
        return self.flt.exam_ok(exam) and any(self.flt.group_ok(schedule, g) for g in exam.group_ids)


CONFLICT_COLUMNS = (N_("Severity"), N_("Date"), N_("Conflict"))


class ConflictListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.conflicts: list[ExamConflict] = []

    def set_conflicts(self, conflicts: list[ExamConflict]) -> None:
        self.beginResetModel()
        self.conflicts = list(conflicts)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(CONFLICT_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self.conflicts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (Severity(c.severity).label(), f"{dates.table(c.day)}" if c.day else "", c.message)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.message
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return _brush([c])
        if role == EXAM_IDS_ROLE:
            return list(c.exam_ids)
        if role == DAY_ROLE:
            return c.day.isoformat() if c.day else None
        if role == GROUP_ROLE:
            return c.group_id
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(CONFLICT_COLUMNS[section])
        return None
