"""Service requests (seed 002): a duplicate of a diploma, a certificate of study ... step by step.

**Which calendar.** A request stores the country whose working days it counts (KG, KZ, RU),
copied from the faculty setting ``country`` when the request is registered. Changing the
setting later does not move the dates of requests already running.

**When a step is due.** Each request holds its own copy of the procedure's steps. The planned
due date of a step counts from an *anchor*:

- the first step counts from the received date;
- every later step counts from the previous *taken* step's actual completion date when it is
  done, else from that step's planned due date (so a late or early step re-plans the rest);
- an optional step whose condition is not ticked is skipped: it has no date and is not an anchor.

From the anchor, a step of N **working days** is due on ``add_working_days(anchor, N)``: the
N-th working day *after* the anchor. "Registration within 1 working day" of documents received
on Friday 20.03.2026 in Kazakhstan is therefore due on Thursday 26.03.2026 (21-25 March are days
off). A step of N **calendar days** is due N days after the anchor; a **fixed** step ("no later
than 15 August") is due on the first such day on or after the received date (and on or after an
earlier fixed step's day: one procedure's fixed dates fall in one yearly cycle). When a calendar
or fixed due date falls on a day off, it moves to the next working day (the civil-law rule for
the last day of a term; seed 002's own durations end on working days).

**Overdue.** On a day D a step is overdue when it is taken, not done and its planned date is
before D (a step due today is not yet overdue). A request is overdue when it is in progress and
one of its steps is overdue. A step done after its planned date is shown as "done late".

**Status.** In progress until every taken step has an actual date (then done, closed on the
last actual date), or refused with a reason (refusal can be withdrawn).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Date, ForeignKey, String, Text, and_, exists, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from desktop import dates
from desktop.i18n import N_, LabelledEnum, _
from desktop.models import settings
from desktop.models.base import Base, DomainError
from desktop.models.check import rule
from desktop.models.operations import Bound, Change, Outcome, bind, deleted, undo_by
from desktop.models.request_templates import DurationKind, ProcedureTemplate, StepColumns, ensure_builtin_procedures
from desktop.models.workdays import WorkCalendar, work_calendar


class Channel(LabelledEnum):
    IN_PERSON = "in_person", N_("In person")
    SERVICE_CENTRE = "service_centre", N_("Public service centre")
    PORTAL = "portal", N_("E-government portal")


# Seed 002: the grounds on which a state service is refused (a refusal names one, or the office's own text).
REFUSAL_GROUNDS = (
    N_("The applicant submitted an incomplete package of documents"),
    N_("The documents submitted contain false data"),
    N_("The applicant's electronic digital signature is not confirmed"),
)


class RequestStatus(LabelledEnum):
    IN_PROGRESS = "in_progress", N_("In progress")
    DONE = "done", N_("Done")
    REFUSED = "refused", N_("Refused")


DUE_SOON = settings.declare("requests_due_soon_days", 3)  # working days ahead counted as "due soon"


class ServiceRequest(Base):
    __tablename__ = "service_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int | None] = mapped_column(ForeignKey("procedure_template.id", ondelete="SET NULL"))
    procedure_name: Mapped[str] = mapped_column(String(300))  # a copy: the template may change or go
    student_id: Mapped[int | None] = mapped_column(ForeignKey("student.id", ondelete="SET NULL"), index=True)
    applicant: Mapped[str] = mapped_column(String(300))  # the student's name, or a graduate typed in
    received: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(20), default=Channel.IN_PERSON.value)
    country: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(20), default=RequestStatus.IN_PROGRESS.value, index=True)
    refusal_reason: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # The documents received, one per line, as the receipt lists them (blank: lines to fill in by hand)
    documents: Mapped[str] = mapped_column(Text, default="", server_default="")
    due: Mapped[dt.date | None] = mapped_column(Date)  # planned date of the last taken step
    closed: Mapped[dt.date | None] = mapped_column(Date)

    steps: Mapped[list[RequestStep]] = relationship(
        cascade="all, delete-orphan", order_by="RequestStep.position", back_populates="request")


class RequestStep(StepColumns, Base):
    __tablename__ = "request_step"

    request_id: Mapped[int] = mapped_column(ForeignKey("service_request.id", ondelete="CASCADE"), index=True)
    taken: Mapped[bool] = mapped_column(default=True)  # an optional step whose condition is ticked
    planned: Mapped[dt.date | None] = mapped_column(Date, index=True)
    actual: Mapped[dt.date | None] = mapped_column(Date)
    done_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(String(500), default="")

    request: Mapped[ServiceRequest] = relationship(back_populates="steps")


# Planning (pure) ----------------------------------------------------------------------

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


# Operations (each one unit of work; each returns what undo needs) ------------------------

def _request(session: Session, request_id: int) -> ServiceRequest:
    request = session.get(ServiceRequest, request_id)
    if request is None:
        raise DomainError(_("The request was deleted meanwhile; reload the list."))
    return request


def _step(session: Session, step_id: int) -> RequestStep:
    step = session.get(RequestStep, step_id)
    if step is None:
        raise DomainError(_("The request was deleted meanwhile; reload the list."))
    return step


def create_request(session: Session, procedure_id: int, received: dt.date, *, student_id: int | None = None,
                   applicant: str = "", channel: str = Channel.IN_PERSON.value, conditions=(),
                   note: str = "", country: str | None = None, request_id: int | None = None,
                   documents: str = "") -> int:
    """Register a request; ``conditions`` are the positions of optional steps whose condition holds."""
    from desktop.models.contingent import Student

    ensure_builtin_procedures(session)
    template = session.get(ProcedureTemplate, procedure_id) if procedure_id is not None else None
    if template is None:
        raise DomainError(_("Choose the procedure of the request."))
    if not template.active:
        raise DomainError(_("The procedure “{name}” is switched off.").format(name=_(template.name)))
    applicant = (applicant or "").strip()
    if student_id is not None:
        student = session.get(Student, student_id)
        if student is None:
            raise DomainError(_("The student was deleted meanwhile; reload the list."))
        applicant = applicant or student.full_name
    if not applicant:
        raise DomainError(_("Name the applicant: choose a student or type the graduate's name."))
    if received is None:
        raise DomainError(_("The received date is required."))
    try:
        channel = Channel(channel).value
    except ValueError:
        raise DomainError(_("Unknown channel “{channel}”.").format(channel=channel)) from None
    request = ServiceRequest(id=request_id, procedure_id=template.id, procedure_name=template.name,
                             student_id=student_id, applicant=applicant, received=received, channel=channel,
                             country=(country or settings.get(session, "country")).upper(), note=note or "",
                             documents=clean_documents(documents))
    conditions = set(conditions)
    from desktop.models.request_templates import channel_steps

    request.steps = [RequestStep(position=i, name=s.name, unit=s.unit, kind=s.kind, days=s.days,
                                 fixed_month=s.fixed_month, fixed_day=s.fixed_day, optional=s.optional,
                                 condition=s.condition, taken=not s.optional or at in conditions)
                     for i, (s, at) in enumerate(channel_steps(template.builtin_key, channel, template.steps))]
    session.add(request)
    session.flush()
    replan(session, request)
    return request.id


def request_snapshot(session: Session, request_id: int) -> dict:
    request = _request(session, request_id)
    cols = ("id", "procedure_id", "procedure_name", "student_id", "applicant", "received", "channel", "country",
            "status", "refusal_reason", "note", "due", "closed", "documents")
    step_cols = ("id", "position", "name", "unit", "kind", "days", "fixed_month", "fixed_day", "optional",
                 "condition", "taken", "planned", "actual", "done_by", "note")
    return {**{c: getattr(request, c) for c in cols},
            "steps": [{c: getattr(s, c) for c in step_cols} for s in request.steps]}


# What the register shows of a request (``request_rows``) that a delete expects unchanged.
SHOWN_REQUEST_FIELDS = ("id", "applicant", "student_id", "procedure_id", "received", "channel", "status", "due",
                        "closed", "refusal_reason", "country", "note")


def delete_request(session: Session, request_id: int, expected: dict | None = None) -> dict:
    """Delete a request; returns its snapshot for ``restore_request``. ``expected``: the fields the
    user saw (``SHOWN_REQUEST_FIELDS``) or the snapshot an undo put back (a redo deletes only that);
    another office's change meanwhile is refused with StaleDataError, never deleted unseen."""
    data = request_snapshot(session, request_id)
    if expected is not None and any(data.get(k) != v for k, v in expected.items() if k != "versions"):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"service_request {request_id} was changed by another session")
    data["versions"] = _versions_of(session, data)  # language versions come back with an undo
    session.delete(_request(session, request_id))
    session.flush()
    return data


