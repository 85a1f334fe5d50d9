"""Reading the work plan: finding a year's plan, the whole plan as plain data for the editor and
the exports, and the items due or overdue (meeting agendas, the Today page)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, NotRequired, TypedDict

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop import clock
from desktop.i18n import N_, LabelledEnum, _
from desktop.models import workplan_deadline as dl
from desktop.models.base import DomainError
from desktop.models.org import AcademicYear
from desktop.models.workplan.entities import (
    ItemStatus,
    WorkPlan,
    WorkPlanItem,
    WorkPlanResponsible,
    WorkPlanSection,
    roman,
)
from desktop.models.workplan_deadline import Deadline

if TYPE_CHECKING:
    from desktop.models.document_frame import DocumentFrame


class TreePerson(TypedDict):
    id: int
    staff_id: int | None
    role: str
    text: str


class TreeItem(TypedDict):
    id: int
    section_id: int
    number: int  # within its section: "II.3" is item 3 of section II
    text: str
    deadline: Deadline
    status: str
    completion_note: str
    completed_on: dt.date | None
    responsible: list[TreePerson]
    responsible_text: str
    overdue: bool
    # a plan localized for an export or the editor (text_documents.localize_plan) says what it shows
    original_text: NotRequired[str]
    shown_lang: NotRequired[str | None]  # the version's language, None: the original
    original_lang: NotRequired[str | None]
    search_text: NotRequired[str]  # the editor's text filter: the item's versions and original


class TreeSection(TypedDict):
    id: int
    number: str  # Roman
    kind: str
    title: str
    items: list[TreeItem]


class PlanHeader(TypedDict):
    """A plan's header as its dialog edits it (``editing.update_plan`` takes these fields)."""

    title: str
    faculty_name: str
    approver_name: str
    approver_position: str
    approval_date: dt.date | None


class PlanTree(PlanHeader):
    """The whole plan as plain data (:func:`plan_tree`): the editor, the exports and the command line read it."""

    id: int
    year: str
    first_year: int
    sections: list[TreeSection]
    frames: dict[str, DocumentFrame]  # "plan", "progress"
    lang: NotRequired[str]  # set by text_documents.localize_plan


def plan_for_year(session: Session, year_name: str) -> WorkPlan | None:
    return session.scalar(select(WorkPlan).join(AcademicYear).where(AcademicYear.name == year_name))


def require_plan(session: Session, year_name: str) -> WorkPlan:
    plan = plan_for_year(session, year_name)
    if plan is None:
        raise DomainError(_("There is no work plan for {year}.").format(year=year_name))
    return plan


def item_ids_of(plan_id: int) -> Select[int]:
    """The ids of a plan's items, as a query (for lookups that take one, e.g. text versions)."""
    return select(WorkPlanItem.id).join(WorkPlanSection).where(WorkPlanSection.plan_id == plan_id)


def plan_years(session: Session) -> list[str]:
    return list(session.scalars(select(AcademicYear.name).join(WorkPlan).order_by(AcademicYear.name)))


def responsible_text(item: WorkPlanItem) -> str:
    return ", ".join(r.text for r in item.responsible)


def plan_tree(session: Session, plan: WorkPlan, today: dt.date | None = None) -> PlanTree:
    """The whole plan as plain data: header fields and sections with their item rows.

    Read as column tuples in four queries (not ORM objects with per-section lazy loads):
    the editor opens on this, and a 300-item plan must show within 200 ms."""
    today = today or clock.today()
    first = plan.year.first_year
    _install_calendar_events(session, [first])
    sections: list[TreeSection] = [
        {"id": sid, "number": roman(pos + 1), "kind": kind, "title": title, "items": []}
        for sid, pos, kind, title in session.execute(
            select(WorkPlanSection.id, WorkPlanSection.position, WorkPlanSection.kind, WorkPlanSection.title)
            .where(WorkPlanSection.plan_id == plan.id).order_by(WorkPlanSection.position))]
    by_section = {s["id"]: s for s in sections}
    people: dict[int, list[TreePerson]] = {}
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
        deadline = deadline.copy() if deadline else Deadline()
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


class Progress(LabelledEnum):
    """Where an item counts in the progress report and the editor's bars (in this order)."""

    DONE = "done", N_("Done")
    IN_PROGRESS = "in_progress", N_("In progress")
    OVERDUE = "overdue", N_("Overdue")
    PLANNED = "planned", N_("Planned")


def progress_bucket(item: TreeItem) -> Progress:
    if item["status"] == ItemStatus.DONE:
        return Progress.DONE
    if item["overdue"]:
        return Progress.OVERDUE
    return Progress.IN_PROGRESS if item["status"] == ItemStatus.IN_PROGRESS else Progress.PLANNED


def _frames(session: Session) -> dict[str, DocumentFrame]:
    """The official frame of the plan and of its progress report (``models.document_frame``)."""
    from desktop.models.document_frame import document_frame

    return {"plan": document_frame(session, "plan"), "progress": document_frame(session, "progress")}


def _plan_items(session: Session) -> list[tuple[WorkPlanItem, str]]:
    rows = [(item, year) for item, year in session.execute(
        select(WorkPlanItem, AcademicYear.name).join(WorkPlanSection).join(WorkPlan).join(AcademicYear)
        .order_by(AcademicYear.name, WorkPlanSection.position, WorkPlanItem.position))]
    _install_calendar_events(session, {int(year[:4]) for _item, year in rows})
    return rows


def _install_calendar_events(session: Session, first_years: Iterable[int]) -> None:
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

