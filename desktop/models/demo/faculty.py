"""The demo faculty: Osh-style faculty of seed 000, its staff, programmes, groups and students."""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import insert

from desktop.models.contingent import CuratorAssignment, Funding, Group, Student, StudentStatus, StudyForm
from desktop.models.demo import DemoContext
from desktop.models.org import (
    Department,
    Faculty,
    Programme,
    ProgrammeLevel,
    Staff,
    StaffRole,
    get_or_create_year,
    short_name,
)

R = StaffRole

# The people of seed 000 with the roles the plan gives them (full names are invented).
STAFF = [
    ("Сопуев", "Уланбек", "Абдиевич", "Декан", 0, {R.DEAN}),
    ("Кудуев", "Аскар", "Жумабекович", "Декандын окуу иштери боюнча орун басары", 0, {R.VICE_DEAN}),
    ("Эргешов", "Мирбек", "", "Декандын тарбия иштери боюнча орун басары", 0, {R.VICE_DEAN}),
    ("Беделова", "Назира", "Садыковна", "Методист", 0, {R.METHODIST}),
    ("Зулпукарова", "Динара", "", "Усулдук кеңештин төрагасы", 1, {R.TEACHER}),
    ("Шамшиева", "Гүлнара", "Алымбековна", "Методист", 0, {R.METHODIST}),
    ("Рашид кызы", "Бермет", "", "Кафедра башчысы", 0, {R.HEAD_OF_DEPARTMENT, R.PROGRAMME_LEAD}),
    ("Айтбай кызы", "Айпери", "", "Улук окутуучу", 1, {R.CURATOR, R.TEACHER}),
    ("Бекмурза уулу", "Ыдырыс", "", "Кафедра башчысы", 1, {R.HEAD_OF_DEPARTMENT, R.PROGRAMME_LEAD}),
    ("Токторбаев", "Алмаз", "Мамытович", "Кафедра башчысы", 2, {R.HEAD_OF_DEPARTMENT}),
    ("Абдумиталип уулу", "Кубанычбек", "", "Окутуучу", 2, {R.CURATOR, R.TEACHER}),
    ("Сатибай уулу", "Бакыт", "", "Кафедра башчысы", 3, {R.HEAD_OF_DEPARTMENT, R.PROGRAMME_LEAD}),
    ("Осмонова", "Чолпон", "Токтогуловна", "Доцент", 0, {R.CURATOR, R.TEACHER}),
    ("Жумабаев", "Нурлан", "Асанович", "Улук окутуучу", 1, {R.CURATOR, R.TEACHER}),
    ("Мамытова", "Айгүл", "Бакытовна", "Окутуучу", 2, {R.CURATOR, R.TEACHER}),
    ("Сейітқали", "Дәурен", "Асқарұлы", "Доцент", 3, {R.CURATOR, R.TEACHER}),
    ("Иванова", "Елена", "Сергеевна", "Улук окутуучу", 0, {R.CURATOR, R.TEACHER}),
    ("Өмүрбеков", "Тилек", "Үсөнович", "Окутуучу", 1, {R.CURATOR, R.TEACHER}),
    ("Нұрпейісова", "Әсем", "Қайратқызы", "Окутуучу", 2, {R.CURATOR, R.TEACHER}),
    ("Кадыров", "Эрлан", "Жолдошевич", "Доцент", 3, {R.CURATOR, R.TEACHER}),
]

DEPARTMENTS = [
    ("Математика кафедрасы", "Математика"),
    ("Программалык инженерия кафедрасы", "ПИ"),
    ("Информатика жана эсептөө техникасы кафедрасы", "ИЭТ"),
    ("Дизайн кафедрасы", "Дизайн"),
]

# code, name, group prefix, department index, distance groups too
PROGRAMMES = [
    ("510100", "Математика", "МАТ", 0, False),
    ("710400", "Программалык инженерия", "ПИ", 1, True),
    ("510700", "Информациялык системаларды математикалык камсыздоо жана администрациялоо", "ИСМ", 2, True),
    ("570400", "Дизайн", "ДИЗ", 3, False),
]

KY_MALE = ["Азамат", "Бакыт", "Нурлан", "Эрлан", "Тилек", "Бекзат", "Адилет", "Самат", "Улан", "Канат",
           "Жыргалбек", "Мирлан", "Айбек", "Нурсултан", "Эмир", "Дастан", "Өмүр", "Үмүтбек", "Элдияр", "Актан"]
KY_FEMALE = ["Айгерим", "Айжан", "Бермет", "Жылдыз", "Нургүл", "Айпери", "Чолпон", "Гүлзат", "Асель", "Мээрим",
             "Айзада", "Элнура", "Сезим", "Аружан", "Гүлайым", "Нуриза", "Айсулуу", "Жаңыл", "Өзгөчө", "Күнзаада"]
