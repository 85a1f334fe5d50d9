"""The curator's report form: one table per part, remarks, and the report's status."""

from __future__ import annotations

import io
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.i18n import _, current
from desktop.models import curator_operations as cops
from desktop.models import curator_reports as cr
from desktop.models.curators import PARTS, CuratorReport, ReportPart, ReportStatus
from desktop.models.operations import bind
from desktop.views import settings as user_settings
from desktop.views.common.area import reads
from desktop.views.common.tablemodel import RecordTableModel
from desktop.views.common.toolbar import button_bar
from desktop.views.curators.parts import (
    CHOICES,
    PART_COLUMNS,
    VALIDATORS,
    ChoiceDelegate,
    DateDelegate,
    to_python,
)

ACCEPTED_BY = user_settings.CURATORS_ACCEPTED_BY


class PartTable(QWidget):
    def __init__(self, part: str, parent=None):
        super().__init__(parent)
        self.part = part
        self.model = RecordTableModel(PART_COLUMNS[part], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        wide = {"activities": "topic", "risks": "result", "contacts": "subject", "achievements": "title"}[part]
        header.setSectionResizeMode([c.key for c in PART_COLUMNS[part]].index(wide), QHeaderView.ResizeMode.Stretch)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        for col, column in enumerate(PART_COLUMNS[part]):
            if (part, column.key) in CHOICES:
                self.view.setItemDelegateForColumn(col, ChoiceDelegate(CHOICES[(part, column.key)], self.view))
            elif column.key == "day":
                self.view.setItemDelegateForColumn(col, DateDelegate(self.view))
        self.box = QGroupBox()
        self.add_button = QToolButton()
        self.delete_button = QToolButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        inner = QVBoxLayout(self.box)
        inner.addWidget(self.view)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)

    def retranslate(self) -> None:
        self.box.setTitle(ReportPart(self.part).label())
        self.add_button.setText(_("Add line"))
        self.delete_button.setText(_("Delete line"))
        self.model.retranslate()


