"""The work plan's tables and enums: a plan per academic year, its sections (Roman numerals) and
numbered items, each item's responsible persons."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.i18n import N_, NC_, LabelledEnum
from desktop.models.base import Base, Versioned
from desktop.models.org import AcademicYear
from desktop.models.workplan_deadline import Deadline


class ItemStatus(LabelledEnum):
    PLANNED = "planned", N_("Planned")
    IN_PROGRESS = "in_progress", N_("In progress")
    DONE = "done", N_("Done")
    CANCELLED = "cancelled", NC_("plan item", "Cancelled")


class SectionKind(LabelledEnum):
    ORGANISATIONAL = "organisational", N_("Organisational work")
    TEACHING = "teaching", N_("Teaching and methodological work")
    RESEARCH = "research", N_("Research work")
    UPBRINGING = "upbringing", N_("Upbringing and curator work")
    ACCREDITATION = "accreditation", N_("Preparation for accreditation")
    INTERNATIONAL = "international", N_("International relations and mobility")
    CAREER_GUIDANCE = "career_guidance", N_("Career guidance")
    MATERIAL_BASE = "material_base", N_("Material and technical base")
    CUSTOM = "custom", N_("Other work")


class WorkPlan(Versioned, Base):
    __tablename__ = "workplan"

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="CASCADE"), unique=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    faculty_name: Mapped[str] = mapped_column(String(300), default="")
    approver_name: Mapped[str] = mapped_column(String(200), default="")
    approver_position: Mapped[str] = mapped_column(String(300), default="")
    approval_date: Mapped[dt.date | None] = mapped_column(Date)

    year: Mapped[AcademicYear] = relationship()
    sections: Mapped[list[WorkPlanSection]] = relationship(
        cascade="all, delete-orphan", order_by="WorkPlanSection.position", back_populates="plan")


class WorkPlanSection(Versioned, Base):
    __tablename__ = "workplan_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("workplan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(30), default=SectionKind.CUSTOM.value)
    title: Mapped[str] = mapped_column(String(500), default="")

    plan: Mapped[WorkPlan] = relationship(back_populates="sections")
    items: Mapped[list[WorkPlanItem]] = relationship(
        cascade="all, delete-orphan", order_by="WorkPlanItem.position", back_populates="section")


class WorkPlanItem(Versioned, Base):
    __tablename__ = "workplan_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("workplan_section.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[Deadline] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default=ItemStatus.PLANNED.value)
    completion_note: Mapped[str] = mapped_column(Text, default="")
    completed_on: Mapped[dt.date | None] = mapped_column(Date)

    section: Mapped[WorkPlanSection] = relationship(back_populates="items")
    responsible: Mapped[list[WorkPlanResponsible]] = relationship(
        cascade="all, delete-orphan", order_by="WorkPlanResponsible.position", lazy="selectin")


class WorkPlanResponsible(Base):
    __tablename__ = "workplan_responsible"
    __table_args__ = (UniqueConstraint("item_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("workplan_item.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), index=True)
    role: Mapped[str] = mapped_column(String(30), default="")  # StaffRole value or "deans_office"
    text: Mapped[str] = mapped_column(String(300), default="")  # as the office wrote it


def roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


STANDARD_SECTIONS = tuple(k for k in SectionKind if k is not SectionKind.CUSTOM)

# The plan's header (``queries.PlanHeader``): what "Plan header…" edits and ``update_plan`` writes.
HEADER_FIELDS = ("title", "faculty_name", "approver_name", "approver_position", "approval_date")

# What a delete from the window expects of an item: another office's change to these is never deleted unseen.
EXPECTED_ITEM_FIELDS = ("text", "status", "completion_note")
