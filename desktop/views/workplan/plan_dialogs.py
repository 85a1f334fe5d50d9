"""Dialogs about a plan as a whole: its header (title, faculty, approval block) and the
summary of a file about to be imported."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from desktop.i18n import _
from desktop.views.common.forms import date_edit, ok_cancel, to_date

if TYPE_CHECKING:
    from desktop.models.workplan import PlanHeader, PlanTree


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    """OK / Cancel with our own translation of Cancel (Qt's catalogs are not shipped)."""
    buttons = ok_cancel(dialog)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
    return buttons


class PlanHeaderDialog(QDialog):
    """Title, faculty and the approval block (who approves, position, date; the date may stay blank
    so the PDF prints the «____» line to fill in by hand)."""

    def __init__(self, tree: PlanTree, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Plan header"))
        self.title = QLineEdit(tree.get("title") or "")
        self.title.setPlaceholderText(_("Work plan for {year}").format(year=tree["year"]))
        self.faculty = QLineEdit(tree.get("faculty_name") or "")
        self.approver = QLineEdit(tree.get("approver_name") or "")
        self.position = QLineEdit(tree.get("approver_position") or "")
        self.has_date = QCheckBox(_("Dated"))
        date = tree.get("approval_date")
        self.date = date_edit(date)
        self.has_date.setChecked(date is not None)
        self.date.setEnabled(date is not None)
        self.has_date.toggled.connect(self.date.setEnabled)
        dates = QHBoxLayout()
        dates.addWidget(self.has_date)
        dates.addWidget(self.date, 1)
        form = QFormLayout()
        form.addRow(_("Title"), self.title)
        form.addRow(_("Faculty"), self.faculty)
        form.addRow(_("Approved by (name)"), self.approver)
        form.addRow(_("Approver's position"), self.position)
        form.addRow(_("Approval date"), dates)
        for edit in (self.title, self.faculty, self.approver, self.position):
            edit.setCursorPosition(0)  # long titles show their beginning
        buttons = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(680, self.sizeHint().height())

    def values(self) -> PlanHeader:
        date: dt.date | None = to_date(self.date) if self.has_date.isChecked() else None
        return {"title": self.title.text().strip(), "faculty_name": self.faculty.text().strip(),
                "approver_name": self.approver.text().strip(), "approver_position": self.position.text().strip(),
                "approval_date": date}


class ImportDialog(QDialog):
    """The dry run: what the file holds (sections and item counts) and which year it goes to."""

    def __init__(self, file_name: str, summary: list[str], years: list[str], year: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Import work plan"))
        self.summary = QPlainTextEdit("\n".join(summary))
        self.summary.setReadOnly(True)
        self.year = QComboBox()
        self.year.setEditable(True)
        self.year.addItems(years)
        self.year.setCurrentText(year)
        form = QFormLayout()
        form.addRow(_("Academic year"), self.year)
        buttons = _buttons(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Import"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("{file} holds:").format(file=file_name)))
        layout.addWidget(self.summary, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def chosen_year(self) -> str:
        return self.year.currentText().strip()
