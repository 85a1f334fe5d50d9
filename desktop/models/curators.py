"""Curators and their monthly reports (seed 000, section IV), and the dean's office's matrix.

A group's curator is a ``CuratorAssignment`` (contingent.py) with dates: a change in mid-year
closes the old assignment the day before the new one starts, so history stays. The report of a
month is owed by the curator in charge on the month's last day, and is due on a day of the next
month (setting ``curator_report_due_day``), moved to the next working day by the working-day
engine when it falls on a weekend or holiday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from desktop import colours, dates
from desktop.i18n import N_, NC_, LabelledEnum, _
from desktop.models import settings
from desktop.models.base import Base, DomainError
from desktop.models.check import rule
from desktop.models.contingent import CuratorAssignment, Group
from desktop.models.org import AcademicYear, Staff, parse_year_name

DUE_DAY = settings.declare("curator_report_due_day", 5, tuple(range(1, 29)))

# The months of an academic year a curator reports on (September to June).
REPORT_MONTHS = (9, 10, 11, 12, 1, 2, 3, 4, 5, 6)


class ReportStatus(LabelledEnum):
    DRAFT = "draft", N_("Draft")
    SUBMITTED = "submitted", N_("Submitted")
    ACCEPTED = "accepted", N_("Accepted")
    RETURNED = "returned", N_("Returned")

    # The report's life, in one place: the model refuses what these deny and the form enables by them.
    @property
    def editable(self) -> bool:
        """Its parts and remarks may change (until the dean's office accepts it)."""
        return self is not ReportStatus.ACCEPTED

    @property
    def can_submit(self) -> bool:
        return self in (ReportStatus.DRAFT, ReportStatus.RETURNED)

    @property
    def can_review(self) -> bool:
        """The dean's office may accept it or return it."""
        return self is ReportStatus.SUBMITTED


class CellState(LabelledEnum):
    """What the dean's office sees in a cell of the matrix."""

    ACCEPTED = "accepted", N_("Accepted")
    ON_TIME = "on_time", N_("On time")
    LATE = "late", N_("Late")
    RETURNED = "returned", N_("Returned")
    MISSING = "missing", N_("Missing")
    NOT_DUE = "not_due", N_("Not due yet")  # the due day has not come yet


# Each state's colour role (desktop/colours.py): the window's matrix, its legend, the PDF and the
# Excel workbook all colour a state alike, and always beside its word.
CELL_STATE_ROLES = {
    CellState.ACCEPTED: "ok", CellState.ON_TIME: "info", CellState.LATE: "warn",
    CellState.RETURNED: "special", CellState.MISSING: "danger", CellState.NOT_DUE: "neutral",
}
CELL_STATE_COLOURS = {state: colours.role(r).fill for state, r in CELL_STATE_ROLES.items()}
CELL_STATE_TEXT = {state: colours.role(r).text for state, r in CELL_STATE_ROLES.items()}


class ActivityKind(LabelledEnum):
    CURATOR_HOUR = "curator_hour", N_("Curator hour")
    PARENTS_MEETING = "parents_meeting", N_("Meeting with parents")
    EVENT = "event", NC_("curator activity kind", "Event")
    DORMITORY_VISIT = "dormitory_visit", N_("Visit to the dormitory")


class RiskReason(LabelledEnum):
    ABSENCES = "absences", N_("Absences")
    DEBTS = "debts", N_("Academic debts")
    CONDUCT = "conduct", N_("Conduct")


class RiskAction(LabelledEnum):
    TALK = "talk", N_("Talk")
    LETTER = "letter", N_("Letter to parents")
    REFERRAL = "referral", N_("Referral to the dean's office")


class ContactWay(LabelledEnum):
    MEETING = "meeting", N_("Meeting")
    PHONE = "phone", N_("Phone call")
    LETTER = "letter", N_("Letter")


class AchievementKind(LabelledEnum):
    OLYMPIAD = "olympiad", N_("Olympiad")
    COMPETITION = "competition", N_("Competition")
    SPORT = "sport", N_("Sport")


class CuratorReport(Base):
    __tablename__ = "curator_report"
    __table_args__ = (UniqueConstraint("assignment_id", "year", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("curator_assignment.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)  # calendar year of the month reported on
    month: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=ReportStatus.DRAFT.value)
    submitted_on: Mapped[dt.date | None] = mapped_column(Date)
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    return_comment: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")

    assignment: Mapped[CuratorAssignment] = relationship()
    accepted_by: Mapped[Staff | None] = relationship()


class ReportLineColumns:
    """What every line of a report's part has: its id and its report (the part's entity adds its own)."""

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-2)
    report_id: Mapped[int] = mapped_column(ForeignKey("curator_report.id", ondelete="CASCADE"), index=True,
                                           sort_order=-1)


class CuratorActivity(ReportLineColumns, Base):
    __tablename__ = "curator_activity"

    day: Mapped[dt.date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default=ActivityKind.CURATOR_HOUR.value)
    topic: Mapped[str] = mapped_column(String(500), default="")
    present: Mapped[int] = mapped_column(Integer, default=0)  # students present


class StudentAtRisk(ReportLineColumns, Base):
    __tablename__ = "student_at_risk"

    student_id: Mapped[int | None] = mapped_column(ForeignKey("student.id", ondelete="SET NULL"))
    # The name as written in the report: stays readable when the student leaves the list.
    student_name: Mapped[str] = mapped_column(String(300), default="")
    reason: Mapped[str] = mapped_column(String(20), default=RiskReason.ABSENCES.value)
    action: Mapped[str] = mapped_column(String(20), default=RiskAction.TALK.value)
    result: Mapped[str] = mapped_column(String(500), default="")


class ParentContact(ReportLineColumns, Base):
    __tablename__ = "parent_contact"

    day: Mapped[dt.date | None] = mapped_column(Date)
    student_name: Mapped[str] = mapped_column(String(300), default="")
    way: Mapped[str] = mapped_column(String(20), default=ContactWay.PHONE.value)
    subject: Mapped[str] = mapped_column(String(500), default="")


class StudentAchievement(ReportLineColumns, Base):
    __tablename__ = "student_achievement"

    student_name: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(20), default=AchievementKind.OLYMPIAD.value)
    title: Mapped[str] = mapped_column(String(500), default="")
    result: Mapped[str] = mapped_column(String(300), default="")


class ReportPart(LabelledEnum):
    """The parts of a report, in the order of the form (the keys of PARTS)."""

    ACTIVITIES = "activities", N_("Activities held")
    RISKS = "risks", N_("Students at risk")
    CONTACTS = "contacts", N_("Contacts with parents")
    ACHIEVEMENTS = "achievements", N_("Achievements")


# The parts of a report, in the order of the form.
ReportLine = CuratorActivity | StudentAtRisk | ParentContact | StudentAchievement
PARTS: dict[str, type[ReportLine]] = {
    ReportPart.ACTIVITIES: CuratorActivity, ReportPart.RISKS: StudentAtRisk, ReportPart.CONTACTS: ParentContact,
    ReportPart.ACHIEVEMENTS: StudentAchievement}


# Months and due dates -----------------------------------------------------------------

def year_months(year_name: str) -> list[tuple[int, int]]:
    """(calendar year, month) of the report months of an academic year, September first."""
    first, second = parse_year_name(year_name)
    return [(first if m >= 9 else second, m) for m in REPORT_MONTHS]


def due_date(year: int, month: int, due_day: int, cal) -> dt.date:
    """The due date of a month's report: ``due_day`` of the next month, or the next working day."""
    ny, nm = (year + 1, 1) if month == 12 else (year, month + 1)
    day = min(due_day, dates.month_end(ny, nm).day)
    return cal.next_working_day(dt.date(ny, nm, day))


def cell_state(status: str | None, submitted_on: dt.date | None, due: dt.date, as_of: dt.date,
               accepted_on: dt.date | None = None) -> CellState:
    """The matrix state of one report on ``as_of`` (``status`` None: no report was started).

    What happened after ``as_of`` has not happened yet on that day: a report submitted later
    counts as not submitted, one accepted later as only submitted."""
    handed_in = submitted_on is not None and submitted_on <= as_of
    if status in (ReportStatus.ACCEPTED, ReportStatus.RETURNED, ReportStatus.SUBMITTED) and submitted_on is None:
        handed_in = True  # handed in on a day nobody recorded: trust the status
    if status == ReportStatus.ACCEPTED and handed_in and (accepted_on is None or accepted_on <= as_of):
        return CellState.ACCEPTED
    if status == ReportStatus.RETURNED and handed_in:
        return CellState.RETURNED
    if status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED) and handed_in and submitted_on is not None:
        return CellState.ON_TIME if submitted_on <= due else CellState.LATE
    return CellState.MISSING if as_of > due else CellState.NOT_DUE


