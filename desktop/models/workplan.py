"""The faculty's annual work plan: sections with Roman numerals, numbered items with deadlines
as data (see ``workplan_deadline``), responsible persons linked to staff, statuses.

Every operation is one unit of work in the caller's session and returns what undo needs.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship
from sqlalchemy.orm.exc import StaleDataError

from desktop import clock
from desktop.i18n import N_, NC_, LabelledEnum, _
from desktop.models import workplan_deadline as dl
from desktop.models.base import Base, DomainError, Versioned
from desktop.models.org import AcademicYear, get_or_create_year
from desktop.models.workplan_people import ResponsibleRef, parse_responsible, staff_index


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
    deadline: Mapped[dict] = mapped_column(JSON, default=dict)
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


# Reading ---------------------------------------------------------------------------------

def plan_for_year(session: Session, year_name: str) -> WorkPlan | None:
    return session.scalar(select(WorkPlan).join(AcademicYear).where(AcademicYear.name == year_name))


def require_plan(session: Session, year_name: str) -> WorkPlan:
    plan = plan_for_year(session, year_name)
    if plan is None:
        raise DomainError(_("There is no work plan for {year}.").format(year=year_name))
    return plan


def plan_years(session: Session) -> list[str]:
    return list(session.scalars(select(AcademicYear.name).join(WorkPlan).order_by(AcademicYear.name)))


def responsible_text(item: WorkPlanItem) -> str:
    return ", ".join(r.text for r in item.responsible)


def plan_tree(session: Session, plan: WorkPlan, today: dt.date | None = None) -> dict:
    """The whole plan as plain data: header fields and sections with their item rows.

    Read as column tuples in four queries (not ORM objects with per-section lazy loads):
    the editor opens on this, and a 300-item plan must show within 200 ms."""
    today = today or clock.today()
    first = plan.year.first_year
    _install_calendar_events(session, [first])
    sections: list[dict] = [{"id": sid, "number": roman(pos + 1), "kind": kind, "title": title, "items": []}
                for sid, pos, kind, title in session.execute(
                    select(WorkPlanSection.id, WorkPlanSection.position, WorkPlanSection.kind, WorkPlanSection.title)
                    .where(WorkPlanSection.plan_id == plan.id).order_by(WorkPlanSection.position))]
    by_section = {s["id"]: s for s in sections}
    people: dict[int, list[dict]] = {}
    for rid, item_id, staff_id, role, text in session.execute(
            select(WorkPlanResponsible.id, WorkPlanResponsible.item_id, WorkPlanResponsible.staff_id,
                   WorkPlanResponsible.role, WorkPlanResponsible.text)
            .join(WorkPlanItem).join(WorkPlanSection).where(WorkPlanSection.plan_id == plan.id)
            .order_by(WorkPlanResponsible.item_id, WorkPlanResponsible.position)):
        people.setdefault(item_id, []).append({"id": rid, "staff_id": staff_id, "role": role, "text": text})
    for iid, sid, pos, text, deadline, status, note, completed in session.execute(
            select(WorkPlanItem.id, WorkPlanItem.section_id, WorkPlanItem.position, WorkPlanItem.text,
                   WorkPlanItem.deadline, WorkPlanItem.status, WorkPlanItem.completion_note, WorkPlanItem.completed_on)
            .join(WorkPlanSection).where(WorkPlanSection.plan_id == plan.id)
            .order_by(WorkPlanSection.position, WorkPlanItem.position)):
        refs = people.get(iid, [])
        deadline = dict(deadline or {})
        by_section[sid]["items"].append({
            "id": iid, "section_id": sid, "number": pos + 1, "text": text, "deadline": deadline, "status": status,
            "completion_note": note or "", "completed_on": completed, "responsible": refs,
            "responsible_text": ", ".join(r["text"] for r in refs),
            "overdue": dl.is_overdue(deadline, status, today, first),
        })
    return {
        "id": plan.id, "year": plan.year.name, "first_year": first, "title": plan.title,
        "faculty_name": plan.faculty_name, "approver_name": plan.approver_name,
        "approver_position": plan.approver_position, "approval_date": plan.approval_date,
        "sections": sections, "frames": _frames(session),
    }


def _frames(session: Session) -> dict:
    """The official frame of the plan and of its progress report (``models.document_frame``)."""
    from desktop.models.document_frame import document_frame

    return {"plan": document_frame(session, "plan"), "progress": document_frame(session, "progress")}


def _plan_items(session: Session):
    rows = session.execute(
        select(WorkPlanItem, AcademicYear.name).join(WorkPlanSection).join(WorkPlan).join(AcademicYear)
        .order_by(AcademicYear.name, WorkPlanSection.position, WorkPlanItem.position)).all()
    _install_calendar_events(session, {int(year[:4]) for _item, year in rows})
    return rows


def _install_calendar_events(session: Session, first_years) -> None:
    """"After the winter session" and the like resolve through the academic calendar."""
    from desktop.models import calendar_events

    calendar_events.install(session, first_years)


def items_due(session: Session, start: dt.date, end: dt.date, *, include_done: bool = False) -> list[WorkPlanItem]:
    """Items of every plan whose deadline asks for work within [start, end] (meeting agendas)."""
    out = []
    for item, year in _plan_items(session):
        if not include_done and item.status in (ItemStatus.DONE, ItemStatus.CANCELLED):
            continue
        if dl.is_due(item.deadline or {}, start, end, int(year[:4])):
            out.append(item)
    return out


def items_overdue(session: Session, on_date: dt.date) -> list[WorkPlanItem]:
    return [item for item, year in _plan_items(session)
            if dl.is_overdue(item.deadline or {}, item.status, on_date, int(year[:4]))]


def is_item_overdue(item: WorkPlanItem, on_date: dt.date) -> bool:
    return dl.is_overdue(item.deadline or {}, item.status, on_date, item.section.plan.year.first_year)


# Writing ---------------------------------------------------------------------------------

def create_plan(session: Session, year_name: str, *, title: str = "", faculty_name: str = "",
                approver_name: str = "", approver_position: str = "", approval_date: dt.date | None = None,
                plan_id: int | None = None) -> WorkPlan:
    year = get_or_create_year(session, year_name)
    if session.scalar(select(WorkPlan.id).where(WorkPlan.year_id == year.id)):
        raise DomainError(_("A work plan for {year} already exists.").format(year=year_name))
    plan = WorkPlan(id=plan_id, year=year, title=title, faculty_name=faculty_name, approver_name=approver_name,
                    approver_position=approver_position, approval_date=approval_date)
    session.add(plan)
    session.flush()
    return plan


STANDARD_SECTIONS = tuple(k for k in SectionKind if k is not SectionKind.CUSTOM)


def create_standard_plan(session: Session, year_name: str, **fields) -> WorkPlan:
    """A new plan with the eight usual sections, titled in the interface language."""
    plan = create_plan(session, year_name, **fields)
    sections = [add_section(session, plan.id, SectionKind(kind).label(), kind.value) for kind in STANDARD_SECTIONS]
    _standard_titles_in_every_language(session, sections)
    return plan


def _standard_titles_in_every_language(session: Session, sections: list[WorkPlanSection]) -> None:
    """Built-in section titles ship translated: the other languages' titles become versions."""
    from desktop.i18n import current_language, translator
    from desktop.models.text_versions import CONTENT_LANGUAGES, TextRef, add_versions, set_originals_language

    lang = current_language()
    if lang not in CONTENT_LANGUAGES:
        return
    refs = [TextRef("workplan_section", s.id, "title") for s in sections]
    set_originals_language(session, refs, lang)
    add_versions(session, [(ref, other, translator(other)(SectionKind.labels()[SectionKind(s.kind)]))
                           for ref, s in zip(refs, sections, strict=True) for other in CONTENT_LANGUAGES
                           if other != lang])


