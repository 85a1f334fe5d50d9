"""Grade sheets (ведомость) and the results on them.

A sheet is issued for one exam of a session: numbered within the academic year, with the date
issued, the form of control and the grading scale in force. Issuing it fixes its list of
students: those of the exam's groups who are studying on the exam's day (from the movement
history, so a student expelled the day before is not on it), each a row of ``exam_result``
with the group the student was in. Results are typed into those rows; a retake is a later
sheet (the FX or retake session) with its own rows, so the earlier result stays beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop import clock
from desktop.i18n import _
from desktop.models import grading, settings
from desktop.models.base import Base, DomainError, Versioned
from desktop.models.contingent import Group, Student, StudentStatus
from desktop.models.exams import Discipline, Exam, ExamSession, Room, exam_group
from desktop.models.movements import states_on
from desktop.models.org import AcademicYear, Staff


class GradeSheet(Versioned, Base):
    __tablename__ = "grade_sheet"
    __table_args__ = (UniqueConstraint("academic_year_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exam.id", ondelete="CASCADE"), index=True)
    academic_year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="CASCADE"))
    number: Mapped[int]
    issued_on: Mapped[dt.date] = mapped_column(Date)
    control: Mapped[str] = mapped_column(String(12), default=grading.Control.EXAM.value)
    scale: Mapped[str] = mapped_column(String(12))
    retake: Mapped[bool] = mapped_column(Boolean, default=False)


class ExamResult(Versioned, Base):
    __tablename__ = "exam_result"
    __table_args__ = (UniqueConstraint("sheet_id", "student_id"), Index("ix_exam_result_student", "student_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("grade_sheet.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("student_group.id", ondelete="SET NULL"))
    rating: Mapped[float | None] = mapped_column(Float)
    points: Mapped[float | None] = mapped_column(Float)
    score: Mapped[int | None]
    letter: Mapped[str] = mapped_column(String(3), default="")
    gpa: Mapped[float | None] = mapped_column(Float)
    grade: Mapped[str] = mapped_column(String(5), default="")
    mark: Mapped[str] = mapped_column(String(14), default="")
    passed: Mapped[bool] = mapped_column(Boolean, default=False)
    entered_on: Mapped[dt.date | None] = mapped_column(Date)


# Open debts a student may carry into the next course (promotion keeps back those with more).
MAX_DEBTS = settings.declare("results.max_debts", 2)

RESULT_FIELDS = ("rating", "points", "score", "letter", "gpa", "grade", "mark", "passed", "entered_on")

# The office's alphabetical order for Kyrgyz, Kazakh and Russian names at once: each language's
# alphabet is a sub-sequence of this one (ky ң ө ү; kk ә ғ қ ң ө ұ ү һ і; ё after е).
ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RANK = {ch: i for i, ch in enumerate(ALPHABET)}


def name_key(text: str) -> tuple:
    return tuple(_RANK.get(ch, 100 + ord(ch)) for ch in text.casefold())


def student_sort_key(last: str, first: str, patronymic: str = "") -> tuple:
    return name_key(last), name_key(first), name_key(patronymic or "")


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
                scale: grading.Scale | None = None, cache: dict | None = None) -> int:
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
    cache: dict = {}
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


# Entering results ----------------------------------------------------------------------------------

def _snapshot(row: ExamResult) -> dict:
    return {f: getattr(row, f) for f in RESULT_FIELDS}


def enter_result(session: Session, result_id: int, *, points: float | None = None, rating: float | None = None,
                 grade: str | None = None, mark: str = "", on: dt.date | None = None) -> dict:
    """Record one result; the scale of the sheet gives letter, GPA and grade. Returns the old values (undo)."""
    row = session.get(ExamResult, result_id)
    if row is None:
        raise DomainError(_("This result no longer exists; reload the sheet."))
    sheet = session.get(GradeSheet, row.sheet_id)
    assert sheet is not None  # a result's sheet (a foreign key)
    scale = scale_for(session, sheet.scale)
    old = _snapshot(row)
    outcome = grading.evaluate(scale, sheet.control, points=points, rating=rating, grade=grade, mark=mark)
    _apply(row, outcome, points, rating, on or clock.today())
    session.flush()
    return old


def _apply(row: ExamResult, outcome: grading.Outcome, points, rating, on: dt.date) -> None:
    row.rating, row.points = rating, points
    row.score, row.letter, row.gpa = outcome.score, outcome.letter, outcome.gpa
    row.grade, row.mark, row.passed = outcome.grade, outcome.mark, outcome.passed
    row.entered_on = on if outcome.entered else None


def enter_text(session: Session, result_id: int, text: str, *, rating: float | None | Literal["keep"] = "keep",
               on: dt.date | None = None) -> dict:
    """What the user typed into the grade cell (points, a grade or a mark); returns the old values."""
    row = session.get(ExamResult, result_id)
    if row is None:
        raise DomainError(_("This result no longer exists; reload the sheet."))
    sheet = session.get(GradeSheet, row.sheet_id)
    assert sheet is not None  # a result's sheet (a foreign key)
    parsed = grading.parse_entry(scale_for(session, sheet.scale), sheet.control, text)
    return enter_result(session, result_id, rating=row.rating if isinstance(rating, str) else rating, on=on, **parsed)


def restore_result(session: Session, result_id: int, old: dict) -> None:
    row = session.get(ExamResult, result_id)
    if row is not None:
        for f, v in old.items():
            setattr(row, f, v)
        session.flush()


def result_entry_text(row: SheetRow, scale: grading.Scale) -> str:
    """What the grade cell holds for editing (the typed value)."""
    if row.outcome.mark:
        return {"absent": "н", "not_admitted": "нд"}[row.outcome.mark]
    if scale.uses_points:
        return "" if row.points is None else f"{row.points:g}"
    return {"pass": "+", "fail": "-"}.get(row.outcome.grade, row.outcome.grade)


def enter_many(session: Session, sheet_id: int, entries: dict[int, dict], on: dt.date) -> dict[int, dict]:
    """Results of a whole sheet at once (the Excel import): ``entries`` result id -> evaluate() keywords.
    All are checked before any is written; returns old values per result id (undo)."""
    sheet = session.get(GradeSheet, sheet_id)
    assert sheet is not None  # the sheet the entries were read against
    scale = scale_for(session, sheet.scale)
    outcomes = {rid: grading.evaluate(scale, sheet.control, **kw) for rid, kw in entries.items()}
    old = {}
    rows = {r.id: r for r in session.scalars(select(ExamResult).where(ExamResult.sheet_id == sheet_id))}
    for rid, outcome in outcomes.items():
        row = rows[rid]
        old[rid] = _snapshot(row)
        _apply(row, outcome, entries[rid].get("points"), entries[rid].get("rating"), on)
    session.flush()
    return old


def restore_many(session: Session, old: dict[int, dict]) -> None:
    for rid, values in old.items():
        restore_result(session, rid, values)


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


# A filled sheet read back (the Excel import): all or nothing -----------------------------------------------

def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def import_filled(session: Session, filled: list, on: dt.date) -> tuple[list[str], dict[int, dict]]:
    """``filled``: objects with ``sheet_id``, ``number``, ``worksheet`` and ``rows`` of (excel row,
    record book, [entered values]). Every row must match a student of the sheet by record-book
    number and every student must be there once; every value must read under the sheet's scale.
    On any problem nothing is written and a DomainError lists each one (worksheet, row, column).
    Returns (one line per sheet of what changed, old values per result id for undo)."""
    problems: list[str] = []
    plans: list[tuple[int, dict[int, dict], int]] = []
    for f in filled:
        sheet = session.get(GradeSheet, f.sheet_id)
        if sheet is None or sheet.number != f.number:
            problems.append(_("Worksheet “{ws}”: grade sheet No {number} is not in this database.").format(
                ws=f.worksheet, number=f.number))
            continue
        scale = scale_for(session, sheet.scale)
        listed = {book: (rid, sid) for rid, sid, book in session.execute(
            select(ExamResult.id, ExamResult.student_id, Student.record_book)
            .join(Student, Student.id == ExamResult.student_id).where(ExamResult.sheet_id == sheet.id))}
        seen: dict[str, int] = {}
        entries: dict[int, dict] = {}
        rating_col = scale.rating_weight is not None
        value_title = _("Grade") if not scale.uses_points else (_("Exam points") if rating_col else _("Points"))
        for row_no, book, values in f.rows:
            where = _("Worksheet “{ws}”, row {row}").format(ws=f.worksheet, row=row_no)
            if not book:
                problems.append(_("{where}: the record-book number is empty.").format(where=where))
                continue
            if book in seen:
                problems.append(_("{where}: record book {book} is already on row {other}.").format(
                    where=where, book=book, other=seen[book]))
                continue
            seen[book] = row_no
            if book not in listed:
                problems.append(_("{where}: record book {book} is not on grade sheet No {number}.").format(
                    where=where, book=book, number=sheet.number))
                continue
            rating, text = (values[0], values[1]) if rating_col else (None, values[0])
            column = _("Admission rating")
            try:
                rating_value = None
                if rating_col and _cell_text(rating):
                    try:
                        rating_value = float(_cell_text(rating).replace(",", "."))
                    except ValueError:
                        raise DomainError(_("“{text}” is not a number.").format(text=_cell_text(rating))) from None
                    grading.evaluate(scale, sheet.control, rating=rating_value)
                column = value_title
                kw = grading.parse_entry(scale, sheet.control, _cell_text(text))
                kw["rating"] = rating_value
                grading.evaluate(scale, sheet.control, **kw)
            except DomainError as exc:
                problems.append(_("{where}, column “{column}”: {message}").format(
                    where=where, column=column, message=exc))
                continue
            entries[listed[book][0]] = kw
        # a student without a record book (the column may be empty) is missing too: shown as "—", not a TypeError
        missing = sorted(set(listed) - set(seen), key=lambda b: b or "")
        if missing:
            problems.append(_("Worksheet “{ws}”: the list of students differs from grade sheet No {number}; "
                              "missing record books: {books}. Export the sheet again.").format(
                ws=f.worksheet, number=sheet.number, books=", ".join(b or "—" for b in missing)))
        plans.append((sheet.id, entries, sheet.number))
    if problems:
        raise DomainError("\n".join(problems))
    lines, old = [], {}
    for sheet_id, entries, number in plans:
        old.update(enter_many(session, sheet_id, entries, on))
        entered = sum(1 for kw in entries.values() if kw.get("points") is not None or kw.get("grade") or kw.get("mark"))
        lines.append(_("Grade sheet No {number}: {n} results").format(number=number, n=entered))
    return lines, old


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


# ``dekanat check``: results that contradict themselves --------------------------------------------------

from desktop.models.check import rule  # noqa: E402  (the rule registers on import, with the entities)


@rule
def _results_are_consistent(session: Session) -> list[str]:
    """A result is either nothing, a mark, or a grade; "passed" only with a passing grade."""
    problems = []
    r = ExamResult
    q = (select(r.id, r.sheet_id, r.mark, r.grade, r.passed)
         .where(((r.mark != "") & (r.grade != ""))
                | ((r.passed.is_(True)) & ((r.mark != "") | r.grade.in_(("", "2", "fail"))))
                | ((r.passed.is_(False)) & r.grade.in_(("5", "4", "3", "pass")))))
    for rid, sheet_id, mark, grade, passed in session.execute(q):
        problems.append(f"result {rid} on grade sheet {sheet_id}: mark {mark!r}, grade {grade!r} and passed={passed} "
                        f"contradict each other")
    return problems
