"""Demo service requests: a dozen in every state, counted from today so some are always overdue."""

from __future__ import annotations

import datetime as dt

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

# (procedure, days before today it was received, how many steps are done: "all", "late" = done but
# the next step left overdue, an int = that many steps done on time, "refused")
PLAN = [
    ("duplicate_diploma", 70, "all"), ("duplicate_diploma", 45, 4), ("duplicate_diploma", 20, "late"),
    ("duplicate_diploma", 3, 0), ("duplicate_diploma", 30, "refused"), ("grants", 10, 1),
    (0, 12, "all"), (0, 4, "late"), (0, 1, 0), (1, 25, 2), (1, 40, "late"), (2, 15, 1), (2, 8, "refused"),
]


def build(ctx: DemoContext) -> None:
    s = ctx.session
    ensure_builtin_procedures(s)
    builtin = dict(s.execute(select(ProcedureTemplate.builtin_key, ProcedureTemplate.id)
                             .where(ProcedureTemplate.builtin_key.is_not(None))).all())
    office = [add_template(s, name, steps) for name, steps in OFFICE_PROCEDURES]
    students = s.execute(select(Student.id).order_by(Student.id).limit(40)).scalars().all()
    staff = [m.short_name for m in ctx.made.get("staff", {}).values()] or ["Беделова Н.С."]
    today = dt.date.today()
    cal = work_calendar(s)
    channels = ["in_person", "service_centre", "portal"]
    for n, (proc, ago, done) in enumerate(PLAN):
        procedure_id = builtin[proc] if isinstance(proc, str) else office[proc]
        use_student = students and n % 3 != 1
        rid = create_request(
            s, procedure_id, cal.add_working_days(today, -ago) if ago else today,
            student_id=ctx.rng.choice(students) if use_student else None,
            applicant="" if use_student else GRADUATES[n % len(GRADUATES)],
            channel=channels[n % 3], conditions={3} if n % 2 == 0 else {2} if proc == 1 else ())
        steps = s.scalars(select(RequestStep).where(RequestStep.request_id == rid, RequestStep.taken.is_(True))
                          .order_by(RequestStep.position)).all()
        if done == "refused":
            refuse_request(s, rid, "Неполный пакет документов: нет справки из архива", today - dt.timedelta(days=2))
            continue
        count = len(steps) if done == "all" else 1 if done == "late" else done
        for i, step in enumerate(steps[:count]):
            on = step.planned
            if done == "late" and i == 0:
                on = min(today, cal.add_working_days(step.planned, 2))  # done two days late
            if on > today:
                break
            record_step(s, step.id, on, ctx.rng.choice(staff), "")
    ctx.summary.append(f"service requests: {len(PLAN)} requests, {len(office)} office procedures")
