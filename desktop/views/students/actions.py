"""What the students page does: enrolment, movements under orders, promotion, group heads, DLT,
cards, import from Excel and the exports (lists, group list PDF, headcount).

A mixin of :class:`desktop.views.students.page.StudentsArea`: it uses the page's ``ctx``, ``model``,
``view`` and ``tree``; every write runs as an operation through ``_do``."""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from desktop import clock, dates
from desktop.i18n import _, ngettext
from desktop.models import movements, operations, students
from desktop.models.base import DomainError
from desktop.models.contingent import Student
from desktop.models.operations import Change, bind
from desktop.views import settings as ui_settings
from desktop.views.common.forms import ok_cancel
from desktop.views.common.operations import run

if TYPE_CHECKING:
    from desktop.models.dlt import Grant, PermissionRow
    from desktop.models.movements import MovementRecord
    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.students.dialogs import CardInfo
    from desktop.views.students.models import StudentTableModel
    from desktop.views.students.page import StudentTableView
else:
    _Page = object


class StudentsActions(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # the page's, used here (the listing's groups and selection)
        groups: list[students.GroupRow]
        model: StudentTableModel
        view: StudentTableView

        def _selected_group_ids(self) -> frozenset[int] | None: ...

    # Running operations -----------------------------------------------------------------
    def _do(self, text: str, op) -> bool:
        return run(self, text, op, title=_("Students and groups")) is not None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [self.model.student_id(r) for r in rows]

    def _edit(self, row, key, value) -> None:
        self._do(_("Edit student"), bind(operations.set_field, Student, row[0], key, value,
                                         students.STUDENT_VALIDATORS, expected=row[students.F[key]]))

    def apply_movement(self, ids: list[int], kind, order, group_id=None, reason="") -> bool:
        return self._do(ngettext("{movement}: {n} student", "{movement}: {n} students", len(ids)).format(
            movement=movements.MovementKind(kind).label(), n=len(ids)),
            bind(movements.apply_movement_op, ids, kind, order, group_id=group_id, reason=reason))

    def enrol(self, values: students.Enrolment) -> bool:
        return self._do(_("Enrolment"), bind(students.add_student_op, **values))

    def enrol_student(self) -> None:
        from desktop.views.students.dialogs import NewStudentDialog

        active = [g for g in self.groups if g.active]
        if not active:
            if not self.ask_new_group():
                return
            active = [g for g in self.groups if g.active]
        dialog = NewStudentDialog(active, self, submit=self.enrol)
        dialog.exec()

    def ask_new_group(self) -> bool:
        """The faculty has no group to enrol into: offer to create one first."""
        answer = QMessageBox.question(
            self, _("Enrolment"), _("The faculty has no group yet. Create a group first?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from desktop.models import groups as group_model
        from desktop.models import org
        from desktop.views.groups import NewGroupDialog

        with self.ctx.db.session() as s:
            programmes = org.programme_rows(s)

        def create(values: group_model.GroupValues) -> bool:
            return self._do(_("Add group"), bind(group_model.create_group_op, **values))

        return NewGroupDialog(programmes, create, self).exec() == QDialog.DialogCode.Accepted

    def move_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, _("Students and groups"), _("Select the students first."))
            return
        from desktop.views.students.dialogs import MovementDialog

        dialog = MovementDialog([g for g in self.groups if g.active], len(ids), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            kind, order, group_id, reason = dialog.values()
            self.apply_movement(ids, kind, order, group_id, reason)

    def promote_groups(self, group_ids: list[int], order) -> bool:
        from desktop.models import debts  # students with more open debts than allowed stay back

        return self._do(ngettext("Promote {n} group", "Promote {n} groups", len(group_ids)).format(n=len(group_ids)),
                        bind(debts.promote_op, group_ids, order))

    def promote_selected_groups(self) -> None:
        from desktop.views.common.forms import date_edit, to_date

        group_ids = sorted(self._selected_group_ids() or [g.id for g in self.groups])
        dialog = QDialog(self)
        dialog.setWindowTitle(_("Promote groups"))
        number = QLineEdit()
        day = date_edit(dt.date(clock.today().year, 7, 1))
        lay = QVBoxLayout(dialog)
        lay.addWidget(QLabel(ngettext("{n} group goes up one course; its studying students get a promotion.",
                                       "{n} groups go up one course; their studying students get a promotion.",
                                       len(group_ids)).format(
            n=len(group_ids))))
        lay.addWidget(QLabel(_("Students with more open debts than the faculty allows stay on their course "
                               "(Session results lists them).")))
        lay.addWidget(QLabel(_("Order number:")))
        lay.addWidget(number)
        lay.addWidget(QLabel(_("Effective date:")))
        lay.addWidget(day)
        buttons = ok_cancel(dialog)
        lay.addWidget(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.promote_groups(group_ids, movements.Order(number.text(), to_date(day), to_date(day)))

    def make_group_head(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        sid = ids[0]
        gid = self.model.row_tuple(self.model.row_of(sid))[students.F["group_id"]]
        self._do(_("Make group head"), bind(students.set_group_head_op, gid, sid))

    def grant_dlt(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            QMessageBox.information(self, _("Students and groups"), _("Select one student."))
            return
        from desktop.views.students.dialogs import DltDialog

        dialog = DltDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_dlt(ids[0], dialog.values())

    def add_dlt(self, student_id: int, values: Grant) -> bool:
        from desktop.models import dlt

        return self._do(_("Distance-learning permission"), bind(dlt.grant_dlt_op, student_id, **values))

    def card_data(self, student_id: int) -> tuple[CardInfo, list[MovementRecord], list[PermissionRow]] | None:
        from desktop.models import dlt
        from desktop.models.contingent import Funding, Gender, StudyForm

        with self.ctx.db.session() as s:
            st = s.get(Student, student_id)
            if st is None:  # deleted meanwhile (the list shown before another office's delete)
                return None
            fields = [
                (_("Record-book number:"), st.record_book or ""),
                (_("Group:"), st.group.name if st.group else ""),
                (_("Status:"), _(movements.status_label(st.status))),
                (_("Funding:"), Funding(st.funding).label()),
                (_("Study form:"), StudyForm(st.study_form).label()),
                (_("Birth date:"), dates.table(st.birth_date)),
                (_("Gender:"), _(Gender.labels().get(st.gender, "")) if st.gender else ""),
                (_("Phone:"), st.phone), (_("E-mail:"), st.email),
            ]
            return {"name": st.full_name, "fields": fields}, movements.history(s, student_id), \
                dlt.permissions(s, student_id)

    def open_card(self):
        """The selected student's card (a StudentCard), or None with nothing selected (or the
        student deleted meanwhile)."""
        ids = self.selected_ids()
        if not ids:
            return None
        info = self.card_data(ids[0])
        if info is None:
            return None
        from desktop.views.common.history import show_history
        from desktop.views.students.dialogs import StudentCard

        card: StudentCard | None = None
        card = StudentCard(*info, parent=self, on_history=lambda: show_history(
            card, self.ctx.db, "student", ids[0], info[0]["name"]))
        from desktop.views.results.card import add_results_section

        add_results_section(card, self.ctx.db, ids[0])
        card.open()
        return card

    # Files ------------------------------------------------------------------------------
    def accepts_file(self, path: str) -> bool:
        return path.lower().endswith((".xlsx", ".xls", ".csv", ".htm", ".html"))

    def import_file(self, path: str) -> None:
        from desktop.models import settings
        from desktop.reports.student_import import ImportRefused, read_sheet
        from desktop.views.students.import_dialog import ImportDialog

        try:
            with self.ctx.db.session() as s:
                limit = int(settings.get(s, settings.IMPORT_ROW_LIMIT.key))
            sheet = read_sheet(path, limit=limit)
            visible = [n for n in sheet.sheets if n not in sheet.hidden_sheets]
            if len(visible) > 1:  # the active sheet is offered first; the user may pick another
                name, ok = QInputDialog.getItem(self, _("Import students"), _("Sheet to import:"), visible,
                                                visible.index(sheet.title) if sheet.title in visible else 0, False)
                if not ok:
                    return
                if name != sheet.title:
                    sheet = read_sheet(path, sheet=name, limit=limit)
        except ImportRefused as exc:
            QMessageBox.warning(self, _("Import students"), str(exc))
            return
        dialog = ImportDialog(sheet, lambda m: self.check_import(sheet, m), lambda m: self.run_import(sheet, m), self)
        self._import_dialog = dialog
        dialog.open()

    def choose_import(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, _("Import students"), ui_settings.get(ui_settings.LAST_FOLDER),
                                               _("Student lists (*.xlsx *.xls *.csv *.htm *.html)"))
        if path:
            self.import_file(path)

    def check_import(self, sheet, mapping) -> tuple[bool, str]:
        from desktop.reports.student_import.checking import plan_import

        sheet.mapping = dict(mapping)
        with self.ctx.db.session() as s:
            plan = plan_import(s, sheet)
            s.rollback()
        if plan.problems:
            return False, "\n".join([_("Nothing can be imported until these are corrected:")]
                                    + [str(p) for p in plan.problems] + ["", _("Columns:")]
                                    + ["  " + line for line in sheet.mapping_lines()])
        return True, "\n".join(plan.summary())

    def run_import(self, sheet, mapping) -> bool:
        from desktop.reports.student_import.checking import plan_import
        from desktop.reports.student_import.writing import apply_import
        from desktop.views.common.tasks import TaskCancelled, run_with_progress

        sheet.mapping = dict(mapping)

        def work(progress):
            with self.ctx.db.session() as s:
                plan = plan_import(s, sheet, progress=progress)
                return apply_import(s, plan, progress=progress)

        try:
            result = run_with_progress(self, _("Import students"), work)
        except TaskCancelled:
            return False
        except DomainError as exc:
            QMessageBox.warning(self, _("Import students"), str(exc))
            return False
        self.undo_stack.clear()  # an import is undone by a backup restore, not step by step
        self.ctx.notify(Change.STUDENTS)
        self.ctx.status_message.emit(ngettext("Imported: {n} student added, {m} changed.",
                                                "Imported: {n} students added, {m} changed.", result.added).format(
            n=result.added, m=result.changed))
        return True

    def export_xlsx(self, sheet_per_group: bool, path: str | None = None) -> str | None:
        from desktop.reports.student_export import export_students_xlsx

        if path is None:
            path, _f = QFileDialog.getSaveFileName(self, _("Export"), ui_settings.get(ui_settings.LAST_FOLDER),
                                                   _("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        from desktop.views.common.tasks import write_report_file

        rows = [self.model.row_tuple(i) for i in range(self.model.rowCount())]
        lang = self.ctx.report_language

        def write(temporary: str, progress) -> None:
            with self.ctx.db.session() as s:
                export_students_xlsx(s, temporary, lang=lang, sheet_per_group=sheet_per_group, rows=rows,
                                     progress=progress)

        return path if write_report_file(self, _("Export"), path, write) else None

    def current_group_id(self) -> int | None:
        selected = self._selected_group_ids()
        if selected and len(selected) == 1:
            return next(iter(selected))
        ids = self.selected_ids()
        if ids:
            return self.model.row_tuple(self.model.row_of(ids[0]))[students.F["group_id"]]
        return None

    def group_list_pdf(self, group_id: int) -> bytes:
        from desktop.reports.pdf import build_pdf
        from desktop.reports.student_export import group_list_story

        lang = self.ctx.report_language
        buf = io.BytesIO()
        with self.ctx.db.session() as s:
            from desktop.i18n import translator

            build_pdf(buf, group_list_story(s, group_id, lang), translator(lang))
        return buf.getvalue()

    def print_group_list(self) -> None:
        from desktop.views.common.printing import preview_pdf

        gid = self.current_group_id()
        if gid is None:
            QMessageBox.information(self, _("Students and groups"), _("Select a group or a student of it."))
            return
        preview_pdf(self, self.group_list_pdf(gid), _("Group list"))

    def headcount(self, fmt: str) -> None:
        from desktop.reports.headcount import export_headcount_pdf, export_headcount_xlsx
        from desktop.views.common.printing import preview_pdf
        from desktop.views.students.dialogs import HeadcountDialog

        dialog = HeadcountDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        on = dialog.day()
        lang = self.ctx.report_language
        if fmt == "pdf":
            buf = io.BytesIO()
            with self.ctx.db.session() as s:
                export_headcount_pdf(s, buf, on, lang)
            preview_pdf(self, buf.getvalue(), _("Headcount"))
            return
        path, _f = QFileDialog.getSaveFileName(self, _("Export"), ui_settings.get(ui_settings.LAST_FOLDER),
                                               _("Excel workbooks (*.xlsx)"))
        if path:
            from desktop.views.common.tasks import save_file

            with self.ctx.db.session() as s:
                save_file(self, _("Export"), path, lambda tmp: export_headcount_xlsx(s, tmp, on, lang))
