"""Editing calendars, events and their per-term entries."""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop import dates
from desktop.i18n import _
from desktop.models.academic_calendar.entities import (
    EVENT_KINDS,
    LEVELS,
    TERMS,
    AcademicCalendar,
    CalendarDate,
    CalendarEvent,
    Category,
    Entry,
    Layout,
    Rule,
    RuleKind,
    term_label,
)
from desktop.models.academic_calendar.queries import calendar_engine, default_layout, find_calendar
from desktop.models.academic_calendar.rules import load, resolve
from desktop.models.base import DomainError
from desktop.models.workdays import COUNTRIES

# Editing ------------------------------------------------------------------------------

def create_calendar(session: Session, year_name: str, level: str = "bachelor", layout: str | None = None,
                    country: str = "KG", title: str = "", approval: str = "", teaching_weeks: int | None = 15,
                    calendar_id: int | None = None) -> int:
    """A new calendar; without ``layout`` in the faculty's (``default_layout``)."""
    from desktop.models.org import parse_year_name

    parse_year_name(year_name)
    if level not in LEVELS:
        raise DomainError(_("The level must be bachelor or master."))
    layout = Layout(layout or default_layout(session)).value
    if country.upper() not in COUNTRIES:
        raise DomainError(_("The country must be one of KG, KZ, RU."))
    if find_calendar(session, year_name, level, layout) is not None:
        raise DomainError(_("A calendar for {year} ({level}, {layout}) already exists.").format(
            year=year_name, level=level, layout=layout))
    cal = AcademicCalendar(id=calendar_id, year_name=year_name, level=level, layout=layout,
                           country=country.upper(), title=title, approval=approval, teaching_weeks=teaching_weeks)
    session.add(cal)
    session.flush()
    return cal.id


def delete_calendar(session: Session, calendar_id: int) -> None:
    session.execute(delete(AcademicCalendar).where(AcademicCalendar.id == calendar_id))


CALENDAR_FIELDS = ("level", "layout", "country", "title", "approval", "teaching_weeks")


class CalendarProperties(TypedDict):
    """A calendar's own properties (``CALENDAR_FIELDS``), as its properties dialog shows them."""

    level: str
    layout: str
    country: str
    title: str
    approval: str
    teaching_weeks: int | None


class EventSnapshot(TypedDict):
    """What a deleted event leaves for its undo (:func:`snapshot_event`)."""

    events: list[dict[str, Any]]  # the event and its sub-rows (``records.snapshot``)
    dates: list[dict[str, Any]]  # their dates
    refs: list[tuple[int, int | None]]  # (date id, event id) of rules elsewhere that count from them
    versions: NotRequired[list[tuple[str, int, list[tuple[Any, ...]]]]]  # (table, row id, language versions)


def calendar_properties(session: Session, calendar_id: int) -> CalendarProperties:
    cal = session.get(AcademicCalendar, calendar_id)
    if cal is None:
        raise DomainError(_("The calendar was deleted meanwhile; reload the list."))
    return {"level": cal.level, "layout": cal.layout, "country": cal.country, "title": cal.title,
            "approval": cal.approval, "teaching_weeks": cal.teaching_weeks}


def update_calendar(session: Session, calendar_id: int, **values: Any) -> dict[str, Any]:
    """Change a calendar's own properties; returns the old values (for undo).

    A new country changes whose days off apply, so rules and validation follow it at the next
    ``resolve``. A new layout is refused while the calendar has dates in terms the layout lacks
    (they would vanish from the table); level and layout must stay unique for the year.
    """
    cal = session.get(AcademicCalendar, calendar_id)
    if cal is None:
        raise DomainError(_("The calendar was deleted meanwhile; reload the list."))
    old: dict[str, Any] = {**calendar_properties(session, calendar_id)}
    for key, value in values.items():
        if key not in CALENDAR_FIELDS:
            raise DomainError(f"unknown field {key}")
        if key == "level" and value not in LEVELS:
            raise DomainError(_("The level must be bachelor or master."))
        if key == "country":
            value = str(value).upper()
            if value not in COUNTRIES:
                raise DomainError(_("The country must be one of KG, KZ, RU."))
        if key == "layout":
            value = Layout(value).value
        if key == "teaching_weeks" and value is not None and not 1 <= int(value) <= 52:
            raise DomainError(_("The number of teaching weeks must be between 1 and 52."))
        if key in ("title", "approval"):
            value = str(value or "")
    level, layout = values.get("level", cal.level), Layout(values.get("layout", cal.layout)).value
    if (level, layout) != (cal.level, cal.layout):
        other = find_calendar(session, cal.year_name, level, layout)
        if other is not None and other != calendar_id:
            raise DomainError(_("A calendar for {year} ({level}, {layout}) already exists.").format(
                year=cal.year_name, level=level, layout=layout))
    if layout != cal.layout:
        used = set(session.scalars(select(CalendarDate.term)
                                   .join(CalendarEvent, CalendarDate.event_id == CalendarEvent.id)
                                   .where(CalendarEvent.calendar_id == calendar_id)))
        lost = sorted(used - set(TERMS[Layout(layout)]), key=list(TERMS[Layout(cal.layout)]).index)
        if lost:
            raise DomainError(_("The calendar has dates in {terms}, which the new layout lacks; clear them first.")
                              .format(terms=", ".join(term_label(t) for t in lost)))
    for key, value in values.items():
        if key == "country":
            value = str(value).upper()
        elif key in ("title", "approval"):
            value = str(value or "")
        setattr(cal, key, value)
    session.flush()
    return old


