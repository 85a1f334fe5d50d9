"""Meetings of the faculty: series (the dean's office every Monday, departments, the methodological
council, the curators once a month), meetings with attendance, agenda items with minutes, and
decisions that come back on every next agenda of their series until done (seed 000, I.21, II.23).

Modules by job: ``meetings_entities`` (tables, enums, shared helpers), ``meetings_queries``
(reading: lists, weeks, a whole meeting), this module (writing series, meetings, attendance and
agenda items; every function is one unit of work in the caller's session and returns what undo
needs), ``meetings_decisions`` (decisions, the register, signing), ``meetings_series`` (editing
and deleting a series), ``meetings_agenda`` (the agenda draft and a series' calendar),
``meetings_operations`` (the window's writes as operations). The names of the entities, queries
and decisions modules are importable from this one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import dates
from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.models.meetings_decisions import (  # noqa: F401  (re-exported)
    DECISION_FIELDS,
    DecisionSnapshot,
    _decision_snapshot,
    add_decision,
    decision_row,
    decisions,
    delete_decision,
    is_decision_overdue,
    restore_decision,
    sign_minutes,
    update_decision,
)
from desktop.models.meetings_entities import (  # noqa: F401  (re-exported)
    AgendaItem,
    Decision,
    DecisionResponsible,
    DecisionStatus,
    ItemSource,
    Meeting,
    MeetingAttendee,
    MeetingSeries,
    MeetingSeriesMember,
    Recurrence,
    SeriesKind,
    _get,
    _renumber,
    check_minutes_open,
)
from desktop.models.meetings_queries import (  # noqa: F401  (re-exported)
    ItemSnapshot,
    MeetingRow,
    MeetingWeek,
    SeriesRow,
    _item_snapshot,
    _person,
    find_meeting,
    meeting_tree,
    meetings_between,
    meetings_by_week,
    series_by_name,
    series_list,
    staff_choices,
)
from desktop.models.org import academic_year_of

# Series ------------------------------------------------------------------------------------

def add_series(session: Session, name: str, *, kind: str = SeriesKind.DEANS_OFFICE.value,
               recurrence: str = Recurrence.WEEKLY.value, weekday: int = 0, nth_week: int | None = None,
               month_day: int | None = None, time: str = "09:00", place: str = "", chair_id: int | None = None,
               secretary_id: int | None = None, members=(), department_id: int | None = None) -> MeetingSeries:
    name = name.strip()
    if not name:
        raise DomainError(_("The meeting series needs a name."))
    if session.scalar(select(MeetingSeries.id).where(MeetingSeries.name == name)):
        raise DomainError(_("A meeting series named “{name}” already exists.").format(name=name))
    if not 0 <= weekday <= 6:
        raise DomainError(_("The weekday must be Monday to Sunday."))
    if recurrence == Recurrence.MONTHLY and nth_week is None and month_day is None:
        raise DomainError(_("A monthly series needs the week of the month or the day of the month."))
    series = MeetingSeries(name=name, kind=SeriesKind(kind).value, recurrence=Recurrence(recurrence).value,
                           weekday=weekday, nth_week=nth_week, month_day=month_day, time=_time(time), place=place,
                           chair_id=chair_id, secretary_id=secretary_id, department_id=department_id)
    series.members = [MeetingSeriesMember(staff_id=sid, position=i) for i, sid in enumerate(dict.fromkeys(members))]
    session.add(series)
    session.flush()
    return series


def delete_series(session: Session, series_id: int) -> None:
    """Delete a series that has no meetings yet (undo of its creation)."""
    series = _get(session, MeetingSeries, series_id)
    if session.scalar(select(Meeting.id).where(Meeting.series_id == series_id).limit(1)):
        raise DomainError(_("“{series}” already has meetings; delete them first.").format(series=series.name))
    session.delete(series)
    session.flush()


def _time(value: str) -> str:
    value = (value or "").strip()
    try:
        return dates.parse_time(value).strftime("%H:%M")
    except ValueError as exc:
        raise DomainError(_("The time must be written like 09:00, not “{value}”.").format(value=value)) from exc


# Meetings ----------------------------------------------------------------------------------

def add_meeting(session: Session, series_id: int, date: dt.date, *, meeting_id: int | None = None,
                time: str | None = None, place: str | None = None) -> Meeting:
    """A meeting of a series on ``date`` with the series' time, place, chair, secretary and attendees."""
    series = _get(session, MeetingSeries, series_id)
    if session.scalar(select(Meeting.id).where(Meeting.series_id == series_id, Meeting.date == date)):
        raise DomainError(_("“{series}” already meets on {date}.").format(series=series.name,
                                                                         date=dates.table(date)))
    meeting = Meeting(id=meeting_id, series_id=series_id, date=date, time=_time(time or series.time),
                      place=series.place if place is None else place, chair_id=series.chair_id,
                      secretary_id=series.secretary_id, number=_next_number(session, series_id, date))
    meeting.attendees = [MeetingAttendee(staff_id=m.staff_id, position=i) for i, m in enumerate(series.members)]
    session.add(meeting)
    session.flush()
    _renumber_meetings(session, series_id, date)
    return meeting


