"""Columns of the curator report's four parts and the editors their cells use."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from desktop import clock, dates
from desktop.i18n import N_, _
from desktop.models.base import DomainError
from desktop.models.curators import (
    AchievementKind,
    ActivityKind,
    ContactWay,
    RiskAction,
    RiskReason,
)
from desktop.views.common.forms import date_edit
from desktop.views.common.tablemodel import Column


def _label(labels):
    def show(value):
        for key, text in labels.items():
            if key.value == value:
                return _(text)
        return value or ""

    return show


PART_COLUMNS = {
    "activities": [Column("day", N_("Date"), dates.table, editable=True), Column("kind", N_("Kind"), _label(
        ActivityKind.labels()), editable=True), Column("topic", N_("Topic"), editable=True),
        Column("present", N_("Students present"), editable=True, align=Qt.AlignmentFlag.AlignRight)],
    "risks": [Column("student_name", N_("Student"), editable=True),
              Column("reason", N_("Reason"), _label(RiskReason.labels()), editable=True),
              Column("action", N_("Action taken"), _label(RiskAction.labels()), editable=True),
              Column("result", N_("Result"), editable=True)],
    "contacts": [Column("day", N_("Date"), dates.table, editable=True),
                 Column("student_name", N_("Student"), editable=True),
                 Column("way", N_("Way"), _label(ContactWay.labels()), editable=True),
                 Column("subject", N_("Topic"), editable=True)],
    "achievements": [Column("student_name", N_("Student"), editable=True),
                     Column("kind", N_("Kind"), _label(AchievementKind.labels()), editable=True),
                     Column("title", N_("Title"), editable=True), Column("result", N_("Result"), editable=True)],
}
CHOICES = {("activities", "kind"): ActivityKind.labels(), ("risks", "reason"): RiskReason.labels(),
           ("risks", "action"): RiskAction.labels(), ("contacts", "way"): ContactWay.labels(),
           ("achievements", "kind"): AchievementKind.labels()}


def _present(_s, _r, value):
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise DomainError(_("Students present must be a whole number, not “{value}”.").format(value=value)) from None
    if n < 0:
        raise DomainError(_("Students present cannot be negative."))
    return n


def _choice(labels):
    def check(_s, _r, value):
        if value not in {k.value for k in labels}:
            raise DomainError(_("“{value}” is not one of the choices.").format(value=value))
        return value

    return check


VALIDATORS = {part: {"present": _present} if part == "activities" else {} for part in PART_COLUMNS}
for (part, key), labels in CHOICES.items():
    VALIDATORS[part][key] = _choice(labels)


def to_python(value):
    """Editors hand back Qt values; the model layer takes Python ones."""
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    return value


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of a label dictionary's choices."""

    def __init__(self, labels, parent=None):
        super().__init__(parent)
        self.labels = labels

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for key, text in self.labels.items():
            combo.addItem(_(text), key.value)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        return date_edit(parent=parent)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        day = value if isinstance(value, dt.date) else clock.today()
        editor.setDate(QDate(day.year, day.month, day.day))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.date().toPython(), Qt.ItemDataRole.EditRole)
