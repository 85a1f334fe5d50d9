"""The deadline editor: one page per kind, the rendered text in the report language below."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.dates import academic_year_bounds
from desktop.i18n import LANGUAGE_NAMES, LANGUAGES, _, current, translator
from desktop.models import workplan_deadline as dl
from desktop.views.common.forms import date_edit, ok_cancel, to_date


class DeadlineDialog(QDialog):
    def __init__(self, deadline: dl.Deadline, first_year: int, lang: str | None = None, parent=None):
        super().__init__(parent)
        self.first_year = first_year
        self.setWindowTitle(_("Deadline"))
        self.kind = QComboBox()
        for kind in dl.KINDS:
            self.kind.addItem(kind.label(), kind.value)
        self.pages = QStackedWidget()
        # months: a check box per month of the academic year
        months = QWidget()
        grid = QGridLayout(months)
        self.month_boxes: list[tuple[int, int, QCheckBox]] = []
        for i in range(12):
            m = (8 + i) % 12 + 1
            y = first_year if m >= 9 else first_year + 1
            box = QCheckBox(current().month_year(y, m, heading=True))
            self.month_boxes.append((y, m, box))
            grid.addWidget(box, i % 6, i // 6)
        self.pages.addWidget(months)
        dates = QWidget()
        form = QFormLayout(dates)
        year_start = academic_year_bounds(first_year)[0]
        self.start, self.end = date_edit(year_start), date_edit(year_start)
        self.start_label, self.end_label = QLabel(_("From")), QLabel(_("To"))
        form.addRow(self.start_label, self.start)
        form.addRow(self.end_label, self.end)
        self.pages.addWidget(dates)
        weekly = QWidget()
        row = QHBoxLayout(weekly)
        self.day_boxes = [QCheckBox(current().weekday(d)) for d in range(7)]
        for b in self.day_boxes:
            row.addWidget(b)
        self.pages.addWidget(weekly)
        self.pages.addWidget(QLabel(_("Once a month, every month of the academic year.")))
        self.pages.addWidget(QLabel(_("Throughout the academic year.")))
        events = QWidget()
        ev = QVBoxLayout(events)
        self.event_boxes = {e.value: QCheckBox(e.label()) for e in dl.EVENTS}
        for b in self.event_boxes.values():
            ev.addWidget(b)
        self.pages.addWidget(events)
        self.free_text = QLineEdit()
        self.pages.addWidget(self.free_text)
        self.lang = QComboBox()
        for code in LANGUAGES:
            self.lang.addItem(LANGUAGE_NAMES[code], code)
        self.lang.setCurrentIndex(LANGUAGES.index(lang) if lang in LANGUAGES else 0)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("font-weight: 600;")
        buttons = ok_cancel(self)
        top = QFormLayout()
        top.addRow(_("Kind"), self.kind)
        bottom = QHBoxLayout()
        bottom.addWidget(self.lang)
        bottom.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addLayout(bottom)
        layout.addWidget(buttons)
        self.set_deadline(deadline)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for w in [b for _y, _m, b in self.month_boxes] + self.day_boxes + list(self.event_boxes.values()):
            w.toggled.connect(self.update_preview)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.update_preview)
        self.free_text.textChanged.connect(self.update_preview)
        self.lang.currentIndexChanged.connect(self.update_preview)
        self.update_preview()

    def _kind_changed(self) -> None:
        self.pages.setCurrentIndex(self.kind.currentIndex())
        self.update_preview()

    def set_deadline(self, d: dl.Deadline) -> None:
        kind = d.get("kind", "text")
        self.kind.setCurrentIndex(dl.KINDS.index(kind))
        self.pages.setCurrentIndex(dl.KINDS.index(kind))
        chosen = {tuple(p) for p in d.get("months", [])}
        for y, m, box in self.month_boxes:
            box.setChecked((y, m) in chosen)
        if kind == "dates":
            s, e = dt.date.fromisoformat(d["start"]), dt.date.fromisoformat(d.get("end") or d["start"])
            self.start.setDate(QDate(s.year, s.month, s.day))
            self.end.setDate(QDate(e.year, e.month, e.day))
        for i, b in enumerate(self.day_boxes):
            b.setChecked(i in d.get("weekdays", []))
        for event, b in self.event_boxes.items():
            b.setChecked(event in d.get("events", []))
        self.free_text.setText(d.get("text", ""))

    def deadline(self) -> dl.Deadline:
        kind = self.kind.currentData()
        if kind == "months":
            return {"kind": kind, "months": [[y, m] for y, m, b in self.month_boxes if b.isChecked()]}
        if kind == "dates":
            s, e = to_date(self.start), to_date(self.end)
            return {"kind": kind, "start": min(s, e).isoformat(), "end": max(s, e).isoformat()}
        if kind == "weekly":
            return {"kind": kind, "weekdays": [i for i, b in enumerate(self.day_boxes) if b.isChecked()]}
        if kind == "event":
            return {"kind": kind, "events": [e for e, b in self.event_boxes.items() if b.isChecked()]}
        if kind == "text":
            return {"kind": kind, "text": self.free_text.text().strip()}
        return {"kind": kind}

    def update_preview(self) -> None:
        self.preview.setText(dl.render(self.deadline(), translator(self.lang.currentData())))
