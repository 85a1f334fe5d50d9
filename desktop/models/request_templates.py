"""Procedure templates for service requests: named steps in order, each with a regulated duration.

A step lasts N **working** days, N **calendar** days, or ends on a **fixed** date of the year
("grant certificates no later than 15 August"). An *optional* step is taken only when its
condition is ticked on the request ("no blank of the state form in stock"). Each step names
the unit responsible (the registry office, the academic office, management ...).

The two procedures of seed 002 (Kazakhstan, order No 705 of 24.12.2015) are built in. Their
names are English msgids: every template and step name is shown through the translator, so the
built-ins appear in Kyrgyz, Kazakh or Russian, while names the office types itself (which are
not in the catalogs) come back unchanged. Built-ins cannot be deleted, only switched off; the
office's own can be deleted even when requests used them (a request keeps its own copy of the steps).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ForeignKey, String, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from desktop.i18n import N_, LabelledEnum, _
from desktop.models.base import Base, DomainError
from desktop.models.operations import Change, Outcome, bind


def shown(translate, text: str) -> str:
    """A stored name as shown: built-in names are msgids and get translated, the office's own come back
    unchanged (not in the catalogs); an empty text stays empty (gettext("") is the catalog header)."""
    return translate(text) if text else ""


class DurationKind(LabelledEnum):
    WORKING = "working", N_("working days")  # N working days
    CALENDAR = "calendar", N_("calendar days")  # N calendar days
    FIXED = "fixed", N_("fixed date")  # no later than a day of the year (fixed_month, fixed_day)


class ProcedureTemplate(Base):
    __tablename__ = "procedure_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # "duplicate_diploma", "grants" for the built-ins; None for the office's own.
    builtin_key: Mapped[str | None] = mapped_column(String(40), unique=True)
    active: Mapped[bool] = mapped_column(default=True)

    steps: Mapped[list[ProcedureStep]] = relationship(
        cascade="all, delete-orphan", order_by="ProcedureStep.position", back_populates="template")


class StepColumns:
    """What a step is: in a procedure template, and copied into every request (so a later change
    to the template leaves running requests as they were)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(10), default=DurationKind.WORKING.value)
    days: Mapped[int] = mapped_column(default=1)
    fixed_month: Mapped[int | None]
    fixed_day: Mapped[int | None]
    optional: Mapped[bool] = mapped_column(default=False)
    condition: Mapped[str] = mapped_column(String(300), default="")  # "No blank in stock"


class ProcedureStep(StepColumns, Base):
    __tablename__ = "procedure_step"

    template_id: Mapped[int] = mapped_column(ForeignKey("procedure_template.id", ondelete="CASCADE"), index=True)

    template: Mapped[ProcedureTemplate] = relationship(back_populates="steps")


@dataclass(frozen=True)
class StepSpec:
    """A step as the editor and the built-ins describe it."""

    name: str
    unit: str = ""
    kind: str = DurationKind.WORKING.value
    days: int = 1
    fixed_month: int | None = None
    fixed_day: int | None = None
    optional: bool = False
    condition: str = ""


W, C, F = DurationKind.WORKING.value, DurationKind.CALENDAR.value, DurationKind.FIXED.value
REGISTRY, ACADEMIC, MANAGEMENT = N_("Registry office"), N_("Academic office"), N_("University management")
ADMISSIONS = N_("Admissions committee")

BUILTIN: dict[str, tuple[str, list[StepSpec]]] = {
    # Seed 002, appendix 1, item 5: "Issue of duplicates of documents on higher education".
    "duplicate_diploma": (N_("Duplicate of a diploma"), [
        StepSpec(N_("Registration of the documents"), REGISTRY, W, 1),
        StepSpec(N_("Check of the applicant's data"), ACADEMIC, W, 4),
        StepSpec(N_("Review by management"), MANAGEMENT, W, 2),
        StepSpec(N_("Request for a blank to the ministry"), ACADEMIC, W, 1, optional=True,
                 condition=N_("No blank in stock")),
        StepSpec(N_("Preparation of the duplicate"), ACADEMIC, C, 22),
        StepSpec(N_("Notice to the applicant"), ACADEMIC, W, 1),
        StepSpec(N_("Issue of the duplicate"), ACADEMIC, W, 1),
    ]),
    # Seed 002, appendix 2, items 5 and 9: the university's part of awarding grants and support.
    "grants": (N_("Educational grant and social support"), [
        StepSpec(N_("Processing of the application"), ADMISSIONS, W, 2),
        StepSpec(N_("Sending the applications to the testing centre"), ADMISSIONS, W, 1),
        StepSpec(N_("Issue of grant certificates"), ADMISSIONS, F, 0, 8, 15),
        StepSpec(N_("Rector's order on the stipend"), MANAGEMENT, F, 0, 8, 25),
    ]),
}


SERVICE_CENTRE = N_("Public service centre")


