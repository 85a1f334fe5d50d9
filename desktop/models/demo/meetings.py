"""A term of the dean's office's Monday meetings (September to December of the demo year, holidays
respected) with agendas drawn from the demo work plan, minutes and decisions (most done, some still
open, some overdue), and the curators' monthly meeting (last Wednesday of the month)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.models import meetings as mt
from desktop.models import meetings_agenda as ag
from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl
from desktop.models.demo import DemoContext
from desktop.models.org import StaffRole, staff_by_role

HEARD = [
    "{speaker} иштин жүрүшү жөнүндө маалымат берди.",
    "{speaker} аткарылган иштер боюнча кыскача баяндама жасады.",
    "{speaker} көйгөйлөр жана аларды чечүү жолдору тууралуу айтты.",
]
DECISIONS = [
    "Кафедралар аткарылган иштер боюнча отчет тапшырсын.",
    "Тайпалардын кураторлору студенттердин катышуусун текшерип, маалымат берсин.",
    "Методисттер документтерди толуктап, деканатка тапшырсын.",
    "Кафедра башчылары иш пландарын жаңыласын.",
]
EXTRA = ["Студенттердин сабакка катышуусу", "Электрондук журналдын толтурулушу", "Ар кандай маселелер"]
KY = {"heard": HEARD, "decisions": DECISIONS, "extra": EXTRA, "weekly": "Деканаттын жумалык кеңешмеси",
      "weekly_place": "Деканат, 214-бөлмө", "curators": "Кураторлордун айлык кеңешмеси",
      "curators_place": "305-аудитория", "absent": ("ооруп жатат", "иш сапарында", "сабакта"),
      "office": "Деканат", "done": "Чечим аткарылды деп эсептелсин.",
      "watch": "Чечимдин аткарылышы көзөмөлдө калсын.", "noted": "Маалымат эске алынсын."}
# The same meetings in a Kazakh and a Russian faculty (the live demo of KZ and RU).
TEXTS: dict[str, dict[str, Any]] = {"ky": KY, "kk": {
    "heard": ["{speaker} жұмыстың барысы туралы ақпарат берді.",
              "{speaker} атқарылған жұмыстар бойынша қысқаша баяндама жасады.",
              "{speaker} мәселелер мен оларды шешу жолдары туралы айтты."],
    "decisions": ["Кафедралар атқарылған жұмыстар бойынша есеп тапсырсын.",
                  "Топ кураторлары студенттердің қатысуын тексеріп, ақпарат берсін.",
                  "Әдіскерлер құжаттарды толықтырып, деканатқа тапсырсын.",
                  "Кафедра меңгерушілері жұмыс жоспарларын жаңартсын."],
    "extra": ["Студенттердің сабаққа қатысуы", "Электрондық журналдың толтырылуы", "Әртүрлі мәселелер"],
    "weekly": "Деканаттың апталық кеңесі", "weekly_place": "Деканат, 214-кабинет",
    "curators": "Кураторлардың айлық кеңесі", "curators_place": "305-аудитория",
    "absent": ("ауырып жатыр", "іссапарда", "сабақта"), "office": "Деканат",
    "done": "Шешім орындалды деп есептелсін.", "watch": "Шешімнің орындалуы бақылауда қалсын.",
    "noted": "Ақпарат назарға алынсын."}, "ru": {
    "heard": ["{speaker} сообщил(а) о ходе работы.", "{speaker} кратко доложил(а) о выполненной работе.",
              "{speaker} рассказал(а) о проблемах и путях их решения."],
    "decisions": ["Кафедрам представить отчёт о выполненной работе.",
                  "Кураторам групп проверить посещаемость студентов и доложить.",
                  "Методистам дополнить документы и сдать в деканат.",
                  "Заведующим кафедрами обновить планы работы."],
    "extra": ["Посещаемость студентов", "Заполнение электронного журнала", "Разное"],
    "weekly": "Еженедельное совещание деканата", "weekly_place": "Деканат, каб. 214",
    "curators": "Ежемесячное совещание кураторов", "curators_place": "Аудитория 305",
    "absent": ("болеет", "в командировке", "на занятиях"), "office": "Деканат",
    "done": "Считать решение выполненным.", "watch": "Оставить исполнение решения на контроле.",
    "noted": "Информацию принять к сведению."}}




def build(ctx: DemoContext) -> None:
    s, rng = ctx.session, ctx.rng
    first = int(ctx.year_name[:4])
    today = ctx.today
    deans = staff_by_role(s, StaffRole.DEAN)
    dean = deans[0] if deans else None
    vice = staff_by_role(s, StaffRole.VICE_DEAN)
    methodists = staff_by_role(s, StaffRole.METHODIST)
    heads = staff_by_role(s, StaffRole.HEAD_OF_DEPARTMENT)
    curators = staff_by_role(s, StaffRole.CURATOR)
    if dean is None or not methodists:
        return
    board = [dean, *vice, *methodists, *heads]
    texts = TEXTS[ctx.lang]
    weekly = mt.add_series(s, texts["weekly"], kind="deans_office", weekday=0, time="09:00",
                           place=texts["weekly_place"], chair_id=dean.id, secretary_id=methodists[0].id,
                           members=[p.id for p in board])
    upbringing = vice[-1] if vice else dean
    monthly = mt.add_series(s, texts["curators"], kind="curators", recurrence="monthly", weekday=2,
                            nth_week=-1, time="14:00", place=texts["curators_place"], chair_id=upbringing.id,
                            secretary_id=methodists[-1].id, members=[upbringing.id, *(c.id for c in curators)])
    term_start, term_end = dt.date(first, 9, 1), dt.date(first, 12, 31)
    if ctx.live:  # meetings up to some weeks after today, within the academic year
        term_end = min(max(term_end, today + dt.timedelta(days=35)), dt.date(first + 1, 6, 30))
    held = decided = 0
    for series, per_meeting in ((weekly, 4), (monthly, 3)):
        after = term_start - dt.timedelta(days=1)
        while True:
            date = ag.next_meeting_date(s, series.id, after)
            if date > term_end:
                break
            meeting = mt.add_meeting(s, series.id, date)
            after = date
            _agenda(s, rng, series, meeting, per_meeting, texts)
            if date <= today:
                held += 1
                decided += _minutes(s, rng, meeting, today, texts)
    ctx.made["meeting_series"] = {"weekly": weekly, "curators": monthly}
    ctx.summary.append(f"meetings: {held} held, {decided} decisions")


def _agenda(s, rng, series, meeting, per_meeting: int, texts=KY) -> None:
    """Carried decisions first (open on that day), then plan items due, then one item by hand."""
    horizon = ag.horizon_of(series, meeting.date)
    proposals = [p for p in ag.open_decisions(s, meeting.date, horizon) if p.series_id == series.id]
    # the demo's statuses are as of today; on the meeting's day the plan's work was still to do
    for item in wp.items_due(s, meeting.date, horizon, include_done=True):
        if (item.deadline or {}).get("kind") in ("weekly", "year_round", "monthly"):
            continue
        staff_id = next((r.staff_id for r in item.responsible if r.staff_id), None)
        proposals.append(ag.AgendaProposal("workplan_due", item.text, f"workplan:{item.id}", staff_id,
                                           workplan_item_id=item.id, due_date=dl.last_day(
                                               item.deadline or {}, item.section.plan.year.first_year)))
    chosen = [p for p in proposals if p.source == "decision"][:2]
    chosen += [p for p in proposals if p.source != "decision"][:per_meeting - len(chosen)]
    ag.add_proposals(s, meeting.id, chosen, default_minutes=rng.choice((10, 15)))
    mt.add_agenda_item(s, meeting.id, rng.choice(texts["extra"]), speaker_id=meeting.chair_id, minutes_allotted=5)


def _minutes(s, rng, meeting, today: dt.date, texts=KY) -> int:
    mt.update_meeting(s, meeting.id, held=True)
    for a in meeting.attendees:
        if rng.random() < 0.12:
            a.present, a.note = False, rng.choice(texts["absent"])
    made = 0
    for item in meeting.items:
        speaker = item.speaker.short_name if item.speaker else ""
        item.heard = rng.choice(texts["heard"]).format(speaker=speaker or texts["office"]).strip()
        if item.decision_id:
            carried = s.get(mt.Decision, item.decision_id)
            if carried is not None and rng.random() < 0.7:
                mt.update_decision(s, carried.id, status="done", closed_on=meeting.date)
                item.decided = texts["done"]
            else:
                item.decided = texts["watch"]
            continue
        item.decided = texts["noted"]
        if rng.random() < 0.75:
            due = meeting.date + dt.timedelta(days=rng.choice((4, 7, 10, 14, 21)))
            text = rng.choice(texts["decisions"])
            responsible = [item.speaker_id] if item.speaker_id else [meeting.secretary_id]
            mt.add_decision(s, meeting.id, text, responsible=[r for r in responsible if r], due_date=due,
                            agenda_item_id=item.id)
            made += 1
    s.flush()
    return made
