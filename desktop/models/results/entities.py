"""Grade sheets and results as tables, and the office's alphabetical order of students' names."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models import grading, settings
from desktop.models.base import Base, Versioned


class GradeSheet(Versioned, Base):
    __tablename__ = "grade_sheet"
    __table_args__ = (UniqueConstraint("academic_year_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exam.id", ondelete="CASCADE"), index=True)
    academic_year_id: Mapped[int] = mapped_column(ForeignKey("academic_year.id", ondelete="CASCADE"))
    number: Mapped[int]
    issued_on: Mapped[dt.date] = mapped_column(Date)
    control: Mapped[str] = mapped_column(String(12), default=grading.Control.EXAM.value)
    scale: Mapped[str] = mapped_column(String(12))
    retake: Mapped[bool] = mapped_column(Boolean, default=False)


class ExamResult(Versioned, Base):
    __tablename__ = "exam_result"
    __table_args__ = (UniqueConstraint("sheet_id", "student_id"), Index("ix_exam_result_student", "student_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("grade_sheet.id", ondelete="CASCADE"))
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("student_group.id", ondelete="SET NULL"))
    rating: Mapped[float | None] = mapped_column(Float)
    points: Mapped[float | None] = mapped_column(Float)
    score: Mapped[int | None]
    letter: Mapped[str] = mapped_column(String(3), default="")
    gpa: Mapped[float | None] = mapped_column(Float)
    grade: Mapped[str] = mapped_column(String(5), default="")
    mark: Mapped[str] = mapped_column(String(14), default="")
    passed: Mapped[bool] = mapped_column(Boolean, default=False)
    entered_on: Mapped[dt.date | None] = mapped_column(Date)


# Open debts a student may carry into the next course (promotion keeps back those with more).
MAX_DEBTS = settings.declare("results.max_debts", 2)

RESULT_FIELDS = ("rating", "points", "score", "letter", "gpa", "grade", "mark", "passed", "entered_on")

# The office's alphabetical order for Kyrgyz, Kazakh and Russian names at once: each language's
# alphabet is a sub-sequence of this one (ky ң ө ү; kk ә ғ қ ң ө ұ ү һ і; ё after е).
ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_RANK = {ch: i for i, ch in enumerate(ALPHABET)}


def name_key(text: str) -> tuple:
    return tuple(_RANK.get(ch, 100 + ord(ch)) for ch in text.casefold())


def student_sort_key(last: str, first: str, patronymic: str = "") -> tuple:
    return name_key(last), name_key(first), name_key(patronymic or "")

