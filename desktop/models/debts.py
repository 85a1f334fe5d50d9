"""Academic debts, the session's summary, retakes drafted from debts, promotion that holds debtors back.

A debt is a failing, absent or not-admitted result that no later result in the same discipline
closes. Per student and discipline the **latest entered result** decides (exam day, then sheet):
failing -> an open debt of that kind; passing -> closed. A later sheet that lists the student
with nothing entered yet is the debt's retake date.

Every query here reads plain columns in a few statements (120,000 results in well under a second).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import N_, _
from desktop.models import grading, settings
from desktop.models.base import DomainError
from desktop.models.contingent import Group, Student, StudentStatus
from desktop.models.exams import Discipline, Exam, ExamSession, SessionKind, exam_group
from desktop.models.movements import MovementKind, Order, apply_movement, states_of
from desktop.models.operations import Change, Outcome, bind, undo_by
from desktop.models.org import AcademicYear, Programme
from desktop.models.results import ExamResult, GradeSheet, issue_sheet, student_sort_key

MAX_DEBTS = settings.SETTINGS["results.max_debts"]  # declared with the results' entities (load_all)

DEBT_KINDS = {"fail": N_("failed"), "fx": N_("FX"), "absent": N_("absent"), "not_admitted": N_("not admitted")}


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
    kind: str  # DEBT_KINDS
    result: str  # the failing result as printed
    examiner_id: int | None
    retake_date: dt.date | None = None
    outcome: grading.Outcome | None = None  # for reports in another language: grading.describe(outcome, tr)


def _debt_kind(mark: str, letter: str) -> str:
    if mark:
        return mark
    return "fx" if letter == "FX" else "fail"


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


def _raw_rows(session: Session, q) -> list[tuple]:
    """Plain tuples from the driver's cursor (no per-row processing: 120,000 rows in tens of ms)."""
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


def _latest_failing(session: Session, year, session_kind, student_ids):
    """Per student and discipline the latest entered result, kept when it fails, and the latest day
    each is listed with nothing entered yet (a retake). One pass over exam_result alone (the sheets'
    disciplines and days come from a small map), then only the failing rows are read in full."""
    r, sh, e = (t.__table__.c for t in (ExamResult, GradeSheet, Exam))
    sheets = {sid: (did, str(day)) for sid, did, day in _raw_rows(session, select(sh.id, e.discipline_id, e.day)
                                                                       .select_from(GradeSheet.__table__.join(
                                                                           Exam.__table__, e.id == sh.exam_id)))}
    q = select(r.student_id, r.sheet_id, r.passed, r.id, (r.mark != "") | (r.grade != ""))
    if student_ids is not None:
        q = q.where(r.student_id.in_([int(i) for i in student_ids]))
    latest: dict[tuple, tuple] = {}
    pending: dict[tuple, str] = {}
    for sid, sheet_id, passed, rid, entered in _raw_rows(session, q):
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
    def count(key):
        n, who = Counter(), defaultdict(set)
        for d in debts:
            n[key(d)] += 1
            who[key(d)].add(d.student_id)
        return sorted(((k, n[k], len(who[k])) for k in n), key=lambda x: (-x[1], x[0]))
    return count(lambda d: d.discipline), count(lambda d: d.group)


def student_results(session: Session, student_id: int) -> list[dict]:
    """Every result of one student (the student card): discipline, session, sheet, result, open debt or not."""
    debts = {(d.discipline_id) for d in open_debts(session, student_ids=[student_id])}
    out = []
    for row in _attempts(session, [student_id]):
        outcome = grading.Outcome(mark=row[4] or "", score=row[8], letter=row[7] or "", gpa=row[13],
                                  grade=row[5] or "", passed=bool(row[6]))
        out.append({"discipline_id": row[1], "day": row[2], "sheet_id": row[3], "session": row[10], "year": row[11],
                    "result": grading.describe(outcome), "passed": outcome.passed, "entered": outcome.entered,
                    "open_debt": row[1] in debts and outcome.entered and not outcome.passed})
    names = dict(session.execute(select(Discipline.id, Discipline.name)).all())
    for r in out:
        r["discipline"] = names.get(r["discipline_id"], "")
    return out