class ReportForm(QWidget):
    """Shows the report of ``page.selected`` (assignment id, year, month); edits through ``page.do``
    (the operations runner)."""

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        self.report_id: int | None = None
        self.status: str | None = None
        self.assignment = QComboBox()
        self.month = QComboBox()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.start_button = QPushButton()
        self.copy_button = QPushButton()
        self.submit_button = QPushButton()
        self.accept_button = QPushButton()
        self.return_button = QPushButton()
        self.preview_button = QPushButton()
        reads(self.preview_button)  # stays enabled on a read-only database
        self.tables = {part: PartTable(part) for part in PARTS}
        self.remarks = QPlainTextEdit()
        self.remarks_box = QGroupBox()
        QVBoxLayout(self.remarks_box).addWidget(self.remarks)
        self.remarks.setMaximumHeight(70)

        top = QHBoxLayout()
        self.assignment_label, self.month_label = QLabel(), QLabel()
        for w in (self.assignment_label, self.assignment, self.month_label, self.month):
            top.addWidget(w)
        top.addWidget(button_bar(self.start_button, self.copy_button, self.submit_button, self.accept_button,
                                 self.return_button, self.preview_button), 1)
        grid = QGridLayout()
        for i, part in enumerate(PARTS):
            grid.addWidget(self.tables[part], i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.status_label)
        layout.addLayout(grid, 1)
        layout.addWidget(self.remarks_box)

        for part, table in self.tables.items():
            table.model.on_edit = lambda row, key, value, part=part: self._edit_line(part, row, key, value)
            table.add_button.clicked.connect(lambda _c=False, part=part: self.add_line(part))
            table.delete_button.clicked.connect(lambda _c=False, part=part: self.delete_line(part))
        self.assignment.activated.connect(lambda _i: self.load())
        self.month.activated.connect(lambda _i: self.load())
        self.start_button.clicked.connect(self.start)
        self.copy_button.clicked.connect(self.copy_plan)
        self.submit_button.clicked.connect(self.submit)
        self.accept_button.clicked.connect(self.accept)
        self.return_button.clicked.connect(self.send_back)
        self.preview_button.clicked.connect(self.preview)
        self.remarks.installEventFilter(self)

    def retranslate(self) -> None:
        self.assignment_label.setText(_("Curator and group:"))
        self.month_label.setText(_("Month:"))
        self.start_button.setText(_("Start the report"))
        self.copy_button.setText(_("Copy last month's plan"))
        self.submit_button.setText(_("Submit"))
        self.accept_button.setText(_("Accept"))
        self.return_button.setText(_("Return…"))
        self.preview_button.setText(_("Print preview…"))
        self.remarks_box.setTitle(_("Remarks"))
        for t in self.tables.values():
            t.retranslate()
        tr = current()
        for i in range(self.month.count()):
            y, m = self.month.itemData(i)
            self.month.setItemText(i, tr.month_year(y, m, heading=True))
        self._show_status()

    # Choosing ------------------------------------------------------------------------
    def set_choices(self, assignments, months) -> None:
        keep_a, keep_m = self.assignment.currentData(), self.month.currentData()
        self.assignment.clear()
        for a in assignments:
            self.assignment.addItem(a.label, a.id)
        tr = current()
        self.month.clear()
        for y, m in months:
            self.month.addItem(tr.month_year(y, m, heading=True), (y, m))
        self.select(keep_a, keep_m)

    def select(self, assignment_id, month) -> None:
        i = self.assignment.findData(assignment_id)
        if i >= 0:
            self.assignment.setCurrentIndex(i)
        for j in range(self.month.count()):
            if self.month.itemData(j) == month:
                self.month.setCurrentIndex(j)
        self.load()

    def load(self) -> None:
        aid, ym = self.assignment.currentData(), self.month.currentData()
        self.report_id = None
        self.status = None
        remarks = ""
        with self.page.ctx.db.session() as s:
            if aid is not None and ym is not None:
                self.report_id = cr.find_report(s, aid, *ym)
            for part, table in self.tables.items():
                table.model.set_rows(cr.part_rows(s, self.report_id, part) if self.report_id else [])
            if self.report_id:
                report = s.get(CuratorReport, self.report_id)
                self.status, remarks = report.status, report.remarks
                self._info = cr.status_snapshot(s, self.report_id)
        if self.remarks.toPlainText() != remarks:
            self.remarks.setPlainText(remarks)
        self._show_status()

    def _show_status(self) -> None:
        has = self.report_id is not None
        status = ReportStatus(self.status) if self.status is not None else None
        editable = status is not None and status.editable
        self.start_button.setEnabled(not has and self.assignment.currentData() is not None)
        self.copy_button.setEnabled(editable)
        self.submit_button.setEnabled(status is not None and status.can_submit)
        self.accept_button.setEnabled(status is not None and status.can_review)
        self.return_button.setEnabled(status is not None and status.can_review)
        self.preview_button.setEnabled(has)
        self.remarks.setReadOnly(not editable or getattr(self.page.ctx.db, "read_only", False))
        for t in self.tables.values():
            t.add_button.setEnabled(editable)
            t.delete_button.setEnabled(editable)
        self.heading.setText(f"{self.assignment.currentText()} · {self.month.currentText()}")
        if not has:
            self.status_label.setText(_("No report has been started for this month."))
            return
        assert self.status is not None  # loaded with its report
        info = self._info
        tr = current()
        text = _("Status: {status}").format(status=ReportStatus(self.status).label())
        if info.submitted_on:
            text += " · " + _("Submitted: {date}").format(date=tr.short_date(info.submitted_on))
        if self.status == ReportStatus.RETURNED:
            text += " · " + _("Returned: {comment}").format(comment=info.return_comment)
        self.status_label.setText(text)

    # Editing -------------------------------------------------------------------------
    def start(self) -> None:
        aid, (y, m) = self.assignment.currentData(), self.month.currentData()
        self.page.do(_("Start the report"), bind(cops.open_report_op, aid, y, m))

    def copy_plan(self) -> None:
        self.page.do(_("Copy last month's plan"), bind(cops.copy_last_month_plan_op, self.report_id))

    def _status_change(self, text, change) -> None:
        """``change``: the model call bound to its arguments (``bind(cr.submit, rid, day)``)."""
        self.page.do(text, bind(cops.status_change_op, self.report_id, change))

    def submit(self) -> None:
        rid = self.report_id
        self._status_change(_("Submit the report"), bind(cr.submit, rid, clock.today()))

    def accept(self) -> None:
        """The dean's office member who accepts is asked once and remembered for the next report."""
        from desktop.models.org import StaffRole, staff_by_role

        with self.page.ctx.db.session() as s:
            office = {m.id: m.short_name for role in (StaffRole.DEAN, StaffRole.VICE_DEAN, StaffRole.METHODIST)
                      for m in staff_by_role(s, role)}
        names = list(office.values())
        last = user_settings.get(ACCEPTED_BY)
        current_i = names.index(last) if last in names else 0
        name, ok = QInputDialog.getItem(self, _("Accept the report"), _("Accepted by:"), names, current_i, False)
        if not ok:
            return
        user_settings.put(ACCEPTED_BY, name)
        staff_id = next((i for i, n in office.items() if n == name), None)
        rid = self.report_id
        self._status_change(_("Accept the report"), bind(cr.accept, rid, staff_id, clock.today()))

    def send_back(self) -> None:
        comment, ok = QInputDialog.getMultiLineText(self, _("Return the report"), _("What must the curator correct?"))
        if ok:
            rid = self.report_id
            self._status_change(_("Return the report"), bind(cr.return_report, rid, comment))

    def add_line(self, part: str) -> None:
        values = {"day": clock.today()} if part in ("activities", "contacts") else {}
        self.page.do(_("Add line"), bind(cops.add_line_op, self.report_id, part, values))

    def delete_line(self, part: str) -> None:
        table = self.tables[part]
        row = table.model.record(table.view.currentIndex())
        if row is None:
            return
        # The line as shown is what is deleted (another office's change meanwhile: stale).
        self.page.do(_("Delete line"), bind(cops.delete_line_op, part, row["id"], dict(row)))

    def _edit_line(self, part: str, row: dict[str, Any], key: str, value) -> None:
        self.page.do(_("Edit the report"), bind(cops.set_line_field_op, part, row["id"], key, to_python(value),
                                                VALIDATORS[part], expected=row.get(key)))

    def save_remarks(self) -> None:
        if self.report_id is None or self.remarks.isReadOnly():
            return
        text = self.remarks.toPlainText()
        rid = self.report_id
        with self.page.ctx.db.session() as s:
            old = s.get(CuratorReport, rid).remarks
        if text == old:
            return
        self.page.do(_("Edit the remarks"), bind(cops.set_remarks_op, rid, text, old))

    def eventFilter(self, obj, event):
        from PySide6.QtCore import QEvent

        if obj is self.remarks and event.type() == QEvent.Type.FocusOut:
            self.save_remarks()
        return super().eventFilter(obj, event)

    def pdf_bytes(self) -> bytes:
        from desktop.models.document_frame import document_frame
        from desktop.models.org import the_faculty
        from desktop.reports.curator_report import write_reports_pdf

        assert self.report_id is not None  # printed only with a report shown
        with self.page.ctx.db.session() as s:
            doc = cr.report_document(s, self.report_id)
            faculty = the_faculty(s)
            name = faculty.name if faculty else ""
            frame = document_frame(s, "curators", self.page.ctx.report_language)
        buf = io.BytesIO()
        write_reports_pdf(buf, [doc], self.page.ctx.report_language, name, frame=frame)
        return buf.getvalue()

    def preview(self) -> None:
        from desktop.views.common.printing import preview_pdf

        if self.report_id is not None:
            preview_pdf(self, self.pdf_bytes(), _("Curator's report"))


__all__ = ["ReportForm", "Qt"]
