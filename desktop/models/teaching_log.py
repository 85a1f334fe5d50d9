"""The teacher's log of distance lessons (seed 003, Appendix 1): date, time, teaching hours,
student or group, subject, form of the lesson, distance platform, notes; totals per month."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop import dates
from desktop.i18n import N_, LabelledEnum, _
from desktop.models.base import Base, DomainError
from desktop.models.org import Staff


class LessonForm(LabelledEnum):
    VIDEO = "video", N_("Video lesson")
    CONFERENCE = "conference", N_("Conference")
    WEBINAR = "webinar", N_("Webinar")
    INDIVIDUAL = "individual", N_("Individual lesson")
    CONSULTATION = "consultation", N_("Consultation")
    CONTROL = "control", N_("Control")


class TeachingLogEntry(Base):
    __tablename__ = "teaching_log_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    time: Mapped[str] = mapped_column(String(11), default="")  # "10:00" or "10:00-11:20"
    hours: Mapped[float] = mapped_column(Float, default=2.0)
    learner: Mapped[str] = mapped_column(String(300), default="")  # a student or a group
    subject: Mapped[str] = mapped_column(String(300), default="")
    form: Mapped[str] = mapped_column(String(20), default=LessonForm.VIDEO.value)
    platform: Mapped[str] = mapped_column(String(100), default="")  # Zoom, WhatsApp, Moodle ...
    notes: Mapped[str] = mapped_column(Text, default="")


TIME = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d(-([01]?\d|2[0-3]):[0-5]\d)?$")


def _time(_s, _r, value):
    value = (value or "").strip()
    if value and not TIME.match(value):
        raise DomainError(_("Time “{value}”: write it like 10:00 or 10:00-11:20.").format(value=value))
    return value


def _hours(_s, _r, value):
    try:
        hours = float(str(value).replace(",", "."))
    except ValueError:
        raise DomainError(_("Teaching hours must be a number, not “{value}”.").format(value=value)) from None
    if not 0 < hours <= 12:
        raise DomainError(_("Teaching hours must be more than 0 and at most 12."))
    return hours


def _form(_s, _r, value):
    return LessonForm(value).value


VALIDATORS = {"time": _time, "hours": _hours, "form": _form}


def entries(session: Session, staff_id: int, year: int, month: int) -> list[dict[str, Any]]:
    """A teacher's lessons of a month, each its columns by name (the log's editable table shows them)."""
    first, last = dates.month_bounds(year, month)
    rows = session.execute(select(TeachingLogEntry).where(
        TeachingLogEntry.staff_id == staff_id, TeachingLogEntry.day.between(first, last))
        .order_by(TeachingLogEntry.day, TeachingLogEntry.time, TeachingLogEntry.id)).scalars()
    from desktop.models.records import snapshot

    return [snapshot(r) for r in rows]


def add_entry(session: Session, staff_id: int, day: dt.date, entry_id: int | None = None, **values) -> int:
    for key, check in VALIDATORS.items():
        if key in values:
            values[key] = check(session, None, values[key])
    entry = TeachingLogEntry(id=entry_id, staff_id=staff_id, day=day, **values)
    session.add(entry)
    session.flush()
    return entry.id


@dataclass(frozen=True)
class MonthTotals:
    lessons: int
    hours: float
    by_form: dict[str, float]  # form -> hours


def totals(session: Session, staff_id: int, year: int, month: int) -> MonthTotals:
    first, last = dates.month_bounds(year, month)
    rows = session.execute(select(TeachingLogEntry.form, func.count(), func.sum(TeachingLogEntry.hours)).where(
        TeachingLogEntry.staff_id == staff_id, TeachingLogEntry.day.between(first, last))
        .group_by(TeachingLogEntry.form)).all()
    by_form = {form: float(h or 0) for form, _n, h in rows}
    return MonthTotals(sum(n for _f, n, _h in rows), sum(by_form.values()), by_form)


def teachers_totals(session: Session, year: int, month: int) -> list[tuple[int, str, int, float]]:
    """(staff id, short name, lessons, hours) of every teacher with entries in the month."""
    first, last = dates.month_bounds(year, month)
    return [(sid, name, n, hours) for sid, name, n, hours in session.execute(
        select(Staff.id, Staff.short_name, func.count(), func.sum(TeachingLogEntry.hours))
        .join(TeachingLogEntry, TeachingLogEntry.staff_id == Staff.id)
        .where(TeachingLogEntry.day.between(first, last)).group_by(Staff.id, Staff.short_name)
        .order_by(Staff.short_name))]


def find_teacher(session: Session, name: str) -> Staff:
    """A teacher by short name ("Сопуев У.А.") or last name; refuses an unknown or ambiguous one."""
    name = name.strip()
    found = list(session.scalars(select(Staff).where(Staff.short_name == name)))
    if not found:
        found = list(session.scalars(select(Staff).where(Staff.last_name == name)))
    if len(found) != 1:
        raise DomainError((_("No staff member is called “{name}”.") if not found else
                           _("More than one staff member is called “{name}”; give the short name."))
                          .format(name=name))
    return found[0]