def _next_number(session: Session, series_id: int, date: dt.date) -> int:
    start, end = dates.academic_year_bounds(int(academic_year_of(date)[:4]))
    earlier = session.scalar(select(func.count(Meeting.id)).where(
        Meeting.series_id == series_id, Meeting.date >= start, Meeting.date < date))
    return (earlier or 0) + 1


def _renumber_meetings(session: Session, series_id: int, date: dt.date) -> None:
    """Minutes are numbered 1, 2, 3 ... within the academic year, in date order."""
    start, end = dates.academic_year_bounds(int(academic_year_of(date)[:4]))
    rows = session.scalars(select(Meeting).where(Meeting.series_id == series_id, Meeting.date >= start,
                                                 Meeting.date <= end).order_by(Meeting.date))
    for i, m in enumerate(rows, 1):
        m.number = i
    session.flush()


class AttendeeSnapshot(TypedDict):
    staff_id: int
    present: bool
    note: str


class MeetingSnapshot(TypedDict):
    """A meeting with its attendance, agenda, minutes and decisions, as an undo puts it back."""

    id: int
    series_id: int
    date: dt.date
    time: str
    place: str
    chair_id: int | None
    secretary_id: int | None
    held: bool
    minutes_signed_on: dt.date | None
    attendees: list[AttendeeSnapshot]
    items: list[ItemSnapshot]
    decisions: list[DecisionSnapshot]


def delete_meeting(session: Session, meeting_id: int) -> MeetingSnapshot:
    """Delete a meeting (its agenda, minutes and decisions); returns a snapshot for :func:`restore_meeting`."""
    meeting = _get(session, Meeting, meeting_id)
    check_minutes_open(meeting)
    snap = meeting_snapshot(session, meeting)
    session.delete(meeting)
    session.flush()
    _renumber_meetings(session, snap["series_id"], snap["date"])
    return snap


def meeting_snapshot(session: Session, meeting: Meeting) -> MeetingSnapshot:
    own = session.scalars(select(Decision).where(Decision.meeting_id == meeting.id).order_by(Decision.id))
    return MeetingSnapshot(
        id=meeting.id, series_id=meeting.series_id, date=meeting.date, time=meeting.time,
        place=meeting.place, chair_id=meeting.chair_id, secretary_id=meeting.secretary_id,
        held=meeting.held, minutes_signed_on=meeting.minutes_signed_on,
        attendees=[AttendeeSnapshot(staff_id=a.staff_id, present=a.present, note=a.note) for a in meeting.attendees],
        items=[_item_snapshot(i) for i in meeting.items],
        decisions=[_decision_snapshot(d) for d in own],
    )


