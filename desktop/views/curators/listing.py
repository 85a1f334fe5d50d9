"""How the curator reports page shows its matrix: the year chosen (kept per user), the state on a
day, the counts, a group's history, a month of the matrix selected, and each tab's commands.

A mixin of :class:`desktop.views.curators.page.CuratorsArea` (its widgets are built there)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel

from desktop import clock
from desktop.i18n import _, current
from desktop.models import curator_reports as cr
from desktop.models.curators import CellState, assignments, year_months
from desktop.models.org import academic_year_of
from desktop.models.students import academic_years
from desktop.reports.curator_matrix import STATE_ORDER
from desktop.views import settings as user_settings
from desktop.views.common.forms import to_date
from desktop.views.common.page import find_in_view
from desktop.views.curators.matrix import ASSIGNMENT_ROLE, FIXED

YEAR_CHOICE = user_settings.CURATORS_YEAR

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QTableView, QTabWidget

    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.common.tablemodel import RecordTableModel
    from desktop.views.curators.matrix import MatrixModel
    from desktop.views.curators.report_form import ReportForm
    from desktop.views.curators.teaching_log import TeachingLogPanel
else:
    _Page = object


class CuratorsListing(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # the page's widgets and models, used here
        tabs: QTabWidget
        year: QComboBox
        as_of: QDateEdit
        matrix_model: MatrixModel
        matrix_view: QTableView
        history_model: RecordTableModel
        history_view: QTableView
        history_title: QLabel
        counts: QLabel
        form: ReportForm
        log: TeachingLogPanel

    def _find(self, text: str) -> None:
        if text.strip():
            self.tabs.setCurrentIndex(0)
            find_in_view(self.matrix_view, text, [0, 1])

    def _scope_commands(self) -> None:
        """Each tab's commands while it is shown: the matrix's, the report form's, the log's."""
        prefix = ("", "form_", "log_")[self.tabs.currentIndex()]
        for key, act in self.commands.items():
            mine = key.startswith(prefix) if prefix else not key.startswith(("form_", "log_"))
            act.setVisible(mine or key == "find")
        self.update_commands()

    def year_name(self) -> str:
        return self.year.currentData() or academic_year_of(clock.today())

    def refresh(self) -> None:
        with self.ctx.db.session() as s:
            names = academic_years(s)
        keep = self.year.currentData() or user_settings.get(YEAR_CHOICE) or academic_year_of(clock.today())
        self.year.clear()
        for n in names:
            self.year.addItem(n, n)
        i = self.year.findData(keep)
        self.year.setCurrentIndex(i if i >= 0 else self.year.count() - 1)
        self.load_matrix()
        self.log.set_teachers()

    def _year_chosen(self) -> None:
        user_settings.put(YEAR_CHOICE, self.year.currentData())
        self.load_matrix()

    def load_matrix(self) -> None:
        if self.year.currentData() is None:
            return
        with self.ctx.db.session() as s:
            matrix = cr.build_matrix(s, self.year_name(), to_date(self.as_of))
            rows = assignments(s, self.year_name())
        self.matrix_model.set_matrix(matrix)
        self.matrix_view.resizeColumnsToContents()
        self.form.set_choices(rows, year_months(self.year_name()))
        self._show_counts()
        self.load_history(self.matrix_view.currentIndex())

    def _show_counts(self) -> None:
        m = self.matrix_model.matrix
        if m is None:
            return
        self.counts.setText(_("In all: {counts}").format(counts=", ".join(
            f"{CellState(s).label()}: {m.counts.get(s, 0)}" for s in STATE_ORDER)))

    def load_history(self, index) -> None:
        aid = index.data(ASSIGNMENT_ROLE) if index.isValid() else None
        m = self.matrix_model.matrix
        row = next((r.assignment for r in m.rows if r.assignment.id == aid), None) if m and aid else None
        if row is None:
            self.history_model.set_rows([])
            return
        tr = current()
        with self.ctx.db.session() as s:
            rows = cr.group_history(s, row.group_id, to_date(self.as_of))
        self.history_model.set_rows([{**asdict(r), "month": tr.month_year(r.year, r.month, heading=True)}
                                     for r in rows])
        self.history_view.resizeColumnsToContents()
        self.history_title.setText(_("History of the group {group}").format(group=row.group))

    def select_month(self, target) -> bool:
        """Show one month of the matrix (``((year, month), assignment ids)`` from a Today row): its
        academic year chosen, that month's cells of those groups selected (every group's when none
        is named), the first of them current so its history shows. False when the month is not in it."""
        (y, m), ids = target if isinstance(target[0], (tuple, list)) else (target, ())
        year = academic_year_of(dt.date(y, m, 1))
        i = self.year.findData(year)
        if i >= 0 and i != self.year.currentIndex():
            self.year.setCurrentIndex(i)
            self.load_matrix()
        self.tabs.setCurrentIndex(0)
        self._scope_commands()
        matrix = self.matrix_model.matrix
        if matrix is None or (y, m) not in matrix.months:
            return False
        column = FIXED + matrix.months.index((y, m))
        wanted = set(ids)
        rows = [r for r, row in enumerate(matrix.rows) if not wanted or row.assignment.id in wanted]
        if not rows:
            return False
        selection = QItemSelection()
        for r in rows:
            cell = self.matrix_model.index(r, column)
            selection.select(cell, cell)
        first = self.matrix_model.index(rows[0], column)
        chooser = self.matrix_view.selectionModel()
        chooser.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        chooser.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.matrix_view.scrollTo(first)
        self.matrix_view.setFocus()
        return True
