"""Groups and students: the entities every area refers to.

The students issue adds movements (enrolment, transfer, leave, expulsion ...) in
``desktop/models/movements.py``; ``Student.status`` and ``Student.group_id`` hold the
current state those movements lead to, so lists of 20,000 students need no history walk.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.i18n import N_, LabelledEnum
from desktop.models.base import Base, Versioned
from desktop.models.org import AcademicYear, Programme, Staff


class StudyForm(LabelledEnum):
    FULL_TIME = "full_time", N_("Full-time")
    EVENING = "evening", N_("Evening (part-time)")  # очно-заочная, вечерняя; кечки; кешкі
    EXTRAMURAL = "extramural", N_("Extramural")  # заочная; сырттан; сырттай
    DISTANCE = "distance", N_("Distance")  # дистанционная, ДОТ; дистанттык; қашықтықтан


class Funding(LabelledEnum):
    GRANT = "grant", N_("State grant")
    CONTRACT = "contract", N_("Contract")


class Gender(LabelledEnum):
    FEMALE = "f", N_("Female")
    MALE = "m", N_("Male")


class StudentStatus(LabelledEnum):
    STUDYING = "studying", N_("Studying")
    ACADEMIC_LEAVE = "academic_leave", N_("Academic leave")
    EXPELLED = "expelled", N_("Expelled")
    GRADUATED = "graduated", N_("Graduated")


class Group(Versioned, Base):
    __tablename__ = "student_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)  # "МАТ-1-25"
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id", ondelete="RESTRICT"))
    course: Mapped[int] = mapped_column(default=1)
    study_form: Mapped[str] = mapped_column(String(20), default=StudyForm.FULL_TIME.value)
    intake_year: Mapped[int | None]
    language: Mapped[str] = mapped_column(String(5), default="ky")  # language of instruction
    head_student_id: Mapped[int | None] = mapped_column(
        ForeignKey("student.id", ondelete="SET NULL", use_alter=True, name="fk_student_group_head_student_id_student")
    )
    active: Mapped[bool] = mapped_column(default=True)

    programme: Mapped[Programme | None] = relationship()
    head_student: Mapped[Student | None] = relationship(foreign_keys=[head_student_id], post_update=True)


class Student(Versioned, Base):
    __tablename__ = "student"
    # The name index gives the list its first screen; status with group counts each group's students
    # from the index alone (the groups tree at start-up).
    __table_args__ = (Index("ix_student_name", "last_name", "first_name"),
                      Index("ix_student_status_group", "status", "group_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    # Optional; Kyrgyz and Kazakh forms ("Бекмурза уулу", "Асқар ұлы") stay as written.
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    # Text: leading zeros are part of the number.
    record_book: Mapped[str | None] = mapped_column(String(30), unique=True)
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    gender: Mapped[str | None] = mapped_column(String(1))
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    funding: Mapped[str] = mapped_column(String(20), default=Funding.CONTRACT.value)
    study_form: Mapped[str] = mapped_column(String(20), default=StudyForm.FULL_TIME.value)
    # Current state; derived from movements and kept in step by the movement functions.
    group_id: Mapped[int | None] = mapped_column(ForeignKey("student_group.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=StudentStatus.STUDYING.value)

    group: Mapped[Group | None] = relationship(foreign_keys=[group_id])

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)


class CuratorAssignment(Base):
    """A curator of a group in an academic year, with dates so a change mid-year keeps history."""

    __tablename__ = "curator_assignment"
    __table_args__ = (UniqueConstraint("group_id", "academic_year_id", "start_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("student_group.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="RESTRICT"))
    academic_year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="CASCADE"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)

    group: Mapped[Group] = relationship()
    staff: Mapped[Staff] = relationship()
    academic_year: Mapped[AcademicYear] = relationship()