def restore_meeting(session: Session, snap: MeetingSnapshot) -> Meeting:
    meeting = Meeting(id=snap["id"], series_id=snap["series_id"], date=snap["date"], time=snap["time"],
                      place=snap["place"], chair_id=snap["chair_id"], secretary_id=snap["secretary_id"],
                      held=snap["held"])
    meeting.attendees = [MeetingAttendee(position=i, **a) for i, a in enumerate(snap["attendees"])]
    session.add(meeting)
    session.flush()
    for item in snap["items"]:
        session.add(AgendaItem(meeting_id=meeting.id, **item))
    session.flush()
    for d in snap["decisions"]:
        restore_decision(session, d)
    meeting.minutes_signed_on = snap.get("minutes_signed_on")
    _renumber_meetings(session, snap["series_id"], snap["date"])
    return meeting


MEETING_FIELDS = ("date", "time", "place", "chair_id", "secretary_id", "held")


def update_meeting(session: Session, meeting_id: int, **fields: Any) -> dict[str, Any]:
    """Set heading fields (``MEETING_FIELDS``); returns their old values (undo: call again with them)."""
    meeting = _get(session, Meeting, meeting_id)
    check_minutes_open(meeting)
    old: dict[str, Any] = {}
    for k, v in fields.items():
        if k not in MEETING_FIELDS:
            raise ValueError(k)
        if k == "time":
            v = _time(v)
        if k == "date" and v != meeting.date and session.scalar(select(Meeting.id).where(
                Meeting.series_id == meeting.series_id, Meeting.date == v)):
            raise DomainError(_("“{series}” already meets on {date}.").format(series=meeting.series.name,
                                                                             date=dates.table(v)))
        old[k] = getattr(meeting, k)
        setattr(meeting, k, v)
    session.flush()
    if "date" in fields:
        _renumber_meetings(session, meeting.series_id, old["date"])
        _renumber_meetings(session, meeting.series_id, meeting.date)
    return old


# Attendance --------------------------------------------------------------------------------

class AttendanceBefore(TypedDict):
    """A person's attendance row as it was (:func:`restore_attendance` puts it back at its place)."""

    present: bool
    note: str
    position: int


def set_attendance(session: Session, meeting_id: int, staff_id: int, present: bool | None,
                   note: str | None = None) -> AttendanceBefore | None:
    """Mark present/absent; ``present=None`` removes the person. Returns the old row (None: was not listed)."""
    meeting = _get(session, Meeting, meeting_id)
    check_minutes_open(meeting)
    row = next((a for a in meeting.attendees if a.staff_id == staff_id), None)
    old = None if row is None else AttendanceBefore(present=row.present, note=row.note,
                                                    position=meeting.attendees.index(row))
    if present is None:
        if row is not None:
            meeting.attendees.remove(row)
    elif row is None:
        meeting.attendees.append(MeetingAttendee(staff_id=staff_id, present=present, note=note or "",
                                                 position=len(meeting.attendees)))
    else:
        row.present = present
        if note is not None:
            row.note = note
    session.flush()
    return old


def restore_attendance(session: Session, meeting_id: int, staff_id: int, old: AttendanceBefore | None) -> None:
    """Undo of :func:`set_attendance`: a removed person comes back at their place in the list."""
    if old is None:
        set_attendance(session, meeting_id, staff_id, None)
        return
    meeting = _get(session, Meeting, meeting_id)
    if any(a.staff_id == staff_id for a in meeting.attendees) or "position" not in old:
        set_attendance(session, meeting_id, staff_id, old["present"], old["note"])
        return
    position = max(0, min(old["position"], len(meeting.attendees)))
    meeting.attendees.insert(position, MeetingAttendee(staff_id=staff_id, present=old["present"], note=old["note"]))
    _renumber(meeting.attendees)
    session.flush()


# Agenda items ------------------------------------------------------------------------------

ITEM_FIELDS = ("title", "speaker_id", "minutes_allotted", "heard", "decided")


