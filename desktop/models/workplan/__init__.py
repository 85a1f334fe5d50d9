"""The faculty's annual work plan: sections with Roman numerals, numbered items with deadlines
as data (see ``workplan_deadline``), responsible persons linked to staff, statuses.

Every write is one unit of work in the caller's session and returns what undo needs.

Modules by job
--------------
``entities`` (tables and enums), ``queries`` (finding plans, the plan as plain data
``plan_tree``, items due or overdue), ``editing`` (plans, sections, items and their persons),
``snapshots`` (what a delete keeps for its undo), ``copying`` (to the next year); the operations
are ``models/workplan_operations.py``. Every public name is importable from this package.
"""

from desktop.models.workplan.copying import copy_to_next_year
from desktop.models.workplan.editing import (
    add_item,
    add_section,
    create_plan,
    create_standard_plan,
    delete_item,
    delete_plan,
    delete_section,
    move_item,
    restore_item,
    restore_plan,
    restore_section,
    set_responsible,
    update_item,
    update_plan,
    update_section,
)
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
    roman,
)
from desktop.models.workplan.queries import (
    PlanHeader,
    PlanTree,
    Progress,
    TreeItem,
    TreePerson,
    TreeSection,
    is_item_overdue,
    item_ids_of,
    items_due,
    items_overdue,
    plan_for_year,
    plan_tree,
    plan_years,
    progress_bucket,
    require_plan,
    responsible_text,
)
from desktop.models.workplan.snapshots import (
    ItemSnapshot,
    PlanSnapshot,
    ResponsibleEntry,
    SavedResponsible,
    SectionSnapshot,
)
from desktop.models.workplan_people import ResponsibleRef

__all__ = [
    "ItemStatus",
    "SectionKind",
    "WorkPlan",
    "WorkPlanSection",
    "WorkPlanItem",
    "WorkPlanResponsible",
    "ResponsibleRef",
    "STANDARD_SECTIONS",
    "EXPECTED_ITEM_FIELDS",
    "HEADER_FIELDS",
    "roman",
    "PlanHeader",
    "PlanTree",
    "Progress",
    "TreeSection",
    "TreeItem",
    "TreePerson",
    "plan_for_year",
    "require_plan",
    "plan_years",
    "responsible_text",
    "plan_tree",
    "progress_bucket",
    "items_due",
    "items_overdue",
    "is_item_overdue",
    "item_ids_of",
    "ResponsibleEntry",
    "SavedResponsible",
    "ItemSnapshot",
    "SectionSnapshot",
    "PlanSnapshot",
    "create_plan",
    "create_standard_plan",
    "delete_plan",
    "restore_plan",
    "update_plan",
    "add_section",
    "update_section",
    "delete_section",
    "restore_section",
    "add_item",
    "delete_item",
    "restore_item",
    "move_item",
    "update_item",
    "set_responsible",
    "copy_to_next_year",
]
