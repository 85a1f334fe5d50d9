"""What the calendar page's commands do: events, their dates, calendars (new, properties, copy)
and the office's days off, each through the operations runner (one undo entry).

A mixin of :class:`desktop.views.calendar.page.CalendarArea`; the exports are
:mod:`desktop.views.calendar.exports`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog

from desktop import clock
from desktop.i18n import _
from desktop.models import academic_calendar as ac
from desktop.models import calendar_operations as cops
from desktop.models import workdays
from desktop.models.operations import Change, bind
from desktop.views import settings as ui_settings
from desktop.views.calendar.dialogs import EntryDialog, OverridesDialog
from desktop.views.calendar.events_model import TERM_ROLE
from desktop.views.common.operations import run

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QTreeView

    from desktop.views.calendar.events_model import EventsModel
    from desktop.views.common.area import AreaPage as _Page
else:
    _Page = object


class CalendarActions(_Page):  # for mypy an AreaPage: the page it is mixed into
    if TYPE_CHECKING:  # the page's, used here
        data: ac.CalendarData | None
        model: EventsModel
        tree: QTreeView
        buttons: dict[str, QAction]

        def selected_event_id(self) -> int | None: ...
        def _select_calendar(self, cal_id: int) -> None: ...

    # Running model-layer operations --------------------------------------
    def _do(self, text: str, op, after=None):
        return run(self, text, op, after=after, title=_("Academic calendar"))

    # Editing --------------------------------------------------------------
    def toggle_content_language(self) -> None:
        """The one setting (shared with the work plan): texts in their original or the interface language."""
        on = self.buttons["content_lang"].isChecked()
        ui_settings.put(ui_settings.CONTENT_SHOWN, "interface" if on else "original")
        self.ctx.notify(Change.CONTENT_LANGUAGE)  # every page, this one too, shows the choice

    def _edit_event(self, event_id: int, key: str, value) -> None:
        from desktop.views.translations import content_language

        shown = self.model.data_.event(event_id) if self.model.data_ is not None else None
        lang = content_language()
        if lang and shown is not None and key in getattr(shown, "shown_versions", ()):
            from desktop.models.text_versions import set_version_op  # the version shown is the one edited

            self._do(_("Edit event"),
                     bind(set_version_op, "calendar_event", event_id, key, lang, value, Change.CALENDAR))
            return
        self._do(_("Edit event"), bind(cops.update_event_op, event_id, **{key: value}))

    def set_entry(self, event_id: int, term: str, entry: ac.Entry) -> None:
        self._do(_("Change date"), bind(cops.set_entry_op, event_id, term, entry))

    def edit_date(self, event_id: int | None = None, term: str | None = None) -> None:
        index = self.tree.currentIndex()
        event_id = event_id or self.selected_event_id()
        term = (term or (index.data(TERM_ROLE) if index.isValid() else None)
                or (self.data.terms[0] if self.data else None))
        if self.data is None or event_id is None or term is None:  # term: None only without a calendar
            return
        event = self.data.event(event_id)
        assert event is not None  # the tree's and the year view's events are the loaded calendar's
        entry = event.entries.get(term, ac.Entry())
        dialog = EntryDialog(self.data, event_id, term, entry, self)
        if dialog.exec() and dialog.result_entry is not None:
            self.set_entry(event_id, term, dialog.result_entry)

    def add_event(self, category: str | None = None, title: str | None = None, parent_id: int | None = None) -> None:
        if self.data is None:
            return
        if category is None:
            labels = [c.label() for c in ac.Category]
            chosen, ok = QInputDialog.getItem(self, _("Add event"), _("Category:"), labels, 0, False)
            if not ok:
                return
            category = list(ac.Category)[labels.index(chosen)].value
        if title is None:
            title, ok = QInputDialog.getText(self, _("Add event"), _("Event:"))
            if not ok or not title.strip():
                return
        self._do(_("Add event"), bind(cops.add_event_op, self.data.id, category, title, parent_id))

    def add_sub_row(self, title: str | None = None) -> None:
        event_id = self.selected_event_id()
        if self.data is None or event_id is None:
            return
        event = self.data.event(event_id)
        assert event is not None  # the selected row is one of the loaded calendar's events
        parent = self.data.event(event.parent_id) if event.parent_id else event
        assert parent is not None  # a sub-row's parent is in the same calendar
        if title is None:
            title, ok = QInputDialog.getText(self, _("Add sub-row"), _("School or programme:"))
            if not ok or not title.strip():
                return
        self.add_event(parent.category, title, parent.id)

    def delete_event(self) -> None:
        event_id = self.selected_event_id()
        if event_id is None:
            return
        # The event as shown (texts, dates, sub-rows) is what is deleted: another office's change is refused.
        shown = cops.shown_event(self.data, event_id) if self.data else None
        self._do(_("Delete event"), bind(cops.delete_event_op, event_id, shown))

    def new_calendar(self, year: str | None = None, values: Mapping[str, Any] | None = None) -> None:
        """A new calendar; without ``values`` the properties dialog asks (level, layout, country ...)."""
        if values is None:
            from desktop.views.calendar.properties import CalendarPropertiesDialog

            with self.ctx.db.session() as s:
                layout = ac.default_layout(s)  # the faculty's semesters or trimesters
            defaults: ac.CalendarProperties = {
                "level": "bachelor", "layout": layout, "country": self.ctx.country, "teaching_weeks": 15,
                "title": self.data.title if self.data else "", "approval": ""}
            dialog = CalendarPropertiesDialog(defaults, None, self)
            if year:
                dialog.year.setText(year)
            if not dialog.exec():
                return
            year, values = dialog.year_name(), dialog.values()
        assert year is not None  # values come with their year; without values the dialog asks for both
        self._do(_("New calendar"), bind(cops.create_calendar_op, year.strip(), **values), after=self._select_made)

    def _select_made(self, outcome) -> None:
        """A calendar made (its id the result) is the one shown."""
        if isinstance(outcome.result, int):
            self._select_calendar(outcome.result)

    def edit_properties(self, values: Mapping[str, Any] | None = None) -> None:
        """Change the calendar's own properties (undoable); a new country re-resolves rules at once."""
        if self.data is None:
            return
        cal_id = self.data.id
        if values is None:
            from desktop.views.calendar.properties import CalendarPropertiesDialog

            with self.ctx.db.session() as s:
                current = ac.calendar_properties(s, cal_id)
            dialog = CalendarPropertiesDialog(current, self.data.year_name, self)
            if not dialog.exec():
                return
            shown: Mapping[str, Any] = current
            values = {k: v for k, v in dialog.values().items() if v != shown.get(k)}
        if not values:
            return
        self._do(_("Change calendar properties"), bind(cops.update_calendar_op, cal_id, **values))

    def copy_to_next_year(self) -> None:
        if self.data is None:
            return
        self._do(_("Copy calendar to next year"), bind(cops.copy_to_next_year_op, self.data.id),
                 after=self._select_made)

    # Overrides ------------------------------------------------------------
    def set_override(self, country: str, day, kind, note: str) -> None:
        self._do(_("Change days off"), bind(cops.set_override_op, country, day, kind, note))

    def apply_public_sector_days(self, country: str) -> None:
        """Add the government's days off for state institutions as the office's overrides, undoably."""
        with self.ctx.db.session() as s:
            days = [day for day, _kind, _note in workdays.public_sector_overrides_to_offer(s, country)]
        if not days:
            return
        self._do(_("Add the days off for state institutions"), bind(cops.apply_public_sector_days_op, country))

    def set_state_institution(self, value: bool) -> None:
        from desktop.models import settings

        with self.ctx.db.session() as s:
            old = bool(settings.get(s, "state_institution"))
        if old == value:
            return
        self._do(_("Change whether the faculty is a state institution"), bind(cops.set_state_institution_op, value))

    def edit_overrides(self) -> None:
        self.overrides_dialog().exec()

    def overrides_dialog(self) -> OverridesDialog:
        """The days-off dialog of the calendar's country, on this year when the calendar spans it."""

        country = self.data.country if self.data else self.ctx.country
        year = clock.today().year
        if self.data and year not in (int(self.data.year_name[:4]), int(self.data.year_name[:4]) + 1):
            year = int(self.data.year_name[:4])
        return OverridesDialog(self, country, self, year)
