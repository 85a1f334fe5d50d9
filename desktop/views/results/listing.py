"""How the results page shows a session: its grade sheets, the chosen sheet's grid, the debts register,
the summary and the orders register.

A mixin of :class:`desktop.views.results.page.ResultsArea` (its widgets are built there)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop import colours, dates
from desktop.i18n import _, current
from desktop.models import debts as dm
from desktop.models import grading
from desktop.models import orders as om
from desktop.models import results as rm
from desktop.models import results_operations as rops
from desktop.models.exams import (
    SessionKind,
    find_session,
    sessions,
)
from desktop.models.operations import bind
from desktop.views import settings as ui_settings
from desktop.views.common.operations import run
from desktop.views.results.models import grid_columns, grid_rows

KIND = ui_settings.RESULTS_KIND


if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView, QTabWidget

    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.common.tablemodel import RecordTableModel
else:
    _Page = object


class ResultsListing(_Page):  # for mypy an AreaPage: the page it is mixed into
    session_id: int | None  # the session chosen (year and kind), set by refresh
    sheet: rm.Sheet | None  # the grade sheet open in the grid
    if TYPE_CHECKING:  # the page's widgets and models, used here
        year: QComboBox
        kind: QComboBox
        control: QComboBox
        tabs: QTabWidget
        sheet_model: RecordTableModel
        sheet_view: QTableView
        sheet_label: QLabel
        grid_model: RecordTableModel
        grid: QTableView
        debt_model: RecordTableModel
        debt_counts: QLabel
        summary_model: RecordTableModel
        order_model: RecordTableModel
        order_search: QLineEdit

    # Loading ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._loading = True
        try:
            with self.ctx.db.session() as s:
                years = list(dict.fromkeys(r[1] for r in sessions(s)))
            current = self.year.currentText()
            self.year.clear()
            self.year.addItems(years)
            if current in years:
                self.year.setCurrentText(current)
            kind = ui_settings.get(KIND)
            i = self.kind.findData(kind)
            if i >= 0:
                self.kind.setCurrentIndex(i)
        finally:
            self._loading = False
        self._session_changed()

    def _session_changed(self) -> None:
        if self._loading:
            return
        ui_settings.put(KIND, self.kind.currentData())
        year = self.year.currentText()
        with self.ctx.db.session() as s:
            self.session_id = find_session(s, year, self.kind.currentData()) if year else None
        self.update_commands()
        tab = self.tabs.currentIndex()
        if tab == 0:
            self.load_sheets()
        elif tab == 1:
            self.load_debts()
        elif tab == 2:
            self.load_summary()
        else:
            self.load_orders()

    def load_sheets(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else (self.sheet.head.id if self.sheet else None)
        rows = []
        if self.session_id is not None:
            with self.ctx.db.session() as s:
                heads = rm.sheet_heads(s, session_id=self.session_id)
                counts = rm.entered_counts(s, [h.id for h in heads])  # only this session's sheets
            entered = {sid: f"{done}/{total}" for sid, (done, total) in counts.items()}
            rows = [{"id": h.id, "number": h.number, "discipline": h.discipline, "groups": ", ".join(h.groups),
                     "day": h.day, "examiner": h.examiner, "state": entered.get(h.id, "0/0")} for h in heads]
        self.sheet_model.set_rows(rows)
        row = self.sheet_model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.sheet_view.selectRow(row)
        else:
            self.sheet = None
            self.grid_model.columns = []
            self.grid_model.set_rows([])
            self._show_sheet_label()

    def _sheet_chosen(self) -> None:
        index = self.sheet_view.currentIndex()
        record = self.sheet_model.record(index)
        if record is None:
            return
        self.open_sheet(record["id"])

    def open_sheet(self, sheet_id: int) -> None:
        with self.ctx.db.session() as s:
            self.sheet = rm.load_sheet(s, sheet_id)
        self.grid_model.beginResetModel()
        self.grid_model.columns = grid_columns(self.sheet.scale, self.sheet.head.retake)
        self.grid_model.rows = grid_rows(self.sheet)
        self.grid_model.endResetModel()
        for i, c in enumerate(self.grid_model.columns):
            self.grid.setColumnWidth(i, c.width or 100)
        self._show_sheet_label()

    def _control_chosen(self) -> None:
        if self.sheet is None:
            return
        control, sheet_id = self.control.currentData(), self.sheet.head.id
        if control == self.sheet.head.control:
            return
        run(self, _("Form of control"), bind(rops.set_control_op, sheet_id, control), title=_("Form of control"),
            after=lambda _outcome: self.open_sheet(sheet_id))
        self.open_sheet(sheet_id)

    def _show_sheet_label(self) -> None:
        self.update_commands()
        self.control.setEnabled(self.sheet is not None)
        if self.sheet is not None:
            self.control.setCurrentIndex(self.control.findData(self.sheet.head.control))
        if self.sheet is None:
            self.sheet_label.setText(_("No grade sheets yet: issue them for the session's exams."))
            return
        h = self.sheet.head
        title = (_("Retake grade sheet No {number}") if h.retake else _("Grade sheet No {number}")).format(
            number=h.number)
        control = grading.Control(h.control).label()
        details = f"{h.discipline}, {control}, {', '.join(h.groups)}, {dates.table(h.day)}, {h.examiner}"
        self.sheet_label.setText(f"<b>{html.escape(title)}</b> — {html.escape(details)}")

    def _decorate(self, row: dict[str, Any], column: int, role):
        if role == Qt.ItemDataRole.ForegroundRole and row.get("entered") and not row.get("passed"):
            return QColor(colours.role("danger").text)
        return None

    # Lists ------------------------------------------------------------------------------------------------
    def load_debts(self) -> None:
        year = self.year.currentText()
        with self.ctx.db.session() as s:
            found = dm.open_debts(s, year=year or None)
        self.debt_model.set_rows([{"id": i, "name": d.name, "record_book": d.record_book, "group": d.group,
                                   "discipline": d.discipline,
                                   "session": f"{d.year}, {SessionKind(d.session_kind).label()}",
                                   "kind": d.kind, "result": d.result, "retake": d.retake_date}
                                  for i, d in enumerate(found)])
        by_discipline, by_group = dm.debt_counts(found)
        self.debt_counts.setText(_("{n} open debts. By discipline: {disciplines}. By group: {groups}.").format(
            n=len(found), disciplines=", ".join(f"{k} {n}" for k, n, _s in by_discipline[:8]) or "—",
            groups=", ".join(f"{k} {n}" for k, n, _s in by_group[:8]) or "—"))

    def load_summary(self) -> None:
        rows = []
        if self.session_id is not None:
            with self.ctx.db.session() as s:
                summary = dm.session_summary(s, self.session_id)
            from desktop.reports.session_results import _label

            tr = current()
            for r in [*summary.groups, *summary.courses, *summary.programmes, summary.total]:
                rows.append({"id": id(r), "label": _label(r, tr), "course": r.course if r.level == "group" else "",
                             "programme": r.programme if r.level == "group" else "", "students": r.students,
                             "sat": r.sat, "passed": r.passed, "excellent": r.excellent, "good": r.good,
                             "with_debts": r.with_debts, "pass_rate": r.pass_rate, "quality_rate": r.quality_rate})
        self.summary_model.set_rows(rows)

    def load_orders(self) -> None:
        with self.ctx.db.session() as s:
            found = om.orders_register(s, self.order_search.text())
        self.order_model.set_rows([{"key": (o.number, o.order_date), "number": o.number, "order_date": o.order_date,
                                    "kinds": o.kinds, "students": o.students} for o in found])
