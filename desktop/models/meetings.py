"""Meetings of the faculty: series (the dean's office every Monday, departments, the methodological
council, the curators once a month), meetings with attendance, agenda items with minutes, and
decisions that come back on every next agenda of their series until done (seed 000, I.21, II.23).

The agenda draft and the calendar of a series live in ``meetings_agenda``; every operation here
is one unit of work in the caller's session and returns what undo needs.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from desktop import dates
from desktop.i18n import N_, NC_, LabelledEnum, _
from desktop.models.base import Base, DomainError
from desktop.models.org import Staff, academic_year_of


class SeriesKind(LabelledEnum):
    DEANS_OFFICE = "deans_office", N_("Dean's office weekly meeting")
    DEPARTMENT = "department", N_("Department meeting")
    METHODOLOGICAL_COUNCIL = "methodological_council", N_("Methodological council")
    CURATORS = "curators", N_("Curators' meeting")
    OTHER = "other", N_("Other meeting")


class Recurrence(enum.StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class DecisionStatus(LabelledEnum):
    OPEN = "open", N_("Open")
    DONE = "done", N_("Done")
    CANCELLED = "cancelled", NC_("decision", "Cancelled")


class MeetingSeries(Base):
    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(30), default=SeriesKind.DEANS_OFFICE.value)
    recurrence: Mapped[str] = mapped_column(String(10), default=Recurrence.WEEKLY.value)
    weekday: Mapped[int] = mapped_column(default=0)  # 0 = Monday
    # Monthly series: the nth weekday of the month (1..4, -1 = the last) or a fixed day of the month.
    nth_week: Mapped[int | None] = mapped_column()
    month_day: Mapped[int | None] = mapped_column()
    time: Mapped[str] = mapped_column(String(5), default="09:00")  # "HH:MM" as the office writes it
    place: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(default=True)

    members: Mapped[list[MeetingSeriesMember]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingSeriesMember.position", lazy="selectin")
    chair: Mapped[Staff | None] = relationship(foreign_keys=[chair_id])
    secretary: Mapped[Staff | None] = relationship(foreign_keys=[secretary_id])


class MeetingSeriesMember(Base):
    """A default attendee of every meeting of the series."""

    __tablename__ = "meeting_series_member"
    __table_args__ = (UniqueConstraint("series_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)


class Meeting(Base):
    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("series_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(default=1)  # minutes No. within the series and academic year
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    time: Mapped[str] = mapped_column(String(5), default="09:00")
    place: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    held: Mapped[bool] = mapped_column(default=False)  # once held, the minutes follow the agenda
    # The minutes signed (final): from then on nothing of this meeting is edited through its
    # minutes; its decisions are followed up in the register only (``meetings_decisions``).
    minutes_signed_on: Mapped[dt.date | None] = mapped_column(Date)

    series: Mapped[MeetingSeries] = relationship()
    chair: Mapped[Staff | None] = relationship(foreign_keys=[chair_id])
    secretary: Mapped[Staff | None] = relationship(foreign_keys=[secretary_id])
    attendees: Mapped[list[MeetingAttendee]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingAttendee.position", lazy="selectin")
    items: Mapped[list[AgendaItem]] = relationship(
        cascade="all, delete-orphan", order_by="AgendaItem.position", back_populates="meeting")


class MeetingAttendee(Base):
    __tablename__ = "meeting_attendee"
    __table_args__ = (UniqueConstraint("meeting_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    present: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str] = mapped_column(String(200), default="")  # reason of absence

    staff: Mapped[Staff] = relationship(lazy="joined")


class AgendaItem(Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(Text, default="")
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    minutes_allotted: Mapped[int | None] = mapped_column()
    # Where the item came from: "manual", or an agenda source's key ("workplan_due", "decision" ...)
    source: Mapped[str] = mapped_column(String(30), default="manual")
    source_ref: Mapped[str] = mapped_column(String(60), default="")  # "workplan:12", "decision:5", "request:3"
    workplan_item_id: Mapped[int | None] = mapped_column(ForeignKey("workplan_item.id", ondelete="SET NULL"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_decision.id", ondelete="SET NULL"))
    heard: Mapped[str] = mapped_column(Text, default="")
    decided: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    speaker: Mapped[Staff | None] = relationship(lazy="joined")


class Decision(Base):
    __tablename__ = "meeting_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL", use_alter=True))
    text: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(12), default=DecisionStatus.OPEN.value, index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    # What the minutes print: the decision AS DECIDED at its meeting (text, responsible persons'
    # names, due date), written when it is taken or edited through the minutes; the register's
    # later edits (postponed, reassigned, reworded, closed) change the columns above only.
    decided_text: Mapped[str | None] = mapped_column(Text)
    decided_responsible: Mapped[str | None] = mapped_column(Text)
    decided_due_date: Mapped[dt.date | None] = mapped_column(Date)
    # The text's language versions as the minutes were signed ({lang: text}); NULL while unsigned.
    decided_versions: Mapped[dict | None] = mapped_column(JSON)

    meeting: Mapped[Meeting] = relationship(foreign_keys=[meeting_id])
    responsible: Mapped[list[DecisionResponsible]] = relationship(
        cascade="all, delete-orphan", order_by="DecisionResponsible.position", lazy="selectin")


class DecisionResponsible(Base):
    __tablename__ = "meeting_decision_responsible"
    __table_args__ = (UniqueConstraint("decision_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("meeting_decision.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)

    staff: Mapped[Staff] = relationship(lazy="joined")


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


def series_list(session: Session) -> list[dict]:
    return [{"id": s.id, "name": s.name, "kind": s.kind, "recurrence": s.recurrence, "weekday": s.weekday,
             "nth_week": s.nth_week, "month_day": s.month_day, "time": s.time, "place": s.place}
            for s in session.scalars(select(MeetingSeries).order_by(MeetingSeries.id))]


def series_by_name(session: Session, name: str) -> MeetingSeries | None:
    # compared in Python: SQLite's lower() folds only ASCII, and the names are Cyrillic
    wanted = name.strip().casefold()
    return next((s for s in session.scalars(select(MeetingSeries)) if s.name.casefold() == wanted), None)


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


def delete_meeting(session: Session, meeting_id: int) -> dict:
    """Delete a meeting (its agenda, minutes and decisions); returns a snapshot for :func:`restore_meeting`."""
    meeting = _get(session, Meeting, meeting_id)
    check_minutes_open(meeting)
    snap = meeting_snapshot(session, meeting)
    session.delete(meeting)
    session.flush()
    _renumber_meetings(session, snap["series_id"], snap["date"])
    return snap


def meeting_snapshot(session: Session, meeting: Meeting) -> dict:
    own = session.scalars(select(Decision).where(Decision.meeting_id == meeting.id).order_by(Decision.id))
    return {
        "id": meeting.id, "series_id": meeting.series_id, "date": meeting.date, "time": meeting.time,
        "place": meeting.place, "chair_id": meeting.chair_id, "secretary_id": meeting.secretary_id,
        "held": meeting.held, "minutes_signed_on": meeting.minutes_signed_on,
        "attendees": [{"staff_id": a.staff_id, "present": a.present, "note": a.note} for a in meeting.attendees],
        "items": [_item_snapshot(i) for i in meeting.items],
        "decisions": [_decision_snapshot(d) for d in own],
    }


def restore_meeting(session: Session, snap: dict) -> Meeting:
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


def update_meeting(session: Session, meeting_id: int, **fields) -> dict:
    meeting = _get(session, Meeting, meeting_id)
    check_minutes_open(meeting)
    old = {}
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


def meetings_between(session: Session, start: dt.date, end: dt.date, series_id: int | None = None) -> list[dict]:
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
    return [{"id": r[0], "date": r[1], "time": r[2], "place": r[3], "number": r[4], "held": r[5],
             "series_id": r[6], "series": r[7], "items": r[8], "open_decisions": r[9]} for r in session.execute(query)]


def meetings_by_week(session: Session, first_monday: dt.date, weeks: int, series_id: int | None = None) -> list[dict]:
    """Week by week from ``first_monday``: each week's Monday and Sunday and its meetings (with the
    number of decisions taken there still open); weeks without a meeting are listed too."""
    first_monday -= dt.timedelta(days=first_monday.weekday())
    last = first_monday + dt.timedelta(days=7 * weeks - 1)
    out = [{"start": first_monday + dt.timedelta(days=7 * i), "end": first_monday + dt.timedelta(days=7 * i + 6),
            "meetings": []} for i in range(weeks)]
    for row in meetings_between(session, first_monday, last, series_id):
        out[(row["date"] - first_monday).days // 7]["meetings"].append(row)
    return out


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


# Attendance --------------------------------------------------------------------------------

def set_attendance(session: Session, meeting_id: int, staff_id: int, present: bool | None,
                   note: str | None = None) -> dict | None:
    """Mark present/absent; ``present=None`` removes the person. Returns the old row (None: was not listed)."""
    meeting = _get(session, Meeting, meeting_id)
    check_minutes_open(meeting)
    row = next((a for a in meeting.attendees if a.staff_id == staff_id), None)
    old = None if row is None else {"present": row.present, "note": row.note,
                                    "position": meeting.attendees.index(row)}
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


def restore_attendance(session: Session, meeting_id: int, staff_id: int, old: dict | None) -> None:
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


def _item_snapshot(item: AgendaItem) -> dict:
    return {"id": item.id, "position": item.position, "title": item.title, "speaker_id": item.speaker_id,
            "minutes_allotted": item.minutes_allotted, "source": item.source, "source_ref": item.source_ref,
            "workplan_item_id": item.workplan_item_id, "decision_id": item.decision_id, "heard": item.heard,
            "decided": item.decided}


def add_agenda_item(session: Session, meeting_id: int, title: str, *, position: int | None = None,
                    speaker_id: int | None = None, minutes_allotted: int | None = None, source: str = "manual",
                    source_ref: str = "", workplan_item_id: int | None = None, decision_id: int | None = None,
                    item_id: int | None = None, heard: str = "", decided: str = "") -> AgendaItem:
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


def update_agenda_item(session: Session, item_id: int, **fields) -> dict:
    item = _get(session, AgendaItem, item_id)
    check_minutes_open(item.meeting)
    old = {}
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


def delete_agenda_item(session: Session, item_id: int, expected: dict | None = None) -> dict:
    """``expected``: the snapshot an undo put back; a redo deletes only that item (another office's
    change of its title, report or decision meanwhile is refused with StaleDataError)."""
    item = _get(session, AgendaItem, item_id)
    check_minutes_open(item.meeting)
    if expected is not None and any(getattr(item, f) != expected.get(f) for f in ("title", "heard", "decided")):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"agenda_item {item_id} was changed by another session")
    from desktop.models.text_versions import snapshot_versions

    snap = {**_item_snapshot(item), "meeting_id": item.meeting_id,
            "versions": snapshot_versions(session, "agenda_item", item.id),  # back with an undo
            "decision_ids": list(session.scalars(select(Decision.id).where(Decision.agenda_item_id == item.id)))}
    meeting = item.meeting
    meeting.items.remove(item)
    session.delete(item)
    _renumber(meeting.items)
    session.flush()
    return snap


def restore_agenda_item(session: Session, snap: dict) -> AgendaItem:
    snap = dict(snap)
    versions = snap.pop("versions", None)
    decision_ids = snap.pop("decision_ids", ())  # the decisions taken under the item point at it again
    item = add_agenda_item(session, snap.pop("meeting_id"), snap.pop("title"), item_id=snap.pop("id"), **snap)
    for decision_id in decision_ids:
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


# Signed minutes ----------------------------------------------------------------------------

def check_minutes_open(meeting: Meeting) -> None:
    """Refuse an edit through the minutes once they are signed (``meetings_decisions.sign_minutes``)."""
    if meeting.minutes_signed_on is not None:
        raise DomainError(_("The minutes of {date} are signed on {signed}: they are not edited any more; "
                            "follow their decisions up in the decisions register.").format(
            date=dates.table(meeting.date), signed=dates.table(meeting.minutes_signed_on)))


# Reading a whole meeting -------------------------------------------------------------------

def _person(staff: Staff | None) -> dict | None:
    if staff is None:
        return None
    return {"id": staff.id, "short_name": staff.short_name, "full_name": staff.full_name, "position": staff.position}


def meeting_tree(session: Session, meeting_id: int) -> dict:
    """The meeting as plain data for the editor and the printed agenda and minutes."""
    from desktop.models.org import the_faculty

    m = _get(session, Meeting, meeting_id)
    faculty = the_faculty(session)
    decisions_here = [decision_row(d, m, m.series.name, m.date) for d in session.scalars(
        select(Decision).where(Decision.meeting_id == m.id).order_by(Decision.id))]
    return {
        "id": m.id, "series_id": m.series_id, "series": m.series.name, "series_kind": m.series.kind,
        "number": m.number, "date": m.date, "time": m.time, "place": m.place, "held": m.held,
        "minutes_signed_on": m.minutes_signed_on,
        "faculty": faculty.name if faculty else "", "university": faculty.university if faculty else "",
        "chair": _person(m.chair), "secretary": _person(m.secretary),
        "attendees": [{"staff_id": a.staff_id, "short_name": a.staff.short_name, "full_name": a.staff.full_name,
                       "position": a.staff.position, "present": a.present, "note": a.note} for a in m.attendees],
        "items": [{**_item_snapshot(i), "number": i.position + 1,
                   "speaker": i.speaker.short_name if i.speaker else "",
                   "decisions": [d for d in decisions_here if d["agenda_item_id"] == i.id]} for i in m.items],
        "decisions": decisions_here,
    }


def staff_choices(session: Session) -> list[tuple[int, str]]:
    return [(r[0], r[1]) for r in session.execute(
        select(Staff.id, Staff.short_name).where(Staff.active.is_(True)).order_by(Staff.last_name, Staff.first_name))]


def _renumber(rows) -> None:
    for i, row in enumerate(rows):
        row.position = i


def _get(session: Session, entity, record_id: int):
    record = session.get(entity, record_id)
    if record is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    return record


# Decisions live in their own module; they are part of this module's interface.
from desktop.models.meetings_decisions import (  # noqa: E402, F401  (re-exported)
    DECISION_FIELDS,
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
