"""When each step of a request is due (the rules in the package's docstring), and keeping the
stored plans in step with the working-day calendar."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.check import rule
from desktop.models.request_templates import DurationKind
from desktop.models.requests.entities import RequestStatus, ServiceRequest, _request
from desktop.models.workdays import WorkCalendar, work_calendar


def fixed_due(month: int, day: int, received: dt.date) -> dt.date:
    """The first (month, day) on or after ``received`` (29 February falls back to the 28th)."""
    for year in (received.year, received.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            candidate = dt.date(year, month, 28)
        if candidate >= received:
            return candidate
    return candidate


def planned_dates(steps, received: dt.date, cal: WorkCalendar) -> list[dt.date | None]:
    """Planned due date of each step (None for a skipped optional step); see the module docstring."""
    anchor = fixed_floor = received
    result: list[dt.date | None] = []
    for step in steps:
        if step.optional and not step.taken:
            result.append(None)
            continue
        if step.kind == DurationKind.WORKING:
            due = cal.add_working_days(anchor, step.days)
        elif step.kind == DurationKind.CALENDAR:
            due = cal.add_calendar_days(anchor, step.days, roll_forward=True)
        else:
            # Fixed dates of one procedure belong to one cycle: each is the first such day on or after
            # the previous one (the stipend order by 25.08 follows the certificates by 15.08 of that year).
            fixed_floor = fixed_due(step.fixed_month, step.fixed_day, fixed_floor)
            due = cal.next_working_day(fixed_floor)
        result.append(due)
        anchor = step.actual or due
    return result


def replan(session: Session, request: ServiceRequest, cal: WorkCalendar | None = None) -> None:
    """Recompute every planned date, the request's due date and its status."""
    cal = cal or work_calendar(session, request.country)
    taken = []
    for step, due in zip(request.steps, planned_dates(request.steps, request.received, cal), strict=True):
        step.planned = due
        if due is not None:
            taken.append(step)
    request.due = taken[-1].planned if taken else None
    if request.status != RequestStatus.REFUSED:
        if taken and all(s.actual for s in taken):
            request.status, request.closed = RequestStatus.DONE.value, max(s.actual for s in taken if s.actual)
        else:
            request.status, request.closed = RequestStatus.IN_PROGRESS.value, None
    session.flush()



# Keeping stored plans in step with the calendar ----------------------------------------

def stale_plans(session: Session) -> list[int]:
    """Requests in progress whose stored planned dates no longer match the calendar (an override
    of working days was added or removed after they were planned)."""
    calendars: dict[str, WorkCalendar] = {}
    stale = []
    for request in session.scalars(select(ServiceRequest).where(
            ServiceRequest.status == RequestStatus.IN_PROGRESS.value)):
        cal = calendars.setdefault(request.country, work_calendar(session, request.country))
        if [s.planned for s in request.steps] != planned_dates(request.steps, request.received, cal):
            stale.append(request.id)
    return stale


def replan_open_requests(session: Session) -> int:
    """Re-plan every request in progress (after the office changed its working days); returns how many moved."""
    ids = stale_plans(session)
    for request_id in ids:
        replan(session, _request(session, request_id))
    return len(ids)


@rule
def _request_plans_follow_the_calendar(session: Session) -> list[str]:
    return [f"service request {i}: planned dates differ from the working-day calendar; open the requests area "
            f"to re-plan" for i in stale_plans(session)]
