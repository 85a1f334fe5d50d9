"""Demo step: the demo carries both languages of its country. Seed 000's Kyrgyz plan gets a
Russian version of every text, seed 004's Kazakh calendars a Russian version of every event, the
office's own (Russian) procedures of service requests and their refusal ground a Kyrgyz one;
the meetings (series, agenda items, minutes, decisions) a Russian one; the originals' languages
are recorded. Runs after the work plan, calendar, requests and meetings steps."""

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


# The Kazakh faculty of the KZ live demo (``faculty.FACULTY["kk"]``) in Russian.
FACULTY_RU_KK = {"Математика және ақпараттық технологиялар факультеті":
                 "Факультет математики и информационных технологий",
                 "Қорқыт Ата атындағы Қызылорда университеті": "Кызылординский университет имени Коркыт Ата"}


def _kazakh_plan_in_russian(year: str) -> dict[str, str]:
    """Kazakh -> Russian of the KZ live demo's plan (``workplan_seed_kk_ru``: the same sections and
    items in both languages): section titles, items, deadlines in words and each responsible person."""
    from desktop.models.demo.workplan_seed_kk_ru import SECTIONS

    first = int(year[:4])
    out = {**FACULTY_RU_KK, "Факультет деканы": "Декан факультета"}  # the plan's approver
    for (_k, kk_title, kk_items), (_r, ru_title, ru_items) in zip(SECTIONS["kk"], SECTIONS["ru"], strict=True):
        out[kk_title] = ru_title
        for (kk_text, kk_deadline, kk_who), (ru_text, ru_deadline, ru_who) in zip(kk_items, ru_items, strict=True):
            out[kk_text] = ru_text
            out[kk_deadline.format(y1=first, y2=first + 1)] = ru_deadline.format(y1=first, y2=first + 1)
            for kk_person, ru_person in zip(kk_who.split(", "), ru_who.split(", "), strict=False):
                out.setdefault(kk_person, ru_person)
    return out


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
    # the plan and the faculty are written in the country's language (Kyrgyz, Kazakh; Russian needs none)
    kazakh = _kazakh_plan_in_russian(ctx.year_name) if ctx.lang == "kk" else {}
    for t in texts:
        if ctx.lang == "ky":
            ru = _russian(t, ctx.year_name)
        elif ctx.lang == "kk":
            ru = PLAN_TITLE.format(year=ctx.year_name) if (t.ref.table, t.ref.field) == ("workplan", "title") \
                else kazakh.get(t.original)
        else:
            ru = None
        if t.original.strip():
            originals.setdefault(ctx.lang, []).append(t.ref)
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

    originals.setdefault("ru", [])
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
    plan_originals = {t.ref: t.original for t in texts if t.ref.table == "workplan_item"}
    plan_ru = {plan_originals[ref]: ru for ref, lang, ru in rows if lang == "ru" and ref in plan_originals}
    _meeting_texts(s, ctx.lang, rows, originals, plan_ru)
    for lang, refs in originals.items():
        set_originals_language(s, refs, lang)
    n = add_versions(s, rows)
    ctx.summary.append(f"parallel texts: {n} versions (Russian of the plan, the calendars and the meetings, "
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


def _meeting_texts(s, lang: str, rows: list, originals: dict, plan_ru: dict[str, str]) -> None:
    """The meetings' series, agenda items (titles, "heard", "decided") and decisions, written in the
    country's language by the meetings step, get their Russian version (the same sentences of
    ``meetings.TEXTS["ru"]``; an item taken from the plan, the plan item's Russian)."""
    if lang == "ru":
        return
    from sqlalchemy import select

    from desktop.models.demo.meetings import TEXTS
    from desktop.models.meetings import AgendaItem, Decision, MeetingSeries
    from desktop.models.text_versions import TextRef

    mine, ru = TEXTS[lang], TEXTS["ru"]
    same: dict[str, str] = {str(mine[k]): str(ru[k])
                            for k in ("weekly", "curators", "done", "watch", "noted", "office")}
    for key in ("decisions", "extra"):
        same.update(zip(mine[key], ru[key], strict=True))
    same.update(plan_ru)
    heard = [(tpl.split("{speaker}"), ru_tpl) for tpl, ru_tpl in zip(mine["heard"], ru["heard"], strict=True)]

    def russian(text: str) -> str | None:
        if text in same:
            return same[text]
        for (before, after), ru_tpl in heard:  # "{speaker} иштин жүрүшү жөнүндө маалымат берди."
            if text.startswith(before) and text.endswith(after) and len(text) > len(before) + len(after):
                speaker = text[len(before):len(text) - len(after)]
                return ru_tpl.format(speaker=same.get(speaker, speaker))  # a name reads the same
        return None

    for table, entity, fields in (("meeting_series", MeetingSeries, ("name",)),
                                  ("agenda_item", AgendaItem, ("title", "heard", "decided")),
                                  ("meeting_decision", Decision, ("text",))):
        for row_id, *values in s.execute(select(entity.id, *(getattr(entity, f) for f in fields))):
            for field, original in zip(fields, values, strict=True):
                if not (original or "").strip():
                    continue
                ref = TextRef(table, row_id, field)
                originals.setdefault(lang, []).append(ref)
                version = russian(original)
                if version:
                    rows.append((ref, "ru", version))