def delete_plan(session: Session, plan_id: int) -> dict | None:
    """Delete a plan with its sections and items; returns a snapshot for :func:`restore_plan`."""
    plan = session.get(WorkPlan, plan_id)
    if plan is None:
        return None
    snap = {"id": plan.id, "year": plan.year.name, "title": plan.title, "faculty_name": plan.faculty_name,
            "approver_name": plan.approver_name, "approver_position": plan.approver_position,
            "approval_date": plan.approval_date,
            "sections": [{"id": s.id, "plan_id": plan.id, "position": s.position, "kind": s.kind, "title": s.title,
                          "items": [_item_snapshot(i) for i in s.items], "versions": _section_versions(s)}
                         for s in plan.sections],
            "versions": _plan_versions(plan)}
    session.delete(plan)
    session.flush()
    return snap


def restore_plan(session: Session, snap: dict) -> WorkPlan:
    """Bring back a plan deleted by :func:`delete_plan`, with the same ids."""
    plan = create_plan(session, snap["year"], title=snap["title"], faculty_name=snap["faculty_name"],
                       approver_name=snap["approver_name"], approver_position=snap["approver_position"],
                       approval_date=snap["approval_date"], plan_id=snap["id"])
    for section in snap["sections"]:
        restore_section(session, section)
    if snap.get("versions"):
        from desktop.models.text_versions import restore_versions

        restore_versions(session, "workplan", plan.id, snap["versions"])
    session.flush()
    return plan


