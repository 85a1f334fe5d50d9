"""Exam sessions: the session of a year, rooms, disciplines, and the exams of a schedule.

A session (winter, summer, FX retake, state attestation) belongs to an academic year; its first
and last day come from the academic calendar when it has the period, else sensible defaults,
and stay editable. Its ``country`` decides whose days off an exam must avoid (the calendar's
country when a calendar exists, else the faculty setting).

Disciplines to sit are linked to groups **per session** (``SessionDiscipline``: group,
discipline, the usual examiner and form): that is what the draft generator schedules. It is
the simplest link that matches how offices work (the list of exams of a session per group comes
from the study plan each term); a full study-plan model is another issue's job.

An exam is one sitting: one discipline, one or several groups sitting together (``exam_group``),
examiner and assistant, date, start time (minutes from midnight, so the conflict check compares
integers), duration, room, form, and an optional consultation before it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from desktop import dates
from desktop.i18n import N_, LabelledEnum, _
from desktop.models import settings
from desktop.models.base import Base, DomainError
from desktop.models.org import AcademicYear, get_or_create_year


class SessionKind(LabelledEnum):
    WINTER = "winter", N_("Winter session")
    SUMMER = "summer", N_("Summer session")
    FX = "fx", N_("FX retake")
    STATE = "state", N_("State attestation")


# The academic calendar's named period for each kind (first match wins).
CALENDAR_PERIODS = {
    SessionKind.WINTER: ("winter_session",),
    SessionKind.SUMMER: ("summer_session",),
    SessionKind.FX: ("winter_fx_retake", "fx_retake"),
    SessionKind.STATE: ("final_attestation",),
}


def default_dates(kind: SessionKind, first_year: int) -> tuple[dt.date, dt.date]:
    """Dates used when the year has no calendar (the office edits them)."""
    y1, y2 = first_year, first_year + 1
    return {
        SessionKind.WINTER: (dt.date(y1, 12, 22), dt.date(y2, 1, 17)),
        SessionKind.SUMMER: (dt.date(y2, 5, 25), dt.date(y2, 6, 20)),
        SessionKind.FX: (dt.date(y2, 1, 19), dt.date(y2, 1, 31)),
        SessionKind.STATE: (dt.date(y2, 5, 25), dt.date(y2, 6, 25)),
    }[kind]


class ExamForm(LabelledEnum):
    WRITTEN = "written", N_("Written")
    ORAL = "oral", N_("Oral")
    TEST = "test", N_("Test")
    PROJECT = "project", N_("Project defence")
    ONLINE = "online", N_("Online")


# Settings shared by the office: minimum rest and the severity of each conflict kind.
MIN_REST = settings.declare("exams.min_rest_days", 2)


class Severity(LabelledEnum):
    """How much a conflict weighs (the setting ``exams.severity.<kind>`` chooses)."""

    WARNING = "warning", N_("warning")
    ERROR = "error", N_("error")


SEVERITIES = tuple(severity.value for severity in Severity)
CONFLICT_KINDS = ("two_a_day", "rest", "examiner_busy", "room_busy", "room_small", "day_off", "outside",
                  "consultation_late", "consultation_day_off", "consultation_room_busy")
DEFAULT_SEVERITY = {"two_a_day": "error", "rest": "warning", "examiner_busy": "error", "room_busy": "error",
                    "room_small": "warning", "day_off": "error", "outside": "error",
                    "consultation_late": "warning", "consultation_day_off": "warning",
                    "consultation_room_busy": "error"}
# How long a consultation holds its room (the schedule stores only its start).
CONSULTATION_MINUTES = settings.declare("exams.consultation_minutes", 90)
for _kind in CONFLICT_KINDS:
    settings.declare(f"exams.severity.{_kind}", DEFAULT_SEVERITY[_kind], SEVERITIES)


class ExamSession(Base):
    __tablename__ = "exam_session"
    __table_args__ = (UniqueConstraint("academic_year_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    academic_year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    country: Mapped[str] = mapped_column(String(2), default="KG")

    academic_year: Mapped[AcademicYear] = relationship()


class Room(Base):
    __tablename__ = "room"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    capacity: Mapped[int] = mapped_column(default=30)
    building: Mapped[str] = mapped_column(String(100), default="")


class Discipline(Base):
    __tablename__ = "discipline"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)


class SessionDiscipline(Base):
    """A discipline a group sits in a session, with its usual examiner and form (for the generator)."""

    __tablename__ = "session_discipline"
    __table_args__ = (UniqueConstraint("session_id", "group_id", "discipline_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_session.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("student_group.id", ondelete="CASCADE"))
    discipline_id: Mapped[int] = mapped_column(ForeignKey("discipline.id", ondelete="CASCADE"))
    examiner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    form: Mapped[str] = mapped_column(String(10), default=ExamForm.WRITTEN.value)


exam_group = Table(
    "exam_group", Base.metadata,
    Column("exam_id", Integer, ForeignKey("exam.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", Integer, ForeignKey("student_group.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_exam_group_group_id", "group_id"),
)


class Exam(Base):
    __tablename__ = "exam"
    __table_args__ = (Index("ix_exam_session_day", "session_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_session.id", ondelete="CASCADE"))
    discipline_id: Mapped[int] = mapped_column(ForeignKey("discipline.id", ondelete="RESTRICT"))
    examiner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    assistant_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    day: Mapped[dt.date] = mapped_column(Date)
    start_minute: Mapped[int] = mapped_column(default=9 * 60)  # minutes from midnight
    duration: Mapped[int] = mapped_column(default=120)  # minutes
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id", ondelete="SET NULL"))
    form: Mapped[str] = mapped_column(String(10), default=ExamForm.WRITTEN.value)
    consult_day: Mapped[dt.date | None] = mapped_column(Date)
    consult_minute: Mapped[int | None]
    consult_room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id", ondelete="SET NULL"))


# Sessions ---------------------------------------------------------------------------------

def year_and_kind(session: Session, session_id: int) -> tuple[str, str] | None:
    """(academic year, kind) of an exam session; None when it no longer exists."""
    found = session.execute(select(AcademicYear.name, ExamSession.kind).join(AcademicYear)
                            .where(ExamSession.id == session_id)).first()
    return (found[0], found[1]) if found is not None else None


def find_session(session: Session, year_name: str, kind: str) -> int | None:
    return session.scalar(select(ExamSession.id).join(AcademicYear)
                          .where(AcademicYear.name == year_name, ExamSession.kind == SessionKind(kind).value))


def calendar_dates(session: Session, year_name: str, kind: str) -> tuple[tuple[dt.date, dt.date] | None, str | None]:
    """(period, country) from the year's bachelor calendar; (None, None) when it has neither."""
    from desktop.models import academic_calendar as ac

    cal_id = ac.find_calendar(session, year_name)
    if cal_id is None:
        return None, None
    country = session.get_one(ac.AcademicCalendar, cal_id).country
    for period in CALENDAR_PERIODS[SessionKind(kind)]:
        span = ac.event_period(session, year_name, period)
        if span:
            return span, country
    return None, country


