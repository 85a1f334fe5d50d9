"""The demo winter session 2025-2026, and a large synthetic session for the benchmark.

``build`` makes rooms, the disciplines each demo group sits, and a winter session drafted by the
generator (dates from the demo calendar when it has the winter session, else 22.12-17.01), then
leaves four deliberate conflicts for the user to find: a group with two exams on one day, an
examiner booked twice at the same time, an exam on a public holiday, and a room too small.

``build_large_session(session, n_exams=5000)`` writes a synthetic session of ``n_exams`` exams
(its own year "2030-2031", its own groups, rooms and examiners, all Core inserts) for
``bench/``: the conflict check, the matrix export and the matrix view's paint are measured on it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from desktop.models.contingent import Group
from desktop.models.demo import DemoContext
from desktop.models.exam_conflicts import rules_for
from desktop.models.exam_generator import propose
from desktop.models.exam_schedule import ExamRow, add_exams, load_schedule, session_disciplines
from desktop.models.exams import Discipline, ExamForm, Room, SessionDiscipline, SessionKind, get_or_create_session
from desktop.models.org import StaffRole

ROOMS = [("101", 30, "Башкы корпус"), ("102", 30, "Башкы корпус"), ("201", 60, "Башкы корпус"),
         ("202", 25, "Башкы корпус"), ("305 (лаб.)", 4, "ИТ корпусу"), ("Актовый зал", 150, "Башкы корпус"),
         ("ИТ-1", 40, "ИТ корпусу"), ("ИТ-2", 40, "ИТ корпусу")]

# Disciplines of the winter session by programme code and course.
DISCIPLINES = {
    "510100": ["Математикалык анализ", "Алгебра жана геометрия", "Дифференциалдык теңдемелер", "Тарых"],
    "710400": ["Программалоо негиздери", "Маалыматтар базасы", "Алгоритмдер жана маалымат түзүмдөрү",
               "Англис тили"],
    "510700": ["Информатика", "Дискреттик математика", "Эсептөө ыкмалары", "Кыргыз тили"],
    "570400": ["Композиция", "Түс таануу", "Дизайн тарыхы", "Философия"],
}
FORMS = [ExamForm.WRITTEN, ExamForm.ORAL, ExamForm.TEST, ExamForm.WRITTEN]
# The live demo of a Kazakh and a Russian faculty.
DISCIPLINE_NAMES = {
    "kk": {"510100": ["Математикалық талдау", "Алгебра және геометрия", "Дифференциалдық теңдеулер", "Тарих"],
           "710400": ["Бағдарламалау негіздері", "Деректер базасы", "Алгоритмдер және деректер құрылымдары",
                      "Ағылшын тілі"],
           "510700": ["Информатика", "Дискретті математика", "Есептеу әдістері", "Қазақ тілі"],
           "570400": ["Композиция", "Түстану", "Дизайн тарихы", "Философия"]},
    "ru": {"510100": ["Математический анализ", "Алгебра и геометрия", "Дифференциальные уравнения", "История"],
           "710400": ["Основы программирования", "Базы данных", "Алгоритмы и структуры данных",
                      "Английский язык"],
           "510700": ["Информатика", "Дискретная математика", "Вычислительные методы", "Русский язык"],
           "570400": ["Композиция", "Цветоведение", "История дизайна", "Философия"]},
}
BUILDINGS = {"ky": ("Башкы корпус", "ИТ корпусу"), "kk": ("Бас ғимарат", "IT ғимараты"),
             "ru": ("Главный корпус", "Корпус ИТ")}


def _disciplines_of(code: str, course: int, lang: str = "ky") -> list[tuple[str, str]]:
    names = DISCIPLINE_NAMES.get(lang, DISCIPLINES)
    base = names.get(code, names["510100"])
    # Course 1 sits the base names; later courses the same fields at their level ("... 2").
    return [(name if course == 1 else f"{name} {course}", FORMS[i].value) for i, name in enumerate(base)]


def build(ctx: DemoContext) -> None:
    s = ctx.session
    groups: list[Group] = ctx.made["groups"]
    teachers = [m for m in ctx.made["staff"].values() if StaffRole.TEACHER in m.roles]
    # A live demo's session is the next one or the one just behind: winter from September to
    # January, else the summer session.
    kind = SessionKind.WINTER if not ctx.live or ctx.today.month in (9, 10, 11, 12, 1) else SessionKind.SUMMER
    session_id = get_or_create_session(s, ctx.year_name, kind)
    main, it = BUILDINGS[ctx.lang]
    s.execute(insert(Room), [{"name": n if n != "Актовый зал" or not ctx.live or ctx.lang == "ru" else
                              ctx.text("Жыйындар залы", "Мәжіліс залы"),
                              "capacity": c, "building": main if b == "Башкы корпус" else it} for n, c, b in ROOMS])

    names: dict[str, int] = {}
    links = []
    for g in groups:
        code = g.programme.code if g.programme else ""
        for i, (name, form) in enumerate(_disciplines_of(code, g.course, ctx.lang)):
            names.setdefault(name, len(names) + 1)
            # One teacher per discipline and programme: groups of a course share their examiner.
            teacher = teachers[(names[name] + i) % len(teachers)]
            links.append({"session_id": session_id, "group_id": g.id, "discipline_id": names[name],
                          "examiner_id": teacher.id, "form": form})
    first_id = (s.scalar(select(Discipline.id).order_by(Discipline.id.desc()).limit(1)) or 0)
    s.execute(insert(Discipline), [{"id": first_id + i, "name": n} for n, i in names.items()])
    for link in links:
        link["discipline_id"] += first_id
    s.execute(insert(SessionDiscipline), links)

    schedule = load_schedule(s, session_id)
    rules = rules_for(s, schedule)
    rows, _unplaced = propose(schedule, session_disciplines(s, session_id), [g.id for g in groups], rules)
    from desktop.models.workdays import work_calendar

    cal = work_calendar(s, schedule.country)
    _consultations(rows, rules.days_off, cal)
    _plant_conflicts(schedule, rows, rules.days_off, teachers)
    add_exams(s, session_id, rows)
    ctx.made["exam_session"] = session_id
    ctx.summary.append(f"exam session: {kind.value} {ctx.year_name}, {len(rows)} exams, {len(ROOMS)} rooms")


def consultation_minute(exam_start: int) -> int:
    """After the day's exams, and the afternoon sitting's consultation after the morning's, so a
    room holding two sittings a day holds both consultations the day before (90 minutes each)."""
    return 15 * 60 + 30 if exam_start < 12 * 60 else 17 * 60


def _consultations(rows: list[ExamRow], days_off, cal=None) -> None:
    """A consultation the working day before each exam, in its room, after that day's exams."""
    for r in rows:
        d = r.day - dt.timedelta(days=1)
        while d in days_off or d.weekday() >= 5 or (cal is not None and cal.is_day_off(d)):
            d -= dt.timedelta(days=1)
        r.consult_day, r.consult_minute, r.consult_room_id = d, consultation_minute(r.start), r.room_id


