"""Movements of the contingent: enrolment, transfer, promotion, academic leave and return,
expulsion, reinstatement, graduation, each under an order (number, order date, effective date).

History is the source of truth: a student's status, group and course on any date is the state
left by the last movement effective on or before that date. ``Student.status`` and
``Student.group_id`` cache the latest state so lists of 20,000 students need no history walk;
every function here keeps them in step within the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, delete, insert, select, text, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop import dates
from desktop.i18n import N_, LabelledEnum, _
from desktop.models.base import Base, DomainError, Versioned
from desktop.models.check import rule
from desktop.models.contingent import Group, Student, StudentStatus
from desktop.models.operations import Change, Outcome, bind, undo_by


class MovementKind(LabelledEnum):
    ENROLMENT = "enrolment", N_("Enrolment")
    TRANSFER = "transfer", N_("Transfer")
    PROMOTION = "promotion", N_("Promotion to the next course")
    ACADEMIC_LEAVE = "academic_leave", N_("Academic leave")
    RETURN = "return", N_("Return from academic leave")
    EXPULSION = "expulsion", N_("Expulsion")
    REINSTATEMENT = "reinstatement", N_("Reinstatement")
    GRADUATION = "graduation", N_("Graduation")
    REPEAT_YEAR = "repeat_year", N_("Repeat year")  # kept back on the same course (session results)


K, S = MovementKind, StudentStatus
# The status a movement leaves, and the statuses it may start from (None = no history yet).
STATUS_AFTER = {K.ENROLMENT: S.STUDYING, K.TRANSFER: S.STUDYING, K.PROMOTION: S.STUDYING,
                K.ACADEMIC_LEAVE: S.ACADEMIC_LEAVE, K.RETURN: S.STUDYING, K.EXPULSION: S.EXPELLED,
                K.REINSTATEMENT: S.STUDYING, K.GRADUATION: S.GRADUATED, K.REPEAT_YEAR: S.STUDYING}
ALLOWED_FROM: dict[MovementKind, set[StudentStatus | None]] = {
    K.ENROLMENT: {None}, K.TRANSFER: {S.STUDYING}, K.PROMOTION: {S.STUDYING},
    K.ACADEMIC_LEAVE: {S.STUDYING}, K.RETURN: {S.ACADEMIC_LEAVE},
    K.EXPULSION: {S.STUDYING, S.ACADEMIC_LEAVE}, K.REINSTATEMENT: {S.EXPELLED},
    K.GRADUATION: {S.STUDYING}, K.REPEAT_YEAR: {S.STUDYING}}
NEEDS_GROUP = {K.ENROLMENT, K.TRANSFER}


class Movement(Versioned, Base):
    __tablename__ = "movement"
    __table_args__ = (Index("ix_movement_student_date", "student_id", "effective_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    order_number: Mapped[str] = mapped_column(String(40), default="")
    order_date: Mapped[dt.date | None] = mapped_column(Date)
    effective_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(300), default="")
    from_group_id: Mapped[int | None] = mapped_column(ForeignKey("student_group.id", ondelete="SET NULL"))
    # The state the movement leaves (so "as of a date" is one lookup of the last movement).
    group_id: Mapped[int | None] = mapped_column(ForeignKey("student_group.id", ondelete="SET NULL"))
    course: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(20))


# Movement fields the audit trail records for rows written with Core inserts.
AUDITED_FIELDS = ("kind", "effective_date", "order_number", "order_date", "group_id", "status", "reason")


def _audit():
    from desktop.models import audit  # audit imports this module

    return audit


@dataclass(frozen=True)
class Order:
    """The order (приказ) a movement is made under."""
    number: str
    order_date: dt.date | None
    effective_date: dt.date


@dataclass(frozen=True)
class StudentState:
    status: str
    group_id: int | None
    course: int | None


def _last_states(session: Session, student_ids: Sequence[int] | None, on: dt.date | None) -> dict[int, StudentState]:
    """The state left by each student's last movement (effective on or before ``on``)."""
    where, params = [], {}
    if on is not None:
        where.append("effective_date <= :on")
        params["on"] = on.isoformat()
    if student_ids is not None:
        if not student_ids:
            return {}
        where.append(f"student_id IN ({','.join(str(int(i)) for i in student_ids)})")
    sql = ("SELECT student_id, status, group_id, course FROM (SELECT student_id, status, group_id, course, "
           "ROW_NUMBER() OVER (PARTITION BY student_id ORDER BY effective_date DESC, id DESC) AS rn "
           f"FROM movement {'WHERE ' + ' AND '.join(where) if where else ''}) AS latest WHERE rn = 1")
    return {r[0]: StudentState(r[1], r[2], r[3]) for r in session.execute(text(sql), params)}


def state_on(session: Session, student_id: int, on: dt.date) -> StudentState | None:
    """Status, group and course of one student on a date; None before enrolment."""
    return _last_states(session, [student_id], on).get(student_id)


