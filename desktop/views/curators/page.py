"""Curator reports: the dean's office's matrix with a group's history, the curator's report
form, and the teacher's distance-teaching log.

This module builds the page (widgets, commands, ``retranslate_ui``); how the matrix loads and what
it shows is in ``listing.py``, what the commands do in ``actions.py``, the matrix's and the history's
table models in ``matrix.py``, the report form and the log in ``report_form.py`` and ``teaching_log.py``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models.curators import CELL_STATE_ROLES, CellState
from desktop.models.operations import Change
from desktop.reports.curator_matrix import STATE_ORDER
from desktop.views import settings as user_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.forms import date_edit
from desktop.views.common.page import FrozenColumns, Legend, PageHeader
from desktop.views.common.tablemodel import RecordTableModel
from desktop.views.curators.actions import CuratorsActions
from desktop.views.curators.listing import CuratorsListing
from desktop.views.curators.matrix import FIXED, HISTORY_COLUMNS, MatrixModel
from desktop.views.curators.report_form import ReportForm
from desktop.views.curators.teaching_log import TeachingLogPanel

SPLITTER = user_settings.CURATORS_SPLITTER
# The report form's and the log's buttons, offered as commands of the area (menu and More).
PANE_COMMANDS = (("form", ("start", "copy", "submit", "accept", "return", "preview")),
                 ("log", ("add", "delete", "preview", "excel")))


class CuratorsArea(CuratorsListing, CuratorsActions, AreaPage):
    shows = Change.CURATORS  # own changes reload the matrix, form and log (on_changed)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.tabs = QTabWidget()
        self._build_matrix()
        self._build_commands()
        self._build_header()
        self.form = ReportForm(self)
        self.log = TeachingLogPanel(self)
        self._build_pane_commands()
        self.tabs.addTab(self._matrix_tab(), "")
        self.tabs.addTab(self.form, "")
        self.tabs.addTab(self.log, "")
        self.tabs.currentChanged.connect(lambda _i: self._scope_commands())
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.tabs, 1)
        self.set_list(self.matrix_view)
        self._scope_commands()
        self._connect()
        self.refresh()

    def _build_matrix(self) -> None:
        """The matrix, frozen at its curator and group columns, with its counts and a group's history."""
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

    def _build_commands(self) -> None:
        """One QAction each (the bar, the Curator reports menu, the context menu, the keys). Every
        report of one month, one after another: the office files them on paper."""
        on_cell = lambda: self.matrix_view.currentIndex().isValid()  # noqa: E731
        self.add_command("open", lambda: self.open_cell(self.matrix_view.currentIndex()), kind="primary",
                         role="open", icon="edit", enabled_when=on_cell)
        self.add_command("change", self.change_curator, enabled_when=on_cell)
        self.add_command("preview", self.preview, kind="print", role="preview")
        self.month_preview_action = self.add_command("month_preview", self.preview_month, kind="print")
        self.add_command("excel", self.export_xlsx, kind="excel", role="excel")
        self.month_excel_action = self.add_command("month_excel", self.export_month_xlsx, kind="excel")

    def _build_header(self) -> None:
        self.year_label, self.as_of_label = QLabel(), QLabel()
        self.search = QLineEdit()  # finds a curator or a group in the matrix (Ctrl+F)
        self.search.textChanged.connect(self._find)
        self.header = PageHeader(self, context=[self.year_label, self.year, self.as_of_label, self.as_of],
                                 search=self.search)
        self.set_search(self.search)
        self.title = self.header.title
        self.legend = Legend([(CELL_STATE_ROLES[st], CellState.labels()[st]) for st in STATE_ORDER])

    def _build_pane_commands(self) -> None:
        """The report form's and the log's buttons, as commands of the area (menu and More)."""
        self._pane_buttons: dict[str, QPushButton] = {}
        for prefix, names in PANE_COMMANDS:
            pane = self.form if prefix == "form" else self.log
            for name in names:
                button = getattr(pane, f"{name}_button")
                key = f"{prefix}_{name}"
                kind = "print" if name == "preview" else "excel" if name == "excel" else "other"
                self.add_command(key, button.click, kind=kind, enabled_when=button.isEnabled)
                self._pane_buttons[key] = button

    def _matrix_tab(self) -> QWidget:
        """The matrix above the group's history (the split kept per user), the legend and the counts."""
        history = QWidget()
        hl = QVBoxLayout(history)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(self.history_title)
        hl.addWidget(self.history_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.matrix_view)
        self.splitter.addWidget(history)
        self.splitter.setStretchFactor(0, 3)
        user_settings.remember_split(self.splitter, SPLITTER)
        tab = QWidget()
        ml = QVBoxLayout(tab)
        ml.addWidget(self.splitter, 1)
        ml.addWidget(self.legend)
        ml.addWidget(self.counts)
        return tab

    def _connect(self) -> None:
        self.year.activated.connect(lambda _i: self._year_chosen())
        self.as_of.dateChanged.connect(lambda _d: self.load_matrix())
        self.matrix_view.doubleClicked.connect(self.open_cell)
        self.matrix_view.selectionModel().currentChanged.connect(lambda cur, _prev: self.load_history(cur))

    # Texts ---------------------------------------------------------------------------
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