# Assignments --------------------------------------------------------------------------

def curator_of(session: Session, group_id: int, on_date: dt.date) -> Staff | None:
    """The curator in charge of a group on a day (None when nobody is assigned)."""
    a = _assignment_on(session, group_id, on_date)
    return a.staff if a else None


def _assignment_on(session: Session, group_id: int, on_date: dt.date) -> CuratorAssignment | None:
    return session.scalar(
        select(CuratorAssignment).where(
            CuratorAssignment.group_id == group_id, CuratorAssignment.start_date <= on_date,
            (CuratorAssignment.end_date.is_(None)) | (CuratorAssignment.end_date >= on_date))
        .order_by(CuratorAssignment.start_date.desc()).limit(1))


def assign_curator(session: Session, group_id: int, staff_id: int, start: dt.date) -> int:
    """Make ``staff_id`` the group's curator from ``start``; the assignment in charge until then
    ends the day before, so its months stay with the old curator."""
    from desktop.models.org import academic_year_of, get_or_create_year

    year = get_or_create_year(session, academic_year_of(start))
    if not (year.start_date <= start <= year.end_date):  # pragma: no cover - academic_year_of guarantees it
        raise DomainError(_("The start date is outside the academic year."))
    current = _assignment_on(session, group_id, start)
    if current is not None:
        if current.start_date == start:
            raise DomainError(_("The group already has a curator from {date}.").format(date=dates.table(start)))
        if current.staff_id == staff_id:
            raise DomainError(_("This staff member is already the group's curator."))
        current.end_date = start - dt.timedelta(days=1)
    later = session.scalar(select(CuratorAssignment.start_date).where(
        CuratorAssignment.group_id == group_id, CuratorAssignment.start_date > start)
        .order_by(CuratorAssignment.start_date).limit(1))
    a = CuratorAssignment(group_id=group_id, staff_id=staff_id, academic_year_id=year.id, start_date=start,
                          end_date=later - dt.timedelta(days=1) if later else None)
    session.add(a)
    session.flush()
    return a.id


