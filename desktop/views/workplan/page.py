"""The work plan editor: the tree of sections and items, a side panel, filters, a bar per section.

This module builds the page (widgets, commands, ``retranslate_ui``); what it shows is
:mod:`~desktop.views.workplan.listing`, what its commands do :mod:`~desktop.views.workplan.actions`
(sections and items) and :mod:`~desktop.views.workplan.plan_actions` (the plan as a whole)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, pgettext
from desktop.models import workplan as wp
from desktop.models.operations import Change
from desktop.views import settings as ui_settings
from desktop.views.common.area import AreaPage
from desktop.views.common.page import EmptyState, FilterBar, PageHeader, TwoLineDelegate
from desktop.views.workplan.actions import ItemActions
from desktop.views.workplan.bars import SectionBars
from desktop.views.workplan.listing import PlanListing
from desktop.views.workplan.plan_actions import PlanActions
from desktop.views.workplan.tree_model import PlanFilterProxy, PlanTreeModel

# (key, slot name, kind, role, icon, enabled when: "item" selected, "any" row selected, None always).
# Ctrl+N adds an item (a record), as everywhere; a whole new plan is a menu command.
COMMANDS = (
    ("add_item", "add_item", "primary", "new", "new", None),
    ("add_section", "add_section", "record", None, "section", None),
    ("delete", "delete_current", "record", "delete", "delete", "any"),
    ("up", "move_up", "record", None, "up", "item"),
    ("down", "move_down", "record", None, "down", "item"),
    ("history", "show_item_history", "record", None, "history", "item"),
    ("preview", "print_preview", "print", "preview", None, None),
    ("progress", "progress_preview", "print", None, None, None),
    ("export_pdf", "export_pdf", "pdf", None, None, None),
    ("export_xlsx", "export_xlsx", "excel", "excel", None, None),
    ("export_progress", "export_progress", "excel", None, None, None),
    ("new_plan", "new_plan", "file", None, None, None),
    ("import", "import_plan", "file", None, "import", None),
    ("copy", "copy_to_next_year", "file", None, None, None),
    ("header", "edit_header", "other", None, None, None),
    ("delete_plan", "delete_plan", "other", None, None, None),
)
EXTRA_KEYS = (("add_item", "Ins"), ("up", "Ctrl+Up"), ("down", "Ctrl+Down"), ("import", "Ctrl+O"))
# fixed widths, the activity taking what is left: no resizeColumnsToContents over 300 rows
COLUMN_WIDTHS = ((0, 70), (2, 150), (3, 190), (4, 100))


class WorkPlanArea(PlanListing, ItemActions, PlanActions, AreaPage):
    shows = Change.WORKPLAN | Change.STAFF | Change.TEXTS

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.tree = None
        self._build_tree()
        self._build_header_and_filters()
        self._build_panel()
        self._build_commands()
        self._lay_out()
        self.refresh()
        self._restore_choices()

    # Building ---------------------------------------------------------------------------------
    def _build_tree(self) -> None:
        self.model = PlanTreeModel(self)
        self.model.on_edit = self._edit_from_model
        self.model.on_move = self.move_item
        self.proxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = view = QTreeView()
        view.setModel(self.proxy)
        view.setAlternatingRowColors(True)
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        view.selectionModel().currentChanged.connect(self._show_current)
        head = view.header()
        head.setStretchLastSection(False)
        for col, width in COLUMN_WIDTHS:
            view.setColumnWidth(col, width)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # the activity is the content: two wrapped lines, not 25 characters
        view.setItemDelegateForColumn(1, TwoLineDelegate(view))

    def _build_header_and_filters(self) -> None:
        """The header (the title, the plan's year, the search) and the filter row."""
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(self._year_chosen)
        self.f_section, self.f_person, self.f_month, self.f_status = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        self.f_overdue = QCheckBox()
        self.f_text = QLineEdit()
        self.f_text.setClearButtonEnabled(True)
        self.f_text.setMinimumWidth(160)
        combos = (self.f_section, self.f_person, self.f_month, self.f_status)
        for combo in combos:
            # long section titles and names must not widen the window nor push the text filter off the row
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(self._apply_filters)
        self.filter_labels = [QLabel() for _i in range(4)]
        self.filters = FilterBar([*zip(self.filter_labels, combos, strict=True), (None, self.f_overdue)],
                                 reset=self.reset_filters)
        self.header = PageHeader(self, context=[self.year], search=self.f_text)
        self.title = self.header.title
        self.f_overdue.toggled.connect(self._apply_filters)
        self.f_text.textChanged.connect(self._apply_filters)

    def _build_panel(self) -> None:
        """The side panel: the current item's fields, then the sections' bars."""
        self.panel = QWidget()
        form = QFormLayout(self.panel)
        self.p_text = QPlainTextEdit()
        self.p_deadline = QPushButton()
        self.p_deadline.clicked.connect(self.edit_deadline)
        self.p_responsible = QLineEdit()
        self.p_responsible.editingFinished.connect(
            lambda: self._edit_current("responsible", self.p_responsible.text()))
        self.p_status = QComboBox()
        self.p_status.activated.connect(lambda: self._edit_current("status", self.p_status.currentData()))
        self.p_note = QLineEdit()
        self.p_note.editingFinished.connect(lambda: self._edit_current("completion_note", self.p_note.text()))
        self.p_save_text = QPushButton()
        self.p_save_text.clicked.connect(lambda: self._edit_current("text", self.p_text.toPlainText().strip()))
        self.p_labels = [QLabel() for _ in range(5)]
        form.addRow(self.p_labels[0], self.p_text)
        form.addRow("", self.p_save_text)
        for label, field in zip(self.p_labels[1:], (self.p_deadline, self.p_responsible, self.p_status, self.p_note),
                                strict=True):
            form.addRow(label, field)
        self.bars = SectionBars()
        form.addRow(self.bars)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        ui_settings.remember_split(self.splitter, ui_settings.WORKPLAN_SPLITTER, [900, 360])

    def _build_commands(self) -> None:
        """One QAction each: the bar, the Work plan menu, the context menu, the keys."""
        when = {"item": lambda: self._current_kind() == "item", "any": lambda: self._current_kind() is not None,
                None: None}
        for key, slot, kind, role, icon, enabled in COMMANDS:
            self.add_command(key, getattr(self, slot), kind=kind, role=role, icon=icon, enabled_when=when[enabled])
        for key, extra in EXTRA_KEYS:
            act = self.commands[key]
            act.setShortcuts([*act.shortcuts(), QKeySequence(extra)] if act.shortcuts() else [QKeySequence(extra)])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.actions_by_key = self.commands
        self.empty = EmptyState(self, ["new_plan", "import", "copy"])

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.filters)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.splitter, 1)
        self.set_list(self.view)
        self.set_details(self.splitter, self.panel)
        # Parallel texts: the plan's texts side by side, and which version the editor shows.
        self.add_command("translations", lambda: self.open_translations(), kind="other")
        content_lang = QAction(self, checkable=True)
        content_lang.setChecked(ui_settings.get(ui_settings.CONTENT_SHOWN) == "interface")
        content_lang.toggled.connect(self.toggle_content_language)
        self.adopt_command("content_lang", content_lang, kind="other")

    def move_up(self) -> None:
        self.move_current(-1)

    def move_down(self) -> None:
        self.move_current(1)

    # Texts ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.header.set_title(_("Work plan"))
        self.set_search(self.f_text)
        texts = {"add_section": _("Add section"), "add_item": _("Add item"), "delete": _("Delete"),
                 "up": _("Move up"), "down": _("Move down"), "copy": _("Copy to next year"),
                 "preview": _("Print preview"), "progress": _("Progress preview"),
                 "new_plan": _("New plan…"), "header": _("Plan header…"), "delete_plan": _("Delete plan…"),
                 "export_pdf": _("Export to PDF…"), "export_xlsx": _("Export to Excel…"),
                 "export_progress": _("Progress report…"), "import": _("Import a Word or Excel plan…"),
                 "history": _("History…"), "translations": _("Translations…"),
                 "content_lang": _("Show texts in the interface language")}
        self.set_command_texts(texts)
        for label, text in zip(self.filter_labels, (_("Section:"), _("Responsible:"), _("Month:"), _("Status:")),
                               strict=True):
            label.setText(text)
        self.filters.retranslate()
        self.empty.set_text(_("The faculty's work plan for the academic year: sections, activities, deadlines "
                              "and who is responsible. Start a new plan, import the approved Word or Excel plan, "
                              "or copy last year's."))
        for label, text in zip(self.p_labels, (_("Activity"), _("Deadline"), _("Responsible"),
                                                pgettext("state", "Status"), _("Completion note")), strict=True):
            label.setText(text)
        self.year.setToolTip(_("Academic year of the plan"))
        self.p_save_text.setText(_("Save text"))
        self.f_overdue.setText(_("Overdue only"))
        self.p_status.clear()
        for status in wp.ItemStatus:
            self.p_status.addItem(status.label(), status.value)
        self._fill_filters()
        self.model.retranslate()
