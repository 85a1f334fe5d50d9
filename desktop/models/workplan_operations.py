"""The work plan's writes as operations (models/operations.py): plans, their header, sections
and items. Each returns its result, the operation that undoes it, and ``Change.WORKPLAN``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from desktop.models import workplan as wp
from desktop.models.operations import Change, Outcome, bind, created, deleted, updated

WORKPLAN = Change.WORKPLAN


# Plans -------------------------------------------------------------------------------------------
def faculty_name(session: Session) -> str:
    """The faculty's name as a new plan's header states it."""
    from desktop.models.org import the_faculty

    faculty = the_faculty(session)
    return faculty.name if faculty else ""


def create_standard_plan_op(session: Session, year: str) -> Outcome[int]:
    """The year's plan with the standard sections; undo deletes it, redo brings it back."""
    return created(session, bind(wp.create_standard_plan, year, faculty_name=faculty_name(session)),
                   wp.delete_plan, wp.restore_plan, WORKPLAN)


def copy_to_next_year_op(session: Session, plan_id: int) -> Outcome[int]:
    return created(session, bind(wp.copy_to_next_year, plan_id), wp.delete_plan, wp.restore_plan, WORKPLAN)


def delete_plan_op(session: Session, plan_id: int) -> Outcome[wp.PlanSnapshot]:
    return deleted(session, wp.delete_plan, wp.restore_plan, plan_id, WORKPLAN)


def update_plan_op(session: Session, plan_id: int, **fields: Any) -> Outcome[dict[str, Any]]:
    return updated(session, wp.update_plan, plan_id, fields, WORKPLAN)


# Sections and items --------------------------------------------------------------------------------
def add_section_op(session: Session, plan_id: int, title: str) -> Outcome[int]:
    return created(session, bind(wp.add_section, plan_id, title), wp.delete_section, wp.restore_section, WORKPLAN)


def update_section_op(session: Session, section_id: int, **fields: Any) -> Outcome[dict[str, Any]]:
    return updated(session, wp.update_section, section_id, fields, WORKPLAN)


def delete_section_op(session: Session, section_id: int) -> Outcome[wp.SectionSnapshot]:
    return deleted(session, wp.delete_section, wp.restore_section, section_id, WORKPLAN)


def add_item_op(session: Session, section_id: int, text: str, position: int | None = None) -> Outcome[int]:
    return created(session, bind(wp.add_item, section_id, text, position=position), wp.delete_item, wp.restore_item,
                   WORKPLAN)


def delete_item_op(session: Session, item_id: int,
                   expected: Mapping[str, Any] | None = None) -> Outcome[wp.ItemSnapshot]:
    """``expected``: the item's fields as shown (``wp.EXPECTED_ITEM_FIELDS``); another office's
    change meanwhile is refused as stale. A redo deletes the item only as its undo put it back."""
    return deleted(session, wp.delete_item, wp.restore_item, item_id, WORKPLAN, expected)


def update_item_op(session: Session, item_id: int, fields: dict[str, Any],
                   expected: Mapping[str, Any] | None = None) -> Outcome[dict[str, Any]]:
    """Change fields of an item. ``expected``: the values the user saw; the write is refused
    (StaleDataError) when another install changed them meanwhile. Undo expects the values
    written here, so it never overwrites someone else's later change either."""
    before = wp.update_item(session, item_id, expected=expected, **fields)
    item = session.get(wp.WorkPlanItem, item_id)
    written = {key: getattr(item, key) for key in before}
    return Outcome(before, bind(update_item_op, item_id, dict(before), written), WORKPLAN)


def set_responsible_op(session: Session, item_id: int, responsible: str | Sequence[wp.ResponsibleEntry]
                       ) -> Outcome[list[wp.ResponsibleEntry]]:
    old = wp.set_responsible(session, item_id, responsible)
    return Outcome(old, bind(set_responsible_op, item_id, old), WORKPLAN)


def move_item_op(session: Session, item_id: int, section_id: int, position: int) -> Outcome[tuple[int, int]]:
    old = wp.move_item(session, item_id, section_id, position)
    return Outcome(old, bind(move_item_op, item_id, *old), WORKPLAN)