def states_on(session: Session, on: dt.date) -> dict[int, StudentState]:
    """Every student's state on a date (students not yet enrolled are absent)."""
    return _last_states(session, None, on)


def states_of(session: Session, student_ids: Sequence[int], on: dt.date) -> dict[int, StudentState]:
    """Some students' states on a date (by the student index: cheap for a few hundred)."""
    return _last_states(session, list(student_ids), on)


@dataclass(frozen=True, slots=True)
class MovementRecord:
    """One movement of a student, with the group names (the card's history)."""

    id: int
    kind: str  # MovementKind value
    order_number: str
    order_date: dt.date | None
    effective_date: dt.date
    reason: str
    from_group: str | None
    group: str | None
    course: int | None
    status: str


def history(session: Session, student_id: int) -> list[MovementRecord]:
    """A student's movements, oldest first, with group names."""
    from sqlalchemy.orm import aliased

    to_g, from_g = aliased(Group), aliased(Group)
    rows = session.execute(
        select(Movement.id, Movement.kind, Movement.order_number, Movement.order_date, Movement.effective_date,
               Movement.reason, from_g.name, to_g.name, Movement.course, Movement.status)
        .outerjoin(to_g, to_g.id == Movement.group_id).outerjoin(from_g, from_g.id == Movement.from_group_id)
        .where(Movement.student_id == student_id).order_by(Movement.effective_date, Movement.id))
    return [MovementRecord(mid, kind, number, order_date, effective, reason, from_group, group, course, status)
            for mid, kind, number, order_date, effective, reason, from_group, group, course, status in rows]


def _student_label(row) -> str:
    return " ".join(p for p in (row.last_name, row.first_name) if p)


def apply_movement(session: Session, student_ids: Iterable[int], kind: MovementKind | str, order: Order, *,
                   group_id: int | None = None, reason: str = "", number_required: bool = True,
                   source: str | None = None) -> list[int]:
    """One order applied to many students: all of them move or none (a DomainError lists each refusal).

    Returns the new movement ids (for undo: :func:`undo_movements`). An import may move students
    under an order whose number is not known yet (``number_required=False``); ``source`` names
    the imported file in the audit trail.
    """
    kind = MovementKind(kind)
    ids = list(dict.fromkeys(student_ids))
    if not ids:
        raise DomainError(_("Select at least one student."))
    if number_required and not order.number.strip():
        raise DomainError(_("The order number is required."))
    if order.order_date and order.effective_date < order.order_date - dt.timedelta(days=366):
        raise DomainError(_("The effective date is more than a year before the order date."))
    reason = reason.strip()
    if kind is K.EXPULSION and not reason:
        raise DomainError(_("An expulsion needs a reason."))
    target: Group | None = None
    if group_id is not None:
        target = session.get(Group, group_id)
        if target is None:
            raise DomainError(_("The group no longer exists."))
    if kind in NEEDS_GROUP and target is None:
        raise DomainError(_("Choose the group the students go to."))
    students = session.execute(select(Student.id, Student.last_name, Student.first_name, Student.status,
                                      Student.group_id).where(Student.id.in_(ids))).all()
    if len(students) != len(ids):
        raise DomainError(_("Some students were deleted meanwhile; reload the list."))
    current = _last_states(session, ids, None)
    last_dates: dict[int, Any] = dict(session.execute(
        text(f"SELECT student_id, max(effective_date) FROM movement WHERE student_id IN "
             f"({','.join(str(int(i)) for i in ids)}) GROUP BY student_id")).all())
    courses: dict[int | None, int] = dict(session.execute(select(Group.id, Group.course)).all())
    problems, rows = [], []
    for st in students:
        state = current.get(st.id)
        status = StudentStatus(state.status) if state else None
        name = _student_label(st)
        if status not in ALLOWED_FROM[kind]:
            problems.append(_("{name}: not possible while the status is “{status}”.").format(
                name=name, status=_(status_label(status))))
            continue
        last = last_dates.get(st.id)
        if last is not None and str(order.effective_date) < str(last):
            problems.append(_("{name}: the effective date is before the last movement ({date}).").format(
                name=name, date=dates.table(dt.date.fromisoformat(str(last)))))
            continue
        from_group = state.group_id if state else None
        if kind is K.TRANSFER and target is not None and from_group == target.id:
            problems.append(_("{name}: already in group {group}.").format(name=name, group=target.name))
            continue
        new_group = target.id if target is not None else from_group
        course = state.course if state else None
        if target is not None:
            course = target.course
        elif kind is K.PROMOTION:
            course = (course or courses.get(from_group) or 0) + 1
        rows.append({"student_id": st.id, "kind": kind.value, "order_number": order.number.strip(),
                     "order_date": order.order_date, "effective_date": order.effective_date, "reason": reason,
                     "from_group_id": from_group, "group_id": new_group, "course": course,
                     "status": STATUS_AFTER[kind].value})
    if problems:
        raise DomainError("\n".join(problems))
    new_ids = list(session.scalars(insert(Movement).returning(Movement.id, sort_by_parameter_order=True), rows))
    _audit().record_inserted(session, "movement", new_ids, rows, AUDITED_FIELDS, source)
    sync_current(session, ids, source)
    return new_ids


