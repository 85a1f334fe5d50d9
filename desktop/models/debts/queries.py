"""Open debts: which results no later result closes, counted per discipline and group, and one
student's results for the card (see the package's docstring for the rule)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, LabelledEnum
from desktop.models import grading, settings
from desktop.models.contingent import Group, Student
from desktop.models.exams import Discipline, Exam, ExamSession
from desktop.models.org import AcademicYear
from desktop.models.results import ExamResult, GradeSheet, student_sort_key
from desktop.models.students import raw_rows

MAX_DEBTS = settings.SETTINGS["results.max_debts"]  # declared with the results' entities (load_all)


class DebtKind(LabelledEnum):
    """Why a result is a debt (a failing mark's kind, or the absent / not-admitted mark itself)."""

    FAIL = "fail", N_("failed")
    FX = "fx", N_("FX")
    ABSENT = "absent", N_("absent")
    NOT_ADMITTED = "not_admitted", N_("not admitted")


@dataclass
class Debt:
    student_id: int
    name: str
    record_book: str
    group: str
    group_id: int | None
    discipline: str
    discipline_id: int
    year: str
    session_kind: str
    kind: DebtKind
    result: str  # the failing result as printed
    examiner_id: int | None
    retake_date: dt.date | None = None
    outcome: grading.Outcome | None = None  # for reports in another language: grading.describe(outcome, tr)


def _debt_kind(mark: str, letter: str) -> DebtKind:
    if mark:
        return DebtKind(mark)
    return DebtKind.FX if letter == "FX" else DebtKind.FAIL


def _attempts(session: Session, student_ids: list[int] | None = None):
    """Every listed result row with its discipline and day (ordered oldest first)."""
    r, sh, e, es, y = ExamResult, GradeSheet, Exam, ExamSession, AcademicYear
    q = (select(r.student_id, e.discipline_id, e.day, sh.id, r.mark, r.grade, r.passed, r.letter, r.score,
                r.group_id, es.kind, y.name, e.examiner_id, r.gpa)
         .select_from(r).join(sh, sh.id == r.sheet_id).join(e, e.id == sh.exam_id)
         .join(es, es.id == e.session_id).join(y, y.id == es.academic_year_id))
    if student_ids is not None:
        q = q.where(r.student_id.in_(student_ids))
    rows = list(session.execute(q).all())
    rows.sort(key=lambda x: (x[2], x[3]))
    return rows


def _latest_failing(session: Session, year, session_kind, student_ids):
    """Per student and discipline the latest entered result, kept when it fails, and the latest day
    each is listed with nothing entered yet (a retake). One pass over exam_result alone (the sheets'
    disciplines and days come from a small map), then only the failing rows are read in full."""
    r, sh, e = (t.__table__.c for t in (ExamResult, GradeSheet, Exam))
    sheets = {sid: (did, str(day)) for sid, did, day in raw_rows(session, select(sh.id, e.discipline_id, e.day)
                                                                       .select_from(GradeSheet.__table__.join(
                                                                           Exam.__table__, e.id == sh.exam_id)))}
    q = select(r.student_id, r.sheet_id, r.passed, r.id, (r.mark != "") | (r.grade != ""))
    if student_ids is not None:
        q = q.where(r.student_id.in_([int(i) for i in student_ids]))
    latest: dict[tuple, tuple] = {}
    pending: dict[tuple, str] = {}
    for sid, sheet_id, passed, rid, entered in raw_rows(session, q):
        did, day = sheets[sheet_id]
        key = (sid, did)
        if entered:
            best = latest.get(key)
            if best is None or (day, sheet_id) > (best[0], best[1]):
                latest[key] = (day, sheet_id, passed, rid)
        elif day > pending.get(key, ""):
            pending[key] = day
    failing_ids = [v[3] for v in latest.values() if not v[2]]
    out: list = []
    if not failing_ids:
        return out, {}
    es, y = ExamSession.__table__.c, AcademicYear.__table__.c
    for at in range(0, len(failing_ids), 5000):
        q = (select(r.student_id, e.discipline_id, e.day, r.sheet_id, r.mark, r.grade, r.passed, r.letter, r.score,
                    r.group_id, es.kind, y.name, e.examiner_id, r.gpa)
             .select_from(ExamResult.__table__.join(GradeSheet.__table__, sh.id == r.sheet_id)
                          .join(Exam.__table__, e.id == sh.exam_id).join(ExamSession.__table__, es.id == e.session_id)
                          .join(AcademicYear.__table__, y.id == es.academic_year_id))
             .where(r.id.in_(failing_ids[at:at + 5000])))
        if year is not None:
            q = q.where(y.name == year)
        if session_kind is not None:
            q = q.where(es.kind == session_kind)
        out += session.execute(q).all()
    keys = {(v[0], v[1]) for v in out}
    return out, {k: dt.date.fromisoformat(d) for k, d in pending.items() if k in keys}


def open_debts(session: Session, *, year: str | None = None, session_kind: str | None = None,
               student_ids: list[int] | None = None) -> list[Debt]:
    """Open debts, optionally only those that arose in a year (and session), sorted by group and name."""
    failing, pending = _latest_failing(session, year, session_kind, student_ids)
    if not failing:
        return []
    sids = {v[0] for v in failing}
    q = select(Student.id, Student.last_name, Student.first_name, Student.patronymic, Student.record_book)
    if len(sids) <= 2000:  # else every student at once (cheaper than a long IN list)
        q = q.where(Student.id.in_(sids))
    people = {sid: (last, first, pat, book) for sid, last, first, pat, book in session.execute(q)}
    groups = dict(session.execute(select(Group.id, Group.name)).all())
    disciplines = dict(session.execute(select(Discipline.id, Discipline.name)).all())
    debts = []
    for v in failing:
        sid, did = v[0], v[1]
        last, first, pat, book = people.get(sid, ("", "", "", ""))
        outcome = grading.Outcome(mark=v[4] or "", score=v[8], letter=v[7] or "", gpa=v[13], grade=v[5] or "")
        retake = pending.get((sid, did))
        debts.append(Debt(sid, " ".join(p for p in (last, first, pat) if p), book or "", groups.get(v[9], ""), v[9],
                          disciplines.get(did, ""), did, v[11], v[10], _debt_kind(v[4], v[7] or ""),
                          grading.describe(outcome), v[12], retake if retake and retake > v[2] else None, outcome))
    names = {sid: student_sort_key(*people[sid][:3]) for sid in sids if sid in people}
    debts.sort(key=lambda d: (d.group, names.get(d.student_id, ()), d.discipline))
    return debts


def debt_counts(debts: list[Debt]) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """(discipline, debts, students) and (group, debts, students), most debts first."""
    def count(key: Callable[[Debt], str]) -> list[tuple[str, int, int]]:
        n: Counter[str] = Counter()
        who: defaultdict[str, set[int]] = defaultdict(set)
        for d in debts:
            n[key(d)] += 1
            who[key(d)].add(d.student_id)
        return sorted(((k, n[k], len(who[k])) for k in n), key=lambda x: (-x[1], x[0]))
    return count(lambda d: d.discipline), count(lambda d: d.group)


@dataclass(frozen=True, slots=True)
class StudentResult:
    """One result of one student, as the student card lists it."""

    discipline_id: int
    discipline: str
    day: dt.date
    sheet_id: int
    session: str  # the session's kind (SessionKind value)
    year: str
    result: str  # as printed ("" when nothing is entered yet)
    passed: bool
    entered: bool
    open_debt: bool  # this result is the open debt of its discipline


def student_results(session: Session, student_id: int) -> list[StudentResult]:
    """Every result of one student (the student card): discipline, session, sheet, result, open debt or not."""
    debts = {(d.discipline_id) for d in open_debts(session, student_ids=[student_id])}
    names = dict(session.execute(select(Discipline.id, Discipline.name)).all())
    out = []
    for row in _attempts(session, [student_id]):
        outcome = grading.Outcome(mark=row[4] or "", score=row[8], letter=row[7] or "", gpa=row[13],
                                  grade=row[5] or "", passed=bool(row[6]))
        out.append(StudentResult(row[1], names.get(row[1], ""), row[2], row[3], row[10], row[11],
                                 grading.describe(outcome), outcome.passed, outcome.entered,
                                 row[1] in debts and outcome.entered and not outcome.passed))
    return out