KY_LAST = ["Асанов", "Токтогулов", "Осмонов", "Жумабаев", "Абдыкеримов", "Сыдыков", "Мамытов", "Турдубаев",
           "Бейшеналиев", "Ормонов", "Үсөнов", "Өмүрбеков", "Кадыров", "Төлөгөнов", "Соорунбаев", "Алымкулов"]
KY_FATHERS = ["Бекмурза", "Рашид", "Сатибай", "Абдумиталип", "Айтбай", "Жолдош", "Токтосун", "Мамат"]
KZ_MALE = ["Нұржан", "Ерлан", "Дәурен", "Әлібек", "Жәнібек", "Қайрат", "Асқар", "Серік", "Бауыржан", "Ғалым"]
KZ_FEMALE = ["Айгүл", "Гүлнұр", "Ұлжан", "Інжу", "Әсем", "Аққу", "Жансая", "Мөлдір", "Салтанат", "Дана"]
KZ_LAST = ["Әбдіров", "Қасымов", "Нұрпейісов", "Жұмабеков", "Серікбаев", "Тоқтаров", "Сейітов", "Оспанов"]
RU_MALE = [("Иван", "Иванович"), ("Сергей", "Петрович"), ("Алексей", "Николаевич"), ("Дмитрий", "Андреевич"),
           ("Михаил", "Викторович"), ("Андрей", "Сергеевич")]
RU_FEMALE = [("Анна", "Сергеевна"), ("Елена", "Викторовна"), ("Ольга", "Николаевна"), ("Мария", "Андреевна"),
             ("Татьяна", "Игоревна"), ("Наталья", "Петровна")]
RU_LAST = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Новиков", "Морозов", "Волков", "Ким"]


# A Kazakh and a Russian faculty (the live demo of KZ and RU): the same people and programmes,
# their names and positions in the country's language.
FACULTY = {
    "ky": ("Математика жана информациялык технологиялар факультети", "Ош мамлекеттик университети", "Ош"),
    "kk": ("Математика және ақпараттық технологиялар факультеті", "Қорқыт Ата атындағы Қызылорда университеті",
           "Қызылорда"),
    "ru": ("Факультет математики и информационных технологий", "Омский государственный университет", "Омск"),
}
POSITIONS = {
    "Декан": ("Декан", "Декан"),
    "Декандын окуу иштери боюнча орун басары": ("Деканның оқу ісі жөніндегі орынбасары",
                                                 "Заместитель декана по учебной работе"),
    "Декандын тарбия иштери боюнча орун басары": ("Деканның тәрбие ісі жөніндегі орынбасары",
                                                  "Заместитель декана по воспитательной работе"),
    "Методист": ("Әдіскер", "Методист"),
    "Усулдук кеңештин төрагасы": ("Әдістемелік кеңестің төрайымы", "Председатель методического совета"),
    "Кафедра башчысы": ("Кафедра меңгерушісі", "Заведующий кафедрой"),
    "Улук окутуучу": ("Аға оқытушы", "Старший преподаватель"),
    "Окутуучу": ("Оқытушы", "Преподаватель"),
    "Доцент": ("Доцент", "Доцент"),
}
DEPARTMENT_NAMES = {
    "kk": [("Математика кафедрасы", "Математика"), ("Бағдарламалық инженерия кафедрасы", "БИ"),
           ("Информатика және есептеу техникасы кафедрасы", "ИЕТ"), ("Дизайн кафедрасы", "Дизайн")],
    "ru": [("Кафедра математики", "Математика"), ("Кафедра программной инженерии", "ПИ"),
           ("Кафедра информатики и вычислительной техники", "ИВТ"), ("Кафедра дизайна", "Дизайн")],
}
PROGRAMME_NAMES = {
    "kk": ["Математика", "Бағдарламалық инженерия",
           "Ақпараттық жүйелерді математикалық қамтамасыз ету және басқару", "Дизайн"],
    "ru": ["Математика", "Программная инженерия",
           "Математическое обеспечение и администрирование информационных систем", "Дизайн"],
}
# Share of Kyrgyz, Kazakh (the rest Russian) names among a faculty's students; phone prefix.
FAMILIES = {"ky": (0.68, 0.85, "+996"), "kk": (0.05, 0.8, "+7"), "ru": (0.03, 0.1, "+7")}


def _feminine(last: str) -> str:
    return last + "а" if last.endswith(("ов", "ев", "ин", "ёв")) else last


