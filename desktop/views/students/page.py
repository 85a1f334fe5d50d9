"""Students and groups: the start page. A tree of programmes, courses and groups; the students of
the selection in a filtered, sortable table; cards, movements under orders, import and export.

This module builds the page (widgets, commands, ``retranslate_ui``); how the list loads and filters
is in ``listing.py``, what the commands do in ``actions.py``, the dialogs in ``dialogs.py``."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models.contingent import Funding, StudentStatus, StudyForm
from desktop.models.operations import Change
from desktop.views import settings as ui_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.page import EmptyState, FilterBar, PageHeader
from desktop.views.students.actions import StudentsActions
from desktop.views.students.listing import FIRST_SCREEN, StudentsListing  # noqa: F401  (FIRST_SCREEN: tests)
from desktop.views.students.models import (
    STUDENT_COLUMNS,
    StudentTableModel,
)
from desktop.views.students.tree import GroupTreeModel

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


class StudentsArea(StudentsListing, StudentsActions, AreaPage):
    shows = (Change.STUDENTS | Change.GROUPS | Change.PROGRAMMES | Change.STAFF | Change.CURATORS | Change.RESULTS
             | Change.FACULTY)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self._build_list()
        self._build_filters()
        self._build_commands()
        self.empty = EmptyState(self, ["import", "template", "enrol"])
        self.header = PageHeader(self, search=self.search)
        self.title = self.header.title
        self.set_search(self.search)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.filters)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self._split(), 1)
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

    def _build_list(self) -> None:
        """The group tree and the student table (sorted by the user, cards on double-click)."""
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

    def _build_filters(self) -> None:
        """The search field and the filter bar (status, funding, study form, course, columns)."""
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

    def _build_commands(self) -> None:
        """One QAction each (the bar, the Students menu, the context menu, the keys)."""
        one = lambda: len(self.selected_ids()) == 1  # noqa: E731
        some = lambda: bool(self.selected_ids())  # noqa: E731
        self.add_command("enrol", self.enrol_student, kind="primary", role="new", icon="new")
        self.add_command("card", self.open_card, role="open", icon="edit", enabled_when=one)
        self.add_command("move", self.move_selected, enabled_when=some)
        self.add_command("promote", self.promote_selected_groups,
                         enabled_when=lambda: bool(getattr(self, "groups", None)))
        self.add_command("head", self.make_group_head, enabled_when=one)
        self.add_command("dlt", self.grant_dlt, enabled_when=one)
        self.act_group_pdf = self.add_command("group_list", self.print_group_list, kind="print", role="preview",
                                              enabled_when=lambda: self.current_group_id() is not None)
        self.act_headcount_pdf = self.add_command("headcount_pdf", lambda: self.headcount("pdf"), kind="print")
        self.act_xlsx = self.add_command("excel", lambda: self.export_xlsx(False), kind="excel", role="excel")
        self.act_xlsx_groups = self.add_command("excel_groups", lambda: self.export_xlsx(True), kind="excel")
        self.act_headcount_xlsx = self.add_command("headcount_xlsx", lambda: self.headcount("xlsx"), kind="excel")
        self.add_command("import", self.choose_import, kind="file", icon="import")

    def _split(self) -> QSplitter:
        """The tree beside the table (the split kept per user)."""
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.view, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 900])
        ui_settings.remember_split(self.splitter, SPLITTER)
        return self.splitter

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


