"""What other parts read of the requests: steps due and overdue (the meeting's agenda, today's
page), the dashboard's counts, the register's rows and one request's card."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session

from desktop.models import settings
from desktop.models.requests.editing import request_snapshot
from desktop.models.requests.entities import DUE_SOON, RequestStatus, RequestStep, ServiceRequest, _request
from desktop.models.requests.shapes import CardStep, DashboardCounts, RequestCard, RequestRow
from desktop.models.workdays import work_calendar


def _overdue_step_clause(on_date: dt.date):
    return and_(RequestStep.request_id == ServiceRequest.id, RequestStep.taken.is_(True),
                RequestStep.actual.is_(None), RequestStep.planned < on_date)


@dataclass(frozen=True)
class DueStep:
    """An open step due in a period: what the weekly meeting's agenda lists."""

    request_id: int
    applicant: str
    procedure: str  # msgid or the office's own name: show through the translator
    step: str
    unit: str
    planned: dt.date
    overdue: bool


def requests_due(session: Session, start: dt.date, end: dt.date) -> list[DueStep]:
    """Open steps of requests in progress planned in [start, end], by date."""
    rows = session.execute(
        select(ServiceRequest.id, ServiceRequest.applicant, ServiceRequest.procedure_name, RequestStep.name,
               RequestStep.unit, RequestStep.planned)
        .join(RequestStep, RequestStep.request_id == ServiceRequest.id)
        .where(ServiceRequest.status == RequestStatus.IN_PROGRESS.value, RequestStep.taken.is_(True),
               RequestStep.actual.is_(None), RequestStep.planned.between(start, end))
        .order_by(RequestStep.planned, ServiceRequest.id, RequestStep.position)).all()
    return [DueStep(rid, who, proc, step, unit, planned, overdue=False)
            for rid, who, proc, step, unit, planned in rows if planned]


def requests_overdue(session: Session, on_date: dt.date) -> list[DueStep]:
    """Requests in progress with a step overdue on ``on_date``: their earliest overdue step each."""
    rows = session.execute(
        select(ServiceRequest.id, ServiceRequest.applicant, ServiceRequest.procedure_name, RequestStep.name,
               RequestStep.unit, RequestStep.planned)
        .join(RequestStep, RequestStep.request_id == ServiceRequest.id)
        .where(ServiceRequest.status == RequestStatus.IN_PROGRESS.value, RequestStep.taken.is_(True),
               RequestStep.actual.is_(None), RequestStep.planned < on_date)
        .order_by(ServiceRequest.id, RequestStep.position)).all()
    seen: dict[int, DueStep] = {}
    for rid, who, proc, step, unit, planned in rows:
        if planned:
            seen.setdefault(rid, DueStep(rid, who, proc, step, unit, planned, overdue=True))
    return sorted(seen.values(), key=lambda d: (d.planned, d.request_id))


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def dashboard_counts(session: Session, on_date: dt.date) -> DashboardCounts:
    """Open requests, overdue ones, and those not overdue with a step due within the next few working days."""
    from sqlalchemy import func

    open_ = session.scalar(select(func.count()).select_from(ServiceRequest)
                           .where(ServiceRequest.status == RequestStatus.IN_PROGRESS.value)) or 0
    overdue = session.scalar(select(func.count()).select_from(ServiceRequest).where(
        ServiceRequest.status == RequestStatus.IN_PROGRESS.value, exists().where(_overdue_step_clause(on_date)))) or 0
    horizon = work_calendar(session).add_working_days(on_date, settings.get(session, DUE_SOON.key))
    late = {d.request_id for d in requests_overdue(session, on_date)}
    soon = {d.request_id for d in requests_due(session, on_date, horizon)} - late  # counted once, as overdue
    return DashboardCounts(open=open_, overdue=overdue, due_soon=len(soon))


def _current_step(steps, on_date: dt.date):
    """The first taken step not yet done (None when all are done)."""
    for s in steps:
        if s.taken and s.actual is None:
            return s
    return None


def request_rows(session: Session, on_date: dt.date) -> list[RequestRow]:
    """The register: one row per request with its current step and overdue flag."""
    requests = session.scalars(select(ServiceRequest).order_by(ServiceRequest.received.desc(),
                                                               ServiceRequest.id.desc())).all()
    by_request: dict[int, list[RequestStep]] = {}
    for step in session.scalars(select(RequestStep).order_by(RequestStep.request_id, RequestStep.position)):
        by_request.setdefault(step.request_id, []).append(step)
    monday, sunday = week_of(on_date)
    rows: list[RequestRow] = []
    for r in requests:
        steps = by_request.get(r.id, [])
        current = _current_step(steps, on_date) if r.status == RequestStatus.IN_PROGRESS else None
        overdue = current is not None and current.planned is not None and current.planned < on_date
        rows.append(RequestRow(
            id=r.id, applicant=r.applicant, student_id=r.student_id, procedure=r.procedure_name,
            procedure_id=r.procedure_id, received=r.received, channel=r.channel, status=r.status,
            current_step=current.name if current else "", current_unit=current.unit if current else "",
            step_due=current.planned if current else None, due=r.due, closed=r.closed,
            overdue=overdue,
            days_overdue=(on_date - current.planned).days if overdue and current and current.planned else 0,
            due_this_week=bool(current and current.planned and monday <= current.planned <= sunday),
            refusal_reason=r.refusal_reason, country=r.country, note=r.note,
        ))
    return rows


def request_card(session: Session, request_id: int, on_date: dt.date) -> RequestCard:
    """A request with its steps (planned, actual, overdue / late) for the card and its PDF."""
    request = _request(session, request_id)
    data = request_snapshot(session, request_id)
    in_progress = request.status == RequestStatus.IN_PROGRESS
    steps = tuple(CardStep(**s, skipped=s["optional"] and not s["taken"],
                           overdue=bool(in_progress and s["taken"] and s["actual"] is None and s["planned"]
                                        and s["planned"] < on_date),
                           late=bool(s["actual"] and s["planned"] and s["actual"] > s["planned"]))
                  for s in data["steps"])
    return RequestCard(id=data["id"], procedure_id=data["procedure_id"], procedure_name=data["procedure_name"],
                       student_id=data["student_id"], applicant=data["applicant"], received=data["received"],
                       channel=data["channel"], country=data["country"], status=data["status"],
                       refusal_reason=data["refusal_reason"], note=data["note"], due=data["due"],
                       closed=data["closed"], documents=data["documents"], steps=steps,
                       overdue=any(s.overdue for s in steps))

