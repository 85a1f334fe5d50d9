"""Reading a session's schedule as plain rows, and the edits the editor makes (each one transaction).

``load_schedule`` returns plain dataclasses (never ORM objects) in a few queries, so the views,
the conflict check and the exports of a 5,000-exam session work on cheap tuples.
Every edit returns what its undo needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from desktop import dates
from desktop.i18n import _
from desktop.models.base import DomainError
from desktop.models.contingent import Group, Student, StudentStatus
from desktop.models.exams import Discipline, Exam, ExamForm, ExamSession, Room, SessionDiscipline, exam_group
from desktop.models.org import AcademicYear, Programme, Staff


@dataclass(slots=True)
class ExamRow:
    id: int
    discipline_id: int
    group_ids: tuple[int, ...]
    day: dt.date
    start: int  # minutes from midnight
    duration: int = 120
    examiner_id: int | None = None
    assistant_id: int | None = None
    room_id: int | None = None
    form: str = ExamForm.WRITTEN.value
    consult_day: dt.date | None = None
    consult_minute: int | None = None
    consult_room_id: int | None = None

    @property
    def end(self) -> int:
        return self.start + self.duration


@dataclass(slots=True, frozen=True)
class GroupInfo:
    id: int
    name: str
    course: int
    programme_id: int | None
    programme_code: str
    programme_name: str
    size: int


@dataclass
class Schedule:
    session_id: int
    year: str
    kind: str
    start: dt.date
    end: dt.date
    country: str
    exams: list[ExamRow] = field(default_factory=list)
    groups: dict[int, GroupInfo] = field(default_factory=dict)
    rooms: dict[int, tuple[str, int, str]] = field(default_factory=dict)  # id -> (name, capacity, building)
    staff: dict[int, str] = field(default_factory=dict)  # id -> short name
    disciplines: dict[int, str] = field(default_factory=dict)

    def days(self) -> list[dt.date]:
        """Every day of the session, plus any exam day outside it (so nothing is hidden)."""
        days = set()
        d = self.start
        while d <= self.end:
            days.add(d)
            d += dt.timedelta(days=1)
        days.update(e.day for e in self.exams)
        return sorted(days)

    def exam(self, exam_id: int) -> ExamRow | None:
        for e in self.exams:
            if e.id == exam_id:
                return e
        return None


def fmt_time(minute: int | None) -> str:
    return "" if minute is None else f"{minute // 60:02d}:{minute % 60:02d}"


def parse_time(text: str) -> int:
    """"9:00" / "09.30" -> minutes from midnight; a clear message otherwise."""
    try:
        time = dates.parse_time(text)
    except ValueError:
        raise DomainError(_("“{value}” is not a time; write it like 09:00.").format(value=text)) from None
    return time.hour * 60 + time.minute


def group_sizes(session: Session) -> dict[int, int]:
    """Studying students per group (who actually sits the exam)."""
    rows = session.execute(select(Student.group_id, func.count()).where(
        Student.status == StudentStatus.STUDYING.value, Student.group_id.is_not(None)).group_by(Student.group_id))
    return {g: n for g, n in rows if g is not None}


def load_schedule(session: Session, session_id: int) -> Schedule:
    head = session.execute(select(ExamSession.id, AcademicYear.name, ExamSession.kind, ExamSession.start_date,
                                  ExamSession.end_date, ExamSession.country).join(AcademicYear)
                           .where(ExamSession.id == session_id)).first()
    if head is None:
        raise DomainError(_("This exam session no longer exists."))
    data = Schedule(*head)
    sizes = group_sizes(session)
    for gid, name, course, pid, code, pname in session.execute(
            select(Group.id, Group.name, Group.course, Group.programme_id, Programme.code, Programme.name)
            .outerjoin(Programme, Programme.id == Group.programme_id).where(Group.active.is_(True))
            .order_by(Group.course, Programme.code, Group.name)):
        data.groups[gid] = GroupInfo(gid, name, course, pid, code or "", pname or "", sizes.get(gid, 0))
    data.rooms = {r: (n, c, b) for r, n, c, b in session.execute(
        select(Room.id, Room.name, Room.capacity, Room.building).order_by(Room.name))}
    data.staff = dict(session.execute(select(Staff.id, Staff.short_name)).all())
    data.disciplines = dict(session.execute(select(Discipline.id, Discipline.name)).all())
    members: dict[int, list[int]] = {}
    for exam_id, group_id in session.execute(
            select(exam_group.c.exam_id, exam_group.c.group_id).join(Exam, Exam.id == exam_group.c.exam_id)
            .where(Exam.session_id == session_id)):
        members.setdefault(exam_id, []).append(group_id)
    order = {gid: i for i, gid in enumerate(data.groups)}
    for r in session.execute(select(
            Exam.id, Exam.discipline_id, Exam.day, Exam.start_minute, Exam.duration, Exam.examiner_id,
            Exam.assistant_id, Exam.room_id, Exam.form, Exam.consult_day, Exam.consult_minute,
            Exam.consult_room_id).where(Exam.session_id == session_id).order_by(Exam.day, Exam.start_minute,
                                                                                  Exam.id)):
        groups = tuple(sorted(members.get(r[0], ()), key=lambda g: order.get(g, 1 << 30)))
        data.exams.append(ExamRow(r[0], r[1], groups, r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]))
    return data


# Edits ------------------------------------------------------------------------------------------

EXAM_FIELDS = ("discipline_id", "day", "start", "duration", "examiner_id", "assistant_id", "room_id", "form",
               "consult_day", "consult_minute", "consult_room_id")
_COLUMN = {"start": "start_minute"}


def _values(row: ExamRow, session_id: int) -> dict[str, Any]:
    """The ``exam`` table's values (column -> value) of ``row``, checked."""
    values = {_COLUMN.get(k, k): getattr(row, k) for k in EXAM_FIELDS}
    values["session_id"] = session_id
    ExamForm(values["form"])
    if values["duration"] <= 0:
        raise DomainError(_("The duration of an exam must be positive."))
    return values


