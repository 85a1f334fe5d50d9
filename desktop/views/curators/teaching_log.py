"""The teacher's distance-teaching log (seed 003, Appendix 1) with the month's totals."""

from __future__ import annotations

import datetime as dt
import io

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import clock, dates
from desktop.i18n import N_, _
from desktop.models import curator_operations as cops
from desktop.models import teaching_log as tl
from desktop.models.operations import bind
from desktop.models.org import Staff, StaffRole, staff_by_role
from desktop.views.common.area import reads
from desktop.views.common.forms import date_edit
from desktop.views.common.tablemodel import Column, RecordTableModel
from desktop.views.common.toolbar import button_bar
from desktop.views.curators.parts import ChoiceDelegate, DateDelegate, to_python


def _form(value):
    return tl.LessonForm(value).label() if value else ""


LOG_COLUMNS = [
    Column("day", N_("Date"), dates.table, editable=True),
    Column("time", N_("Time"), editable=True),
    Column("hours", N_("Teaching hours"), lambda h: f"{h:g}" if h is not None else "", editable=True,
           align=Qt.AlignmentFlag.AlignRight),
    Column("learner", N_("Student / group"), editable=True),
    Column("subject", N_("Subject"), editable=True),
    Column("form", N_("Form of the lesson"), _form, editable=True),
    Column("platform", N_("Distance platform"), editable=True),
    Column("notes", N_("Notes"), editable=True),
]


TOTALS_COLUMNS = [
    Column("teacher", N_("Teacher")),
    Column("lessons", N_("Lessons"), align=Qt.AlignmentFlag.AlignRight),
    Column("hours", N_("Teaching hours"), lambda h: f"{h:g}" if h is not None else "",
           align=Qt.AlignmentFlag.AlignRight),
]


