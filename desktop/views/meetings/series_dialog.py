"""A new meeting series: name, kind, when it meets (weekly on a weekday, or monthly on the nth
weekday), time, place, chair, secretary and default attendees."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListView,
    QMessageBox,
)

from desktop.i18n import N_, _, current
from desktop.models import meetings as mt
from desktop.models.meetings_series import SeriesValues
from desktop.models.org import StaffRole, StaffRow
from desktop.views.common.forms import ok_cancel

NTH = ((1, N_("first")), (2, N_("second")), (3, N_("third")), (4, N_("fourth")), (-1, N_("last")))
# who usually sits in each kind of meeting (the secretary unticks or adds people)
DEFAULT_ROLES = {
    mt.SeriesKind.DEANS_OFFICE: {StaffRole.DEAN, StaffRole.VICE_DEAN, StaffRole.METHODIST,
                                 StaffRole.HEAD_OF_DEPARTMENT},
    mt.SeriesKind.CURATORS: {StaffRole.CURATOR, StaffRole.VICE_DEAN},
    mt.SeriesKind.METHODOLOGICAL_COUNCIL: {StaffRole.METHODIST, StaffRole.PROGRAMME_LEAD},
    mt.SeriesKind.DEPARTMENT: {StaffRole.HEAD_OF_DEPARTMENT, StaffRole.TEACHER},
    mt.SeriesKind.OTHER: set(),
}


class SeriesDialog(QDialog):
    def __init__(self, staff: Sequence[StaffRow], parent=None, initial: SeriesValues | None = None):
        """``staff``: rows with id, short_name, roles (as ``org.staff_rows`` gives them);
        ``initial``: the series' values (``meetings_series.series_values``) when editing one."""
        super().__init__(parent)
        self.staff = staff
        self.initial = initial
        self.setWindowTitle(_("Edit meeting series") if initial else _("New meeting series"))
        self.name = QLineEdit()
        self.kind, self.recurrence, self.weekday, self.nth = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        for kind, label in mt.SeriesKind.labels().items():
            self.kind.addItem(_(label), kind.value)
        for recurrence in mt.Recurrence:
            self.recurrence.addItem(recurrence.label(), recurrence.value)
        for day in range(7):
            self.weekday.addItem(current().weekday(day), day)
        for n, label in NTH:
            self.nth.addItem(_(label), n)
        if initial and initial.get("month_day"):
            # a fixed day of the month (set from the command line or older data) is kept as it is
            self.nth.addItem(_("day {day} of the month").format(day=initial["month_day"]), 0)
        self.time, self.place = QLineEdit("09:00"), QLineEdit()
        self.chair, self.secretary = QComboBox(), QComboBox()
        for combo in (self.chair, self.secretary):
            combo.addItem("—", None)
            for p in staff:
                combo.addItem(p["short_name"], p["id"])
        self.members = QStandardItemModel(self)
        for p in staff:
            row = QStandardItem(p["short_name"])
            row.setCheckable(True)
            row.setData(p["id"], Qt.ItemDataRole.UserRole)
            self.members.appendRow(row)
        members_view = QListView()
        members_view.setModel(self.members)
        form = QFormLayout(self)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Meets"), self.recurrence)
        form.addRow(_("Week of the month"), self.nth)
        form.addRow(_("Weekday"), self.weekday)
        form.addRow(_("Time"), self.time)
        form.addRow(_("Place"), self.place)
        form.addRow(_("Chair"), self.chair)
        form.addRow(_("Secretary"), self.secretary)
        form.addRow(_("Attendees"), members_view)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.recurrence.currentIndexChanged.connect(self._recurrence_changed)
        self._kind_changed()
        self._recurrence_changed()
        if initial:
            self._fill(initial)

    def _fill(self, v: SeriesValues) -> None:
        self.kind.blockSignals(True)  # the kind's usual attendees must not replace the series' own
        self.kind.setCurrentIndex(max(self.kind.findData(v["kind"]), 0))
        self.kind.blockSignals(False)
        self.name.setText(v["name"])
        self.recurrence.setCurrentIndex(max(self.recurrence.findData(v["recurrence"]), 0))
        self.weekday.setCurrentIndex(max(self.weekday.findData(v["weekday"]), 0))
        self.nth.setCurrentIndex(max(self.nth.findData(0 if v.get("month_day") and v.get("nth_week") is None
                                                       else v.get("nth_week") or 1), 0))
        self.time.setText(v["time"])
        self.place.setText(v["place"])
        self.chair.setCurrentIndex(max(self.chair.findData(v["chair_id"]), 0))
        self.secretary.setCurrentIndex(max(self.secretary.findData(v["secretary_id"]), 0))
        members = set(v["members"])
        for i in range(self.members.rowCount()):
            on = self.members.item(i).data(Qt.ItemDataRole.UserRole) in members
            self.members.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _kind_changed(self) -> None:
        kind = mt.SeriesKind(self.kind.currentData())
        roles = {r.value for r in DEFAULT_ROLES[kind]}
        for i, p in enumerate(self.staff):
            on = bool(roles & set(p["roles"]))
            self.members.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        if not self.name.text().strip():
            self.name.setPlaceholderText(mt.SeriesKind(kind).label())
        if kind == mt.SeriesKind.CURATORS:
            self.recurrence.setCurrentIndex(1)

    def _recurrence_changed(self) -> None:
        self.nth.setEnabled(self.recurrence.currentData() == mt.Recurrence.MONTHLY.value)

    def values(self) -> SeriesValues:
        monthly = self.recurrence.currentData() == mt.Recurrence.MONTHLY.value
        fixed_day = monthly and self.nth.currentData() == 0
        return SeriesValues(
            name=self.name.text().strip() or self.name.placeholderText(), kind=self.kind.currentData(),
            recurrence=self.recurrence.currentData(), weekday=self.weekday.currentData(),
            nth_week=self.nth.currentData() if monthly and not fixed_day else None,
            month_day=self.initial["month_day"] if fixed_day and self.initial else None, time=self.time.text(),
            place=self.place.text().strip(), chair_id=self.chair.currentData(),
            secretary_id=self.secretary.currentData(),
            members=self._members(),
        )

    def _members(self) -> list[int]:
        ticked = [self.members.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.members.rowCount())
                  if self.members.item(i).checkState() == Qt.CheckState.Checked]
        # an edited series keeps its order of attendees (the order of the attendance list); new ones follow
        kept = [i for i in (self.initial["members"] if self.initial else []) if i in ticked]
        return kept + [i for i in ticked if i not in kept]

    def accept(self) -> None:
        if not self.values()["name"]:
            QMessageBox.warning(self, self.windowTitle(), _("The meeting series needs a name."))
            return
        super().accept()

