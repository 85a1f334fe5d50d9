"""Dialogs of the service requests area: a new request, a step done, the procedure templates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
)

from desktop.i18n import N_, NC_, _, pgettext
from desktop.models.request_templates import DurationKind, StepSpec, TemplateRow, shown
from desktop.models.requests import Channel, NewRequest
from desktop.views.common.forms import date_edit, ok_cancel, to_date


class NewRequestDialog(QDialog):
    """Procedure, applicant (a student from the register or a name typed in), received date, channel."""

    def __init__(self, procedures: list[TemplateRow], students: list[tuple[int, str]], today: dt.date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("New service request"))
        self.procedure = QComboBox()
        for p in procedures:
            if p.active:
                self.procedure.addItem(shown(_, p.name), p)
        self.student = QComboBox()
        self.student.setEditable(True)
        self.student.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.student.addItem("", None)
        for sid, name in students:
            self.student.addItem(name, sid)
        line = self.student.lineEdit()
        assert line is not None  # an editable combo box has its line edit
        line.setPlaceholderText(_("A student of the register, or type a graduate's name"))
        self.received = date_edit(today)
        self.channel = QComboBox()
        for c in Channel:
            self.channel.addItem(Channel(c).label(), c.value)
        self.conditions = QVBoxLayout()
        self.documents = QPlainTextEdit()
        self.documents.setPlaceholderText(_("One document a line, as the receipt lists them"))
        self.documents.setMaximumHeight(80)
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(_("Procedure"), self.procedure)
        form.addRow(_("Applicant"), self.student)
        form.addRow(pgettext("date received", "Received"), self.received)
        form.addRow(_("Channel"), self.channel)
        form.addRow(_("Conditions"), self.conditions)
        form.addRow(_("Documents received"), self.documents)
        form.addRow(_("Note"), self.note)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.boxes: list[tuple[int, QCheckBox]] = []
        self.procedure.currentIndexChanged.connect(self._fill_conditions)
        self._fill_conditions()

    def _fill_conditions(self) -> None:
        for _pos, box in self.boxes:
            box.deleteLater()
        self.boxes = []
        p = self.procedure.currentData()
        for pos, step in enumerate(p.steps if p else []):
            if step.optional:
                box = QCheckBox(f"{_(step.condition)} → {_(step.name)}")
                self.conditions.addWidget(box)
                self.boxes.append((pos, box))

    def values(self) -> NewRequest:
        """Arguments of ``models.requests.create_request``."""
        text = self.student.currentText().strip()
        i = self.student.findText(text, Qt.MatchFlag.MatchExactly)
        student_id = self.student.itemData(i) if i > 0 else None
        p = self.procedure.currentData()
        return NewRequest(procedure_id=p.id if p else None, received=to_date(self.received),
                          student_id=student_id, applicant="" if student_id else text,
                          channel=self.channel.currentData(), note=self.note.text(),
                          documents=self.documents.toPlainText(),
                          conditions={pos for pos, box in self.boxes if box.isChecked()})


class StepDoneDialog(QDialog):
    def __init__(self, step_name: str, day: dt.date, done_by: str, note: str, people: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Step done"))
        self.date = date_edit(day)
        self.done_by = QComboBox()
        self.done_by.setEditable(True)
        self.done_by.addItems([""] + people)
        self.done_by.setCurrentText(done_by)
        self.note = QLineEdit(note)
        form = QFormLayout()
        form.addRow(_("Step"), QLineEdit(step_name, readOnly=True))
        form.addRow(_("Done on"), self.date)
        form.addRow(_("Done by"), self.done_by)
        form.addRow(_("Note"), self.note)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


STEP_COLUMNS = [("name", N_("Step")), ("unit", N_("Unit responsible")), ("kind", NC_("procedure step", "Duration")),
                ("days", N_("Days")), ("fixed", N_("Fixed date (dd.mm)")), ("optional", N_("Optional")),
                ("condition", N_("Condition"))]


class StepTableModel(QAbstractTableModel):
    """The steps of the procedure being edited (kept in the dialog until Save)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.steps: list[dict] = []

    def set_steps(self, steps: list[StepSpec]) -> None:
        self.beginResetModel()
        self.steps = [dict(s.__dict__) for s in steps]
        self.endResetModel()

    def specs(self) -> list[StepSpec]:
        return [StepSpec(**s) for s in self.steps]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(STEP_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(STEP_COLUMNS[section][1])
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return super().flags(index)
        flags = super().flags(index) | Qt.ItemFlag.ItemIsEditable
        if STEP_COLUMNS[index.column()][0] == "optional":
            flags = (flags & ~Qt.ItemFlag.ItemIsEditable) | Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s, key = self.steps[index.row()], STEP_COLUMNS[index.column()][0]
        if key == "optional":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if s["optional"] else Qt.CheckState.Unchecked
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if key == "kind":
            return DurationKind(s["kind"]).label() if role == Qt.ItemDataRole.DisplayRole else s["kind"]
        if key == "fixed":
            return f"{s['fixed_day']:02d}.{s['fixed_month']:02d}" if s["fixed_month"] else ""
        if key in ("name", "unit", "condition") and role == Qt.ItemDataRole.DisplayRole:
            return shown(_, s[key]) if s[key] else ""
        return s[key]

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        s, key = self.steps[index.row()], STEP_COLUMNS[index.column()][0]
        if key == "optional" and role == Qt.ItemDataRole.CheckStateRole:
            s["optional"] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif key == "days":
            try:
                s["days"] = int(value)
            except (TypeError, ValueError):
                return False
        elif key == "fixed":
            try:
                day, month = (int(p) for p in str(value).split("."))
            except ValueError:
                return False
            s["fixed_day"], s["fixed_month"] = day, month
        elif key == "kind":
            s["kind"] = DurationKind(value).value
        else:
            s[key] = str(value)
        self.dataChanged.emit(index, index)
        return True

    def insert_step(self, row: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.steps.insert(row, dict(StepSpec(_("New step")).__dict__))
        self.endInsertRows()

    def remove_step(self, row: int) -> None:
        if 0 <= row < len(self.steps):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.steps[row]
            self.endRemoveRows()

    def move_step(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self.steps) and 0 <= target < len(self.steps)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if delta > 0 else 0))
        self.steps.insert(target, self.steps.pop(row))
        self.endMoveRows()
        return target


