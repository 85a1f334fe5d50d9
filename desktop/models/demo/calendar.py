"""The demo academic calendars: seed 004's 2025-2026 bachelor calendar (semesters) and the
trimester calendar of its appendix 1, both following Kazakhstan's days off (the calendar
carries its own country; the faculty setting stays as it is).

A live demo moves them to its own year and country: a Kazakh faculty keeps both calendars in
Kazakh; a Kyrgyz or Russian faculty gets the semester calendar in its language, with that
country's days off (the schools' sub-rows, which belong to that university, are left out)."""

from __future__ import annotations

import datetime as dt
import re

from desktop.models import academic_calendar as ac
from desktop.models.academic_calendar import Category as C
from desktop.models.academic_calendar import Entry, Rule, RuleKind
from desktop.models.demo import DemoContext

UNIVERSITY = "MAQSUT NARIKBAYEV UNIVERSITY"
APPROVAL = ("БЕКІТІЛДІ\nMAQSUT NARIKBAYEV UNIVERSITY-дің Академиялық және Ғылыми-зерттеу кеңесінің шешімімен\n"
            "2025 жылғы «05» тамыздағы №205-1-хаттама")
SCHOOLS = ["Халықаралық экономика мектебі", "Құқық жоғары мектебі", "Жоғары Гуманитарлық Мектебі",
           "Халықаралық журналистика мектебі"]


SEED_FIRST_YEAR = 2025

# A Kyrgyz and a Russian faculty's semester calendar: (title, note) per event of seed 004.
TITLES = {
    "ky": {
        "reg1": "2-4-курстардын студенттеринин күзгү семестрдин сабактарына катталуусу, жеке окуу пландарын түзүү",
        "reg2": "Багыт берүү иш-чаралары. 1-курстун студенттерин каттоо", "reg2_note": "Жеке жадыбал боюнча",
        "reg3": "Чакан топтордогу студенттерди кайра каттоо (эдвайзердин уруксаты менен)",
        "reg4": "Жазгы семестрдин сабактарына катталуу",
        "reg5": "Келишим боюнча окугандардын аз кредитке катталууга арыз берүүсүнүн акыркы күнү",
        "teach": "Семестрдин окуу сабактары (15 жума)",
        "survey": "Сабактардын сапаты боюнча сурамжылоолор",
        "projects": "Сабактар боюнча долбоорлорду коргоо (15-окуу жумасында)",
        "exams": "Жыйынтыктоочу сынактарды тапшыруу, бааларды коюу",
        "results": "Курстардын аякташы жана бааларды коюу",
        "appeal": "Апелляцияга арыз берүү (комиссия 5 жумуш күнүндө карайт)",
        "fx_app": "FX баасын кайра тапшырууга арыз берүү",
        "fx": "FX баасын кайра тапшыруу сынактары",
        "deans": "Dean’s List жарыялоо",
        "extra_reg": "Сабактарга катталуу", "winter": "Кышкы мектеп: окутуу, сынактар, бааларды коюу",
        "summer": "Жайкы семестр: окутуу, сынактар, бааларды коюу",
        "topics": "Бүтүрүү иштеринин темаларын бекитүү",
        "state": "Мамлекеттик сынактар жана бүтүрүү иштерин коргоо",
        "docs": "Жыйынтыктоочу аттестациянын документтерин каттоо бөлүмүнө тапшыруу",
        "grad": "Бүтүрүү салтанаты", "vac": "Эс алуу",
    },
    "ru": {
        "reg1": "Регистрация студентов 2-4 курсов на дисциплины осеннего семестра, составление ИУП",
        "reg2": "Ориентационные мероприятия. Регистрация студентов 1 курса", "reg2_note": "По отдельному графику",
        "reg3": "Перерегистрация студентов малых групп (с разрешения эдвайзера)",
        "reg4": "Регистрация на дисциплины весеннего семестра",
        "reg5": "Последний день подачи заявлений на регистрацию на меньшее число кредитов (платное обучение)",
        "teach": "Учебные занятия семестра (15 недель)",
        "survey": "Анкетирование о качестве преподавания дисциплин",
        "projects": "Защита проектов по дисциплинам (15-я неделя обучения)",
        "exams": "Итоговые задания и экзамены, выставление оценок",
        "results": "Завершение курсов и выставление оценок",
        "appeal": "Подача апелляций (комиссия рассматривает в течение 5 рабочих дней)",
        "fx_app": "Заявление на пересдачу оценки FX",
        "fx": "Пересдача экзаменов по оценке FX",
        "deans": "Публикация Dean’s List",
        "extra_reg": "Регистрация на дисциплины", "winter": "Зимняя школа: обучение, экзамены, оценки",
        "summer": "Летний семестр: обучение, экзамены, оценки",
        "topics": "Утверждение тем выпускных работ",
        "state": "Государственные экзамены и защита выпускных работ",
        "docs": "Сдача документов итоговой аттестации в офис регистратора",
        "grad": "Торжественное вручение дипломов", "vac": "Каникулы",
    },
}
APPROVALS = {"ky": "БЕКИТЕМИН\nОкумуштуулар кеңешинин чечими менен\n{year}-жылдын 28-августундагы №1-протокол",
             "ru": "УТВЕРЖДАЮ\nРешением Учёного совета\nпротокол №1 от 28 августа {year} г."}