def _plant_conflicts(schedule, rows: list[ExamRow], days_off, teachers) -> None:
    if len(rows) < 6:
        return
    tiny = min(schedule.rooms, key=lambda r: schedule.rooms[r][1])
    # 1. A room too small: an exam of a bigger group moves to the 4-seat lab, at a free hour.
    seats = schedule.rooms[tiny][1]
    taken = {(r.day, r.start) for r in rows if r.room_id == tiny}
    small = next((r for r in rows if (r.day, r.start) not in taken
                  and sum(schedule.groups[g].size for g in r.group_ids) > seats), None)
    if small is not None:
        small.room_id = small.consult_room_id = tiny
    # 2. An examiner booked twice: two exams of one day at the same hour with one examiner.
    by_day: dict[dt.date, list[ExamRow]] = {}
    for r in rows[1:]:
        by_day.setdefault(r.day, []).append(r)
    for day_rows in by_day.values():
        pair = [r for r in day_rows if r.start == 9 * 60]
        if len(pair) >= 2 and pair[0].examiner_id != pair[1].examiner_id:
            pair[1].examiner_id = pair[0].examiner_id
            break
    # 3. An exam on a public holiday (a named day off within the session).
    in_session = [(d, name) for d, name in sorted(days_off.items()) if schedule.start <= d <= schedule.end]
    holiday = next((d for d, name in in_session if name), None)
    if holiday is None:  # no public holiday in this session: a weekday-off (Saturday) serves
        holiday = next((d for d, _name in in_session), None)
    if holiday is not None:
        last = rows[-1]
        last.day = holiday
        last.consult_day = last.consult_minute = last.consult_room_id = None
    # 4. A group with two exams on one day: a second sitting for the group of the third exam.
    r = rows[2]
    extra = ExamRow(0, r.discipline_id, r.group_ids, r.day, 16 * 60, 90,
                    teachers[-1].id, None, None, ExamForm.ORAL.value)
    other = next((x for x in rows if x.group_ids != r.group_ids and x.discipline_id != r.discipline_id), None)
    if other is not None:
        extra.discipline_id = other.discipline_id
    rows.append(extra)


