"""Table columns of the calendar's days-off dialog, on the shared ``RecordTableModel``: the
office's overrides (a decree's extra day off or working Saturday) and the days off of a year."""

from __future__ import annotations

import datetime as dt

from desktop import dates, i18n
from desktop.i18n import N_
from desktop.models.workdays import OverrideKind
from desktop.views.common.tablemodel import Column, RecordTableModel

OVERRIDE_COLUMNS = (
    Column("day", N_("Date"), display=lambda day: i18n.current().short_date(day)),
    Column("kind", N_("Kind"), display=lambda kind: OverrideKind(kind).label()),
    Column("note", N_("Note")),
)
# The country's holidays and moved days off of one year (``WorkCalendar.days_off``): date,
# weekday, name in the interface language; the office's extra days off included.
DAY_OFF_COLUMNS = (
    Column("day", N_("Date"), display=dates.table),
    Column("day", N_("Weekday"), display=lambda day: i18n.current().weekday(day.weekday())),
    Column("name", N_("Holiday")),
)


class OverridesModel(RecordTableModel):
    """The office's overrides of one country, by date: rows ``{"day", "kind", "note"}``."""

    def __init__(self, parent=None):
        super().__init__(OVERRIDE_COLUMNS, parent, id_key="day")

    def set_overrides(self, rows: list[tuple[dt.date, str, str]]) -> None:
        self.set_rows([{"day": day, "kind": kind, "note": note} for day, kind, note in sorted(rows)])


class DaysOffModel(RecordTableModel):
    """The days off of a year: rows ``{"day", "name"}``."""

    def __init__(self, parent=None):
        super().__init__(DAY_OFF_COLUMNS, parent, id_key="day")

    def set_days(self, rows: list[tuple[dt.date, str]]) -> None:
        self.set_rows([{"day": day, "name": name} for day, name in rows])
