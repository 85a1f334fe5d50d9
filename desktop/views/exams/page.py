"""The exam sessions area: the matrix of dates by groups and the list of exams over one schedule,
filters, the conflicts list (click to jump to the cell), the draft generator, exports."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.i18n import N_, _, current_language, ngettext
from desktop.models import exam_operations as xops
from desktop.models import exam_schedule as ops
from desktop.models import exams as ex
from desktop.models.exam_conflicts import find_conflicts, rules_for
from desktop.models.operations import Change, bind
from desktop.views import settings as ui_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.forms import date_edit
from desktop.views.common.operations import run
from desktop.views.common.page import EmptyState, FilterBar, Legend, PageHeader
from desktop.views.exams.dialogs import ExamDialog, GroupPicker
from desktop.views.exams.models import (
    DAY_ROLE,
    EXAM_IDS_ROLE,
    GROUP_ROLE,
    ConflictListModel,
    ExamFilter,
    ExamGridModel,
    ExamListModel,
    ExamListProxy,
)

SPLITTER = ui_settings.EXAMS_SPLITTER
KIND = ui_settings.EXAMS_KIND
FILTERS = ui_settings.EXAMS_FILTERS


class ExamsArea(AreaPage):
    shows = Change.EXAMS | Change.TEXTS  # own and others' changes reload the session (on_changed)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.schedule: ops.Schedule | None = None
        self.original_schedule: ops.Schedule | None = None  # self.schedule before its names were localized
        self.session_id: int | None = None
        self.conflicts = []
        self.year = QComboBox()
        self.kind = QComboBox()
        for k in ex.SessionKind:
            self.kind.addItem("", k.value)
        self.start = date_edit()
        self.end = date_edit()
        for w in (self.start, self.end):
            w.editingFinished.connect(self._dates_edited)
        self.country = QLabel()
        self.course = QComboBox()
        self.programme = QComboBox()
        self.examiner = QComboBox()
        self.room = QComboBox()
        self.filter_labels = [QLabel() for _i in range(4)]

        self.grid_model = ExamGridModel(self)
        self.grid_model.on_drop = self._dropped
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setWordWrap(True)
        self.grid.setDragEnabled(True)
        self.grid.setAcceptDrops(True)
        self.grid.setDropIndicatorShown(True)
        self.grid.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.grid.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setDefaultSectionSize(190)
        self.grid.verticalHeader().setDefaultSectionSize(46)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.doubleClicked.connect(self.edit_exam)

        self.list_model = ExamListModel(self)
        self.list_proxy = ExamListProxy(self)
        self.list_proxy.setSourceModel(self.list_model)
        self.list = QTableView()
        self.list.setModel(self.list_proxy)
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.verticalHeader().setVisible(False)
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.doubleClicked.connect(self.edit_exam)

        self.conflict_model = ConflictListModel(self)
        self.conflict_view = QTableView()
        self.conflict_view.setModel(self.conflict_model)
        self.conflict_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflict_view.verticalHeader().setVisible(False)
        self.conflict_view.horizontalHeader().setStretchLastSection(True)
        self.conflict_view.setWordWrap(True)
        self.conflict_view.clicked.connect(self.jump_to_conflict)
        self.conflict_view.activated.connect(self.jump_to_conflict)
        self.conflict_label = QLabel()

        self.tabs = QTabWidget()
        self.tabs.addTab(self.grid, "")
        self.tabs.addTab(self.list, "")
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.conflict_label)
        rl.addWidget(self.conflict_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        state = ui_settings.get(SPLITTER)
        if state:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(lambda *_a: ui_settings.put(SPLITTER, self.splitter.saveState()))

        # Commands: one QAction each (the bar, the Exam sessions menu, the context menu, the keys).
        has = lambda: self.schedule is not None  # noqa: E731
        chosen = lambda: self.schedule is not None and self.selected_exam_id() is not None  # noqa: E731
        self.add_command("add", self.add_exam, kind="primary", role="new", icon="new", enabled_when=has)
        self.add_command("edit", self.edit_exam, role="open", icon="edit", enabled_when=chosen)
        self.add_command("delete", self.delete_exam, role="delete", icon="delete", enabled_when=chosen)
        self.add_command("copy", self.copy_exam, enabled_when=chosen)
        self.add_command("generate", self.generate, enabled_when=has)
        self.export_actions = {}
        for key, kind, role in (("preview", "print", "preview"), ("matrix_pdf", "pdf", None),
                                ("list_pdf", "pdf", None), ("examiner_pdf", "pdf", None), ("room_pdf", "pdf", None),
                                ("matrix_xlsx", "excel", "excel"), ("list_xlsx", "excel", None),
                                ("examiner_xlsx", "excel", None), ("room_xlsx", "excel", None)):
            self.export_actions[key] = self.add_command(key, lambda k=key: self.export(k), kind=kind, role=role,
                                                        enabled_when=has)
        self.add_command("create_session", self.create_session, kind="other",
                         enabled_when=lambda: self.schedule is None and bool(self.year.currentText()))
        self.add_command("rooms", self.edit_rooms, kind="other", enabled_when=has)
        self.buttons = {k: self.commands[k] for k in ("add", "edit", "delete", "copy", "generate", "rooms")}
        self.translations_action = self.add_command("translations", lambda: self.open_translations(), kind="other",
                                                    enabled_when=has)
        from desktop.views.translations import content_language_command

        content_language_command(self, lambda: self._reload())  # names: originals or interface language
        self.by = QComboBox()
        self.by.addItem("", "course")
        self.by.addItem("", "programme")
        self.by_label = QLabel()

        # Search finds exams in the list (discipline, examiner, room, group): typing shows the list.
        self.search = QLineEdit()
        self.search.textChanged.connect(self._search)
        self.header = PageHeader(self, context=[self.year, self.kind, self.start, self.end, self.country],
                                 search=self.search)
        self.set_search(self.search)
        self.title = self.header.title
        for combo in (self.course, self.programme, self.examiner, self.room):
            combo.setSizeAdjustPolicy(combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._filter_changed)
        self.filters = FilterBar(list(zip(self.filter_labels, (self.course, self.programme, self.examiner,
                                                               self.room), strict=True)) + [(self.by_label, self.by)],
                                 reset=self.reset_filters)
        self.legend = Legend([("danger", N_("Error: the exam breaks a rule")),
                              ("warn", N_("Warning")), ("neutral", N_("Day off"))])
        self.empty = EmptyState(self, ["create_session"])
        self.create_button = self.empty.buttons[0]
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.filters)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.legend)
        self.set_list(self.list)
        self.set_list(self.grid)
        self._loading = False
        self.year.currentIndexChanged.connect(self._session_changed)
        self.kind.currentIndexChanged.connect(self._session_changed)
        self.retranslate_ui()
        self.refresh()

    # Texts ------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.header.set_title(_("Exam sessions"))
        self.set_search(self.search)
        for i, k in enumerate(ex.SessionKind):
            self.kind.setItemText(i, ex.SessionKind(k).label())
        self.by_label.setText(_("Export:"))
        self.legend.retranslate()
        self.empty.set_text(_("The exam session of the chosen year: a matrix of days and groups, checked against "
                              "the rules and the days off. Create the session to start planning it."))
        self.tabs.setTabText(0, _("Matrix"))
        self.tabs.setTabText(1, _("List"))
        for label, text in zip(self.filter_labels, (_("Course"), _("Programme"), _("Examiner"), _("Room")),
                               strict=True):
            label.setText(text)
        self.set_command_texts({
            "add": _("Add exam"), "edit": _("Edit"), "delete": _("Delete"), "copy": _("Copy to groups…"),
            "generate": _("Draft for groups…"), "rooms": _("Rooms and disciplines…"),
            "create_session": _("Create the session"),
            "list_xlsx": _("List to Excel…"), "matrix_xlsx": _("Matrix to Excel…"),
            "examiner_xlsx": _("Examiners' timetables to Excel…"), "room_xlsx": _("Rooms' timetables to Excel…"),
            "list_pdf": _("List to PDF…"), "matrix_pdf": _("Matrix to PDF…"),
            "examiner_pdf": _("Examiners' timetables to PDF…"), "room_pdf": _("Rooms' timetables to PDF…"),
            "preview": _("Print preview of the matrix"),
            "translations": _("Translate disciplines and rooms…"),
            "content_lang": _("Show texts in the interface language")})
        self.by.setItemText(0, _("Sheet per course"))
        self.by.setItemText(1, _("Sheet per programme"))
        self.filters.retranslate()
        if self.schedule is not None and getattr(self, "_conflicts_lang", None) not in (None, current_language()):
            self._recheck()  # the conflicts' messages are written in the language they were found in
        self._fill_filters()
        self._show()

    def _recheck(self) -> None:
        with self.ctx.db.session() as s:
            rules = rules_for(s, self.schedule)
        self.conflicts = find_conflicts(self.schedule, rules)
        self.days_off = rules.days_off
        self._conflicts_lang = current_language()

    # Loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._loading = True
        try:
            with self.ctx.db.session() as s:
                from desktop.models.students import academic_years

                years = academic_years(s)
            current = self.year.currentText()
            self.year.clear()
            self.year.addItems(years or [ex_default_year()])
            self.year.setCurrentIndex(max(0, self.year.findText(current or ex_default_year())))
            if not current:
                self.kind.setCurrentIndex(max(0, self.kind.findData(ui_settings.get(KIND))))
        finally:
            self._loading = False
        self._reload()

    def _session_changed(self) -> None:
        if self._loading:
            return
        ui_settings.put(KIND, self.kind.currentData())
        self._reload()

    def _reload(self) -> None:
        year, kind = self.year.currentText(), self.kind.currentData()
        with self.ctx.db.session() as s:
            self.session_id = ex.find_session(s, year, kind) if year else None
            if self.session_id is None:
                self.schedule, self.conflicts, days_off = None, [], {}
                self.original_schedule = None
            else:
                self.schedule = ops.load_schedule(s, self.session_id)
                from desktop.models.text_versions import version_text_index
                from desktop.views.translations import content_language

                # the search finds an exam by any version of its discipline's and rooms' names
                search = {("discipline", k): v for k, v in version_text_index(s, "discipline").items()}
                search.update({("room", k): v for k, v in version_text_index(s, "room").items()})
                for did, name in self.schedule.disciplines.items():
                    search[("discipline", did)] = f"{search.get(('discipline', did), '')}\n{name}"
                for rid, (name, _cap, building) in self.schedule.rooms.items():
                    search[("room", rid)] = f"{search.get(('room', rid), '')}\n{name}\n{building}"
                self.list_proxy.versions = search
                self.original_schedule = self.schedule  # reports localize the originals themselves
                if lang := content_language():
                    from desktop.models.text_documents import localize_schedule

                    self.schedule = localize_schedule(s, self.schedule, lang)[0]
                rules = rules_for(s, self.schedule)
                self.conflicts = find_conflicts(self.schedule, rules)
                days_off = rules.days_off
                self._conflicts_lang = current_language()
        self.days_off = days_off
        self._fill_filters()
        self._show()

    def _fill_filters(self) -> None:
        s = self.schedule
        saved = (ui_settings.get(FILTERS) or ";;;").split(";") + [""] * 4
        items = [
            sorted({(g.course, _("Course {course}").format(course=g.course)) for g in s.groups.values()}) if s else [],
            sorted({(g.programme_id, g.programme_code) for g in s.groups.values() if g.programme_id},
                   key=lambda x: x[1]) if s else [],
            sorted(s.staff.items(), key=lambda x: x[1]) if s else [],
            [(r, v[0]) for r, v in s.rooms.items()] if s else [],
        ]
        self._loading = True
        try:
            for combo, values, want in zip((self.course, self.programme, self.examiner, self.room), items, saved,
                                           strict=False):
                current = combo.currentData() if combo.count() else (int(want) if want.isdigit() else None)
                combo.clear()
                combo.addItem(_("All"), None)
                for value, text in values:
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(0, combo.findData(current)))
        finally:
            self._loading = False

    def current_filter(self) -> ExamFilter:
        return ExamFilter(self.course.currentData(), self.programme.currentData(), self.examiner.currentData(),
                          self.room.currentData())

    def status_text(self) -> str:
        """The status bar: the selection, then the session's conflicts."""
        base = super().status_text()
        if self.schedule is None:
            return base
        errors = sum(c.severity == "error" for c in self.conflicts)
        counts = _("Conflicts: {errors} errors, {warnings} warnings").format(
            errors=errors, warnings=len(self.conflicts) - errors)
        return f"{base}    {counts}" if base else counts

    def reset_filters(self) -> None:
        for combo in (self.course, self.programme, self.examiner, self.room):
            combo.setCurrentIndex(0)
        self.search.clear()

    def _search(self, text: str) -> None:
        self.list_proxy.set_text(text)
        if text.strip():
            self.tabs.setCurrentIndex(1)

    def _filter_changed(self) -> None:
        if self._loading:
            return
        f = self.current_filter()
        ui_settings.put(FILTERS, ";".join("" if v is None else str(v)
                                          for v in (f.course, f.programme, f.examiner, f.room)))
        self._show()

    def _show(self) -> None:
        if not hasattr(self, "days_off"):
            return
        s, flt = self.schedule, self.current_filter()
        self.grid_model.set_schedule(s, self.conflicts, self.days_off, flt)
        self._fit_rows()
        self.list_model.set_schedule(s, self.conflicts)
        self.list_proxy.set_filter(flt)
        self.conflict_model.set_conflicts(self.conflicts)
        errors = sum(c.severity == "error" for c in self.conflicts)
        self.conflict_label.setText(_("Conflicts: {errors} errors, {warnings} warnings").format(
            errors=errors, warnings=len(self.conflicts) - errors))
        has = s is not None
        self.filters.reset_button.setVisible(any(c.currentIndex() > 0 for c in (self.course, self.programme,
                                                                                 self.examiner, self.room)))
        self.empty.setVisible(not has)
        for w in (self.splitter, self.filters, self.legend):
            w.setVisible(has)
        for w in (self.start, self.end):
            w.setEnabled(has)
            w.setVisible(has)
        self.update_commands()
        if has:
            self._loading = True
            self.start.setDate(QDate(s.start.year, s.start.month, s.start.day))
            self.end.setDate(QDate(s.end.year, s.end.month, s.end.day))
            self._loading = False
            self.country.setText(s.country)
        else:
            self.country.setText("")

    def _fit_rows(self) -> None:
        """A day's row is as tall as its fullest cell needs: every exam of a cell stays visible."""
        header = self.grid.verticalHeader()
        unit = header.defaultSectionSize()
        for row, count in enumerate(self.grid_model.row_exams):
            if header.sectionSize(row) != unit * count:
                header.resizeSection(row, unit * count)

    def on_changed(self, changes: Change) -> None:
        if changes & Change.EXAMS:
            self._reload()

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

    def delete_exams(self, exam_ids: list[int]) -> None:
        from desktop.views.common.mass_delete import backup_before_delete

        if not backup_before_delete(self, len(exam_ids)):
            return
        self._do(_("Delete exam"), bind(xops.delete_exams_op, exam_ids))

    def move_exam(self, exam_id: int, from_group: int | None, day: dt.date, to_group: int | None) -> None:
        self._do(_("Move exam"), bind(xops.move_exam_op, exam_id, day, from_group, to_group))

    def copy_to_groups(self, exam_id: int, group_ids: list[int], day: dt.date | None = None) -> None:
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

    def generate_for(self, group_ids: list[int]) -> list[tuple[int, int]]:
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


def ex_default_year() -> str:
    from desktop.models.org import academic_year_of

    return academic_year_of(clock.today())
