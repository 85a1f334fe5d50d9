"""Dialogs of the session results area: drafting retakes, and promotion that holds debtors back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from desktop import clock
from desktop.i18n import N_, _
from desktop.models import debts as dm
from desktop.models.base import DomainError
from desktop.models.exams import SessionKind
from desktop.models.movements import MovementKind, Order
from desktop.views.common.forms import date_edit, ok_cancel, to_date
from desktop.views.common.tablemodel import Column, RecordTableModel


class RetakeDialog(QDialog):
    """Which retake sitting (FX or the summer session) and on which day."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Draft retakes"))
        self.kind = QComboBox()
        for k in (SessionKind.FX, SessionKind.SUMMER, SessionKind.WINTER):
            self.kind.addItem(SessionKind(k).label(), k.value)
        self.day = date_edit(clock.today() + dt.timedelta(days=7))
        form = QFormLayout(self)
        form.addRow(_("Session"), self.kind)
        form.addRow(_("Date"), self.day)
        form.addRow(QLabel(_("The FX session takes only FX results; other sessions take every open debt.")))
        form.addRow(ok_cancel(self))

    def values(self) -> tuple[str, dt.date]:
        return self.kind.currentData(), to_date(self.day)


KEPT_COLUMNS = [Column("name", N_("Student"), width=220), Column("group", N_("Group"), width=90),
                Column("count", N_("Debts"), width=50), Column("debts", N_("Discipline"), width=360)]


class PromotionDialog(QDialog):
    """Groups to promote, the order, and the kept-back students with their debts before anything moves."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.plan: dm.PromotionPlan | None = None
        self.setWindowTitle(_("Promotion to the next course"))
        self.resize(820, 620)
        from desktop.models import settings
        from desktop.models.students import group_rows

        with ctx.db.session() as s:
            groups = [g for g in group_rows(s) if g.active and g.course < 6]
            allowed = int(settings.get(s, "results.max_debts"))
        self.group_model = QStandardItemModel(self)
        for g in groups:
            course = _("Course {n}").format(n=g.course)
            item = QStandardItem(f"{g.name} — {course}, {g.students}")
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(g.id, Qt.ItemDataRole.UserRole)
            self.group_model.appendRow(item)
        self.groups = QListView()
        self.groups.setModel(self.group_model)
        self.max_debts = QSpinBox()
        self.max_debts.setRange(0, 20)
        self.max_debts.setValue(allowed)
        self.number = QLineEdit()
        self.order_date = date_edit()
        self.effective = date_edit()
        self.check_button = QPushButton(_("Check who is kept back"))
        self.check_button.clicked.connect(self.check)
        self.kept_model = RecordTableModel(KEPT_COLUMNS, self)
        self.kept = QTableView()
        self.kept.setModel(self.kept_model)
        self.kept.verticalHeader().setVisible(False)
        self.kept.horizontalHeader().setStretchLastSection(True)
        self.kept_label = QLabel()
        self.kept_kind = QComboBox()
        self.kept_kind.addItem(_("No order for them now"), "")
        for k in (MovementKind.REPEAT_YEAR, MovementKind.EXPULSION):
            self.kept_kind.addItem(MovementKind(k).label(), k.value)
        self.kept_number = QLineEdit()
        form = QFormLayout()
        form.addRow(_("Open debts allowed"), self.max_debts)
        form.addRow(_("Order No"), self.number)
        form.addRow(_("Order date"), self.order_date)
        form.addRow(_("Effective date"), self.effective)
        kept_form = QFormLayout()
        kept_form.addRow(_("Order for the kept-back"), self.kept_kind)
        kept_form.addRow(_("Its order No"), self.kept_number)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Groups")))
        layout.addWidget(self.groups, 1)
        layout.addLayout(form)
        layout.addWidget(self.check_button)
        layout.addWidget(self.kept_label)
        layout.addWidget(self.kept, 2)
        layout.addLayout(kept_form)
        layout.addWidget(ok_cancel(self))

    def group_ids(self) -> list[int]:
        return [self.group_model.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.group_model.rowCount())
                if self.group_model.item(i).checkState() == Qt.CheckState.Checked]

    def check(self) -> None:
        with self.ctx.db.session() as s:
            self.plan = dm.promotion_plan(s, self.group_ids(), self.max_debts.value())
        self.kept_model.set_rows([{"id": sid, "name": name, "group": group, "count": len(debts),
                                   "debts": "; ".join(f"{d.discipline} ({d.result})" for d in debts)}
                                  for sid, name, group, debts in self.plan.kept_back])
        self.kept_label.setText(_("{n} students go up a course; {k} are kept back:").format(
            n=len(self.plan.promoted), k=len(self.plan.kept_back)))

    def accept(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if not self.number.text().strip():
            QMessageBox.warning(self, self.windowTitle(), _("The order number is required."))
            return
        if self.kept_kind.currentData() and not self.kept_number.text().strip():
            QMessageBox.warning(self, self.windowTitle(), _("The order number is required."))
            return
        try:
            self.check()
        except DomainError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        super().accept()

    def values(self):
        order = Order(self.number.text().strip(), to_date(self.order_date), to_date(self.effective))
        kept = Order(self.kept_number.text().strip(), to_date(self.order_date), to_date(self.effective))
        return self.plan, order, self.kept_kind.currentData(), kept


class GradingDialog(QDialog):
    """The faculty's grading scale (a preset per country), the Kyrgyz thresholds, the debts allowed."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        from desktop.models import grading, settings

        self.setWindowTitle(_("Grading scale"))
        with ctx.db.session() as s:
            key = settings.get(s, "grading.scale")
            thresholds = settings.get(s, "grading.kg_thresholds")
            allowed = settings.get(s, "results.max_debts")
            country = settings.get(s, "country")
        self.scale = QComboBox()
        self.scale.addItem(_("The country's preset ({country})").format(country=country), "")
        for k in grading.SCALE_KEYS:
            self.scale.addItem(_(grading.scale_by_key(k).title), k)
        self.scale.setCurrentIndex(max(0, self.scale.findData(key)))
        self.thresholds = []
        for value in thresholds:
            box = QSpinBox()
            box.setRange(1, 100)
            box.setValue(int(value))
            self.thresholds.append(box)
        self.max_debts = QSpinBox()
        self.max_debts.setRange(0, 20)
        self.max_debts.setValue(int(allowed))
        form = QFormLayout(self)
        form.addRow(_("Scale"), self.scale)
        for label, box in zip((_("“5” from (points)"), _("“4” from (points)"), _("“3” from (points)")), self.thresholds,
                              strict=True):
            form.addRow(label, box)
        form.addRow(_("Open debts allowed"), self.max_debts)
        form.addRow(QLabel(_("Thresholds apply to the Kyrgyz module-rating scale; sheets already issued keep "
                             "their scale.")))
        form.addRow(ok_cancel(self))

    def values(self):
        return self.scale.currentData(), [b.value() for b in self.thresholds], self.max_debts.value()
