"""Decisions of meetings: text, responsible persons, due date, status (open, done, cancelled), the
meeting they came from; the decisions register; the consistency rules of ``dekanat check``.

Open decisions come back on every next agenda of their series until done (``meetings_agenda``).

The minutes print each decision AS DECIDED (``decided_*``): taking a decision writes that
snapshot, and so does an edit made through the minutes (``update_decision(..., in_minutes=True)``)
while they are unsigned; the register's edits (status, postponing, reassigning, rewording) change
the decision's current state only. Signing the minutes (:func:`sign_minutes`, the meeting held)
makes them final: the snapshot's language versions are frozen with them, and nothing of that
meeting is edited through its minutes any more: its decisions are followed up in the register.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NotRequired, TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import clock, dates
from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.models.meetings_entities import (
    AgendaItem,
    Decision,
    DecisionResponsible,
    DecisionStatus,
    Meeting,
    MeetingSeries,
    _get,
    check_minutes_open,
)


class Decided(TypedDict):
    """A decision as its minutes print it (the ``decided_*`` columns)."""

    decided_text: str | None
    decided_responsible: str | None
    decided_due_date: dt.date | None
    decided_versions: dict[str, str] | None


class DecisionSnapshot(TypedDict):
    """A decision as an undo puts it back (:func:`restore_decision`)."""

    id: int
    meeting_id: int
    agenda_item_id: int | None
    text: str
    due_date: dt.date | None
    status: str
    closed_on: dt.date | None
    note: str
    responsible: list[int]  # staff ids in order
    decided: Decided
    versions: NotRequired[list[tuple]]  # its language versions (``text_versions.snapshot_versions``)


def _decision_snapshot(d: Decision) -> DecisionSnapshot:
    return DecisionSnapshot(id=d.id, meeting_id=d.meeting_id, agenda_item_id=d.agenda_item_id, text=d.text,
                            due_date=d.due_date, status=d.status, closed_on=d.closed_on, note=d.note,
                            responsible=[r.staff_id for r in d.responsible], decided=_decided(d))


DECIDED_COLUMNS = ("decided_text", "decided_responsible", "decided_due_date", "decided_versions")


def _decided(d: Decision) -> Decided:
    return Decided(decided_text=d.decided_text, decided_responsible=d.decided_responsible,
                   decided_due_date=d.decided_due_date, decided_versions=d.decided_versions)


def _names(session: Session, staff_ids) -> str:
    from desktop.models.org import Staff

    names = dict(session.execute(select(Staff.id, Staff.short_name).where(Staff.id.in_(list(staff_ids)))).all())
    return ", ".join(names[i] for i in staff_ids if i in names)


def add_decision(session: Session, meeting_id: int, text: str, *, responsible=(), due_date: dt.date | None = None,
                 agenda_item_id: int | None = None, decision_id: int | None = None) -> Decision:
    meeting = _get(session, Meeting, meeting_id)
    check_minutes_open(meeting)
    text = (text or "").strip()
    if not text:
        raise DomainError(_("A decision needs its text."))
    _check_due(meeting, due_date)
    responsible = list(dict.fromkeys(responsible))
    decision = Decision(id=decision_id, meeting_id=meeting_id, agenda_item_id=agenda_item_id, text=text,
                        due_date=due_date, status=DecisionStatus.OPEN.value, decided_text=text,
                        decided_due_date=due_date, decided_responsible=_names(session, responsible))
    decision.responsible = [DecisionResponsible(staff_id=s, position=i) for i, s in enumerate(responsible)]
    session.add(decision)
    session.flush()
    return decision


def _check_due(meeting: Meeting, due_date: dt.date | None) -> None:
    if due_date is not None and due_date < meeting.date:
        raise DomainError(_("The due date {due} is before the meeting of {date}.").format(
            due=dates.table(due_date), date=dates.table(meeting.date)))


def restore_decision(session: Session, snap: DecisionSnapshot) -> Decision:
    d = add_decision(session, snap["meeting_id"], snap["text"], responsible=snap["responsible"],
                     due_date=snap["due_date"], agenda_item_id=snap["agenda_item_id"], decision_id=snap["id"])
    d.status, d.closed_on, d.note = snap["status"], snap["closed_on"], snap["note"]
    for k, v in (snap.get("decided") or {}).items():
        setattr(d, k, v)
    session.flush()
    if snap.get("versions"):
        from desktop.models.text_versions import restore_versions

        restore_versions(session, "meeting_decision", d.id, snap["versions"])
    return d


def delete_decision(session: Session, decision_id: int, expected: DecisionSnapshot | None = None) -> DecisionSnapshot:
    """``expected``: the snapshot an undo put back; a redo deletes only that decision (another
    office's change meanwhile is refused with StaleDataError)."""
    from desktop.models.text_versions import snapshot_versions

    d = _get(session, Decision, decision_id)
    if d.meeting.minutes_signed_on is not None:
        raise DomainError(_("The decision is in the signed minutes of {date}: cancel it in the register "
                            "instead of deleting it.").format(date=dates.table(d.meeting.minutes_signed_on)))
    if expected is not None and any(getattr(d, f) != expected.get(f) for f in ("text", "due_date", "status", "note")):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"meeting_decision {decision_id} was changed by another session")
    snap = _decision_snapshot(d)
    snap["versions"] = snapshot_versions(session, "meeting_decision", d.id)
    session.delete(d)
    session.flush()
    return snap


DECISION_FIELDS = ("text", "due_date", "status", "closed_on", "note", "responsible")


