"""Editing and deleting a meeting series (the window's "Edit series…" and "Delete series…").

**Deleting.** The minutes of a held meeting are a record of the office: a series with held
meetings is never deleted (the message says which and how many). A series whose meetings are
only planned (agendas drafted, not held) is deleted together with them once the user has
confirmed it explicitly (:func:`deletion_impact` tells the window what to ask about). Everything
deleted comes back with :func:`restore_series` (undo).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import _, ngettext
from desktop.models import meetings as mt
from desktop.models.base import DomainError

SERIES_FIELDS = ("name", "kind", "recurrence", "weekday", "nth_week", "month_day", "time", "place",
                 "chair_id", "secretary_id", "members", "department_id")


class SeriesValues(TypedDict):
    """A series' values as the series dialog edits them and :func:`meetings.add_series` and
    :func:`update_series` take them (keyword arguments, so a mapping)."""

    name: str
    kind: str  # a SeriesKind value
    recurrence: str  # a Recurrence value
    weekday: int  # 0 = Monday
    nth_week: int | None
    month_day: int | None
    time: str
    place: str
    chair_id: int | None
    secretary_id: int | None
    department_id: NotRequired[int | None]  # not edited in the dialog
    members: list[int]  # staff ids, in the attendance list's order


def series_values(session: Session, series_id: int) -> SeriesValues:
    """Everything the series dialog edits, as :func:`update_series` takes it."""
    s = mt._get(session, mt.MeetingSeries, series_id)
    return SeriesValues(name=s.name, kind=s.kind, recurrence=s.recurrence, weekday=s.weekday,
                        nth_week=s.nth_week, month_day=s.month_day, time=s.time, place=s.place,
                        chair_id=s.chair_id, secretary_id=s.secretary_id, department_id=s.department_id,
                        members=[m.staff_id for m in s.members])


def update_series(session: Session, series_id: int, **fields: Any) -> dict[str, Any]:
    """Change a series; returns the old values (undo: call again with them). Meetings already
    created keep their date, time, place and attendees; the change applies to the next ones."""
    series = mt._get(session, mt.MeetingSeries, series_id)
    old = series_values(session, series_id)
    new = {**old, **fields}
    unknown = set(fields) - set(SERIES_FIELDS)
    if unknown:
        raise ValueError(sorted(unknown))
    name = (new["name"] or "").strip()
    if not name:
        raise DomainError(_("The meeting series needs a name."))
    if name != series.name and session.scalar(select(mt.MeetingSeries.id).where(
            mt.MeetingSeries.name == name, mt.MeetingSeries.id != series_id)):
        raise DomainError(_("A meeting series named “{name}” already exists.").format(name=name))
    if not 0 <= int(new["weekday"]) <= 6:
        raise DomainError(_("The weekday must be Monday to Sunday."))
    recurrence = mt.Recurrence(new["recurrence"]).value
    if recurrence == mt.Recurrence.MONTHLY and new["nth_week"] is None and new["month_day"] is None:
        raise DomainError(_("A monthly series needs the week of the month or the day of the month."))
    time = mt._time(new["time"])  # validated before anything changes
    series.name = name
    series.kind = mt.SeriesKind(new["kind"]).value
    series.recurrence = recurrence
    series.weekday = int(new["weekday"])
    series.nth_week, series.month_day = new["nth_week"], new["month_day"]
    series.time = time
    series.place = (new["place"] or "").strip()
    series.chair_id, series.secretary_id = new["chair_id"], new["secretary_id"]
    series.department_id = new["department_id"]
    if "members" in fields:
        # the rows are replaced in two steps: the unique (series, staff) constraint would
        # otherwise see a kept person twice within one flush
        series.members.clear()
        session.flush()
        series.members = [mt.MeetingSeriesMember(staff_id=sid, position=i)
                          for i, sid in enumerate(dict.fromkeys(new["members"]))]
    session.flush()
    return dict(old)  # field -> value, as this function takes them back


@dataclass(frozen=True, slots=True)
class DeletionImpact:
    """What deleting a series would take with it."""

    meetings: int
    held: int  # meetings held (with minutes): the series is then never deleted
    decisions: int

    def refusal(self, series: str) -> str | None:
        """Why the series cannot be deleted at all (held meetings keep their minutes), or None."""
        if not self.held:
            return None
        return ngettext("“{series}” has {count} held meeting with minutes; a series with minutes cannot be deleted.",
                        "“{series}” has {count} held meetings with minutes; a series with minutes cannot be "
                        "deleted.", self.held).format(series=series, count=self.held)


def deletion_impact(session: Session, series_id: int) -> DeletionImpact:
    """What deleting the series would take with it: meetings, held meetings, decisions."""
    mt._get(session, mt.MeetingSeries, series_id)
    M, D = mt.Meeting, mt.Decision
    meetings = session.scalar(select(func.count(M.id)).where(M.series_id == series_id)) or 0
    held = session.scalar(select(func.count(M.id)).where(M.series_id == series_id, M.held.is_(True))) or 0
    decisions = session.scalar(select(func.count(D.id)).join(M, D.meeting_id == M.id)
                               .where(M.series_id == series_id)) or 0
    return DeletionImpact(meetings, held, decisions)


class SeriesSnapshot(SeriesValues):
    """A deleted series with its planned meetings, as :func:`restore_series` puts it back."""

    id: int
    active: bool
    meetings: list[mt.MeetingSnapshot]


def delete_series(session: Session, series_id: int, *, with_meetings: bool = False,
                  expected: Mapping[str, Any] | None = None) -> SeriesSnapshot:
    """Delete a series; returns a snapshot for :func:`restore_series`.

    Refused when a meeting of the series was held; planned meetings are deleted with it only
    when ``with_meetings`` says the user confirmed that. ``expected``: the series as the user saw
    it (its values, ``meeting_count`` confirmed) or as an undo put it back (``meetings``: their
    snapshots); another office's change meanwhile is refused with StaleDataError."""
    series = mt._get(session, mt.MeetingSeries, series_id)
    if expected is not None:
        _check_expected(session, series, expected)
    impact = deletion_impact(session, series_id)
    if (refused := impact.refusal(series.name)) is not None:
        raise DomainError(refused)
    if impact.meetings and not with_meetings:
        raise DomainError(ngettext("“{series}” has {count} planned meeting; confirm deleting it with the series.",
                                   "“{series}” has {count} planned meetings; confirm deleting them with the "
                                   "series.", impact.meetings).format(series=series.name, count=impact.meetings))
    values = series_values(session, series_id)
    active = series.active
    ids = list(session.scalars(select(mt.Meeting.id).where(mt.Meeting.series_id == series_id)
                               .order_by(mt.Meeting.date)))
    snap = SeriesSnapshot(**values, id=series.id, active=active,
                          meetings=[mt.delete_meeting(session, i) for i in ids])
    session.delete(series)
    session.flush()
    return snap


