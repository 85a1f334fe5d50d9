"""The demo year's work plan: seed 000's plan, its deadlines moved to the demo year, with a
realistic mix of statuses (items whose deadline passed before the demo's "today" are mostly done)."""

from __future__ import annotations

import datetime as dt

from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl
from desktop.models.demo import DemoContext
from desktop.models.demo.workplan_seed import SECTIONS, SEED_FIRST_YEAR
from desktop.models.workplan_people import staff_index



# Section titles of a Kazakh and a Russian faculty's plan (the items keep seed 000's Kyrgyz text).
SECTION_TITLES = {
    "organisational": ("Ұйымдастыру жұмыстары", "Организационная работа"),
    "teaching": ("Оқу-әдістемелік жұмыстар", "Учебно-методическая работа"),
    "research": ("Ғылыми-зерттеу жұмыстары (ҒЗЖ)", "Научно-исследовательская работа (НИР)"),
    "upbringing": ("Тәрбие жұмыстары", "Воспитательная работа"),
    "accreditation": ("Тәуелсіз аккредиттеуге дайындық жұмыстары", "Подготовка к независимой аккредитации"),
    "international": ("Халықаралық байланыстар және академиялық ұтқырлық", "Международные связи и мобильность"),
    "career_guidance": ("Кәсіптік бағдар беру және кәсіби бейімделу жұмыстары",
                        "Профориентационная работа и профессиональная адаптация"),
    "material_base": ("Материалдық-техникалық базаны және кітап қорын нығайту",
                      "Укрепление материально-технической базы и библиотечного фонда"),
}


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
    for kind, title, items in SECTIONS:
        if ctx.lang != "ky":
            title = SECTION_TITLES[kind][0 if ctx.lang == "kk" else 1]
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
                item.completion_note = ctx.text("Аткарылды", "Орындалды", "Выполнено")
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