def update_decision(session: Session, decision_id: int, *, in_minutes: bool = False,
                    **fields: Any) -> dict[str, Any]:
    """Set text, due date, status (closing sets ``closed_on``), note, responsible (staff ids).

    From the register (default) only the decision's current state changes; through the minutes
    (``in_minutes``, refused once they are signed) text, due date and responsible persons are
    also what the minutes print. The returned dict undoes either (``decided``: the old snapshot)."""
    d = _get(session, Decision, decision_id)
    old: dict[str, Any] = {}
    if in_minutes:
        check_minutes_open(d.meeting)
        old["decided"] = _decided(d)
    for k, v in fields.items():
        if k == "decided":  # undo: the snapshot as it was
            old.setdefault("decided", _decided(d))
            for column, value in v.items():
                setattr(d, column, value)
            continue
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
    if in_minutes:
        if "text" in fields:
            d.decided_text = d.text
        if "due_date" in fields:
            d.decided_due_date = d.due_date
        if "responsible" in fields:
            d.decided_responsible = _names(session, list(dict.fromkeys(fields["responsible"])))
    if "status" in fields and "closed_on" not in fields:
        old["closed_on"] = d.closed_on
        d.closed_on = None if d.status == DecisionStatus.OPEN else (d.closed_on or clock.today())
    session.flush()
    return old


class DecisionRow(TypedDict):
    """A decision in the register, the meeting editor, the printed minutes and the Excel register.
    A mapping: the window's table models read it by key, and the printed minutes are made from a
    copy with the texts in the report's language."""

    id: int
    text: str
    due_date: dt.date | None
    status: str  # a DecisionStatus value
    closed_on: dt.date | None
    note: str
    meeting_id: int
    meeting_date: dt.date
    meeting_number: int
    series: str  # the series' name
    agenda_item_id: int | None
    responsible_ids: list[int]
    responsible: str  # short names, comma-separated
    overdue: bool
    # as decided at the meeting (the minutes)
    decided_text: str
    decided_due_date: dt.date | None
    decided_responsible: str
    decided_versions: dict[str, str] | None  # {lang: text} as the minutes were signed


def decision_row(d: Decision, meeting: Meeting, series_name: str, on_date: dt.date) -> DecisionRow:
    return DecisionRow(
        id=d.id, text=d.text, due_date=d.due_date, status=d.status, closed_on=d.closed_on,
        note=d.note, meeting_id=meeting.id, meeting_date=meeting.date, meeting_number=meeting.number,
        series=series_name, agenda_item_id=d.agenda_item_id,
        responsible_ids=[r.staff_id for r in d.responsible],
        responsible=", ".join(r.staff.short_name for r in d.responsible),
        overdue=is_decision_overdue(d.status, d.due_date, on_date),
        # as decided at the meeting (the minutes); a row from before the snapshot reads its state
        decided_text=d.text if d.decided_text is None else d.decided_text,
        decided_due_date=d.due_date if d.decided_text is None else d.decided_due_date,
        decided_responsible=(", ".join(r.staff.short_name for r in d.responsible)
                             if d.decided_responsible is None else d.decided_responsible),
        decided_versions=d.decided_versions,
    )


def sign_minutes(session: Session, meeting_id: int, signed_on: dt.date | None) -> dt.date | None:
    """Sign a held meeting's minutes on ``signed_on`` (None: unsign, the undo of signing).

    Signing freezes the language versions of each decision's text as decided (a version of a text
    the register has since reworded is not one of the decided text, so it is not kept; that
    language then prints the decided original). Returns the old signing date."""
    from desktop.models.text_versions import load

    meeting = _get(session, Meeting, meeting_id)
    old = meeting.minutes_signed_on
    rows = list(session.scalars(select(Decision).where(Decision.meeting_id == meeting_id)))
    if signed_on is None:
        for d in rows:
            d.decided_versions = None
    else:
        if not meeting.held:
            raise DomainError(_("Only the minutes of a held meeting can be signed."))
        if signed_on < meeting.date:
            raise DomainError(_("The minutes cannot be signed on {signed}, before the meeting of {date}.").format(
                signed=dates.table(signed_on), date=dates.table(meeting.date)))
        if old is not None:
            raise DomainError(_("The minutes are already signed, on {date}.").format(date=dates.table(old)))
        versions = load(session, "meeting_decision", [d.id for d in rows], ["text"]) if rows else {}
        for d in rows:
            same = d.decided_text is None or d.decided_text == d.text
            d.decided_versions = {lang: text for lang, text in versions.get((d.id, "text"), {}).items()
                                  if text and same}
    meeting.minutes_signed_on = signed_on
    session.flush()
    return old


def is_decision_overdue(status: str, due_date: dt.date | None, on_date: dt.date) -> bool:
    return status == DecisionStatus.OPEN and due_date is not None and due_date < on_date


class DecisionFilters(TypedDict, total=False):
    """The register's filters as :func:`decisions` takes them (keyword arguments)."""

    status: str | None  # a DecisionStatus value
    staff_id: int | None  # a responsible person
    due_by: dt.date | None
    meeting_id: int | None
    series_id: int | None
    overdue_only: bool


def decisions(session: Session, *, on_date: dt.date | None = None, status: str | None = None,
              staff_id: int | None = None, due_by: dt.date | None = None, meeting_id: int | None = None,
              series_id: int | None = None, overdue_only: bool = False) -> list[DecisionRow]:
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
