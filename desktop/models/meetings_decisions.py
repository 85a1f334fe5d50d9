"""Decisions of meetings: text, responsible persons, due date, status (open, done, cancelled), the
meeting they came from; the decisions register; the consistency rules of ``dekanat check``.

Open decisions come back on every next agenda of their series until done (``meetings_agenda``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.models.meetings import (
    AgendaItem,
    Decision,
    DecisionResponsible,
    DecisionStatus,
    Meeting,
    MeetingSeries,
    _get,
)
from desktop import clock


def _decision_snapshot(d: Decision) -> dict:
    return {"id": d.id, "meeting_id": d.meeting_id, "agenda_item_id": d.agenda_item_id, "text": d.text,
            "due_date": d.due_date, "status": d.status, "closed_on": d.closed_on, "note": d.note,
            "responsible": [r.staff_id for r in d.responsible]}


def add_decision(session: Session, meeting_id: int, text: str, *, responsible=(), due_date: dt.date | None = None,
                 agenda_item_id: int | None = None, decision_id: int | None = None) -> Decision:
    meeting = _get(session, Meeting, meeting_id)
    text = (text or "").strip()
    if not text:
        raise DomainError(_("A decision needs its text."))
    _check_due(meeting, due_date)
    decision = Decision(id=decision_id, meeting_id=meeting_id, agenda_item_id=agenda_item_id, text=text,
                        due_date=due_date, status=DecisionStatus.OPEN.value)
    decision.responsible = [DecisionResponsible(staff_id=s, position=i) for i, s in enumerate(dict.fromkeys(responsible))]
    session.add(decision)
    session.flush()
    return decision


def _check_due(meeting: Meeting, due_date: dt.date | None) -> None:
    if due_date is not None and due_date < meeting.date:
        raise DomainError(_("The due date {due} is before the meeting of {date}.").format(
            due=due_date.strftime("%d.%m.%Y"), date=meeting.date.strftime("%d.%m.%Y")))


def restore_decision(session: Session, snap: dict) -> Decision:
    d = add_decision(session, snap["meeting_id"], snap["text"], responsible=snap["responsible"],
                     due_date=snap["due_date"], agenda_item_id=snap["agenda_item_id"], decision_id=snap["id"])
    d.status, d.closed_on, d.note = snap["status"], snap["closed_on"], snap["note"]
    session.flush()
    if snap.get("versions"):
        from desktop.models.text_versions import restore_versions

        restore_versions(session, "meeting_decision", d.id, snap["versions"])
    return d


def delete_decision(session: Session, decision_id: int, expected: dict | None = None) -> dict:
    """``expected``: the snapshot an undo put back; a redo deletes only that decision (another
    office's change meanwhile is refused with StaleDataError)."""
    from desktop.models.text_versions import snapshot_versions

    d = _get(session, Decision, decision_id)
    if expected is not None and any(getattr(d, f) != expected.get(f) for f in ("text", "due_date", "status", "note")):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"meeting_decision {decision_id} was changed by another session")
    snap = {**_decision_snapshot(d), "versions": snapshot_versions(session, "meeting_decision", d.id)}
    session.delete(d)
    session.flush()
    return snap


DECISION_FIELDS = ("text", "due_date", "status", "closed_on", "note", "responsible")


def update_decision(session: Session, decision_id: int, **fields) -> dict:
    """Set text, due date, status (closing sets ``closed_on``), note, responsible (staff ids)."""
    d = _get(session, Decision, decision_id)
    old = {}
    for k, v in fields.items():
        if k not in DECISION_FIELDS:
            raise ValueError(k)
        if k == "responsible":
            old[k] = [r.staff_id for r in d.responsible]
            d.responsible.clear()
            session.flush()
            d.responsible.extend(DecisionResponsible(staff_id=s, position=i) for i, s in enumerate(dict.fromkeys(v)))
            continue
        if k == "status":
            v = DecisionStatus(v).value
        if k == "text" and not (v or "").strip():
            raise DomainError(_("A decision needs its text."))
        if k == "due_date":
            _check_due(d.meeting, v)
        old[k] = getattr(d, k)
        setattr(d, k, v)
    if "status" in fields and "closed_on" not in fields:
        old["closed_on"] = d.closed_on
        d.closed_on = None if d.status == DecisionStatus.OPEN else (d.closed_on or clock.today())
    session.flush()
    return old


def decision_row(d: Decision, meeting: Meeting, series_name: str, on_date: dt.date) -> dict:
    return {
        "id": d.id, "text": d.text, "due_date": d.due_date, "status": d.status, "closed_on": d.closed_on,
        "note": d.note, "meeting_id": meeting.id, "meeting_date": meeting.date, "meeting_number": meeting.number,
        "series": series_name, "agenda_item_id": d.agenda_item_id,
        "responsible_ids": [r.staff_id for r in d.responsible],
        "responsible": ", ".join(r.staff.short_name for r in d.responsible),
        "overdue": is_decision_overdue(d.status, d.due_date, on_date),
    }


def is_decision_overdue(status: str, due_date: dt.date | None, on_date: dt.date) -> bool:
    return status == DecisionStatus.OPEN and due_date is not None and due_date < on_date


def decisions(session: Session, *, on_date: dt.date | None = None, status: str | None = None,
              staff_id: int | None = None, due_by: dt.date | None = None, meeting_id: int | None = None,
              series_id: int | None = None, overdue_only: bool = False) -> list[dict]:
    """The decisions register, filtered by status, responsible person, due date, meeting or series."""
    on_date = on_date or clock.today()
    query = (select(Decision, Meeting, MeetingSeries.name).join(Meeting, Decision.meeting_id == Meeting.id)
             .join(MeetingSeries).order_by(Meeting.date, Decision.id))
    if status:
        query = query.where(Decision.status == DecisionStatus(status).value)
    if staff_id:
        query = query.where(Decision.id.in_(select(DecisionResponsible.decision_id)
                                            .where(DecisionResponsible.staff_id == staff_id)))
    if due_by:
        query = query.where(Decision.due_date <= due_by)
    if meeting_id:
        query = query.where(Decision.meeting_id == meeting_id)
    if series_id:
        query = query.where(Meeting.series_id == series_id)
    if overdue_only:
        query = query.where(Decision.status == DecisionStatus.OPEN.value, Decision.due_date < on_date)
    return [decision_row(d, m, name, on_date) for d, m, name in session.execute(query)]


# Consistency rules for ``dekanat check`` ----------------------------------------------------

def _register_rules() -> None:
    from desktop.models.check import rule

    @rule
    def _decisions_due_after_their_meeting(session: Session) -> list[str]:
        rows = session.execute(select(Decision.id, Meeting.date, Decision.due_date)
                               .join(Meeting, Decision.meeting_id == Meeting.id)
                               .where(Decision.due_date < Meeting.date)).all()
        return [f"meeting decision {i}: due {due} before its meeting of {day}" for i, day, due in rows]

    @rule
    def _agenda_items_in_order(session: Session) -> list[str]:
        rows = session.execute(select(AgendaItem.meeting_id, func.count(AgendaItem.id),
                                      func.count(func.distinct(AgendaItem.position)))
                               .group_by(AgendaItem.meeting_id)).all()
        return [f"meeting {m}: agenda items share a number" for m, n, distinct in rows if n != distinct]


_register_rules()
