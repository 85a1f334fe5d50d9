"""Service requests: the tables (a request and its own copy of the procedure's steps), their
channels and statuses, and the look-ups by id that every writer shares."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from desktop.i18n import N_, LabelledEnum, _
from desktop.models import settings
from desktop.models.base import Base, DomainError
from desktop.models.request_templates import StepColumns


class Channel(LabelledEnum):
    IN_PERSON = "in_person", N_("In person")
    SERVICE_CENTRE = "service_centre", N_("Public service centre")
    PORTAL = "portal", N_("E-government portal")


# Seed 002: the grounds on which a state service is refused (a refusal names one, or the office's own text).
REFUSAL_GROUNDS = (
    N_("The applicant submitted an incomplete package of documents"),
    N_("The documents submitted contain false data"),
    N_("The applicant's electronic digital signature is not confirmed"),
)


class RequestStatus(LabelledEnum):
    IN_PROGRESS = "in_progress", N_("In progress")
    DONE = "done", N_("Done")
    REFUSED = "refused", N_("Refused")


DUE_SOON = settings.declare("requests_due_soon_days", 3)  # working days ahead counted as "due soon"


class ServiceRequest(Base):
    __tablename__ = "service_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int | None] = mapped_column(ForeignKey("procedure_template.id", ondelete="SET NULL"))
    procedure_name: Mapped[str] = mapped_column(String(300))  # a copy: the template may change or go
    student_id: Mapped[int | None] = mapped_column(ForeignKey("student.id", ondelete="SET NULL"), index=True)
    applicant: Mapped[str] = mapped_column(String(300))  # the student's name, or a graduate typed in
    received: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(20), default=Channel.IN_PERSON.value)
    country: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(20), default=RequestStatus.IN_PROGRESS.value, index=True)
    refusal_reason: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # The documents received, one per line, as the receipt lists them (blank: lines to fill in by hand)
    documents: Mapped[str] = mapped_column(Text, default="", server_default="")
    due: Mapped[dt.date | None] = mapped_column(Date)  # planned date of the last taken step
    closed: Mapped[dt.date | None] = mapped_column(Date)

    steps: Mapped[list[RequestStep]] = relationship(
        cascade="all, delete-orphan", order_by="RequestStep.position", back_populates="request")


class RequestStep(StepColumns, Base):
    __tablename__ = "request_step"

    request_id: Mapped[int] = mapped_column(ForeignKey("service_request.id", ondelete="CASCADE"), index=True)
    taken: Mapped[bool] = mapped_column(default=True)  # an optional step whose condition is ticked
    planned: Mapped[dt.date | None] = mapped_column(Date, index=True)
    actual: Mapped[dt.date | None] = mapped_column(Date)
    done_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(String(500), default="")

    request: Mapped[ServiceRequest] = relationship(back_populates="steps")



def _request(session: Session, request_id: int) -> ServiceRequest:
    request = session.get(ServiceRequest, request_id)
    if request is None:
        raise DomainError(_("The request was deleted meanwhile; reload the list."))
    return request


def _step(session: Session, step_id: int) -> RequestStep:
    step = session.get(RequestStep, step_id)
    if step is None:
        raise DomainError(_("The request was deleted meanwhile; reload the list."))
    return step

