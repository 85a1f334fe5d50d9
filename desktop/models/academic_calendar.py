"""The academic calendar: terms, events by category, dates per term, working-day rules.

A calendar belongs to an academic year and a level (bachelor, master) and has a layout:
``semester`` (terms autumn, winter school, spring, summer; printed in two columns
"autumn / winter school" and "spring / summer" as in seed 004) or ``trimester`` (terms I, II,
III, summer). It carries its own ``country`` (whose days off apply: seed 004 is a Kazakh
calendar while the faculty setting may say KG); the engine is ``work_calendar(session, country)``.

An event sits in one of twelve categories (seed 004's I-XII), may have sub-rows per school or
programme (``parent_id``, seed 004's 3.1-3.4), a note, and per term a ``CalendarDate``: a date,
a range, a free text ("by individual schedule"), or a RULE in working (or calendar) days
relative to another event's start or end, resolved by the engine:

- ``within`` N days after the reference: the range (next day, reference + N) — "results within
  5 working days after the exam ends", "FX application within 3 working days";
- ``after`` N days: one date — "appeal no later than the next working day" (N = 1);
- ``before`` N days: one date — "application 3 working days before the exam".

Query API for other areas (exam sessions, work plan, meetings, service requests)
-------------------------------------------------------------------------------
``event_period(session, year_name, kind, level="bachelor", layout=None) -> (start, end) | None``
and ``resolve_relative(session, year_name, kind, level="bachelor") -> date | None``.
``kind`` is one of the named periods (read from the calendar in the faculty's ``year_layout`` first):

=====================  =================================================================
``autumn_term``        teaching of the autumn semester (``teaching`` in term ``autumn``)
``spring_term``        teaching of the spring semester
``winter_session``     final exams of the autumn semester (``final_exams``/``autumn``)
``summer_session``     final exams of the spring semester
``winter_fx_retake``   FX retakes after the winter session; ``summer_fx_retake`` likewise
``fx_retake``          all FX retake periods of the year, first start to last end
``winter_school``      the winter school term; ``summer_term`` the summer term
``winter_vacation``    vacation of the autumn column; ``summer_vacation`` of the spring one
``final_attestation``  state exams and defences (all terms)
``graduation``         the graduation ceremony
=====================  =================================================================

or any event kind (``EVENT_KINDS``) alone (all its terms, first start to last end) or as
``"kind:term"`` (``"final_exams:t2"`` for a trimester calendar). ``resolve_relative`` answers
"after the winter session": the first working day after the period ends; prefix ``start:``
or ``end:`` (``"start:spring_term"``) for the period's own first or last day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop import dates
from desktop.i18n import N_, LabelledEnum, _
from desktop.models.base import Base, DomainError
from desktop.models.workdays import COUNTRIES, ONE_DAY, WorkCalendar


class Layout(LabelledEnum):
    SEMESTER = "semester", N_("Semesters")
    TRIMESTER = "trimester", N_("Trimesters")


# Terms of each layout, in order; and how the official table groups them into columns.
TERMS = {Layout.SEMESTER: ("autumn", "winter", "spring", "summer"),
         Layout.TRIMESTER: ("t1", "t2", "t3", "summer")}
COLUMNS = {Layout.SEMESTER: (("autumn", "winter"), ("spring", "summer")),
           Layout.TRIMESTER: (("t1",), ("t2",), ("t3", "summer"))}
TERM_LABELS = {"autumn": N_("Autumn semester"), "winter": N_("Winter school"), "spring": N_("Spring semester"),
               "summer": N_("Summer semester"), "t1": N_("Trimester I"), "t2": N_("Trimester II"),
               "t3": N_("Trimester III")}
LEVELS = ("bachelor", "master")


class Category(LabelledEnum):
    REGISTRATION = "registration", N_("Registration for courses")
    TEACHING = "teaching", N_("Theoretical teaching")
    SURVEYS = "surveys", N_("Surveys")
    MIDTERM = "midterm", N_("Midterm attestation")
    FINAL_EXAMS = "final_exams", N_("Final exams")
    APPEALS = "appeals", N_("Appeals")
    FX_RETAKES = "fx_retakes", N_("FX retakes")
    DEANS_LIST = "deans_list", N_("Dean's List")
    EXTRA_TERMS = "extra_terms", N_("Winter school and summer term")
    FINAL_ATTESTATION = "final_attestation", N_("Final attestation")
    GRADUATION = "graduation", N_("Graduation")
    VACATION = "vacation", N_("Vacation")


# What an event is, for validation and for other areas' questions ("" = nothing special).
EVENT_KINDS = ("registration", "teaching", "surveys", "midterm", "final_exams", "results", "appeals",
               "fx_application", "fx_retake", "deans_list", "winter_school", "summer_term",
               "final_attestation", "graduation", "vacation")
NAMED_PERIODS = {
    "autumn_term": ("teaching", "autumn"), "spring_term": ("teaching", "spring"),
    "winter_session": ("final_exams", "autumn"), "summer_session": ("final_exams", "spring"),
    "winter_fx_retake": ("fx_retake", "autumn"), "summer_fx_retake": ("fx_retake", "spring"),
    "fx_retake": ("fx_retake", None), "winter_school": ("winter_school", "winter"),
    "summer_term": ("summer_term", "summer"), "winter_vacation": ("vacation", "autumn"),
    "summer_vacation": ("vacation", "spring"), "final_attestation": ("final_attestation", None),
    "graduation": ("graduation", None),
}


class RuleKind(LabelledEnum):
    WITHIN = "within", N_("within N days after")
    AFTER = "after", N_("N days after")
    BEFORE = "before", N_("N days before")


# Tables -------------------------------------------------------------------------------

class AcademicCalendar(Base):
    __tablename__ = "academic_calendar"
    __table_args__ = (UniqueConstraint("year_name", "level", "layout"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year_name: Mapped[str] = mapped_column(String(9))
    level: Mapped[str] = mapped_column(String(20), default="bachelor")
    layout: Mapped[str] = mapped_column(String(10), default=Layout.SEMESTER.value)
    # Whose days off apply; a calendar may follow another country than the faculty setting.
    country: Mapped[str] = mapped_column(String(2), default="KG")
    title: Mapped[str] = mapped_column(String(300), default="")  # university / school as printed
    approval: Mapped[str] = mapped_column(Text, default="")  # the approval block, lines as printed
    teaching_weeks: Mapped[int | None] = mapped_column(Integer, default=15)


class CalendarEvent(Base):
    __tablename__ = "calendar_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    calendar_id: Mapped[int] = mapped_column(ForeignKey("academic_calendar.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("calendar_event.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(24))
    kind: Mapped[str] = mapped_column(String(24), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")


class CalendarDate(Base):
    """An event's date, range, text or rule in one term."""

    __tablename__ = "calendar_date"
    __table_args__ = (UniqueConstraint("event_id", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("calendar_event.id", ondelete="CASCADE"))
    term: Mapped[str] = mapped_column(String(10))
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    rule_kind: Mapped[str] = mapped_column(String(10), default="")
    rule_days: Mapped[int] = mapped_column(Integer, default=0)
    rule_working: Mapped[bool] = mapped_column(default=True)
    rule_ref_id: Mapped[int | None] = mapped_column(ForeignKey("calendar_event.id", ondelete="SET NULL"))
    rule_ref_term: Mapped[str] = mapped_column(String(10), default="")  # "" = the same term
    rule_from_start: Mapped[bool] = mapped_column(default=False)  # counts from the reference's start


# Plain snapshots (what validation, the year view and reports work on) -----------------

@dataclass(frozen=True)
class Rule:
    kind: str
    days: int
    ref_event_id: int
    working: bool = True
    ref_term: str = ""
    from_start: bool = False


@dataclass(frozen=True)
class Entry:
    start: dt.date | None = None
    end: dt.date | None = None
    text: str = ""
    rule: Rule | None = None

    @property
    def is_empty(self) -> bool:
        return self.start is None and self.end is None and not self.text and self.rule is None


@dataclass
class Event:
    id: int
    category: str
    title: str
    kind: str = ""
    note: str = ""
    parent_id: int | None = None
    position: int = 0
    entries: dict[str, Entry] = field(default_factory=dict)
    number: str = ""  # "3", "3.1", computed


@dataclass
class CalendarData:
    id: int
    year_name: str
    level: str
    layout: str
    country: str
    title: str = ""
    approval: str = ""
    teaching_weeks: int | None = 15
    events: list[Event] = field(default_factory=list)

    @property
    def terms(self) -> tuple[str, ...]:
        return TERMS[Layout(self.layout)]

    @property
    def columns(self) -> tuple[tuple[str, ...], ...]:
        return COLUMNS[Layout(self.layout)]

    def event(self, event_id: int) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def by_category(self) -> list[tuple[str, str, list[Event]]]:
        """(roman numeral, category, events in order with sub-rows after their parent) for used categories."""
        out: list[tuple[str, str, list[Event]]] = []
        for cat in Category:
            events = [e for e in self.events if e.category == cat.value]
            if events:
                out.append((roman(len(out) + 1), cat.value, events))
        return out


def roman(n: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while n >= value:
            out, n = out + letters, n - value
    return out


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


def resolve(data: CalendarData, work: WorkCalendar) -> dict[tuple[int, str], tuple[dt.date, dt.date]]:
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


# Finding calendars and periods (the API of other areas) -------------------------------

def calendars(session: Session) -> list[tuple[int, str, str, str]]:
    """(id, year, level, layout) of every calendar, newest year first."""
    rows = session.execute(select(AcademicCalendar.id, AcademicCalendar.year_name, AcademicCalendar.level,
                                  AcademicCalendar.layout)
                           .order_by(AcademicCalendar.year_name.desc(), AcademicCalendar.level,
                                     AcademicCalendar.layout)).all()
    return [(cid, year, level, layout) for cid, year, level, layout in rows]


def default_layout(session: Session) -> str:
    """The faculty's year layout (``year_layout``, set in the set-up assistant and the Faculty
    editor): the layout of a new calendar, and the calendar a year's dates are read from first."""
    from desktop.models import settings
    from desktop.models.faculty_profile import YEAR_LAYOUT

    layout = settings.get(session, YEAR_LAYOUT.key)
    return layout if layout in (Layout.SEMESTER.value, Layout.TRIMESTER.value) else Layout.SEMESTER.value


def _calendars(session: Session, year_name: str, level: str, layout: str | None) -> list[int]:
    """The year's calendars of ``layout``; without it every layout, the faculty's own first."""
    if layout:
        layouts = [layout]
    else:
        first = default_layout(session)
        layouts = [first] + [lay.value for lay in Layout if lay.value != first]
    found = []
    for lay in layouts:
        cal_id = session.scalar(select(AcademicCalendar.id).where(
            AcademicCalendar.year_name == year_name, AcademicCalendar.level == level,
            AcademicCalendar.layout == lay))
        if cal_id is not None:
            found.append(cal_id)
    return found


def find_calendar(session: Session, year_name: str, level: str = "bachelor", layout: str | None = None) -> int | None:
    """The calendar of a year and level; without ``layout`` the one in the faculty's layout
    (``default_layout``), else the other one."""
    found = _calendars(session, year_name, level, layout)
    return found[0] if found else None


def calendar_engine(session: Session, data: CalendarData) -> WorkCalendar:
    from desktop.models.workdays import work_calendar

    return work_calendar(session, data.country)


def period_in(data: CalendarData, resolved, kind: str) -> tuple[dt.date, dt.date] | None:
    """A named period (see the module docstring) within an already resolved calendar."""
    event_kind, term = NAMED_PERIODS.get(kind, (kind, None))
    if ":" in kind:
        event_kind, term = kind.split(":", 1)
    if event_kind not in EVENT_KINDS:
        raise DomainError(_("Unknown calendar period “{kind}”.").format(kind=kind))
    spans = [p for e in data.events if e.kind == event_kind
             for t in (data.terms if term is None else (term,)) if (p := resolved.get((e.id, t)))]
    if not spans:
        return None
    return min(p[0] for p in spans), max(p[1] for p in spans)


def event_period(session: Session, year_name: str, kind: str, level: str = "bachelor",
                 layout: str | None = None) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of a named period of a year's calendar, None when it has none. Without
    ``layout``: from the calendar in the faculty's layout, or the other one when that lacks the period."""
    for cal_id in _calendars(session, year_name, level, layout):
        data = load(session, cal_id)
        span = period_in(data, resolve(data, calendar_engine(session, data)), kind)
        if span is not None:
            return span
    return None


def resolve_relative(session: Session, year_name: str, kind: str, level: str = "bachelor") -> dt.date | None:
    """"After the winter session" as a date: the first working day after the period ends.

    ``"start:spring_term"`` / ``"end:winter_session"`` give the period's own first / last day.
    """
    edge = ""
    if kind.startswith(("start:", "end:")):
        edge, kind = kind.split(":", 1)
    for cal_id in _calendars(session, year_name, level, None):  # the faculty's layout first
        data = load(session, cal_id)
        work = calendar_engine(session, data)
        span = period_in(data, resolve(data, work), kind)
        if span is not None:
            break
    else:
        return None
    if edge == "start":
        return span[0]
    if edge == "end":
        return span[1]
    return work.add_working_days(span[1], 1)


# Editing ------------------------------------------------------------------------------

def create_calendar(session: Session, year_name: str, level: str = "bachelor", layout: str | None = None,
                    country: str = "KG", title: str = "", approval: str = "", teaching_weeks: int | None = 15,
                    calendar_id: int | None = None) -> int:
    """A new calendar; without ``layout`` in the faculty's (``default_layout``)."""
    from desktop.models.org import parse_year_name

    parse_year_name(year_name)
    if level not in LEVELS:
        raise DomainError(_("The level must be bachelor or master."))
    layout = Layout(layout or default_layout(session)).value
    if country.upper() not in COUNTRIES:
        raise DomainError(_("The country must be one of KG, KZ, RU."))
    if find_calendar(session, year_name, level, layout) is not None:
        raise DomainError(_("A calendar for {year} ({level}, {layout}) already exists.").format(
            year=year_name, level=level, layout=layout))
    cal = AcademicCalendar(id=calendar_id, year_name=year_name, level=level, layout=layout,
                           country=country.upper(), title=title, approval=approval, teaching_weeks=teaching_weeks)
    session.add(cal)
    session.flush()
    return cal.id


def delete_calendar(session: Session, calendar_id: int) -> None:
    session.execute(delete(AcademicCalendar).where(AcademicCalendar.id == calendar_id))


CALENDAR_FIELDS = ("level", "layout", "country", "title", "approval", "teaching_weeks")


def calendar_properties(session: Session, calendar_id: int) -> dict:
    cal = session.get(AcademicCalendar, calendar_id)
    if cal is None:
        raise DomainError(_("The calendar was deleted meanwhile; reload the list."))
    return {key: getattr(cal, key) for key in CALENDAR_FIELDS}


def update_calendar(session: Session, calendar_id: int, **values) -> dict:
    """Change a calendar's own properties; returns the old values (for undo).

    A new country changes whose days off apply, so rules and validation follow it at the next
    ``resolve``. A new layout is refused while the calendar has dates in terms the layout lacks
    (they would vanish from the table); level and layout must stay unique for the year.
    """
    cal = session.get(AcademicCalendar, calendar_id)
    if cal is None:
        raise DomainError(_("The calendar was deleted meanwhile; reload the list."))
    old = calendar_properties(session, calendar_id)
    for key, value in values.items():
        if key not in CALENDAR_FIELDS:
            raise DomainError(f"unknown field {key}")
        if key == "level" and value not in LEVELS:
            raise DomainError(_("The level must be bachelor or master."))
        if key == "country":
            value = str(value).upper()
            if value not in COUNTRIES:
                raise DomainError(_("The country must be one of KG, KZ, RU."))
        if key == "layout":
            value = Layout(value).value
        if key == "teaching_weeks" and value is not None and not 1 <= int(value) <= 52:
            raise DomainError(_("The number of teaching weeks must be between 1 and 52."))
        if key in ("title", "approval"):
            value = str(value or "")
    level, layout = values.get("level", cal.level), Layout(values.get("layout", cal.layout)).value
    if (level, layout) != (cal.level, cal.layout):
        other = find_calendar(session, cal.year_name, level, layout)
        if other is not None and other != calendar_id:
            raise DomainError(_("A calendar for {year} ({level}, {layout}) already exists.").format(
                year=cal.year_name, level=level, layout=layout))
    if layout != cal.layout:
        used = set(session.scalars(select(CalendarDate.term).join(CalendarEvent, CalendarDate.event_id == CalendarEvent.id)
                                   .where(CalendarEvent.calendar_id == calendar_id)))
        lost = sorted(used - set(TERMS[Layout(layout)]), key=list(TERMS[Layout(cal.layout)]).index)
        if lost:
            raise DomainError(_("The calendar has dates in {terms}, which the new layout lacks; clear them first.")
                              .format(terms=", ".join(_(TERM_LABELS[t]) for t in lost)))
    for key, value in values.items():
        if key == "country":
            value = str(value).upper()
        elif key in ("title", "approval"):
            value = str(value or "")
        setattr(cal, key, value)
    session.flush()
    return old


def add_event(session: Session, calendar_id: int, category: str, title: str, *, kind: str = "", note: str = "",
              parent_id: int | None = None, position: int | None = None, event_id: int | None = None) -> int:
    category = Category(category).value
    if kind and kind not in EVENT_KINDS:
        raise DomainError(_("Unknown event kind “{kind}”.").format(kind=kind))
    if not title.strip():
        raise DomainError(_("The event needs a title."))
    if position is None:
        last = session.scalar(select(CalendarEvent.position).where(CalendarEvent.calendar_id == calendar_id)
                              .order_by(CalendarEvent.position.desc()).limit(1))
        position = (last or 0) + 10
    event = CalendarEvent(id=event_id, calendar_id=calendar_id, category=category, title=title.strip(), kind=kind,
                          note=note, parent_id=parent_id, position=position)
    session.add(event)
    session.flush()
    return event.id


EVENT_FIELDS = ("title", "note", "kind", "category")


def update_event(session: Session, event_id: int, **values) -> dict:
    """Change title, note, kind or category; returns the old values (for undo)."""
    event = session.get(CalendarEvent, event_id)
    if event is None:
        raise DomainError(_("The event was deleted meanwhile; reload the calendar."))
    old = {}
    for key, value in values.items():
        if key not in EVENT_FIELDS:
            raise DomainError(f"unknown field {key}")
        if key == "title" and not str(value).strip():
            raise DomainError(_("The event needs a title."))
        if key == "kind" and value and value not in EVENT_KINDS:
            raise DomainError(_("Unknown event kind “{kind}”.").format(kind=value))
        if key == "category":
            value = Category(value).value
        old[key] = getattr(event, key)
        setattr(event, key, value)
    session.flush()
    return old


def snapshot_event(session: Session, event_id: int) -> dict:
    """Everything needed to put an event back after deleting it: the row, sub-rows, dates."""
    from desktop.models.records import snapshot

    ids = [event_id, *session.scalars(select(CalendarEvent.id).where(CalendarEvent.parent_id == event_id))]
    events = [snapshot(session.get_one(CalendarEvent, i)) for i in ids]
    dates = [snapshot(d) for d in session.scalars(select(CalendarDate).where(CalendarDate.event_id.in_(ids)))]
    # Rules elsewhere that point here lose their reference on delete; remember them too.
    refs = [(d.id, d.rule_ref_id) for d in session.scalars(select(CalendarDate).where(
        CalendarDate.rule_ref_id.in_(ids), CalendarDate.event_id.not_in(ids)))]
    return {"events": events, "dates": dates, "refs": refs}


def delete_event(session: Session, event_id: int, expected: dict | None = None) -> dict:
    """Delete an event with its sub-rows and dates; returns the snapshot for ``restore_event``.
    ``expected``: the snapshot an undo put back (a redo deletes only that; another office's change
    meanwhile is refused with StaleDataError, never deleted unseen)."""
    if session.get(CalendarEvent, event_id) is None:
        raise DomainError(_("The event was deleted meanwhile; reload the calendar."))
    saved = snapshot_event(session, event_id)
    if expected is not None and any(saved[k] != expected.get(k) for k in ("events", "dates")):
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError(f"calendar_event {event_id} was changed by another session")
    ids = [e["id"] for e in saved["events"]]
    session.execute(CalendarDate.__table__.update().where(CalendarDate.rule_ref_id.in_(ids)).values(rule_ref_id=None))
    session.execute(delete(CalendarDate).where(CalendarDate.event_id.in_(ids)))
    session.execute(delete(CalendarEvent).where(CalendarEvent.id.in_(ids[1:])))
    session.execute(delete(CalendarEvent).where(CalendarEvent.id == event_id))
    _forget_versions(session, saved)
    return saved


def _forget_versions(session: Session, saved: dict) -> None:
    """The deleted rows' language versions go into the snapshot (undo brings them back) and out of
    the table (a new event that gets a freed id starts bare)."""
    from desktop.models.text_versions import delete_versions, snapshot_versions

    saved["versions"] = []
    for table, rows in (("calendar_event", saved["events"]), ("calendar_date", saved["dates"])):
        for row in rows:
            saved["versions"].append((table, row["id"], snapshot_versions(session, table, row["id"])))
        delete_versions(session, table, [row["id"] for row in rows])


def restore_event(session: Session, saved: dict) -> None:
    for values in saved["events"]:
        session.add(CalendarEvent(**values))
        session.flush()
    for values in saved["dates"]:
        session.add(CalendarDate(**values))
    session.flush()
    for date_id, ref in saved["refs"]:
        row = session.get(CalendarDate, date_id)
        if row is not None:
            row.rule_ref_id = ref
    from desktop.models.text_versions import restore_versions

    for table, row_id, versions in saved.get("versions", []):
        if versions:
            restore_versions(session, table, row_id, versions)


def get_entry(session: Session, event_id: int, term: str) -> Entry:
    row = session.scalar(select(CalendarDate).where(CalendarDate.event_id == event_id, CalendarDate.term == term))
    if row is None:
        return Entry()
    rule = (Rule(row.rule_kind, row.rule_days, row.rule_ref_id, row.rule_working, row.rule_ref_term,
                 row.rule_from_start) if row.rule_kind and row.rule_ref_id else None)
    return Entry(row.start, row.end, row.text, rule)


def set_entry(session: Session, event_id: int, term: str, entry: Entry) -> Entry:
    """Set an event's date, range, text or rule in one term (an empty entry removes it); returns the old one."""
    event = session.get(CalendarEvent, event_id)
    if event is None:
        raise DomainError(_("The event was deleted meanwhile; reload the calendar."))
    cal = session.get_one(AcademicCalendar, event.calendar_id)
    if term not in TERMS[Layout(cal.layout)]:
        raise DomainError(_("Unknown term “{term}”.").format(term=term))
    if entry.start and entry.end and entry.end < entry.start:
        raise DomainError(_("{event}: the end {end} is before the start {start}.").format(
            event=event.title, end=dates.table(entry.end), start=dates.table(entry.start)))
    if entry.rule is not None:
        if entry.rule.kind not in set(RuleKind):
            raise DomainError(_("Unknown rule “{kind}”.").format(kind=entry.rule.kind))
        if entry.rule.days < 0:
            raise DomainError(_("The number of days in a rule cannot be negative."))
        ref = session.get(CalendarEvent, entry.rule.ref_event_id)
        if ref is None or ref.calendar_id != event.calendar_id:
            raise DomainError(_("A rule must refer to an event of the same calendar."))
    old = get_entry(session, event_id, term)
    row = session.scalar(select(CalendarDate).where(CalendarDate.event_id == event_id, CalendarDate.term == term))
    if entry.is_empty:
        if row is not None:
            session.delete(row)
        session.flush()
        return old
    if row is None:
        row = CalendarDate(event_id=event_id, term=term)
        session.add(row)
    rule = entry.rule
    row.start, row.end, row.text = entry.start, entry.end, entry.text
    row.rule_kind = rule.kind if rule else ""
    row.rule_days = rule.days if rule else 0
    row.rule_working = rule.working if rule else True
    row.rule_ref_id = rule.ref_event_id if rule else None
    row.rule_ref_term = rule.ref_term if rule else ""
    row.rule_from_start = rule.from_start if rule else False
    session.flush()
    if rule is not None:  # refuse a circle of rules before it is stored
        data = load(session, event.calendar_id)
        resolve(data, calendar_engine(session, data))
    return old


# Copy to the next year ----------------------------------------------------------------

def weekday_shift(anchor: dt.date) -> dt.timedelta:
    """52 weeks, or 53 when 52 would pull ``anchor`` (the start of teaching) back into the previous
    month: the dates keep their weekdays (a Monday stays a Monday) and do not drift out of their month."""
    if (anchor + dt.timedelta(weeks=52)).month != anchor.month:
        return dt.timedelta(weeks=53)
    return dt.timedelta(weeks=52)


def _anchor(session: Session, calendar_id: int, year_name: str) -> dt.date:
    """The first teaching day of the calendar (else its first date, else 1 September)."""
    base = select(CalendarDate.start).join(CalendarEvent, CalendarDate.event_id == CalendarEvent.id).where(
        CalendarEvent.calendar_id == calendar_id, CalendarDate.start.is_not(None))
    day = session.scalar(base.where(CalendarEvent.kind == "teaching").order_by(CalendarDate.start).limit(1))
    if day is None:
        day = session.scalar(base.where(CalendarDate.start >= dates.academic_year_bounds(int(year_name[:4]))[0])
                             .order_by(CalendarDate.start).limit(1))
    return day or dates.academic_year_bounds(int(year_name[:4]))[0]


def copy_to_next_year(session: Session, calendar_id: int) -> int:
    """A copy of the calendar for the next academic year, dates moved to the same weekdays; returns its id."""
    cal = session.get(AcademicCalendar, calendar_id)
    if cal is None:
        raise DomainError(_("The calendar was deleted meanwhile; reload the list."))
    first = int(cal.year_name[:4])
    new_year = f"{first + 1}-{first + 2}"
    shift = weekday_shift(_anchor(session, calendar_id, cal.year_name))
    new_id = create_calendar(session, new_year, cal.level, cal.layout, cal.country, cal.title,
                             _shift_years_in_text(cal.approval, first), cal.teaching_weeks)
    id_map: dict[int, int] = {}
    events = session.scalars(select(CalendarEvent).where(CalendarEvent.calendar_id == calendar_id)
                             .order_by(CalendarEvent.parent_id.is_not(None), CalendarEvent.id)).all()
    for e in events:
        copy = CalendarEvent(calendar_id=new_id, category=e.category, kind=e.kind, position=e.position,
                             title=_shift_years_in_text(e.title, first), note=e.note,
                             parent_id=id_map.get(e.parent_id) if e.parent_id else None)
        session.add(copy)
        session.flush()
        id_map[e.id] = copy.id
    dates = session.scalars(select(CalendarDate).where(CalendarDate.event_id.in_(list(id_map)))).all()
    for d in dates:
        session.add(CalendarDate(
            event_id=id_map[d.event_id], term=d.term, start=d.start + shift if d.start else None,
            end=d.end + shift if d.end else None, text=_shift_years_in_text(d.text, first),
            rule_kind=d.rule_kind, rule_days=d.rule_days, rule_working=d.rule_working,
            rule_ref_id=id_map.get(d.rule_ref_id) if d.rule_ref_id else None, rule_ref_term=d.rule_ref_term,
            rule_from_start=d.rule_from_start))
    session.flush()
    _copy_versions(session, calendar_id, new_id, id_map)
    return new_id


def _copy_versions(session: Session, calendar_id: int, new_id: int, id_map: dict[int, int]) -> None:
    """Every language version of the calendar's texts goes along with the copy."""
    from desktop.models.text_versions import copy_versions

    copy_versions(session, "academic_calendar", {calendar_id: new_id})
    copy_versions(session, "calendar_event", id_map)
    old_dates = {(e, t): i for i, e, t in session.execute(select(CalendarDate.id, CalendarDate.event_id,
                                                                 CalendarDate.term)
                                                          .where(CalendarDate.event_id.in_(list(id_map))))}
    new_dates = {(e, t): i for i, e, t in session.execute(select(CalendarDate.id, CalendarDate.event_id,
                                                                 CalendarDate.term)
                                                          .where(CalendarDate.event_id.in_(list(id_map.values()))))}
    copy_versions(session, "calendar_date", {i: new_dates[(id_map[e], t)] for (e, t), i in old_dates.items()
                                             if (id_map[e], t) in new_dates})


def _shift_years_in_text(text: str, first: int) -> str:
    """"2024 - 2025" and "2025-2026" in titles move on by one year with the calendar."""
    import re

    def bump(m):
        a, b = int(m.group(1)), int(m.group(3))
        return f"{a + 1}{m.group(2)}{b + 1}" if b == a + 1 and first - 1 <= a <= first + 1 else m.group(0)

    return re.sub(r"\b(\d{4})(\s*-\s*)(\d{4})\b", bump, text or "")



# ``dekanat check`` -------------------------------------------------------------------

def _register_check_rule() -> None:
    from desktop.models.check import rule

    @rule
    def _calendars_resolve(session: Session) -> list[str]:
        """Errors of every calendar (see ``calendar_checks.SEVERITY``: warnings do not fail the check)."""
        from desktop.models.calendar_checks import errors

        out = []
        for cal_id, year, level, layout in calendars(session):
            data = load(session, cal_id)
            titles = {e.id: f"{e.number} {e.title}" for e in data.events}
            for p in errors(data, calendar_engine(session, data)):
                out.append(f"calendar {year} {level} {layout}: {titles.get(p.event_id, '?')} [{p.term}]: "
                           f"{p.message()}")
        return out


_register_check_rule()
