"""How the meetings page shows its calendar: the series chosen, the month grid (meeting days and
days off marked) or the week-by-week list, the meeting open in the editor, the reload after a change.

A mixin of :class:`desktop.views.meetings.page.MeetingsArea` (its widgets are built there)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat

from desktop import colours
from desktop.i18n import _
from desktop.models import meetings as mt
from desktop.models.operations import Change
from desktop.views import settings
from desktop.views.meetings.weeks import WEEKS_SHOWN

SERIES = settings.MEETINGS_SERIES
CALENDAR_MODE = settings.MEETINGS_CALENDAR_MODE
CALENDAR_MODES = ("month", "weeks")

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QCalendarWidget, QComboBox, QStackedWidget, QTableView, QTabWidget, QToolButton

    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.common.page import EmptyState
    from desktop.views.common.tablemodel import RecordTableModel
    from desktop.views.meetings.editor import MeetingEditor
    from desktop.views.meetings.register import DecisionsRegister
    from desktop.views.meetings.weeks import WeekList
else:
    _Page = object


class MeetingsListing(_Page):  # for mypy an AreaPage: the page it is mixed into
    _series_rows: dict[int, mt.SeriesRow] = {}  # the series as shown (set by _fill_series)
    _meeting_id: int | None = None
    if TYPE_CHECKING:  # the page's widgets and models, used here
        series: QComboBox
        calendar: QCalendarWidget
        meetings: RecordTableModel
        meeting_view: QTableView
        editor: MeetingEditor
        weeks: WeekList
        calendar_stack: QStackedWidget
        mode_buttons: dict[str, QToolButton]
        register: DecisionsRegister
        tabs: QTabWidget
        empty: EmptyState
        actions_by_key: dict[str, QAction]

    # Loading --------------------------------------------------------------------------------
    def on_changed(self, changes: Change) -> None:
        if changes & (Change.STAFF | Change.WORKPLAN | Change.WORKDAYS | Change.REQUESTS | Change.TEXTS):
            self.refresh()
        elif changes & Change.MEETINGS:
            self._reload()

    def refresh(self) -> None:
        self._fill_series()
        self.load_month()
        self.editor.load(self.meeting_id)
        self.register.refresh()

    def _fill_series(self) -> None:
        from desktop.views.translations import shown_versions

        with self.ctx.db.session() as s:
            rows = mt.series_list(s)
            names = shown_versions(s, "meeting_series", "name")  # in the content language, where chosen
        self._series_rows = {r.id: r for r in rows}  # as shown: a delete expects them unchanged
        wanted = self.series.currentData() if self.series.count() else settings.get(SERIES)
        self.series.blockSignals(True)
        self.series.clear()
        self.series.addItem(_("All series"), 0)
        for r in rows:
            self.series.addItem(names.get(r.id, r.name), r.id)
        self.series.setCurrentIndex(max(self.series.findData(wanted or 0), 0))
        self.series.blockSignals(False)
        self._enable_series_actions()
        self.empty.setVisible(not rows)
        self.tabs.setVisible(bool(rows))
        self.series.setVisible(bool(rows))

    def _find_decisions(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.register.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.register.text.selectAll()

    def _scope_commands(self) -> None:
        """Calendar commands on the calendar tab, the register's on the register tab."""
        on_calendar = self.tabs.currentIndex() == 0
        for key, act in self.commands.items():
            if key.startswith("register_"):
                act.setVisible(not on_calendar)
            elif key not in ("find",):
                act.setVisible(on_calendar)

    @property
    def meeting_id(self) -> int | None:
        """The meeting open in the editor; Delete is offered only when there is one."""
        return self._meeting_id

    @meeting_id.setter
    def meeting_id(self, value: int | None) -> None:
        self._meeting_id = value
        self.actions_by_key["delete"].setEnabled(value is not None)

    def _enable_series_actions(self) -> None:
        for key in ("next", "edit_series", "delete_series"):
            self.actions_by_key[key].setEnabled(bool(self.series.currentData()))

    def _series_changed(self) -> None:
        settings.put(SERIES, self.series.currentData() or 0)
        self._enable_series_actions()
        self.load_month()

    def load_month(self) -> None:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        start = dt.date(year, month, 1)
        end = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
        with self.ctx.db.session() as s:
            meetings = mt.meetings_between(s, start - dt.timedelta(days=7), end + dt.timedelta(days=14),
                                           self.series.currentData() or None)
            from desktop.views.translations import shown_versions

            names = shown_versions(s, "meeting_series", "name")
            from desktop.models.workdays import work_calendar

            cal = work_calendar(s)
            days_off = [start + dt.timedelta(days=i) for i in range(-7, (end - start).days + 15)
                        if not cal.is_working_day(start + dt.timedelta(days=i))]
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())
        off = QTextCharFormat()
        off.setForeground(QBrush(QColor(colours.role("danger").text)))
        for day in days_off:
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), off)
        meet = QTextCharFormat()
        meet.setBackground(QBrush(QColor(colours.role("info").fill)))
        meet.setFontWeight(QFont.Weight.Bold)
        for m in meetings:
            self.calendar.setDateTextFormat(QDate(m["date"].year, m["date"].month, m["date"].day), meet)
        # the month's meetings, each with its series' name in the content language where chosen
        self.meetings.set_rows([{**m, "series": names.get(m["series_id"], m["series"])}
                                for m in meetings if start <= m["date"] <= end])
        if self.meeting_id is not None:
            self._select_meeting(self.meeting_id, load=False)
        self.weeks.load()

    def set_calendar_mode(self, mode: str, remember: bool = True) -> None:
        """Show the month grid or the week list; the choice is kept for the next start."""
        mode = mode if mode in CALENDAR_MODES else "month"
        self.calendar_stack.setCurrentIndex(CALENDAR_MODES.index(mode))
        self.mode_buttons[mode].setChecked(True)
        if remember:
            settings.put(CALENDAR_MODE, mode)

    def calendar_mode(self) -> str:
        return CALENDAR_MODES[self.calendar_stack.currentIndex()]

    def _select_meeting(self, meeting_id: int, load: bool = True) -> None:
        i = self.meetings.row_of(meeting_id)
        if i >= 0:
            self.meeting_view.blockSignals(True)
            self.meeting_view.setCurrentIndex(self.meetings.index(i, 0))
            self.meeting_view.blockSignals(False)
        if load:
            self.meeting_id = meeting_id
            self.editor.load(meeting_id)

    def open_meeting(self, meeting_id: int) -> None:
        """Show a meeting: its month in the calendar and it in the editor."""
        with self.ctx.db.session() as s:
            meeting = s.get(mt.Meeting, meeting_id)
            if meeting is None:  # deleted meanwhile (the Today list shown before): the area as it is
                return
            date = meeting.date
        self.meeting_id = meeting_id
        self.calendar.setSelectedDate(QDate(date.year, date.month, date.day))
        self.calendar.setCurrentPage(date.year, date.month)
        if not self.weeks.first_monday() <= date < self.weeks.first_monday() + dt.timedelta(weeks=WEEKS_SHOWN):
            self.weeks.anchor = date
        self.load_month()
        self.editor.load(meeting_id)

    def _meeting_selected(self, current, _previous) -> None:
        row = self.meetings.record(current)
        if row and row["id"] != self.meeting_id:
            self.meeting_id = row["id"]
            self.editor.load(row["id"])

    def _date_clicked(self, qdate: QDate) -> None:
        day = qdate.toPython()
        for r in self.meetings.rows:
            if r["date"] == day:
                self._select_meeting(r["id"])
                return

    def _reload(self) -> None:
        """After an operation on meetings: the series, the month, the meeting (dropped when it is
        gone) and the register."""
        if self.meeting_id is not None:
            with self.ctx.db.session() as s:
                if s.get(mt.Meeting, self.meeting_id) is None:
                    self.meeting_id = None
        self._fill_series()  # a series may have been renamed, deleted or restored
        self.load_month()
        self.editor.load(self.meeting_id)
        self.register.reload()