def add_agenda_item(session: Session, meeting_id: int, title: str, *, position: int | None = None,
                    speaker_id: int | None = None, minutes_allotted: int | None = None,
                    source: str = ItemSource.MANUAL.value, source_ref: str = "", workplan_item_id: int | None = None,
                    decision_id: int | None = None, item_id: int | None = None, heard: str = "",
                    decided: str = "") -> AgendaItem:
    meeting = _get(session, Meeting, meeting_id)
    check_minutes_open(meeting)
    title = (title or "").strip()
    if not title:
        raise DomainError(_("An agenda item needs a title."))
    if minutes_allotted is not None and not 0 < minutes_allotted <= 480:
        raise DomainError(_("The time allotted must be between 1 and 480 minutes."))
    position = len(meeting.items) if position is None else max(0, min(position, len(meeting.items)))
    item = AgendaItem(id=item_id, title=title, speaker_id=speaker_id, minutes_allotted=minutes_allotted,
                      source=source, source_ref=source_ref, workplan_item_id=workplan_item_id,
                      decision_id=decision_id, heard=heard, decided=decided)
    meeting.items.insert(position, item)
    _renumber(meeting.items)
    session.flush()
    return item


def update_agenda_item(session: Session, item_id: int, **fields: Any) -> dict[str, Any]:
    """Set ``ITEM_FIELDS``; returns their old values (undo: call again with them)."""
    item = _get(session, AgendaItem, item_id)
    check_minutes_open(item.meeting)
    old: dict[str, Any] = {}
    for k, v in fields.items():
        if k not in ITEM_FIELDS:
            raise ValueError(k)
        if k == "title" and not (v or "").strip():
            raise DomainError(_("An agenda item needs a title."))
        if k == "minutes_allotted" and v is not None and not 0 < int(v) <= 480:
            raise DomainError(_("The time allotted must be between 1 and 480 minutes."))
        old[k] = getattr(item, k)
        setattr(item, k, v.strip() if isinstance(v, str) else v)
    session.flush()
    return old


class DeletedItem(ItemSnapshot):
    """An agenda item as an undo puts it back, with its language versions and its decisions."""

    meeting_id: int
    versions: list[tuple]  # ``text_versions.snapshot_versions``
    decision_ids: list[int]  # the decisions taken under it


def delete_agenda_item(session: Session, item_id: int, expected: DeletedItem | None = None) -> DeletedItem:
    """``expected``: the snapshot an undo put back; a redo deletes only that item (another office's
    change of its title, report or decision meanwhile is refused with StaleDataError)."""
    item = _get(session, AgendaItem, item_id)
    check_minutes_open(item.meeting)
    if expected is not None and any(getattr(item, f) != expected.get(f) for f in ("title", "heard", "decided")):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"agenda_item {item_id} was changed by another session")
    from desktop.models.text_versions import snapshot_versions

    snap = DeletedItem(**_item_snapshot(item), meeting_id=item.meeting_id,
                       versions=snapshot_versions(session, "agenda_item", item.id),  # back with an undo
                       decision_ids=list(session.scalars(select(Decision.id)
                                                         .where(Decision.agenda_item_id == item.id))))
    meeting = item.meeting
    meeting.items.remove(item)
    session.delete(item)
    _renumber(meeting.items)
    session.flush()
    return snap


def restore_agenda_item(session: Session, snap: DeletedItem) -> AgendaItem:
    versions = snap.get("versions")
    item = add_agenda_item(session, snap["meeting_id"], snap["title"], item_id=snap["id"],
                           position=snap["position"], speaker_id=snap["speaker_id"],
                           minutes_allotted=snap["minutes_allotted"], source=snap["source"],
                           source_ref=snap["source_ref"], workplan_item_id=snap["workplan_item_id"],
                           decision_id=snap["decision_id"], heard=snap["heard"], decided=snap["decided"])
    for decision_id in snap.get("decision_ids", ()):  # the decisions taken under the item point at it again
        decision = session.get(Decision, decision_id)
        if decision is not None:
            decision.agenda_item_id = item.id
    if versions:
        from desktop.models.text_versions import restore_versions

        restore_versions(session, "agenda_item", item.id, versions)
    return item


def move_agenda_item(session: Session, item_id: int, position: int) -> int:
    """Move an item to ``position``; numbering follows. Returns the old position."""
    item = _get(session, AgendaItem, item_id)
    check_minutes_open(item.meeting)
    old = item.position
    items = item.meeting.items
    items.remove(item)
    items.insert(max(0, min(position, len(items))), item)
    _renumber(items)
    session.flush()
    return old
