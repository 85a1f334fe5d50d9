"""The academic calendar editor: the table of events by category and term, the year view,
validation shown inline, the office's day-off overrides, exports and print preview."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, QSize, QStringListModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop import clock, i18n
from desktop.i18n import _
from desktop.models import academic_calendar as ac
from desktop.models import calendar_checks, workdays
from desktop.models import calendar_operations as cops
from desktop.models.base import DomainError
from desktop.models.operations import Change, bind
from desktop.models.year_view import CATEGORY_COLOURS, build_year_view
from desktop.views import settings as ui_settings
from desktop.views.calendar.dialogs import EntryDialog, OverridesDialog
from desktop.views.calendar.events_model import EVENT_ID_ROLE, KIND_LABELS, TERM_ROLE, EventsModel
from desktop.views.calendar.year_view import YearViewWidget
from desktop.views.common.area import AreaPage
from desktop.views.common.operations import run
from desktop.views.common.page import EmptyState, Legend, PageHeader

CURRENT = ui_settings.CALENDAR_CURRENT
TAB = ui_settings.CALENDAR_TAB
SPLITTER = ui_settings.CALENDAR_SPLITTER


class WrapDelegate(QStyledItemDelegate):
    """Row heights from the text wrapped at the column's real width: the default size hint does
    not know the width, so long titles and rule texts ("within 5 working days after the end of
    …") were cut after two lines with an ellipsis."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index):
        hint = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self.view.columnWidth(index.column()) - 10
        if not opt.text or width <= 0:
            return hint
        rect = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100000),
                                            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft), opt.text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class KindDelegate(WrapDelegate):
    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for kind, label in KIND_LABELS.items():
            combo.addItem(_(label), kind)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CalendarArea(AreaPage):
    shows = Change.CALENDAR | Change.WORKDAYS | Change.SETTINGS | Change.TEXTS

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.data: ac.CalendarData | None = None
        self._wanted: int | None = None  # a calendar just made (redo of New / Copy) is shown at once
        self.chooser = QComboBox()
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(28)
        self.chooser.currentIndexChanged.connect(self._calendar_chosen)
        # Commands: one QAction each (the bar, the Academic calendar menu, the context menu, the keys).
        has = lambda: self.data is not None  # noqa: E731
        on_event = lambda: self.data is not None and self.tree.currentIndex().isValid()  # noqa: E731
        for key, slot, kind, role, when in (
                ("add", self.add_event, "primary", "new", has),
                ("sub", self.add_sub_row, "record", None, on_event),
                ("date", self.edit_date, "record", None, on_event),
                ("delete", self.delete_event, "record", "delete", on_event),
                ("preview", self.preview, "print", "preview", has),
                ("year_pdf", self.preview_year_view, "print", None, has),
                ("pdf", self.export_pdf, "pdf", None, has),
                ("xlsx", self.export_xlsx, "excel", "excel", has),
                ("new", self.new_calendar, "file", None, None),
                ("copy", self.copy_to_next_year, "file", None, has),
                ("props", self.edit_properties, "other", None, has),
                ("overrides", self.edit_overrides, "other", None, has),
                ("translations", lambda: self.open_translations(), "other", None, has)):
            self.add_command(key, lambda slot=slot: slot(), kind=kind, role=role, enabled_when=when,
                             icon={"add": "new", "delete": "delete"}.get(key))
        self.buttons = self.commands
        self.search = QLineEdit()  # filters the events by title or note, in any language (Ctrl+F)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._find)
        self._search_text: dict[int, str] = {}  # event id -> its texts and every version of them
        self.header = PageHeader(self, context=[self.chooser], search=self.search)
        self.set_search(self.search)
        self.title = self.header.title
        content_lang = QAction(self, checkable=True)
        content_lang.setChecked(ui_settings.get(ui_settings.CONTENT_SHOWN) == "interface")
        content_lang.toggled.connect(lambda _checked: self.toggle_content_language())
        self.adopt_command("content_lang", content_lang, kind="other")
        self.model = EventsModel(self)
        self.model.on_edit = self._edit_event
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.tree.setItemDelegate(WrapDelegate(self.tree))
        self.tree.setItemDelegateForColumn(2, KindDelegate(self.tree))
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.doubleClicked.connect(self._double_clicked)
        self.problems = QStringListModel(self)
        self.problem_list = QListView()
        self.problem_list.setModel(self.problems)
        self.problem_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_list.activated.connect(self._problem_activated)
        self.problem_label = QLabel()
        lower = QWidget()
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        low.addWidget(self.problem_label)
        low.addWidget(self.problem_list)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.splitterMoved.connect(lambda *_: ui_settings.put(SPLITTER, self.splitter.saveState()))
        state = ui_settings.get(SPLITTER)
        if state:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([600, 120])
        self.year_view = YearViewWidget()
        self.year_view.band_clicked.connect(self._band_clicked)
        # The year view's bands are named by a legend of the event kinds, in their colours.
        self.legend = Legend([(c.value, ac.Category.labels()[c]) for c in CATEGORY_COLOURS],
                             fills={c.value: colour for c, colour in CATEGORY_COLOURS.items()}, columns=6)
        year_page = QWidget()
        yl = QVBoxLayout(year_page)
        yl.setContentsMargins(0, 0, 0, 0)
        yl.addWidget(self.year_view, 1)
        yl.addWidget(self.legend)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(year_page, "")
        self.tabs.setCurrentIndex(ui_settings.get(TAB))
        self.tabs.currentChanged.connect(lambda i: ui_settings.put(TAB, i))
        self.empty = EmptyState(self, ["new"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.command_bar())
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.tabs, 1)
        self.set_list(self.tree)
        self.refresh()

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

    # Texts ----------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.header.set_title(_("Academic calendar"))
        self.set_search(self.search)
        labels = {"new": _("New calendar…"), "props": _("Calendar properties…"), "copy": _("Copy to next year"), "add": _("Add event"),
                  "sub": _("Add sub-row"), "delete": _("Delete"), "date": _("Date…"),
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

    # Loading --------------------------------------------------------------
    def _fill_chooser(self) -> None:
        with self.ctx.db.session() as s:
            items = ac.calendars(s)
        wanted = self._wanted or (self.data.id if self.data else ui_settings.get(CURRENT))
        self._wanted = None
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for cal_id, year, level, layout in items:
            level_label = _("Bachelor") if level == "bachelor" else _("Master")
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
            term = _(ac.TERM_LABELS.get(p.term, p.term)) if p.term else ""
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

    # Running model-layer operations --------------------------------------
    def _do(self, text: str, op, after=None):
        return run(self, text, op, after=after, title=_("Academic calendar"))

    def selected_event_id(self) -> int | None:
        return self.tree.currentIndex().data(EVENT_ID_ROLE) if self.tree.currentIndex().isValid() else None

    # Editing --------------------------------------------------------------
    def toggle_content_language(self) -> None:
        """The one setting (shared with the work plan): texts in their original or the interface language."""
        on = self.buttons["content_lang"].isChecked()
        ui_settings.put(ui_settings.CONTENT_SHOWN, "interface" if on else "original")
        self.ctx.notify(Change.CONTENT_LANGUAGE)  # every page, this one too, shows the choice

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

    def _edit_event(self, event_id: int, key: str, value) -> None:
        from desktop.views.translations import content_language

        shown = self.model.data_.event(event_id) if self.model.data_ is not None else None
        lang = content_language()
        if lang and shown is not None and key in getattr(shown, "shown_versions", ()):
            from desktop.models.text_versions import set_version_op  # the version shown is the one edited

            self._do(_("Edit event"), bind(set_version_op, "calendar_event", event_id, key, lang, value, Change.CALENDAR))
            return
        self._do(_("Edit event"), bind(cops.update_event_op, event_id, **{key: value}))

    def set_entry(self, event_id: int, term: str, entry: ac.Entry) -> None:
        self._do(_("Change date"), bind(cops.set_entry_op, event_id, term, entry))

    def edit_date(self, event_id: int | None = None, term: str | None = None) -> None:
        index = self.tree.currentIndex()
        event_id = event_id or self.selected_event_id()
        term = term or (index.data(TERM_ROLE) if index.isValid() else None) or (self.data.terms[0] if self.data else None)
        if self.data is None or event_id is None or term is None:  # term: None only without a calendar
            return
        event = self.data.event(event_id)
        assert event is not None  # the tree's and the year view's events are the loaded calendar's
        entry = event.entries.get(term, ac.Entry())
        dialog = EntryDialog(self.data, event_id, term, entry, self)
        if dialog.exec() and dialog.result_entry is not None:
            self.set_entry(event_id, term, dialog.result_entry)

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

    def new_calendar(self, year: str | None = None, values: dict | None = None) -> None:
        """A new calendar; without ``values`` the properties dialog asks (level, layout, country ...)."""
        if values is None:
            from desktop.views.calendar.properties import CalendarPropertiesDialog

            with self.ctx.db.session() as s:
                layout = ac.default_layout(s)  # the faculty's semesters or trimesters
            defaults = {"level": "bachelor", "layout": layout, "country": self.ctx.country,
                        "teaching_weeks": 15, "title": self.data.title if self.data else "", "approval": ""}
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

    def edit_properties(self, values: dict | None = None) -> None:
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
            values = {k: v for k, v in dialog.values().items() if v != current.get(k)}
        if not values:
            return
        self._do(_("Change calendar properties"), bind(cops.update_calendar_op, cal_id, **values))

    def copy_to_next_year(self) -> None:
        if self.data is None:
            return
        self._do(_("Copy calendar to next year"), bind(cops.copy_to_next_year_op, self.data.id), after=self._select_made)

    def _select_calendar(self, cal_id) -> None:
        self._fill_chooser()
        i = self.chooser.findData(cal_id)
        if i >= 0:
            self.chooser.setCurrentIndex(i)

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

    # Exports --------------------------------------------------------------
    def _report_inputs(self, ask: bool = False):
        """The calendar with its texts in the report language (the original where a text has no
        version), its resolved dates and engine; None when the user chose not to export."""
        from desktop.models.text_documents import localize_calendar
        from desktop.views.translations import confirm_missing

        assert self.data is not None  # the export commands need a calendar shown
        lang = self.ctx.report_language
        with self.ctx.db.session() as s:
            work = ac.calendar_engine(s, self.data)
            data, missing = localize_calendar(s, self.data, lang)
        if ask and not confirm_missing(self, missing, lang, self.open_translations):
            return None
        return data, ac.resolve(data, work), work

    def open_translations(self, missing_lang: str | None = None) -> None:
        """The calendar's texts side by side with their versions."""
        from desktop.views.translations import TranslationsDialog

        if self.data is None:
            return
        dialog = TranslationsDialog(self.ctx, "calendar", self.data.id, self.chooser.currentText(),
                                    missing_lang=missing_lang, parent=self)
        dialog.exec()

    def pdf_bytes(self, year_view: bool = False, inputs=None) -> bytes:
        from desktop.reports.calendar_pdf import calendar_pdf, year_view_pdf

        data, resolved, work = inputs or self._report_inputs()
        lang = self.ctx.report_language
        out = io.BytesIO()
        if year_view:
            year_view_pdf(out, build_year_view(data, resolved, work, lang), lang)
        else:
            calendar_pdf(out, data, resolved, work, lang, frame=self._frame(lang))
        return out.getvalue()

    def _frame(self, lang: str):
        from desktop.models.document_frame import document_frame

        with self.ctx.db.session() as s:
            return document_frame(s, "calendar", lang)

    def _save_name(self, suffix: str, filt: str) -> str:
        assert self.data is not None  # asked only for an export of the shown calendar
        folder = ui_settings.get(ui_settings.LAST_FOLDER) or ""
        name = f"{folder}/calendar-{self.data.year_name}.{suffix}" if folder else f"calendar-{self.data.year_name}.{suffix}"
        path, _f = QFileDialog.getSaveFileName(self, _("Export"), name, filt)
        if path:
            import os

            ui_settings.put(ui_settings.LAST_FOLDER, os.path.dirname(path))
        return path

    def export_pdf(self) -> None:
        if self.data is None:
            return
        inputs = self._report_inputs(ask=True)
        path = self._save_name("pdf", "PDF (*.pdf)") if inputs else ""
        if path:
            from desktop.views.common.tasks import save_file

            data = self.pdf_bytes(inputs=inputs)
            if save_file(self, _("Export"), path, lambda tmp: Path(tmp).write_bytes(data)):
                self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def export_xlsx(self) -> None:
        if self.data is None:
            return
        inputs = self._report_inputs(ask=True)
        path = self._save_name("xlsx", "Excel (*.xlsx)") if inputs else ""
        if path:
            from desktop.reports.calendar_xlsx import calendar_xlsx
            from desktop.views.common.tasks import save_file

            data, resolved, work = inputs
            frame = self._frame(self.ctx.report_language)
            if save_file(self, _("Export"), path,
                         lambda tmp: calendar_xlsx(tmp, data, resolved, work, self.ctx.report_language, frame=frame)):
                self.ctx.status_message.emit(_("Saved {path}").format(path=path))

    def preview(self) -> None:
        if self.data is not None:
            from desktop.views.common.printing import preview_pdf

            preview_pdf(self, self.pdf_bytes(), _("Academic calendar"))

    def preview_year_view(self) -> None:
        if self.data is not None:
            from desktop.views.common.printing import preview_pdf

            preview_pdf(self, self.pdf_bytes(year_view=True), _("Year view"))
