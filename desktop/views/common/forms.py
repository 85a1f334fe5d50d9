"""What every dialog's form uses: a date field and the OK / Cancel buttons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QWidget

from desktop import clock


def date_edit(day: dt.date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A date field with the calendar popup, written as the office writes dates (17.11.2025);
    ``day`` defaults to today (``desktop/clock.py``, never the system's date)."""
    day = day or clock.today()
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit


BLANK_DAY = QDate(1900, 1, 1)


def allow_blank(edit: QDateEdit) -> QDateEdit:
    """A date field that can show nothing (no record open) instead of 01.01.2000."""
    edit.setMinimumDate(BLANK_DAY)
    edit.setSpecialValueText(" ")
    return edit


def show_blank(edit: QDateEdit) -> None:
    edit.setDate(edit.minimumDate())


def to_date(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel, wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