def add_exam(session: Session, session_id: int, row: ExamRow) -> int:
    """Insert ``row`` (its id is ignored unless set, which undo uses to restore) with its groups."""
    if not row.group_ids:
        raise DomainError(_("An exam needs at least one group."))
    values = _values(row, session_id)
    if row.id:
        values["id"] = row.id
    exam_id = session.execute(insert(Exam).values(**values).returning(Exam.id)).scalar_one()
    session.execute(insert(exam_group), [{"exam_id": exam_id, "group_id": g} for g in row.group_ids])
    return exam_id


def add_exams(session: Session, session_id: int, rows: list[ExamRow]) -> list[int]:
    """Many exams in one go (the generator, the demo, the benchmark): Core executemany."""
    if not rows:
        return []
    values = []
    for row in rows:
        if not row.group_ids:
            raise DomainError(_("An exam needs at least one group."))
        values.append(_values(row, session_id))
    # The database gives the ids (a shared server's sequence, never max+1 that two offices could
    # both take); "insertmanyvalues" keeps this one batched statement with RETURNING in order.
    ids = list(session.execute(insert(Exam).returning(Exam.id, sort_by_parameter_order=True), values).scalars())
    links = [{"exam_id": exam_id, "group_id": g} for exam_id, row in zip(ids, rows, strict=True)
             for g in row.group_ids]
    session.execute(insert(exam_group), links)
    return ids


def _row(session: Session, exam_id: int) -> tuple[int, ExamRow]:
    r = session.execute(select(
        Exam.session_id, Exam.id, Exam.discipline_id, Exam.day, Exam.start_minute, Exam.duration, Exam.examiner_id,
        Exam.assistant_id, Exam.room_id, Exam.form, Exam.consult_day, Exam.consult_minute,
        Exam.consult_room_id).where(Exam.id == exam_id)).first()
    if r is None:
        raise DomainError(_("This exam no longer exists."))
    groups = tuple(session.scalars(select(exam_group.c.group_id).where(exam_group.c.exam_id == exam_id)))
    return r[0], ExamRow(r[1], r[2], groups, *r[3:])


def snapshot(session: Session, exam_id: int) -> tuple[int, ExamRow]:
    """(session id, row) of an exam, for undo."""
    return _row(session, exam_id)


def update_exam(session: Session, exam_id: int, **changes) -> ExamRow:
    """Change fields (and ``group_ids``) of an exam; returns the row as it was."""
    session_id, old = _row(session, exam_id)
    new = replace(old, **changes)
    values = _values(new, session_id)
    values.pop("session_id")
    session.execute(update(Exam).where(Exam.id == exam_id).values(**values))
    if new.group_ids != old.group_ids:
        if not new.group_ids:
            raise DomainError(_("An exam needs at least one group."))
        session.execute(delete(exam_group).where(exam_group.c.exam_id == exam_id))
        session.execute(insert(exam_group), [{"exam_id": exam_id, "group_id": g} for g in new.group_ids])
    return old


def restore_exam(session: Session, row: ExamRow) -> None:
    """Put an exam back as ``row`` was (undo of an update)."""
    changes = {k: getattr(row, k) for k in EXAM_FIELDS}
    update_exam(session, row.id, group_ids=row.group_ids, **changes)


def move_exam(session: Session, exam_id: int, day: dt.date, from_group: int | None = None,
              to_group: int | None = None) -> ExamRow:
    """Drag in the matrix: to another day, and from one group's column to another's.

    When the exam is sat by several groups together, only ``from_group`` is replaced by
    ``to_group`` (the others keep sitting with it). Returns the old row for undo.
    """
    _sid, old = _row(session, exam_id)
    groups = old.group_ids
    if from_group is not None and to_group is not None and from_group != to_group:
        if to_group in groups:
            raise DomainError(_("This group already sits this exam."))
        groups = tuple(to_group if g == from_group else g for g in groups)
    return update_exam(session, exam_id, day=day, group_ids=groups)


def copy_exam(session: Session, exam_id: int, group_ids: list[int]) -> list[int]:
    """The same exam (discipline, examiner, day, time, room ...) for other groups, one exam each."""
    session_id, row = _row(session, exam_id)
    new = [replace(row, id=0, group_ids=(g,)) for g in group_ids if g not in row.group_ids]
    return [add_exam(session, session_id, r) for r in new]


def delete_exams(session: Session, exam_ids: list[int]) -> list[tuple[int, ExamRow]]:
    """Delete exams; returns their snapshots so undo can put them back with the same ids."""
    saved = [_row(session, i) for i in exam_ids]
    session.execute(delete(exam_group).where(exam_group.c.exam_id.in_(exam_ids)))
    session.execute(delete(Exam).where(Exam.id.in_(exam_ids)))
    return saved


def restore_exams(session: Session, saved: list[tuple[int, ExamRow]]) -> None:
    for session_id, row in saved:
        add_exam(session, session_id, row)


def session_disciplines(session: Session, session_id: int) -> list[tuple[int, int, int | None, str]]:
    """(group, discipline, examiner, form) links of a session, for the generator."""
    rows = session.execute(select(SessionDiscipline.group_id, SessionDiscipline.discipline_id,
                                  SessionDiscipline.examiner_id, SessionDiscipline.form)
                           .where(SessionDiscipline.session_id == session_id)
                           .order_by(SessionDiscipline.group_id, SessionDiscipline.id))
    return [(g, d, examiner, form) for g, d, examiner, form in rows]