def _check_expected(session: Session, series: mt.MeetingSeries, expected: Mapping[str, Any]) -> None:
    now = {**series_values(session, series.id), "active": series.active}
    changed = [k for k, v in expected.items() if k in now and now[k] != v]
    ids = list(session.scalars(select(mt.Meeting.id).where(mt.Meeting.series_id == series.id)
                               .order_by(mt.Meeting.date)))
    if "meeting_count" in expected and len(ids) != expected["meeting_count"]:
        changed.append("meetings")
    if "meetings" in expected and [mt.meeting_snapshot(session, session.get_one(mt.Meeting, i))
                                   for i in ids] != expected["meetings"]:
        changed.append("meetings")
    if changed:
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"meeting_series {series.id}: {', '.join(changed)} changed meanwhile")


def restore_series(session: Session, snap: SeriesSnapshot) -> mt.MeetingSeries:
    series = mt.MeetingSeries(id=snap["id"], name=snap["name"], kind=snap["kind"], recurrence=snap["recurrence"],
                              weekday=snap["weekday"], nth_week=snap["nth_week"], month_day=snap["month_day"],
                              time=snap["time"], place=snap["place"], chair_id=snap["chair_id"],
                              secretary_id=snap["secretary_id"], department_id=snap["department_id"],
                              active=snap["active"])
    series.members = [mt.MeetingSeriesMember(staff_id=sid, position=i) for i, sid in enumerate(snap["members"])]
    session.add(series)
    session.flush()
    for meeting in snap["meetings"]:
        mt.restore_meeting(session, meeting)
    return series
