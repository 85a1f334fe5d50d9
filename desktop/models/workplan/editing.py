"""Writing the work plan: plans, their header, sections and items, responsible persons.

Every function is one unit of work in the caller's session and returns what undo needs (the old
values, or a snapshot for the matching restore)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop import clock
from desktop.i18n import _
from desktop.models import workplan_deadline as dl
from desktop.models.base import DomainError
from desktop.models.org import get_or_create_year
from desktop.models.workplan.entities import (
    EXPECTED_ITEM_FIELDS,
    HEADER_FIELDS,
    STANDARD_SECTIONS,
    ItemStatus,
    SectionKind,
    WorkPlan,
    WorkPlanItem,
    WorkPlanResponsible,
    WorkPlanSection,
)
from desktop.models.workplan.snapshots import (
    ItemSnapshot,
    PlanSnapshot,
    ResponsibleEntry,
    SectionSnapshot,
    item_snapshot,
    plan_snapshot,
    restore_item_versions,
    section_snapshot,
)
from desktop.models.workplan_deadline import Deadline
from desktop.models.workplan_people import ResponsibleRef, StaffIndex, parse_responsible, staff_index


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


def delete_plan(session: Session, plan_id: int) -> PlanSnapshot | None:
    """Delete a plan with its sections and items; returns a snapshot for :func:`restore_plan`."""
    plan = session.get(WorkPlan, plan_id)
    if plan is None:
        return None
    snap = plan_snapshot(plan)
    session.delete(plan)
    session.flush()
    return snap


def restore_plan(session: Session, snap: PlanSnapshot) -> WorkPlan:
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


def update_plan(session: Session, plan_id: int, **fields: Any) -> dict[str, Any]:
    plan = get_record(session, WorkPlan, plan_id)
    old = {k: getattr(plan, k) for k in fields}
    for k, v in fields.items():
        if k not in HEADER_FIELDS:
            raise ValueError(k)
        setattr(plan, k, v)
    session.flush()
    return old


def add_section(session: Session, plan_id: int, title: str, kind: str = SectionKind.CUSTOM.value,
                position: int | None = None, section_id: int | None = None) -> WorkPlanSection:
    plan = get_record(session, WorkPlan, plan_id)
    position = len(plan.sections) if position is None else position
    section = WorkPlanSection(id=section_id, kind=SectionKind(kind).value, title=title.strip())
    plan.sections.insert(position, section)
    _renumber(plan.sections)
    session.flush()
    return section


def update_section(session: Session, section_id: int, **fields: Any) -> dict[str, Any]:
    section = get_record(session, WorkPlanSection, section_id)
    old = {k: getattr(section, k) for k in fields}
    for k, v in fields.items():
        if k not in ("title", "kind"):
            raise ValueError(k)
        setattr(section, k, v)
    session.flush()
    return old


def delete_section(session: Session, section_id: int) -> SectionSnapshot:
    """Delete a section and its items; returns a snapshot for :func:`restore_section`."""
    section = get_record(session, WorkPlanSection, section_id)
    snap = section_snapshot(section)
    _remove(session, section, section.plan.sections)
    return snap


def restore_section(session: Session, snap: SectionSnapshot) -> None:
    section = add_section(session, snap["plan_id"], snap["title"], snap["kind"], snap["position"], snap["id"])
    if snap.get("versions"):
        from desktop.models.text_versions import restore_versions

        restore_versions(session, "workplan_section", section.id, snap["versions"])
    for item in snap["items"]:
        restore_item(session, {**item, "section_id": section.id})


def add_item(session: Session, section_id: int, text: str, *, deadline: Deadline | None = None,
             responsible: str | Sequence[ResponsibleEntry | ResponsibleRef] | None = None,
             status: str = ItemStatus.PLANNED.value, position: int | None = None, item_id: int | None = None,
             index: StaffIndex | None = None) -> WorkPlanItem:
    section = get_record(session, WorkPlanSection, section_id)
    position = len(section.items) if position is None else max(0, min(position, len(section.items)))
    item = WorkPlanItem(id=item_id, text=text, deadline=deadline or {"kind": "text", "text": ""},
                        status=ItemStatus(status).value, completion_note="")
    section.items.insert(position, item)
    _renumber(section.items)
    session.flush()
    if responsible:
        set_responsible(session, item.id, responsible, index=index)
    return item


def delete_item(session: Session, item_id: int, expected: Mapping[str, Any] | None = None) -> ItemSnapshot:
    """Delete an item; returns its snapshot for ``restore_item``. ``expected`` (the fields of
    EXPECTED_ITEM_FIELDS as the window shows them, or as an undo put them back): a differing
    stored value, another office's change meanwhile, is refused with StaleDataError."""
    item = get_record(session, WorkPlanItem, item_id)
    if expected is not None and any(getattr(item, f) != expected[f] for f in EXPECTED_ITEM_FIELDS if f in expected):
        raise StaleDataError(f"workplan_item {item_id} was changed by another session")
    snap = item_snapshot(item)
    _remove(session, item, item.section.items)
    return snap