def update_plan(session: Session, plan_id: int, **fields) -> dict:
    plan = _get(session, WorkPlan, plan_id)
    old = {k: getattr(plan, k) for k in fields}
    for k, v in fields.items():
        if k not in ("title", "faculty_name", "approver_name", "approver_position", "approval_date"):
            raise ValueError(k)
        setattr(plan, k, v)
    session.flush()
    return old


def add_section(session: Session, plan_id: int, title: str, kind: str = SectionKind.CUSTOM.value,
                position: int | None = None, section_id: int | None = None) -> WorkPlanSection:
    plan = _get(session, WorkPlan, plan_id)
    position = len(plan.sections) if position is None else position
    section = WorkPlanSection(id=section_id, kind=SectionKind(kind).value, title=title.strip())
    plan.sections.insert(position, section)
    _renumber(plan.sections)
    session.flush()
    return section


def update_section(session: Session, section_id: int, **fields) -> dict:
    section = _get(session, WorkPlanSection, section_id)
    old = {k: getattr(section, k) for k in fields}
    for k, v in fields.items():
        if k not in ("title", "kind"):
            raise ValueError(k)
        setattr(section, k, v)
    session.flush()
    return old


def delete_section(session: Session, section_id: int) -> dict:
    """Delete a section and its items; returns a snapshot for :func:`restore_section`."""
    section = _get(session, WorkPlanSection, section_id)
    snap = {"id": section.id, "plan_id": section.plan_id, "position": section.position, "kind": section.kind,
            "title": section.title, "items": [_item_snapshot(i) for i in section.items],
            "versions": _section_versions(section)}
    plan = section.plan
    plan.sections.remove(section)
    session.delete(section)
    _renumber(plan.sections)
    session.flush()
    return snap


def _section_versions(section: WorkPlanSection) -> list:
    from desktop.models.text_versions import snapshot_versions

    session = Session.object_session(section)
    assert session is not None  # a snapshot is taken of a loaded section
    return snapshot_versions(session, "workplan_section", section.id)


def _plan_versions(plan: WorkPlan) -> list:
    from desktop.models.text_versions import snapshot_versions

    session = Session.object_session(plan)
    assert session is not None  # a snapshot is taken of a loaded plan
    return snapshot_versions(session, "workplan", plan.id)


def restore_section(session: Session, snap: dict) -> None:
    section = add_section(session, snap["plan_id"], snap["title"], snap["kind"], snap["position"], snap["id"])
    if snap.get("versions"):
        from desktop.models.text_versions import restore_versions

        restore_versions(session, "workplan_section", section.id, snap["versions"])
    for item in snap["items"]:
        restore_item(session, {**item, "section_id": section.id})


def add_item(session: Session, section_id: int, text: str, *, deadline: dict | None = None,
             responsible: str | list | None = None, status: str = ItemStatus.PLANNED.value,
             position: int | None = None, item_id: int | None = None, index=None) -> WorkPlanItem:
    section = _get(session, WorkPlanSection, section_id)
    position = len(section.items) if position is None else max(0, min(position, len(section.items)))
    item = WorkPlanItem(id=item_id, text=text, deadline=deadline or {"kind": "text", "text": ""},
                        status=ItemStatus(status).value, completion_note="")
    section.items.insert(position, item)
    _renumber(section.items)
    session.flush()
    if responsible:
        set_responsible(session, item.id, responsible, index=index)
    return item


