"""Demo curator reports: a term (September to January of the demo year; in a live demo every month
up to the demo's today) in every state, one curator changed in mid-year, and a few teachers'
distance-teaching logs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import insert, select

from desktop.models.contingent import Student
from desktop.models.curator_reports import submit
from desktop.models.curators import (
    AchievementKind,
    ActivityKind,
    ContactWay,
    CuratorActivity,
    CuratorReport,
    ParentContact,
    ReportStatus,
    RiskAction,
    RiskReason,
    StudentAchievement,
    StudentAtRisk,
    assign_curator,
    assignments,
    due_date,
    year_months,
)
from desktop.models.demo import DemoContext
from desktop.models.org import StaffRole
from desktop.models.teaching_log import LessonForm, TeachingLogEntry
from desktop.models.workdays import WorkCalendar

TOPICS = {
    ActivityKind.CURATOR_HOUR: ["Университеттин уставы жана ички тартип эрежелери", "Эгемендүүлүк күнү — биздин майрам",
                                "Академиялык чынчылык", "Сессияга даярдык", "Ден соолук жана спорт",
                                "Мамлекеттик тил күнү", "Жаңы жылдык кече: даярдык"],
    ActivityKind.PARENTS_MEETING: ["Биринчи семестрдин жыйынтыктары", "Сабакка катышуу жана карыздар"],
    ActivityKind.EVENT: ["«Ырдайлы кыргыз ырларын» сынагы", "1-курстарды студенттикке кабыл алуу аземи",
                         "Спартакиада", "Студенттердин эл аралык күнү"],
    ActivityKind.DORMITORY_VISIT: ["Жатаканадагы турмуш шарттары", "Жатакананын тартиби"],
}
RESULTS = ["Сабакка катыша баштады", "Карызын тапшырды", "Көзөмөлдө", "Ата-энеси менен сүйлөшүлдү"]
ACHIEVEMENTS = [(AchievementKind.OLYMPIAD, "Математика боюнча республикалык олимпиада", "II орун"),
                (AchievementKind.COMPETITION, "«Жылдын мыкты студенти» сынагы", "Катышуучу"),
                (AchievementKind.SPORT, "Университеттик спартакиада, волейбол", "I орун")]
PLATFORMS = ["Zoom", "WhatsApp", "Google Meet", "Moodle"]
KY = {"topics": TOPICS, "results": RESULTS, "achievements": ACHIEVEMENTS, "remark": "Тайпанын активдүүлүгү жакшы.",
      "returned": "Катышкан студенттердин саны көрсөтүлгөн эмес.", "contact": "Сабакка катышуу",
      "subjects": ["Математикалык анализ", "Алгебра жана геометрия", "Программалоо", "Маалымат базалары"],
      "notes": "Үй тапшырмасы: №12–15"}
# The same reports of a Kazakh and a Russian faculty (the live demo of KZ and RU).
TEXTS: dict[str, dict[str, Any]] = {"ky": KY, "kk": {
    "topics": {ActivityKind.CURATOR_HOUR: ["Университет жарғысы және ішкі тәртіп ережелері", "Тәуелсіздік күні",
                                           "Академиялық адалдық", "Сессияға дайындық", "Денсаулық және спорт",
                                           "Тілдер күні", "Жаңа жыл кешіне дайындық"],
               ActivityKind.PARENTS_MEETING: ["Бірінші семестрдің қорытындылары", "Сабаққа қатысу және қарыздар"],
               ActivityKind.EVENT: ["«Студенттік көктем» байқауы", "Бірінші курстарды студенттікке қабылдау",
                                    "Спартакиада", "Халықаралық студенттер күні"],
               ActivityKind.DORMITORY_VISIT: ["Жатақханадағы тұрмыс жағдайы", "Жатақхана тәртібі"]},
    "results": ["Сабаққа қатыса бастады", "Қарызын тапсырды", "Бақылауда", "Ата-анасымен сөйлесілді"],
    "achievements": [(AchievementKind.OLYMPIAD, "Математикадан республикалық олимпиада", "II орын"),
                     (AchievementKind.COMPETITION, "«Жылдың үздік студенті» байқауы", "Қатысушы"),
                     (AchievementKind.SPORT, "Университет спартакиадасы, волейбол", "I орын")],
    "remark": "Топтың белсенділігі жақсы.", "returned": "Қатысқан студенттердің саны көрсетілмеген.",
    "contact": "Сабаққа қатысу",
    "subjects": ["Математикалық талдау", "Алгебра және геометрия", "Бағдарламалау", "Деректер базасы"],
    "notes": "Үй тапсырмасы: №12–15"}, "ru": {
    "topics": {ActivityKind.CURATOR_HOUR: ["Устав университета и правила внутреннего распорядка",
                                           "День народного единства", "Академическая честность",
                                           "Подготовка к сессии", "Здоровье и спорт", "День студента",
                                           "Подготовка к новогоднему вечеру"],
               ActivityKind.PARENTS_MEETING: ["Итоги первого семестра", "Посещаемость и задолженности"],
               ActivityKind.EVENT: ["Конкурс «Студенческая весна»", "Посвящение в студенты",
                                    "Спартакиада", "Международный день студентов"],
               ActivityKind.DORMITORY_VISIT: ["Условия проживания в общежитии", "Порядок в общежитии"]},
    "results": ["Начал посещать занятия", "Сдал задолженность", "На контроле", "Проведена беседа с родителями"],
    "achievements": [(AchievementKind.OLYMPIAD, "Региональная олимпиада по математике", "II место"),
                     (AchievementKind.COMPETITION, "Конкурс «Лучший студент года»", "Участник"),
                     (AchievementKind.SPORT, "Спартакиада университета, волейбол", "I место")],
    "remark": "Группа активная.", "returned": "Не указано число присутствовавших студентов.",
    "contact": "Посещаемость занятий",
    "subjects": ["Математический анализ", "Алгебра и геометрия", "Программирование", "Базы данных"],
    "notes": "Домашнее задание: №12–15"}}
TERM = 5  # September to January


def build(ctx: DemoContext) -> None:
    s, rng, made = ctx.session, ctx.rng, ctx.made
    texts = TEXTS[ctx.lang]
    year_name = made["year"].name
    staff = made["staff"]
    curators = [m for m in staff.values() if StaffRole.CURATOR in m.roles]
    groups = made["groups"]
    # One curator changes in mid-year: the first group gets a new curator from 17 November.
    new = next(c for c in curators if c.id != _curator_id(s, groups[0].id))
    first = int(year_name[:4])
    assign_curator(s, groups[0].id, new.id, dt.date(first, 11, 17))

    checker = staff.get("Эргешов М.") or next(iter(staff.values()))
    cal = WorkCalendar(ctx.country or "KG")
    months = year_months(year_name)[:TERM]
    if ctx.live:  # every month begun by today: the last ones still due or being written
        months = [(y, m) for y, m in year_months(year_name) if dt.date(y, m, 1) <= ctx.today] or months[:1]
    term = len(months)
    students: dict[int | None, list[tuple[int, str]]] = {}
    for sid, gid, ln, fn in s.execute(select(Student.id, Student.group_id, Student.last_name, Student.first_name)):
        students.setdefault(gid, []).append((sid, f"{ln} {fn}"))

    lines: dict[type, list[dict[str, Any]]] = {CuratorActivity: [], StudentAtRisk: [], ParentContact: [],
                                               StudentAchievement: []}
    counted = 0
    for a in assignments(s, year_name):
        for i, (y, m) in enumerate(months):
            if not a.owes(y, m):
                continue
            due = due_date(y, m, 5, cal)
            roll = rng.random()
            if roll < 0.08:
                continue  # missing: never started
            report = CuratorReport(assignment_id=a.id, year=y, month=m, status=ReportStatus.DRAFT.value,
                                   remarks="" if rng.random() < 0.6 else texts["remark"])
            s.add(report)
            s.flush()
            counted += 1
            _fill(report.id, y, m, students.get(a.group_id, []), rng, lines, texts)
            if roll < 0.14 and i >= term - 2:
                continue  # a draft not handed in yet: missing after the due date
            late = roll > 0.85
            if ctx.live and due - dt.timedelta(days=3) > ctx.today:
                continue  # this month's report: a draft, its due date still ahead
            on = (due + dt.timedelta(days=rng.randrange(3, 12)) if late
                  else due - dt.timedelta(days=rng.randrange(0, 4)))
            submit(s, report.id, min(on, ctx.today) if ctx.live else on)
            if 0.14 <= roll < 0.22:
                report.status = ReportStatus.RETURNED.value
                report.return_comment = texts["returned"]
            elif roll < 0.7 and i < term - 1:
                report.status, report.accepted_by_id = ReportStatus.ACCEPTED.value, checker.id
                assert report.submitted_on is not None  # submitted just above
                report.accepted_on = report.submitted_on + dt.timedelta(days=2)
    for entity, rows in lines.items():
        if rows:
            s.execute(insert(entity), rows)
    _teaching_log(ctx, curators)
    ctx.summary.append(f"curator reports: {counted} reports of {len(assignments(s, year_name))} curator assignments")


def _curator_id(s, group_id: int) -> int:
    from desktop.models.contingent import CuratorAssignment

    return s.scalar(select(CuratorAssignment.staff_id).where(CuratorAssignment.group_id == group_id))


def _fill(report_id: int, y: int, m: int, pupils, rng, lines, texts=KY) -> None:
    for week in range(rng.randrange(2, 5)):
        day = dt.date(y, m, 3 + week * 7)
        lines[CuratorActivity].append({"report_id": report_id, "day": day, "kind": ActivityKind.CURATOR_HOUR.value,
                                       "topic": rng.choice(texts["topics"][ActivityKind.CURATOR_HOUR]),
                                       "present": max(0, len(pupils) - rng.randrange(0, 5))})
    for kind in (ActivityKind.PARENTS_MEETING, ActivityKind.EVENT, ActivityKind.DORMITORY_VISIT):
        if rng.random() < 0.4:
            lines[CuratorActivity].append({"report_id": report_id, "day": dt.date(y, m, rng.randrange(1, 28)),
                                           "kind": kind.value, "topic": rng.choice(texts["topics"][kind]),
                                           "present": max(0, len(pupils) - rng.randrange(0, 8))})
    if not pupils:
        return
    for sid, name in rng.sample(pupils, min(len(pupils), rng.randrange(0, 3))):
        lines[StudentAtRisk].append({"report_id": report_id, "student_id": sid, "student_name": name,
                                     "reason": rng.choice(list(RiskReason)).value,
                                     "action": rng.choice(list(RiskAction)).value,
                                     "result": rng.choice(texts["results"])})
        if rng.random() < 0.7:
            lines[ParentContact].append({"report_id": report_id, "day": dt.date(y, m, rng.randrange(1, 28)),
                                         "student_name": name, "way": rng.choice(list(ContactWay)).value,
                                         "subject": texts["contact"]})
    if rng.random() < 0.3:
        kind, title, result = rng.choice(texts["achievements"])
        lines[StudentAchievement].append({"report_id": report_id, "student_name": rng.choice(pupils)[1],
                                          "kind": kind.value, "title": title, "result": result})


def _teaching_log(ctx: DemoContext, curators) -> None:
    rng = ctx.rng
    rows = []
    distance = [g for g in ctx.made["groups"] if g.study_form in ("distance", "extramural")] or ctx.made["groups"]
    texts = TEXTS[ctx.lang]
    subjects = texts["subjects"]
    for teacher in curators[:3]:
        for month in (10, 11, 12):
            for n in range(rng.randrange(4, 9)):
                day = dt.date(int(ctx.year_name[:4]), month, 1 + n * 3)
                rows.append({"staff_id": teacher.id, "day": day, "time": f"{rng.choice((8, 10, 13, 15)):02d}:00",
                             "hours": rng.choice((1.0, 2.0, 2.0, 4.0)), "learner": rng.choice(distance).name,
                             "subject": rng.choice(subjects), "form": rng.choice(list(LessonForm)).value,
                             "platform": rng.choice(PLATFORMS), "notes": texts["notes"]})
    if rows:
        ctx.session.execute(insert(TeachingLogEntry), rows)
