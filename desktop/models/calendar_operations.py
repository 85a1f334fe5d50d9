"""The academic calendar's and the office's working days' writes as operations
(models/operations.py). Calendar edits announce ``Change.CALENDAR``; days off and the
state-institution setting ``Change.WORKDAYS`` (every due date follows them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models import academic_calendar as ac
from desktop.models import settings, workdays
from desktop.models.base import DomainError
from desktop.models.operations import Change, Outcome, bind, undo_by, updated

CALENDAR = Change.CALENDAR
WORKDAYS = Change.WORKDAYS


# Calendars -------------------------------------------------------------------------------------
def create_calendar_op(session: Session, year_name: str, **values: Any) -> Outcome[int]:
    """A new calendar; undo deletes it, redo creates it again with the same id."""
    cal_id = ac.create_calendar(session, year_name, **values)
    redo = bind(create_calendar_op, year_name, **{**values, "calendar_id": cal_id})
    return Outcome(cal_id, undo_by(bind(ac.delete_calendar, cal_id), redo, CALENDAR), CALENDAR)


def copy_to_next_year_op(session: Session, calendar_id: int) -> Outcome[int]:
    """A copy for the next academic year; undo deletes the copy, redo copies again."""
    new_id = ac.copy_to_next_year(session, calendar_id)
    return Outcome(new_id, undo_by(bind(ac.delete_calendar, new_id), bind(copy_to_next_year_op, calendar_id), CALENDAR),
                   CALENDAR)


def update_calendar_op(session: Session, calendar_id: int, **values: Any) -> Outcome[dict[str, Any]]:
    """The calendar's own properties (a new country re-resolves its rules); undo sets back only
    what this changed."""
    old = ac.update_calendar(session, calendar_id, **values)
    back = {key: old[key] for key in values}
    return Outcome(back, bind(update_calendar_op, calendar_id, **back), CALENDAR)


# Events and their dates ----------------------------------------------------------------------------
def add_event_op(session: Session, calendar_id: int, category: str, title: str,
                 parent_id: int | None = None) -> Outcome[int]:
    event_id = ac.add_event(session, calendar_id, category, title, parent_id=parent_id)
    return Outcome(event_id, bind(delete_event_op, event_id), CALENDAR)


@dataclass(frozen=True, slots=True)
class ShownEvent:
    """One row of the calendar as the page shows it: an event or a sub-row, its texts and dates."""

    id: int
    category: str
    title: str
    kind: str
    note: str
    parent_id: int | None
    entries: dict[str, ac.Entry]  # term -> entry


@dataclass(frozen=True, slots=True)
class ShownEvents:
    """What a delete from the window expects unchanged: the event and its sub-rows as shown."""

    rows: tuple[ShownEvent, ...]


def shown_event(data: ac.CalendarData, event_id: int) -> ShownEvents:
    """What the calendar shows of an event and its sub-rows (their texts and dates), for a delete
    to expect unchanged."""
    return ShownEvents(tuple(ShownEvent(e.id, e.category, e.title, e.kind, e.note, e.parent_id, dict(e.entries))
                             for e in data.events if e.id == event_id or e.parent_id == event_id))


def _check_shown(session: Session, event_id: int, shown: tuple[ShownEvent, ...]) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm.exc import StaleDataError

    if session.get(ac.CalendarEvent, event_id) is None:
        raise DomainError(_("The event was deleted meanwhile; reload the calendar."))
    ids = {event_id, *session.scalars(select(ac.CalendarEvent.id).where(ac.CalendarEvent.parent_id == event_id))}
    changed = ids != {e.id for e in shown}
    for e in shown if not changed else ():
        row = session.get_one(ac.CalendarEvent, e.id)
        terms = set(session.scalars(select(ac.CalendarDate.term).where(ac.CalendarDate.event_id == e.id)))
        changed = (any(getattr(row, k) != getattr(e, k) for k in ("category", "title", "kind", "note", "parent_id"))
                   or terms != {t for t, entry in e.entries.items() if not entry.is_empty}
                   or any(ac.get_entry(session, e.id, t) != entry for t, entry in e.entries.items()))
        if changed:
            break
    if changed:
        raise StaleDataError(f"calendar_event {event_id} was changed by another session")


def delete_event_op(session: Session, event_id: int, expected: ShownEvents | ac.EventSnapshot | None = None
                    ) -> Outcome[ac.EventSnapshot]:
    """The event with its sub-rows and dates; undo brings them back (rules pointing at it too).
    ``expected``: the event as the calendar showed it (``shown_event``), or as its undo put it back
    (a redo); another office's change since is refused as stale, never deleted unseen."""
    if isinstance(expected, ShownEvents):
        _check_shown(session, event_id, expected.rows)
        expected = None
    saved = ac.delete_event(session, event_id, expected=expected)
    return Outcome(saved, bind(restore_event_op, event_id, saved), CALENDAR)


def restore_event_op(session: Session, event_id: int, saved: ac.EventSnapshot) -> Outcome[int]:
    ac.restore_event(session, saved)
    return Outcome(event_id, bind(delete_event_op, event_id, saved), CALENDAR)


def update_event_op(session: Session, event_id: int, **values: Any) -> Outcome[dict[str, Any]]:
    return updated(session, ac.update_event, event_id, values, CALENDAR)


def set_entry_op(session: Session, event_id: int, term: str, entry: ac.Entry) -> Outcome[ac.Entry]:
    """An event's date, range, text or rule in one term; undo sets the old entry back."""
    old = ac.set_entry(session, event_id, term, entry)
    return Outcome(old, bind(set_entry_op, event_id, term, old), CALENDAR)


# The office's days off ------------------------------------------------------------------------------
def set_override_op(session: Session, country: str, day: dt.date, kind, note: str = "") -> Outcome[None]:
    """Add, change or (kind None) remove the office's override for ``day``; undo restores what
    the day had before (or nothing)."""
    old_kind, old_note = next(((k, n) for d, k, n in workdays.load_overrides(session, country) if d == day),
                              (None, ""))
    workdays.set_override(session, country, day, kind, note)
    session.flush()
    return Outcome(None, bind(set_override_op, country, day, old_kind, old_note), WORKDAYS)


def _remove_overrides(session: Session, country: str, days: list[dt.date]) -> None:
    for day in days:
        workdays.set_override(session, country, day, None)
    session.flush()


def apply_public_sector_days_op(session: Session, country: str) -> Outcome[list[dt.date]]:
    """The government's days off for state institutions as the office's overrides; undo removes
    the days this added."""
    days = workdays.apply_public_sector_overrides(session, country)
    session.flush()
    return Outcome(days, undo_by(bind(_remove_overrides, country, days), bind(apply_public_sector_days_op, country),
                                 WORKDAYS), WORKDAYS)


def set_state_institution_op(session: Session, value: bool) -> Outcome[bool]:
    return settings.put_op(session, "state_institution", value, WORKDAYS)
