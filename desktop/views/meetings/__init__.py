"""The meetings area: the calendar of meetings with the meeting editor, and the decisions register."""

from __future__ import annotations

import datetime as dt
import io

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import colours, dates
from desktop.i18n import N_, _, ngettext
from desktop.models import meetings as mt
from desktop.models import meetings_operations as mops
from desktop.models.operations import Change, bind
from desktop.models.org import StaffRow
from desktop.views import settings
from desktop.views.common.area import AreaPage, reads
from desktop.views.common.operations import run
from desktop.views.common.page import EmptyState, Legend, PageHeader
from desktop.views.common.tablemodel import Column, RecordTableModel
from desktop.views.meetings.editor import MeetingEditor, table
from desktop.views.meetings.register import DecisionsRegister
from desktop.views.meetings.weeks import WEEKS_SHOWN, WeekList

SERIES = settings.MEETINGS_SERIES
SPLITTER = settings.MEETINGS_SPLITTER
CALENDAR_MODE = settings.MEETINGS_CALENDAR_MODE
CALENDAR_MODES = ("month", "weeks")


class MeetingsArea(AreaPage):
    shows = Change.MEETINGS  # own changes reload lightly (on_changed); others' through refresh

    _series_rows: dict[int, dict] = {}  # the series as shown (set by _fill_series, never mutated)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.series = QComboBox()
        self.series.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.series.setMinimumContentsLength(30)
        self.series.currentIndexChanged.connect(self._series_changed)
        self.header = PageHeader(self, context=[self.series])
        self.title = self.header.title
        # calendar: the month grid with meeting days marked, the month's meetings, the editor
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
        self.editor = MeetingEditor(self)
        month = QWidget()
        ml = QVBoxLayout(month)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.calendar)
        # the month grid's colours, named: meeting days (bold on blue), days off (red)
        self.legend = Legend([("info", N_("Meeting day")), ("danger", N_("Day off"))])
        ml.addWidget(self.legend)
        ml.addWidget(self.meeting_view, 1)
        self.weeks = WeekList(self)
        # the month grid or the week-by-week list, as the user last chose
        self.calendar_stack = QStackedWidget()
        self.calendar_stack.addWidget(month)
        self.calendar_stack.addWidget(self.weeks)
        self.mode_buttons = {k: QToolButton() for k in CALENDAR_MODES}
        reads(*self.mode_buttons.values())  # month or week by week: a view, enabled on a read-only database
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
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(switch)
        ll.addWidget(self.calendar_stack, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 1080])
        saved = settings.get(SPLITTER)
        if saved:
            self.splitter.restoreState(saved)
        self.splitter.splitterMoved.connect(lambda *_a: settings.put(SPLITTER, self.splitter.saveState()))
        self.register = DecisionsRegister(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.register, "")
        # Commands: one QAction each (the bar, the Meetings menu, the context menu, the keys).
        # Series commands show on the calendar tab only (on the decisions register they did nothing).
        self.add_command("next", self.create_next, kind="primary", role="new", icon="new")
        self.add_command("delete", self.delete_meeting, role="delete", icon="delete")
        self.add_command("new_series", lambda: self.new_series())
        self.add_command("edit_series", lambda: self.edit_series())
        self.add_command("delete_series", lambda: self.delete_series(), in_bar=False)
        self.adopt_command("preview_agenda", self.editor.actions_by_key["preview_agenda"], kind="print")
        self.command_roles["preview_agenda"] = "preview"  # Ctrl+P, set by the editor
        for key, kind in (("preview_minutes", "print"), ("print", "print"),
                          ("add_ticked", "other"), ("tick_all", "other"), ("add_item", "other"),
                          ("delete_item", "other"), ("up", "other"), ("down", "other"),
                          ("add_attendee", "other"), ("remove_attendee", "other"), ("add_decision", "other"),
                          ("done", "other"), ("cancel", "other"), ("reopen", "other"), ("sign", "other")):
            self.adopt_command(f"editor_{key}", self.editor.actions_by_key[key], kind=kind)
        self.adopt_command("register_export", self.register.export_action, kind="excel")
        for key, act in self.register.status_actions.items():
            self.adopt_command(f"register_{key}", act)
        self.actions_by_key = self.commands
        self.buttons = self.commands
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
        self._meeting_id: int | None = None
        self.actions_by_key["delete"].setEnabled(False)
        self.set_calendar_mode(settings.get(CALENDAR_MODE), remember=False)
        from desktop.views.translations import content_language_command

        content_language_command(self, lambda: self.refresh())  # typed texts: originals or interface language
        self.refresh()

    # Texts ----------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        from desktop.i18n import current_language

        lang = current_language()
        # the month grid names months and weekdays in the interface language
        self.calendar.setLocale(QLocale(lang if lang != "en" else "en_GB"))
        self.header.set_title(_("Meetings"))
        self.legend.retranslate()
        self.set_command_texts({"find": _("Search"), "new_series": _("New series…"), "edit_series": _("Edit series…"),
                                "delete_series": _("Delete series…"), "next": _("Next meeting"),
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
        self._series_rows = {r["id"]: r for r in rows}  # as shown: a delete expects them unchanged
        wanted = self.series.currentData() if self.series.count() else settings.get(SERIES)
        self.series.blockSignals(True)
        self.series.clear()
        self.series.addItem(_("All series"), 0)
        for r in rows:
            self.series.addItem(names.get(r["id"], r["name"]), r["id"])
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
            rows = mt.meetings_between(s, start - dt.timedelta(days=7), end + dt.timedelta(days=14),
                                       self.series.currentData() or None)
            from desktop.views.translations import shown_versions

            names = shown_versions(s, "meeting_series", "name")
            for r in rows:
                r["series"] = names.get(r["series_id"], r["series"])
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
        for r in rows:
            self.calendar.setDateTextFormat(QDate(r["date"].year, r["date"].month, r["date"].day), meet)
        self.meetings.set_rows([r for r in rows if start <= r["date"] <= end])
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

    # Operations ---------------------------------------------------------------------------
    def _do(self, text: str, op, after=None):
        return run(self, text, op, after=after, title=_("Meetings"))

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

    def _follow_meeting(self, outcome) -> None:
        """A meeting made or brought back (an id as the result) becomes the one shown."""
        if isinstance(outcome.result, int):
            self.open_meeting(outcome.result)

    def new_series(self, values: dict | None = None) -> None:
        """A new series from the dialog (or from ``values``, as the dialog returns them)."""
        if values is None:
            from desktop.models.org import staff_rows
            from desktop.views.meetings.series_dialog import SeriesDialog

            with self.ctx.db.session() as s:
                staff = [r for r in staff_rows(s) if r["active"]]
            dialog = SeriesDialog(staff, self)
            if not dialog.exec():
                return
            values = dialog.values()
        outcome = self._do(_("New series"), bind(mops.add_series_op, **values))
        if outcome is not None:
            self._fill_series()
            self.series.setCurrentIndex(self.series.findData(outcome.result))

    def _staff_for_dialog(self, keep=()) -> list[StaffRow]:
        from desktop.models.org import staff_rows

        with self.ctx.db.session() as s:
            return [r for r in staff_rows(s) if r["active"] or r["id"] in keep]

    def edit_series(self, values: dict | None = None) -> None:
        """Change the chosen series from the dialog (or to ``values``); undoable. Meetings already
        created keep their own date, time, place and attendees."""
        from desktop.models import meetings_series as ms

        series_id = self.series.currentData()
        if not series_id:
            return
        if values is None:
            from desktop.views.meetings.series_dialog import SeriesDialog

            with self.ctx.db.session() as s:
                initial = ms.series_values(s, series_id)
            dialog = SeriesDialog(self._staff_for_dialog(initial["members"]), self, initial)
            if not dialog.exec():
                return
            values = dialog.values()
        self._do(_("Edit series"), bind(mops.update_series_op, series_id, **values))

    def confirm(self, text: str) -> bool:
        """Ask before something is deleted (tests replace this)."""
        answer = QMessageBox.question(self, _("Meetings"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def delete_series(self) -> None:
        """Delete the chosen series after confirmation. A series with held meetings is refused (their
        minutes are the office's records); planned meetings go with it after a second, explicit
        confirmation that names how many. Undo brings everything back."""
        from desktop.models import meetings_series as ms

        series_id = self.series.currentData()
        if not series_id:
            return
        name = self.series.currentText()
        with self.ctx.db.session() as s:
            impact = ms.deletion_impact(s, series_id)
        if impact["held"]:
            QMessageBox.warning(self, _("Meetings"), ngettext(
                "“{series}” has {count} held meeting with minutes; a series with minutes cannot be deleted.",
                "“{series}” has {count} held meetings with minutes; a series with minutes cannot be deleted.",
                impact["held"]).format(series=name, count=impact["held"]))
            return
        if not self.confirm(_("Delete the meeting series “{series}”?").format(series=name)):
            return
        if impact["meetings"] and not self.confirm(ngettext(
                "“{series}” has {count} planned meeting (decisions in it: {decisions}). "
                "Delete it together with the series?",
                "“{series}” has {count} planned meetings (decisions in them: {decisions}). "
                "Delete them together with the series?", impact["meetings"]).format(
                series=name, count=impact["meetings"], decisions=impact["decisions"])):
            return
        from desktop.views.common.mass_delete import backup_before_delete

        if not backup_before_delete(self, impact["meetings"], whole=True):
            return
        # The series as shown, with the meetings the user confirmed: another office's change is refused.
        shown = {**self._series_rows.get(series_id, {}), "meeting_count": impact["meetings"]}
        self._do(_("Delete series"), bind(mops.delete_series_op, series_id, shown))

    def create_next(self) -> None:
        series_id = self.series.currentData()
        if not series_id:
            return
        self._do(_("Next meeting"), bind(mops.create_next_meeting_op, series_id), after=self._follow_meeting)

    def delete_meeting(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        self._do(_("Delete meeting"), bind(mops.delete_meeting_op, meeting_id), after=self._follow_meeting)

    def edit_meeting(self, meeting_id: int, field: str, value) -> None:
        self._do(_("Edit meeting"), bind(mops.update_meeting_op, meeting_id, **{field: value}))

    def add_attendee(self, meeting_id: int, staff_id: int, present: bool = True, note: str = "") -> None:
        self.set_attendance(meeting_id, staff_id, present, note, _("Add attendee"))

    def remove_attendee(self, meeting_id: int, staff_id: int) -> None:
        self.set_attendance(meeting_id, staff_id, None, None, _("Remove attendee"))

    def set_attendance(self, meeting_id: int, staff_id: int, present: bool | None, note: str | None,
                       text: str | None = None) -> None:
        """Present/absent with the reason; ``present=None`` takes the person off this meeting's list."""
        self._do(text or _("Change attendance"), bind(mops.set_attendance_op, meeting_id, staff_id, present, note))

    def add_proposals(self, meeting_id: int, proposals: list) -> None:
        if not proposals:
            return
        self._do(_("Add to agenda"), bind(mops.add_proposals_op, meeting_id, proposals))

    def add_item(self, meeting_id: int, position: int | None) -> None:
        outcome = self._do(_("Add agenda item"), bind(mops.add_agenda_item_op, meeting_id, _("New item"), position))
        if outcome is not None:
            self.editor.select_item(outcome.result)

    def delete_item(self, item_id: int) -> None:
        self._do(_("Delete agenda item"), bind(mops.delete_agenda_item_op, item_id))

    def move_item(self, item_id: int, position: int) -> None:
        self._do(_("Move agenda item"), bind(mops.move_agenda_item_op, item_id, position))
        self.editor.select_item(item_id)

    def edit_item(self, item_id: int, field: str | None, value) -> None:
        """One field, or (``field`` None) several at once: ``value`` is then a dict. A text the editor
        shows in its version (the content language) edits that version, the others the original."""
        from desktop.views.translations import content_language

        fields = value if field is None else {field: value}
        lang, shown = content_language(), self.editor.shown
        versions = {f: v for f, v in fields.items() if lang and ("agenda_item", item_id, f) in shown}
        if versions:
            originals = {f: v for f, v in fields.items() if f not in versions}
            self._do(_("Edit agenda item"), bind(mops.edit_agenda_item_texts_op, item_id, originals, lang, versions))
        else:
            self._do(_("Edit agenda item"), bind(mops.update_agenda_item_op, item_id, **fields))
        self.editor.select_item(item_id)

    def add_decision(self, meeting_id: int, item_id: int | None, values: dict) -> None:
        self._do(_("Add decision"), bind(mops.add_decision_op, meeting_id, values["text"], responsible=values["responsible"],
                                         due_date=values["due_date"], agenda_item_id=item_id))

    def edit_decision(self, decision_id: int, field: str, value, in_minutes: bool = False) -> None:
        """From the register, or (``in_minutes``) through the minutes, which then print the new value.
        A text the page shows in its version (the content language) edits that version."""
        from desktop.models.text_versions import get_version, set_version_op
        from desktop.views.translations import content_language

        lang = content_language()
        if field == "text" and lang:
            with self.ctx.db.session() as s:
                shown_version = get_version(s, "meeting_decision", decision_id, "text", lang)
            if shown_version:  # the page shows (editor and register alike) this version: it is the one edited
                self._do(_("Edit decision"), bind(set_version_op, "meeting_decision", decision_id, "text", lang,
                                                  value, Change.MEETINGS))
                return
        text = {"status": _("Change decision status")}.get(field, _("Edit decision"))
        self._do(text, bind(mops.update_decision_op, decision_id, in_minutes=in_minutes, **{field: value}))

    def sign_minutes(self, meeting_id: int, signed_on) -> None:
        self._do(_("Sign minutes"), bind(mops.sign_minutes_op, meeting_id, signed_on))

    def delete_decision(self, decision_id: int) -> None:
        self._do(_("Delete decision"), bind(mops.delete_decision_op, decision_id))

    # Printing ------------------------------------------------------------------------------
    def pdf_bytes(self, which: str = "agenda") -> bytes:
        from desktop.reports import meeting_pdf

        with self.ctx.db.session() as s:
            from desktop.models.text_documents import localize_meeting

            assert self.meeting_id is not None  # printing needs a meeting chosen
            tree, _missing = localize_meeting(s, mt.meeting_tree(s, self.meeting_id), self.ctx.report_language)
            from desktop.models.document_frame import document_frame

            frame = document_frame(s, "agenda")
        out = io.BytesIO()
        {"agenda": meeting_pdf.agenda_pdf, "minutes": meeting_pdf.minutes_pdf,
         "both": meeting_pdf.meeting_pdf}[which](out, tree, self.ctx.report_language, frame=frame)
        return out.getvalue()

    def preview(self, which: str) -> None:
        if self.meeting_id is not None:
            from desktop.views.common.printing import preview_pdf

            preview_pdf(self, self.pdf_bytes(which))

    def print_direct(self) -> None:
        if self.meeting_id is not None:
            from desktop.views.common.printing import print_pdf

            print_pdf(self, self.pdf_bytes("both"))
