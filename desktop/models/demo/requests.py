"""Demo service requests: fourteen in every state around the day the demo is built, a third of them overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select

from desktop.models.contingent import Student
from desktop.models.demo import DemoContext
from desktop.models.request_templates import ProcedureTemplate, StepSpec, add_template, ensure_builtin_procedures
from desktop.models.requests import RequestStep, create_request, record_step, refuse_request
from desktop.models.workdays import work_calendar

# The office's own procedures (issue 9: a certificate of study, a transcript, a transfer request).
OFFICE_PROCEDURES = [
    ("Справка об обучении", [StepSpec("Подготовка справки", "Деканат", "working", 2),
                             StepSpec("Подпись декана и печать", "Деканат", "working", 1)]),
    ("Академическая справка (транскрипт)", [
        StepSpec("Выписка оценок из ведомостей", "Деканат", "working", 5),
        StepSpec("Проверка учебной частью", "Учебная часть", "working", 3),
        StepSpec("Запрос архива", "Архив", "working", 5, optional=True, condition="Студент учился до 2015 года"),
        StepSpec("Выдача", "Деканат", "working", 1)]),
    ("Заявление о переводе", [StepSpec("Рассмотрение на кафедре", "Кафедра", "working", 5),
                              StepSpec("Приказ о переводе", "Ректорат", "calendar", 10)]),
]

GRADUATES = ["Абдыкадыров Нурбек Токтогулович", "Жақсыбекова Әйгерім Ғалымқызы", "Петров Сергей Иванович",
             "Үсөнова Гүлзат Өмүрбековна"]

# (procedure: a built-in key or an index into OFFICE_PROCEDURES, received so many working days before
# the anchor day, the state on the anchor day). The state is made true whatever the anchor: steps
# are recorded until just the wanted one is left open, so on any day about a third of the requests
# are overdue (4 of 14), the rest on time, done or refused:
#   "done"     every step done on its planned day (not after the anchor)
#   "on_time"  every step planned before the anchor done on time, the next one due on or after it
#   "late"     like on_time, but the first step was done two working days late (the rest re-planned)
#   "overdue"  the steps done up to one planned before the anchor, which is left open (overdue)
#   "refused"  refused two working days after it was received
PLAN: list[tuple[str | int, int, str]] = [
    ("duplicate_diploma", 60, "done"), ("duplicate_diploma", 45, "overdue"), ("duplicate_diploma", 25, "overdue"),
    ("duplicate_diploma", 12, "late"), ("duplicate_diploma", 2, "on_time"), ("duplicate_diploma", 30, "refused"),
    ("grants", 6, "on_time"), (0, 10, "done"), (0, 6, "overdue"), (0, 1, "on_time"), (1, 20, "overdue"),
    (1, 8, "late"), (2, 30, "done"), (2, 8, "refused"),
]


def plant(s, anchor: dt.date, rng, students: Sequence[int], staff: list[str], office: list[int]) -> list[int]:
    """Register the PLAN's requests around ``anchor`` (the demo's "today"); returns their ids."""
    builtin = dict(s.execute(select(ProcedureTemplate.builtin_key, ProcedureTemplate.id)
                             .where(ProcedureTemplate.builtin_key.is_not(None))).all())
    cal = work_calendar(s)
    channels = ["in_person", "service_centre", "portal"]
    made = []
    for n, (proc, ago, state) in enumerate(PLAN):
        procedure_id = builtin[proc] if isinstance(proc, str) else office[proc]
        use_student = students and n % 3 != 1
        received = cal.add_working_days(anchor, -ago) if ago else anchor
        rid = create_request(
            s, procedure_id, received, student_id=rng.choice(students) if use_student else None,
            applicant="" if use_student else GRADUATES[n % len(GRADUATES)],
            channel=channels[n % 3], conditions={3} if n % 2 == 0 else {2} if proc == 1 else ())
        made.append(rid)
        if state == "refused":
            refuse_request(s, rid, "Неполный пакет документов: нет справки из архива",
                           min(anchor, cal.add_working_days(received, 2)))
            continue
        first = True
        while True:
            steps = s.scalars(select(RequestStep).where(RequestStep.request_id == rid, RequestStep.taken.is_(True),
                                                        RequestStep.actual.is_(None))
                              .order_by(RequestStep.position)).all()
            if not steps:
                break
            current, following = steps[0], steps[1] if len(steps) > 1 else None
            if state == "done":
                on = min(current.planned, anchor)
            elif state == "overdue":
                if not (current.planned < anchor and following is not None and following.planned < anchor):
                    break  # the current step stays open past its date
                on = current.planned
            else:  # on time, perhaps with the first step late: nothing left overdue on the anchor day
                if current.planned >= anchor or following is None:
                    break
                on = current.planned
                if state == "late" and first:
                    on = min(anchor, cal.add_working_days(current.planned, 2))
            record_step(s, current.id, on, rng.choice(staff), "")
            first = False
    return made


def build(ctx: DemoContext) -> None:
    s = ctx.session
    ensure_builtin_procedures(s)
    office = [add_template(s, name, steps) for name, steps in OFFICE_PROCEDURES]
    students = s.execute(select(Student.id).order_by(Student.id).limit(40)).scalars().all()
    staff = [m.short_name for m in ctx.made.get("staff", {}).values()] or ["Беделова Н.С."]
    # Anchored on the day the demo is built, so the register looks alive whenever it is opened;
    # which requests are overdue does not depend on that day (see PLAN).
    plant(s, ctx.today, ctx.rng, students, staff, office)
    ctx.summary.append(f"service requests: {len(PLAN)} requests, {len(office)} office procedures")
