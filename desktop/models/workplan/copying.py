"""A work plan copied to the next academic year."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.models import workplan_deadline as dl
from desktop.models.workplan.editing import create_plan, get_record
from desktop.models.workplan.entities import ItemStatus, WorkPlan, WorkPlanItem, WorkPlanResponsible, WorkPlanSection


def copy_to_next_year(session: Session, plan_id: int) -> WorkPlan:
    """The whole plan one year later: month and date deadlines moved, statuses reset to planned."""
    plan = get_record(session, WorkPlan, plan_id)
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

