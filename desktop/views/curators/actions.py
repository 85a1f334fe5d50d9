"""What the curator reports page's commands do: open a report, change a curator (an operation run by
the one runner, as the report form and the teaching log do through ``do``), print and export the
matrix and a month's reports.

A mixin of :class:`desktop.views.curators.page.CuratorsArea` (its widgets are built there)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop import clock, dates
from desktop.i18n import _, current
from desktop.models import curator_operations
from desktop.models import curator_reports as cr
from desktop.models.operations import Change, bind
from desktop.models.org import StaffRole, staff_by_role
from desktop.views.common.operations import run
from desktop.views.curators.change_dialog import ChangeCuratorDialog
from desktop.views.curators.matrix import ASSIGNMENT_ROLE, FIXED

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView, QTabWidget

    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.curators.matrix import MatrixModel
    from desktop.views.curators.report_form import ReportForm
    from desktop.views.curators.teaching_log import TeachingLogPanel
else:
    _Page = object


class CuratorsActions(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # the page's widgets and the listing's, used here
        tabs: QTabWidget
        matrix_model: MatrixModel
        matrix_view: QTableView
        form: ReportForm
        log: TeachingLogPanel

        def refresh(self) -> None: ...
        def load_matrix(self) -> None: ...
        def year_name(self) -> str: ...

    def do(self, text: str, op) -> bool:
        """Run one operation of the area (the report form and the teaching log use it too)."""
        return run(self, text, op, title=_("Curator reports")) is not None

    def on_changed(self, changes: Change) -> None:
        if changes & (Change.STAFF | Change.STUDENTS | Change.GROUPS):
            self.refresh()
        elif changes & Change.CURATORS:
            self.load_matrix()
            self.form.load()
            self.log.load()

    def open_cell(self, index) -> None:
        matrix = self.matrix_model.matrix
        if matrix is None or not index.isValid() or index.column() < FIXED or index.row() >= len(matrix.rows):
            return
        month = matrix.months[index.column() - FIXED]
        self.form.select(index.data(ASSIGNMENT_ROLE), month)
        self.tabs.setCurrentWidget(self.form)

    def change_curator(self) -> None:
        index = self.matrix_view.currentIndex()
        aid = index.data(ASSIGNMENT_ROLE) if index.isValid() else None
        m = self.matrix_model.matrix
        row = next((r.assignment for r in m.rows if r.assignment.id == aid), None) if m and aid else None
        if row is None:
            QMessageBox.information(self, _("Change curator"), _("Select a group's row in the matrix first."))
            return
        with self.ctx.db.session() as s:
            people = [(p.id, p.short_name) for p in staff_by_role(s, StaffRole.CURATOR) if p.id != row.staff_id]
        dialog = ChangeCuratorDialog(row.group, people, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        staff_id, start = dialog.values()
        self.do(_("Change curator"), bind(curator_operations.change_curator_op, row.group_id, staff_id, start))

    def matrix_pdf(self, progress=None) -> bytes:
        """The matrix and the faculty summary as PDF (a faculty of 20,000 students: some 30 pages)."""
        from desktop.models.org import the_faculty
        from desktop.reports.curator_matrix import write_matrix_pdf

        matrix, year, lang = self.matrix_model.matrix, self.year_name(), self.ctx.report_language
        assert matrix is not None  # printed only with a matrix shown (preview checks)
        with self.ctx.db.session() as s:
            summary = cr.summary(s, year, as_of=matrix.as_of)
            faculty = the_faculty(s)
            name = faculty.name if faculty else ""
            from desktop.models.document_frame import document_frame

            frame = document_frame(s, "curators")
        buf = io.BytesIO()
        write_matrix_pdf(buf, matrix, summary, lang, name, progress=progress, frame=frame)
        return buf.getvalue()

    def preview(self) -> None:
        from desktop.views.common.printing import preview_pdf
        from desktop.views.common.tasks import make_report

        if self.matrix_model.matrix is not None:
            pdf = make_report(self, _("Curator reports"), self.matrix_pdf)
            if pdf is not None:
                preview_pdf(self, pdf, _("Curator reports"))

    def chosen_month(self) -> tuple[int, int] | None:
        """The month of the matrix column with the current cell (the current month when it is none)."""
        m = self.matrix_model.matrix
        if m is None or not m.months:
            return None
        index = self.matrix_view.currentIndex()
        if index.isValid() and index.column() >= FIXED:
            return m.months[index.column() - FIXED]
        today = clock.today()
        return (today.year, today.month) if (today.year, today.month) in m.months else m.months[0]

    def month_documents(self, month: tuple[int, int]) -> list:
        with self.ctx.db.session() as s:
            return cr.report_documents(s, cr.report_ids_of_month(s, self.year_name(), *month))

    def month_pdf(self, month: tuple[int, int], progress=None) -> bytes:
        from desktop.models.document_frame import document_frame
        from desktop.models.org import the_faculty
        from desktop.reports.curator_report import write_reports_pdf

        docs = self.month_documents(month)
        with self.ctx.db.session() as s:
            faculty = the_faculty(s)
            frame = document_frame(s, "curators", self.ctx.report_language)
        buf = io.BytesIO()
        write_reports_pdf(buf, docs, self.ctx.report_language, faculty.name if faculty else "", progress=progress,
                          frame=frame)
        return buf.getvalue()

    def preview_month(self) -> None:
        from desktop.views.common.printing import preview_pdf
        from desktop.views.common.tasks import make_report

        month = self.chosen_month()
        if month is None:
            return
        title = _("Curator reports, {month} {year}").format(month=dates.month_name(month[1], current().lang),
                                                             year=month[0])
        pdf = make_report(self, title, lambda progress: self.month_pdf(month, progress))
        if pdf is not None:
            preview_pdf(self, pdf, title)

    def export_month_xlsx(self, path: str | None = None) -> bool:
        from desktop.reports.curator_report import write_reports_xlsx
        from desktop.views.common.tasks import write_report_file

        month = self.chosen_month()
        if month is None:
            return False
        if path is None:
            name = f"curator-reports-{month[0]}-{month[1]:02d}.xlsx"
            path, _filter = QFileDialog.getSaveFileName(self, _("Export to Excel"), name, "Excel (*.xlsx)")
        if not path:
            return False
        lang = self.ctx.report_language

        def write(temporary: str, _progress) -> None:
            write_reports_xlsx(temporary, self.month_documents(month), lang)

        return write_report_file(self, _("Export to Excel"), path, write)

    def export_xlsx(self, path: str | None = None) -> bool:
        from desktop.reports.curator_matrix import write_matrix_xlsx
        from desktop.views.common.tasks import write_report_file

        if self.matrix_model.matrix is None:
            return False
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, _("Export to Excel"), "", "Excel (*.xlsx)")
        if not path:
            return False
        matrix, year, lang = self.matrix_model.matrix, self.year_name(), self.ctx.report_language

        def write(temporary: str, _progress) -> None:
            from desktop.models.document_frame import document_frame

            with self.ctx.db.session() as s:
                summary = cr.summary(s, year, as_of=matrix.as_of)
                frame = document_frame(s, "curators")
            write_matrix_xlsx(temporary, matrix, summary, lang, frame=frame)

        return write_report_file(self, _("Export to Excel"), path, write)
