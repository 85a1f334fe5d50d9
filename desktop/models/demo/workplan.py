"""The demo year's work plan: seed 000's plan, its deadlines moved to the demo year, with a
realistic mix of statuses (items whose deadline passed before the demo's "today" are mostly done)."""

from __future__ import annotations

import datetime as dt

from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl
from desktop.models.demo import DemoContext
from desktop.models.demo.workplan_seed import SECTIONS, SEED_FIRST_YEAR
from desktop.models.workplan_people import staff_index
from desktop import clock



def _today() -> dt.date:
    # Statuses follow the real date, so the plan looks lived-in whenever the demo is built:
    # what is past is mostly done, a few things are overdue, what is current is in progress.
    return clock.today()


def build(ctx: DemoContext) -> None:
    s = ctx.session
    first = int(ctx.year_name[:4])
    shift = first - SEED_FIRST_YEAR
    faculty = ctx.made.get("faculty")
    dean = ctx.made.get("staff", {}).get("Сопуев У.А.")
    plan = wp.create_plan(
        s, ctx.year_name,
        title=f"{faculty.name if faculty else 'Факультеттин'} {ctx.year_name}-окуу жылына карата иш планы",
        faculty_name=faculty.name if faculty else "",
        approver_name=dean.short_name if dean else "Сопуев У.А.",
        approver_position="Факультеттин деканы", approval_date=dt.date(first, 8, 28))
    index = staff_index(s)
    today = _today()
    count = 0
    for kind, title, items in SECTIONS:
        section = wp.add_section(s, plan.id, title, kind)
        for text, deadline_text, responsible in items:
            deadline = dl.shift_years(dl.parse(deadline_text, SEED_FIRST_YEAR), shift)
            if deadline["kind"] == "text":
                deadline["text"] = deadline["text"].replace(str(SEED_FIRST_YEAR), str(first))
            status = _status(ctx, deadline, first, today)
            item = wp.add_item(s, section.id, text, deadline=deadline, responsible=responsible, status=status,
                               index=index)
            if status == wp.ItemStatus.DONE:
                last = dl.last_day(deadline, first) or today
                item.completed_on = min(last, today)
                item.completion_note = "Аткарылды"
            count += 1
    s.flush()
    ctx.made["workplan"] = plan
    ctx.summary.append(f"work plan {ctx.year_name}: {len(SECTIONS)} sections, {count} items")


def _status(ctx: DemoContext, deadline: dict, first: int, today: dt.date) -> str:
    last = dl.last_day(deadline, first)
    kind = deadline["kind"]
    roll = ctx.rng.random()
    if last is not None and last < today:
        return wp.ItemStatus.DONE if roll < 0.88 else wp.ItemStatus.IN_PROGRESS  # a few left overdue
    periods = dl.periods(deadline, first)
    if kind in ("weekly", "monthly", "year_round") or any(s <= today <= e for s, e in periods):
        return wp.ItemStatus.IN_PROGRESS if roll < 0.85 else wp.ItemStatus.PLANNED
    return wp.ItemStatus.PLANNED if roll < 0.95 else wp.ItemStatus.CANCELLED
