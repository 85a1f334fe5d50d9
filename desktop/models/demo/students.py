"""Demo history of the contingent: every student's enrolment and yearly promotions, and a few
academic leaves, returns, expulsions and transfers, so lists, cards and headcounts have history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, text

from desktop.models.contingent import Group, Student, StudentStatus
from desktop.models.demo import DemoContext
from desktop.models.movements import Movement, MovementKind

EXPULSION_REASONS = ["Өз каалоосу боюнча", "Академиялык карызы үчүн", "Келишим боюнча төлөбөгөнү үчүн",
                     "По собственному желанию", "Басқа ЖОО-ға ауысуына байланысты"]


def build(ctx: DemoContext) -> None:
    s, rng = ctx.session, ctx.rng
    year = ctx.made["year"]
    first_year = year.first_year
    groups = {g.id: g for g in s.scalars(select(Group))}
    # Transfers go to another group of the same programme and course.
    siblings: dict[tuple, list[int]] = {}
    for g in groups.values():
        siblings.setdefault((g.programme_id, g.course), []).append(g.id)

    movements: list[dict] = []
    changed: list[dict] = []
    order_no = 100
    counts = {"leave": 0, "expelled": 0, "transfer": 0}

    def move(sid, kind, day, group_id, from_group, course, status, number, reason=""):
        movements.append({"student_id": sid, "kind": kind.value, "order_number": number,
                          "order_date": day - dt.timedelta(days=rng.randrange(1, 8)), "effective_date": day,
                          "reason": reason, "from_group_id": from_group, "group_id": group_id, "course": course,
                          "status": status.value})

    for sid, gid in s.execute(select(Student.id, Student.group_id).order_by(Student.id)).all():
        assert gid is not None  # every demo student is made in a group
        g = groups[gid]
        intake = g.intake_year or first_year
        move(sid, MovementKind.ENROLMENT, dt.date(intake, 8, 25), gid, None, 1, StudentStatus.STUDYING,
             f"{intake}-{order_no // 10}-к")
        for course in range(2, g.course + 1):
            move(sid, MovementKind.PROMOTION, dt.date(intake + course - 1, 7, 1), gid, gid, course,
                 StudentStatus.STUDYING, f"{intake + course - 1}-77-к")
        order_no += 1
        roll = rng.random()
        day = dt.date(first_year, 10, 1) + dt.timedelta(days=rng.randrange(0, 90))
        if ctx.live and day >= ctx.today:  # a live demo's movements are in the past
            day = dt.date(first_year, 9, 2) + dt.timedelta(days=(day - dt.date(first_year, 9, 2)).days
                                                           % max(1, (ctx.today - dt.date(first_year, 9, 2)).days))
        if roll < 0.03:
            move(sid, MovementKind.ACADEMIC_LEAVE, day, gid, gid, g.course, StudentStatus.ACADEMIC_LEAVE,
                 f"{first_year}-{200 + counts['leave']}-ао")
            counts["leave"] += 1
            if rng.random() < 0.3:
                move(sid, MovementKind.RETURN, day + dt.timedelta(days=40), gid, gid, g.course,
                     StudentStatus.STUDYING, f"{first_year}-{300 + counts['leave']}-ао")
        elif roll < 0.05:
            move(sid, MovementKind.EXPULSION, day, gid, gid, g.course, StudentStatus.EXPELLED,
                 f"{first_year}-{400 + counts['expelled']}-ч", rng.choice(EXPULSION_REASONS))
            counts["expelled"] += 1
        elif roll < 0.07:
            others = [o for o in siblings[(g.programme_id, g.course)] if o != gid]
            if others:
                target = rng.choice(others)
                move(sid, MovementKind.TRANSFER, day, target, gid, g.course, StudentStatus.STUDYING,
                     f"{first_year}-{500 + counts['transfer']}-п")
                counts["transfer"] += 1
        last = movements[-1]
        if last["status"] != StudentStatus.STUDYING.value or last["group_id"] != gid:
            changed.append({"sid": sid, "status": last["status"], "gid": last["group_id"]})

    if movements:
        s.execute(insert(Movement), movements)
    if changed:
        s.execute(text("UPDATE student SET status = :status, group_id = :gid WHERE id = :sid"), changed)
    # Group heads: the first studying student of each group.
    heads: dict[int, int] = dict(s.execute(text("SELECT group_id, min(id) FROM student WHERE status = 'studying' "
                                "GROUP BY group_id")).all())
    for gid, g in groups.items():
        g.head_student_id = heads.get(gid)
    s.flush()
    ctx.summary.append(f"movements: {len(movements)} ({counts['leave']} academic leaves, "
                       f"{counts['expelled']} expulsions, {counts['transfer']} transfers)")