# The session's summary ----------------------------------------------------------------------------------

@dataclass
class SummaryRow:
    label: str  # group name, "course 2", programme code, or the total
    level: str  # "group", "course", "programme", "total"
    course: int = 0
    programme: str = ""
    students: int = 0
    sat: int = 0
    passed: int = 0
    excellent: int = 0  # passed with only top grades
    good: int = 0  # passed with only top and good grades (excellent included)
    with_debts: int = 0

    @property
    def pass_rate(self) -> float:
        return 100.0 * self.passed / self.students if self.students else 0.0

    @property
    def quality_rate(self) -> float:
        return 100.0 * self.good / self.students if self.students else 0.0

    def add(self, other: SummaryRow) -> None:
        for f in ("students", "sat", "passed", "excellent", "good", "with_debts"):
            setattr(self, f, getattr(self, f) + getattr(other, f))


@dataclass
class Summary:
    year: str
    session_kind: str
    groups: list[SummaryRow] = field(default_factory=list)
    courses: list[SummaryRow] = field(default_factory=list)
    programmes: list[SummaryRow] = field(default_factory=list)
    total: SummaryRow = field(default_factory=lambda: SummaryRow("", "total"))


def session_summary(session: Session, session_id: int) -> Summary:
    """Per group, course and programme: listed, sat, passed, passed with top grades only, with debts.

    The session's own sheets (not later retakes) as they stand: a student "sat" with at least one
    result that is not absent or not admitted; "passed" with every listed result entered and passing;
    pass rate = passed / listed, quality rate = passed with only 5 and 4 / listed (pass/fail results
    count as passed, not as grades)."""
    head = session.execute(select(AcademicYear.name, ExamSession.kind).join(AcademicYear)
                           .where(ExamSession.id == session_id)).first()
    if head is None:
        raise DomainError(_("This exam session no longer exists."))
    r, sh, e = ExamResult.__table__.c, GradeSheet.__table__.c, Exam.__table__.c
    q = (select(r.student_id, r.group_id, r.mark, r.grade, r.passed)
         .select_from(ExamResult.__table__.join(GradeSheet.__table__, sh.id == r.sheet_id)
                      .join(Exam.__table__, e.id == sh.exam_id))
         .where(e.session_id == session_id, sh.retake.is_(False)))
    per: dict[tuple[int, int | None], list] = {}
    for sid, gid, mark, grade, passed in session.execute(q):
        st = per.get((sid, gid))
        if st is None:
            st = per[(sid, gid)] = [False, True, True, True, False]  # sat, passed, top, good, debt
        if mark:
            st[1] = st[2] = st[3] = False
            st[4] = True
            continue
        if not grade:
            st[1] = st[2] = st[3] = False
            continue
        st[0] = True
        if not passed:
            st[1] = st[2] = st[3] = False
            st[4] = True
        elif grade not in ("pass", "fail"):
            st[2] = st[2] and grade in grading.TOP_GRADES
            st[3] = st[3] and grade in grading.GOOD_GRADES
    info: dict[int | None, tuple[str, int, str]] = {
        gid: (name, course, code or "") for gid, name, course, code in session.execute(
        select(Group.id, Group.name, Group.course, Programme.code).outerjoin(Programme, Programme.id == Group.programme_id))}
    # The course the students were on during the session (a later promotion moves the group on).
    last_day = session.scalar(select(func.max(Exam.day)).where(Exam.session_id == session_id))
    first_of_group: dict[int | None, int] = {}
    for sid, gid in per:
        first_of_group.setdefault(gid, sid)
    states = states_of(session, list(first_of_group.values()), last_day) if last_day and per else {}
    by_group: dict[int | None, SummaryRow] = {}
    for (sid, gid), (sat, passed, top, good, debt) in per.items():
        name, course, code = info.get(gid, ("—", 0, ""))
        row = by_group.get(gid)
        if row is None:
            state = states.get(sid)
            row = by_group[gid] = SummaryRow(name, "group", (state.course if state and state.course else course), code)
        row.students += 1
        row.sat += sat
        row.passed += passed
        row.excellent += passed and top
        row.good += passed and good
        row.with_debts += debt
    out = Summary(*head)
    out.groups = sorted(by_group.values(), key=lambda x: (x.course, x.programme, name_or(x.label)))
    courses: dict[int, SummaryRow] = {}
    programmes: dict[str, SummaryRow] = {}
    for row in out.groups:
        courses.setdefault(row.course, SummaryRow("", "course", row.course)).add(row)
        programmes.setdefault(row.programme, SummaryRow(row.programme, "programme", 0, row.programme)).add(row)
        out.total.add(row)
    out.courses = [courses[c] for c in sorted(courses)]
    out.programmes = [programmes[p] for p in sorted(programmes)]
    return out


