"""Deadlines of work plan items as data: parse the office's text, render it, say when it is due.

A deadline is a small dict (stored as JSON on the item) with a ``kind``:

- ``months``: ``{"months": [[2025, 9], [2025, 10]]}`` ("Сентябрь, октябрь 2025")
- ``dates``: ``{"start": "2025-09-16", "end": "2025-09-23"}`` ("16-23-сентябрь")
- ``weekly``: ``{"weekdays": [0]}`` ("Дүйшөмбү сайын"; empty = once a week, any day)
- ``monthly``: ``{}`` ("Айына бир жолу", "Ар айда")
- ``year_round``: ``{}`` ("Жыл бою")
- ``event``: ``{"events": ["after_winter_session", "after_summer_session"]}``, kept unresolved:
  the calendar area plugs in a resolver with :func:`set_event_resolver`
- ``text``: ``{"text": "..."}`` when nothing else fits.

Periods are inclusive ``(start, end)`` dates. ``first_year`` is the academic year's first
calendar year (2025 for 2025-2026): months without a year and recurring kinds need it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypedDict

from desktop import dates
from desktop.i18n import N_, LabelledEnum, Translator


class DeadlineKind(LabelledEnum):
    MONTHS = "months", N_("Months")
    DATES = "dates", N_("Date or date range")
    WEEKLY = "weekly", N_("Weekly")
    MONTHLY = "monthly", N_("Monthly")
    YEAR_ROUND = "year_round", N_("Throughout the year")
    EVENT = "event", N_("After a calendar event")
    TEXT = "text", N_("Free text")


class DeadlineEvent(LabelledEnum):
    START_OF_YEAR = "start_of_year", N_("At the start of the academic year")
    AFTER_WINTER_SESSION = "after_winter_session", N_("After the winter session")
    AFTER_SUMMER_SESSION = "after_summer_session", N_("After the summer session")
    END_OF_YEAR = "end_of_year", N_("At the end of the academic year")


class Deadline(TypedDict, total=False):
    """A deadline as stored (JSON on the item): which keys it has depends on its ``kind``."""

    kind: str  # a DeadlineKind value
    months: list[list[int]]  # months: [[year, month], ...]
    start: str  # dates: ISO dates (a date object is read too)
    end: str
    weekdays: list[int]  # weekly: 0 = Monday
    events: list[str]  # event: DeadlineEvent values
    text: str  # text: as the office wrote it


KINDS = tuple(DeadlineKind)  # in the order the dialog offers them; members compare equal to the stored strings
EVENTS = tuple(DeadlineEvent)

# Until the calendar area resolves events, they fall on these usual periods (month, day offsets
# within the academic year): first semester starts 1 September, winter session ends in January,
# summer session in June.
_DEFAULT_EVENT_PERIODS = {
    "start_of_year": ((0, 9, 1), (0, 9, 15)),
    "after_winter_session": ((1, 2, 1), (1, 2, 15)),
    "after_summer_session": ((1, 7, 1), (1, 7, 15)),
    "end_of_year": ((1, 6, 15), (1, 6, 30)),
}

EventResolver = Callable[[str, int], "tuple[dt.date, dt.date] | None"]
_resolver: EventResolver | None = None


def set_event_resolver(resolver: EventResolver | None) -> None:
    """The calendar area registers ``resolver(event_kind, first_year) -> (start, end) | None``."""
    global _resolver
    _resolver = resolver


def event_period(event: str, first_year: int) -> tuple[dt.date, dt.date]:
    if _resolver is not None:
        found = _resolver(event, first_year)
        if found:
            return found
    (y0, m0, d0), (y1, m1, d1) = _DEFAULT_EVENT_PERIODS.get(event, _DEFAULT_EVENT_PERIODS["end_of_year"])
    return dt.date(first_year + y0, m0, d0), dt.date(first_year + y1, m1, d1)


def _iso(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


# When ------------------------------------------------------------------------------------

def periods(deadline: Deadline, first_year: int) -> list[tuple[dt.date, dt.date]]:
    """The periods in which the deadline calls for work (recurring kinds: the whole year)."""
    kind = deadline.get("kind", "text")
    if kind == "months":
        return [(dt.date(y, m, 1), dates.month_end(y, m)) for y, m in deadline.get("months", [])]
    if kind == "dates":
        start = _iso(deadline["start"])
        return [(start, _iso(deadline.get("end") or start))]
    if kind == "event":
        return [event_period(e, first_year) for e in deadline.get("events", [])]
    if kind in ("weekly", "monthly", "year_round"):
        return [dates.academic_year_bounds(first_year)]
    return []


def last_day(deadline: Deadline, first_year: int) -> dt.date | None:
    """The day after which an unfinished item is overdue (None: free text never is)."""
    found = periods(deadline, first_year)
    return max(end for _s, end in found) if found else None


def is_due(deadline: Deadline, start: dt.date, end: dt.date, first_year: int) -> bool:
    """Whether the deadline asks for work in the period [start, end] (a week or a month).

    Weekly items are due in a period holding one of their weekdays; monthly items in a period
    holding a month's last day; year-round items in any period of the academic year.
    """
    kind = deadline.get("kind", "text")
    y0, y1 = dates.academic_year_bounds(first_year)
    if kind == "weekly":
        lo, hi = max(start, y0), min(end, y1)
        if lo > hi:
            return False
        days = set(deadline.get("weekdays") or range(7))
        return any((lo + dt.timedelta(days=i)).weekday() in days for i in range(min((hi - lo).days + 1, 7)))
    if kind == "monthly":
        lo, hi = max(start, y0), min(end, y1)
        if lo > hi:
            return False
        return dates.month_end(lo.year, lo.month) <= hi
    return any(s <= end and start <= e for s, e in periods(deadline, first_year))


def is_overdue(deadline: Deadline, status: str, on_date: dt.date, first_year: int) -> bool:
    if status in ("done", "cancelled"):
        return False
    last = last_day(deadline, first_year)
    return last is not None and last < on_date


def shift_years(deadline: Deadline, years: int) -> Deadline:
    """The same deadline ``years`` later (months and dates move; recurring kinds stay)."""
    kind = deadline.get("kind")
    if kind == "months":
        return {**deadline, "months": [[y + years, m] for y, m in deadline["months"]]}
    if kind == "dates":
        def move(value: str | dt.date) -> str:
            d = _iso(value)
            try:
                return d.replace(year=d.year + years).isoformat()
            except ValueError:  # 29 February
                return d.replace(year=d.year + years, day=28).isoformat()
        return {**deadline, "start": move(deadline["start"]), "end": move(deadline.get("end") or deadline["start"])}
    return deadline.copy()


# Rendering -------------------------------------------------------------------------------

def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def render(deadline: Deadline, tr: Translator) -> str:
    """The deadline as the office writes it, in ``tr``'s language."""
    kind = deadline.get("kind", "text")
    if kind == "months":
        by_year: dict[int, list[int]] = {}
        for y, m in sorted(deadline.get("months", [])):
            by_year.setdefault(y, []).append(m)
        parts = [dates.months_year(year, _month_runs(months, tr), tr.lang) for year, months in by_year.items()]
        return _cap("; ".join(parts))
    if kind == "dates":
        start, end = _iso(deadline["start"]), _iso(deadline.get("end") or deadline["start"])
        if start == end:
            return tr.short_date(start)
        return f"{tr.short_date(start)}–{tr.short_date(end)}"
    if kind == "weekly":
        days = deadline.get("weekdays") or []
        if not days:
            return tr("Once a week")
        return _cap(_every_weekdays([tr(EVERY_WEEKDAY[d]) for d in sorted(set(days))], tr))
    if kind == "monthly":
        return tr("Once a month")
    if kind == "year_round":
        return tr("Throughout the year")
    if kind == "event":
        return _cap(", ".join(DeadlineEvent(e).label(tr) if e in EVENTS else e
                              for e in deadline.get("events", [])))
    return deadline.get("text", "")


