"""The session results area: grade sheets with a keyboard-first results grid, the debts register,
the session's summary and the orders register; exports, the filled Excel sheet back, retakes and
promotion that holds debtors back.

This module builds the page (widgets, tabs, commands, ``retranslate_ui``); how a session and its
lists load is in ``listing.py``, what the commands do in ``actions.py``, the table columns in
``models.py``, the dialogs in ``dialogs.py``."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models import grading
from desktop.models import results as rm
from desktop.models.exams import (
    SessionKind,
)
from desktop.models.operations import Change
from desktop.views import settings as ui_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.page import PageHeader, find_in_view, shortcut_text
from desktop.views.common.tablemodel import RecordTableModel, TextFilterProxy
from desktop.views.results.actions import ResultsActions
from desktop.views.results.listing import ResultsListing
from desktop.views.results.models import DEBT_COLUMNS, ORDER_COLUMNS, SHEET_COLUMNS, SUMMARY_COLUMNS

SPLITTER = ui_settings.RESULTS_SPLITTER
TAB = ui_settings.RESULTS_TAB

# The exports, each a command: its kind (the bar's PDF or Excel button) and the tab it acts on
# (None: the whole session, shown on every tab).
EXPORTS = (("sheet_blank_pdf", 0), ("sheet_pdf", 0), ("sheet_xlsx", 0), ("slips_pdf", 0), ("all_sheets_pdf", None),
           ("debts_xlsx", 1), ("debts_pdf", 1), ("summary_xlsx", 2), ("summary_pdf", 2))


class ResultsArea(ResultsListing, ResultsActions, AreaPage):
    shows = Change.RESULTS

    def on_changed(self, changes: Change) -> None:
        """Each operation's ``after`` reloads the part of the page it changed (the grid, the sheets)."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.sheet: rm.Sheet | None = None
        self.session_id: int | None = None
        self.year = QComboBox()
        self.kind = QComboBox()
        for k in SessionKind:
            self.kind.addItem("", k.value)
        # One search field in the header (Ctrl+F) for the tab shown: it finds a grade sheet or a
        # summary row, filters the debts, searches the orders.
        self.search = QLineEdit()
        self.search.textChanged.connect(self._search)
        self.debt_filter = self.order_search = self.search
        self.tabs = QTabWidget()
        for w in (self._sheets_tab(), self._debts_tab(), self._summary_tab(), self._orders_tab()):
            self.tabs.addTab(w, "")
        self.tabs.setCurrentIndex(ui_settings.get(TAB) or 0)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._build_commands()
        self.header = PageHeader(self, context=[self.year, self.kind], search=self.search)
        self.set_search(self.search)
        self.title = self.header.title
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.tabs, 1)
        for view in (self.summary_view, self.order_view, self.debt_view, self.sheet_view):
            self.set_list(view)
        self._scope_commands()
        self._loading = False
        self.year.currentIndexChanged.connect(self._session_changed)
        self.kind.currentIndexChanged.connect(self._session_changed)
        self.retranslate_ui()
        self.refresh()

    def _sheets_tab(self) -> QWidget:
        """The session's grade sheets beside the open sheet's grid (the split kept per user)."""
        self.sheet_model = RecordTableModel(SHEET_COLUMNS, self)
        self.sheet_view = self._table(self.sheet_model)
        self.sheet_view.selectionModel().currentRowChanged.connect(lambda *_a: self._sheet_chosen())
        self.grid_model = RecordTableModel([], self)
        self.grid_model.on_edit = self._edited
        self.grid_model.decorate = self._decorate
        self.grid = self._table(self.grid_model, select_rows=False)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.sheet_label = QLabel()
        self.sheet_label.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.control = QComboBox()
        for c in grading.Control:
            self.control.addItem("", c.value)
        self.control.activated.connect(lambda _i: self._control_chosen())
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.sheet_label, 1)
        head.addWidget(self.control)
        rl.addLayout(head)
        rl.addWidget(self.grid, 1)
        rl.addWidget(self.hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sheet_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([460, 900])
        ui_settings.remember_split(self.splitter, SPLITTER)
        return self.splitter

    def _debts_tab(self) -> QWidget:
        self.debt_model = RecordTableModel(DEBT_COLUMNS, self)
        self.debt_proxy = TextFilterProxy(["name", "record_book", "group", "discipline"], self)
        self.debt_proxy.setSourceModel(self.debt_model)
        self.debt_view = self._table(self.debt_proxy)  # kept in the register's order: group, then name
        self.debt_counts = QLabel()
        self.debt_counts.setWordWrap(True)
        page = QWidget()
        dl = QVBoxLayout(page)
        dl.addWidget(self.debt_view, 1)
        dl.addWidget(self.debt_counts)
        return page

    def _summary_tab(self) -> QWidget:
        self.summary_model = RecordTableModel(SUMMARY_COLUMNS, self)
        self.summary_view = self._table(self.summary_model)
        return self.summary_view

    def _orders_tab(self) -> QWidget:
        self.order_model = RecordTableModel(ORDER_COLUMNS, self, id_key="key")
        self.order_view = self._table(self.order_model)
        self.order_view.doubleClicked.connect(lambda *_a: self.print_order())
        self._order_timer = QTimer(self)
        self._order_timer.setSingleShot(True)
        self._order_timer.setInterval(200)
        self._order_timer.timeout.connect(self.load_orders)
        page = QWidget()
        ol = QVBoxLayout(page)
        ol.addWidget(self.order_view, 1)
        return page

    def _build_commands(self) -> None:
        """One QAction each (the bar, the Session results menu, the context menu, the keys)."""
        has_session = lambda: self.session_id is not None  # noqa: E731
        has_sheet = lambda: self.sheet is not None  # noqa: E731
        self.add_command("issue", self.issue_sheets, kind="primary", role="new", icon="new", enabled_when=has_session)
        self.add_command("import", self.import_results, icon="import")
        self.add_command("retakes", self.draft_retakes)
        self.add_command("promote", self.promote)
        self.add_command("order", self.print_order)
        self.add_command("grading", self.edit_grading)
        self.export_actions = {}
        for key, tab in EXPORTS:
            needs = has_sheet if tab == 0 else None if key.startswith("debts") else has_session
            self.export_actions[key] = self.add_command(key, lambda k=key: self.export(k),
                                                        kind="excel" if key.endswith("xlsx") else "pdf",
                                                        enabled_when=needs)

    def _table(self, model, select_rows: bool = True) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        if select_rows:
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        for i, c in enumerate(source.columns):
            if c.width:
                view.setColumnWidth(i, c.width)
        return view

    def _tab_view(self) -> QTableView:
        return (self.sheet_view, self.debt_view, self.summary_view, self.order_view)[self.tabs.currentIndex()]

    def _tab_changed(self, index: int) -> None:
        ui_settings.put(TAB, index)
        self.search.blockSignals(True)  # each tab's search starts empty
        self.search.clear()
        self.search.blockSignals(False)
        self.debt_proxy.set_text("")
        self._scope_commands()
        self.refresh()

    def _scope_commands(self) -> None:
        """The exports of the tab shown (and the session's own) while it is shown; the list the
        keys and the focus go to is the tab's."""
        tab = self.tabs.currentIndex()
        for key, act in self.export_actions.items():
            act.setVisible(dict(EXPORTS)[key] in (None, tab))
        self.list_view = self._tab_view()
        self._search_tip()
        self.update_commands()

    def _search_tip(self) -> None:
        tips = {1: _("Filter by student, record book, group or discipline"),
                3: _("Search by order number, kind or student")}
        self.search.setToolTip(tips.get(self.tabs.currentIndex(), ""))

    def _search(self, text: str) -> None:
        tab = self.tabs.currentIndex()
        if tab == 0 and text.strip():
            find_in_view(self.sheet_view, text, [1, 0, 2, 4])
        elif tab == 1:
            self.debt_proxy.set_text(text)
        elif tab == 2 and text.strip():
            find_in_view(self.summary_view, text, [0])
        elif tab == 3:
            self._order_timer.start()

    # Texts ------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.header.set_title(_("Session results"))
        self.set_search(self.search)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, SessionKind(self.kind.itemData(i)).label())
        for i, text in enumerate((_("Grade sheets"), _("Debts"), _("Summary"), _("Orders"))):
            self.tabs.setTabText(i, text)
        texts = {"issue": _("Issue sheets"), "import": _("Import results…"), "retakes": _("Draft retakes…"),
                 "promote": _("Promotion…"), "order": _("Print order…"), "grading": _("Grading scale…")}
        tips = {"issue": _("Number a grade sheet for every exam of the session that has none"),
                "import": _("Read the results of a filled grade sheet (.xlsx) back, all or nothing"),
                "retakes": _("Draft the retake exams of the open debts, one per discipline and examiner"),
                "promote": _("Promote groups to the next course, keeping back students with too many debts"),
                "order": _("Print the chosen order with an extract per student"),
                "grading": _("The faculty's grading scale and the number of debts allowed at promotion")}
        labels = {"sheet_blank_pdf": _("Grade sheet, blank (PDF)…"), "sheet_pdf": _("Grade sheet, filled (PDF)…"),
                  "sheet_xlsx": _("Grade sheet for the examiner (Excel)…"),
                  "slips_pdf": _("Individual retake slips of the sheet (PDF)…"),
                  "all_sheets_pdf": _("All grade sheets of the session (PDF)…"),
                  "debts_xlsx": _("Debts register (Excel)…"), "debts_pdf": _("Debts register (PDF)…"),
                  "summary_xlsx": _("Session summary (Excel)…"), "summary_pdf": _("Session summary (PDF)…")}
        self.set_command_texts({**texts, **labels})
        for key, tip in tips.items():  # what the command does, and its key where it has one
            key_text = shortcut_text(self.commands[key])
            self.commands[key].setToolTip(f"{tip} ({key_text})" if key_text else tip)
        for i in range(self.control.count()):
            self.control.setItemText(i, grading.Control(self.control.itemData(i)).label())
        self.control.setToolTip(_("Form of control"))
        self._search_tip()
        self.hint.setText(_("Type points (or a grade) and press Enter; н = absent, нд = not admitted. "
                            "The letter and the grade follow. Ctrl+Z undoes."))
        for model in (self.sheet_model, self.grid_model, self.debt_model, self.summary_model, self.order_model):
            model.retranslate()
        self._show_sheet_label()