def _versions_of(session: Session, data: dict) -> list:
    from desktop.models.text_versions import snapshot_versions

    return [("service_request", data["id"], snapshot_versions(session, "service_request", data["id"]))] + [
        ("request_step", s["id"], snapshot_versions(session, "request_step", s["id"])) for s in data["steps"]]


def restore_request(session: Session, data: dict) -> int:
    """Put a request back exactly as ``request_snapshot`` saw it (undo of delete or of any edit),
    with its language versions."""
    from desktop.models.text_versions import restore_versions

    versions = data.get("versions")
    existing = session.get(ServiceRequest, data["id"])
    if existing is not None:
        if versions is None:  # an edit undone: the versions are today's
            versions = _versions_of(session, request_snapshot(session, data["id"]))
        session.delete(existing)
        session.flush()
    fields = {k: v for k, v in data.items() if k not in ("steps", "versions")}
    request = ServiceRequest(**fields)
    request.steps = [RequestStep(**s) for s in data["steps"]]
    session.add(request)
    session.flush()
    step_ids = {s.id for s in request.steps}
    for table, row_id, saved in versions or []:
        if saved and (table == "service_request" or row_id in step_ids):
            restore_versions(session, table, row_id, saved)
    return request.id


def record_step(session: Session, step_id: int, actual: dt.date | None, done_by: str = "",
                note: str | None = None) -> None:
    """Mark a step done on ``actual`` (None: not done) by ``done_by``; the later steps re-plan."""
    step = _step(session, step_id)
    request = step.request
    if request.status == RequestStatus.REFUSED:
        raise DomainError(_("The request was refused; withdraw the refusal first."))
    if actual is not None:
        if not step.taken:
            raise DomainError(_("Step “{step}” is skipped: tick its condition first.").format(step=_(step.name)))
        if actual < request.received:
            raise DomainError(_("Step “{step}”: the date {date} is before the request was received ({received}).")
                              .format(step=_(step.name), date=dates.table(actual),
                                      received=dates.table(request.received)))
    step.actual = actual
    step.done_by = (done_by or "").strip() if actual is not None else ""
    if note is not None:
        step.note = note
    replan(session, request)


