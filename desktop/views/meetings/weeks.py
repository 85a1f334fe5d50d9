"""The meetings week by week: past and coming weeks, each meeting with its date, series, minutes
number, whether it was held and how many of its decisions are still open (the other view of the
calendar besides the month grid)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop import clock, colours, dates
from desktop.i18n import N_, _
from desktop.models import meetings as mt
from desktop.views.common.area import reads
from desktop.views.common.tablemodel import Column, RecordTableModel
from desktop.views.meetings.models import OVERDUE_TEXT

WEEKS_BEFORE, WEEKS_AFTER = 4, 8  # the list shows 4 past weeks, this week and 8 coming ones
WEEKS_SHOWN = WEEKS_BEFORE + 1 + WEEKS_AFTER
STEP = 4  # weeks moved by Earlier / Later
THIS_WEEK_BRUSH = QBrush(QColor(colours.role("info").fill))
EMPTY_TEXT = QBrush(QColor(colours.TEXT2))


def week_text(start: dt.date, end: dt.date, year: bool = True) -> str:
    return f"{start:%d.%m}–{dates.table(end)}" if year else f"{start:%d.%m}–{end:%d.%m}"


def week_rows(weeks: list[mt.MeetingWeek], today: dt.date,
              series_names: dict[int, str] | None = None) -> list[dict[str, Any]]:
    """The list's rows (records of its table model): one per meeting, with its series' name from
    ``series_names`` where given (the content language); a week without meetings is one row
    saying so (its id is None). The week's dates are written on its first row only, so the weeks
    read as blocks."""
    names = series_names or {}
    rows: list[dict[str, Any]] = []
    for w in weeks:
        label = week_text(w.start, w.end, year=False)  # the date column and the range above have it
        this_week = w.start <= today <= w.end
        if not w.meetings:
            rows.append({"id": None, "week": label, "date": None, "series": "", "number": None,
                         "held": None, "open_decisions": None, "this_week": this_week, "key": f"w{w.start}"})
        for i, m in enumerate(w.meetings):
            rows.append({**m, "series": names.get(m["series_id"], m["series"]), "week": label if i == 0 else "",
                         "this_week": this_week, "key": m["id"], "past": m["date"] < today})
    return rows


def _held(value) -> str:
    # a tick as in the month's list; the narrow left pane has no room for words
    return "✓" if value else ""


def _open(value) -> str:
    return "" if not value else str(value)


class WeekListModel(RecordTableModel):
    def __init__(self, parent=None):
        super().__init__([
            Column("week", N_("Week"), width=100),
            Column("date", N_("Date"), display=dates.table, width=76),
            Column("series", N_("Meeting series"), width=150),
            Column("number", N_("No."), width=32, align=Qt.AlignmentFlag.AlignRight),
            Column("held", N_("Held"), display=_held, width=46, align=Qt.AlignmentFlag.AlignCenter),
            Column("open_decisions", N_("Open decisions"), display=_open, width=50,
                   align=Qt.AlignmentFlag.AlignRight),
        ], parent, id_key="key")
        self.decorate = self._decorate

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.record(index)
        if row is not None and row["id"] is None and index.column() == 2 and role == Qt.ItemDataRole.DisplayRole:
            return _("no meetings")
        return super().data(index, role)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return _(self.columns[section].title)  # narrow headers are elided; the tooltip has them whole
        return super().headerData(section, orientation, role)

    @staticmethod
    def _decorate(row, column, role):
        if role == Qt.ItemDataRole.BackgroundRole and row["this_week"]:
            return THIS_WEEK_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole:
            if row["id"] is None:
                return EMPTY_TEXT
            if row.get("past") and not row["held"]:
                return OVERDUE_TEXT  # a past meeting not marked held: its minutes are still to be done
        if role == Qt.ItemDataRole.FontRole and column == 0 and row["week"]:
            font = QFont()
            font.setBold(True)
            return font
        return None


class WeekList(QWidget):
    """The week list with Earlier / This week / Later; ``meeting_chosen(id)`` is called on a click."""

    def __init__(self, page, parent=None):
        from desktop.views.meetings.editor import table

        super().__init__(parent)
        self.page = page
        self.anchor = clock.today()
        self.model = WeekListModel(self)
        self.view = table(self.model, 2)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        # room for the series' names beside the fixed columns; the editor keeps enough on a 1366 screen
        self.view.setMinimumWidth(480)
        self.view.selectionModel().currentChanged.connect(self._chosen)
        self.range_label = QLabel()
        self.buttons = {k: QToolButton() for k in ("earlier", "today", "later")}
        reads(*self.buttons.values())  # moving through the weeks reads
        self.buttons["earlier"].clicked.connect(lambda: self.move_by(-STEP))
        self.buttons["today"].clicked.connect(lambda: self.go_to(clock.today()))
        self.buttons["later"].clicked.connect(lambda: self.move_by(STEP))
        bar = QHBoxLayout()
        bar.addWidget(self.buttons["earlier"])
        bar.addWidget(self.buttons["today"])
        bar.addWidget(self.buttons["later"])
        bar.addWidget(self.range_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def retranslate_ui(self) -> None:
        self.buttons["earlier"].setText(_("◀ Earlier"))
        self.buttons["today"].setText(_("This week"))
        self.buttons["later"].setText(_("Later ▶"))
        self.model.retranslate()
        self.load()

    def move_by(self, weeks: int) -> None:  # not QWidget.move: that places the widget
        self.go_to(self.anchor + dt.timedelta(days=7 * weeks))

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self.load()

    def first_monday(self) -> dt.date:
        return self.anchor - dt.timedelta(days=self.anchor.weekday() + 7 * WEEKS_BEFORE)

    def load(self) -> None:
        start = self.first_monday()
        with self.page.ctx.db.session() as s:
            weeks = mt.meetings_by_week(s, start, WEEKS_SHOWN, self.page.series.currentData() or None)
            from desktop.views.translations import shown_versions

            names = shown_versions(s, "meeting_series", "name")  # in the content language, where chosen
        self.model.set_rows(week_rows(weeks, clock.today(), names))
        self.range_label.setText(week_text(weeks[0].start, weeks[-1].end))
        if self.page.meeting_id is not None:
            self.select(self.page.meeting_id)

    def select(self, meeting_id: int) -> None:
        i = self.model.row_of(meeting_id)
        if i >= 0:
            self.view.blockSignals(True)
            self.view.setCurrentIndex(self.model.index(i, 1))
            self.view.blockSignals(False)

    def _chosen(self, current, _previous) -> None:
        row = self.model.record(current)
        if row and row["id"] is not None and row["id"] != self.page.meeting_id:
            self.page.meeting_id = row["id"]
            self.page.editor.load(row["id"])
