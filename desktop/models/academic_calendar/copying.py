"""Copying a calendar to the next academic year."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import dates
from desktop.i18n import _
from desktop.models.academic_calendar.crud import create_calendar
from desktop.models.academic_calendar.entities import AcademicCalendar, CalendarDate, CalendarEvent
from desktop.models.base import DomainError


def weekday_shift(anchor: dt.date) -> dt.timedelta:
    """52 weeks, or 53 when 52 would pull ``anchor`` (the start of teaching) back into the previous
    month: the dates keep their weekdays (a Monday stays a Monday) and do not drift out of their month."""
    if (anchor + dt.timedelta(weeks=52)).month != anchor.month:
        return dt.timedelta(weeks=53)
    return dt.timedelta(weeks=52)


def _anchor(session: Session, calendar_id: int, year_name: str) -> dt.date:
    """The first teaching day of the calendar (else its first date, else 1 September)."""
    base = select(CalendarDate.start).join(CalendarEvent, CalendarDate.event_id == CalendarEvent.id).where(
        CalendarEvent.calendar_id == calendar_id, CalendarDate.start.is_not(None))
    day = session.scalar(base.where(CalendarEvent.kind == "teaching").order_by(CalendarDate.start).limit(1))
    if day is None:
        day = session.scalar(base.where(CalendarDate.start >= dates.academic_year_bounds(int(year_name[:4]))[0])
                             .order_by(CalendarDate.start).limit(1))
    return day or dates.academic_year_bounds(int(year_name[:4]))[0]


def copy_to_next_year(session: Session, calendar_id: int) -> int:
    """A copy of the calendar for the next academic year, dates moved to the same weekdays; returns its id."""
    cal = session.get(AcademicCalendar, calendar_id)
    if cal is None:
        raise DomainError(_("The calendar was deleted meanwhile; reload the list."))
    first = int(cal.year_name[:4])
    new_year = f"{first + 1}-{first + 2}"
    shift = weekday_shift(_anchor(session, calendar_id, cal.year_name))
    new_id = create_calendar(session, new_year, cal.level, cal.layout, cal.country, cal.title,
                             _shift_years_in_text(cal.approval, first), cal.teaching_weeks)
    id_map: dict[int, int] = {}
    events = session.scalars(select(CalendarEvent).where(CalendarEvent.calendar_id == calendar_id)
                             .order_by(CalendarEvent.parent_id.is_not(None), CalendarEvent.id)).all()
    for e in events:
        copy = CalendarEvent(calendar_id=new_id, category=e.category, kind=e.kind, position=e.position,
                             title=_shift_years_in_text(e.title, first), note=e.note,
                             parent_id=id_map.get(e.parent_id) if e.parent_id else None)
        session.add(copy)
        session.flush()
        id_map[e.id] = copy.id
    dates = session.scalars(select(CalendarDate).where(CalendarDate.event_id.in_(list(id_map)))).all()
    for d in dates:
        session.add(CalendarDate(
            event_id=id_map[d.event_id], term=d.term, start=d.start + shift if d.start else None,
            end=d.end + shift if d.end else None, text=_shift_years_in_text(d.text, first),
            rule_kind=d.rule_kind, rule_days=d.rule_days, rule_working=d.rule_working,
            rule_ref_id=id_map.get(d.rule_ref_id) if d.rule_ref_id else None, rule_ref_term=d.rule_ref_term,
            rule_from_start=d.rule_from_start))
    session.flush()
    _copy_versions(session, calendar_id, new_id, id_map)
    return new_id


def _copy_versions(session: Session, calendar_id: int, new_id: int, id_map: dict[int, int]) -> None:
    """Every language version of the calendar's texts goes along with the copy."""
    from desktop.models.text_versions import copy_versions

    copy_versions(session, "academic_calendar", {calendar_id: new_id})
    copy_versions(session, "calendar_event", id_map)
    old_dates = {(e, t): i for i, e, t in session.execute(select(CalendarDate.id, CalendarDate.event_id,
                                                                 CalendarDate.term)
                                                          .where(CalendarDate.event_id.in_(list(id_map))))}
    new_dates = {(e, t): i for i, e, t in session.execute(select(CalendarDate.id, CalendarDate.event_id,
                                                                 CalendarDate.term)
                                                          .where(CalendarDate.event_id.in_(list(id_map.values()))))}
    copy_versions(session, "calendar_date", {i: new_dates[(id_map[e], t)] for (e, t), i in old_dates.items()
                                             if (id_map[e], t) in new_dates})


def _shift_years_in_text(text: str, first: int) -> str:
    """"2024 - 2025" and "2025-2026" in titles move on by one year with the calendar."""
    import re

    def bump(m):
        a, b = int(m.group(1)), int(m.group(3))
        return f"{a + 1}{m.group(2)}{b + 1}" if b == a + 1 and first - 1 <= a <= first + 1 else m.group(0)

    return re.sub(r"\b(\d{4})(\s*-\s*)(\d{4})\b", bump, text or "")
