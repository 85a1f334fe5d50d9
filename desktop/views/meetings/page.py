"""The meetings area: the calendar of meetings with the meeting editor, and the decisions register.

This module builds the page (widgets, commands, ``retranslate_ui``); how the calendar loads and
what it shows is in ``listing.py``, what the commands do in ``actions.py``; the meeting editor is
``editor.py`` (its behaviour ``editor_actions.py``), the dialogs are in ``dialogs.py`` and
``series_dialog.py``, the table models in ``models.py``."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import dates
from desktop.i18n import N_, _
from desktop.models.operations import Change
from desktop.views import settings
from desktop.views.common.area import AreaPage, reads
from desktop.views.common.page import EmptyState, Legend, PageHeader
from desktop.views.common.tablemodel import Column, RecordTableModel
from desktop.views.meetings.actions import MeetingsActions
from desktop.views.meetings.editor import MeetingEditor, table
from desktop.views.meetings.listing import CALENDAR_MODE, CALENDAR_MODES, MeetingsListing
from desktop.views.meetings.register import DecisionsRegister
from desktop.views.meetings.weeks import WeekList

SPLITTER = settings.MEETINGS_SPLITTER

# The editor's commands the page adopts (shown in its bar and menus), with their kind.
EDITOR_COMMANDS = (("preview_minutes", "print"), ("print", "print"), ("add_ticked", "other"),
                   ("tick_all", "other"), ("add_item", "other"), ("delete_item", "other"), ("up", "other"),
                   ("down", "other"), ("add_attendee", "other"), ("remove_attendee", "other"),
                   ("add_decision", "other"), ("done", "other"), ("cancel", "other"), ("reopen", "other"),
                   ("sign", "other"))


class MeetingsArea(MeetingsListing, MeetingsActions, AreaPage):
    shows = Change.MEETINGS  # own changes reload lightly (on_changed); others' through refresh

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.series = QComboBox()
        self.series.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.series.setMinimumContentsLength(30)
        self.series.currentIndexChanged.connect(self._series_changed)
        self.header = PageHeader(self, context=[self.series])
        self.title = self.header.title
        self.editor = MeetingEditor(self)
        self.splitter = self._build_calendar_tab()
        self.register = DecisionsRegister(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.register, "")
        self._build_commands()
        self.empty = EmptyState(self, ["new_series"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.tabs, 1)
        # Search (Ctrl+F) looks through the decisions register, on its tab
        self.add_command("find", self._find_decisions, kind="other", role="find", icon="search")
        self.set_list(self.weeks.view)
        self.set_list(self.meeting_view)
        self.tabs.currentChanged.connect(lambda _i: self._scope_commands())
        self._scope_commands()
        self._meeting_id = None
        self.actions_by_key["delete"].setEnabled(False)
        self.set_calendar_mode(settings.get(CALENDAR_MODE), remember=False)
        from desktop.views.translations import content_language_command

        content_language_command(self, lambda: self.refresh())  # typed texts: originals or interface language
        self.refresh()

    # Building -------------------------------------------------------------------------------
    def _build_month(self) -> QWidget:
        """The month grid with meeting days marked, its legend and the month's meetings."""
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.currentPageChanged.connect(lambda *_a: self.load_month())
        self.calendar.clicked.connect(self._date_clicked)
        self.meetings = RecordTableModel([
            Column("date", N_("Date"), display=dates.table, width=80),
            Column("time", N_("Time"), width=60),
            Column("series", N_("Meeting series"), width=200),
            Column("number", N_("No."), width=40),
            Column("items", N_("Items"), width=70),
            Column("held", N_("Held"), display=lambda v: "✓" if v else "", width=80),
        ], self)
        self.meeting_view = table(self.meetings, 2)
        self.meeting_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.meeting_view.selectionModel().currentChanged.connect(self._meeting_selected)
        month = QWidget()
        ml = QVBoxLayout(month)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.calendar)
        # the month grid's colours, named: meeting days (bold on blue), days off (red)
        self.legend = Legend([("info", N_("Meeting day")), ("danger", N_("Day off"))])
        ml.addWidget(self.legend)
        ml.addWidget(self.meeting_view, 1)
        return month

    def _build_mode_switch(self) -> QHBoxLayout:
        """Month or week by week: a view, enabled on a read-only database."""
        self.mode_buttons = {k: QToolButton() for k in CALENDAR_MODES}
        reads(*self.mode_buttons.values())
        modes = QButtonGroup(self)
        for key, b in self.mode_buttons.items():
            b.setCheckable(True)
            b.setAutoRaise(True)
            modes.addButton(b)
            b.clicked.connect(lambda _on=False, k=key: self.set_calendar_mode(k))
        switch = QHBoxLayout()
        for b in self.mode_buttons.values():
            switch.addWidget(b)
        switch.addStretch(1)
        return switch

    def _build_calendar_tab(self) -> QSplitter:
        """The month grid or the week-by-week list (as the user last chose) left, the editor right."""
        month = self._build_month()
        self.weeks = WeekList(self)
        self.calendar_stack = QStackedWidget()
        self.calendar_stack.addWidget(month)
        self.calendar_stack.addWidget(self.weeks)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(self._build_mode_switch())
        ll.addWidget(self.calendar_stack, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 3)
        settings.remember_split(splitter, SPLITTER, [420, 1080])
        return splitter

    def _build_commands(self) -> None:
        """One QAction each (the bar, the Meetings menu, the context menu, the keys). Series commands
        show on the calendar tab only (on the decisions register they did nothing)."""
        self.add_command("next", self.create_next, kind="primary", role="new", icon="new")
        self.add_command("delete", self.delete_meeting, role="delete", icon="delete")
        self.add_command("new_series", lambda: self.new_series())
        self.add_command("edit_series", lambda: self.edit_series())
        self.add_command("delete_series", lambda: self.delete_series(), in_bar=False)
        self.adopt_command("preview_agenda", self.editor.actions_by_key["preview_agenda"], kind="print")
        self.command_roles["preview_agenda"] = "preview"  # Ctrl+P, set by the editor
        for key, kind in EDITOR_COMMANDS:
            self.adopt_command(f"editor_{key}", self.editor.actions_by_key[key], kind=kind)
        self.adopt_command("register_export", self.register.export_action, kind="excel")
        for key, act in self.register.status_actions.items():
            self.adopt_command(f"register_{key}", act)
        self.actions_by_key = self.commands
        self.buttons = self.commands

    # Texts ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        from desktop.i18n import current_language

        lang = current_language()
        # the month grid names months and weekdays in the interface language
        self.calendar.setLocale(QLocale(lang if lang != "en" else "en_GB"))
        self.header.set_title(_("Meetings"))
        self.legend.retranslate()
        self.set_command_texts({"find": _("Search"), "new_series": _("New series…"),
                                "edit_series": _("Edit series…"), "delete_series": _("Delete series…"),
                                "next": _("Next meeting"),
                                "delete": _("Delete meeting"),
                                "content_lang": _("Show texts in the interface language")})
        self.actions_by_key["next"].setToolTip(_("Create the next meeting of the series on its day") + " (Ctrl+N)")
        self.empty.set_text(_("The faculty's meetings: a weekly series (the dean's office, the council), each "
                              "meeting's agenda, attendance, minutes and decisions. Start with a weekly series."))
        self.tabs.setTabText(0, _("Calendar"))
        self.mode_buttons["month"].setText(_("Month"))
        self.mode_buttons["weeks"].setText(_("Week by week"))
        self.weeks.retranslate_ui()
        self.tabs.setTabText(1, _("Decisions register"))
        self.meetings.retranslate()
        self.editor.retranslate_ui()
        self.register.retranslate_ui()
        self._fill_series()