class TemplateDialog(QDialog):
    """Edit one procedure: its name, whether it is offered, and its steps in order.

    With ``deletable`` the dialog has a "Delete procedure…" button; the dialog then ends with
    ``DELETE`` and the page deletes (through its undo stack, refusing built-ins with the reason).
    """

    DELETE = 2

    def __init__(self, name: str, steps: list[StepSpec], active: bool = True, parent=None, deletable: bool = False):
        super().__init__(parent)
        self.setWindowTitle(_("Procedure"))
        self.resize(900, 420)
        self.name = QLineEdit(_(name) if name else "")
        self.active = QCheckBox(_("Offered for new requests"))
        self.active.setChecked(active)
        self.model = StepTableModel(self)
        self.model.set_steps(steps)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 260)
        self.view.setColumnWidth(1, 160)
        self.view.setItemDelegateForColumn(2, _KindDelegate(self.view))
        add, remove, up, down = (QPushButton(t) for t in (_("Add step"), _("Remove step"), "↑", "↓"))
        add.clicked.connect(lambda: self.model.insert_step(self._row() + 1))
        remove.clicked.connect(lambda: self.model.remove_step(self._row()))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        tools = QHBoxLayout()
        for b in (add, remove, up, down):
            tools.addWidget(b)
        tools.addStretch(1)
        form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.delete_button = None
        if deletable:
            self.delete_button = buttons.addButton(_("Delete procedure…"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.clicked.connect(lambda: self.done(self.DELETE))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(tools)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    def _row(self) -> int:
        return self.view.currentIndex().row() if self.view.currentIndex().isValid() else len(self.model.steps) - 1

    def _move(self, delta: int) -> None:
        row = self.model.move_step(self._row(), delta)
        self.view.setCurrentIndex(self.model.index(row, 0))


class _KindDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for kind in DurationKind:
            combo.addItem(DurationKind(kind).label(), kind.value)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
