"""Dialogs of the students area: one order for many students, the student card, a DLT permission,
the date of a headcount."""

from __future__ import annotations

from typing import TypedDict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from desktop.i18n import _, ngettext
from desktop.models.dlt import DLT_CAPS, DltCategory, Grant, PermissionRow
from desktop.models.movements import MovementKind, MovementRecord, Order
from desktop.models.students import Enrolment, GroupRow
from desktop.views.common.forms import date_edit, ok_cancel, to_date
from desktop.views.students.history import HistoryModel


def plain_label(text: str) -> QLabel:
    """A label that never reads user text as HTML (a name like "<b>" shows as typed)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class MovementDialog(QDialog):
    """One order (number, dates) applied to the selected students: kind, target group, reason."""

    GROUP_KINDS = {MovementKind.TRANSFER, MovementKind.ENROLMENT, MovementKind.REINSTATEMENT}

    def __init__(self, groups: list[GroupRow], count: int, parent=None):
        super().__init__(parent)
        self.kind = QComboBox()
        for kind in MovementKind:
            if kind is not MovementKind.ENROLMENT:
                self.kind.addItem(MovementKind(kind).label(), kind.value)
        self.number = QLineEdit()
        self.order_date = date_edit()
        self.effective_date = date_edit()
        self.group = QComboBox()
        self.group.addItem("—", None)
        for g in groups:
            self.group.addItem(g.name, g.id)
        self.reason = QLineEdit()
        self.info = QLabel(_("Students selected: {n}").format(n=count))
        form = QFormLayout()
        form.addRow(self.info)
        form.addRow(_("Movement:"), self.kind)
        form.addRow(_("Order number:"), self.number)
        form.addRow(_("Order date:"), self.order_date)
        form.addRow(_("Effective date:"), self.effective_date)
        form.addRow(_("Group:"), self.group)
        form.addRow(_("Reason:"), self.reason)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setWindowTitle(_("Movement of students"))
        self.kind.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        kind = MovementKind(self.kind.currentData())
        self.group.setEnabled(kind in self.GROUP_KINDS)
        self.reason.setPlaceholderText(_("Required for an expulsion") if kind is MovementKind.EXPULSION else "")

    def values(self) -> tuple[MovementKind, Order, int | None, str]:
        kind = MovementKind(self.kind.currentData())
        group_id = self.group.currentData() if kind in self.GROUP_KINDS else None
        order = Order(self.number.text(), to_date(self.order_date), to_date(self.effective_date))
        return kind, order, group_id, self.reason.text()


class DltDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.category = QComboBox()
        for c in DltCategory:
            self.category.addItem(f"{DltCategory(c).label()} (≤ {DLT_CAPS[c]})", c.value)
        self.application_date = date_edit()
        self.number = QLineEdit()
        self.order_date = date_edit()
        self.credits = QSpinBox()
        self.credits.setRange(1, 240)
        self.credits.setValue(5)
        form = QFormLayout(self)
        form.addRow(_("Category:"), self.category)
        form.addRow(_("Application date:"), self.application_date)
        form.addRow(_("Order number:"), self.number)
        form.addRow(_("Order date:"), self.order_date)
        form.addRow(_("Credits by distance learning:"), self.credits)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.setWindowTitle(_("Distance-learning permission"))

    def values(self) -> Grant:
        return {"category": self.category.currentData(), "application_date": to_date(self.application_date),
                "order_number": self.number.text(), "order_date": to_date(self.order_date),
                "credits": self.credits.value()}


class CardInfo(TypedDict):
    """Who the student is, as the card shows it: the name, then (label, value) lines."""

    name: str
    fields: list[tuple[str, str]]


class StudentCard(QDialog):
    """Who the student is, and the movement history that led to today's status."""

    def __init__(self, info: CardInfo, history: list[MovementRecord], dlt: list[PermissionRow], parent=None,
                 on_history=None):
        super().__init__(parent)
        self.setWindowTitle(info["name"])
        form = QFormLayout()
        for label, value in info["fields"]:
            form.addRow(label, plain_label(value or "—"))
        self.history = HistoryModel(history, self)
        self.view = QTableView()
        self.view.setModel(self.history)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        lines = [ngettext("{credits} credit, {category}, order {number}",
                           "{credits} credits, {category}, order {number}", p.credits).format(
            credits=p.credits, category=DltCategory(p.category).label(),
            number=p.order_number) for p in dlt]
        self.dlt = plain_label("\n".join(lines) or "—")
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(info["name"]))
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Movements")))
        layout.addWidget(self.view)
        layout.addWidget(QLabel(_("Distance-learning permissions")))
        layout.addWidget(self.dlt)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if on_history:  # the audit trail: who changed what, when
            self.history_button = buttons.addButton(_("History…"), QDialogButtonBox.ButtonRole.ActionRole)
            self.history_button.clicked.connect(on_history)
        layout.addWidget(buttons)
        self.resize(760, 560)


class NewStudentDialog(QDialog):
    """A student enrolled by hand under an enrolment order. With ``submit(values) -> bool`` OK
    enrols at once and a refusal keeps the dialog open with what the user typed."""

    def __init__(self, groups: list[GroupRow], parent=None, submit=None):
        from desktop.models.contingent import Funding

        super().__init__(parent)
        self.last_name, self.first_name, self.patronymic, self.record_book = (QLineEdit() for _i in range(4))
        self.group = QComboBox()
        for g in groups:
            self.group.addItem(g.name, g.id)
        self.funding = QComboBox()
        for key, label in Funding.labels().items():
            self.funding.addItem(_(label), key.value)
        self.number = QLineEdit()
        self.order_date = date_edit()
        self.effective_date = date_edit()
        form = QFormLayout(self)
        for label, widget in ((_("Last name:"), self.last_name), (_("First name:"), self.first_name),
                              (_("Patronymic:"), self.patronymic), (_("Record-book number:"), self.record_book),
                              (_("Group:"), self.group), (_("Funding:"), self.funding),
                              (_("Order number:"), self.number), (_("Order date:"), self.order_date),
                              (_("Effective date:"), self.effective_date)):
            form.addRow(label, widget)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.setWindowTitle(_("Enrolment"))
        self.submit = submit

    def accept(self) -> None:
        if self.submit is None or self.submit(self.values()):
            super().accept()

    def values(self) -> Enrolment:
        return {"last_name": self.last_name.text(), "first_name": self.first_name.text(),
                "patronymic": self.patronymic.text(), "record_book": self.record_book.text(),
                "group_id": self.group.currentData(), "funding": self.funding.currentData(),
                "order": Order(self.number.text(), to_date(self.order_date), to_date(self.effective_date))}


class HeadcountDialog(QDialog):
    """The date a headcount is taken on."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Headcount"))
        self.date = date_edit()
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(_("Headcount on the date:")))
        lay.addWidget(self.date)
        lay.addWidget(ok_cancel(self))

    def day(self):
        return to_date(self.date)
