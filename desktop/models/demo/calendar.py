"""The demo academic calendars: seed 004's 2025-2026 bachelor calendar (semesters) and the
trimester calendar of its appendix 1, both following Kazakhstan's days off (the calendar
carries its own country; the faculty setting stays as it is)."""

from __future__ import annotations

import datetime as dt

from desktop.models import academic_calendar as ac
from desktop.models.academic_calendar import Category as C
from desktop.models.academic_calendar import Entry, Rule, RuleKind
from desktop.models.demo import DemoContext

UNIVERSITY = "MAQSUT NARIKBAYEV UNIVERSITY"
APPROVAL = ("БЕКІТІЛДІ\nMAQSUT NARIKBAYEV UNIVERSITY-дің Академиялық және Ғылыми-зерттеу кеңесінің шешімімен\n"
            "2025 жылғы «05» тамыздағы №205-1-хаттама")
SCHOOLS = ["Халықаралық экономика мектебі", "Құқық жоғары мектебі", "Жоғары Гуманитарлық Мектебі",
           "Халықаралық журналистика мектебі"]


def _d(text: str) -> dt.date:
    day, month, year = text.split(".")
    return dt.date(int(year), int(month), int(day))


def _entry(value) -> Entry:
    if isinstance(value, Entry):
        return value
    if " - " in value and len(value) == 23:
        a, b = value.split(" - ")
        return Entry(_d(a), _d(b))
    if value[:2].isdigit() and value.count(".") == 2 and len(value) == 10:
        return Entry(_d(value), _d(value))
    return Entry(text=value)


class _Builder:
    def __init__(self, session, calendar_id):
        self.session, self.calendar_id = session, calendar_id
        self.ids: dict[str, int] = {}

    def event(self, key, category, title, kind="", note="", parent=None, **terms):
        event_id = ac.add_event(self.session, self.calendar_id, category, title, kind=kind, note=note,
                                parent_id=self.ids.get(parent))
        self.ids[key] = event_id
        for term, value in terms.items():
            if callable(value):
                value = value(self)
            ac.set_entry(self.session, event_id, term, _entry(value))
        return event_id


def _rule(kind, days, ref, **kw):
    return lambda b: Entry(rule=Rule(kind, days, b.ids[ref], **kw))


RESULTS_TEXT = ("Емтихан нәтижелері Canvas LMS-те емтихан аяқталғаннан кейін 5 (бес) жұмыс күні ішінде "
                "жариялануы керек")


def build_semester(session) -> int:
    cal = ac.create_calendar(session, "2025-2026", "bachelor", "semester", "KZ", UNIVERSITY, APPROVAL, 15)
    b = _Builder(session, cal)
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
    for i, (school, end) in enumerate(zip(SCHOOLS, ("14.11.2025", "03.11.2025", "14.11.2025", "14.11.2025"))):
        b.event(f"topics{i}", C.FINAL_ATTESTATION, school, parent="topics", autumn=f"22.09.2025 - {end}")
    b.event("state", C.FINAL_ATTESTATION, "Мемлекеттік емтихандарды тапсыру және дипломдық жобаларды қорғау",
            "final_attestation")
    for i, (school, span) in enumerate(zip(SCHOOLS, ("25.05.2026 - 06.06.2026", "11.05.2026 - 30.05.2026",
                                                     "11.05.2026 - 30.05.2026", "11.05.2026 - 30.05.2026"))):
        b.event(f"state{i}", C.FINAL_ATTESTATION, school, parent="state", spring=span)
    b.event("docs", C.FINAL_ATTESTATION, "Қорытынды аттестацияның нәтижелері бойынша құжаттарды тіркеу офисіне "
            "тапсыру", spring="01.06.2026 - 08.06.2026")
    b.event("grad", C.GRADUATION, "Бітіру салтанатты рәсімі", "graduation",
            autumn="12.12.2025", spring="27.06.2026 - 30.06.2026")
    b.event("vac", C.VACATION, "Демалыс", "vacation", autumn="01.01.2026 - 18.01.2026",
            spring="24.05.2026 - 31.08.2026")
    return cal


def build_trimester(session) -> int:
    cal = ac.create_calendar(session, "2025-2026", "bachelor", "trimester", "KZ",
                             "ХАЛЫҚАРАЛЫҚ ЖУРНАЛИСТИКА МЕКТЕБІ", APPROVAL, 10)
    b = _Builder(session, cal)
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
    build_semester(ctx.session)
    build_trimester(ctx.session)
    ctx.summary.append("academic calendars 2025-2026: bachelor semesters and trimesters (KZ days off)")
