"""Queries and edits of the contingent for lists, cards and reports (no Qt).

Big lists are column tuples, never ORM objects: 20,000 students load in a few tens of ms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import clock
from desktop.i18n import N_, _
from desktop.models.base import DomainError
from desktop.models.contingent import (
    CuratorAssignment,
    Funding,
    Gender,
    Group,
    Student,
    StudentStatus,
    StudyForm,
)
from desktop.models.movements import MovementKind, Order, apply_movement, states_on
from desktop.models.operations import Change, Outcome, bind, undo_by
from desktop.models.org import AcademicYear, Programme, Staff, academic_year_of

# One row of the student list: a plain tuple, in this order.
ROW_FIELDS = ("id", "last_name", "first_name", "patronymic", "record_book", "group", "course", "programme",
              "status", "funding", "study_form", "birth_date", "gender", "phone", "email", "group_id")
F = {name: i for i, name in enumerate(ROW_FIELDS)}


def raw_rows(session: Session, q) -> list:
    """Plain tuples from the driver's cursor: the query compiled once, no per-row processing
    (120,000 rows in tens of ms; the student list and the debts read this way)."""
    connection = session.connection()
    sql = str(q.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    driver = connection.connection.driver_connection
    assert driver is not None  # a session's connection is open
    cursor = driver.cursor()
    try:
        cursor.execute(sql)
        return cursor.fetchall()
    finally:
        cursor.close()


def student_rows(session: Session, group_ids: Sequence[int] | None = None, *, iso_dates: bool = False,
                 first: int | None = None) -> list[tuple]:
    """Students (all, or of some groups) as tuples in ROW_FIELDS order (unsorted: lists sort
    themselves by what the user chose).

    The query is compiled once and run on the driver's cursor: its tuples come back as they are,
    with no per-row processing (20,000 students open in the window at start-up). On SQLite the
    birth date is ISO text; it becomes a date unless ``iso_dates`` (the window converts only
    what it paints). ``first`` gives only the first N by name (the window's first screen).
    """
    st, g, p = Student.__table__.c, Group.__table__.c, Programme.__table__.c
    q = (select(st.id, st.last_name, st.first_name, st.patronymic, st.record_book, g.name, g.course, p.code,
                st.status, st.funding, st.study_form, st.birth_date, st.gender, st.phone, st.email, st.group_id)
         .select_from(Student.__table__.outerjoin(Group.__table__, g.id == st.group_id)
                      .outerjoin(Programme.__table__, p.id == g.programme_id)))
    if group_ids is not None:
        q = q.where(st.group_id.in_([int(i) for i in group_ids]))
    if first is not None:  # the first screen of the list by name, while the rest loads
        q = q.order_by(st.last_name, st.first_name, st.id).limit(int(first))
    rows = raw_rows(session, q)
    birth = F["birth_date"]
    if rows and not iso_dates and isinstance(next((r[birth] for r in rows if r[birth]), None), str):
        iso = dt.date.fromisoformat
        rows = [(*r[:birth], iso(r[birth]) if r[birth] else None, *r[birth + 1:]) for r in rows]
    return [tuple(r) for r in rows] if rows and not isinstance(rows[0], tuple) else rows


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A group as the tree and the dialogs list it."""

    id: int
    name: str
    course: int
    study_form: str
    programme_id: int | None
    programme_code: str
    programme_name: str
    active: bool
    students: int  # studying now


def group_rows(session: Session) -> list[GroupRow]:
    """Groups with programme and the number of students studying, for the tree and dialogs (Core, as above)."""
    st, g, p = Student.__table__.c, Group.__table__.c, Programme.__table__.c
    counts: dict[int | None, int] = dict(session.execute(select(st.group_id, func.count()).where(
        st.status == StudentStatus.STUDYING.value).group_by(st.group_id)).all())
    rows = []
    q = (select(g.id, g.name, g.course, g.study_form, g.programme_id, p.code, p.name, g.active)
         .select_from(Group.__table__.outerjoin(Programme.__table__, p.id == g.programme_id))
         .order_by(p.code, g.course, g.name))
    for gid, name, course, form, pid, code, pname, active in session.execute(q):
        rows.append(GroupRow(gid, name, course, form, pid, code or "", pname or "", active, counts.get(gid, 0)))
    return rows


def group_by_name(session: Session, name: str) -> Group | None:
    """Exact name first, then ignoring case (SQLite's lower() knows only ASCII, so in Python)."""
    name = name.strip()
    group = session.scalar(select(Group).where(Group.name == name))
    if group is None:
        wanted = name.casefold()
        gid = next((gid for gid, n in session.execute(select(Group.id, Group.name)) if n.casefold() == wanted), None)
        group = session.get(Group, gid) if gid else None
    return group


GROUP_NAME = re.compile(r"^(?P<prefix>[^\W\d_]+(?:[^\W\d_]|\s)*)-?(?P<n>\d+)?-(?P<yy>\d{2})$")


def guess_group(session: Session, name: str, study_form: str | None, today: dt.date | None = None) -> Group:
    """A new group from its name alone ("ПИ-2-24"): intake year from the last two digits,
    course from the intake year, programme from other groups with the same prefix."""
    today = today or clock.today()
    name = name.strip()
    first_year = int(academic_year_of(today)[:4])
    m = GROUP_NAME.match(name)
    intake, course, programme_id = None, 1, None
    if m:
        intake = 2000 + int(m.group("yy"))
        course = min(max(first_year - intake + 1, 1), 6)
        prefix = m.group("prefix").rstrip("зЗ")
        programme_id = session.scalar(select(Group.programme_id).where(Group.name.like(f"{prefix}%"),
                                                                       Group.programme_id.is_not(None)).limit(1))
    return Group(name=name, course=course, intake_year=intake, programme_id=programme_id,
                 study_form=study_form or StudyForm.FULL_TIME.value)


def curator_of(session: Session, group_id: int, on: dt.date | None = None) -> str:
    """The curator's short name for a group on a date (the assignment that covers it)."""
    on = on or clock.today()
    row = session.execute(
        select(Staff.short_name).join(CuratorAssignment, CuratorAssignment.staff_id == Staff.id)
        .where(CuratorAssignment.group_id == group_id, CuratorAssignment.start_date <= on,
               (CuratorAssignment.end_date.is_(None)) | (CuratorAssignment.end_date >= on))
        .order_by(CuratorAssignment.start_date.desc()).limit(1)).first()
    if row is None:  # no dated assignment covers the day: the latest one
        row = session.execute(select(Staff.short_name).join(CuratorAssignment, CuratorAssignment.staff_id == Staff.id)
                              .where(CuratorAssignment.group_id == group_id)
                              .order_by(CuratorAssignment.start_date.desc()).limit(1)).first()
    return row[0] if row else ""


def set_group_head(session: Session, group_id: int, student_id: int | None) -> int | None:
    group = session.get(Group, group_id)
    if group is None:
        raise DomainError(_("The group no longer exists."))
    if student_id is not None:
        gid = session.scalar(select(Student.group_id).where(Student.id == student_id))
        if gid != group_id:
            raise DomainError(_("The group head must be a student of the group."))
    old = group.head_student_id
    group.head_student_id = student_id
    session.flush()
    return old


def group_head(session: Session, group_id: int) -> str:
    row = session.execute(select(Student.last_name, Student.first_name, Student.patronymic)
                          .join(Group, Group.head_student_id == Student.id).where(Group.id == group_id)).first()
    return " ".join(p for p in row if p) if row else ""


class Enrolment(TypedDict):
    """A student enrolled by hand (the enrolment dialog's values, ``add_student``'s keywords)."""

    last_name: str
    first_name: str
    patronymic: str
    record_book: str | None
    group_id: int
    funding: str
    order: Order


def add_student(session: Session, *, last_name: str, first_name: str, group_id: int, order: Order,
                patronymic: str = "", record_book: str | None = None, funding: str = Funding.CONTRACT.value,
                study_form: str | None = None, birth_date: dt.date | None = None, gender: str | None = None,
                student_id: int | None = None) -> int:
    """A new student enrolled into a group under an order."""
    last_name, first_name = last_name.strip(), first_name.strip()
    if not last_name or not first_name:
        raise DomainError(_("The last name and the first name are required."))
    record_book = (record_book or "").strip() or None
    if record_book and session.scalar(select(Student.id).where(Student.record_book == record_book)):
        raise DomainError(_("Record-book number {number} is already held by another student.").format(
            number=record_book))
    if group_id is None:
        raise DomainError(_("Choose the group the student is enrolled into."))
    group = session.get(Group, group_id)
    if group is None:
        raise DomainError(_("The group no longer exists."))
    student = Student(id=student_id, last_name=last_name, first_name=first_name, patronymic=patronymic.strip(),
                      record_book=record_book, funding=Funding(funding).value,
                      study_form=StudyForm(study_form or group.study_form).value, birth_date=birth_date,
                      gender=Gender(gender).value if gender else None, group_id=None, status="")
    session.add(student)
    session.flush()
    apply_movement(session, [student.id], MovementKind.ENROLMENT, order, group_id=group_id)
    return student.id


def delete_student(session: Session, student_id: int) -> None:
    student = session.get(Student, student_id)
    if student is not None:
        session.delete(student)
        session.flush()


def _required(message: str):
    def check(_s, _r, value):
        value = (value or "").strip()
        if not value:
            raise DomainError(_(message))
        return value
    return check


def _record_book(session: Session, record, value):
    value = (value or "").strip() or None
    if value and session.scalar(select(Student.id).where(Student.record_book == value, Student.id != record.id)):
        raise DomainError(_("Record-book number {number} is already held by another student.").format(number=value))
    return value


STUDENT_VALIDATORS = {
    "last_name": _required(N_("The last name is required.")),
    "first_name": _required(N_("The first name is required.")),
    "patronymic": lambda s, r, v: (v or "").strip(),
    "record_book": _record_book,
    "funding": lambda s, r, v: Funding(v).value,
    "study_form": lambda s, r, v: StudyForm(v).value,
    "phone": lambda s, r, v: (v or "").strip(),
    "email": lambda s, r, v: (v or "").strip(),
}


# Headcount -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class HeadcountRow:
    """Students studying on a date in one programme, course and study form."""

    programme_code: str
    programme_name: str
    course: int
    study_form: str
    grant: int
    contract: int
    total: int


def headcount(session: Session, on: dt.date) -> list[HeadcountRow]:
    """Students studying on a date by programme × course × study form × funding (from the movements).

    Each row: programme code and name, course, study form, grant, contract, total; sorted.
    """
    states = states_on(session, on)
    info = {sid: (funding, form) for sid, funding, form in session.execute(
        select(Student.id, Student.funding, Student.study_form))}
    groups: dict[int | None, int | None] = {
        gid: pid for gid, pid in session.execute(select(Group.id, Group.programme_id))}
    programmes: dict[int | None, tuple[str, str]] = {pid: (code, name) for pid, code, name in session.execute(
        select(Programme.id, Programme.code, Programme.name))}
    cells: dict[tuple, list[int]] = {}
    for sid, st in states.items():
        if st.status != StudentStatus.STUDYING.value or sid not in info:
            continue
        funding, form = info[sid]
        code, name = programmes.get(groups.get(st.group_id), ("", ""))
        key = (code, name, st.course or 0, form)
        cell = cells.setdefault(key, [0, 0])
        cell[0 if funding == Funding.GRANT.value else 1] += 1
    return [HeadcountRow(k[0], k[1], k[2], k[3], v[0], v[1], v[0] + v[1]) for k, v in sorted(cells.items())]


def name_choices(session: Session) -> list[tuple[int, str]]:
    """(id, "Last First Patronymic") of every student, alphabetical: the choosers of the window."""
    rows = session.execute(select(Student.id, Student.last_name, Student.first_name, Student.patronymic)
                           .order_by(Student.last_name, Student.first_name)).all()
    return [(sid, " ".join(part for part in parts if part)) for sid, *parts in rows]


def academic_years(session: Session) -> list[str]:
    return list(session.scalars(select(AcademicYear.name).order_by(AcademicYear.name)))


# Operations (undoable, models/operations.py) ------------------------------------------------------
def add_student_op(session: Session, *, student_id: int | None = None, **values):
    """Enrol a student; undo removes the record, redo enrols again under the same id."""
    new_id = add_student(session, student_id=student_id, **values)
    redo = bind(add_student_op, student_id=new_id, **values)
    return Outcome(new_id, undo_by(bind(delete_student, new_id), redo, Change.STUDENTS), Change.STUDENTS)


def set_group_head_op(session: Session, group_id: int, student_id: int | None):
    """Make a student the group head; undo gives the role back to the one before (or nobody)."""
    old = set_group_head(session, group_id, student_id)
    return Outcome(old, bind(set_group_head_op, group_id, old), Change.STUDENTS | Change.GROUPS)