def add_event(session: Session, calendar_id: int, category: str, title: str, *, kind: str = "", note: str = "",
              parent_id: int | None = None, position: int | None = None, event_id: int | None = None) -> int:
    category = Category(category).value
    if kind and kind not in EVENT_KINDS:
        raise DomainError(_("Unknown event kind “{kind}”.").format(kind=kind))
    if not title.strip():
        raise DomainError(_("The event needs a title."))
    if position is None:
        last = session.scalar(select(CalendarEvent.position).where(CalendarEvent.calendar_id == calendar_id)
                              .order_by(CalendarEvent.position.desc()).limit(1))
        position = (last or 0) + 10
    event = CalendarEvent(id=event_id, calendar_id=calendar_id, category=category, title=title.strip(), kind=kind,
                          note=note, parent_id=parent_id, position=position)
    session.add(event)
    session.flush()
    return event.id


EVENT_FIELDS = ("title", "note", "kind", "category")


def update_event(session: Session, event_id: int, **values: Any) -> dict[str, Any]:
    """Change title, note, kind or category; returns the old values (for undo)."""
    event = session.get(CalendarEvent, event_id)
    if event is None:
        raise DomainError(_("The event was deleted meanwhile; reload the calendar."))
    old: dict[str, Any] = {}
    for key, value in values.items():
        if key not in EVENT_FIELDS:
            raise DomainError(f"unknown field {key}")
        if key == "title" and not str(value).strip():
            raise DomainError(_("The event needs a title."))
        if key == "kind" and value and value not in EVENT_KINDS:
            raise DomainError(_("Unknown event kind “{kind}”.").format(kind=value))
        if key == "category":
            value = Category(value).value
        old[key] = getattr(event, key)
        setattr(event, key, value)
    session.flush()
    return old


def snapshot_event(session: Session, event_id: int) -> EventSnapshot:
    """Everything needed to put an event back after deleting it: the row, sub-rows, dates."""
    from desktop.models.records import snapshot

    ids = [event_id, *session.scalars(select(CalendarEvent.id).where(CalendarEvent.parent_id == event_id))]
    events = [snapshot(session.get_one(CalendarEvent, i)) for i in ids]
    dates = [snapshot(d) for d in session.scalars(select(CalendarDate).where(CalendarDate.event_id.in_(ids)))]
    # Rules elsewhere that point here lose their reference on delete; remember them too.
    refs = [(d.id, d.rule_ref_id) for d in session.scalars(select(CalendarDate).where(
        CalendarDate.rule_ref_id.in_(ids), CalendarDate.event_id.not_in(ids)))]
    return {"events": events, "dates": dates, "refs": refs}


def delete_event(session: Session, event_id: int, expected: EventSnapshot | None = None) -> EventSnapshot:
    """Delete an event with its sub-rows and dates; returns the snapshot for ``restore_event``.
    ``expected``: the snapshot an undo put back (a redo deletes only that; another office's change
    meanwhile is refused with StaleDataError, never deleted unseen)."""
    if session.get(CalendarEvent, event_id) is None:
        raise DomainError(_("The event was deleted meanwhile; reload the calendar."))
    saved = snapshot_event(session, event_id)
    if expected is not None and (saved["events"] != expected["events"] or saved["dates"] != expected["dates"]):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"calendar_event {event_id} was changed by another session")
    ids = [e["id"] for e in saved["events"]]
    session.execute(CalendarDate.__table__.update().where(CalendarDate.rule_ref_id.in_(ids)).values(rule_ref_id=None))
    session.execute(delete(CalendarDate).where(CalendarDate.event_id.in_(ids)))
    session.execute(delete(CalendarEvent).where(CalendarEvent.id.in_(ids[1:])))
    session.execute(delete(CalendarEvent).where(CalendarEvent.id == event_id))
    _forget_versions(session, saved)
    return saved