# "Every Monday" as the office writes it: each language's own phrase per day (Russian agrees
# "каждый понедельник" / "каждую среду" / "каждое воскресенье"; Kyrgyz puts "сайын" after).
EVERY_WEEKDAY = (N_("every Monday"), N_("every Tuesday"), N_("every Wednesday"), N_("every Thursday"),
                 N_("every Friday"), N_("every Saturday"), N_("every Sunday"))


def _every_weekdays(phrases: list[str], tr: Translator) -> str:
    """Several days in one phrase: a word all phrases begin or end with is said once
    ("каждый понедельник и четверг", "дүйшөмбү жана бейшемби сайын", "әр дүйсенбі және бейсенбі");
    otherwise the phrases are listed whole ("каждый понедельник и каждую среду")."""
    if len(phrases) == 1:
        return phrases[0]
    words = [p.split() for p in phrases]
    if all(len(w) > 1 for w in words):
        if len({w[0] for w in words}) == 1:
            return f"{words[0][0]} {_and_list([' '.join(w[1:]) for w in words], tr)}"
        if len({w[-1] for w in words}) == 1:
            return f"{_and_list([' '.join(w[:-1]) for w in words], tr)} {words[0][-1]}"
    return _and_list(phrases, tr)


def _and_list(parts: list[str], tr: Translator) -> str:
    if len(parts) == 1:
        return parts[0]
    return tr("{items} and {last}").format(items=", ".join(parts[:-1]), last=parts[-1])


def _month_runs(months: list[int], tr: Translator) -> list[str]:
    """[9, 10, 11, 12] -> ["сентябрь–декабрь"]; [9, 11] -> ["сентябрь", "ноябрь"]."""
    runs: list[list[int]] = []
    for m in months:
        if runs and m == runs[-1][-1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    out = []
    for run in runs:
        if len(run) >= 3:
            out.append(f"{dates.month_name(run[0], tr.lang)}–{dates.month_name(run[-1], tr.lang)}")
        else:
            out.extend(dates.month_name(m, tr.lang) for m in run)
    return out


# Parsing ---------------------------------------------------------------------------------

def parse(text: str, first_year: int) -> Deadline:
    """The office's deadline text in ky/kk/ru/en as data; free text when it does not fit
    (the words are read in ``workplan_deadline_parse``)."""
    from desktop.models.workplan_deadline_parse import parse_text

    return parse_text(text, first_year)