def undo_movements(session: Session, movement_ids: Sequence[int]) -> None:
    """Take movements back (undo): the students return to the state their remaining history gives."""
    if not movement_ids:
        return
    student_ids = list(session.scalars(select(Movement.student_id).where(Movement.id.in_(movement_ids)).distinct()))
    gone = session.execute(select(Movement.id, *(getattr(Movement, f) for f in AUDITED_FIELDS))
                           .where(Movement.id.in_(movement_ids))).all()
    _audit().record_rows(session, "delete", "movement", ((r[0], f, v, None) for r in gone
                                                         for f, v in zip(AUDITED_FIELDS, r[1:], strict=True)
                                                         if v not in (None, "")))
    session.execute(delete(Movement).where(Movement.id.in_(movement_ids)))
    sync_current(session, student_ids)


def sync_current(session: Session, student_ids: Sequence[int], source: str | None = None) -> None:
    """Set the cached status and group of students from their latest movement."""
    states = _last_states(session, list(student_ids), None)
    session.flush()  # pending ORM changes first: the UPDATE below moves the students' versions on
    before = {sid: (status, gid) for sid, status, gid in session.execute(
        select(Student.id, Student.status, Student.group_id).where(Student.id.in_(list(states))))} if states else {}
    params: list[dict[str, Any]] = [{"sid": sid, "status": st.status, "gid": st.group_id} for sid, st in states.items()
              if before.get(sid) != (st.status, st.group_id)]
    if params:
        _audit().record_rows(session, "update", "student", (
            (p["sid"], f, old, new) for p in params
            for f, old, new in (("status", before.get(p["sid"], (None, None))[0], p["status"]),
                                ("group_id", before.get(p["sid"], (None, None))[1], p["gid"]))), source)
        # version + 1: a copy of the student open elsewhere must not be saved over the movement.
        session.execute(text("UPDATE student SET status = :status, group_id = :gid, version = version + 1 "
                             "WHERE id = :sid"), params)
    session.flush()
    session.expire_all()


def promote_groups(session: Session, group_ids: Sequence[int], order: Order) -> tuple[list[int], list[int]]:
    """Year-end promotion of whole groups: each group's course goes up by one and every studying
    student in it gets a promotion movement. Returns (movement ids, group ids) for undo."""
    groups = list(session.scalars(select(Group).where(Group.id.in_(group_ids))))
    too_high = [g.name for g in groups if g.course >= 6]
    if too_high:
        raise DomainError(_("Groups already in the 6th course cannot be promoted: {groups}.").format(
            groups=", ".join(too_high)))
    ids = list(session.scalars(select(Student.id).where(Student.group_id.in_(group_ids),
                                                          Student.status == StudentStatus.STUDYING.value)))
    for g in groups:
        g.course += 1
    session.flush()
    movement_ids = apply_movement(session, ids, K.PROMOTION, order) if ids else []
    return movement_ids, [g.id for g in groups]


def undo_promotion(session: Session, movement_ids: Sequence[int], group_ids: Sequence[int]) -> None:
    undo_movements(session, movement_ids)
    session.execute(update(Group).where(Group.id.in_(group_ids)).values(course=Group.course - 1,
                                                                          version=Group.version + 1))


def status_label(status) -> str:
    from desktop.models.contingent import StudentStatus

    return StudentStatus.labels().get(StudentStatus(status), str(status)) if status else N_("Not enrolled")


@rule
def _cached_state_matches_history(session: Session) -> list[str]:
    states = _last_states(session, None, None)
    problems = []
    for sid, status, gid in session.execute(select(Student.id, Student.status, Student.group_id)):
        st = states.get(sid)
        if st is not None and (st.status != status or st.group_id != gid):
            problems.append(f"student {sid}: status/group differ from the movement history")
    return problems


# Operations (undoable, models/operations.py) ------------------------------------------------------
def apply_movement_op(session: Session, student_ids: Sequence[int], kind: MovementKind | str, order: Order, *,
                      group_id: int | None = None, reason: str = ""):
    """One order for many students; undo takes the movements back, redo applies the order again."""
    ids = apply_movement(session, student_ids, kind, order, group_id=group_id, reason=reason)
    redo = bind(apply_movement_op, list(student_ids), kind, order, group_id=group_id, reason=reason)
    return Outcome(ids, undo_by(bind(undo_movements, ids), redo, Change.STUDENTS), Change.STUDENTS)