def _person(rng, index: int, lang: str = "ky") -> tuple[str, str, str, str]:
    """(last, first, patronymic, gender) from a Kyrgyz, Kazakh or Russian family."""
    kyrgyz, kazakh, _phone = FAMILIES[lang]
    female = rng.random() < 0.55
    kind = rng.random()
    if kind < kyrgyz:  # Kyrgyz
        first = rng.choice(KY_FEMALE if female else KY_MALE)
        if rng.random() < 0.2:
            return (f"{rng.choice(KY_FATHERS)} {'кызы' if female else 'уулу'}", first, "", "f" if female else "m")
        last = rng.choice(KY_LAST)
        father = rng.choice(KY_MALE)
        patronymic = father + ("овна" if female else "ович") if rng.random() < 0.6 else ""
        return (_feminine(last) if female else last, first, patronymic, "f" if female else "m")
    if kind < kazakh:  # Kazakh
        first = rng.choice(KZ_FEMALE if female else KZ_MALE)
        last = rng.choice(KZ_LAST)
        father = rng.choice(KZ_MALE)
        patronymic = f"{father} {'қызы' if female else 'ұлы'}" if rng.random() < 0.7 else ""
        return (_feminine(last) if female else last, first, patronymic, "f" if female else "m")
    first, patronymic = rng.choice(RU_FEMALE if female else RU_MALE)
    last = rng.choice(RU_LAST)
    return (_feminine(last) if female else last, first, patronymic, "f" if female else "m")


def build(ctx: DemoContext) -> None:
    s, rng = ctx.session, ctx.rng
    year = get_or_create_year(s, ctx.year_name)
    first_year = year.first_year

    lang = ctx.lang
    name, university, city = FACULTY[lang]
    faculty = Faculty(name=name, university=university, city=city)
    s.add(faculty)
    departments = [Department(faculty=faculty, name=n, short_name=sn)
                   for n, sn in DEPARTMENT_NAMES.get(lang, DEPARTMENTS)]
    s.add_all(departments)

    staff: dict[str, Staff] = {}
    for last, first, patr, position, dep, roles in STAFF:
        member = Staff(
            last_name=last, first_name=first, patronymic=patr, short_name=short_name(last, first, patr),
            position=position if lang == "ky" else POSITIONS[position][lang == "ru"], department=departments[dep],
        )
        member.roles = roles
        staff[member.short_name] = member
        s.add(member)

    programmes: dict[str, Programme] = {}
    for i, (code, name, _prefix, dep, distance) in enumerate(PROGRAMMES):
        if lang != "ky":
            name = PROGRAMME_NAMES[lang][i]
        programmes[code] = Programme(code=code, name=name, level=ProgrammeLevel.BACHELOR.value,
                                     study_forms="full_time,distance" if distance else "full_time",
                                     department=departments[dep])
        s.add(programmes[code])
    s.flush()

    # Groups: courses 1-4, full-time for all programmes, extramural ("з" groups) for two; more for big demos.
    plan = []
    for code, _name, prefix, _dep, distance in PROGRAMMES:
        for course in range(1, 5):
            plan.append((code, prefix, course, StudyForm.FULL_TIME))
            if distance:
                plan.append((code, prefix, course, StudyForm.EXTRAMURAL))
    per_group_target = 25
    copies = max(1, math.ceil(ctx.students / (len(plan) * per_group_target)))
    groups: list[Group] = []
    for code, prefix, course, form in plan:
        intake = first_year - course + 1
        for n in range(1, copies + 1):
            suffix = "з" if form is StudyForm.EXTRAMURAL else ""
            groups.append(Group(
                name=f"{prefix}{suffix}-{n}-{intake % 100:02d}", programme=programmes[code], course=course,
                study_form=form.value, intake_year=intake, language=(lang if lang != "ky" or n % 3 else "ru"),
            ))
    s.add_all(groups)
    s.flush()

    curators = [m for m in staff.values() if R.CURATOR in m.roles]
    for i, g in enumerate(groups):
        s.add(CuratorAssignment(group_id=g.id, staff_id=curators[i % len(curators)].id, academic_year_id=year.id,
                                start_date=year.start_date))

    rows = []
    for i in range(ctx.students):
        g = groups[i % len(groups)]
        assert g.intake_year is not None  # every demo group is made with its intake year (above)
        last, first, patr, gender = _person(rng, i, lang)
        birth = dt.date(g.intake_year - 18, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 2))
        rows.append({
            "last_name": last, "first_name": first, "patronymic": patr,
            "record_book": f"{i + 1:06d}", "birth_date": birth, "gender": gender,
            "phone": f"{FAMILIES[lang][2]} {rng.randrange(500, 780)} {rng.randrange(100000, 999999)}", "email": "",
            "funding": (Funding.GRANT if rng.random() < 0.35 else Funding.CONTRACT).value,
            "study_form": g.study_form, "group_id": g.id, "status": StudentStatus.STUDYING.value,
        })
    if rows:
        s.execute(insert(Student), rows)

    ctx.made.update(faculty=faculty, year=year, staff=staff, programmes=programmes, groups=groups,
                    departments=departments)
    ctx.summary.append(
        f"faculty: {faculty.name}; {len(staff)} staff, {len(programmes)} programmes, "
        f"{len(groups)} groups, {ctx.students} students"
    )
