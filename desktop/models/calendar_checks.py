"""Validation of an academic calendar: pure functions returning the problems found.

Each problem names the event and term, so the editor can show it inline next to the cell.

Two kinds (``SEVERITY``). ERRORS make the calendar give wrong or no answers to the other areas
(a period ending before it starts, a circle of rules, a rule counting from an event with no date
in that term: "results within 5 working days" then has no date); ``dekanat check`` fails on them.
WARNINGS are planning matters the office may decide on purpose — a state exam on a day off moved
by decree after the calendar was approved, overlapping periods, 16 teaching weeks instead of 15,
a teaching period that falls on days off only; the editor shows them, ``dekanat check`` does not
fail on an approved calendar because of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop import dates
from desktop.i18n import N_, LabelledEnum, Translator, translator
from desktop.models.academic_calendar import CalendarData, RuleCycle, resolve
from desktop.models.workdays import WorkCalendar, localize_holiday, teaching_week

# Kinds of periods that must not overlap within one term column.
EXCLUSIVE = (("teaching", "final_exams"), ("teaching", "vacation"), ("final_exams", "vacation"),
             ("final_exams", "fx_retake"))
EXAM_KINDS = ("final_exams", "fx_retake", "final_attestation", "midterm")

class ProblemCode(LabelledEnum):
    """What is wrong, with the message that says it (its values filled in by ``Problem.message``)."""

    END_BEFORE_START = "end_before_start", N_("the end {end} is before the start {start}")
    NO_TEACHING_DAYS = "no_teaching_days", N_("the teaching period {start} – {end} has no working days")
    EXAM_ON_HOLIDAY = "exam_on_holiday", N_("the exam period starts or ends on a holiday: {date} ({holiday})")
    OVERLAP = "overlap", N_("overlaps “{other}” ({start} – {end})")
    # plural: see Problem.message
    TEACHING_WEEKS = "teaching_weeks", "the term has {weeks} teaching weeks, not {expected}"
    RULE_UNRESOLVED = "rule_unresolved", N_("the rule refers to an event with no date in this term")
    RULE_CYCLE = "rule_cycle", N_("the rules of the calendar refer to each other in a circle")


CODES = ProblemCode.labels()

ERROR, WARNING = "error", "warning"
SEVERITY = {"end_before_start": ERROR, "rule_cycle": ERROR, "rule_unresolved": ERROR,
            "no_teaching_days": WARNING, "exam_on_holiday": WARNING, "overlap": WARNING,
            "teaching_weeks": WARNING}


@dataclass(frozen=True)
class Problem:
    event_id: int
    term: str
    code: str
    values: tuple = ()  # (name, value) pairs for the message

    @property
    def severity(self) -> str:
        return SEVERITY[self.code]

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def message(self, tr: Translator | None = None) -> str:
        tr = tr or translator("en")
        values = dict(self.values)
        if "holiday" in values:  # stored in English, shown in the reader's language
            values["holiday"] = localize_holiday(values["holiday"], tr)
        if self.code == "teaching_weeks":
            return tr.ngettext("the term has {weeks} teaching week, not {expected}",
                               "the term has {weeks} teaching weeks, not {expected}",
                               int(values["weeks"])).format(**values)
        return ProblemCode(self.code).label(tr).format(**values)


def validate(data: CalendarData, work: WorkCalendar) -> list[Problem]:
    """Every problem of the calendar, in the order of its events."""
    problems: list[Problem] = []
    for event in data.events:
        for term, entry in event.entries.items():
            if entry.start and entry.end and entry.end < entry.start:
                problems.append(Problem(event.id, term, "end_before_start",
                                        (("start", dates.table(entry.start)), ("end", dates.table(entry.end)))))
    try:
        resolved = resolve(data, work)
    except RuleCycle:
        first = next(((e.id, t) for e in data.events for t, en in e.entries.items() if en.rule), (0, ""))
        return problems + [Problem(first[0], first[1], "rule_cycle")]
    for event in data.events:
        for term, entry in event.entries.items():
            if entry.rule is not None and (event.id, term) not in resolved:
                problems.append(Problem(event.id, term, "rule_unresolved"))
    problems += _teaching(data, work, resolved)
    problems += _exams_on_holidays(data, work, resolved)
    problems += _overlaps(data, resolved)
    return problems


def _teaching(data, work, resolved) -> list[Problem]:
    out = []
    for event in data.events:
        if event.kind != "teaching":
            continue
        for term in data.terms:
            span = resolved.get((event.id, term))
            if span is None or span[1] < span[0]:
                continue
            start, end = span
            if work.working_days_between(start, end) == 0:
                out.append(Problem(event.id, term, "no_teaching_days",
                                   (("start", dates.table(start)), ("end", dates.table(end)))))
            elif data.teaching_weeks and term not in ("winter", "summer"):
                weeks = teaching_week(end, start)
                if weeks != data.teaching_weeks:
                    out.append(Problem(event.id, term, "teaching_weeks",
                                       (("weeks", weeks), ("expected", data.teaching_weeks))))
    return out


def _exams_on_holidays(data, work, resolved) -> list[Problem]:
    out = []
    for event in data.events:
        if event.kind not in EXAM_KINDS:
            continue
        for term in data.terms:
            span = resolved.get((event.id, term))
            if span is None:
                continue
            for day in sorted(set(span)):
                name = work.holiday_name(day)
                if name is not None and work.is_day_off(day):
                    out.append(Problem(event.id, term, "exam_on_holiday",
                                       (("date", dates.table(day)), ("holiday", work.holiday_name(day, "en")))))
                    break
    return out


def _overlaps(data, resolved) -> list[Problem]:
    out = []
    for column in data.columns:
        spans = [(e, t, resolved[(e.id, t)]) for e in data.events if e.kind and e.parent_id is None
                 for t in column if (e.id, t) in resolved]
        for i, (a, _ta, pa) in enumerate(spans):
            for b, tb, pb in spans[i + 1:]:
                pair = (a.kind, b.kind)
                if pair not in EXCLUSIVE and pair[::-1] not in EXCLUSIVE:
                    continue
                if pa[0] <= pb[1] and pb[0] <= pa[1]:
                    out.append(Problem(b.id, tb, "overlap", (("other", a.title), ("start", dates.table(pa[0])),
                                                             ("end", dates.table(pa[1])))))
    return out


def errors(data: CalendarData, work: WorkCalendar) -> list[Problem]:
    """Only the problems of error kind (what ``dekanat check`` reports)."""
    return [p for p in validate(data, work) if p.is_error]