def _forget_versions(session: Session, saved: EventSnapshot) -> None:
    """The deleted rows' language versions go into the snapshot (undo brings them back) and out of
    the table (a new event that gets a freed id starts bare)."""
    from desktop.models.text_versions import delete_versions, snapshot_versions

    saved["versions"] = []
    for table, rows in (("calendar_event", saved["events"]), ("calendar_date", saved["dates"])):
        for row in rows:
            saved["versions"].append((table, row["id"], snapshot_versions(session, table, row["id"])))
        delete_versions(session, table, [row["id"] for row in rows])


def restore_event(session: Session, saved: EventSnapshot) -> None:
    for values in saved["events"]:
        session.add(CalendarEvent(**values))
        session.flush()
    for values in saved["dates"]:
        session.add(CalendarDate(**values))
    session.flush()
    for date_id, ref in saved["refs"]:
        row = session.get(CalendarDate, date_id)
        if row is not None:
            row.rule_ref_id = ref
    from desktop.models.text_versions import restore_versions

    for table, row_id, versions in saved.get("versions", []):
        if versions:
            restore_versions(session, table, row_id, versions)


def get_entry(session: Session, event_id: int, term: str) -> Entry:
    row = session.scalar(select(CalendarDate).where(CalendarDate.event_id == event_id, CalendarDate.term == term))
    if row is None:
        return Entry()
    rule = (Rule(row.rule_kind, row.rule_days, row.rule_ref_id, row.rule_working, row.rule_ref_term,
                 row.rule_from_start) if row.rule_kind and row.rule_ref_id else None)
    return Entry(row.start, row.end, row.text, rule)


def set_entry(session: Session, event_id: int, term: str, entry: Entry) -> Entry:
    """Set an event's date, range, text or rule in one term (an empty entry removes it); returns the old one."""
    event = session.get(CalendarEvent, event_id)
    if event is None:
        raise DomainError(_("The event was deleted meanwhile; reload the calendar."))
    cal = session.get_one(AcademicCalendar, event.calendar_id)
    if term not in TERMS[Layout(cal.layout)]:
        raise DomainError(_("Unknown term “{term}”.").format(term=term))
    if entry.start and entry.end and entry.end < entry.start:
        raise DomainError(_("{event}: the end {end} is before the start {start}.").format(
            event=event.title, end=dates.table(entry.end), start=dates.table(entry.start)))
    if entry.rule is not None:
        if entry.rule.kind not in set(RuleKind):
            raise DomainError(_("Unknown rule “{kind}”.").format(kind=entry.rule.kind))
        if entry.rule.days < 0:
            raise DomainError(_("The number of days in a rule cannot be negative."))
        ref = session.get(CalendarEvent, entry.rule.ref_event_id)
        if ref is None or ref.calendar_id != event.calendar_id:
            raise DomainError(_("A rule must refer to an event of the same calendar."))
    old = get_entry(session, event_id, term)
    row = session.scalar(select(CalendarDate).where(CalendarDate.event_id == event_id, CalendarDate.term == term))
    if entry.is_empty:
        if row is not None:
            session.delete(row)
        session.flush()
        return old
    if row is None:
        row = CalendarDate(event_id=event_id, term=term)
        session.add(row)
    rule = entry.rule
    row.start, row.end, row.text = entry.start, entry.end, entry.text
    row.rule_kind = rule.kind if rule else ""
    row.rule_days = rule.days if rule else 0
    row.rule_working = rule.working if rule else True
    row.rule_ref_id = rule.ref_event_id if rule else None
    row.rule_ref_term = rule.ref_term if rule else ""
    row.rule_from_start = rule.from_start if rule else False
    session.flush()
    if rule is not None:  # refuse a circle of rules before it is stored
        data = load(session, event.calendar_id)
        resolve(data, calendar_engine(session, data))
    return old
