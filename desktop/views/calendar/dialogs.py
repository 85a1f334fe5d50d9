"""Dialogs of the calendar editor: one term's date / range / text / rule of an event, and the
office's days-off overrides (a decree's extra day off or working Saturday) next to the list of
the country's days off the holidays package knows (so the office sees what is there before
adding a decree)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import clock, colours, i18n
from desktop.i18n import _
from desktop.models.academic_calendar import CalendarData, Entry, Rule, RuleKind, term_label
from desktop.models.workdays import OverrideKind
from desktop.views.calendar.models import DaysOffModel, OverridesModel
from desktop.views.common.forms import date_edit, ok_cancel


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class EntryForm:
    """The logic of the entry dialog, testable without showing it: fields -> Entry or an error."""

    @staticmethod
    def build(mode: str, start: dt.date, end: dt.date, single: bool, text: str, rule_kind: str, days: int,
              working: bool, ref_id: int | None, from_start: bool) -> Entry:
        if mode == "none":
            return Entry()
        if mode == "rule":
            if ref_id is None:
                raise ValueError(_("Choose the event the rule counts from."))
            return Entry(text=text.strip(), rule=Rule(rule_kind, days, ref_id, working, "", from_start))
        if mode == "text":
            return Entry(text=text.strip())
        if not single and end < start:
            raise ValueError(_("The end is before the start."))
        return Entry(start, start if single else end, text.strip())


class EntryDialog(QDialog):
    def __init__(self, data: CalendarData, event_id: int, term: str, entry: Entry, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Date of the event"))
        event = data.event(event_id)
        self.modes = QButtonGroup(self)
        row = QHBoxLayout()
        self.mode_buttons = {}
        for key, label in (("dates", _("Date or period")), ("text", _("Text only")), ("rule", _("Rule")),
                           ("none", _("Nothing"))):
            b = QRadioButton(label)
            self.mode_buttons[key] = b
            self.modes.addButton(b)
            row.addWidget(b)
        today = clock.today()
        self.start = date_edit(entry.start or today)
        self.end = date_edit(entry.end or entry.start or today)
        self.single = QCheckBox(_("One day"))
        self.single.setChecked(entry.start is not None and entry.start == entry.end)
        self.text = QLineEdit(entry.text)
        self.rule_kind = QComboBox()
        for kind in RuleKind:
            self.rule_kind.addItem(kind.label(), kind.value)
        self.days = QSpinBox()
        self.days.setRange(0, 400)
        self.working = QComboBox()
        self.working.addItem(_("working days"), True)
        self.working.addItem(_("calendar days"), False)
        self.reference = QComboBox()
        for e in data.events:
            if e.id != event_id:
                self.reference.addItem(f"{e.number} {e.title}"[:90], e.id)
        self.anchor = QComboBox()
        self.anchor.addItem(_("its end"), False)
        self.anchor.addItem(_("its start"), True)
        if entry.rule is not None:
            self.rule_kind.setCurrentIndex(self.rule_kind.findData(entry.rule.kind))
            self.days.setValue(entry.rule.days)
            self.working.setCurrentIndex(0 if entry.rule.working else 1)
            self.reference.setCurrentIndex(max(0, self.reference.findData(entry.rule.ref_event_id)))
            self.anchor.setCurrentIndex(1 if entry.rule.from_start else 0)
        mode = "rule" if entry.rule else "dates" if entry.start else "text" if entry.text else "dates"
        self.mode_buttons[mode].setChecked(True)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {colours.role('danger').text};")
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{event.number} {event.title}</b> — {term_label(term)}"
                           if event else ""))
        form.addRow(row)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end)
        dates.addWidget(self.single)
        form.addRow(_("Dates:"), dates)
        form.addRow(_("Text:"), self.text)
        rule = QHBoxLayout()
        for w in (self.rule_kind, self.days, self.working):
            rule.addWidget(w)
        form.addRow(_("Rule:"), rule)
        form.addRow(_("Counted from:"), self.reference)
        form.addRow("", self.anchor)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.result_entry: Entry | None = None

    def mode(self) -> str:
        return next(k for k, b in self.mode_buttons.items() if b.isChecked())

    def entry(self) -> Entry:
        return EntryForm.build(self.mode(), _pydate(self.start.date()), _pydate(self.end.date()),
                               self.single.isChecked(), self.text.text(), self.rule_kind.currentData(),
                               self.days.value(), self.working.currentData(), self.reference.currentData(),
                               self.anchor.currentData())

    def accept(self) -> None:
        try:
            self.result_entry = self.entry()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


class OverridesDialog(QDialog):
    """Lists the overrides; add and remove call back into the page (undo stack). A second tab
    lists the days off of a year as the package knows them, with the overrides applied."""

    def __init__(self, page, country: str, parent=None, year: int | None = None):
        super().__init__(parent)
        self.page, self.country = page, country
        self.setWindowTitle(_("Days off and working days by decree ({country})").format(country=country))
        self.model = OverridesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.day = date_edit()
        self.kind = QComboBox()
        for kind in OverrideKind:
            self.kind.addItem(OverrideKind(kind).label(), kind.value)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("Decree, e.g. No. 12 of 01.03.2026"))
        self.add_button = QPushButton(_("Add"))
        self.remove_button = QPushButton(_("Remove"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        for w in (self.day, self.kind, self.note, self.add_button):
            row.addWidget(w)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.state_institution = QCheckBox(_("Our faculty is a state (budget-funded) institution"))
        self.state_institution.setToolTip(_("Governments set some days off for state institutions only; "
                                            "Dekanat offers them when this is ticked."))
        self.state_institution.toggled.connect(self._state_institution_toggled)
        self.public_sector = QPushButton()
        self.public_sector.clicked.connect(self._apply_public_sector)
        decrees = QWidget()
        dl = QVBoxLayout(decrees)
        public_row = QHBoxLayout()
        public_row.addWidget(self.state_institution)
        public_row.addStretch(1)
        public_row.addWidget(self.public_sector)
        dl.addLayout(public_row)
        dl.addWidget(self.table)
        dl.addLayout(row)
        dl.addWidget(self.remove_button)
        self.days_off = DaysOffModel(self)
        self.days_off_table = QTableView()
        self.days_off_table.setModel(self.days_off)
        self.days_off_table.setWordWrap(True)
        self.days_off_table.horizontalHeader().setStretchLastSection(True)
        self.days_off_table.verticalHeader().setVisible(False)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or clock.today().year)
        self.year.valueChanged.connect(self.reload)
        holidays = QWidget()
        hl = QVBoxLayout(holidays)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(_("Year:")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        hl.addLayout(year_row)
        hl.addWidget(self.days_off_table)
        self.tabs = QTabWidget()
        self.tabs.addTab(holidays, _("Days off of the year"))
        self.tabs.addTab(decrees, _("Changes by decree"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.resize(720, 480)
        self.reload()

    def reload(self) -> None:
        from desktop.models import settings
        from desktop.models.workdays import load_overrides, public_sector_overrides_to_offer, work_calendar

        with self.page.ctx.db.session() as s:
            self.model.set_overrides(load_overrides(s, self.country))
            work = work_calendar(s, self.country)
            state = bool(settings.get(s, "state_institution"))
            offered = public_sector_overrides_to_offer(s, self.country)
        self.state_institution.blockSignals(True)
        self.state_institution.setChecked(state)
        self.state_institution.blockSignals(False)
        self.public_sector.setText(_("Add the days off for state institutions ({count})").format(count=len(offered)))
        self.public_sector.setVisible(state)
        self.public_sector.setEnabled(bool(offered))
        self.days_off.set_days(work.days_off(self.year.value(), i18n.current_language()))
        self.days_off_table.resizeColumnsToContents()
        self.days_off_table.resizeRowsToContents()

    def _state_institution_toggled(self, checked: bool) -> None:
        self.page.set_state_institution(checked)
        self.reload()

    def _apply_public_sector(self) -> None:
        self.page.apply_public_sector_days(self.country)
        self.reload()

    def add(self) -> None:
        self.page.set_override(self.country, _pydate(self.day.date()), self.kind.currentData(), self.note.text())
        self.reload()

    def remove(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            day = self.model.rows[index.row()]["day"]
            self.page.set_override(self.country, day, None, "")
            self.reload()
