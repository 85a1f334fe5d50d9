"""The "Change curator" dialog: the new curator from the faculty's curators and the day the
change takes effect, in the office's date field (never typed as free text)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop import clock
from desktop.i18n import _
from desktop.views.common.forms import date_edit, ok_cancel, to_date


class ChangeCuratorDialog(QDialog):
    def __init__(self, group: str, people: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change curator"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("New curator of {group}:").format(group=group)))
        form = QFormLayout()
        self.curator = QComboBox()
        for staff_id, name in people:
            self.curator.addItem(name, staff_id)
        self.start = date_edit(clock.today())
        form.addRow(_("Curator"), self.curator)
        form.addRow(_("From (dd.mm.yyyy):"), self.start)
        layout.addLayout(form)
        self.buttons = ok_cancel(self)
        layout.addWidget(self.buttons)
        # no other curator to choose: nothing to accept
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(people))

    def values(self) -> tuple[int, dt.date]:
        """(the new curator's staff id, the first day)."""
        return int(self.curator.currentData()), to_date(self.start)