def name_or(label: str):
    from desktop.models.results import name_key

    return name_key(label)


# Retakes drafted from open debts ------------------------------------------------------------------------

def draft_retakes(session: Session, target_session_id: int, day: dt.date, *, year: str | None = None,
                  issued_on: dt.date | None = None, kinds: set[str] | None = None) -> tuple[list[int], list[int]]:
    """One exam per discipline and examiner in the FX/retake session, each with a retake sheet listing
    only its debtors. ``kinds`` limits the debts (the FX session takes only FX). Returns (exam ids,
    sheet ids) for undo (deleting the exams deletes their sheets)."""
    target = session.get(ExamSession, target_session_id)
    if target is None:
        raise DomainError(_("This exam session no longer exists."))
    debts = [d for d in open_debts(session, year=year) if d.retake_date is None and (kinds is None or d.kind in kinds)]
    if not debts:
        raise DomainError(_("There are no open debts to retake."))
    by: dict[tuple[int, int | None], list[Debt]] = defaultdict(list)
    for d in debts:
        by[(d.discipline_id, d.examiner_id)].append(d)
    exam_ids, sheet_ids = [], []
    for (did, examiner), items in sorted(by.items(), key=lambda kv: (kv[1][0].discipline, kv[0][1] or 0)):
        exam = Exam(session_id=target_session_id, discipline_id=did, examiner_id=examiner, day=day)
        session.add(exam)
        session.flush()
        gids = sorted({d.group_id for d in items if d.group_id})
        if gids:
            session.execute(exam_group.insert(), [{"exam_id": exam.id, "group_id": g} for g in gids])
        exam_ids.append(exam.id)
        pairs = list(dict.fromkeys((d.student_id, d.group_id) for d in items))
        sheet_ids.append(issue_sheet(session, exam.id, issued_on or day, student_ids=pairs, retake=True))
    return exam_ids, sheet_ids


def undo_retakes(session: Session, exam_ids: list[int]) -> None:
    for eid in exam_ids:
        row = session.get(Exam, eid)
        if row is not None:
            session.delete(row)
    session.flush()


def fx_session_kinds(session_kind: str) -> set[str] | None:
    """The FX session retakes only FX results (seed 004); other retake sittings take every debt."""
    return {"fx"} if session_kind == SessionKind.FX.value else None


# Promotion that holds debtors back -------------------------------------------------------------------

@dataclass
class PromotionPlan:
    promoted: list[int]
    kept_back: list[tuple[int, str, str, list[Debt]]]  # (student id, name, group, debts)
    group_ids: list[int]
    max_debts: int


