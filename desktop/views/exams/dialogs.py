"""Dialogs of the exam editor: one exam's fields, and choosing groups (copy, generator)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, QTime
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
)

from desktop import colours
from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.models.exam_schedule import ExamRow, Schedule
from desktop.models.exams import ExamForm
from desktop.views.common.forms import date_edit, ok_cancel


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class GroupPicker(QDialog):
    """Tick groups in a filterable list (a checkable QStandardItemModel behind a proxy)."""

    def __init__(self, schedule: Schedule, title: str, note: str = "", exclude=(), parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model = QStandardItemModel(self)
        for g in schedule.groups.values():
            if g.id in exclude:
                continue
            item = QStandardItem(f"{g.name}  ({g.programme_code}, {g.course})")
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(g.id, Qt.ItemDataRole.UserRole)
            self.model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Filter…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView()
        self.view.setModel(self.proxy)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(380, 480)

    def set_checked(self, group_ids) -> None:
        wanted = set(group_ids)
        for r in range(self.model.rowCount()):
            item = self.model.item(r)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)

    def checked(self) -> list[int]:
        return [self.model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.model.rowCount())
                if self.model.item(r).checkState() == Qt.CheckState.Checked]


class ExamDialog(QDialog):
    """The fields of one exam; ``row()`` returns them as an ``ExamRow`` (validated)."""

    def __init__(self, schedule: Schedule, exam: ExamRow | None, day: dt.date | None = None,
                 group_id: int | None = None, parent=None):
        super().__init__(parent)
        self.schedule = schedule
        self.setWindowTitle(_("Exam") if exam else _("New exam"))
        self.exam_id = exam.id if exam else 0
        self.group_ids = list(exam.group_ids) if exam else ([group_id] if group_id else [])
        self._build_fields()
        self._lay_out()
        self._fill(exam, day)

    def _build_fields(self) -> None:
        self.discipline = QComboBox()
        self.discipline.setEditable(True)
        self.discipline.addItems(sorted(self.schedule.disciplines.values()))
        self.groups_label = QLabel()
        self.groups_button = QPushButton(_("Groups…"))
        self.groups_button.clicked.connect(self._pick_groups)
        self.examiner = self._staff_combo()
        self.assistant = self._staff_combo()
        self.day = date_edit()
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(15, 600)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" " + _("min"))
        self.room = self._room_combo()
        self.form = QComboBox()
        for f in ExamForm:
            self.form.addItem(ExamForm(f).label(), f.value)
        self.consult = QCheckBox(_("Consultation before the exam"))
        self.consult_day = date_edit()
        self.consult_time = QTimeEdit()
        self.consult_time.setDisplayFormat("HH:mm")
        self.consult_room = self._room_combo()
        self.consult.toggled.connect(self._consult_toggled)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(_("Discipline"), self.discipline)
        groups = QHBoxLayout()
        groups.addWidget(self.groups_label, 1)
        groups.addWidget(self.groups_button)
        form.addRow(_("Groups"), groups)
        form.addRow(_("Examiner"), self.examiner)
        form.addRow(_("Assistant"), self.assistant)
        form.addRow(_("Date"), self.day)
        form.addRow(_("Start"), self.start)
        form.addRow(_("Duration"), self.duration)
        form.addRow(_("Room"), self.room)
        form.addRow(_("Form"), self.form)
        form.addRow(self.consult)
        consult = QHBoxLayout()
        consult.addWidget(self.consult_day)
        consult.addWidget(self.consult_time)
        consult.addWidget(self.consult_room, 1)
        form.addRow(_("Consultation"), consult)
        buttons = ok_cancel(self)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {colours.role('danger').text}")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _fill(self, exam: ExamRow | None, day: dt.date | None) -> None:
        """The exam's values, or a new exam's on ``day`` (the session's first day) at 9:00."""
        schedule = self.schedule
        e = exam or ExamRow(0, 0, tuple(self.group_ids), day or schedule.start, 9 * 60)
        if exam:
            self.discipline.setCurrentText(schedule.disciplines.get(exam.discipline_id, ""))
        else:
            self.discipline.setCurrentText("")
        self._select(self.examiner, e.examiner_id)
        self._select(self.assistant, e.assistant_id)
        self.day.setDate(_qdate(e.day))
        self.start.setTime(QTime(e.start // 60, e.start % 60))
        self.duration.setValue(e.duration)
        self._select(self.room, e.room_id)
        self.form.setCurrentIndex(max(0, self.form.findData(e.form)))
        self.consult.setChecked(e.consult_day is not None)
        self.consult_day.setDate(_qdate(e.consult_day or e.day - dt.timedelta(days=1)))
        cm = e.consult_minute if e.consult_minute is not None else 14 * 60
        self.consult_time.setTime(QTime(cm // 60, cm % 60))
        self._select(self.consult_room, e.consult_room_id)
        self._consult_toggled(self.consult.isChecked())
        self._show_groups()

    def _staff_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem("—", None)
        for sid, name in sorted(self.schedule.staff.items(), key=lambda kv: kv[1]):
            combo.addItem(name, sid)
        return combo

    def _room_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem("—", None)
        for rid, (name, cap, _building) in self.schedule.rooms.items():
            combo.addItem(f"{name} ({cap})", rid)
        return combo

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _consult_toggled(self, on: bool) -> None:
        for w in (self.consult_day, self.consult_time, self.consult_room):
            w.setEnabled(on)

    def _show_groups(self) -> None:
        g = self.schedule.groups
        self.groups_label.setText(", ".join(g[i].name for i in self.group_ids if i in g) or "—")

    def _pick_groups(self) -> None:
        picker = GroupPicker(self.schedule, _("Groups sitting this exam together"), parent=self)
        picker.set_checked(self.group_ids)
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.group_ids = picker.checked()
            self._show_groups()

    def values(self) -> tuple[str, ExamRow]:
        """(discipline name, row without discipline id): the page resolves the name in its transaction."""
        name = self.discipline.currentText().strip()
        if not name:
            raise DomainError(_("The discipline needs a name."))
        if not self.group_ids:
            raise DomainError(_("An exam needs at least one group."))
        t, c = self.start.time(), self.consult_time.time()
        on = self.consult.isChecked()
        return name, ExamRow(
            self.exam_id, 0, tuple(self.group_ids), _pydate(self.day.date()), t.hour() * 60 + t.minute(),
            self.duration.value(), self.examiner.currentData(), self.assistant.currentData(),
            self.room.currentData(), self.form.currentData(),
            _pydate(self.consult_day.date()) if on else None, c.hour() * 60 + c.minute() if on else None,
            self.consult_room.currentData() if on else None)

    def accept(self) -> None:
        try:
            self.values()
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
