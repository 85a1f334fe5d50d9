"""The agenda draft and the calendar of a meeting series.

**Agenda sources.** A draft is the union of what every registered source proposes for a meeting:
a source is a function ``(session, meeting_date, horizon) -> list[AgendaProposal]`` where
``horizon`` is the last day the meeting looks ahead to (the day before the next meeting of a
weekly series, the end of the coming month for a monthly one). This module registers the work
plan (items due within the horizon, items overdue) and open decisions; other areas register
theirs with :func:`register_source` (service requests at merge), without this module importing them.

**Which decisions come back.** Every open decision of the same series whose due date falls by the
horizon (so it is reported on before it is late) or has passed (overdue), and open decisions with
no due date: they come back on every next agenda of their series until done or cancelled.

**Calendar.** A weekly series meets on its weekday; a monthly series on the nth weekday of the
month (or a fixed day of the month). When that day is a holiday or a day off (country from the
faculty's setting, with the office's overrides), the meeting moves to the next working day; the
series' rhythm is kept (the following meeting is again on its weekday).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop import clock, dates
from desktop.i18n import _
from desktop.models import meetings as mt
from desktop.models.base import DomainError


@dataclass
class AgendaProposal:
    source: str  # key of the source that proposed it
    title: str
    ref: str  # "workplan:12", "decision:5": the same ref is never proposed twice nor once it is on the agenda
    speaker_id: int | None = None
    speaker: str = ""  # as text, when the source knows a name but no staff member
    due_date: dt.date | None = None
    overdue: bool = False
    note: str = ""  # deadline as written, the meeting a decision came from ...
    workplan_item_id: int | None = None
    decision_id: int | None = None
    series_id: int | None = None  # set: only for meetings of this series
    on_agenda: bool = field(default=False, compare=False)


AgendaSource = Callable[[Session, dt.date, dt.date], list[AgendaProposal]]


@dataclass(frozen=True)
class SourceSpec:
    key: str
    label: str  # English, N_-marked; translated where shown
    fn: AgendaSource


SOURCES: dict[str, SourceSpec] = {}


def register_source(key: str, label: str, fn: AgendaSource) -> None:
    """Add (or replace) an agenda source; proposals are shown in registration order."""
    SOURCES[key] = SourceSpec(key, label, fn)


def source_label(key: str) -> str:
    """The English label of an agenda item's source (this area's registered from ``ItemSource``,
    other areas' with their own); an item added by hand, or from a source no longer registered,
    reads as added by hand."""
    spec = SOURCES.get(key)
    return spec.label if spec is not None else mt.ItemSource.MANUAL.msgid


# The sources of this module ------------------------------------------------------------------

# Recurring plan items ("every Monday", "throughout the year") are due every week and never
# overdue; proposing them each time would bury the agenda, so only dated work is proposed.
_RECURRING = ("weekly", "year_round")


def _first_staff(item) -> tuple[int | None, str]:
    for r in item.responsible:
        if r.staff_id:
            return r.staff_id, r.text
    return None, item.responsible[0].text if item.responsible else ""


def workplan_due(session: Session, meeting_date: dt.date, horizon: dt.date) -> list[AgendaProposal]:
    from desktop.i18n import current
    from desktop.models import workplan as wp
    from desktop.models import workplan_deadline as dl

    out = []
    for item in wp.items_due(session, meeting_date, horizon):
        if (item.deadline or {}).get("kind") in _RECURRING or wp.is_item_overdue(item, meeting_date):
            continue
        staff_id, speaker = _first_staff(item)
        first_year = item.section.plan.year.first_year
        out.append(AgendaProposal(mt.ItemSource.WORKPLAN_DUE.value, item.text, f"workplan:{item.id}", staff_id, speaker,
                                  due_date=dl.last_day(item.deadline or {}, first_year),
                                  note=dl.render(item.deadline or {}, current()), workplan_item_id=item.id))
    return out


def workplan_overdue(session: Session, meeting_date: dt.date, horizon: dt.date) -> list[AgendaProposal]:
    from desktop.i18n import current
    from desktop.models import workplan as wp
    from desktop.models import workplan_deadline as dl

    out = []
    for item in wp.items_overdue(session, meeting_date):
        staff_id, speaker = _first_staff(item)
        first_year = item.section.plan.year.first_year
        out.append(AgendaProposal(mt.ItemSource.WORKPLAN_OVERDUE.value, item.text, f"workplan:{item.id}", staff_id,
                                  speaker, due_date=dl.last_day(item.deadline or {}, first_year), overdue=True,
                                  note=dl.render(item.deadline or {}, current()), workplan_item_id=item.id))
    return out


def open_decisions(session: Session, meeting_date: dt.date, horizon: dt.date) -> list[AgendaProposal]:
    D, M = mt.Decision, mt.Meeting
    rows = session.execute(
        select(D, M).join(M, D.meeting_id == M.id)
        .where(D.status == mt.DecisionStatus.OPEN.value, M.date < meeting_date,
               or_(D.due_date.is_(None), D.due_date <= horizon))
        .order_by(D.due_date, M.date, D.id)).all()
    out = []
    for d, m in rows:
        staff_id = d.responsible[0].staff_id if d.responsible else None
        speaker = ", ".join(r.staff.short_name for r in d.responsible)
        note = _("Decision of {date}, minutes No. {number}").format(date=dates.table(m.date), number=m.number)
        out.append(AgendaProposal(mt.ItemSource.DECISION.value, d.text, f"decision:{d.id}", staff_id, speaker,
                                  due_date=d.due_date, note=note, decision_id=d.id, series_id=m.series_id,
                                  overdue=mt.is_decision_overdue(d.status, d.due_date, meeting_date)))
    return out


for _source, _fn in ((mt.ItemSource.DECISION, open_decisions), (mt.ItemSource.WORKPLAN_OVERDUE, workplan_overdue),
                     (mt.ItemSource.WORKPLAN_DUE, workplan_due)):
    register_source(_source.value, _source.msgid, _fn)


# The draft -----------------------------------------------------------------------------------

def horizon_of(series: mt.MeetingSeries, meeting_date: dt.date) -> dt.date:
    """The last day a meeting looks ahead to: a week for weekly series, a month for monthly ones."""
    if series.recurrence == mt.Recurrence.MONTHLY:
        y, m = (meeting_date.year + 1, 1) if meeting_date.month == 12 else (meeting_date.year, meeting_date.month + 1)
        day = min(meeting_date.day, dates.month_end(y, m).day)
        return dt.date(y, m, day) - dt.timedelta(days=1)
    return meeting_date + dt.timedelta(days=6)


def draft_for(session: Session, series_id: int | None, meeting_date: dt.date, horizon: dt.date | None = None,
              existing_refs: set[str] | frozenset[str] = frozenset()) -> list[AgendaProposal]:
    """What the sources propose for a meeting of ``series_id`` on ``meeting_date``, overdue first,
    each ref once; proposals already on the agenda are kept but marked ``on_agenda``."""
    from desktop.models import load_all

    load_all()  # other areas register their agenda sources on import (service requests)
    if horizon is None:
        series = session.get(mt.MeetingSeries, series_id) if series_id else None
        horizon = horizon_of(series, meeting_date) if series else meeting_date + dt.timedelta(days=6)
    seen: set[str] = set()
    out: list[AgendaProposal] = []
    for spec in SOURCES.values():
        for p in spec.fn(session, meeting_date, horizon):
            if p.ref in seen or (p.series_id is not None and series_id is not None and p.series_id != series_id):
                continue
            seen.add(p.ref)
            p.on_agenda = p.ref in existing_refs
            out.append(p)
    out.sort(key=lambda p: (not p.overdue, p.source != mt.ItemSource.DECISION, p.due_date or dt.date.max))
    return out


def agenda_draft(session: Session, meeting_id: int) -> list[AgendaProposal]:
    """The proposals for an existing meeting (marked when already on its agenda)."""
    meeting = mt._get(session, mt.Meeting, meeting_id)
    refs = {i.source_ref for i in meeting.items if i.source_ref}
    return draft_for(session, meeting.series_id, meeting.date, horizon_of(meeting.series, meeting.date), refs)


def add_proposals(session: Session, meeting_id: int, proposals: list[AgendaProposal],
                  default_minutes: int | None = 10) -> list[int]:
    """Put the ticked proposals at the end of the agenda (those already there are skipped);
    returns the new items' ids (for undo)."""
    meeting = mt._get(session, mt.Meeting, meeting_id)
    refs = {i.source_ref for i in meeting.items if i.source_ref}
    ids = []
    for p in proposals:
        if p.ref in refs:
            continue
        refs.add(p.ref)
        item = mt.add_agenda_item(session, meeting_id, p.title, speaker_id=p.speaker_id,
                                  minutes_allotted=default_minutes, source=p.source, source_ref=p.ref,
                                  workplan_item_id=p.workplan_item_id, decision_id=p.decision_id)
        ids.append(item.id)
    return ids