def working_day_before(cal, day: dt.date) -> dt.date:
    d = day - dt.timedelta(days=1)
    while not cal.is_working_day(d):
        d -= dt.timedelta(days=1)
    return d


def build_large_session(session, n_exams: int = 5000, year_name: str = "2030-2031",
                        exams_per_group: int = 8) -> int:
    """A synthetic session of ``n_exams`` exams for the benchmark; returns its id.

    ``n_exams / exams_per_group`` groups (without students: sizes are 0), a room per three
    groups, one examiner per 12 exams, six weeks of session with one exam every second working
    day per group at 09:00 or 13:00, examiners and rooms round-robin within each sitting, and
    consultations the working day before: a clean schedule, so the benchmark measures the full check
    (every bucket compared) rather than message formatting.
    """
    from desktop.models.org import Staff

    session_id = get_or_create_session(session, year_name, SessionKind.WINTER)
    start = load_schedule(session, session_id).start
    n_groups = max(1, n_exams // exams_per_group)
    first_group = (session.scalar(select(Group.id).order_by(Group.id.desc()).limit(1)) or 0) + 1
    session.execute(insert(Group), [{"id": first_group + i, "name": f"BENCH-{i + 1:04d}", "course": 1 + i % 4,
                                     "study_form": "full_time", "language": "ru", "active": True}
                                    for i in range(n_groups)])
    first_staff = (session.scalar(select(Staff.id).order_by(Staff.id.desc()).limit(1)) or 0) + 1
    n_staff = max(1, n_exams // 12)
    session.execute(insert(Staff), [{"id": first_staff + i, "last_name": f"Экзаменатор {i + 1}",
                                     "short_name": f"Экзаменатор {i + 1}"} for i in range(n_staff)])
    first_room = (session.scalar(select(Room.id).order_by(Room.id.desc()).limit(1)) or 0) + 1
    n_rooms = max(40, n_groups // 3)
    session.execute(insert(Room), [{"id": first_room + i, "name": f"B-{i + 1:03d}", "capacity": 30,
                                    "building": "Bench"} for i in range(n_rooms)])
    first_disc = (session.scalar(select(Discipline.id).order_by(Discipline.id.desc()).limit(1)) or 0) + 1
    session.execute(insert(Discipline), [{"id": first_disc + i, "name": f"Дисциплина {i + 1}"}
                                         for i in range(exams_per_group * 4)])
    from desktop.models.exams import set_session_dates
    from desktop.models.workdays import work_calendar

    # Six weeks of working days: every group sits one exam every second working day.
    set_session_dates(session, session_id, start, start + dt.timedelta(days=41))
    cal = work_calendar(session, load_schedule(session, session_id).country)
    days = [d for d in (start + dt.timedelta(days=i) for i in range(42)) if cal.is_working_day(d)]
    used: dict[tuple[dt.date, int], int] = {}
    rows = []
    for k in range(n_exams):
        g, j = divmod(k, exams_per_group)
        g %= n_groups
        day = days[(2 * j + g % 2 + 4 * (k // (n_groups * exams_per_group))) % len(days)]
        slot = 9 * 60 if g % 4 < 2 else 13 * 60
        n = used[(day, slot)] = used.get((day, slot), -1) + 1  # examiners and rooms round-robin per sitting
        rows.append(ExamRow(0, first_disc + (g % 4) * exams_per_group + j, (first_group + g,), day, slot, 120,
                            first_staff + n % n_staff, None, first_room + n % n_rooms, FORMS[j % 4].value,
                            working_day_before(cal, day), consultation_minute(slot), first_room + n % n_rooms))
    add_exams(session, session_id, rows)
    return session_id