def get_or_create_session(session: Session, year_name: str, kind: str) -> int:
    """The session of a year and kind, created with the calendar's dates (or defaults) when missing."""
    kind = SessionKind(kind)
    found = find_session(session, year_name, kind)
    if found is not None:
        return found
    year = get_or_create_year(session, year_name)
    span, country = calendar_dates(session, year_name, kind)
    start, end = span or default_dates(kind, year.first_year)
    row = ExamSession(academic_year_id=year.id, kind=kind.value, start_date=start, end_date=end,
                      country=country or settings.get(session, "country"))
    session.add(row)
    session.flush()
    return row.id


def set_session_dates(session: Session, session_id: int, start: dt.date, end: dt.date,
                      country: str | None = None) -> tuple[dt.date, dt.date, str]:
    """Change a session's dates (and country); returns the old ones for undo."""
    row = session.get(ExamSession, session_id)
    if row is None:
        raise DomainError(_("This exam session no longer exists."))
    if end < start:
        raise DomainError(_("The session ends ({end}) before it starts ({start}).").format(
            start=dates.table(start), end=dates.table(end)))
    old = (row.start_date, row.end_date, row.country)
    row.start_date, row.end_date = start, end
    if country:
        row.country = country.upper()
    session.flush()
    return old


def sessions(session: Session) -> list[tuple[int, str, str]]:
    """(id, year, kind) of every session, newest year first."""
    rows = session.execute(select(ExamSession.id, AcademicYear.name, ExamSession.kind).join(AcademicYear)
                           .order_by(AcademicYear.name.desc(), ExamSession.kind)).all()
    return [(sid, year, kind) for sid, year, kind in rows]


# Rooms and disciplines ----------------------------------------------------------------------

def add_room(session: Session, name: str, capacity: int, building: str = "") -> int:
    name = name.strip()
    if not name:
        raise DomainError(_("The room needs a name."))
    if capacity <= 0:
        raise DomainError(_("Room {room}: the capacity must be a positive number.").format(room=name))
    if session.scalar(select(Room.id).where(Room.name == name)):
        raise DomainError(_("Room {room} already exists.").format(room=name))
    room = Room(name=name, capacity=capacity, building=building.strip())
    session.add(room)
    session.flush()
    return room.id