class TeachingLogPanel(QWidget):
    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        self.teacher = QComboBox()
        self.month = date_edit()
        self.month.setCalendarPopup(False)  # a month: the arrows step it
        self.month.setDisplayFormat("MM.yyyy")
        self.model = RecordTableModel(LOG_COLUMNS, self)
        self.model.on_edit = self._edit
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setItemDelegateForColumn(0, DateDelegate(self.view))
        self.view.setItemDelegateForColumn(5, ChoiceDelegate(tl.LessonForm.labels(), self.view))
        self.totals = QLabel()
        # Every teacher's month at a glance, for the dean's office's monthly count.
        self.all_model = RecordTableModel(TOTALS_COLUMNS, self)
        self.all_view = QTableView()
        self.all_view.setModel(self.all_model)
        self.all_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.all_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.all_view.setMinimumWidth(380)
        self.all_view.setMaximumWidth(420)
        self.all_view.doubleClicked.connect(self._pick_teacher)
        self.add_button, self.delete_button = QPushButton(), QPushButton()
        self.preview_button, self.excel_button = QPushButton(), QPushButton()
        reads(self.preview_button, self.excel_button)  # stay enabled on a read-only database
        self.teacher_label, self.month_label = QLabel(), QLabel()
        top = QHBoxLayout()
        for w in (self.teacher_label, self.teacher, self.month_label, self.month):
            top.addWidget(w)
        top.addWidget(button_bar(self.add_button, self.delete_button, self.preview_button, self.excel_button), 1)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(self.all_view)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.totals)
        self.teacher.activated.connect(lambda _i: self.load())
        self.month.dateChanged.connect(lambda _d: self.load())
        self.add_button.clicked.connect(self.add_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.preview_button.clicked.connect(self.preview)
        self.excel_button.clicked.connect(self.export_xlsx)

    def retranslate(self) -> None:
        self.teacher_label.setText(_("Teacher:"))
        self.month_label.setText(_("Month:"))
        self.add_button.setText(_("Add lesson"))
        self.delete_button.setText(_("Delete lesson"))
        self.preview_button.setText(_("Print preview…"))
        self.excel_button.setText(_("Export to Excel…"))
        self.model.retranslate()
        self.all_model.retranslate()
        self._show_totals()

    def set_teachers(self) -> None:
        keep = self.teacher.currentData()
        with self.page.ctx.db.session() as s:
            people = {m.id: m.short_name for role in (StaffRole.TEACHER, StaffRole.CURATOR)
                      for m in staff_by_role(s, role)}
        self.teacher.clear()
        for sid, name in sorted(people.items(), key=lambda p: p[1]):
            self.teacher.addItem(name, sid)
        if keep is not None and self.teacher.findData(keep) >= 0:
            self.teacher.setCurrentIndex(self.teacher.findData(keep))
        self.load()

    def ym(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def load(self) -> None:
        sid = self.teacher.currentData()
        with self.page.ctx.db.session() as s:
            self.model.set_rows(tl.entries(s, sid, *self.ym()) if sid else [])
            self._totals = tl.totals(s, sid, *self.ym()) if sid else tl.MonthTotals(0, 0.0, {})
            self.all_model.set_rows([{"id": i, "teacher": name, "lessons": n, "hours": h}
                                     for i, name, n, h in tl.teachers_totals(s, *self.ym())])
        self.view.resizeColumnsToContents()
        self._show_totals()

    def _pick_teacher(self, index) -> None:
        row = self.all_model.record(index)
        i = self.teacher.findData(row["id"]) if row else -1
        if i >= 0:
            self.teacher.setCurrentIndex(i)
            self.load()

    def _show_totals(self) -> None:
        t = getattr(self, "_totals", None)
        if t is None:
            return
        by_form = "; ".join(f"{_form(f)}: {h:g}" for f, h in sorted(t.by_form.items()))
        self.totals.setText(_("In the month: {lessons} lessons, {hours} teaching hours").format(
            lessons=t.lessons, hours=f"{t.hours:g}") + (f" ({by_form})" if by_form else ""))

    def add_entry(self) -> None:
        sid = self.teacher.currentData()
        if sid is None:
            return
        y, m = self.ym()
        day = clock.today() if clock.today().replace(day=1) == dt.date(y, m, 1) else dt.date(y, m, 1)
        self.page.do(_("Add lesson"), bind(cops.add_lesson_op, sid, day))

    def delete_entry(self) -> None:
        row = self.model.record(self.view.currentIndex())
        if row is None:
            return
        self.page.do(_("Delete lesson"), bind(cops.delete_lesson_op, row["id"], dict(row)))  # as shown

    def _edit(self, row, key, value) -> None:
        self.page.do(_("Edit lesson"), bind(cops.edit_lesson_op, row["id"], key, to_python(value), row.get(key)))

    def _export(self, target, fmt: str) -> None:
        from desktop.reports import curator_teaching_log as out

        sid = self.teacher.currentData()
        with self.page.ctx.db.session() as s:
            name = s.get(Staff, sid).short_name
            entries = tl.entries(s, sid, *self.ym())
            totals = tl.totals(s, sid, *self.ym())
            from desktop.models.document_frame import document_frame

            frame = document_frame(s, "teaching_log")
        write = out.write_log_pdf if fmt == "pdf" else out.write_log_xlsx
        write(target, name, *self.ym(), entries, totals, self.page.ctx.report_language, frame=frame)

    def pdf_bytes(self) -> bytes:
        buf = io.BytesIO()
        self._export(buf, "pdf")
        return buf.getvalue()

    def preview(self) -> None:
        from desktop.views.common.printing import preview_pdf

        if self.teacher.currentData() is not None:
            preview_pdf(self, self.pdf_bytes(), _("Teacher's log"))

    def export_xlsx(self) -> None:
        if self.teacher.currentData() is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, _("Export to Excel"), "", "Excel (*.xlsx)")
        if path:
            from desktop.views.common.tasks import save_file

            save_file(self, _("Export to Excel"), path, lambda tmp: self._export(tmp, "xlsx"))