def set_condition(session: Session, step_id: int, holds: bool) -> None:
    """Tick (take) or untick (skip) an optional step's condition; the later steps re-plan."""
    step = _step(session, step_id)
    if not step.optional:
        raise DomainError(_("Step “{step}” is not optional.").format(step=_(step.name)))
    if not holds and step.actual is not None:
        raise DomainError(_("Step “{step}” is already done; clear its date first.").format(step=_(step.name)))
    step.taken = bool(holds)
    replan(session, step.request)


def refuse_request(session: Session, request_id: int, reason: str, on: dt.date) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give the reason of the refusal."))
    request = _request(session, request_id)
    request.status, request.refusal_reason, request.closed = RequestStatus.REFUSED.value, reason, on
    session.flush()


def withdraw_refusal(session: Session, request_id: int) -> None:
    request = _request(session, request_id)
    request.status, request.refusal_reason = RequestStatus.IN_PROGRESS.value, ""
    replan(session, request)


def clean_documents(text: str | None) -> str:
    """One document a line, blank lines and list numbers ("1.", "2)") dropped: the receipt numbers them."""
    import re

    lines = (re.sub(r"^\s*\d+\s*[.)]\s*", "", line).strip() for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def set_documents(session: Session, request_id: int, text: str) -> None:
    """The documents received with the request (the receipt's list)."""
    _request(session, request_id).documents = clean_documents(text)
    session.flush()


def change_channel(session: Session, request_id: int, channel: str) -> None:
    """The request came through another channel: its steps become that channel's (seed 002), each
    step already done keeping its date, who did it and the note; then every date re-plans. Refused
    when a step already done has no place on the new channel. Undo: ``restore_request``."""
    from desktop.models.request_templates import channel_steps

    request = _request(session, request_id)
    try:
        channel = Channel(channel).value
    except ValueError:
        raise DomainError(_("Unknown channel “{channel}”.").format(channel=channel)) from None
    if channel == request.channel:
        return
    template = session.get(ProcedureTemplate, request.procedure_id) if request.procedure_id is not None else None
    request.channel = channel
    if template is not None:
        specs = channel_steps(template.builtin_key, channel, template.steps)
        names = {spec.name for spec, _at in specs}
        lost = next((st for st in request.steps if st.actual and st.name not in names), None)
        if lost is not None:
            raise DomainError(_("The step “{step}” is already done and the channel “{channel}” has no such step; "
                                "the channel stays as it was.").format(
                step=_(lost.name), channel=Channel(channel).label()))
        old = {st.name: st for st in request.steps}
        steps = []
        for i, (spec, _at) in enumerate(specs):
            prev = old.get(spec.name)
            steps.append(RequestStep(
                position=i, name=spec.name, unit=spec.unit, kind=spec.kind, days=spec.days,
                fixed_month=spec.fixed_month, fixed_day=spec.fixed_day, optional=spec.optional,
                condition=spec.condition, taken=prev.taken if prev else not spec.optional,
                actual=prev.actual if prev else None, done_by=prev.done_by if prev else "",
                note=prev.note if prev else ""))
        request.steps.clear()
        session.flush()
        request.steps.extend(steps)
    replan(session, request)


def update_request(session: Session, request_id: int, *, applicant: str | None = None,
                   received: dt.date | None = None, channel: str | None = None, note: str | None = None) -> None:
    request = _request(session, request_id)
    if applicant is not None:
        if not applicant.strip():
            raise DomainError(_("Name the applicant: choose a student or type the graduate's name."))
        request.applicant = applicant.strip()
    if channel is not None:
        change_channel(session, request_id, channel)
    if note is not None:
        request.note = note
    if received is not None:
        done = [s.actual for s in request.steps if s.actual]
        if done and min(done) < received:
            raise DomainError(_("The received date cannot be after a step already done."))
        request.received = received
    replan(session, request)


# Queries -----------------------------------------------------------------------------

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


def dashboard_counts(session: Session, on_date: dt.date) -> dict[str, int]:
    """Open requests, overdue ones, and those not overdue with a step due within the next few working days."""
    from sqlalchemy import func

    open_ = session.scalar(select(func.count()).select_from(ServiceRequest)
                           .where(ServiceRequest.status == RequestStatus.IN_PROGRESS.value)) or 0
    overdue = session.scalar(select(func.count()).select_from(ServiceRequest).where(
        ServiceRequest.status == RequestStatus.IN_PROGRESS.value, exists().where(_overdue_step_clause(on_date)))) or 0
    horizon = work_calendar(session).add_working_days(on_date, settings.get(session, DUE_SOON.key))
    late = {d.request_id for d in requests_overdue(session, on_date)}
    soon = {d.request_id for d in requests_due(session, on_date, horizon)} - late  # counted once, as overdue
    return {"open": open_, "overdue": overdue, "due_soon": len(soon)}


def _current_step(steps, on_date: dt.date):
    """The first taken step not yet done (None when all are done)."""
    for s in steps:
        if s.taken and s.actual is None:
            return s
    return None


def request_rows(session: Session, on_date: dt.date) -> list[dict]:
    """The register: one dict per request with its current step and overdue flag."""
    requests = session.scalars(select(ServiceRequest).order_by(ServiceRequest.received.desc(),
                                                               ServiceRequest.id.desc())).all()
    by_request: dict[int, list[RequestStep]] = {}
    for step in session.scalars(select(RequestStep).order_by(RequestStep.request_id, RequestStep.position)):
        by_request.setdefault(step.request_id, []).append(step)
    monday, sunday = week_of(on_date)
    rows = []
    for r in requests:
        steps = by_request.get(r.id, [])
        current = _current_step(steps, on_date) if r.status == RequestStatus.IN_PROGRESS else None
        overdue = current is not None and current.planned is not None and current.planned < on_date
        rows.append({
            "id": r.id, "applicant": r.applicant, "student_id": r.student_id, "procedure": r.procedure_name,
            "procedure_id": r.procedure_id, "received": r.received, "channel": r.channel, "status": r.status,
            "current_step": current.name if current else "", "current_unit": current.unit if current else "",
            "step_due": current.planned if current else None, "due": r.due, "closed": r.closed,
            "overdue": overdue,
            "days_overdue": (on_date - current.planned).days if overdue and current and current.planned else 0,
            "due_this_week": bool(current and current.planned and monday <= current.planned <= sunday),
            "refusal_reason": r.refusal_reason, "country": r.country, "note": r.note,
        })
    return rows


def request_card(session: Session, request_id: int, on_date: dt.date) -> dict:
    """A request with its steps (planned, actual, overdue / late) for the card and its PDF."""
    request = _request(session, request_id)
    data = request_snapshot(session, request_id)
    in_progress = request.status == RequestStatus.IN_PROGRESS
    for s in data["steps"]:
        s["skipped"] = s["optional"] and not s["taken"]
        s["overdue"] = bool(in_progress and s["taken"] and s["actual"] is None and s["planned"]
                            and s["planned"] < on_date)
        s["late"] = bool(s["actual"] and s["planned"] and s["actual"] > s["planned"])
    data["overdue"] = any(s["overdue"] for s in data["steps"])
    return data


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


# Operations (undoable, models/operations.py) ------------------------------------------------------
def create_request_op(session: Session, **values) -> Outcome[int]:
    """Register a request; undo deletes it (redo puts it back as it was)."""
    new_id = create_request(session, **values)
    return Outcome(new_id, bind(delete_request_op, new_id), Change.REQUESTS)


def delete_request_op(session: Session, request_id: int, expected: dict | None = None) -> Outcome[dict]:
    """``expected``: the request as its undo put it back (a redo); another office's change since is
    refused as stale."""
    return deleted(session, delete_request, restore_request, request_id, Change.REQUESTS, expected)


def edit_request_op(session: Session, request_id: int, change: Bound) -> Outcome[object]:
    """Any change to one request (``change``: a model call bound to its arguments, e.g.
    ``bind(record_step, step_id, day)``); undo puts back the snapshot taken before it."""
    before = request_snapshot(session, request_id)
    result = change(session)
    return Outcome(result, undo_by(bind(restore_request, before), bind(edit_request_op, request_id, change),
                                   Change.REQUESTS), Change.REQUESTS)