def channel_steps(builtin_key: str | None, channel: str, steps: list) -> list[tuple[StepSpec, int | None]]:
    """The steps a request plans for the channel it came through (seed 002 differs for the public
    service centre, the portal and in person), each with the template position it stands for
    (None: a step only that channel has). The office's own procedures are the same for every channel."""
    out: list[tuple[StepSpec, int | None]] = [(spec_of(s), s.position) for s in steps]
    if builtin_key != "duplicate_diploma" or channel == "in_person":
        return out
    names = [spec.name for spec, _p in out]

    def replace(name: str, spec: StepSpec) -> None:
        if name in names:
            i = names.index(name)
            out[i] = (spec, out[i][1])

    if channel == "service_centre":
        # The centre accepts and scans the documents, then sends them to the university (2 working days);
        # the university sends the duplicate back and the centre's operator hands it over.
        replace("Notice to the applicant", StepSpec(N_("Sending the duplicate to the service centre"), ACADEMIC, W, 1))
        replace("Issue of the duplicate", StepSpec(N_("Issue of the duplicate by the service centre"), SERVICE_CENTRE,
                                                   W, 1))
        out.insert(0, (StepSpec(N_("Transfer of the documents from the service centre to the university"),
                                SERVICE_CENTRE, W, 2), None))
    elif channel == "portal":
        # The notice of readiness goes to the applicant's account on the portal.
        replace("Notice to the applicant", StepSpec(N_("Notice of readiness through the portal"), ACADEMIC, W, 1))
    return out


def ensure_builtin_procedures(session: Session) -> None:
    """Create the built-in procedures that are missing (idempotent; run before listing)."""
    have = set(session.scalars(select(ProcedureTemplate.builtin_key).where(
        ProcedureTemplate.builtin_key.is_not(None))))
    for key, (name, steps) in BUILTIN.items():
        if key not in have:
            template = ProcedureTemplate(name=name, builtin_key=key)
            template.steps = [_step_row(i, s) for i, s in enumerate(steps)]
            session.add(template)
    session.flush()


def _step_row(position: int, spec: StepSpec) -> ProcedureStep:
    return ProcedureStep(position=position, name=spec.name, unit=spec.unit, kind=spec.kind, days=spec.days,
                         fixed_month=spec.fixed_month, fixed_day=spec.fixed_day, optional=spec.optional,
                         condition=spec.condition)


def spec_of(step) -> StepSpec:
    return StepSpec(step.name, step.unit, step.kind, step.days, step.fixed_month, step.fixed_day,
                    step.optional, step.condition)


def validate_steps(steps: list[StepSpec]) -> list[StepSpec]:
    """Clean the steps or refuse with a message naming the step."""
    if not steps:
        raise DomainError(_("A procedure needs at least one step."))
    clean = []
    for n, s in enumerate(steps, 1):
        name = (s.name or "").strip()
        if not name:
            raise DomainError(_("Step {n}: the name is required.").format(n=n))
        try:
            kind = DurationKind(s.kind).value
        except ValueError:
            raise DomainError(_("Step {n}: unknown kind of duration “{kind}”.").format(n=n, kind=s.kind)) from None
        days, month, day = int(s.days or 0), s.fixed_month, s.fixed_day
        if kind == F:
            import datetime as dt

            try:
                dt.date(2024, int(month or 0), int(day or 0))  # a leap year: 29 February is allowed
            except ValueError:
                raise DomainError(_("Step {n}: give a valid day and month for the fixed date.").format(n=n)) from None
            days = 0
        else:
            if not 0 <= days <= 366:
                raise DomainError(_("Step {n}: the duration must be between 0 and 366 days.").format(n=n))
            month = day = None
        optional = bool(s.optional)
        condition = (s.condition or "").strip()
        if optional and not condition:
            raise DomainError(_("Step {n}: an optional step needs its condition.").format(n=n))
        clean.append(StepSpec(name, (s.unit or "").strip(), kind, days, month, day, optional,
                              condition if optional else ""))
    return clean


# Operations -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class TemplateRow:
    """A procedure as the requests page lists it (filters, the new-request dialog, the editor)."""

    id: int
    name: str  # msgid or the office's own name: show through ``shown``
    builtin: bool
    active: bool  # offered for new requests
    steps: list[StepSpec]


@dataclass(frozen=True, slots=True)
class DeletedTemplate:
    """What ``delete_template`` took away, for ``restore_template``: the procedure and the
    requests that were registered under it."""

    id: int
    name: str
    active: bool
    steps: list[StepSpec]
    requests: list[int]


def template_rows(session: Session, include_inactive: bool = True) -> list[TemplateRow]:
    ensure_builtin_procedures(session)
    query = select(ProcedureTemplate).order_by(ProcedureTemplate.id)
    if not include_inactive:
        query = query.where(ProcedureTemplate.active.is_(True))
    return [TemplateRow(t.id, t.name, t.builtin_key is not None, t.active, [spec_of(s) for s in t.steps])
            for t in session.scalars(query)]


