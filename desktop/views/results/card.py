"""The student card's section of session results: every result, the earlier beside the retake,
and which are open debts (added to the students area's card without reshaping it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QDialog, QLabel, QTableView

from desktop import colours, dates
from desktop.i18n import N_, _
from desktop.models import debts as dm
from desktop.models.exams import SessionKind
from desktop.views.common.tablemodel import Column, RecordTableModel

COLUMNS = [
    Column("discipline", N_("Discipline"), width=220),
    Column("session", N_("Session"), lambda v: f"{v[0]}, {SessionKind(v[1]).label()}", width=170),
    Column("day", N_("Date"), dates.table, width=80),
    Column("result", N_("Result"), width=160),
    Column("open_debt", N_("Open debt"), lambda v: _("yes") if v else "", width=80),
]


def add_results_section(card: QDialog, db, student_id: int) -> QTableView:
    with db.session() as s:
        rows = dm.student_results(s, student_id)
    model = RecordTableModel(COLUMNS, card)
    model.set_rows([{"id": i, "discipline": r.discipline, "session": (r.year, r.session), "day": r.day,
                     "result": r.result or "—", "open_debt": r.open_debt} for i, r in enumerate(rows)])
    model.decorate = lambda row, _c, role: QColor(colours.role("danger").text) if (
        role == Qt.ItemDataRole.ForegroundRole and row["open_debt"]) else None
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    for i, c in enumerate(COLUMNS):
        if c.width is not None:  # every column here has one
            view.setColumnWidth(i, c.width)
    layout = card.layout()
    assert isinstance(layout, QBoxLayout)  # the card: a column of sections above its buttons
    at = layout.count() - 1  # above the buttons
    debts = sum(1 for r in rows if r.open_debt)
    layout.insertWidget(at, QLabel(_("Session results (open debts: {n})").format(n=debts)))
    layout.insertWidget(at + 1, view)
    setattr(card, "results_view", view)  # noqa: B010  # a plain QDialog's added attribute
    return view
