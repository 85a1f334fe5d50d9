"""What the exams page does: sessions, exams added, edited, moved, copied and deleted, the draft
generator, rooms, jumping to a conflict, the translations of names and the exports.

A mixin of :class:`desktop.views.exams.page.ExamsArea`: it uses the page's ``ctx``, ``schedule``,
views and combos; every write runs as an operation through ``_do``."""

from __future__ import annotations

import builtins
import datetime as dt
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QMessageBox,
    QTableView,
)

from desktop.i18n import _, ngettext
from desktop.models import exam_operations as xops
from desktop.models import exam_schedule as ops
from desktop.models.exam_conflicts import find_conflicts, rules_for
from desktop.models.operations import bind
from desktop.views import settings as ui_settings
from desktop.views.common.operations import run
from desktop.views.exams.dialogs import ExamDialog, GroupPicker
from desktop.views.exams.models import (
    DAY_ROLE,
    EXAM_IDS_ROLE,
    GROUP_ROLE,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QDateEdit, QTableView, QTabWidget

    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.exams.models import ExamGridModel
else:
    _Page = object


class ExamsActions(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # the page's and the listing's, used here
        session_id: int | None
        schedule: ops.Schedule | None
        original_schedule: ops.Schedule | None
        _loading: bool
        year: QComboBox
        kind: QComboBox
        start: QDateEdit
        end: QDateEdit
        by: QComboBox
        tabs: QTabWidget
        grid_model: ExamGridModel
        grid: QTableView
        list: QTableView  # (so this class's annotations name the type builtins.list)

        def _reload(self) -> None: ...

    def _do(self, text: str, op, **options):
        return run(self, text, op, title=_("Exam sessions"), **options)

    # Selection helpers ---------------------------------------------------------------------------
    def _current_view(self) -> QTableView:
        return self.grid if self.tabs.currentIndex() == 0 else self.list

    def selected_exam_id(self) -> int | None:
        index = self._current_view().currentIndex()
        ids = index.data(EXAM_IDS_ROLE) if index.isValid() else None
        return ids[0] if ids else None

    # Edits ------------------------------------------------------------------------------------------
    def create_session(self) -> None:
        self._do(_("Create the session"),
                 bind(xops.create_session_op, self.year.currentText(), self.kind.currentData()))

    def _dates_edited(self) -> None:
        if self._loading or self.schedule is None:
            return
        q1, q2 = self.start.date(), self.end.date()
        start, end = dt.date(q1.year(), q1.month(), q1.day()), dt.date(q2.year(), q2.month(), q2.day())
        if (start, end) == (self.schedule.start, self.schedule.end):
            return
        change = bind(xops.set_session_dates_op, self.session_id, start, end)
        changed = self._do(_("Change the session's dates"), change)
        if changed is None:
            self._reload()  # the fields show the stored dates again

    def _save_exam(self, dialog: ExamDialog) -> None:
        name, row = dialog.values()
        if row.id:
            self._do(_("Edit exam"), bind(xops.edit_exam_op, row.id, name, row))
        else:
            self._do(_("Add exam"), bind(xops.add_exam_op, self.session_id, name, row))

    def add_exam(self) -> None:
        if self.schedule is None:
            return
        index = self.grid.currentIndex()
        day = dt.date.fromisoformat(index.data(DAY_ROLE)) if index.isValid() and self.tabs.currentIndex() == 0 else None
        group = index.data(GROUP_ROLE) if index.isValid() and self.tabs.currentIndex() == 0 else None
        dialog = ExamDialog(self.schedule, None, day, group, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._save_exam(dialog)

    def edit_exam(self, *_args) -> None:
        exam_id = self.selected_exam_id()
        if exam_id is None or self.schedule is None:
            if _args:
                self.add_exam()
            return
        dialog = ExamDialog(self.schedule, self.schedule.exam(exam_id), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._save_exam(dialog)

    def delete_exam(self) -> None:
        exam_id = self.selected_exam_id()
        if exam_id is None:
            return
        self.delete_exams([exam_id])

    def delete_exams(self, exam_ids: builtins.list[int]) -> None:
        from desktop.views.common.mass_delete import backup_before_delete

        if not backup_before_delete(self, len(exam_ids)):
            return
        self._do(_("Delete exam"), bind(xops.delete_exams_op, exam_ids))

    def move_exam(self, exam_id: int, from_group: int | None, day: dt.date, to_group: int | None) -> None:
        self._do(_("Move exam"), bind(xops.move_exam_op, exam_id, day, from_group, to_group))

    def copy_to_groups(self, exam_id: int, group_ids: builtins.list[int], day: dt.date | None = None) -> None:
        self._do(_("Copy exam"), bind(xops.copy_exam_op, exam_id, group_ids, day))

    def _dropped(self, exam_id: int, from_group: int, day: dt.date, to_group: int, copy: bool) -> None:
        # After the drop event returns: the edit resets the models the view is still dropping into.
        QTimer.singleShot(0, lambda: self._apply_drop(exam_id, from_group, day, to_group, copy))

    def _apply_drop(self, exam_id: int, from_group: int, day: dt.date, to_group: int, copy: bool) -> None:
        if copy:
            self.copy_to_groups(exam_id, [to_group], day)
        else:
            self.move_exam(exam_id, from_group, day, to_group)

    def copy_exam(self) -> None:
        exam_id = self.selected_exam_id()
        if exam_id is None or self.schedule is None:
            return
        exam = self.schedule.exam(exam_id)
        assert exam is not None  # the selected exam is one of the schedule's
        picker = GroupPicker(self.schedule, _("Copy the exam to groups"),
                             _("Each chosen group gets the same exam: discipline, examiner, date, time and room."),
                             exclude=exam.group_ids, parent=self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.checked():
            self.copy_to_groups(exam_id, picker.checked())

    def generate(self) -> None:
        if self.schedule is None:
            return
        picker = GroupPicker(self.schedule, _("Draft the schedule for groups"),
                             _("Each chosen group gets its session's disciplines on working days, one a day, "
                               "with the minimum rest, free examiners and rooms big enough. Edit the draft after."),
                             parent=self)
        if picker.exec() != QDialog.DialogCode.Accepted or not picker.checked():
            return
        self.generate_for(picker.checked())

    def generate_for(self, group_ids: builtins.list[int]) -> builtins.list[tuple[int, int]]:
        """Draft in a worker thread behind a cancellable progress dialog (many groups take seconds);
        redo after undo puts back the very same exams rather than drafting again."""
        outcome = self._do(_("Draft the schedule"), bind(xops.generate_draft_op, self.session_id, group_ids),
                           progress=_("Draft the schedule"), progress_label=_("Drafting the schedule…"),
                           cancelled=_("The draft was cancelled; nothing was written."))
        if outcome is None:
            return []
        made = {"ids": outcome.result[0], "unplaced": outcome.result[1]}
        if made["unplaced"] and self.isVisible():
            QMessageBox.information(self, _("Exam sessions"), ngettext(
                "{count} exam found no day that keeps every rule; add it by hand.",
                "{count} exams found no day that keeps every rule; add them by hand.", len(made["unplaced"])).format(
                count=len(made["unplaced"])))
        elif not made["ids"] and self.isVisible():
            QMessageBox.information(self, _("Exam sessions"), _(
                "Nothing to draft: the chosen groups have no disciplines left to schedule in this session."))
        return made["unplaced"]

    def edit_rooms(self) -> None:
        if self.schedule is None:
            return
        from desktop.views.exams.rooms_dialog import RoomsDisciplinesDialog

        dialog = RoomsDisciplinesDialog(self)
        dialog.exec()
        dialog.deleteLater()

    # Conflicts -----------------------------------------------------------------------------------------
    def jump_to_conflict(self, index) -> None:
        if not index.isValid():
            return
        day = index.data(DAY_ROLE)
        if not day:
            return
        target = self.grid_model.index_of(dt.date.fromisoformat(day), index.data(GROUP_ROLE))
        if target.isValid():
            self.tabs.setCurrentIndex(0)
            self.grid.setCurrentIndex(target)
            self.grid.scrollTo(target, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.grid.setFocus()

    # Export --------------------------------------------------------------------------------------------------
    def document_frame(self, lang: str):
        """The schedule's frame and its unresolved errors in the report's language (a draft while any remain)."""
        from desktop.i18n import translator
        from desktop.models.document_frame import document_frame

        assert self.schedule is not None  # exports need a schedule shown
        with self.ctx.db.session() as s:
            frame = document_frame(s, "exam_schedule")
            rules = rules_for(s, self.schedule, lang)
        errors = [c.message for c in find_conflicts(self.schedule, rules, translator(lang)) if c.severity == "error"]
        return frame, errors

    def open_translations(self, missing_lang: str | None = None) -> None:
        _open_translations(self, missing_lang)

    def export(self, key: str) -> None:
        if self.schedule is None:
            return
        lang, by = self.ctx.report_language, self.by.currentData()
        from desktop.models.text_documents import localize_schedule

        with self.ctx.db.session() as s:  # disciplines and rooms in the report language
            schedule, missing = localize_schedule(s, self.original_schedule or self.schedule, lang)
        if key != "preview":
            from desktop.views.translations import confirm_missing

            if not confirm_missing(self, missing, lang, self.open_translations):
                return
        frame, errors = self.document_frame(lang)
        if key == "preview":
            import io

            from desktop.reports.exam_pdf import session_pdf
            from desktop.views.common.printing import preview_pdf
            from desktop.views.common.tasks import make_report

            def make(progress) -> bytes:
                buf = io.BytesIO()
                session_pdf(buf, schedule, lang, "matrix", by, progress=progress, frame=frame, errors=errors)
                return buf.getvalue()

            pdf = make_report(self, _("Print preview"), make)
            if pdf is not None:
                preview_pdf(self, pdf, _("Print preview"))
            return
        layout, fmt = key.split("_")
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or ""
        name = f"{self.schedule.kind}-{self.schedule.year}-{layout}.{fmt}"
        path, _f = QFileDialog.getSaveFileName(self, _("Export"), os.path.join(folder, name),
                                               "Excel (*.xlsx)" if fmt == "xlsx" else "PDF (*.pdf)")
        if not path:
            return
        ui_settings.put(ui_settings.LAST_FOLDER, os.path.dirname(path))
        from desktop.views.common.tasks import write_report_file

        written = write_report_file(self, _("Export"), path, lambda temporary, progress: write_export(
            temporary, schedule, lang, layout, fmt, by, progress, frame=frame, errors=errors))
        if written:
            saved = _("Saved {path}").format(path=path)
            if errors:  # a draft: "ПРОЕКТ" on every page while errors remain
                saved += " — " + ngettext("a draft: {n} error remains", "a draft: {n} errors remain",
                                          len(errors)).format(n=len(errors))
            self.ctx.status_message.emit(saved)


def _open_translations(page, missing_lang: str | None = None) -> None:
    """Disciplines and rooms side by side with their versions (what the schedules print)."""
    from desktop.views.translations import TranslationsDialog

    TranslationsDialog(page.ctx, "exams", None, _("Disciplines and rooms"), missing_lang=missing_lang,
                       parent=page).exec()
    page.refresh()


def write_export(path: str, schedule: ops.Schedule, lang: str, layout: str, fmt: str, by: str,
                 progress=None, frame=None, errors: list[str] | None = None) -> None:
    if fmt == "xlsx":
        from desktop.reports.exam_xlsx import session_xlsx

        session_xlsx(path, schedule, lang, layout, by, frame=frame, errors=errors)
    else:
        from desktop.reports.exam_pdf import session_pdf

        session_pdf(path, schedule, lang, layout, by, progress=progress, frame=frame, errors=errors)
