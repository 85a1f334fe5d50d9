"""Permission to study with distance-learning technologies (DLT), seed 001 (KZ order No 374).

A student applies in writing, the head issues an order, and the credits studied by DLT over the
whole period of study may not exceed the cap of the category the permission falls under.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict

from sqlalchemy import Date, ForeignKey, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.i18n import N_, LabelledEnum, _, ngettext
from desktop.models.base import Base, DomainError
from desktop.models.contingent import Student
from desktop.models.operations import Change, Outcome, bind, undo_by


class DltCategory(LabelledEnum):
    MBA = "mba", N_("MBA programme")
    EMBA_DBA = "emba_dba", N_("EMBA or DBA programme")
    LISTED_SPECIALTY = "listed_specialty", N_("Listed specialty (choreography, aviation, health care …)")
    ACADEMIC_MOBILITY = "academic_mobility", N_("Academic mobility")
    DOUBLE_DEGREE_BACHELOR = "double_degree_bachelor", N_("Double-degree or exchange bachelor programme")
    MASTER = "master", N_("Master's programme (double degree or exchange)")


# Credits over the whole period of study (rules, items 21, 25, 26, 27).
DLT_CAPS = {
    DltCategory.MBA: 30,
    DltCategory.EMBA_DBA: 15,
    DltCategory.LISTED_SPECIALTY: 30,
    DltCategory.ACADEMIC_MOBILITY: 60,
    DltCategory.DOUBLE_DEGREE_BACHELOR: 120,
    DltCategory.MASTER: 60,
}

class DltPermission(Base):
    __tablename__ = "dlt_permission"

    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    application_date: Mapped[dt.date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(30))
    order_number: Mapped[str] = mapped_column(String(40))
    order_date: Mapped[dt.date | None] = mapped_column(Date)
    credits: Mapped[int]


def credits_granted(session: Session, student_id: int, category: DltCategory | str) -> int:
    return session.scalar(select(func.coalesce(func.sum(DltPermission.credits), 0)).where(
        DltPermission.student_id == student_id, DltPermission.category == DltCategory(category).value)) or 0


class Grant(TypedDict):
    """A permission as the dialog states it (``grant_dlt``'s keywords)."""

    category: str
    application_date: dt.date
    order_number: str
    order_date: dt.date | None
    credits: int


def grant_dlt(session: Session, student_id: int, *, application_date: dt.date, category: DltCategory | str,
              order_number: str, order_date: dt.date | None, credits: int) -> int:
    """Record a DLT permission; refused when the credits would pass the category's cap."""
    category = DltCategory(category)
    student = session.get(Student, student_id)
    if student is None:
        raise DomainError(_("The student was deleted meanwhile; reload the list."))
    if not order_number.strip():
        raise DomainError(_("The order number is required."))
    if credits <= 0:
        raise DomainError(_("The number of credits must be positive."))
    if order_date and order_date < application_date:
        raise DomainError(_("The order cannot be dated before the application."))
    cap = DLT_CAPS[category]
    already = credits_granted(session, student_id, category)
    if already + credits > cap:
        raise DomainError(ngettext(
            "{name}: {credits} credit by distance learning would make {total}, over the cap of {cap} credits "
            "for “{category}” ({already} already granted).",
            "{name}: {credits} credits by distance learning would make {total}, over the cap of {cap} credits "
            "for “{category}” ({already} already granted).", credits).format(
            name=student.full_name, credits=credits, total=already + credits, cap=cap,
            category=DltCategory(category).label(), already=already))
    permission = DltPermission(student_id=student_id, application_date=application_date, category=category.value,
                               order_number=order_number.strip(), order_date=order_date, credits=credits)
    session.add(permission)
    session.flush()
    return permission.id


def revoke_dlt(session: Session, permission_id: int) -> None:
    permission = session.get(DltPermission, permission_id)
    if permission is not None:
        session.delete(permission)
        session.flush()


@dataclass(frozen=True, slots=True)
class PermissionRow:
    """One distance-learning permission of a student (the card lists them)."""

    id: int
    application_date: dt.date
    category: str  # DltCategory value
    order_number: str
    order_date: dt.date | None
    credits: int


def permissions(session: Session, student_id: int) -> list[PermissionRow]:
    return [PermissionRow(p.id, p.application_date, p.category, p.order_number, p.order_date, p.credits)
            for p in session.scalars(select(DltPermission).where(DltPermission.student_id == student_id)
                                     .order_by(DltPermission.application_date, DltPermission.id))]


# Operations (undoable, models/operations.py) ------------------------------------------------------
def grant_dlt_op(session: Session, student_id: int, **values):
    """Record a permission; undo revokes it, redo records it again."""
    new_id = grant_dlt(session, student_id, **values)
    return Outcome(new_id, undo_by(bind(revoke_dlt, new_id), bind(grant_dlt_op, student_id, **values),
                                   Change.STUDENTS), Change.STUDENTS)
