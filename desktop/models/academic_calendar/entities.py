"""The calendar's tables and the plain data read from them: layouts, categories, rules, entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.i18n import N_, LabelledEnum, Translator
from desktop.models.base import Base


class Layout(LabelledEnum):
    SEMESTER = "semester", N_("Semesters")
    TRIMESTER = "trimester", N_("Trimesters")


# Terms of each layout, in order; and how the official table groups them into columns.
TERMS = {Layout.SEMESTER: ("autumn", "winter", "spring", "summer"),
         Layout.TRIMESTER: ("t1", "t2", "t3", "summer")}
COLUMNS = {Layout.SEMESTER: (("autumn", "winter"), ("spring", "summer")),
           Layout.TRIMESTER: (("t1",), ("t2",), ("t3", "summer"))}


class Term(LabelledEnum):
    AUTUMN = "autumn", N_("Autumn semester")
    WINTER = "winter", N_("Winter school")
    SPRING = "spring", N_("Spring semester")
    SUMMER = "summer", N_("Summer semester")
    T1 = "t1", N_("Trimester I")
    T2 = "t2", N_("Trimester II")
    T3 = "t3", N_("Trimester III")


def term_label(term: str, tr: Translator | None = None) -> str:
    """A term in the interface language (or ``tr``'s); a term no layout knows as written."""
    try:
        return Term(term).label(tr)
    except ValueError:
        return term


class Level(LabelledEnum):
    BACHELOR = "bachelor", N_("Bachelor")
    MASTER = "master", N_("Master")


LEVELS = tuple(Level)


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


class EventKind(LabelledEnum):
    """What an event is, for validation and for other areas' questions (``NONE``: nothing special)."""

    NONE = "", N_("(none)")
    REGISTRATION = "registration", N_("Registration")
    TEACHING = "teaching", N_("Teaching")
    SURVEYS = "surveys", N_("Surveys")
    MIDTERM = "midterm", N_("Midterm attestation")
    FINAL_EXAMS = "final_exams", N_("Final exams")
    RESULTS = "results", N_("Results")
    APPEALS = "appeals", N_("Appeals")
    FX_APPLICATION = "fx_application", N_("FX application")
    FX_RETAKE = "fx_retake", N_("FX retakes")
    DEANS_LIST = "deans_list", N_("Dean's List")
    WINTER_SCHOOL = "winter_school", N_("Winter school")
    SUMMER_TERM = "summer_term", N_("Summer term")
    FINAL_ATTESTATION = "final_attestation", N_("Final attestation")
    GRADUATION = "graduation", N_("Graduation")
    VACATION = "vacation", N_("Vacation")


EVENT_KINDS = tuple(kind for kind in EventKind if kind is not EventKind.NONE)
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
