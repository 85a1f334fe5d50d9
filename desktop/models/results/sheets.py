"""Issuing grade sheets (their students fixed from the movement history), reading one back, its form
of control, and the faculty's frame printed on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, insert, or_, select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models import grading, settings
from desktop.models.base import DomainError
from desktop.models.contingent import Group, Student, StudentStatus
from desktop.models.exams import Discipline, Exam, ExamSession, Room, exam_group
from desktop.models.movements import states_on
from desktop.models.org import AcademicYear, Staff
from desktop.models.results.entities import ExamResult, GradeSheet, student_sort_key

# Issuing sheets ---------------------------------------------------------------------------------------

def studying_by_group(session: Session, day: dt.date) -> dict[int, list[int]]:
    """Group id -> the ids of its students who are studying on ``day`` (from the movement history)."""
    out: dict[int, list[int]] = {}
    for sid, st in states_on(session, day).items():
        if st.status == StudentStatus.STUDYING.value and st.group_id is not None:
            out.setdefault(st.group_id, []).append(sid)
    return out


def students_on(session: Session, group_ids: list[int], day: dt.date,
                cache: dict[dt.date, dict[int, list[int]]] | None = None) -> list[tuple[int, int]]:
    """(student id, group id) of the students of these groups who are studying on ``day``."""
    cache = {} if cache is None else cache
    if day not in cache:
        cache[day] = studying_by_group(session, day)
    return [(sid, gid) for gid in group_ids for sid in cache[day].get(gid, ())]


def _next_number(session: Session, year_id: int) -> int:
    return (session.scalar(select(func.max(GradeSheet.number)).where(GradeSheet.academic_year_id == year_id)) or 0) + 1


def issue_sheet(session: Session, exam_id: int, issued_on: dt.date, control: str = grading.Control.EXAM.value,
                *, student_ids: Sequence[tuple[int, int | None]] | None = None, retake: bool = False,
                scale: grading.Scale | None = None, cache: dict[dt.date, dict[int, list[int]]] | None = None) -> int:
    """A numbered sheet for an exam, with its students fixed (or the given (student, group) pairs)."""
    exam = session.get(Exam, exam_id)
    if exam is None:
        raise DomainError(_("This exam no longer exists."))
    year_id = session.scalar(select(ExamSession.academic_year_id).where(ExamSession.id == exam.session_id))
    assert year_id is not None  # an exam's session belongs to a year
    scale = scale or grading.faculty_scale(session)
    sheet = GradeSheet(exam_id=exam_id, academic_year_id=year_id, number=_next_number(session, year_id),
                       issued_on=issued_on, control=grading.Control(control).value, scale=scale.key, retake=retake)
    session.add(sheet)
    session.flush()
    if student_ids is None:
        groups = list(session.scalars(select(exam_group.c.group_id).where(exam_group.c.exam_id == exam_id)))
        student_ids = students_on(session, groups, exam.day, cache)
    if student_ids:
        session.execute(insert(ExamResult), [{"sheet_id": sheet.id, "student_id": sid, "group_id": gid, "letter": "",
                                              "grade": "", "mark": "", "passed": False}
                                             for sid, gid in student_ids])
    return sheet.id


def issue_sheets(session: Session, session_id: int, issued_on: dt.date, control: str = grading.Control.EXAM.value,
                 progress=None) -> list[int]:
    """A sheet for every exam of the session that has none yet, numbered in date order (bulk inserts:
    a university's 6,000 exams in about a second; ``progress`` hears of each hundred)."""
    have = set(session.scalars(select(GradeSheet.exam_id).join(Exam, Exam.id == GradeSheet.exam_id)
                               .where(Exam.session_id == session_id)))
    exams = [e for e in session.execute(select(Exam.id, Exam.day).where(Exam.session_id == session_id)
                                        .order_by(Exam.day, Exam.start_minute, Exam.id)).all() if e[0] not in have]
    if not exams:
        return []
    year_id = session.scalar(select(ExamSession.academic_year_id).where(ExamSession.id == session_id))
    assert year_id is not None  # the session of the exams found above, which belongs to a year
    scale, control = grading.faculty_scale(session), grading.Control(control).value
    members: dict[int, list[int]] = {}
    for eid, gid in session.execute(select(exam_group.c.exam_id, exam_group.c.group_id).join(
            Exam, Exam.id == exam_group.c.exam_id).where(Exam.session_id == session_id)):
        members.setdefault(eid, []).append(gid)
    first = _next_number(session, year_id)
    ids = list(session.scalars(insert(GradeSheet).returning(GradeSheet.id, sort_by_parameter_order=True), [
        {"exam_id": eid, "academic_year_id": year_id, "number": first + i, "issued_on": issued_on,
         "control": control, "scale": scale.key, "retake": False} for i, (eid, _day) in enumerate(exams)]))
    cache: dict[dt.date, dict[int, list[int]]] = {}
    rows = []
    for n, (sheet_id, (eid, day)) in enumerate(zip(ids, exams, strict=True)):
        for sid, gid in students_on(session, sorted(members.get(eid, [])), day, cache):
            rows.append({"sheet_id": sheet_id, "student_id": sid, "group_id": gid, "letter": "", "grade": "",
                         "mark": "", "passed": False})
        if progress is not None and n % 100 == 0:
            progress.step(n, len(exams), "")
    if rows:
        session.execute(insert(ExamResult), rows)
    return ids


def delete_sheets(session: Session, sheet_ids: list[int]) -> None:
    """Undo of issuing."""
    for sid in sheet_ids:
        row = session.get(GradeSheet, sid)
        if row is not None:
            session.delete(row)
    session.flush()


# Reading a sheet --------------------------------------------------------------------------------------

@dataclass
class SheetHead:
    id: int
    number: int
    issued_on: dt.date
    control: str
    scale: str
    retake: bool
    exam_id: int
    year: str
    session_kind: str
    discipline: str
    examiner: str
    day: dt.date
    start: int
    room: str
    groups: list[str]


@dataclass
class SheetRow:
    result_id: int
    student_id: int
    name: str
    record_book: str
    group: str
    rating: float | None
    points: float | None
    outcome: grading.Outcome
    earlier: str = ""  # the earlier result in this discipline (on a retake sheet), interface language
    earlier_outcome: grading.Outcome | None = None  # the same, for a report in its own language


@dataclass
class Sheet:
    head: SheetHead
    rows: list[SheetRow]
    scale: grading.Scale

    @property
    def filled(self) -> bool:
        return any(r.outcome.entered for r in self.rows)


def sheet_heads(session: Session, session_id: int | None = None, year: str | None = None,
                sheet_ids: list[int] | None = None) -> list[SheetHead]:
    q = (select(GradeSheet.id, GradeSheet.number, GradeSheet.issued_on, GradeSheet.control, GradeSheet.scale,
                GradeSheet.retake, Exam.id, AcademicYear.name, ExamSession.kind, Discipline.name, Staff.short_name,
                Exam.day, Exam.start_minute, Room.name)
         .join(Exam, Exam.id == GradeSheet.exam_id).join(ExamSession, ExamSession.id == Exam.session_id)
         .join(AcademicYear, AcademicYear.id == ExamSession.academic_year_id)
         .join(Discipline, Discipline.id == Exam.discipline_id)
         .outerjoin(Staff, Staff.id == Exam.examiner_id).outerjoin(Room, Room.id == Exam.room_id)
         .order_by(GradeSheet.number))
    if session_id is not None:
        q = q.where(Exam.session_id == session_id)
    if year is not None:
        q = q.where(AcademicYear.name == year)
    if sheet_ids is not None:
        q = q.where(GradeSheet.id.in_(sheet_ids))
    rows = session.execute(q).all()
    groups: dict[int, list[str]] = {}
    exam_ids = {r[6] for r in rows}
    if exam_ids:
        for eid, name in session.execute(select(exam_group.c.exam_id, Group.name).join(
                Group, Group.id == exam_group.c.group_id).where(exam_group.c.exam_id.in_(exam_ids))
                .order_by(Group.name)):
            groups.setdefault(eid, []).append(name)
    return [SheetHead(*r[:10], r[10] or "", r[11], r[12], r[13] or "", groups.get(r[6], [])) for r in rows]


def entered_counts(session: Session, sheet_ids: Sequence[int] | None = None) -> dict[int, tuple[int, int]]:
    """Sheet id -> (results entered, students on the sheet), of these sheets (all with None)."""
    entered = func.sum(case((or_(ExamResult.grade != "", ExamResult.mark != ""), 1), else_=0))
    q = select(ExamResult.sheet_id, entered, func.count()).group_by(ExamResult.sheet_id)
    if sheet_ids is not None:
        q = q.where(ExamResult.sheet_id.in_(list(sheet_ids)))
    return {sid: (int(done or 0), total) for sid, done, total in session.execute(q)}


def outcome_of(row) -> grading.Outcome:
    return grading.Outcome(mark=row.mark or "", score=row.score, letter=row.letter or "", gpa=row.gpa,
                           grade=row.grade or "", passed=bool(row.passed))


def load_sheet(session: Session, sheet_id: int) -> Sheet:
    heads = sheet_heads(session, sheet_ids=[sheet_id])
    if not heads:
        raise DomainError(_("This grade sheet no longer exists."))
    head = heads[0]
    r, st, g = ExamResult, Student, Group
    q = (select(r.id, r.student_id, st.last_name, st.first_name, st.patronymic, st.record_book, g.name, r.rating,
                r.points, r.mark, r.score, r.letter, r.gpa, r.grade, r.passed)
         .join(st, st.id == r.student_id).outerjoin(g, g.id == r.group_id).where(r.sheet_id == sheet_id))
    found = sorted(session.execute(q).all(), key=lambda x: student_sort_key(x[2], x[3], x[4]))
    rows = []
    for x in found:
        outcome = grading.Outcome(mark=x.mark or "", score=x.score, letter=x.letter or "", gpa=x.gpa,
                                  grade=x.grade or "", passed=bool(x.passed))
        rows.append(SheetRow(x.id, x.student_id, " ".join(p for p in (x[2], x[3], x[4]) if p), x.record_book or "",
                             x.name or "", x.rating, x.points, outcome))
    if head.retake and rows:
        earlier = earlier_results(session, [row.student_id for row in rows], head.exam_id, head.day, sheet_id)
        for row in rows:
            row.earlier_outcome = earlier.get(row.student_id)
            row.earlier = grading.describe(row.earlier_outcome) if row.earlier_outcome else ""
    return Sheet(head, rows, scale_for(session, head.scale))


def scale_for(session: Session, key: str) -> grading.Scale:
    return grading.scale_by_key(key, settings.get(session, "grading.kg_thresholds"))


def earlier_results(session: Session, student_ids: list[int], exam_id: int, before: dt.date,
                    sheet_id: int) -> dict[int, grading.Outcome]:
    """The latest earlier entered result of each student in the exam's discipline."""
    discipline = session.scalar(select(Exam.discipline_id).where(Exam.id == exam_id))
    q = (select(ExamResult.student_id, ExamResult.mark, ExamResult.score, ExamResult.letter, ExamResult.gpa,
                ExamResult.grade, ExamResult.passed)
         .join(GradeSheet, GradeSheet.id == ExamResult.sheet_id).join(Exam, Exam.id == GradeSheet.exam_id)
         .where(Exam.discipline_id == discipline, ExamResult.student_id.in_(student_ids),
                GradeSheet.id != sheet_id, Exam.day <= before,
                (ExamResult.mark != "") | (ExamResult.grade != ""))
         .order_by(Exam.day, GradeSheet.id))
    out = {}
    for row in session.execute(q):
        out[row.student_id] = outcome_of(row)
    return out


def set_control(session: Session, sheet_id: int, control: str) -> str:
    """The sheet's form of control (exam, pass/fail, graded pass, course work), while nothing is
    entered on it (the form decides how points read); returns the old one (undo)."""
    sheet = session.get(GradeSheet, sheet_id)
    if sheet is None:
        raise DomainError(_("This grade sheet no longer exists."))
    control = grading.Control(control).value
    entered = session.scalar(select(func.count()).select_from(ExamResult).where(
        ExamResult.sheet_id == sheet_id, (ExamResult.mark != "") | (ExamResult.grade != "")))
    if entered and control != sheet.control:
        raise DomainError(_("Grade sheet No {number} already has results; its form of control stays.").format(
            number=sheet.number))
    old, sheet.control = sheet.control, control
    session.flush()
    return old


# The faculty's frame on printed sheets and orders (a local stand-in for the shared document frame) -------

@dataclass(frozen=True)
class Frame:
    university: str = ""
    faculty: str = ""
    city: str = ""
    dean: str = ""


def faculty_frame(session: Session) -> Frame:
    from desktop.models.org import Faculty, StaffRole, staff_by_role

    row = session.execute(select(Faculty.university, Faculty.name, Faculty.city).order_by(Faculty.id).limit(1)).first()
    deans = staff_by_role(session, StaffRole.DEAN)
    return Frame(*(row or ("", "", "")), dean=deans[0].short_name if deans else "")