def restore_item(session: Session, snap: ItemSnapshot) -> WorkPlanItem:
    item = add_item(session, snap["section_id"], snap["text"], deadline=snap["deadline"], status=snap["status"],
                    position=snap["position"], item_id=snap["id"])
    item.completion_note = snap.get("completion_note", "")
    item.completed_on = snap.get("completed_on")
    item.responsible = [WorkPlanResponsible(position=i, **r) for i, r in enumerate(snap.get("responsible", []))]
    session.flush()
    restore_item_versions(session, item, snap)
    return item


def move_item(session: Session, item_id: int, section_id: int, position: int) -> tuple[int, int]:
    """Move an item to ``position`` in a section (maybe another); numbering follows.
    Returns the old (section_id, position) for undo."""
    item = get_record(session, WorkPlanItem, item_id)
    old = (item.section_id, item.position)
    source = item.section
    target = get_record(session, WorkPlanSection, section_id)
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


def update_item(session: Session, item_id: int, *, expected: Mapping[str, Any] | None = None,
                **fields: Any) -> dict[str, Any]:
    """Set text, deadline, status, completion_note, completed_on; returns the old values.

    ``expected``: the values the user saw; when another install changed one of them meanwhile the
    write is refused with StaleDataError (never a silent overwrite)."""
    item = get_record(session, WorkPlanItem, item_id)
    changed = [k for k, v in (expected or {}).items() if getattr(item, k) != v]
    if changed:
        raise StaleDataError(f"workplan_item {item_id}: {', '.join(changed)} changed meanwhile")
    old: dict[str, Any] = {}
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


def set_responsible(session: Session, item_id: int, responsible: str | Sequence[ResponsibleEntry | ResponsibleRef],
                    index: StaffIndex | None = None) -> list[ResponsibleEntry]:
    """Responsible persons from text ("Сопуев У.А., каф. башчылары") or a list of refs; returns the old list."""
    item = get_record(session, WorkPlanItem, item_id)
    old = [_entry(r) for r in item.responsible]
    if isinstance(responsible, str):
        refs = parse_responsible(responsible, index if index is not None else staff_index(session))
        entries = [_entry(r) for r in refs]
    else:
        entries = [r.copy() if isinstance(r, dict) else _entry(r) for r in responsible]
    from desktop.models.text_versions import carry_by_text, versions_by_text

    # the persons are re-created: a person written as before keeps their language versions
    kept = versions_by_text(session, "workplan_responsible", [(r.id, {"text": r.text}) for r in item.responsible])
    item.responsible.clear()
    session.flush()
    item.responsible.extend(WorkPlanResponsible(position=i, **e) for i, e in enumerate(entries))
    session.flush()
    carry_by_text(session, "workplan_responsible", kept, [(r.id, {"text": r.text}) for r in item.responsible])
    return old


def _entry(person: WorkPlanResponsible | ResponsibleRef) -> ResponsibleEntry:
    return {"staff_id": person.staff_id, "role": person.role, "text": person.text}


Row = TypeVar("Row", WorkPlanSection, WorkPlanItem)


def _remove(session: Session, record: Row, siblings: list[Row]) -> None:
    """Delete a section or an item; the ones left keep their numbering without a gap."""
    siblings.remove(record)
    session.delete(record)
    _renumber(siblings)
    session.flush()


def _renumber(rows: Sequence[WorkPlanSection | WorkPlanItem]) -> None:
    for i, row in enumerate(rows):
        row.position = i


Record = TypeVar("Record", WorkPlan, WorkPlanSection, WorkPlanItem)


def get_record(session: Session, entity: type[Record], record_id: int) -> Record:
    record = session.get(entity, record_id)
    if record is None:
        raise DomainError(_("The record was deleted meanwhile; reload the list."))
    return record

