"""What a deleted plan, section or item leaves for its undo: the rows with their ids and every
language version of their texts, so a restore brings them back as they were (the same ids, so
the versions keyed by id stay theirs on PostgreSQL too)."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

from sqlalchemy.orm import Session

from desktop.models.workplan.entities import WorkPlan, WorkPlanItem, WorkPlanSection
from desktop.models.workplan_deadline import Deadline

Versions = list[tuple[Any, ...]]  # text_versions.snapshot_versions: (field, lang, text, source) rows


class ResponsibleEntry(TypedDict):
    """One responsible person of an item as written: linked to staff, a role, or plain text."""

    staff_id: int | None
    role: str
    text: str


class SavedResponsible(ResponsibleEntry):
    id: int


class ItemSnapshot(TypedDict):
    id: int
    section_id: int
    position: int
    text: str
    deadline: Deadline
    status: str
    completion_note: str
    completed_on: dt.date | None
    responsible: list[SavedResponsible]
    versions: Versions
    responsible_versions: list[Versions]


class SectionSnapshot(TypedDict):
    id: int
    plan_id: int
    position: int
    kind: str
    title: str
    items: list[ItemSnapshot]
    versions: Versions


class PlanSnapshot(TypedDict):
    id: int
    year: str
    title: str
    faculty_name: str
    approver_name: str
    approver_position: str
    approval_date: dt.date | None
    sections: list[SectionSnapshot]
    versions: Versions


def _session(record: object) -> Session:
    session = Session.object_session(record)
    assert session is not None  # a snapshot is taken of a loaded record
    return session


def plan_snapshot(plan: WorkPlan) -> PlanSnapshot:
    from desktop.models.text_versions import snapshot_versions

    return {"id": plan.id, "year": plan.year.name, "title": plan.title, "faculty_name": plan.faculty_name,
            "approver_name": plan.approver_name, "approver_position": plan.approver_position,
            "approval_date": plan.approval_date, "sections": [section_snapshot(s) for s in plan.sections],
            "versions": snapshot_versions(_session(plan), "workplan", plan.id)}


def section_snapshot(section: WorkPlanSection) -> SectionSnapshot:
    from desktop.models.text_versions import snapshot_versions

    return {"id": section.id, "plan_id": section.plan_id, "position": section.position, "kind": section.kind,
            "title": section.title, "items": [item_snapshot(i) for i in section.items],
            "versions": snapshot_versions(_session(section), "workplan_section", section.id)}


def item_snapshot(item: WorkPlanItem) -> ItemSnapshot:
    from desktop.models.text_versions import snapshot_versions

    session = _session(item)
    return {"versions": snapshot_versions(session, "workplan_item", item.id),
            "responsible_versions": [snapshot_versions(session, "workplan_responsible", r.id)
                                     for r in item.responsible],
            "id": item.id, "section_id": item.section_id, "position": item.position, "text": item.text,
            "deadline": item.deadline.copy() if item.deadline else Deadline(), "status": item.status,
            "completion_note": item.completion_note, "completed_on": item.completed_on,
            # with their ids: a restore keeps them, so their language versions (keyed by id) stay theirs
            # on PostgreSQL too, where a new row would get a new id from the sequence
            "responsible": [{"id": r.id, "staff_id": r.staff_id, "role": r.role, "text": r.text}
                            for r in item.responsible]}


def restore_item_versions(session: Session, item: WorkPlanItem, snap: ItemSnapshot) -> None:
    """An undone delete brings the item's language versions back too."""
    from desktop.models.text_versions import restore_versions

    if snap.get("versions"):
        restore_versions(session, "workplan_item", item.id, snap["versions"])
    for ref, saved in zip(item.responsible, snap.get("responsible_versions", []), strict=False):
        if saved:
            restore_versions(session, "workplan_responsible", ref.id, saved)