def remove_items(session: Session, item_ids: list[int]) -> list[mt.DeletedItem]:
    """Delete items (undo of :func:`add_proposals`); returns their snapshots, first to last."""
    snaps = [mt.delete_agenda_item(session, i) for i in reversed(item_ids)]
    return list(reversed(snaps))


def restore_items(session: Session, snaps: list[mt.DeletedItem]) -> None:
    for snap in snaps:
        mt.restore_agenda_item(session, snap)


# The calendar of a series --------------------------------------------------------------------

def nominal_date_in_month(series: mt.MeetingSeries, year: int, month: int) -> dt.date:
    """The day a monthly series meets in a month, before any holiday shift."""
    days = dates.month_end(year, month).day
    if series.month_day:
        return dt.date(year, month, min(series.month_day, days))
    nth = series.nth_week or 1
    weekdays = [dt.date(year, month, d) for d in range(1, days + 1)
                if dt.date(year, month, d).weekday() == series.weekday]
    return weekdays[-1] if nth < 0 or nth > len(weekdays) else weekdays[nth - 1]


def nominal_dates(series: mt.MeetingSeries, after: dt.date):
    """The series' own days strictly after ``after`` (an endless generator)."""
    if series.recurrence == mt.Recurrence.MONTHLY:
        y, m = after.year, after.month
        while True:
            d = nominal_date_in_month(series, y, m)
            if d > after:
                yield d
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    day = after + dt.timedelta(days=(series.weekday - after.weekday()) % 7 or 7)
    while True:
        yield day
        day += dt.timedelta(days=7)