# Where the schools' sub-rows are left out, their parent row carries the faculty's own dates.
OWN_DATES = {"topics": {"autumn": "22.09.2025 - 14.11.2025"}, "state": {"spring": "11.05.2026 - 06.06.2026"}}


def _shift(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _d(text: str, years: int = 0) -> dt.date:
    day, month, year = text.split(".")
    return _shift(dt.date(int(year), int(month), int(day)), years)


def _entry(value, years: int = 0) -> Entry:
    if isinstance(value, Entry):
        return value
    if " - " in value and len(value) == 23:
        a, b = value.split(" - ")
        return Entry(_d(a, years), _d(b, years))
    if value[:2].isdigit() and value.count(".") == 2 and len(value) == 10:
        return Entry(_d(value, years), _d(value, years))
    return Entry(text=_years_in_text(value, years))


def _years_in_text(text: str, years: int) -> str:
    if not years:
        return text
    return re.sub(r"\b(20\d\d)\b", lambda m: str(int(m.group(1)) + years), text)


class _Builder:
    def __init__(self, session, calendar_id, years: int = 0, titles: dict | None = None):
        self.session, self.calendar_id = session, calendar_id
        self.years, self.titles = years, titles
        self.ids: dict[str, int] = {}

    def event(self, key, category, title, kind="", note="", parent=None, **terms):
        if self.titles is not None:
            if key not in self.titles:  # a row of the seed's own university: not in this faculty's calendar
                return None
            title, note = self.titles[key], self.titles.get(f"{key}_note", "")
            terms = {**terms, **OWN_DATES.get(key, {})}
        event_id = ac.add_event(self.session, self.calendar_id, category, _years_in_text(title, self.years),
                                kind=kind, note=note, parent_id=self.ids.get(parent))
        self.ids[key] = event_id
        for term, value in terms.items():
            if callable(value):
                value = value(self)
            entry = _entry(value, self.years)
            if self.titles is not None and entry.text:
                continue  # the seed's wording of a term: not translated, left blank
            ac.set_entry(self.session, event_id, term, entry)
        return event_id


def _rule(kind, days, ref, **kw):
    return lambda b: Entry(rule=Rule(kind, days, b.ids[ref], **kw))


RESULTS_TEXT = ("Емтихан нәтижелері Canvas LMS-те емтихан аяқталғаннан кейін 5 (бес) жұмыс күні ішінде "
                "жариялануы керек")


def build_semester(session, year_name: str = "2025-2026", country: str = "KZ", lang: str = "kk",
                   university: str = UNIVERSITY) -> int:
    years = int(year_name[:4]) - SEED_FIRST_YEAR
    titles = TITLES.get(lang)
    approval = APPROVALS[lang].format(year=year_name[:4]) if titles else _years_in_text(APPROVAL, years)
    cal = ac.create_calendar(session, year_name, "bachelor", "semester", country,
                             university if titles else UNIVERSITY, approval, 15)
    b = _Builder(session, cal, years, titles)
    b.event("reg1", C.REGISTRATION, "2-4-курс студенттерінің күзгі семестр пәндеріне тіркелуі, жеке оқу "
            "жоспарларын құруы", "registration", autumn="14.08.2025 - 27.08.2025")
    b.event("reg2", C.REGISTRATION, "Бағыт-бағдар беру іс-шаралары. 1-курс студенттерінің тіркелуі",
            "registration", "Жеке кесте бойынша", autumn="27.08.2025 - 28.08.2025")
    b.event("reg3", C.REGISTRATION, "Шағын топтардағы студенттерді қайта тіркеу (эдвайзердің рұқсаты міндетті)",
            "", autumn="02.09.2025 - 13.09.2025", spring="19.01.2026 - 31.01.2026")
    b.event("reg4", C.REGISTRATION, "Көктемгі семестрдің пәндеріне тіркелу", "registration",
            spring="05.01.2026 - 14.01.2026")
    b.event("reg5", C.REGISTRATION, "Ақылы негізде оқитын студенттерге аз кредиттерге тіркелуге өтініш "
            "берудің соңғы күні", autumn="22.08.2025", spring="09.01.2026")
    b.event("teach", C.TEACHING, "Семестрдің оқу сабақтары (15 апта)", "teaching",
            autumn="02.09.2025 - 13.12.2025", spring="19.01.2026 - 02.05.2026")
    b.event("survey", C.SURVEYS, "Пәндерді оқытудың сапасы бойынша сауалнамалар", "surveys",
            "Жоғары мектеп өткізеді", autumn="24.11.2025 - 13.12.2025", spring="13.04.2026 - 25.05.2026")
    b.event("projects", C.MIDTERM, "Пәндер бойынша жобаларды қорғау (теориялық оқытудың 15-аптасында)",
            "midterm", autumn="08.12.2025 - 13.12.2025", spring="27.04.2026 - 02.05.2026")
    b.event("exams", C.FINAL_EXAMS, "Соңғы қорытынды тапсырмалар/емтихандарды тапсыру. Canvas LMS-қа "
            "қорытынды бағалардың қойылуы", "final_exams",
            autumn="15.12.2025 - 30.12.2025", spring="04.05.2026 - 23.05.2026")
    b.event("exams_grad", C.FINAL_EXAMS, "Жоғары Гуманитарлық Мектебі, Құқық жоғары мектебі (бітіруші курстар)",
            "", parent="exams", spring="04.05.2026 - 08.05.2026")
    b.event("results", C.FINAL_EXAMS, "Курстардың аяқталуы және бағалардың қойылуы", "results",
            "Бағалау саясатының талаптарына сәйкес",
            autumn=_rule(RuleKind.WITHIN, 5, "exams"), spring=_rule(RuleKind.WITHIN, 5, "exams"))
    b.event("appeal", C.APPEALS, "Апелляцияға өтініштерді беру (комиссия 5 жұмыс күні ішінде қарайды)", "appeals",
            "Бағалау саясатының талаптарына сәйкес",
            autumn=_rule(RuleKind.AFTER, 1, "results"), spring=_rule(RuleKind.AFTER, 1, "results"))
    b.event("fx_app", C.FX_RETAKES, "FX бағасын қайта тапсыруға өтініш беру", "fx_application",
            "Қорытынды бақылау нәтижесі бойынша \"FX\" баға алынған жағдайда",
            autumn=_rule(RuleKind.WITHIN, 3, "results"), spring=_rule(RuleKind.WITHIN, 3, "results"))
    b.event("fx", C.FX_RETAKES, "FX бағасын қайта тапсыруға емтихандарды қайта тағайындау", "fx_retake",
            "Нақты күндері Жоғары мектеп директорының бұйрығымен белгіленеді",
            autumn="12.01.2026 - 23.01.2026", spring="03.08.2026 - 07.08.2026")
    b.event("deans", C.DEANS_LIST, "Dean’s List-тің жариялануы", "deans_list", "Келесі академиялық кезең басында "
            "жарияланады", autumn="2024 - 2025 оқу жылының көктемгі семестрінің қорытындысы бойынша",
            spring="2025 - 2026 оқу жылының күзгі семестрінің қорытындысы бойынша")
    b.event("extra_reg", C.EXTRA_TERMS, "Пәндерге тіркелу", "registration",
            winter="18.12.2025 - 27.12.2025", summer="28.05.2026 - 05.06.2026")
    b.event("winter", C.EXTRA_TERMS, "Теориялық оқыту, емтихандар, бағалардың қойылуы", "winter_school",
            winter="05.01.2026 - 16.01.2026")
    b.event("summer", C.EXTRA_TERMS, "Жазғы семестр: теориялық оқыту, емтихандар, бағалардың қойылуы",
            "summer_term", summer="08.06.2026 - 01.08.2026")
    b.event("topics", C.FINAL_ATTESTATION, "2025 - 2026 оқу жылына дипломдық жұмыстардың тақырыптарын бекіту")
    for i, (school, end) in enumerate(zip(SCHOOLS, ("14.11.2025", "03.11.2025", "14.11.2025", "14.11.2025"),
                                          strict=True)):
        b.event(f"topics{i}", C.FINAL_ATTESTATION, school, parent="topics", autumn=f"22.09.2025 - {end}")
    b.event("state", C.FINAL_ATTESTATION, "Мемлекеттік емтихандарды тапсыру және дипломдық жобаларды қорғау",
            "final_attestation")
    for i, (school, span) in enumerate(zip(SCHOOLS, ("25.05.2026 - 06.06.2026", "11.05.2026 - 30.05.2026",
                                                     "11.05.2026 - 30.05.2026", "11.05.2026 - 30.05.2026"),
                                          strict=True)):
        b.event(f"state{i}", C.FINAL_ATTESTATION, school, parent="state", spring=span)
    b.event("docs", C.FINAL_ATTESTATION, "Қорытынды аттестацияның нәтижелері бойынша құжаттарды тіркеу офисіне "
            "тапсыру", spring="01.06.2026 - 08.06.2026")
    b.event("grad", C.GRADUATION, "Бітіру салтанатты рәсімі", "graduation",
            autumn="12.12.2025", spring="27.06.2026 - 30.06.2026")
    b.event("vac", C.VACATION, "Демалыс", "vacation", autumn="01.01.2026 - 18.01.2026",
            spring="24.05.2026 - 31.08.2026")
    return cal


def build_trimester(session, year_name: str = "2025-2026") -> int:
    years = int(year_name[:4]) - SEED_FIRST_YEAR
    cal = ac.create_calendar(session, year_name, "bachelor", "trimester", "KZ",
                             "ХАЛЫҚАРАЛЫҚ ЖУРНАЛИСТИКА МЕКТЕБІ", _years_in_text(APPROVAL, years), 10)
    b = _Builder(session, cal, years)
    b.event("reg", C.REGISTRATION, "Триместр пәндеріне тіркелу, жеке оқу жоспарларын құрастыру", "registration",
            t1="14.08.2025 - 27.08.2025", t2="25.11.2025 - 01.12.2025", t3="03.03.2026 - 09.03.2026")
    b.event("teach", C.TEACHING, "Триместрдегі оқу сабақтары", "teaching",
            t1="02.09.2025 - 09.11.2025", t2="02.12.2025 - 15.02.2026", t3="10.03.2026 - 17.05.2026")
    b.event("survey", C.SURVEYS, "Курстарға/пәндерге қанағаттану бойынша сауалнамалар", "surveys",
            t1="14.10.2025 - 19.10.2025", t2="20.01.2026 - 25.01.2026", t3="21.04.2026 - 26.04.2026")
    b.event("exams", C.FINAL_EXAMS, "Қорытынды бақылау тапсырмаларын/емтихандарды тапсыру", "final_exams",
            t1="11.11.2025 - 16.11.2025", t2="17.02.2026 - 22.02.2026", t3="19.05.2026 - 24.05.2026")
    b.event("results", C.FINAL_EXAMS, "Курстарды аяқтау және бағалардың қойылуы", "results",
            t1=_rule(RuleKind.WITHIN, 5, "exams"), t2=_rule(RuleKind.WITHIN, 5, "exams"),
            t3=_rule(RuleKind.WITHIN, 5, "exams"))
    b.event("fx", C.FX_RETAKES, "FX бағасын қайта тапсыруға емтихандарды қайта тағайындау", "fx_retake",
            t1="25.11.2025 - 07.12.2025", t2="03.03.2026 - 15.03.2026", t3="04.08.2026 - 08.08.2026")
    b.event("summer", C.EXTRA_TERMS, "Жазғы триместр: оқыту, емтихандар, бағаларды қою", "summer_term",
            summer="08.06.2026 - 01.08.2026")
    b.event("vac", C.VACATION, "Демалыс", "vacation", t1="17.11.2025 - 30.11.2025",
            t2="23.02.2026 - 08.03.2026", t3="25.05.2026 - 31.08.2026")
    return cal


def build(ctx: DemoContext) -> None:
    if not ctx.live:
        build_semester(ctx.session)
        build_trimester(ctx.session)
        ctx.summary.append("academic calendars 2025-2026: bachelor semesters and trimesters (KZ days off)")
        return
    assert ctx.country is not None  # a live demo
    faculty = ctx.made.get("faculty")
    build_semester(ctx.session, ctx.year_name, ctx.country, ctx.lang, faculty.university if faculty else "")
    if ctx.country == "KZ":
        build_trimester(ctx.session, ctx.year_name)
    ctx.summary.append(f"academic calendar {ctx.year_name}: bachelor semesters ({ctx.country} days off)")
