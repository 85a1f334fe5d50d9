"""Work plan deadlines relative to calendar events ("after the winter session") resolved
through the academic calendar. Where a year has no calendar, the work plan's usual periods apply.

Each event is a window of two weeks: from the first working day after the session (or from the
start of the autumn term), or the last two weeks before the end of the year's last session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy.orm import Session

from desktop.models import academic_calendar as ac
from desktop.models import workplan_deadline

WINDOW = dt.timedelta(days=14)


def event_periods(session: Session, first_years: Iterable[int], level: str = "bachelor"
                  ) -> dict[tuple[str, int], tuple[dt.date, dt.date]]:
    found: dict[tuple[str, int], tuple[dt.date, dt.date]] = {}
    for first in set(first_years):
        cal_id = ac.find_calendar(session, f"{first}-{first + 1}", level)
        if cal_id is None:
            continue
        data = ac.load(session, cal_id)
        work = ac.calendar_engine(session, data)
        dates = ac.resolve(data, work)
        autumn = ac.period_in(data, dates, "autumn_term")
        winter = ac.period_in(data, dates, "winter_session")
        summer = ac.period_in(data, dates, "summer_session")
        if autumn:
            found["start_of_year", first] = (autumn[0], autumn[0] + WINDOW)
        if winter:
            start = work.add_working_days(winter[1], 1)
            found["after_winter_session", first] = (start, start + WINDOW)
        if summer:
            start = work.add_working_days(summer[1], 1)
            found["after_summer_session", first] = (start, start + WINDOW)
            found["end_of_year", first] = (summer[1] - WINDOW, summer[1])
    return found


def install(session: Session, first_years: Iterable[int]) -> None:
    """Make the work plan's deadline rules use these years' calendars (called by the work plan
    queries before they evaluate deadlines)."""
    periods = event_periods(session, first_years)
    workplan_deadline.set_event_resolver(lambda event, first_year: periods.get((event, first_year)))
