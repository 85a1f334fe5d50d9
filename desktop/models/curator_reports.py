"""Operations on curator reports (one transaction each, undoable from the views), the
dean's office's submission matrix and the faculty summary."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import dates
from desktop.i18n import _
from desktop.models import settings
from desktop.models.base import DomainError
from desktop.models.curators import (
    PARTS,
    AssignmentRow,
    CellState,
    CuratorActivity,
    CuratorReport,
    ParentContact,
    ReportLine,
    ReportStatus,
    StudentAtRisk,
    assignments,
    cell_state,
    due_date,
    year_months,
)
from desktop.models.records import _UNSET, snapshot
from desktop.models.workdays import work_calendar


def _report(session: Session, report_id: int) -> CuratorReport:
    report = session.get(CuratorReport, report_id)
    if report is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    return report


def find_report(session: Session, assignment_id: int, year: int, month: int) -> int | None:
    return session.scalar(select(CuratorReport.id).where(
        CuratorReport.assignment_id == assignment_id, CuratorReport.year == year, CuratorReport.month == month))


def open_report(session: Session, assignment_id: int, year: int, month: int, report_id: int | None = None) -> int:
    """The report of an assignment and month, started as a draft when there is none yet."""
    existing = find_report(session, assignment_id, year, month)
    if existing:
        return existing
    report = CuratorReport(id=report_id, assignment_id=assignment_id, year=year, month=month,
                           status=ReportStatus.DRAFT.value)
    session.add(report)
    session.flush()
    return report.id


def delete_report(session: Session, report_id: int) -> None:
    session.delete(_report(session, report_id))
    session.flush()


# Lines of the parts -------------------------------------------------------------------

def part_rows(session: Session, report_id: int, part: str) -> list[dict[str, Any]]:
    """The lines of one part, each its columns by name (the form's editable tables show them)."""
    entity = PARTS[part]
    order = getattr(entity, "day", entity.id)
    return [snapshot(r) for r in session.scalars(select(entity).where(entity.report_id == report_id)
                                                 .order_by(order, entity.id))]


def add_line(session: Session, report_id: int, part: str, values: dict[str, Any] | None = None) -> int:
    report = _report(session, report_id)
    _editable(report)
    line = PARTS[part](report_id=report_id, **(values or {}))
    session.add(line)
    session.flush()
    return line.id


def _editable(report: CuratorReport) -> None:
    if not ReportStatus(report.status).editable:
        raise DomainError(_("The report was accepted by the dean's office and can no longer be changed."))


def copy_last_month_plan(session: Session, report_id: int) -> list[tuple[str, int]]:
    """Start a report from the previous month's report of the same group: its activities (dates
    moved one month on, nobody present yet) and its students at risk (result to be written).
    Returns the (part, id) of the lines made, for undo."""
    report = _report(session, report_id)
    _editable(report)
    py, pm = (report.year - 1, 12) if report.month == 1 else (report.year, report.month - 1)
    group_id = report.assignment.group_id
    from desktop.models.contingent import CuratorAssignment

    previous = session.scalar(select(CuratorReport).join(CuratorAssignment).where(
        CuratorAssignment.group_id == group_id, CuratorReport.year == py, CuratorReport.month == pm))
    if previous is None:
        raise DomainError(_("There is no report of the previous month for this group to copy."))
    made: list[tuple[str, int]] = []
    for a in session.scalars(select(CuratorActivity).where(CuratorActivity.report_id == previous.id)):
        day = None
        if a.day is not None:
            day = dt.date(report.year, report.month, min(a.day.day, dates.month_end(report.year, report.month).day))
        made.append(("activities", add_line(session, report_id, "activities",
                                             {"day": day, "kind": a.kind, "topic": a.topic, "present": 0})))
    for r in session.scalars(select(StudentAtRisk).where(StudentAtRisk.report_id == previous.id)):
        made.append(("risks", add_line(session, report_id, "risks", {
            "student_id": r.student_id, "student_name": r.student_name, "reason": r.reason,
            "action": r.action, "result": ""})))
    return made


def delete_lines(session: Session, lines: list[tuple[str, int]]) -> None:
    for part, line_id in lines:
        line = session.get(PARTS[part], line_id)
        if line is not None:
            session.delete(line)
    session.flush()


# Status -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StatusValues:
    """A report's status with its dates and comment (what a status change replaces, put back by undo)."""

    status: str  # ReportStatus value
    submitted_on: dt.date | None
    accepted_by_id: int | None
    accepted_on: dt.date | None
    return_comment: str


def status_snapshot(session: Session, report_id: int) -> StatusValues:
    r = _report(session, report_id)
    return StatusValues(r.status, r.submitted_on, r.accepted_by_id, r.accepted_on, r.return_comment)


def restore_status(session: Session, report_id: int, data: StatusValues) -> None:
    r = _report(session, report_id)
    r.status, r.submitted_on, r.accepted_by_id = data.status, data.submitted_on, data.accepted_by_id
    r.accepted_on, r.return_comment = data.accepted_on, data.return_comment
    session.flush()


def submit(session: Session, report_id: int, on: dt.date) -> None:
    r = _report(session, report_id)
    if not ReportStatus(r.status).can_submit:
        raise DomainError(_("Only a draft or a returned report can be submitted."))
    r.status, r.submitted_on = ReportStatus.SUBMITTED.value, on
    session.flush()


def accept(session: Session, report_id: int, staff_id: int | None, on: dt.date) -> None:
    r = _report(session, report_id)
    if not ReportStatus(r.status).can_review:
        raise DomainError(_("Only a submitted report can be accepted."))
    r.status, r.accepted_by_id, r.accepted_on = ReportStatus.ACCEPTED.value, staff_id, on
    session.flush()


def return_report(session: Session, report_id: int, comment: str) -> None:
    r = _report(session, report_id)
    if not ReportStatus(r.status).can_review:
        raise DomainError(_("Only a submitted report can be returned."))
    if not comment.strip():
        raise DomainError(_("Write why the report is returned."))
    r.status, r.return_comment = ReportStatus.RETURNED.value, comment.strip()
    session.flush()


# The matrix ---------------------------------------------------------------------------

@dataclass
class MatrixRow:
    assignment: AssignmentRow
    cells: list[tuple[CellState | None, int | None]]  # per month: state (None: not owed), report id


@dataclass
class Matrix:
    year_name: str
    months: list[tuple[int, int]]
    dues: list[dt.date]
    rows: list[MatrixRow]
    as_of: dt.date
    counts: Counter = field(default_factory=Counter)  # CellState -> number of cells
    month_counts: list[Counter] = field(default_factory=list)


def build_matrix(session: Session, year_name: str, as_of: dt.date, group_id: int | None = None) -> Matrix:
    """Curators (one row per assignment) by report months, each cell a :class:`CellState`."""
    cal = work_calendar(session)
    due_day = settings.get(session, "curator_report_due_day")
    months = year_months(year_name)
    dues = [due_date(y, m, due_day, cal) for y, m in months]
    rows = assignments(session, year_name, group_id)
    ids = [a.id for a in rows]
    reports: dict[tuple[int, int, int], tuple] = {}
    if ids:
        for rid, aid, y, m, status, submitted, accepted in session.execute(
                select(CuratorReport.id, CuratorReport.assignment_id, CuratorReport.year, CuratorReport.month,
                       CuratorReport.status, CuratorReport.submitted_on, CuratorReport.accepted_on)
                .where(CuratorReport.assignment_id.in_(ids))):
            reports[(aid, y, m)] = (rid, status, submitted, accepted)
    matrix = Matrix(year_name, months, dues, [], as_of, Counter(), [Counter() for _ in months])
    for a in rows:
        cells: list[tuple[CellState | None, int | None]] = []
        for i, (y, m) in enumerate(months):
            if not a.owes(y, m):
                cells.append((None, None))
                continue
            rid, status, submitted, accepted = reports.get((a.id, y, m), (None, None, None, None))
            state = cell_state(status, submitted, dues[i], as_of, accepted)
            cells.append((state, rid))
            matrix.counts[state] += 1
            matrix.month_counts[i][state] += 1
        matrix.rows.append(MatrixRow(a, cells))
    return matrix


# The faculty summary ------------------------------------------------------------------

@dataclass
class Summary:
    reports: int = 0  # reports handed in (submitted, accepted or returned)
    activities: Counter = field(default_factory=Counter)  # kind -> number held
    present: Counter = field(default_factory=Counter)  # kind -> students present in all
    risks: Counter = field(default_factory=Counter)  # reason -> students
    actions: Counter = field(default_factory=Counter)  # action -> students
    parent_contacts: int = 0
    parents_students: int = 0  # distinct students whose parents were contacted


def _handed_in(session: Session, year_name: str, month: tuple[int, int] | None, as_of: dt.date | None = None):
    from desktop.models.contingent import CuratorAssignment
    from desktop.models.org import AcademicYear

    q = (select(CuratorReport.id).join(CuratorAssignment).join(AcademicYear)
         .where(AcademicYear.name == year_name, CuratorReport.status != ReportStatus.DRAFT.value))
    if month is not None:
        q = q.where(CuratorReport.year == month[0], CuratorReport.month == month[1])
    if as_of is not None:  # what had been handed in on that day
        q = q.where(CuratorReport.submitted_on.is_not(None), CuratorReport.submitted_on <= as_of)
    return q


def summary(session: Session, year_name: str, month: tuple[int, int] | None = None,
            as_of: dt.date | None = None) -> Summary:
    """What the curators' reports handed in (not drafts) say, for the year or one month; with
    ``as_of``, only the reports handed in by that day."""
    ids = _handed_in(session, year_name, month, as_of).scalar_subquery()
    out = Summary()
    out.reports = session.scalar(select(func.count()).select_from(
        _handed_in(session, year_name, month, as_of).subquery())) or 0
    for kind, n, present in session.execute(
            select(CuratorActivity.kind, func.count(), func.coalesce(func.sum(CuratorActivity.present), 0))
            .where(CuratorActivity.report_id.in_(ids)).group_by(CuratorActivity.kind)):
        out.activities[kind], out.present[kind] = n, present
    for reason, action, n in session.execute(
            select(StudentAtRisk.reason, StudentAtRisk.action, func.count())
            .where(StudentAtRisk.report_id.in_(ids)).group_by(StudentAtRisk.reason, StudentAtRisk.action)):
        out.risks[reason] += n
        out.actions[action] += n
    out.parent_contacts = session.scalar(select(func.count()).where(ParentContact.report_id.in_(ids))) or 0
    out.parents_students = session.scalar(
        select(func.count(func.distinct(ParentContact.student_name))).where(ParentContact.report_id.in_(ids))) or 0
    return out


def report_ids_of_month(session: Session, year_name: str, year: int, month: int) -> list[int]:
    """Reports of a month (drafts too) in the matrix's order, for printing them one after another."""
    order = {a.id: i for i, a in enumerate(assignments(session, year_name))}
    rows = session.execute(select(CuratorReport.id, CuratorReport.assignment_id).where(
        CuratorReport.year == year, CuratorReport.month == month, CuratorReport.assignment_id.in_(order)))
    return [rid for rid, aid in sorted(rows, key=lambda r: order[r[1]])]


@dataclass
class ReportDocument:
    """Everything a printed report shows, read in one go."""

    id: int
    group: str
    curator: str
    year: int
    month: int
    status: str
    submitted_on: dt.date | None
    accepted_by: str
    accepted_on: dt.date | None
    return_comment: str
    remarks: str
    due: dt.date
    parts: dict[str, list[dict[str, Any]]]  # each part's lines, their columns by name


def report_document(session: Session, report_id: int) -> ReportDocument:
    _report(session, report_id)
    return report_documents(session, [report_id])[0]


def report_documents(session: Session, report_ids: list[int]) -> list[ReportDocument]:
    """Reports for printing, in the given order; parts read with one query each for all reports."""
    from sqlalchemy.orm import selectinload

    from desktop.models.contingent import CuratorAssignment

    cal = work_calendar(session)
    due_day = settings.get(session, "curator_report_due_day")
    reports = {r.id: r for r in session.scalars(
        select(CuratorReport).where(CuratorReport.id.in_(report_ids)).options(
            selectinload(CuratorReport.assignment).selectinload(CuratorAssignment.group),
            selectinload(CuratorReport.assignment).selectinload(CuratorAssignment.staff),
            selectinload(CuratorReport.accepted_by)))}
    lines: dict[int, dict[str, list[dict[str, Any]]]] = {rid: {part: [] for part in PARTS} for rid in reports}
    for part, entity in PARTS.items():
        order = getattr(entity, "day", entity.id)
        for line in session.scalars(select(entity).where(entity.report_id.in_(list(reports)))
                                    .order_by(entity.report_id, order, entity.id)):
            snap = snapshot(line)
            lines[snap["report_id"]][part].append(snap)
    out = []
    for rid in report_ids:
        r = reports[rid]
        out.append(ReportDocument(
            id=r.id, group=r.assignment.group.name, curator=r.assignment.staff.full_name, year=r.year,
            month=r.month, status=r.status, submitted_on=r.submitted_on,
            accepted_by=r.accepted_by.short_name if r.accepted_by else "", accepted_on=r.accepted_on,
            return_comment=r.return_comment, remarks=r.remarks, due=due_date(r.year, r.month, due_day, cal),
            parts=lines[rid]))
    return out


@dataclass(frozen=True, slots=True)
class HistoryMonth:
    """One report month of a group (its history under the matrix)."""

    id: int  # the report's, 0 when none was started
    year_name: str
    year: int
    month: int
    curator: str
    due: dt.date
    state: str  # CellState value
    submitted_on: dt.date | None
    comment: str


def group_history(session: Session, group_id: int, as_of: dt.date) -> list[HistoryMonth]:
    """Every report month of a group across years and curators, newest first: who was in
    charge, the due date, the report's status and the matrix state."""
    from desktop.models.contingent import CuratorAssignment
    from desktop.models.org import AcademicYear

    years = session.scalars(select(AcademicYear.name).join(CuratorAssignment)
                            .where(CuratorAssignment.group_id == group_id).distinct())
    out = []
    for year_name in sorted(years):
        m = build_matrix(session, year_name, as_of, group_id)
        for row in m.rows:
            for (y, mo), due, (state, rid) in zip(m.months, m.dues, row.cells, strict=True):
                if state is None:
                    continue
                status = session.get(CuratorReport, rid) if rid else None
                out.append(HistoryMonth(rid or 0, year_name, y, mo, row.assignment.curator, due, state.value,
                                        status.submitted_on if status else None,
                                        status.return_comment if status else ""))
    out.sort(key=lambda r: (r.year, r.month), reverse=True)
    return out


def set_line_field(session: Session, part: str, line_id: int, key: str, value, validators=None, *,
                   expected=_UNSET):
    """Change one cell of a report's part; an accepted report stays as the dean's office accepted it.
    ``expected``: the value the user saw (another office's change meanwhile: StaleDataError)."""
    from desktop.models.records import set_field

    line = cast("ReportLine | None", session.get(PARTS[part], line_id))  # one of PARTS, not any Base
    if line is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    _editable(_report(session, line.report_id))
    return set_field(session, PARTS[part], line_id, key, value, validators, expected=expected)
