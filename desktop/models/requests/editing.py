"""Writing requests: registering, recording steps, refusing, changing the channel, the
documents received; the snapshot a delete returns and its restore (each one unit of work), and
the undoable operations over them (``models/operations.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Unpack

from sqlalchemy.orm import Session

from desktop import dates
from desktop.i18n import _
from desktop.models import settings
from desktop.models.base import DomainError
from desktop.models.operations import Bound, Change, Outcome, bind, deleted, undo_by
from desktop.models.request_templates import ProcedureTemplate, ensure_builtin_procedures
from desktop.models.requests.entities import (
    Channel,
    RequestStatus,
    RequestStep,
    ServiceRequest,
    _request,
    _step,
)
from desktop.models.requests.planning import replan
from desktop.models.requests.shapes import NewRequest, RequestSnapshot, SavedVersions, StepSnapshot


def create_request(session: Session, procedure_id: int | None, received: dt.date, *, student_id: int | None = None,
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


def request_snapshot(session: Session, request_id: int) -> RequestSnapshot:
    r = _request(session, request_id)
    return RequestSnapshot(
        id=r.id, procedure_id=r.procedure_id, procedure_name=r.procedure_name, student_id=r.student_id,
        applicant=r.applicant, received=r.received, channel=r.channel, country=r.country, status=r.status,
        refusal_reason=r.refusal_reason, note=r.note, due=r.due, closed=r.closed, documents=r.documents,
        steps=[StepSnapshot(id=s.id, position=s.position, name=s.name, unit=s.unit, kind=s.kind, days=s.days,
                            fixed_month=s.fixed_month, fixed_day=s.fixed_day, optional=s.optional,
                            condition=s.condition, taken=s.taken, planned=s.planned, actual=s.actual,
                            done_by=s.done_by, note=s.note) for s in r.steps])


# What the register shows of a request (``request_rows``) that a delete expects unchanged.
SHOWN_REQUEST_FIELDS = ("id", "applicant", "student_id", "procedure_id", "received", "channel", "status", "due",
                        "closed", "refusal_reason", "country", "note")


def delete_request(session: Session, request_id: int,
                   expected: Mapping[str, object] | None = None) -> RequestSnapshot:
    """Delete a request; returns its snapshot for ``restore_request``. ``expected``: the fields the
    user saw (``SHOWN_REQUEST_FIELDS``) or the snapshot an undo put back (a redo deletes only that);
    another office's change meanwhile is refused with StaleDataError, never deleted unseen."""
    data = request_snapshot(session, request_id)
    seen: Mapping[str, object] = data
    if expected is not None and any(seen.get(k) != v for k, v in expected.items() if k != "versions"):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"service_request {request_id} was changed by another session")
    data["versions"] = _versions_of(session, data)  # language versions come back with an undo
    session.delete(_request(session, request_id))
    session.flush()
    return data


def _versions_of(session: Session, data: RequestSnapshot) -> SavedVersions:
    from desktop.models.text_versions import snapshot_versions

    return [("service_request", data["id"], snapshot_versions(session, "service_request", data["id"]))] + [
        ("request_step", s["id"], snapshot_versions(session, "request_step", s["id"])) for s in data["steps"]]


def restore_request(session: Session, data: RequestSnapshot) -> int:
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



# Operations (undoable, models/operations.py) ------------------------------------------------------
def create_request_op(session: Session, **values: Unpack[NewRequest]) -> Outcome[int]:
    """Register a request; undo deletes it (redo puts it back as it was)."""
    new_id = create_request(session, **values)
    return Outcome(new_id, bind(delete_request_op, new_id), Change.REQUESTS)


def delete_request_op(session: Session, request_id: int,
                      expected: Mapping[str, object] | None = None) -> Outcome[RequestSnapshot]:
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
