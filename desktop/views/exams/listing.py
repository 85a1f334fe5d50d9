"""How the exams page shows a schedule: loading the session, its conflicts, the filters (kept per user),
the matrix and the list.

A mixin of :class:`desktop.views.exams.page.ExamsArea` (its widgets are built there)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate

from desktop import clock
from desktop.i18n import _, current_language
from desktop.models import exam_schedule as ops
from desktop.models import exams as ex
from desktop.models.exam_conflicts import ExamConflict, find_conflicts, rules_for
from desktop.models.operations import Change
from desktop.views import settings as ui_settings
from desktop.views.exams.models import ExamFilter

KIND = ui_settings.EXAMS_KIND
FILTERS = ui_settings.EXAMS_FILTERS


if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QSplitter, QTableView, QTabWidget

    from desktop.views.common.area import AreaPage as _Page
    from desktop.views.common.page import EmptyState, FilterBar, Legend
    from desktop.views.exams.models import ConflictListModel, ExamGridModel, ExamListModel, ExamListProxy
else:
    _Page = object


class ExamsListing(_Page):  # for mypy an AreaPage: the page it is mixed into
    session_id: int | None  # the session of the chosen year and kind, set by _reload
    schedule: ops.Schedule | None  # its exams, names in the content language
    original_schedule: ops.Schedule | None  # the schedule before its names were localized
    conflicts: list[ExamConflict]
    days_off: dict[dt.date, str]
    _loading: bool
    if TYPE_CHECKING:  # the page's widgets and models, used here
        year: QComboBox
        kind: QComboBox
        start: QDateEdit
        end: QDateEdit
        country: QLabel
        course: QComboBox
        programme: QComboBox
        examiner: QComboBox
        room: QComboBox
        grid_model: ExamGridModel
        grid: QTableView
        list_model: ExamListModel
        list_proxy: ExamListProxy
        conflict_model: ConflictListModel
        conflict_label: QLabel
        tabs: QTabWidget
        splitter: QSplitter
        search: QLineEdit
        filters: FilterBar
        legend: Legend
        empty: EmptyState

    def _recheck(self) -> None:
        assert self.schedule is not None  # rechecked only with a schedule shown
        with self.ctx.db.session() as s:
            rules = rules_for(s, self.schedule)
        self.conflicts = find_conflicts(self.schedule, rules)
        self.days_off = rules.days_off
        self._conflicts_lang = current_language()

    # Loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._loading = True
        try:
            with self.ctx.db.session() as s:
                from desktop.models.students import academic_years

                years = academic_years(s)
            current = self.year.currentText()
            self.year.clear()
            self.year.addItems(years or [ex_default_year()])
            self.year.setCurrentIndex(max(0, self.year.findText(current or ex_default_year())))
            if not current:
                self.kind.setCurrentIndex(max(0, self.kind.findData(ui_settings.get(KIND))))
        finally:
            self._loading = False
        self._reload()

    def _session_changed(self) -> None:
        if self._loading:
            return
        ui_settings.put(KIND, self.kind.currentData())
        self._reload()

    def _reload(self) -> None:
        year, kind = self.year.currentText(), self.kind.currentData()
        with self.ctx.db.session() as s:
            self.session_id = ex.find_session(s, year, kind) if year else None
            if self.session_id is None:
                self.schedule, self.conflicts, days_off = None, [], {}
                self.original_schedule = None
            else:
                self.schedule = ops.load_schedule(s, self.session_id)
                from desktop.models.text_versions import version_text_index
                from desktop.views.translations import content_language

                # the search finds an exam by any version of its discipline's and rooms' names
                search = {("discipline", k): v for k, v in version_text_index(s, "discipline").items()}
                search.update({("room", k): v for k, v in version_text_index(s, "room").items()})
                for did, name in self.schedule.disciplines.items():
                    search[("discipline", did)] = f"{search.get(('discipline', did), '')}\n{name}"
                for rid, (name, _cap, building) in self.schedule.rooms.items():
                    search[("room", rid)] = f"{search.get(('room', rid), '')}\n{name}\n{building}"
                self.list_proxy.versions = search
                self.original_schedule = self.schedule  # reports localize the originals themselves
                if lang := content_language():
                    from desktop.models.text_documents import localize_schedule

                    self.schedule = localize_schedule(s, self.schedule, lang)[0]
                rules = rules_for(s, self.schedule)
                self.conflicts = find_conflicts(self.schedule, rules)
                days_off = rules.days_off
                self._conflicts_lang = current_language()
        self.days_off = days_off
        self._fill_filters()
        self._show()

    def _fill_filters(self) -> None:
        s = self.schedule
        saved = (ui_settings.get(FILTERS) or ";;;").split(";") + [""] * 4
        items = [
            sorted({(g.course, _("Course {course}").format(course=g.course)) for g in s.groups.values()}) if s else [],
            sorted({(g.programme_id, g.programme_code) for g in s.groups.values() if g.programme_id},
                   key=lambda x: x[1]) if s else [],
            sorted(s.staff.items(), key=lambda x: x[1]) if s else [],
            [(r, v[0]) for r, v in s.rooms.items()] if s else [],
        ]
        self._loading = True
        try:
            for combo, values, want in zip((self.course, self.programme, self.examiner, self.room), items, saved,
                                           strict=False):
                current = combo.currentData() if combo.count() else (int(want) if want.isdigit() else None)
                combo.clear()
                combo.addItem(_("All"), None)
                for value, text in values:
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(0, combo.findData(current)))
        finally:
            self._loading = False

    def current_filter(self) -> ExamFilter:
        return ExamFilter(self.course.currentData(), self.programme.currentData(), self.examiner.currentData(),
                          self.room.currentData())

    def status_text(self) -> str:
        """The status bar: the selection, then the session's conflicts."""
        base = super().status_text()
        if self.schedule is None:
            return base
        errors = sum(c.severity == "error" for c in self.conflicts)
        counts = _("Conflicts: {errors} errors, {warnings} warnings").format(
            errors=errors, warnings=len(self.conflicts) - errors)
        return f"{base}    {counts}" if base else counts

    def reset_filters(self) -> None:
        for combo in (self.course, self.programme, self.examiner, self.room):
            combo.setCurrentIndex(0)
        self.search.clear()

    def _search(self, text: str) -> None:
        self.list_proxy.set_text(text)
        if text.strip():
            self.tabs.setCurrentIndex(1)

    def _filter_changed(self) -> None:
        if self._loading:
            return
        f = self.current_filter()
        ui_settings.put(FILTERS, ";".join("" if v is None else str(v)
                                          for v in (f.course, f.programme, f.examiner, f.room)))
        self._show()

    def _show(self) -> None:
        if not hasattr(self, "days_off"):
            return
        s, flt = self.schedule, self.current_filter()
        self.grid_model.set_schedule(s, self.conflicts, self.days_off, flt)
        self._fit_rows()
        self.list_model.set_schedule(s, self.conflicts)
        self.list_proxy.set_filter(flt)
        self.conflict_model.set_conflicts(self.conflicts)
        errors = sum(c.severity == "error" for c in self.conflicts)
        self.conflict_label.setText(_("Conflicts: {errors} errors, {warnings} warnings").format(
            errors=errors, warnings=len(self.conflicts) - errors))
        has = s is not None
        self.filters.reset_button.setVisible(any(c.currentIndex() > 0 for c in (self.course, self.programme,
                                                                                 self.examiner, self.room)))
        self.empty.setVisible(not has)
        for w in (self.splitter, self.filters, self.legend):
            w.setVisible(has)
        for edit in (self.start, self.end):
            edit.setEnabled(has)
            edit.setVisible(has)
        self.update_commands()
        if s is not None:  # has
            self._loading = True
            self.start.setDate(QDate(s.start.year, s.start.month, s.start.day))
            self.end.setDate(QDate(s.end.year, s.end.month, s.end.day))
            self._loading = False
            self.country.setText(s.country)
        else:
            self.country.setText("")

    def _fit_rows(self) -> None:
        """A day's row is as tall as its fullest cell needs: every exam of a cell stays visible."""
        header = self.grid.verticalHeader()
        unit = header.defaultSectionSize()
        for row, count in enumerate(self.grid_model.row_exams):
            if header.sectionSize(row) != unit * count:
                header.resizeSection(row, unit * count)

    def on_changed(self, changes: Change) -> None:
        if changes & Change.EXAMS:
            self._reload()


def ex_default_year() -> str:
    from desktop.models.org import academic_year_of

    return academic_year_of(clock.today())
