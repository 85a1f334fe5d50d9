"""A term of the dean's office's Monday meetings (September to December of the demo year, holidays
respected) with agendas drawn from the demo work plan, minutes and decisions (most done, some still
open, some overdue), and the curators' monthly meeting (last Wednesday of the month)."""

from __future__ import annotations

import datetime as dt

from desktop.models import meetings as mt
from desktop.models import meetings_agenda as ag
from desktop.models import workplan as wp
from desktop.models import workplan_deadline as dl
from desktop.models.demo import DemoContext
from desktop.models.org import StaffRole, staff_by_role
from desktop import clock

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


def _today() -> dt.date:
    # Like the demo work plan: what is past is held and mostly done, whenever the demo is built.
    return clock.today()


def build(ctx: DemoContext) -> None:
    s, rng = ctx.session, ctx.rng
    first = int(ctx.year_name[:4])
    today = _today()
    dean = (staff_by_role(s, StaffRole.DEAN) or [None])[0]
    vice = staff_by_role(s, StaffRole.VICE_DEAN)
    methodists = staff_by_role(s, StaffRole.METHODIST)
    heads = staff_by_role(s, StaffRole.HEAD_OF_DEPARTMENT)
    curators = staff_by_role(s, StaffRole.CURATOR)
    if dean is None or not methodists:
        return
    board = [dean, *vice, *methodists, *heads]
    weekly = mt.add_series(s, "Деканаттын жумалык кеңешмеси", kind="deans_office", weekday=0, time="09:00",
                           place="Деканат, 214-бөлмө", chair_id=dean.id, secretary_id=methodists[0].id,
                           members=[p.id for p in board])
    upbringing = vice[-1] if vice else dean
    monthly = mt.add_series(s, "Кураторлордун айлык кеңешмеси", kind="curators", recurrence="monthly", weekday=2,
                            nth_week=-1, time="14:00", place="305-аудитория", chair_id=upbringing.id,
                            secretary_id=methodists[-1].id, members=[upbringing.id, *(c.id for c in curators)])
    term_start, term_end = dt.date(first, 9, 1), dt.date(first, 12, 31)
    held = decided = 0
    for series, per_meeting in ((weekly, 4), (monthly, 3)):
        after = term_start - dt.timedelta(days=1)
        while True:
            date = ag.next_meeting_date(s, series.id, after)
            if date > term_end:
                break
            meeting = mt.add_meeting(s, series.id, date)
            after = date
            _agenda(s, rng, series, meeting, per_meeting)
            if date <= today:
                held += 1
                decided += _minutes(s, rng, meeting, today)
    ctx.made["meeting_series"] = {"weekly": weekly, "curators": monthly}
    ctx.summary.append(f"meetings: {held} held, {decided} decisions")


def _agenda(s, rng, series, meeting, per_meeting: int) -> None:
    """Carried decisions first (open on that day), then plan items due, then one item by hand."""
    horizon = ag.horizon_of(series, meeting.date)
    proposals = [p for p in ag.open_decisions(s, meeting.date, horizon) if p.series_id == series.id]
    # the demo's statuses are as of today; on the meeting's day the plan's work was still to do
    for item in wp.items_due(s, meeting.date, horizon, include_done=True):
        if (item.deadline or {}).get("kind") in ("weekly", "year_round", "monthly"):
            continue
        staff_id = next((r.staff_id for r in item.responsible if r.staff_id), None)
        proposals.append(ag.AgendaProposal("workplan_due", item.text, f"workplan:{item.id}", staff_id,
                                           workplan_item_id=item.id,
                                           due_date=dl.last_day(item.deadline or {}, item.section.plan.year.first_year)))
    chosen = [p for p in proposals if p.source == "decision"][:2]
    chosen += [p for p in proposals if p.source != "decision"][:per_meeting - len(chosen)]
    ag.add_proposals(s, meeting.id, chosen, default_minutes=rng.choice((10, 15)))
    mt.add_agenda_item(s, meeting.id, rng.choice(EXTRA), speaker_id=meeting.chair_id, minutes_allotted=5)


def _minutes(s, rng, meeting, today: dt.date) -> int:
    mt.update_meeting(s, meeting.id, held=True)
    for a in meeting.attendees:
        if rng.random() < 0.12:
            a.present, a.note = False, rng.choice(("ооруп жатат", "иш сапарында", "сабакта"))
    made = 0
    for item in meeting.items:
        speaker = item.speaker.short_name if item.speaker else ""
        item.heard = rng.choice(HEARD).format(speaker=speaker or "Деканат").strip()
        if item.decision_id:
            carried = s.get(mt.Decision, item.decision_id)
            if carried is not None and rng.random() < 0.7:
                mt.update_decision(s, carried.id, status="done", closed_on=meeting.date)
                item.decided = "Чечим аткарылды деп эсептелсин."
            else:
                item.decided = "Чечимдин аткарылышы көзөмөлдө калсын."
            continue
        item.decided = "Маалымат эске алынсын."
        if rng.random() < 0.75:
            due = meeting.date + dt.timedelta(days=rng.choice((4, 7, 10, 14, 21)))
            text = rng.choice(DECISIONS)
            responsible = [item.speaker_id] if item.speaker_id else [meeting.secretary_id]
            mt.add_decision(s, meeting.id, text, responsible=[r for r in responsible if r], due_date=due,
                            agenda_item_id=item.id)
            made += 1
    s.flush()
    return made