def _item_snapshot(item: WorkPlanItem) -> dict:
    from desktop.models.text_versions import snapshot_versions

    session = Session.object_session(item)
    assert session is not None  # a snapshot is taken of a loaded item
    return {"versions": snapshot_versions(session, "workplan_item", item.id),
            "responsible_versions": [snapshot_versions(session, "workplan_responsible", r.id)
                                     for r in item.responsible],
            "id": item.id, "section_id": item.section_id, "position": item.position, "text": item.text,
            "deadline": dict(item.deadline or {}), "status": item.status, "completion_note": item.completion_note,
            "completed_on": item.completed_on,
            # with their ids: a restore keeps them, so their language versions (keyed by id) stay theirs
            # on PostgreSQL too, where a new row would get a new id from the sequence
            "responsible": [{"id": r.id, "staff_id": r.staff_id, "role": r.role, "text": r.text}
                            for r in item.responsible]}


# What a delete from the window expects of an item: another office's change to these is never deleted unseen.
EXPECTED_ITEM_FIELDS = ("text", "status", "completion_note")


def delete_item(session: Session, item_id: int, expected: dict | None = None) -> dict:
    """Delete an item; returns its snapshot for ``restore_item``. ``expected`` (the fields of
    EXPECTED_ITEM_FIELDS as the window shows them, or as an undo put them back): a differing
    stored value, another office's change meanwhile, is refused with StaleDataError."""
    item = _get(session, WorkPlanItem, item_id)
    if expected is not None and any(getattr(item, f) != expected[f] for f in EXPECTED_ITEM_FIELDS if f in expected):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"workplan_item {item_id} was changed by another session")
    snap = _item_snapshot(item)
    section = item.section
    section.items.remove(item)
    session.delete(item)
    _renumber(section.items)
    session.flush()
    return snap


def restore_item(session: Session, snap: dict) -> WorkPlanItem:
    item = add_item(session, snap["section_id"], snap["text"], deadline=snap["deadline"], status=snap["status"],
                    position=snap["position"], item_id=snap["id"])
    item.completion_note = snap.get("completion_note", "")
    item.completed_on = snap.get("completed_on")
    item.responsible = [WorkPlanResponsible(position=i, **r) for i, r in enumerate(snap.get("responsible", []))]
    session.flush()
    _restore_versions(session, item, snap)
    return item


def _restore_versions(session: Session, item: WorkPlanItem, snap: dict) -> None:
    """An undone delete brings the item's language versions back too."""
    from desktop.models.text_versions import restore_versions

    if snap.get("versions"):
        restore_versions(session, "workplan_item", item.id, snap["versions"])
    for ref, saved in zip(item.responsible, snap.get("responsible_versions", []), strict=False):
        if saved:
            restore_versions(session, "workplan_responsible", ref.id, saved)


def move_item(session: Session, item_id: int, section_id: int, position: int) -> tuple[int, int]:
    """Move an item to ``position`` in a section (maybe another); numbering follows.
    Returns the old (section_id, position) for undo."""
    item = _get(session, WorkPlanItem, item_id)
    old = (item.section_id, item.position)
    source = item.section
    target = _get(session, WorkPlanSection, section_id)
    if target.plan_id != source.plan_id:
        raise DomainError(_("An item can only move within its own plan."))
    if target is source:
        source.items.remove(item)
        source.items.insert(max(0, min(position, len(source.items))), item)
    else:
        # moving the item straight into the other collection keeps it from being deleted as an orphan
        target.items.insert(max(0, min(position, len(target.items))), item)
        if item in source.items:
            source.items.remove(item)
            item.section = target
    _renumber(source.items)
    _renumber(target.items)
    session.flush()
    return old


def update_item(session: Session, item_id: int, *, expected: dict | None = None, **fields) -> dict:
    """Set text, deadline, status, completion_note, completed_on; returns the old values.

    ``expected``: the values the user saw; when another install changed one of them meanwhile the
    write is refused with StaleDataError (never a silent overwrite)."""
    item = _get(session, WorkPlanItem, item_id)
    changed = [k for k, v in (expected or {}).items() if getattr(item, k) != v]
    if changed:
        raise StaleDataError(f"workplan_item {item_id}: {', '.join(changed)} changed meanwhile")
    old = {}
    for k, v in fields.items():
        if k not in ("text", "deadline", "status", "completion_note", "completed_on"):
            raise ValueError(k)
        if k == "status":
            v = ItemStatus(v).value
        if k == "deadline" and v.get("kind") not in dl.KINDS:
            raise DomainError(_("Unknown kind of deadline."))
        old[k] = getattr(item, k)
        setattr(item, k, v)
    if fields.get("status") == ItemStatus.DONE and "completed_on" not in fields and item.completed_on is None:
        old["completed_on"] = None
        item.completed_on = clock.today()
    session.flush()
    return old


