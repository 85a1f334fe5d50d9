"""The exam sessions area: the matrix of dates by groups and the list of exams over one schedule,
filters, the conflicts list (click to jump to the cell), the draft generator, exports.

This module builds the page (widgets, commands, ``retranslate_ui``); how a schedule loads and is
filtered is in ``listing.py``, what the commands do in ``actions.py``, the dialogs in ``dialogs.py``
and ``rooms_dialog.py``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import N_, _, current_language
from desktop.models import exam_schedule as ops
from desktop.models import exams as ex
from desktop.models.operations import Change
from desktop.views import settings as ui_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.forms import date_edit
from desktop.views.common.page import EmptyState, FilterBar, Legend, row_table
from desktop.views.exams.actions import ExamsActions
from desktop.views.exams.listing import ExamsListing
from desktop.views.exams.models import (
    ConflictListModel,
    ExamGridModel,
    ExamListModel,
    ExamListProxy,
)

SPLITTER = ui_settings.EXAMS_SPLITTER


class ExamsArea(ExamsListing, ExamsActions, AreaPage):
    shows = Change.EXAMS | Change.TEXTS  # own and others' changes reload the session (on_changed)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.schedule: ops.Schedule | None = None
        self.original_schedule: ops.Schedule | None = None  # self.schedule before its names were localized
        self.session_id: int | None = None
        self.conflicts = []
        self._build_choosers()
        self._build_grid()
        self._build_list()
        self._build_conflicts()
        self._build_splitter()
        self._build_commands()
        self._build_bands()
        self._loading = False
        self.year.currentIndexChanged.connect(self._session_changed)
        self.kind.currentIndexChanged.connect(self._session_changed)
        self.retranslate_ui()
        self.refresh()

    # Layout -----------------------------------------------------------------------------------
    def _build_choosers(self) -> None:
        """The session chosen (year, kind, dates) and the filters of what it shows."""
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

    def _build_grid(self) -> None:
        """The matrix of days by groups; an exam is dragged to another day."""
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

    def _build_list(self) -> None:
        self.list_model = ExamListModel(self)
        self.list_proxy = ExamListProxy(self)
        self.list_proxy.setSourceModel(self.list_model)
        self.list = row_table(self.list_proxy, sort_column=0)
        self.list.doubleClicked.connect(self.edit_exam)

    def _build_conflicts(self) -> None:
        """The conflicts found; a click jumps to the exam's cell."""
        self.conflict_model = ConflictListModel(self)
        self.conflict_view = row_table(self.conflict_model)
        self.conflict_view.setWordWrap(True)
        self.conflict_view.clicked.connect(self.jump_to_conflict)
        self.conflict_view.activated.connect(self.jump_to_conflict)
        self.conflict_label = QLabel()

    def _build_splitter(self) -> None:
        """Matrix and list as tabs above the conflicts."""
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
        ui_settings.remember_split(self.splitter, SPLITTER)

    def _build_commands(self) -> None:
        """One QAction each (the bar, the Exam sessions menu, the context menu, the keys)."""
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

    def _build_bands(self) -> None:
        """Header (session, search), command bar, filters, then the schedule or the empty state,
        and the legend."""
        self.by = QComboBox()
        self.by.addItem("", "course")
        self.by.addItem("", "programme")
        self.by_label = QLabel()
        # Search finds exams in the list (discipline, examiner, room, group): typing shows the list.
        self.search = QLineEdit()
        self.search.textChanged.connect(self._search)
        self.page_header([self.year, self.kind, self.start, self.end, self.country], search=self.search)
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
        self.stack_bands(self.header, self.command_bar(), self.filters, fill=[self.empty, self.splitter],
                         below=[self.legend])
        self.set_list(self.list)
        self.set_list(self.grid)

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


