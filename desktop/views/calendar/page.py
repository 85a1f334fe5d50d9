"""The academic calendar editor: the table of events by category and term, the year view,
validation shown inline, the office's day-off overrides, exports and print preview.

This module builds the page (widgets, commands, ``retranslate_ui``); what it shows is
:mod:`~desktop.views.calendar.listing`, what its commands do :mod:`~desktop.views.calendar.actions`
and :mod:`~desktop.views.calendar.exports`."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models import academic_calendar as ac
from desktop.models.operations import Change
from desktop.models.year_view import CATEGORY_COLOURS
from desktop.views import settings as ui_settings
from desktop.views.calendar.actions import CalendarActions
from desktop.views.calendar.delegates import KindDelegate, WrapDelegate
from desktop.views.calendar.events_model import EventsModel
from desktop.views.calendar.exports import CalendarExports
from desktop.views.calendar.listing import CalendarListing
from desktop.views.calendar.year_view import YearViewWidget
from desktop.views.common.area import AreaPage
from desktop.views.common.page import EmptyState, Legend, PageHeader

TAB = ui_settings.CALENDAR_TAB
SPLITTER = ui_settings.CALENDAR_SPLITTER

# (key, slot name, kind, role, enabled when: "calendar" shown, "event" selected, None always)
COMMANDS = (
    ("add", "add_event", "primary", "new", "calendar"),
    ("sub", "add_sub_row", "record", None, "event"),
    ("date", "edit_date", "record", None, "event"),
    ("delete", "delete_event", "record", "delete", "event"),
    ("preview", "preview", "print", "preview", "calendar"),
    ("year_pdf", "preview_year_view", "print", None, "calendar"),
    ("pdf", "export_pdf", "pdf", None, "calendar"),
    ("xlsx", "export_xlsx", "excel", "excel", "calendar"),
    ("new", "new_calendar", "file", None, None),
    ("copy", "copy_to_next_year", "file", None, "calendar"),
    ("props", "edit_properties", "other", None, "calendar"),
    ("overrides", "edit_overrides", "other", None, "calendar"),
    ("translations", "open_translations", "other", None, "calendar"),
)
ICONS = {"add": "new", "delete": "delete"}


def _column(*widgets: QWidget) -> QWidget:
    """The widgets one above the other, the last taking the height, without margins."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets[:-1]:
        layout.addWidget(widget)
    layout.addWidget(widgets[-1], 1)
    return column


class CalendarArea(CalendarListing, CalendarActions, CalendarExports, AreaPage):
    shows = Change.CALENDAR | Change.WORKDAYS | Change.SETTINGS | Change.TEXTS

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.data = None
        self._wanted = None
        self._search_text = {}
        self._build_commands()
        self._build_header()
        self._build_events()
        self._build_year_view()
        self._lay_out()
        self.refresh()

    # Building ---------------------------------------------------------------------------------
    def _build_commands(self) -> None:
        """One QAction each: the bar, the Academic calendar menu, the context menu, the keys."""
        when = {"calendar": lambda: self.data is not None,
                "event": lambda: self.data is not None and self.tree.currentIndex().isValid(), None: None}
        for key, slot, kind, role, enabled in COMMANDS:
            # the slot called without the action's "checked" argument
            self.add_command(key, lambda slot=slot: getattr(self, slot)(), kind=kind, role=role,
                             enabled_when=when[enabled], icon=ICONS.get(key))
        self.buttons = self.commands

    def _build_header(self) -> None:
        """The title, the calendar chooser and the search (the events by title or note, in any language)."""
        self.chooser = QComboBox()
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(28)
        self.chooser.currentIndexChanged.connect(self._calendar_chosen)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._find)
        self.header = PageHeader(self, context=[self.chooser], search=self.search)
        self.set_search(self.search)
        self.title = self.header.title
        content_lang = QAction(self, checkable=True)
        content_lang.setChecked(ui_settings.get(ui_settings.CONTENT_SHOWN) == "interface")
        content_lang.toggled.connect(lambda _checked: self.toggle_content_language())
        self.adopt_command("content_lang", content_lang, kind="other")

    def _build_events(self) -> None:
        """The events tree over the problems found, in a splitter kept per user."""
        self.model = EventsModel(self)
        self.model.on_edit = self._edit_event
        self.tree = tree = QTreeView()
        tree.setModel(self.model)
        tree.setAlternatingRowColors(True)
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.AnyKeyPressed)
        tree.setItemDelegate(WrapDelegate(tree))
        tree.setItemDelegateForColumn(2, KindDelegate(tree))
        tree.header().sectionResized.connect(lambda *_: tree.doItemsLayout())
        tree.doubleClicked.connect(self._double_clicked)
        self.problems = QStringListModel(self)
        self.problem_list = QListView()
        self.problem_list.setModel(self.problems)
        self.problem_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_list.activated.connect(self._problem_activated)
        self.problem_label = QLabel()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(tree)
        self.splitter.addWidget(_column(self.problem_label, self.problem_list))
        self.splitter.setStretchFactor(0, 4)
        ui_settings.remember_split(self.splitter, SPLITTER, [600, 120])

    def _build_year_view(self) -> None:
        self.year_view = YearViewWidget()
        self.year_view.band_clicked.connect(self._band_clicked)
        # The year view's bands are named by a legend of the event kinds, in their colours.
        self.legend = Legend([(c.value, ac.Category.labels()[c]) for c in CATEGORY_COLOURS],
                             fills={c.value: colour for c, colour in CATEGORY_COLOURS.items()}, columns=6)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(_column(self.year_view, self.legend), "")
        self.tabs.setCurrentIndex(ui_settings.get(TAB))
        self.tabs.currentChanged.connect(lambda i: ui_settings.put(TAB, i))

    def _lay_out(self) -> None:
        self.empty = EmptyState(self, ["new"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.tabs, 1)
        self.set_list(self.tree)

    # Texts ----------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.header.set_title(_("Academic calendar"))
        self.set_search(self.search)
        labels = {"new": _("New calendar…"), "props": _("Calendar properties…"), "copy": _("Copy to next year"),
                  "add": _("Add event"), "sub": _("Add sub-row"), "delete": _("Delete"), "date": _("Date…"),
                  "overrides": _("Days off…"), "pdf": _("PDF…"), "xlsx": _("Excel…"), "preview": _("Print preview"),
                  "year_pdf": _("Year view PDF"), "translations": _("Translations…"),
                  "content_lang": _("Show texts in the interface language")}
        self.set_command_texts(labels)
        self.legend.retranslate()
        self.empty.set_text(_("The academic calendar of a year: registration, teaching, sessions and holidays, "
                              "checked against the working days. Make the first calendar to start."))
        self.tabs.setTabText(0, _("Events"))
        self.tabs.setTabText(1, _("Year view"))
        self._fill_chooser()
        self.refresh()
