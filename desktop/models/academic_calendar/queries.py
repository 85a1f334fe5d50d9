"""Finding calendars and periods: the API of other areas (see the package's docstring)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.academic_calendar.entities import EVENT_KINDS, NAMED_PERIODS, AcademicCalendar, CalendarData, Layout
from desktop.models.academic_calendar.rules import load, resolve
from desktop.models.base import DomainError
from desktop.models.workdays import WorkCalendar

# Finding calendars and periods (the API of other areas) -------------------------------

def calendars(session: Session) -> list[tuple[int, str, str, str]]:
    """(id, year, level, layout) of every calendar, newest year first."""
    rows = session.execute(select(AcademicCalendar.id, AcademicCalendar.year_name, AcademicCalendar.level,
                                  AcademicCalendar.layout)
                           .order_by(AcademicCalendar.year_name.desc(), AcademicCalendar.level,
                                     AcademicCalendar.layout)).all()
    return [(cid, year, level, layout) for cid, year, level, layout in rows]


def default_layout(session: Session) -> str:
    """The faculty's year layout (``year_layout``, set in the set-up assistant and the Faculty
    editor): the layout of a new calendar, and the calendar a year's dates are read from first."""
    from desktop.models import settings
    from desktop.models.faculty_profile import YEAR_LAYOUT

    layout = settings.get(session, YEAR_LAYOUT.key)
    return layout if layout in (Layout.SEMESTER.value, Layout.TRIMESTER.value) else Layout.SEMESTER.value


def _calendars(session: Session, year_name: str, level: str, layout: str | None) -> list[int]:
    """The year's calendars of ``layout``; without it every layout, the faculty's own first."""
    if layout:
        layouts = [layout]
    else:
        first = default_layout(session)
        layouts = [first] + [lay.value for lay in Layout if lay.value != first]
    found = []
    for lay in layouts:
        cal_id = session.scalar(select(AcademicCalendar.id).where(
            AcademicCalendar.year_name == year_name, AcademicCalendar.level == level,
            AcademicCalendar.layout == lay))
        if cal_id is not None:
            found.append(cal_id)
    return found


def find_calendar(session: Session, year_name: str, level: str = "bachelor", layout: str | None = None) -> int | None:
    """The calendar of a year and level; without ``layout`` the one in the faculty's layout
    (``default_layout``), else the other one."""
    found = _calendars(session, year_name, level, layout)
    return found[0] if found else None


def calendar_engine(session: Session, data: CalendarData) -> WorkCalendar:
    from desktop.models.workdays import work_calendar

    return work_calendar(session, data.country)


def period_in(data: CalendarData, resolved, kind: str) -> tuple[dt.date, dt.date] | None:
    """A named period (see the module docstring) within an already resolved calendar."""
    event_kind, term = NAMED_PERIODS.get(kind, (kind, None))
    if ":" in kind:
        event_kind, term = kind.split(":", 1)
    if event_kind not in EVENT_KINDS:
        raise DomainError(_("Unknown calendar period “{kind}”.").format(kind=kind))
    spans = [p for e in data.events if e.kind == event_kind
             for t in (data.terms if term is None else (term,)) if (p := resolved.get((e.id, t)))]
    if not spans:
        return None
    return min(p[0] for p in spans), max(p[1] for p in spans)


def event_period(session: Session, year_name: str, kind: str, level: str = "bachelor",
                 layout: str | None = None) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of a named period of a year's calendar, None when it has none. Without
    ``layout``: from the calendar in the faculty's layout, or the other one when that lacks the period."""
    for cal_id in _calendars(session, year_name, level, layout):
        data = load(session, cal_id)
        span = period_in(data, resolve(data, calendar_engine(session, data)), kind)
        if span is not None:
            return span
    return None


def resolve_relative(session: Session, year_name: str, kind: str, level: str = "bachelor") -> dt.date | None:
    """"After the winter session" as a date: the first working day after the period ends.

    ``"start:spring_term"`` / ``"end:winter_session"`` give the period's own first / last day.
    """
    edge = ""
    if kind.startswith(("start:", "end:")):
        edge, kind = kind.split(":", 1)
    for cal_id in _calendars(session, year_name, level, None):  # the faculty's layout first
        data = load(session, cal_id)
        work = calendar_engine(session, data)
        span = period_in(data, resolve(data, work), kind)
        if span is not None:
            break
    else:
        return None
    if edge == "start":
        return span[0]
    if edge == "end":
        return span[1]
    return work.add_working_days(span[1], 1)
