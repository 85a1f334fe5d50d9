"""Demo step: the demo carries both languages of its country. Seed 000's Kyrgyz plan gets a
Russian version of every text, seed 004's Kazakh calendars a Russian version of every event, the
office's own (Russian) procedures of service requests and their refusal ground a Kyrgyz one;
the originals' languages are recorded. Runs after the work plan, calendar and requests steps."""

from __future__ import annotations

from desktop.models.demo import DemoContext
from desktop.models.demo.translations_ru import (
    BUILDINGS,
    CALENDAR,
    DEADLINES,
    DISCIPLINES,
    PEOPLE,
    PLAN,
    PLAN_TITLE,
    REQUESTS_KY,
    ROOMS_KY,
)
from desktop.models.text_versions import add_versions, set_originals_language

FACULTY_RU = {"Математика жана информациялык технологиялар факультети":
              "Факультет математики и информационных технологий",
              "Ош мамлекеттик университети": "Ошский государственный университет"}


def _russian(t, year: str) -> str | None:
    if t.ref.table == "workplan_responsible":
        return PEOPLE.get(t.original, t.original)  # a name is the same in Russian
    if t.ref.field == "deadline_text":
        return DEADLINES.get(t.original)
    if t.ref.table == "workplan" and t.ref.field == "title":
        return PLAN_TITLE.format(year=year)
    return PLAN.get(t.original) or CALENDAR.get(t.original) or FACULTY_RU.get(t.original)


def build(ctx: DemoContext) -> None:
    from sqlalchemy import select

    from desktop.models import academic_calendar as ac
    from desktop.models.org import Faculty
    from desktop.models.text_documents import calendar_texts, plan_texts
    from desktop.models.text_versions import texts_of

    s = ctx.session
    rows: list = []
    originals: dict[str, list] = {"ky": [], "kk": []}
    plan = ctx.made.get("workplan")
    texts = plan_texts(s, plan.id) if plan is not None else []
    for fid, name, university in s.execute(select(Faculty.id, Faculty.name, Faculty.university)):
        texts += texts_of(s, "faculty", [(fid, "name", name, ""), (fid, "university", university, "")])
    for t in texts:
        ru = _russian(t, ctx.year_name)
        if t.original.strip():
            originals["ky"].append(t.ref)
            if ru:
                rows.append((t.ref, "ru", ru))
    for cal_id, *_rest in ac.calendars(s):
        for t in calendar_texts(s, cal_id):
            if not t.original.strip():
                continue
            ru = CALENDAR.get(t.original)
            if ru:
                rows.append((t.ref, "ru", ru))

            originals["kk"].append(t.ref)
    from desktop.models.requests import ServiceRequest
    from desktop.models.text_documents import procedure_texts
    from desktop.models.text_versions import TextRef

    originals["ru"] = []
    for t in procedure_texts(s):
        ky = REQUESTS_KY.get(t.original)
        if ky:  # the built-in procedures are msgids, translated by the catalogs
            rows.append((t.ref, "ky", ky))
            originals["ru"].append(t.ref)
    for rid, reason in s.execute(select(ServiceRequest.id, ServiceRequest.refusal_reason)
                                 .where(ServiceRequest.refusal_reason != "")):
        if reason in REQUESTS_KY:
            ref = TextRef("service_request", rid, "refusal_reason")
            rows.append((ref, "ky", REQUESTS_KY[reason]))
            originals["ru"].append(ref)
    _exam_texts(s, rows, originals)
    for lang, refs in originals.items():
        set_originals_language(s, refs, lang)
    n = add_versions(s, rows)
    ctx.summary.append(f"parallel texts: {n} versions (Russian of the Kyrgyz plan and the Kazakh calendars, "
                       "Kyrgyz of the office's procedures)")


def _exam_texts(s, rows: list, originals: dict) -> None:
    """Disciplines (Kyrgyz, "Тарых 2" for the second course) get Russian versions; rooms typed in
    Russian ("Актовый зал") Kyrgyz ones; buildings Russian ones."""
    from sqlalchemy import select

    from desktop.models.exams import Discipline, Room
    from desktop.models.text_versions import TextRef

    for did, name in s.execute(select(Discipline.id, Discipline.name)):
        base, _sep, course = name.rpartition(" ")
        if not (course.isdigit() and base in DISCIPLINES):
            base, course = name, ""
        if base in DISCIPLINES:
            ref = TextRef("discipline", did, "name")
            rows.append((ref, "ru", f"{DISCIPLINES[base]} {course}".strip()))
            originals["ky"].append(ref)
    for rid, name, building in s.execute(select(Room.id, Room.name, Room.building)):
        ref = TextRef("room", rid, "name")
        if name in ROOMS_KY:
            rows.append((ref, "ky", ROOMS_KY[name]))
            originals["ru"].append(ref)
        elif any("А" <= ch <= "я" for ch in name):  # a code such as "ИТ-1" reads the same in Russian
            rows.append((ref, "ru", name))
            originals["ky"].append(ref)
        if building in BUILDINGS:
            ref = TextRef("room", rid, "building")
            rows.append((ref, "ru", BUILDINGS[building]))
            originals["ky"].append(ref)
