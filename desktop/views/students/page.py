"""Students and groups: the start page. A tree of programmes, courses and groups; the students of
the selection in a filtered, sortable table; cards, movements under orders, import and export."""

from __future__ import annotations

import datetime as dt
import io
import json

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop import clock, dates
from desktop.i18n import _, ngettext
from desktop.models import movements, operations, students
from desktop.models.base import DomainError
from desktop.models.contingent import (
    Funding,
    Student,
    StudentStatus,
    StudyForm,
)
from desktop.models.operations import Change, bind
from desktop.views import settings as ui_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.forms import ok_cancel
from desktop.views.common.operations import run
from desktop.views.common.page import EmptyState, FilterBar, PageHeader
from desktop.views.students.models import (
    GROUPS_ROLE,
    STUDENT_COLUMNS,
    GroupTreeModel,
    StudentFilter,
    StudentTableModel,
)

FIRST_SCREEN = 200  # students shown before the whole list has loaded
# The rest of the list loads this long after the first screen is painted: well after the events
# queued with that paint, even on a busy machine. At 10 ms, a process the system paused for a
# moment ran the whole load (0.2-0.6 s for 20,000 students) inside the same round of events as the
# first paint, so the window showed its first screen only after the whole list had loaded (in about
# half the starts measured on two busy cores).
REST_DELAY_MS = 200
HIDDEN_COLUMNS = ui_settings.STUDENTS_HIDDEN_COLUMNS
FILTERS = ui_settings.STUDENTS_FILTERS
SPLITTER = ui_settings.STUDENTS_SPLITTER


class StudentTableView(QTableView):
    """The student table; tells once when it has first painted its rows."""

    first_painted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._painted = False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()


