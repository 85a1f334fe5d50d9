"""The session's summary: per group, course and programme, who was listed, sat, passed, passed
with top grades only, and who has debts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models import grading
from desktop.models.base import DomainError
from desktop.models.contingent import Group
from desktop.models.exams import Exam, ExamSession
from desktop.models.movements import states_of
from desktop.models.org import AcademicYear, Programme
from desktop.models.results import ExamResult, GradeSheet


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
            select(Group.id, Group.name, Group.course, Programme.code)
            .outerjoin(Programme, Programme.id == Group.programme_id))}
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
