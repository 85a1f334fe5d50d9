"""The meeting editor's dialogs: a new decision, signing the minutes, one more attendee.

Each returns what it asks for as a frozen value (``values()``), which the editor hands to the page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QListView, QPlainTextEdit

from desktop.i18n import _
from desktop.views.common.forms import date_edit, ok_cancel, to_date


@dataclass(frozen=True, slots=True)
class DecisionValues:
    """A new decision as :class:`DecisionDialog` asks for it."""

    text: str
    responsible: tuple[int, ...]  # staff ids, in the order ticked in the list
    due_date: dt.date | None


@dataclass(frozen=True, slots=True)
class AttendeeValues:
    """One more attendee as :class:`AttendeeDialog` asks for it."""

    staff_id: int | None  # None: nobody left to choose
    present: bool
    note: str  # the reason of an absence


class DecisionDialog(QDialog):
    """Text, responsible persons (ticked from the staff list) and due date of a new decision."""

    def __init__(self, staff: list[tuple[int, str]], default_due: dt.date, preselect=(), parent=None):
        from PySide6.QtGui import QStandardItem, QStandardItemModel

        super().__init__(parent)
        self.setWindowTitle(_("New decision"))
        self.text = QPlainTextEdit()
        self.people = QStandardItemModel(self)
        for staff_id, name in staff:
            row = QStandardItem(name)
            row.setCheckable(True)
            row.setData(staff_id, Qt.ItemDataRole.UserRole)
            row.setCheckState(Qt.CheckState.Checked if staff_id in preselect else Qt.CheckState.Unchecked)
            self.people.appendRow(row)
        people_view = QListView()
        people_view.setModel(self.people)
        self.has_due = QCheckBox(_("Due date"))
        self.has_due.setChecked(True)
        self.due = date_edit(default_due)
        self.has_due.toggled.connect(self.due.setEnabled)
        form = QFormLayout(self)
        form.addRow(_("Decision"), self.text)
        form.addRow(_("Responsible"), people_view)
        form.addRow(self.has_due, self.due)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def values(self) -> DecisionValues:
        responsible = tuple(self.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.people.rowCount())
                            if self.people.item(i).checkState() == Qt.CheckState.Checked)
        due = to_date(self.due) if self.has_due.isChecked() else None
        return DecisionValues(self.text.toPlainText().strip(), responsible, due)


class SignDialog(QDialog):
    """The day the minutes were signed; from then on they are final."""

    def __init__(self, meeting_date: dt.date, default: dt.date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Sign minutes"))
        self.day = date_edit(default)
        self.day.setMinimumDate(QDate(meeting_date.year, meeting_date.month, meeting_date.day))
        hint = QLabel(_("Signed minutes are final: they print each decision as it was decided, and they are "
                        "no longer edited here; the decisions are followed up in the decisions register."))
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(hint)
        form.addRow(_("Signed on"), self.day)
        form.addRow(ok_cancel(self))

    def signed_on(self) -> dt.date:
        return to_date(self.day)


class AttendeeDialog(QDialog):
    """One more attendee of a single meeting: who, present or absent, and why absent."""

    def __init__(self, staff: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Add attendee"))
        self.setMinimumWidth(380)  # full names are long
        self.person = QComboBox()
        self.person.setEditable(True)  # type to find a name in a long staff list
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for staff_id, name in staff:
            self.person.addItem(name, staff_id)
        self.present = QCheckBox(_("Present"))
        self.present.setChecked(True)
        self.reason = QLineEdit()
        self.reason.setEnabled(False)
        self.present.toggled.connect(lambda on: self.reason.setEnabled(not on))
        form = QFormLayout(self)
        form.addRow(_("Attendee"), self.person)
        form.addRow("", self.present)
        form.addRow(_("Reason of absence"), self.reason)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def values(self) -> AttendeeValues:
        present = self.present.isChecked()
        return AttendeeValues(self.person.currentData(), present, "" if present else self.reason.text().strip())
