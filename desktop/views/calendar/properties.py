"""A calendar's own properties: year (new calendars only), level, layout, country, required
teaching weeks, title and approval block. Used by "New calendar…" and "Calendar properties…"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from desktop import colours
from desktop.i18n import _
from desktop.models.academic_calendar import LEVELS, CalendarProperties, Layout
from desktop.models.workdays import COUNTRIES, COUNTRY_NAMES
from desktop.views.common.forms import ok_cancel


class CalendarPropertiesDialog(QDialog):
    """``values()`` gives what the page stores; with ``year`` None the year is asked for (new calendar)."""

    def __init__(self, values: CalendarProperties, year: str | None = None, parent=None):
        super().__init__(parent)
        self.is_new = year is None
        self.setWindowTitle(_("New calendar") if self.is_new else _("Calendar properties"))
        self.year = QLineEdit(year or "")
        self.year.setPlaceholderText("2026-2027")
        self.year.setReadOnly(not self.is_new)
        self.level = QComboBox()
        for level in LEVELS:
            self.level.addItem(level.label(), level.value)
        self.layout_ = QComboBox()
        for kind in Layout:
            self.layout_.addItem(Layout(kind).label(), kind.value)
        self.country = QComboBox()
        for country in COUNTRIES:
            self.country.addItem(f"{_(COUNTRY_NAMES[country])} ({country})", country)
        self.weeks = QSpinBox()
        self.weeks.setRange(0, 52)
        self.weeks.setSpecialValueText(_("not checked"))
        self.title = QLineEdit()
        self.approval = QPlainTextEdit()
        self.approval.setTabChangesFocus(True)
        self.approval.setFixedHeight(90)
        self.set_values(values)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {colours.role('danger').text};")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Academic year:"), self.year)
        form.addRow(_("Level:"), self.level)
        form.addRow(_("Layout:"), self.layout_)
        form.addRow(_("Days off of:"), self.country)
        form.addRow(_("Teaching weeks per term:"), self.weeks)
        form.addRow(_("Title:"), self.title)
        form.addRow(_("Approval:"), self.approval)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def set_values(self, values: CalendarProperties) -> None:
        for combo, key in ((self.level, "level"), (self.layout_, "layout"), (self.country, "country")):
            i = combo.findData(values.get(key))
            combo.setCurrentIndex(max(0, i))
        self.weeks.setValue(values.get("teaching_weeks") or 0)
        self.title.setText(values.get("title", ""))
        self.approval.setPlainText(values.get("approval", ""))

    def values(self) -> CalendarProperties:
        return {"level": self.level.currentData(), "layout": self.layout_.currentData(),
                "country": self.country.currentData(), "title": self.title.text().strip(),
                "approval": self.approval.toPlainText().strip(), "teaching_weeks": self.weeks.value() or None}

    def year_name(self) -> str:
        return self.year.text().strip()

    def accept(self) -> None:
        if self.is_new:
            from desktop.models.base import DomainError
            from desktop.models.org import parse_year_name

            try:
                parse_year_name(self.year_name())
            except (DomainError, ValueError) as exc:
                self.error.setText(str(exc))
                return
        super().accept()