def add_template(session: Session, name: str, steps: list[StepSpec], template_id: int | None = None) -> int:
    name = (name or "").strip()
    if not name:
        raise DomainError(_("The procedure name is required."))
    template = ProcedureTemplate(id=template_id, name=name)
    template.steps = [_step_row(i, s) for i, s in enumerate(validate_steps(steps))]
    session.add(template)
    session.flush()
    return template.id


def _template(session: Session, template_id: int) -> ProcedureTemplate:
    template = session.get(ProcedureTemplate, template_id)
    if template is None:
        raise DomainError(_("The procedure was deleted meanwhile; reload the list."))
    return template


def update_template(session: Session, template_id: int, name: str, steps: list[StepSpec],
                    active: bool = True) -> tuple[str, list[StepSpec], bool]:
    """Replace name, steps and the active flag; returns the old ones (for undo).

    Running requests keep the steps they were created with (they hold their own copy).
    """
    template = _template(session, template_id)
    name = (name or "").strip()
    if not name:
        raise DomainError(_("The procedure name is required."))
    clean = validate_steps(steps)
    old = (template.name, [spec_of(s) for s in template.steps], template.active)
    from desktop.models.text_versions import carry_by_text, versions_by_text

    # the steps are re-created: their language versions go to the new steps with the same texts
    kept = versions_by_text(session, "procedure_step", [(s.id, _step_texts(s)) for s in template.steps])
    template.name, template.active = name, bool(active)
    template.steps.clear()
    session.flush()
    template.steps.extend(_step_row(i, s) for i, s in enumerate(clean))
    session.flush()
    carry_by_text(session, "procedure_step", kept, [(s.id, _step_texts(s)) for s in template.steps])
    return old


def _step_texts(step) -> dict[str, str]:
    return {"name": step.name, "unit": step.unit, "condition": step.condition}


def template_usage(session: Session, template_id: int) -> int:
    """How many requests were registered under the procedure (shown before deleting it)."""
    from sqlalchemy import func

    from desktop.models.requests import ServiceRequest

    return session.scalar(select(func.count()).select_from(ServiceRequest)
                          .where(ServiceRequest.procedure_id == template_id)) or 0


def delete_template(session: Session, template_id: int) -> DeletedTemplate:
    """Delete the office's own procedure; built-ins are refused (switch them off instead).

    Deleting a procedure that requests use is allowed: each request holds its own copy of the
    steps and of the procedure's name, so nothing of a request changes; only the link to the
    template goes (and comes back on undo, see ``restore_template``).
    """
    template = _template(session, template_id)
    if template.builtin_key:
        raise DomainError(_("“{name}” is a built-in procedure and cannot be deleted; untick “Offered for new "
                            "requests” to switch it off.").format(name=_(template.name)))
    from desktop.models.requests import ServiceRequest

    requests = list(session.scalars(select(ServiceRequest.id).where(ServiceRequest.procedure_id == template.id)))
    data = DeletedTemplate(template.id, template.name, template.active, [spec_of(s) for s in template.steps],
                           requests)
    # Only the link goes (explicit, so loaded rows agree).
    session.execute(update(ServiceRequest).where(ServiceRequest.procedure_id == template.id)
                    .values(procedure_id=None).execution_options(synchronize_session="fetch"))
    session.delete(template)
    session.flush()
    return data


def restore_template(session: Session, data: DeletedTemplate) -> int:
    """Undo of ``delete_template``: the procedure with its id, steps and flag, linked to its requests again."""
    template_id = add_template(session, data.name, data.steps, template_id=data.id)
    session.get_one(ProcedureTemplate, template_id).active = data.active
    if data.requests:
        from desktop.models.requests import ServiceRequest

        session.execute(update(ServiceRequest).where(ServiceRequest.id.in_(data.requests))
                        .values(procedure_id=template_id).execution_options(synchronize_session="fetch"))
    session.flush()
    return template_id


# Operations (undoable, models/operations.py) ------------------------------------------------------
def add_template_op(session: Session, name: str, steps: list[StepSpec], template_id: int | None = None) -> Outcome[int]:
    new_id = add_template(session, name, steps, template_id=template_id)
    return Outcome(new_id, bind(delete_template_op, new_id), Change.REQUESTS)


def update_template_op(session: Session, template_id: int, name: str, steps: list[StepSpec],
                       active: bool = True) -> Outcome[tuple[str, list[StepSpec], bool]]:
    old = update_template(session, template_id, name, steps, active)
    return Outcome(old, bind(update_template_op, template_id, *old), Change.REQUESTS)


def delete_template_op(session: Session, template_id: int) -> Outcome[DeletedTemplate]:
    data = delete_template(session, template_id)
    return Outcome(data, bind(restore_template_op, data), Change.REQUESTS)


def restore_template_op(session: Session, data: DeletedTemplate) -> Outcome[int]:
    template_id = restore_template(session, data)
    return Outcome(template_id, bind(delete_template_op, template_id), Change.REQUESTS)
