"""The demo year's work plan: seed 000's plan, its deadlines moved to the demo year, with a
realistic mix of statuses (items whose deadline passed before the demo's "today" are mostly done).
A live demo of a Kazakh or Russian faculty has its own shorter plan in its language
(``workplan_seed_kk_ru``)."""

from __future__ import annotations

import datetime as dt

from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl
from desktop.models.demo import DemoContext
from desktop.models.demo.workplan_seed import SECTIONS, SEED_FIRST_YEAR
from desktop.models.workplan_people import staff_index


def build(ctx: DemoContext) -> None:
    s = ctx.session
    first = int(ctx.year_name[:4])
    shift = first - SEED_FIRST_YEAR
    faculty = ctx.made.get("faculty")
    dean = ctx.made.get("staff", {}).get("Сопуев У.А.")
    plan = wp.create_plan(
        s, ctx.year_name,
        title=ctx.text(f"{faculty.name if faculty else 'Факультеттин'} {ctx.year_name}-окуу жылына карата иш планы",
                       f"{faculty.name if faculty else 'Факультеттің'} {ctx.year_name} оқу жылына арналған "
                       "жұмыс жоспары",
                       f"План работы {faculty.name if faculty else 'факультета'} на {ctx.year_name} учебный год"),
        faculty_name=faculty.name if faculty else "",
        approver_name=dean.short_name if dean else "Сопуев У.А.",
        approver_position=ctx.text("Факультеттин деканы", "Факультет деканы", "Декан факультета"),
        approval_date=dt.date(first, 8, 28))
    index = staff_index(s)
    today = ctx.today
    count = 0
    sections = SECTIONS
    if ctx.lang != "ky":  # a Kazakh or Russian faculty's own (shorter) plan, already in its years
        from desktop.models.demo.workplan_seed_kk_ru import SECTIONS as OTHERS

        sections = [(kind, title, [(text, deadline.format(y1=first, y2=first + 1), who)
                                   for text, deadline, who in items]) for kind, title, items in OTHERS[ctx.lang]]
    for kind, title, items in sections:
        section = wp.add_section(s, plan.id, title, kind)
        for text, deadline_text, responsible in items:
            if ctx.lang != "ky":
                deadline = dl.parse(deadline_text, first)
            else:
                deadline = dl.shift_years(dl.parse(deadline_text, SEED_FIRST_YEAR), shift)
            if deadline["kind"] == "text":
                deadline["text"] = deadline["text"].replace(str(SEED_FIRST_YEAR), str(first))
            status = _status(ctx, deadline, first, today)
            item = wp.add_item(s, section.id, text, deadline=deadline, responsible=responsible, status=status,
                               index=index)
            if status == wp.ItemStatus.DONE:
                last = dl.last_day(deadline, first) or today
                item.completed_on = min(last, today)
                item.completion_note = ctx.text("Аткарылды", "Орындалды", "Выполнено")
            count += 1
    s.flush()
    ctx.made["workplan"] = plan
    ctx.summary.append(f"work plan {ctx.year_name}: {len(sections)} sections, {count} items")


def _status(ctx: DemoContext, deadline: dl.Deadline, first: int, today: dt.date) -> str:
    last = dl.last_day(deadline, first)
    kind = deadline["kind"]
    roll = ctx.rng.random()
    if last is not None and last < today:
        # a few left overdue (more of the shorter plan of a Kazakh or Russian live demo, so it has some)
        return wp.ItemStatus.DONE if roll < (0.88 if ctx.lang == "ky" else 0.7) else wp.ItemStatus.IN_PROGRESS
    periods = dl.periods(deadline, first)
    if kind in ("weekly", "monthly", "year_round") or any(s <= today <= e for s, e in periods):
        return wp.ItemStatus.IN_PROGRESS if roll < 0.85 else wp.ItemStatus.PLANNED
    return wp.ItemStatus.PLANNED if roll < 0.95 else wp.ItemStatus.CANCELLED