def discipline_id(session: Session, name: str) -> int:
    """The discipline of that name, created when new."""
    name = name.strip()
    if not name:
        raise DomainError(_("The discipline needs a name."))
    found = session.scalar(select(Discipline.id).where(Discipline.name == name))
    if found is not None:
        return found
    row = Discipline(name=name)
    session.add(row)
    session.flush()
    return row.id


def link_discipline(session: Session, session_id: int, group_id: int, discipline: str,
                    examiner_id: int | None = None, form: str = ExamForm.WRITTEN.value) -> int:
    """The group sits ``discipline`` in this session (for the draft generator)."""
    d_id = discipline_id(session, discipline)
    found = session.scalar(select(SessionDiscipline).where(
        SessionDiscipline.session_id == session_id, SessionDiscipline.group_id == group_id,
        SessionDiscipline.discipline_id == d_id))
    if found is None:
        found = SessionDiscipline(session_id=session_id, group_id=group_id, discipline_id=d_id)
        session.add(found)
    found.examiner_id, found.form = examiner_id, ExamForm(form).value
    session.flush()
    return found.id


def delete_session(session: Session, session_id: int) -> None:
    """Remove a session with its exams and discipline links (undo of creating it)."""
    row = session.get(ExamSession, session_id)
    if row is not None:
        session.delete(row)
        session.flush()


# ``dekanat check``: structural integrity only ----------------------------------------------------
# Scheduling conflicts (two exams a day, a busy room ...) are NOT reported here: the demo keeps
# deliberate ones for the user to find, and `dekanat check` must pass on a fresh demo (CI runs it).
# `dekanat check session --year Y --session K` reports those and exits 1 on error-level ones.

from desktop.models.check import rule  # noqa: E402  (the rule registers on import, with the entities)

DAY_MINUTES = 24 * 60


def _exam_label(year: str, kind: str, exam_id: int, day: dt.date | str | None) -> str:
    return f"exam {exam_id} ({kind} session {year}, {day})"


@rule
def _exam_sessions_are_whole(session: Session) -> list[str]:
    from sqlalchemy import and_, or_

    problems = []
    for _sid, year, kind, start, end in session.execute(
            select(ExamSession.id, AcademicYear.name, ExamSession.kind, ExamSession.start_date,
                   ExamSession.end_date).join(AcademicYear).where(ExamSession.end_date < ExamSession.start_date)):
        problems.append(f"{kind} session {year}: ends ({end}) before it starts ({start})")
    base = (select(Exam.id, AcademicYear.name, ExamSession.kind, Exam.day)
            .join(ExamSession, ExamSession.id == Exam.session_id).join(AcademicYear))
    no_group = base.where(~select(exam_group.c.exam_id).where(exam_group.c.exam_id == Exam.id).exists())
    for i, year, kind, day in session.execute(no_group):
        problems.append(f"{_exam_label(year, kind, i, day)}: has no group")
    for column, what in ((Exam.room_id, "room"), (Exam.consult_room_id, "consultation room")):
        missing = base.where(column.is_not(None), ~select(Room.id).where(Room.id == column).exists())
        for i, year, kind, day in session.execute(missing):
            problems.append(f"{_exam_label(year, kind, i, day)}: its {what} does not exist")
    no_discipline = base.where(~select(Discipline.id).where(Discipline.id == Exam.discipline_id).exists())
    for i, year, kind, day in session.execute(no_discipline):
        problems.append(f"{_exam_label(year, kind, i, day)}: its discipline does not exist")
    bad_time = base.add_columns(Exam.start_minute, Exam.duration).where(or_(
        Exam.start_minute < 0, Exam.duration <= 0, Exam.start_minute + Exam.duration > DAY_MINUTES))
    for i, year, kind, day, start, duration in session.execute(bad_time):
        problems.append(f"{_exam_label(year, kind, i, day)}: starts at minute {start} and lasts {duration} minutes, "
                        f"outside 00:00-24:00")
    bad_consult = base.add_columns(Exam.consult_minute).where(or_(
        Exam.consult_minute < 0, Exam.consult_minute >= DAY_MINUTES,
        and_(Exam.consult_minute.is_not(None), Exam.consult_day.is_(None))))
    for i, year, kind, day, minute in session.execute(bad_consult):
        problems.append(f"{_exam_label(year, kind, i, day)}: its consultation time (minute {minute}) is outside "
                        f"00:00-24:00 or has no day")
    return problems