def promotion_plan(session: Session, group_ids: list[int], max_debts: int | None = None) -> PromotionPlan:
    """Who of the groups' studying students goes up a course and who stays back (more open debts than
    the faculty allows)."""
    if max_debts is None:
        max_debts = int(settings.get(session, "results.max_debts"))
    students = session.execute(select(Student.id, Student.last_name, Student.first_name, Student.patronymic,
                                      Group.name)
                               .join(Group, Group.id == Student.group_id)
                               .where(Student.group_id.in_(group_ids),
                                      Student.status == StudentStatus.STUDYING.value)).all()
    ids = [s.id for s in students]
    debts: dict[int, list[Debt]] = defaultdict(list)
    for d in open_debts(session, student_ids=ids) if ids else []:
        debts[d.student_id].append(d)
    promoted, kept = [], []
    for s in sorted(students, key=lambda x: (x[4], student_sort_key(x[1], x[2], x[3]))):
        if len(debts[s.id]) > max_debts:
            kept.append((s.id, " ".join(p for p in (s[1], s[2], s[3]) if p), s[4], debts[s.id]))
        else:
            promoted.append(s.id)
    return PromotionPlan(promoted, kept, list(group_ids), max_debts)


def promote(session: Session, plan: PromotionPlan, order: Order) -> tuple[list[int], list[int]]:
    """One order: every group's course goes up and the students of ``plan.promoted`` move with it;
    the kept-back stay on their course (their repeat-year or expulsion order comes from the same
    list). Returns (movement ids, group ids) for :func:`movements.undo_promotion`."""
    groups = list(session.scalars(select(Group).where(Group.id.in_(plan.group_ids))))
    too_high = [g.name for g in groups if g.course >= 6]
    if too_high:
        raise DomainError(_("Groups already in the 6th course cannot be promoted: {groups}.").format(
            groups=", ".join(too_high)))
    for g in groups:
        g.course += 1
    session.flush()
    movement_ids = apply_movement(session, plan.promoted, MovementKind.PROMOTION, order) if plan.promoted else []
    return movement_ids, [g.id for g in groups]


def kept_back_order(session: Session, plan: PromotionPlan, kind: str, order: Order, *,
                    group_id: int | None = None, reason: str = "") -> list[int]:
    """The repeat-year or expulsion order of the kept-back students (their debts are the ground)."""
    kind = MovementKind(kind)
    if kind not in (MovementKind.REPEAT_YEAR, MovementKind.EXPULSION):
        raise DomainError(_("Kept-back students get a repeat-year or an expulsion order."))
    ids = [k[0] for k in plan.kept_back]
    if not reason:
        reason = _("Academic debts beyond the allowed number ({n})").format(n=plan.max_debts)
    return apply_movement(session, ids, kind, order, group_id=group_id, reason=reason)


def set_grading(session: Session, scale: str, kg_thresholds, max_debts: int) -> tuple:
    """The faculty's scale ("" = its country's), the Kyrgyz thresholds and the debts allowed at promotion,
    checked first; returns the old values (undo). Sheets already issued keep the scale they were issued with."""
    grading.kg_scale(kg_thresholds)
    if int(max_debts) < 0:
        raise DomainError(_("The number of debts allowed cannot be negative."))
    old = (settings.get(session, "grading.scale"), settings.get(session, "grading.kg_thresholds"),
           settings.get(session, "results.max_debts"))
    settings.put(session, "grading.scale", scale)
    settings.put(session, "grading.kg_thresholds", [int(t) for t in kg_thresholds])
    settings.put(session, "results.max_debts", int(max_debts))
    session.flush()
    return old


# Operations (undoable, models/operations.py) ------------------------------------------------------
def promote_op(session: Session, group_ids: list[int], order: Order):
    """Promote the groups (students with too many open debts stay back); undo takes the order back
    and the groups down a course, redo plans and promotes again."""
    from desktop.models.movements import undo_promotion

    made, groups = promote(session, promotion_plan(session, group_ids), order)
    changes = Change.STUDENTS | Change.GROUPS
    return Outcome((made, groups), undo_by(bind(undo_promotion, made, groups), bind(promote_op, group_ids, order),
                                           changes), changes)
