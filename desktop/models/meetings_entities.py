"""The meetings' tables and enums: series (with their default members), meetings with attendance,
agenda items with minutes, decisions with their responsible persons; and the three helpers every
meetings module shares (a record looked up by id, the signed-minutes rule, renumbering a list).

Every name here is importable from ``desktop.models.meetings`` too.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop import dates
from desktop.i18n import N_, NC_, LabelledEnum, _
from desktop.models.base import Base, DomainError
from desktop.models.ordered import get_or_refuse as _get  # noqa: F401  (shared by the meetings modules)
from desktop.models.ordered import renumber as _renumber  # noqa: F401
from desktop.models.org import Staff


class SeriesKind(LabelledEnum):
    DEANS_OFFICE = "deans_office", N_("Dean's office weekly meeting")
    DEPARTMENT = "department", N_("Department meeting")
    METHODOLOGICAL_COUNCIL = "methodological_council", N_("Methodological council")
    CURATORS = "curators", N_("Curators' meeting")
    OTHER = "other", N_("Other meeting")


class Recurrence(LabelledEnum):
    WEEKLY = "weekly", N_("Weekly")
    MONTHLY = "monthly", N_("Monthly")


class DecisionStatus(LabelledEnum):
    OPEN = "open", N_("Open")
    DONE = "done", N_("Done")
    CANCELLED = "cancelled", NC_("decision", "Cancelled")


class ItemSource(LabelledEnum):
    """Where an agenda item came from: added by hand, or proposed by one of this area's agenda
    sources (``meetings_agenda``; other areas register sources of their own with their labels)."""

    MANUAL = "manual", N_("Added by hand")
    WORKPLAN_DUE = "workplan_due", N_("Work plan: due")
    WORKPLAN_OVERDUE = "workplan_overdue", N_("Work plan: overdue")
    DECISION = "decision", N_("Earlier decision")


class MeetingSeries(Base):
    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(30), default=SeriesKind.DEANS_OFFICE.value)
    recurrence: Mapped[str] = mapped_column(String(10), default=Recurrence.WEEKLY.value)
    weekday: Mapped[int] = mapped_column(default=0)  # 0 = Monday
    # Monthly series: the nth weekday of the month (1..4, -1 = the last) or a fixed day of the month.
    nth_week: Mapped[int | None] = mapped_column()
    month_day: Mapped[int | None] = mapped_column()
    time: Mapped[str] = mapped_column(String(5), default="09:00")  # "HH:MM" as the office writes it
    place: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(default=True)

    members: Mapped[list[MeetingSeriesMember]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingSeriesMember.position", lazy="selectin")
    chair: Mapped[Staff | None] = relationship(foreign_keys=[chair_id])
    secretary: Mapped[Staff | None] = relationship(foreign_keys=[secretary_id])


class MeetingSeriesMember(Base):
    """A default attendee of every meeting of the series."""

    __tablename__ = "meeting_series_member"
    __table_args__ = (UniqueConstraint("series_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)


class Meeting(Base):
    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("series_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(default=1)  # minutes No. within the series and academic year
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    time: Mapped[str] = mapped_column(String(5), default="09:00")
    place: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    held: Mapped[bool] = mapped_column(default=False)  # once held, the minutes follow the agenda
    # The minutes signed (final): from then on nothing of this meeting is edited through its
    # minutes; its decisions are followed up in the register only (``meetings_decisions``).
    minutes_signed_on: Mapped[dt.date | None] = mapped_column(Date)

    series: Mapped[MeetingSeries] = relationship()
    chair: Mapped[Staff | None] = relationship(foreign_keys=[chair_id])
    secretary: Mapped[Staff | None] = relationship(foreign_keys=[secretary_id])
    attendees: Mapped[list[MeetingAttendee]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingAttendee.position", lazy="selectin")
    items: Mapped[list[AgendaItem]] = relationship(
        cascade="all, delete-orphan", order_by="AgendaItem.position", back_populates="meeting")


class MeetingAttendee(Base):
    __tablename__ = "meeting_attendee"
    __table_args__ = (UniqueConstraint("meeting_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    present: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str] = mapped_column(String(200), default="")  # reason of absence

    staff: Mapped[Staff] = relationship(lazy="joined")


class AgendaItem(Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(Text, default="")
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    minutes_allotted: Mapped[int | None] = mapped_column()
    # Where the item came from: "manual", or an agenda source's key ("workplan_due", "decision" ...)
    source: Mapped[str] = mapped_column(String(30), default=ItemSource.MANUAL.value)
    source_ref: Mapped[str] = mapped_column(String(60), default="")  # "workplan:12", "decision:5", "request:3"
    workplan_item_id: Mapped[int | None] = mapped_column(ForeignKey("workplan_item.id", ondelete="SET NULL"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_decision.id", ondelete="SET NULL"))
    heard: Mapped[str] = mapped_column(Text, default="")
    decided: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    speaker: Mapped[Staff | None] = relationship(lazy="joined")


class Decision(Base):
    __tablename__ = "meeting_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL", use_alter=True))
    text: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(12), default=DecisionStatus.OPEN.value, index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    # What the minutes print: the decision AS DECIDED at its meeting (text, responsible persons'
    # names, due date), written when it is taken or edited through the minutes; the register's
    # later edits (postponed, reassigned, reworded, closed) change the columns above only.
    decided_text: Mapped[str | None] = mapped_column(Text)
    decided_responsible: Mapped[str | None] = mapped_column(Text)
    decided_due_date: Mapped[dt.date | None] = mapped_column(Date)
    # The text's language versions as the minutes were signed ({lang: text}); NULL while unsigned.
    decided_versions: Mapped[dict[str, str] | None] = mapped_column(JSON)

    meeting: Mapped[Meeting] = relationship(foreign_keys=[meeting_id])
    responsible: Mapped[list[DecisionResponsible]] = relationship(
        cascade="all, delete-orphan", order_by="DecisionResponsible.position", lazy="selectin")


class DecisionResponsible(Base):
    __tablename__ = "meeting_decision_responsible"
    __table_args__ = (UniqueConstraint("decision_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("meeting_decision.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)

    staff: Mapped[Staff] = relationship(lazy="joined")


# Shared by every meetings module (record look-up and renumbering: models/ordered.py) ------------

def check_minutes_open(meeting: Meeting) -> None:
    """Refuse an edit through the minutes once they are signed (``meetings_decisions.sign_minutes``)."""
    if meeting.minutes_signed_on is not None:
        raise DomainError(_("The minutes of {date} are signed on {signed}: they are not edited any more; "
                            "follow their decisions up in the decisions register.").format(
            date=dates.table(meeting.date), signed=dates.table(meeting.minutes_signed_on)))

