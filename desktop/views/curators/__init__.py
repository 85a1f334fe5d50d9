"""Curator reports: the dean's office's matrix with a group's history, the curator's report
form, and the teacher's distance-teaching log."""

from __future__ import annotations

import datetime as dt
import io

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from desktop import clock, dates
from desktop.i18n import N_, _, current
from desktop.models import curator_operations
from desktop.models import curator_reports as cr
from desktop.models.curators import (
    CELL_STATE_ROLES,
    CellState,
    assignments,
    year_months,
)
from desktop.models.operations import Change, bind
from desktop.models.org import AcademicYear, StaffRole, academic_year_of, staff_by_role
from desktop.reports.curator_matrix import STATE_ORDER
from desktop.views import settings as user_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.forms import date_edit
from desktop.views.common.operations import run
from desktop.views.common.page import FrozenColumns, Legend, PageHeader, find_in_view
from desktop.views.common.tablemodel import Column, RecordTableModel
from desktop.views.curators.matrix import ASSIGNMENT_ROLE, FIXED, MatrixModel
from desktop.views.curators.report_form import ReportForm
from desktop.views.curators.teaching_log import TeachingLogPanel

YEAR_CHOICE = user_settings.CURATORS_YEAR
SPLITTER = user_settings.CURATORS_SPLITTER

HISTORY_COLUMNS = [
    Column("month", N_("Month"), lambda v: v),
    Column("curator", N_("Curator")),
    Column("due", N_("Due date"), lambda d: current().short_date(d) if d else ""),
    Column("submitted_on", N_("Submitted"), lambda d: current().short_date(d) if d else ""),
    Column("state", N_("State"), lambda s: CellState(s).label() if s else ""),
    Column("comment", N_("Comment")),
]