def next_meeting_date(session: Session, series_id: int, after: dt.date | None = None) -> dt.date:
    """The next day the series meets after its last meeting (or from ``after``), moved off holidays."""
    from desktop.models.workdays import work_calendar

    series = mt._get(session, mt.MeetingSeries, series_id)
    last = session.scalar(select(mt.Meeting.date).where(mt.Meeting.series_id == series_id)
                          .order_by(mt.Meeting.date.desc()).limit(1))
    start = after if after is not None else (last if last is not None else clock.today() - dt.timedelta(days=1))
    if after is not None and last is not None:
        start = max(after, last)
    cal = work_calendar(session)
    taken = set(session.scalars(select(mt.Meeting.date).where(mt.Meeting.series_id == series_id,
                                                              mt.Meeting.date > start)))
    for nominal in nominal_dates(series, start):
        day = cal.next_working_day(nominal)
        if day not in taken and day > start:
            return day
    raise DomainError("unreachable")  # pragma: no cover


def create_next_meeting(session: Session, series_id: int, *, after: dt.date | None = None,
                        with_proposals: bool = False, meeting_id: int | None = None) -> mt.Meeting:
    """The next meeting of a series, one click: its day, the series' time, place, chair, secretary
    and attendees; with ``with_proposals`` the whole draft goes on the agenda."""
    date = next_meeting_date(session, series_id, after)
    meeting = mt.add_meeting(session, series_id, date, meeting_id=meeting_id)
    if with_proposals:
        add_proposals(session, meeting.id, agenda_draft(session, meeting.id))
    return meeting