def unassign_curator(session: Session, assignment_id: int, previous_end: dt.date | None) -> None:
    """Undo of :func:`assign_curator`: drop the assignment and give the previous one its old end back."""
    a = session.get(CuratorAssignment, assignment_id)
    if a is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    before = session.scalar(select(CuratorAssignment).where(
        CuratorAssignment.group_id == a.group_id, CuratorAssignment.start_date < a.start_date)
        .order_by(CuratorAssignment.start_date.desc()).limit(1))
    if before is not None:
        before.end_date = previous_end
    session.delete(a)
    session.flush()


@dataclass(frozen=True)
class AssignmentRow:
    id: int
    group_id: int
    group: str
    staff_id: int
    curator: str
    start: dt.date
    end: dt.date | None

    def owes(self, year: int, month: int) -> bool:
        """Whether this assignment owes the month's report: it is in charge on the month's last day."""
        last = dates.month_end(year, month)
        return self.start <= last and (self.end is None or self.end >= last)

    @property
    def label(self) -> str:
        return f"{self.curator} — {self.group}"


def assignments(session: Session, year_name: str, group_id: int | None = None) -> list[AssignmentRow]:
    q = (select(CuratorAssignment.id, Group.id, Group.name, Staff.id, Staff.short_name,
                CuratorAssignment.start_date, CuratorAssignment.end_date)
         .join(Group, Group.id == CuratorAssignment.group_id).join(Staff, Staff.id == CuratorAssignment.staff_id)
         .join(AcademicYear, AcademicYear.id == CuratorAssignment.academic_year_id)
         .where(AcademicYear.name == year_name).order_by(Staff.short_name, Group.name, CuratorAssignment.start_date))
    if group_id is not None:
        q = q.where(CuratorAssignment.group_id == group_id)
    return [AssignmentRow(*r) for r in session.execute(q)]


def end_of_assignment_on(session: Session, group_id: int, day: dt.date) -> dt.date | None:
    """The end date of the assignment in charge on ``day`` (what undoing a change gives back)."""
    a = _assignment_on(session, group_id, day)
    return a.end_date if a else None


@rule
def _overlapping_curators(session: Session) -> list[str]:
    """Two curators in charge of one group on the same day break "who owes the report"."""
    from sqlalchemy.orm import aliased

    a, b = aliased(CuratorAssignment), aliased(CuratorAssignment)
    far = dt.date(9999, 12, 31)
    rows = session.execute(
        select(Group.name, a.start_date, b.start_date).join(Group, Group.id == a.group_id)
        .join(b, (b.group_id == a.group_id) & (b.id > a.id))
        .where(a.start_date <= func.coalesce(b.end_date, far), b.start_date <= func.coalesce(a.end_date, far)))
    return [f"group {g}: curator assignments from {x} and from {y} overlap" for g, x, y in rows]