class CuratorsArea(AreaPage):
    shows = Change.CURATORS  # own changes reload the matrix, form and log (on_changed)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.tabs = QTabWidget()
        # Matrix tab
        self.year = QComboBox()
        self.as_of = date_edit()
        self.matrix_model = MatrixModel(self)
        self.matrix_view = QTableView()
        self.matrix_view.setModel(self.matrix_model)
        self.matrix_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix_view.horizontalHeader().setMinimumSectionSize(60)
        # the curator and the group stay in view while the months scroll (Excel's Freeze panes)
        self.matrix_view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen = FrozenColumns(self.matrix_view, FIXED)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.history_model = RecordTableModel(HISTORY_COLUMNS, self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history_model)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_title = QLabel()
        # Commands: one QAction each (the bar, the Curator reports menu, the context menu, the keys).
        # Every report of one month, one after another: the office files them on paper.
        on_cell = lambda: self.matrix_view.currentIndex().isValid()  # noqa: E731
        self.add_command("open", lambda: self.open_cell(self.matrix_view.currentIndex()), kind="primary",
                         role="open", icon="edit", enabled_when=on_cell)
        self.add_command("change", self.change_curator, enabled_when=on_cell)
        self.add_command("preview", self.preview, kind="print", role="preview")
        self.month_preview_action = self.add_command("month_preview", self.preview_month, kind="print")
        self.add_command("excel", self.export_xlsx, kind="excel", role="excel")
        self.month_excel_action = self.add_command("month_excel", self.export_month_xlsx, kind="excel")
        self.year_label, self.as_of_label = QLabel(), QLabel()
        self.search = QLineEdit()  # finds a curator or a group in the matrix (Ctrl+F)
        self.search.textChanged.connect(self._find)
        self.header = PageHeader(self, context=[self.year_label, self.year, self.as_of_label, self.as_of],
                                 search=self.search)
        self.set_search(self.search)
        self.title = self.header.title
        self.legend = Legend([(CELL_STATE_ROLES[st], CellState.labels()[st]) for st in STATE_ORDER])
        history = QWidget()
        hl = QVBoxLayout(history)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(self.history_title)
        hl.addWidget(self.history_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.matrix_view)
        self.splitter.addWidget(history)
        self.splitter.setStretchFactor(0, 3)
        state = user_settings.get(SPLITTER)
        if state:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(lambda *_a: user_settings.put(SPLITTER, self.splitter.saveState()))
        matrix_tab = QWidget()
        ml = QVBoxLayout(matrix_tab)
        ml.addWidget(self.splitter, 1)
        ml.addWidget(self.legend)
        ml.addWidget(self.counts)
        self.form = ReportForm(self)
        self.log = TeachingLogPanel(self)
        # The report form's and the log's buttons, as commands of the area (menu and More).
        self._pane_buttons: dict[str, QPushButton] = {}
        for prefix, pane, names in (("form", self.form, ("start", "copy", "submit", "accept", "return", "preview")),
                                    ("log", self.log, ("add", "delete", "preview", "excel"))):
            for name in names:
                button = getattr(pane, f"{name}_button")
                key = f"{prefix}_{name}"
                kind = "print" if name == "preview" else "excel" if name == "excel" else "other"
                self.add_command(key, button.click, kind=kind, enabled_when=button.isEnabled)
                self._pane_buttons[key] = button
        self.tabs.addTab(matrix_tab, "")
        self.tabs.addTab(self.form, "")
        self.tabs.addTab(self.log, "")
        self.tabs.currentChanged.connect(lambda _i: self._scope_commands())
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.tabs, 1)
        self.set_list(self.matrix_view)
        self._scope_commands()

        self.year.activated.connect(lambda _i: self._year_chosen())
        self.as_of.dateChanged.connect(lambda _d: self.load_matrix())
        self.matrix_view.doubleClicked.connect(self.open_cell)
        self.matrix_view.selectionModel().currentChanged.connect(lambda cur, _prev: self.load_history(cur))
        self.refresh()

    # Texts and data ------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.header.set_title(_("Curator reports"))
        self.set_search(self.search)
        self.tabs.setTabText(0, _("Submission matrix"))
        self.tabs.setTabText(1, _("Curator's report"))
        self.tabs.setTabText(2, _("Teacher's distance-teaching log"))
        self.year_label.setText(_("Academic year:"))
        self.as_of_label.setText(_("State on:"))
        self.form.retranslate()
        self.log.retranslate()
        self.set_command_texts({
            "open": _("Open the report"), "change": _("Change curator…"), "preview": _("Print preview…"),
            "excel": _("Export to Excel…"), "month_preview": _("Reports of the month: print preview…"),
            "month_excel": _("Reports of the month to Excel…"),
            **{key: button.text() for key, button in self._pane_buttons.items()}})
        self.month_preview_action.setToolTip(_("Every curator's report of the month chosen in the matrix"))
        self.legend.retranslate()
        self.history_title.setText(_("History of the group"))
        self.matrix_model.retranslate()
        self.history_model.retranslate()
        self._show_counts()

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
            names = list(s.scalars(select(AcademicYear.name).order_by(AcademicYear.name)))
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
            matrix = cr.build_matrix(s, self.year_name(), self.as_of.date().toPython())
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
            rows = cr.group_history(s, row.group_id, self.as_of.date().toPython())
        for r in rows:
            r["month"] = tr.month_year(r["year"], r["month"], heading=True)
        self.history_model.set_rows(rows)
        self.history_view.resizeColumnsToContents()
        self.history_title.setText(_("History of the group {group}").format(group=row.group))

    # Actions -------------------------------------------------------------------------
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
        if not index.isValid() or index.column() < FIXED or index.row() >= len(self.matrix_model.matrix.rows):
            return
        month = self.matrix_model.matrix.months[index.column() - FIXED]
        self.form.select(index.data(ASSIGNMENT_ROLE), month)
        self.tabs.setCurrentWidget(self.form)

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
        names = [n for _i, n in people]
        name, ok = QInputDialog.getItem(self, _("Change curator"), _("New curator of {group}:").format(
            group=row.group), names, 0, False)
        if not ok:
            return
        day_text, ok = QInputDialog.getText(self, _("Change curator"), _("From (dd.mm.yyyy):"),
                                            text=dates.table(clock.today()))
        if not ok:
            return
        try:
            start = dt.datetime.strptime(day_text.strip(), "%d.%m.%Y").date()
        except ValueError:
            QMessageBox.warning(self, _("Change curator"), _("Write the date like 17.11.2025."))
            return
        staff_id = people[names.index(name)][0]
        self.do(_("Change curator"), bind(curator_operations.change_curator_op, row.group_id, staff_id, start))

    def matrix_pdf(self, progress=None) -> bytes:
        """The matrix and the faculty summary as PDF (a faculty of 20,000 students: some 30 pages)."""
        from desktop.models.org import the_faculty
        from desktop.reports.curator_matrix import write_matrix_pdf

        matrix, year, lang = self.matrix_model.matrix, self.year_name(), self.ctx.report_language
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
        title = _("Curator reports, {month} {year}").format(month=dates.month_name(month[1], current().lang), year=month[0])
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
