"""How the calendar page shows a calendar: the chooser, loading (in the language the texts are
shown in), the problems found, the search, and what a click on a row, a band or a problem opens.

A mixin of :class:`desktop.views.calendar.page.CalendarArea` (its widgets are built there)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt

from desktop import i18n
from desktop.i18n import _
from desktop.models import academic_calendar as ac
from desktop.models import calendar_checks
from desktop.models.base import DomainError
from desktop.models.operations import Change
from desktop.models.year_view import build_year_view
from desktop.views import settings as ui_settings
from desktop.views.calendar.events_model import EVENT_ID_ROLE, TERM_ROLE

if TYPE_CHECKING:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTabWidget, QTreeView

    from desktop.models.calendar_checks import Problem
    from desktop.views.calendar.events_model import EventsModel
    from desktop.views.calendar.year_view import YearViewWidget
    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.common.page import EmptyState
else:
    _Page = object

CURRENT = ui_settings.CALENDAR_CURRENT


class CalendarListing(_Page):  # for mypy an AreaPage: the page it is mixed into
    data: ac.CalendarData | None
    _wanted: int | None  # a calendar just made (redo of New / Copy) is shown at once
    _search_text: dict[int, str]  # event id -> its texts and every version of them
    _problems: list[Problem]
    if TYPE_CHECKING:  # the page's widgets and models, used here
        chooser: QComboBox
        search: QLineEdit
        model: EventsModel
        tree: QTreeView
        tabs: QTabWidget
        year_view: YearViewWidget
        problems: QStringListModel
        problem_label: QLabel
        empty: EmptyState
        buttons: dict[str, QAction]

        def edit_date(self, event_id: int | None = None, term: str | None = None) -> None: ...

    def _find(self, text: str) -> None:
        if text.strip():
            self.tabs.setCurrentIndex(0)
        first = self._filter_events()
        if first is not None:
            self.tree.setCurrentIndex(first)
            self.tree.scrollTo(first)

    def _filter_events(self) -> QModelIndex | None:
        """Only the events whose title or note contains the search text in any of its languages
        (with the rows they belong to, and their categories) stay visible; returns the first match."""
        needle = self.search.text().strip().casefold()
        first: list[QModelIndex] = []

        def walk(parent: QModelIndex) -> bool:
            any_shown = False
            for r in range(self.model.rowCount(parent)):
                index = self.model.index(r, 0, parent)
                event = index.internalPointer().event
                own = bool(needle) and event is not None and needle in self._search_text.get(event.id, "")
                if own and not first:
                    first.append(self.model.index(r, 1, parent))
                below = walk(index)
                shown = not needle or own or below
                self.tree.setRowHidden(r, parent, not shown)
                any_shown = any_shown or shown
            return any_shown

        walk(QModelIndex())
        return first[0] if first else None

    # Loading --------------------------------------------------------------
    def _fill_chooser(self) -> None:
        with self.ctx.db.session() as s:
            items = ac.calendars(s)
        wanted = self._wanted or (self.data.id if self.data else ui_settings.get(CURRENT))
        self._wanted = None
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for cal_id, year, level, layout in items:
            level_label = (ac.Level.BACHELOR if level == ac.Level.BACHELOR else ac.Level.MASTER).label()
            self.chooser.addItem(f"{year} · {level_label} · {ac.Layout(layout).label()}", cal_id)
        i = self.chooser.findData(wanted)
        self.chooser.setCurrentIndex(i if i >= 0 else 0)
        self.chooser.blockSignals(False)

    def _calendar_chosen(self) -> None:
        ui_settings.put(CURRENT, self.chooser.currentData() or 0)
        self.refresh()

    def refresh(self) -> None:
        if self.chooser.count() == 0:
            self._fill_chooser()
        cal_id = self.chooser.currentData()
        problems = []
        if cal_id is None:
            self.data = None
            self.model.set_calendar(None, {}, [])
            self.year_view.set_view(None)
        else:
            with self.ctx.db.session() as s:
                try:
                    self.data = ac.load(s, cal_id)
                except DomainError:
                    self.data = None
                work = ac.calendar_engine(s, self.data) if self.data else None
                if self.data is not None:  # the filter finds an event by its original and every version
                    from desktop.models.text_versions import version_text_index

                    versions = version_text_index(s, "calendar_event", [e.id for e in self.data.events])
                    self._search_text = {e.id: "\n".join((e.title, e.note or "", versions.get(e.id, ""))).casefold()
                                         for e in self.data.events}
            if self.data is None:
                self._fill_chooser()
                return
            assert work is not None  # made for every calendar loaded
            shown = self.shown_data()
            problems = calendar_checks.validate(shown, work)  # names the events as the page shows them
            try:
                resolved = ac.resolve(self.data, work)
            except ac.RuleCycle:
                resolved = {}
            self.model.set_calendar(shown, resolved, problems)
            self.year_view.set_view(build_year_view(shown, resolved, work, i18n.current_language()))
            self.tree.expandAll()
            self.tree.setColumnWidth(0, 50)
            self.tree.setColumnWidth(1, 320)
            self.tree.setColumnWidth(2, 130)
            for i in range(len(self.data.terms)):
                self.tree.setColumnWidth(self.model.FIXED + i, 170)
            self._filter_events()
        self._problems = problems
        self.empty.setVisible(self.data is None)
        self.tabs.setVisible(self.data is not None)
        self.update_commands()
        tr = i18n.current()
        lines = []
        for p in problems:
            e = self.data.event(p.event_id) if self.data is not None else None  # problems: of a loaded calendar
            where = f"{e.number} {e.title if len(e.title) <= 60 else e.title[:59] + '…'}" if e else ""
            term = ac.term_label(p.term) if p.term else ""
            # ✖ errors (``dekanat check`` fails on them), ⚠ warnings (planning matters).
            mark = "✖" if p.is_error else "⚠"
            lines.append(f"{mark} {where} — {term}: {p.message(tr)}")
        self.problems.setStringList(lines)
        self.problem_label.setText(_("Problems: {count}").format(count=len(problems)) if problems
                                   else _("No problems found."))

    def on_changed(self, changes: Change) -> None:
        if changes & Change.CONTENT_LANGUAGE:
            self.buttons["content_lang"].setChecked(ui_settings.get(ui_settings.CONTENT_SHOWN) == "interface")
        if changes & Change.CALENDAR:
            self._fill_chooser()  # a calendar may have been made, copied or deleted
        if changes & (self.shows | Change.CONTENT_LANGUAGE):
            self.refresh()

    def selected_event_id(self) -> int | None:
        return self.tree.currentIndex().data(EVENT_ID_ROLE) if self.tree.currentIndex().isValid() else None
    def shown_data(self):
        """The calendar as the page shows it: typed texts in the interface language where a version
        exists when the user chose so (``self.data`` keeps the originals)."""
        from desktop.views.translations import content_language

        lang = content_language()
        if self.data is None or lang is None:
            return self.data
        from desktop.models.text_documents import localize_calendar

        with self.ctx.db.session() as s:
            return localize_calendar(s, self.data, lang)[0]

    def _double_clicked(self, index) -> None:
        if index.data(TERM_ROLE) and index.data(EVENT_ID_ROLE):
            self.edit_date(index.data(EVENT_ID_ROLE), index.data(TERM_ROLE))
        elif index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.tree.edit(index)

    def _band_clicked(self, event_id: int, term: str) -> None:
        index = self.model.index_of_event(event_id, self.model.FIXED + self.model.terms.index(term))
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self.edit_date(event_id, term)

    def _problem_activated(self, index) -> None:
        p = self._problems[index.row()]
        column = self.model.FIXED + self.model.terms.index(p.term) if p.term in self.model.terms else 1
        self.tabs.setCurrentIndex(0)
        self.tree.setCurrentIndex(self.model.index_of_event(p.event_id, column))
    def _select_calendar(self, cal_id) -> None:
        self._fill_chooser()
        i = self.chooser.findData(cal_id)
        if i >= 0:
            self.chooser.setCurrentIndex(i)

