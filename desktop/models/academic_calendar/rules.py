"""The rule engine: a calendar loaded as plain data, rules resolved to dates in working days, rules described."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.academic_calendar.entities import (
    AcademicCalendar,
    CalendarData,
    CalendarDate,
    CalendarEvent,
    Category,
    Entry,
    Event,
    Rule,
    RuleKind,
)
from desktop.models.base import DomainError
from desktop.models.workdays import ONE_DAY, WorkCalendar


def load(session: Session, calendar_id: int) -> CalendarData:
    cal = session.get(AcademicCalendar, calendar_id)
    if cal is None:
        raise DomainError(_("The calendar was deleted meanwhile; reload the list."))
    data = CalendarData(cal.id, cal.year_name, cal.level, cal.layout, cal.country, cal.title, cal.approval,
                        cal.teaching_weeks)
    events = session.scalars(select(CalendarEvent).where(CalendarEvent.calendar_id == calendar_id)
                             .order_by(CalendarEvent.position, CalendarEvent.id)).all()
    by_id = {e.id: Event(e.id, e.category, e.title, e.kind, e.note, e.parent_id, e.position) for e in events}
    for d in session.scalars(select(CalendarDate).join(CalendarEvent, CalendarDate.event_id == CalendarEvent.id)
                             .where(CalendarEvent.calendar_id == calendar_id)):
        rule = (Rule(d.rule_kind, d.rule_days, d.rule_ref_id, d.rule_working, d.rule_ref_term, d.rule_from_start)
                if d.rule_kind and d.rule_ref_id else None)
        by_id[d.event_id].entries[d.term] = Entry(d.start, d.end, d.text, rule)
    # Order: by category, parents by position, each followed by its sub-rows; numbers as printed.
    ordered: list[Event] = []
    for cat in Category:
        parents = [e for e in by_id.values() if e.category == cat.value and e.parent_id is None]
        for i, parent in enumerate(parents, 1):
            parent.number = str(i)
            ordered.append(parent)
            for j, child in enumerate((c for c in by_id.values() if c.parent_id == parent.id), 1):
                child.number = f"{i}.{j}"
                ordered.append(child)
    data.events = ordered
    return data


# Resolving rules ----------------------------------------------------------------------

class RuleCycle(DomainError):
    pass


Resolved = dict[tuple[int, str], tuple[dt.date, dt.date]]  # (event id, term) -> (first day, last day)


def resolve(data: CalendarData, work: WorkCalendar) -> Resolved:
    """Every (event, term) with a date: explicit dates as given, rules through the engine.

    A parent row with no date of its own spans its sub-rows. Rules referring to an event with
    no date in that term resolve to nothing; a cycle of rules raises ``RuleCycle``.
    """
    result: dict[tuple[int, str], tuple[dt.date, dt.date] | None] = {}
    busy: set[tuple[int, str]] = set()
    children: dict[int, list[Event]] = {}
    for e in data.events:
        if e.parent_id is not None:
            children.setdefault(e.parent_id, []).append(e)

    def period(event_id: int, term: str):
        key = (event_id, term)
        if key in result:
            return result[key]
        if key in busy:
            raise RuleCycle(_("The rules of the calendar refer to each other in a circle."))
        busy.add(key)
        event = data.event(event_id)
        value = None
        entry = event.entries.get(term) if event else None
        if entry is not None and entry.rule is not None:
            value = _apply_rule(entry.rule, term, period, work)
        elif entry is not None and (entry.start or entry.end):
            value = (entry.start or entry.end, entry.end or entry.start)
        elif event is not None and event.id in children:
            spans = [p for c in children[event.id] if (p := period(c.id, term))]
            if spans:
                value = (min(p[0] for p in spans), max(p[1] for p in spans))
        busy.discard(key)
        result[key] = value
        return value

    for e in data.events:
        for term in data.terms:
            period(e.id, term)
    return {k: v for k, v in result.items() if v is not None}


def _apply_rule(rule: Rule, term: str, period, work: WorkCalendar):
    ref = period(rule.ref_event_id, rule.ref_term or term)
    if ref is None:
        return None
    anchor = ref[0] if rule.from_start else ref[1]

    def move(day: dt.date, n: int) -> dt.date:
        return work.add_working_days(day, n) if rule.working else day + dt.timedelta(days=n)

    if rule.kind == RuleKind.WITHIN:
        first = work.add_working_days(anchor, 1) if rule.working else anchor + ONE_DAY
        return first, move(anchor, rule.days)
    if rule.kind == RuleKind.AFTER:
        day = move(anchor, rule.days)
        return day, day
    if rule.kind == RuleKind.BEFORE:
        day = move(anchor, -rule.days)
        return day, day
    raise DomainError(_("Unknown rule “{kind}”.").format(kind=rule.kind))


def describe_rule(rule: Rule, data: CalendarData, tr) -> str:
    """The rule in words, in ``tr``'s language: "within 5 working days after the end of “Final exams”"."""
    ref = data.event(rule.ref_event_id)
    name = ref.title if ref else "?"
    if ref is not None and ref.number:
        name = f"{ref.number}. {name}" if ref.parent_id is None else f"{ref.number} {name}"
    point = tr("the start of “{event}”") if rule.from_start else tr("the end of “{event}”")
    point = point.format(event=name)
    n = rule.days
    if rule.kind == RuleKind.AFTER and n == 1 and rule.working:
        return tr("no later than the next working day after {point}").format(point=point)
    # Whole phrases go through ngettext: the noun after the number changes its form (ru: 1 рабочий
    # день, 3 рабочих дня, 5 рабочих дней) and its case depends on the phrase (в течение 1 рабочего
    # дня / за 1 рабочий день до), so the translator needs the phrase, not the unit alone.
    if rule.kind == RuleKind.WITHIN:
        text = (tr.ngettext("within {n} working day after {point}", "within {n} working days after {point}", n)
                if rule.working else
                tr.ngettext("within {n} calendar day after {point}", "within {n} calendar days after {point}", n))
    elif rule.kind == RuleKind.AFTER:
        text = (tr.ngettext("{n} working day after {point}", "{n} working days after {point}", n)
                if rule.working else
                tr.ngettext("{n} calendar day after {point}", "{n} calendar days after {point}", n))
    else:
        text = (tr.ngettext("{n} working day before {point}", "{n} working days before {point}", n)
                if rule.working else
                tr.ngettext("{n} calendar day before {point}", "{n} calendar days before {point}", n))
    return text.format(n=n, point=point)
