"""The year view of an academic calendar as plain data: twelve month grids (September to
August) of day cells, each knowing its weekday, whether it is a day off, the holiday's name,
the periods covering it and its teaching week. The Qt widget and the one-page PDF both paint
from this, so what they show is tested without a screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop import clock
from desktop.models.academic_calendar import CalendarData, Category, Resolved
from desktop.models.workdays import ONE_DAY, WorkCalendar, teaching_week

# One colour per category (hex, light enough to read day numbers on).
CATEGORY_COLOURS = {
    Category.REGISTRATION: "#9FC5E8", Category.TEACHING: "#B6D7A8", Category.SURVEYS: "#D5A6BD",
    Category.MIDTERM: "#FFE599", Category.FINAL_EXAMS: "#F6B26B", Category.APPEALS: "#EA9999",
    Category.FX_RETAKES: "#E06666", Category.DEANS_LIST: "#B4A7D6", Category.EXTRA_TERMS: "#76A5AF",
    Category.FINAL_ATTESTATION: "#8E7CC3", Category.GRADUATION: "#C27BA0", Category.VACATION: "#CCCCCC",
}


@dataclass(frozen=True)
class Band:
    """A period drawn as a coloured band."""

    event_id: int
    term: str
    category: str
    title: str
    start: dt.date
    end: dt.date

    @property
    def colour(self) -> str:
        return CATEGORY_COLOURS[Category(self.category)]


@dataclass
class DayCell:
    date: dt.date
    weekday: int  # 0 = Monday
    is_day_off: bool
    holiday: str | None  # name in the view's language, None on a plain weekend or working day
    bands: list[Band] = field(default_factory=list)
    week: int | None = None  # teaching week, when inside a teaching period
    is_today: bool = False


@dataclass
class MonthGrid:
    year: int
    month: int
    weeks: list[list[DayCell | None]]  # rows Monday..Sunday; None outside the month

    def cells(self) -> list[DayCell]:
        return [c for row in self.weeks for c in row if c is not None]


@dataclass
class YearView:
    data: CalendarData
    months: list[MonthGrid]
    bands: list[Band]

    def cell(self, day: dt.date) -> DayCell | None:
        for m in self.months:
            if (m.year, m.month) == (day.year, day.month):
                return next(c for c in m.cells() if c.date == day)
        return None


def build_year_view(data: CalendarData, resolved: Resolved, work: WorkCalendar, lang: str = "en",
                    today: dt.date | None = None, *, sub_rows: bool = False) -> YearView:
    """Cells for September of the calendar's first year to August of the second.

    ``resolved`` is ``academic_calendar.resolve(data, work)``. Sub-rows (per school) are left
    out unless ``sub_rows``: their parent's span stands for them.
    """
    today = today or clock.today()
    first = int(data.year_name[:4])
    bands = [Band(e.id, t, e.category, e.title, *resolved[(e.id, t)])
             for e in data.events if sub_rows or e.parent_id is None
             for t in data.terms if (e.id, t) in resolved]
    teaching = [b for b in bands if (ev := data.event(b.event_id)) and ev.kind == "teaching"]
    holidays = {}
    for year in (first, first + 1):
        holidays.update(dict(work.days_off(year, lang)))
    months = []
    for i in range(12):
        year, month = (first, 9 + i) if i < 4 else (first + 1, i - 3)
        day = dt.date(year, month, 1)
        rows: list[list[DayCell | None]] = [[None] * 7]
        while day.month == month:
            if day.weekday() == 0 and day.day != 1:
                rows.append([None] * 7)
            cell = DayCell(day, day.weekday(), work.is_day_off(day), holidays.get(day),
                           [b for b in bands if b.start <= day <= b.end], None, day == today)
            for b in teaching:
                if b.start <= day <= b.end:
                    cell.week = teaching_week(day, b.start)
            rows[-1][day.weekday()] = cell
            day += ONE_DAY
        months.append(MonthGrid(year, month, rows))
    return YearView(data, months, bands)