def set_responsible(session: Session, item_id: int, responsible: str | list, index=None) -> list[dict]:
    """Responsible persons from text ("Сопуев У.А., каф. башчылары") or a list of refs; returns the old list."""
    item = _get(session, WorkPlanItem, item_id)
    old = [{"staff_id": r.staff_id, "role": r.role, "text": r.text} for r in item.responsible]
    if isinstance(responsible, str):
        refs = parse_responsible(responsible, index if index is not None else staff_index(session))
        entries = [{"staff_id": r.staff_id, "role": r.role, "text": r.text} for r in refs]
    else:
        entries = [dict(r) if isinstance(r, dict) else {"staff_id": r.staff_id, "role": r.role, "text": r.text}
                   for r in responsible]
    from desktop.models.text_versions import carry_by_text, versions_by_text

    # the persons are re-created: a person written as before keeps their language versions
    kept = versions_by_text(session, "workplan_responsible", [(r.id, {"text": r.text}) for r in item.responsible])
    item.responsible.clear()
    session.flush()
    item.responsible.extend(WorkPlanResponsible(position=i, **e) for i, e in enumerate(entries))
    session.flush()
    carry_by_text(session, "workplan_responsible", kept, [(r.id, {"text": r.text}) for r in item.responsible])
    return old


def copy_to_next_year(session: Session, plan_id: int) -> WorkPlan:
    """The whole plan one year later: month and date deadlines moved, statuses reset to planned."""
    plan = _get(session, WorkPlan, plan_id)
    first = plan.year.first_year + 1
    new = create_plan(session, f"{first}-{first + 1}", title=_shift_years_in_text(plan.title),
                      faculty_name=plan.faculty_name, approver_name=plan.approver_name,
                      approver_position=plan.approver_position, approval_date=None)
    for section in plan.sections:
        copy = WorkPlanSection(kind=section.kind, title=section.title, position=section.position)
        new.sections.append(copy)
        for item in section.items:
            copy.items.append(WorkPlanItem(
                position=item.position, text=item.text, deadline=dl.shift_years(item.deadline or {}, 1),
                status=ItemStatus.PLANNED.value, completion_note="",
                responsible=[WorkPlanResponsible(position=r.position, staff_id=r.staff_id, role=r.role, text=r.text)
                             for r in item.responsible]))
    session.flush()
    _copy_versions(plan, new)
    return new


def _copy_versions(plan: WorkPlan, new: WorkPlan) -> None:
    """Every language version of the plan's texts goes along with the copy."""
    from desktop.models.text_versions import copy_versions

    session = Session.object_session(new)
    assert session is not None  # the copy was added to the session
    sections = {s.id: c.id for s, c in zip(plan.sections, new.sections, strict=True)}
    items = {i.id: c.id for s, cs in zip(plan.sections, new.sections, strict=True)
             for i, c in zip(s.items, cs.items, strict=True)}
    people = {r.id: rc.id for s, cs in zip(plan.sections, new.sections, strict=True)
              for i, c in zip(s.items, cs.items, strict=True)
              for r, rc in zip(i.responsible, c.responsible, strict=True)}
    copy_versions(session, "workplan", {plan.id: new.id})
    copy_versions(session, "workplan_section", sections)
    copy_versions(session, "workplan_item", items)
    copy_versions(session, "workplan_responsible", people)


def _shift_years_in_text(title: str) -> str:
    import re

    return re.sub(r"\b(\d{4})-(\d{4})\b", lambda m: f"{int(m.group(1)) + 1}-{int(m.group(2)) + 1}", title)


def _renumber(rows) -> None:
    for i, row in enumerate(rows):
        row.position = i


def _get(session: Session, entity, record_id: int):
    record = session.get(entity, record_id)
    if record is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    return record


__all__ = ["ResponsibleRef", "WorkPlan", "WorkPlanItem", "WorkPlanSection", "WorkPlanResponsible"]
