"""Reading meetings: the series, the meetings of a period (by week too), one meeting found by day,
a whole meeting as plain data for the editor and the printed agenda and minutes, the staff to
choose from. Every name here is importable from ``desktop.models.meetings`` too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import dates
from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.models.meetings_decisions import DecisionRow, decision_row
from desktop.models.meetings_entities import (
    AgendaItem,
    Decision,
    DecisionStatus,
    Meeting,
    MeetingSeries,
    _get,
)
from desktop.models.org import Staff

# Series ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SeriesRow:
    """A series as the lists show it."""

    id: int
    name: str
    kind: str  # a SeriesKind value
    recurrence: str  # a Recurrence value
    weekday: int  # 0 = Monday
    nth_week: int | None
    month_day: int | None
    time: str  # "HH:MM"
    place: str


def series_list(session: Session) -> list[SeriesRow]:
    return [SeriesRow(s.id, s.name, s.kind, s.recurrence, s.weekday, s.nth_week, s.month_day, s.time, s.place)
            for s in session.scalars(select(MeetingSeries).order_by(MeetingSeries.id))]


def series_by_name(session: Session, name: str) -> MeetingSeries | None:
    # compared in Python: SQLite's lower() folds only ASCII, and the names are Cyrillic
    wanted = name.strip().casefold()
    return next((s for s in session.scalars(select(MeetingSeries)) if s.name.casefold() == wanted), None)



# Meetings ----------------------------------------------------------------------------------

class MeetingRow(TypedDict):
    """A meeting in the lists of a period (the calendar, the weeks, Today). A mapping: the window's
    table models read their columns by key, and the window writes the series' name in the content
    language into its copy."""

    id: int
    date: dt.date
    time: str
    place: str
    number: int  # minutes No. within the series and academic year
    held: bool
    series_id: int
    series: str  # the series' name
    items: int  # agenda items
    open_decisions: int  # decisions taken there still open


def meetings_between(session: Session, start: dt.date, end: dt.date,
                     series_id: int | None = None) -> list[MeetingRow]:
    query = (select(Meeting.id, Meeting.date, Meeting.time, Meeting.place, Meeting.number, Meeting.held,
                    MeetingSeries.id, MeetingSeries.name,
                    select(func.count(AgendaItem.id)).where(AgendaItem.meeting_id == Meeting.id).scalar_subquery(),
                    select(func.count(Decision.id)).where(Decision.meeting_id == Meeting.id,
                                                          Decision.status == DecisionStatus.OPEN.value)
                    .scalar_subquery())
             .join(MeetingSeries).where(Meeting.date >= start, Meeting.date <= end)
             .order_by(Meeting.date, Meeting.time, MeetingSeries.id))
    if series_id:
        query = query.where(Meeting.series_id == series_id)
    return [MeetingRow(id=r[0], date=r[1], time=r[2], place=r[3], number=r[4], held=r[5], series_id=r[6],
                       series=r[7], items=r[8], open_decisions=r[9]) for r in session.execute(query)]


@dataclass(frozen=True, slots=True)
class MeetingWeek:
    """One week (Monday to Sunday) and its meetings in date order (none: a week without meetings)."""

    start: dt.date
    end: dt.date
    meetings: tuple[MeetingRow, ...]


def meetings_by_week(session: Session, first_monday: dt.date, weeks: int,
                     series_id: int | None = None) -> list[MeetingWeek]:
    """Week by week from ``first_monday``: each week's Monday and Sunday and its meetings (with the
    number of decisions taken there still open); weeks without a meeting are listed too."""
    first_monday -= dt.timedelta(days=first_monday.weekday())
    last = first_monday + dt.timedelta(days=7 * weeks - 1)
    by_week: list[list[MeetingRow]] = [[] for _i in range(weeks)]
    for row in meetings_between(session, first_monday, last, series_id):
        by_week[(row["date"] - first_monday).days // 7].append(row)
    return [MeetingWeek(first_monday + dt.timedelta(days=7 * i), first_monday + dt.timedelta(days=7 * i + 6),
                        tuple(rows)) for i, rows in enumerate(by_week)]


def find_meeting(session: Session, date: dt.date, series_name: str | None = None) -> Meeting:
    query = select(Meeting).join(MeetingSeries).where(Meeting.date == date).order_by(MeetingSeries.id)
    if series_name:
        series = series_by_name(session, series_name)
        if series is None:
            raise DomainError(_("There is no meeting series “{name}”.").format(name=series_name))
        query = query.where(Meeting.series_id == series.id)
    found = list(session.scalars(query))
    if not found:
        raise DomainError(_("There is no meeting on {date}.").format(date=dates.table(date)))
    return found[0]


# Reading a whole meeting -------------------------------------------------------------------

class ItemSnapshot(TypedDict):
    """An agenda item's columns (the keyword arguments of ``AgendaItem``): what an undo puts back,
    and the base of an item in :func:`meeting_tree`."""

    id: int
    position: int
    title: str
    speaker_id: int | None
    minutes_allotted: int | None
    source: str  # "manual" or an agenda source's key
    source_ref: str
    workplan_item_id: int | None
    decision_id: int | None
    heard: str
    decided: str


def _item_snapshot(item: AgendaItem) -> ItemSnapshot:
    return ItemSnapshot(id=item.id, position=item.position, title=item.title, speaker_id=item.speaker_id,
                        minutes_allotted=item.minutes_allotted, source=item.source, source_ref=item.source_ref,
                        workplan_item_id=item.workplan_item_id, decision_id=item.decision_id, heard=item.heard,
                        decided=item.decided)


class Person(TypedDict):
    """The chair or the secretary of a meeting."""

    id: int
    short_name: str
    full_name: str
    position: str


class TreeAttendee(TypedDict):
    staff_id: int
    short_name: str
    full_name: str
    position: str
    present: bool
    note: str  # the reason of an absence


class TreeItem(ItemSnapshot):
    """An agenda item of :func:`meeting_tree`: its columns, its number, speaker and decisions."""

    number: int
    speaker: str  # the speaker's short name ("" when none)
    decisions: list[DecisionRow]


class MeetingTree(TypedDict):
    """A whole meeting as plain data for the editor and the printed agenda and minutes (a mapping:
    ``text_documents.localize_meeting`` makes a copy of it with the texts in a language)."""

    id: int
    series_id: int
    series: str  # the series' name
    series_kind: str  # a SeriesKind value
    number: int
    date: dt.date
    time: str
    place: str
    held: bool
    minutes_signed_on: dt.date | None
    faculty: str
    university: str
    chair: Person | None
    secretary: Person | None
    attendees: list[TreeAttendee]
    items: list[TreeItem]
    decisions: list[DecisionRow]


def _person(staff: Staff | None) -> Person | None:
    if staff is None:
        return None
    return Person(id=staff.id, short_name=staff.short_name, full_name=staff.full_name, position=staff.position)


def meeting_tree(session: Session, meeting_id: int) -> MeetingTree:
    """The meeting as plain data for the editor and the printed agenda and minutes."""
    from desktop.models.org import the_faculty

    m = _get(session, Meeting, meeting_id)
    faculty = the_faculty(session)
    decisions_here = [decision_row(d, m, m.series.name, m.date) for d in session.scalars(
        select(Decision).where(Decision.meeting_id == m.id).order_by(Decision.id))]
    return MeetingTree(
        id=m.id, series_id=m.series_id, series=m.series.name, series_kind=m.series.kind,
        number=m.number, date=m.date, time=m.time, place=m.place, held=m.held,
        minutes_signed_on=m.minutes_signed_on,
        faculty=faculty.name if faculty else "", university=faculty.university if faculty else "",
        chair=_person(m.chair), secretary=_person(m.secretary),
        attendees=[TreeAttendee(staff_id=a.staff_id, short_name=a.staff.short_name, full_name=a.staff.full_name,
                                position=a.staff.position, present=a.present, note=a.note) for a in m.attendees],
        items=[TreeItem(**_item_snapshot(i), number=i.position + 1,
                        speaker=i.speaker.short_name if i.speaker else "",
                        decisions=[d for d in decisions_here if d["agenda_item_id"] == i.id]) for i in m.items],
        decisions=decisions_here,
    )


def staff_choices(session: Session) -> list[tuple[int, str]]:
    return [(r[0], r[1]) for r in session.execute(
        select(Staff.id, Staff.short_name).where(Staff.active.is_(True)).order_by(Staff.last_name, Staff.first_name))]