class StudentsArea(AreaPage):
    shows = (Change.STUDENTS | Change.GROUPS | Change.PROGRAMMES | Change.STAFF | Change.CURATORS | Change.RESULTS
             | Change.FACULTY)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.tree_model = GroupTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.model = StudentTableModel(self)
        self.model.on_edit = self._edit
        self.view = StudentTableView()
        self.view.first_painted.connect(self._on_first_paint)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setStretchLastSection(True)
        # One convention everywhere: double-click (or Enter) opens the card, F2 edits the cell in place
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        for i, (key, _t, _d) in enumerate(STUDENT_COLUMNS):
            self.view.setColumnWidth(i, {"last_name": 150, "patronymic": 130, "record_book": 150, "status": 150,
                                         "email": 180}.get(key, 100))
        self.view.doubleClicked.connect(lambda _index: self.open_card())

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.funding = QComboBox()
        self.form = QComboBox()
        self.course = QComboBox()
        self.columns_button = QToolButton()
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self.columns_button)
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self.columns_button.setMenu(self.columns_menu)
        for combo in (self.status, self.funding, self.form, self.course):
            combo.setMinimumWidth(60)  # full width when there is room, narrow when the window is
        self.search.setMinimumWidth(80)
        self.filter_labels = [QLabel() for _i in range(4)]
        self.filters = FilterBar(list(zip(self.filter_labels, (self.status, self.funding, self.form, self.course),
                                          strict=True)) + [(None, self.columns_button)], reset=self.reset_filters)
        self.count = self.filters.shown

        # Commands: one QAction each (the bar, the Students menu, the context menu, the keys).
        one = lambda: len(self.selected_ids()) == 1  # noqa: E731
        some = lambda: bool(self.selected_ids())  # noqa: E731
        self.add_command("enrol", self.enrol_student, kind="primary", role="new", icon="new")
        self.add_command("card", self.open_card, role="open", icon="edit", enabled_when=one)
        self.add_command("move", self.move_selected, enabled_when=some)
        self.add_command("promote", self.promote_selected_groups, enabled_when=lambda: bool(getattr(self, "groups", None)))
        self.add_command("head", self.make_group_head, enabled_when=one)
        self.add_command("dlt", self.grant_dlt, enabled_when=one)
        self.act_group_pdf = self.add_command("group_list", self.print_group_list, kind="print", role="preview",
                                              enabled_when=lambda: self.current_group_id() is not None)
        self.act_headcount_pdf = self.add_command("headcount_pdf", lambda: self.headcount("pdf"), kind="print")
        self.act_xlsx = self.add_command("excel", lambda: self.export_xlsx(False), kind="excel", role="excel")
        self.act_xlsx_groups = self.add_command("excel_groups", lambda: self.export_xlsx(True), kind="excel")
        self.act_headcount_xlsx = self.add_command("headcount_xlsx", lambda: self.headcount("xlsx"), kind="excel")
        self.add_command("import", self.choose_import, kind="file", icon="import")
        self.empty = EmptyState(self, ["import", "template", "enrol"])

        self.header = PageHeader(self, search=self.search)
        self.title = self.header.title
        self.set_search(self.search)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.view, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 900])
        state = ui_settings.get(SPLITTER)
        if state:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(lambda *_a: ui_settings.put(SPLITTER, self.splitter.saveState()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.filters)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.splitter, 1)
        self.set_list(self.view)

        self._fill_filter_combos()
        self._restore_filters()
        self.search.textChanged.connect(self.apply_filter)
        for combo in (self.status, self.funding, self.form, self.course):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.tree.selectionModel().selectionChanged.connect(self.apply_filter)
        self.loading = False
        self.retranslate_ui()
        self._first_load()
        self._apply_hidden_columns()

    # Texts ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.header.set_title(_("Students and groups"))
        self.set_search(self.search)
        self.search.setToolTip(_("Filter by name, record-book number or group…"))
        self.columns_button.setText(_("Columns"))
        self.set_command_texts({
            "enrol": _("Enrol…"), "card": _("Card"), "move": _("Movement…"), "promote": _("Promote groups…"),
            "head": _("Make group head"), "dlt": _("DLT permission…"), "import": _("Import a list from Excel…"),
            "excel": _("Students to Excel…"), "excel_groups": _("Students to Excel, a sheet per group…"),
            "headcount_xlsx": _("Headcount to Excel…"), "group_list": _("Group list…"),
            "headcount_pdf": _("Headcount…")})
        for label, text in zip(self.filter_labels, (_("Status:"), _("Funding:"), _("Study form:"), _("Course:")),
                               strict=True):
            label.setText(text)
        self.filters.retranslate()
        self.empty.set_text(_("The faculty's students by group: enrolment, movements, cards and lists. "
                              "Import the list from Excel, or enrol the first student by hand."))
        blocked = [c.blockSignals(True) for c in (self.status, self.funding, self.form, self.course)]
        for combo, everything, labels in ((self.status, _("Any status"), StudentStatus.labels()),
                                          (self.funding, _("Any funding"), Funding.labels()),
                                          (self.form, _("Any study form"), StudyForm.labels())):
            combo.setItemText(0, everything)
            for i, key in enumerate(labels, 1):
                combo.setItemText(i, _(labels[key]))
        self.course.setItemText(0, _("Any course"))
        for i in range(1, 7):
            self.course.setItemText(i, _("Course {course}").format(course=i))
        for c, b in zip((self.status, self.funding, self.form, self.course), blocked, strict=True):
            c.blockSignals(b)
        self.model.retranslate()
        header = self.view.horizontalHeader()
        for i in range(self.model.columnCount()):  # "Зачеттук китепченин номери" is wider than "Record-book number"
            header.resizeSection(i, max(header.sectionSize(i), header.sectionSizeHint(i)))
        self.tree_model.layoutChanged.emit()
        self._update_count()

    def _fill_filter_combos(self) -> None:
        for combo, labels in ((self.status, StudentStatus.labels()), (self.funding, Funding.labels()),
                              (self.form, StudyForm.labels())):
            combo.addItem("", None)
            for key in labels:
                combo.addItem("", key.value)
        self.course.addItem("", None)
        for i in range(1, 7):
            self.course.addItem("", i)

    # Data -------------------------------------------------------------------------------
    def _first_load(self) -> None:
        """Open with the first screen of students by name and load the rest just after the first
        paint: a faculty of 20,000 sees its list at once, complete a moment later."""
        if self.model.sort_column != 0 or self.model.sort_order != Qt.SortOrder.AscendingOrder:
            self.refresh()
            return
        with self.ctx.db.session() as s:
            groups = students.group_rows(s)
            rows = students.student_rows(s, iso_dates=True, first=FIRST_SCREEN + 1)
        if len(rows) <= FIRST_SCREEN:
            self._show(groups, rows)
            return
        self.loading = True
        self._show(groups, rows[:FIRST_SCREEN])  # the rest loads once this screen is painted

    def _on_first_paint(self) -> None:
        if self.loading:
            # Shortly after this paint, once the events queued with it have run; the whole list
            # (about 0.2 s for 20,000 students) then blocks nothing the user already sees.
            QTimer.singleShot(REST_DELAY_MS, self._finish_loading)

    def _finish_loading(self) -> None:
        if self.loading:
            self.refresh()

    def refresh(self) -> None:
        with self.ctx.db.session() as s:
            groups = students.group_rows(s)
            rows = students.student_rows(s, iso_dates=True)
        self.loading = False
        self._show(groups, rows)
        self.model.prepare_search()  # ready before the first keystroke

    def _show(self, groups: list[dict], rows: list[tuple]) -> None:
        self.groups = groups
        selected = self._selected_group_ids()
        self.tree_model.set_groups(self.groups)
        self.tree.expandToDepth(0)
        self.model.set_rows(rows)
        if selected is not None and len(selected) == 1:
            index = self.tree_model.find_group(next(iter(selected)))
            if index.isValid():
                self.tree.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.apply_filter()

    def _selected_group_ids(self) -> frozenset[int] | None:
        indexes = self.tree.selectionModel().selectedIndexes() if self.tree.selectionModel() else []
        if not indexes or self.tree_model.data(indexes[0], Qt.ItemDataRole.UserRole) == "all":
            return None
        return frozenset(indexes[0].data(GROUPS_ROLE) or [])

    def current_filter(self) -> StudentFilter:
        return StudentFilter(self.search.text(), self.status.currentData(), self.funding.currentData(),
                             self.form.currentData(), self.course.currentData(), self._selected_group_ids())

    def apply_filter(self, *_args) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()
        ui_settings.put(FILTERS, json.dumps({"status": self.status.currentData(), "funding": self.funding.currentData(),
                                             "form": self.form.currentData(), "course": self.course.currentData()}))

    def _restore_filters(self) -> None:
        saved = json.loads(ui_settings.get(FILTERS) or "{}")
        for combo, key in ((self.status, "status"), (self.funding, "funding"), (self.form, "form"),
                           (self.course, "course")):
            combo.setCurrentIndex(max(combo.findData(saved.get(key)), 0))

    def reset_filters(self) -> None:
        for combo in (self.status, self.funding, self.form, self.course):
            combo.setCurrentIndex(0)
        self.search.clear()
        self.tree.clearSelection()

    def _update_count(self) -> None:
        self.filters.reset_button.setVisible(bool(self.search.text()) or any(
            c.currentIndex() > 0 for c in (self.status, self.funding, self.form, self.course)))
        empty = not self.loading and not self.model.rows
        self.empty.setVisible(empty)
        self.splitter.setVisible(not empty)
        self.filters.setVisible(not empty)
        if self.loading:
            self.filters.set_shown_text(_("Loading the whole list…"))
            return
        self.filters.set_shown_text(_("Students shown: {shown} of {total}").format(
            shown=self.model.rowCount(), total=len(self.model.rows)))
        self.update_commands()

    # Columns ----------------------------------------------------------------------------
    def hidden_columns(self) -> set[str]:
        return set(json.loads(ui_settings.get(HIDDEN_COLUMNS)))

    def _apply_hidden_columns(self) -> None:
        hidden = self.hidden_columns()
        for i, (key, _t, _d) in enumerate(STUDENT_COLUMNS):
            self.view.setColumnHidden(i, key in hidden)

    def set_column_visible(self, key: str, visible: bool) -> None:
        hidden = self.hidden_columns()
        hidden = hidden - {key} if visible else hidden | {key}
        ui_settings.put(HIDDEN_COLUMNS, json.dumps(sorted(hidden)))
        self._apply_hidden_columns()

    def _fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        hidden = self.hidden_columns()
        for key, title, _d in STUDENT_COLUMNS:
            act = self.columns_menu.addAction(_(title))
            act.setCheckable(True)
            act.setChecked(key not in hidden)
            act.toggled.connect(lambda on, key=key: self.set_column_visible(key, on))

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

    def enrol(self, values: dict) -> bool:
        return self._do(_("Enrolment"), bind(students.add_student_op, **values))

    def enrol_student(self) -> None:
        from desktop.views.students.dialogs import NewStudentDialog

        active = [g for g in self.groups if g.get("active", True)]
        if not active:
            if not self.ask_new_group():
                return
            active = [g for g in self.groups if g.get("active", True)]
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

        def create(values: dict) -> bool:
            return self._do(_("Add group"), bind(group_model.create_group_op, **values))

        return NewGroupDialog(programmes, create, self).exec() == QDialog.DialogCode.Accepted

    def move_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, _("Students and groups"), _("Select the students first."))
            return
        from desktop.views.students.dialogs import MovementDialog

        dialog = MovementDialog([g for g in self.groups if g.get("active", True)], len(ids), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            kind, order, group_id, reason = dialog.values()
            self.apply_movement(ids, kind, order, group_id, reason)

    def promote_groups(self, group_ids: list[int], order) -> bool:
        from desktop.models import debts  # students with more open debts than allowed stay back

        return self._do(ngettext("Promote {n} group", "Promote {n} groups", len(group_ids)).format(n=len(group_ids)),
                        bind(debts.promote_op, group_ids, order))

    def promote_selected_groups(self) -> None:
        from desktop.views.common.forms import date_edit, to_date

        group_ids = sorted(self._selected_group_ids() or [g["id"] for g in self.groups])
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

    def add_dlt(self, student_id: int, values: dict) -> bool:
        from desktop.models import dlt

        return self._do(_("Distance-learning permission"), bind(dlt.grant_dlt_op, student_id, **values))

    def card_data(self, student_id: int):
        from desktop.models import dlt
        from desktop.models.contingent import Funding, Gender, StudyForm

        with self.ctx.db.session() as s:
            st = s.get(Student, student_id)
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
        """The selected student's card (a StudentCard), or None with nothing selected."""
        ids = self.selected_ids()
        if not ids:
            return None
        info = self.card_data(ids[0])
        from desktop.views.common.history import show_history
        from desktop.views.students.dialogs import StudentCard

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
        from desktop.reports.student_import_plan import plan_import

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
        from desktop.reports.student_import_plan import apply_import, plan_import
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
                                                "Imported: {n} students added, {m} changed.", result["added"]).format(
            n=result["added"], m=result["changed"]))
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
        from desktop.views.common.forms import date_edit, to_date
        from desktop.views.common.printing import preview_pdf

        dialog = QDialog(self)
        dialog.setWindowTitle(_("Headcount"))
        day = date_edit()
        lay = QVBoxLayout(dialog)
        lay.addWidget(QLabel(_("Headcount on the date:")))
        lay.addWidget(day)
        buttons = ok_cancel(dialog)
        lay.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        on = to_date(day)
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
