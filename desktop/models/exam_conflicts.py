"""Conflict checks of an exam schedule: pure functions over plain rows (no ORM, no database).

Kinds (each a warning or an error by the setting ``exams.severity.<kind>``):

- ``two_a_day``: a group has two exams on one day;
- ``rest``: less than the minimum rest between two of a group's exams. Rest is counted in
  **calendar days from one exam date to the next** (``(d2 - d1).days``): with the default of 2,
  exams on Monday and Wednesday are fine, Monday and Tuesday are not. Two exams on the same day
  are ``two_a_day``, not ``rest``;
- ``examiner_busy`` / ``room_busy``: an examiner or a room booked twice at overlapping times;
- ``room_small``: the studying students of the groups sitting together outnumber the seats;
- ``day_off``: an exam on a weekend, holiday or moved day off (the working-day engine; the
  holiday's name is in the message);
- ``outside``: an exam outside the session's dates;
- ``consultation_late``: a consultation on or after its exam's day and time;
- ``consultation_day_off``: a consultation on a weekend, holiday or moved day off;
- ``consultation_room_busy``: a consultation's room also holds an exam or another consultation
  at an overlapping time (a consultation holds its room ``exams.consultation_minutes``, default
  90; one without a time or room is not checked). An exam and its own consultation are never
  compared (that is ``consultation_late``).

Speed: exams are bucketed by (group, day), (examiner, day) and (room, day) and compared only
within a bucket; days off are looked up in a dict built once (``CheckRules.days_off``), so a
5,000-exam session is checked in well under the 200 ms target.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from desktop import dates
from desktop.i18n import N_, Translator, current
from desktop.models.exam_schedule import ExamRow, Schedule, fmt_time
from desktop.models.exams import CONFLICT_KINDS, DEFAULT_SEVERITY


@dataclass(frozen=True, slots=True)
class ExamConflict:
    kind: str
    severity: str  # a Severity value
    exam_ids: tuple[int, ...]
    message: str
    day: dt.date | None = None
    group_id: int | None = None  # the column where the matrix shows it, when one applies


@dataclass
class CheckRules:
    min_rest: int = 2
    severities: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITY))
    # Every day off within reach of the schedule -> holiday name ("" for a plain weekend).
    days_off: dict[dt.date, str] = field(default_factory=dict)
    consultation_minutes: int = 90


def rules_for(session, schedule: Schedule, lang: str | None = None) -> CheckRules:
    """The office's settings and the days off of every year the schedule touches, computed once."""
    from desktop.models import settings
    from desktop.models.exams import CONSULTATION_MINUTES, MIN_REST
    from desktop.models.workdays import work_calendar

    lang = lang or current().lang
    cal = work_calendar(session, schedule.country)
    days = [schedule.start, schedule.end] + [e.day for e in schedule.exams]
    days += [e.consult_day for e in schedule.exams if e.consult_day is not None]
    first, last = min(days), max(days)
    off: dict[dt.date, str] = {}
    for year in range(first.year, last.year + 1):
        names = dict(cal.days_off(year, lang))
        d = max(first, dt.date(year, 1, 1))
        while d <= last and d.year == year:
            if cal.is_day_off(d):
                off[d] = names.get(d, "")
            d += dt.timedelta(days=1)
    return CheckRules(
        min_rest=int(settings.get(session, MIN_REST.key)),
        severities={k: settings.get(session, f"exams.severity.{k}") for k in CONFLICT_KINDS},
        days_off=off, consultation_minutes=int(settings.get(session, CONSULTATION_MINUTES.key)))


class _Names:
    def __init__(self, schedule: Schedule, tr: Translator):
        self.s, self.tr = schedule, tr

    def groups(self, e: ExamRow) -> str:
        g = self.s.groups
        return ", ".join(g[i].name if i in g else "?" for i in e.group_ids)

    def exam(self, e: ExamRow) -> str:
        return f"{self.s.disciplines.get(e.discipline_id, '?')} ({self.groups(e)}, {fmt_time(e.start)})"

    def date(self, d: dt.date) -> str:
        return dates.table(d)


def _overlapping(bucket: list[ExamRow]):
    """Pairs of exams in one bucket whose times overlap (buckets are a handful of exams)."""
    bucket = sorted(bucket, key=lambda e: e.start)
    for i, a in enumerate(bucket):
        for b in bucket[i + 1:]:
            if b.start >= a.end:
                break
            yield a, b


def find_conflicts(schedule: Schedule, rules: CheckRules, tr: Translator | None = None) -> list[ExamConflict]:
    """Every conflict of ``schedule``, errors and warnings, in the order of the exams' dates."""
    tr = tr or current()
    n = _Names(schedule, tr)
    sev = rules.severities
    out: list[ExamConflict] = []
    by_group_day: dict[tuple[int, dt.date], list[ExamRow]] = defaultdict(list)
    by_examiner_day: dict[tuple[int, dt.date], list[ExamRow]] = defaultdict(list)
    by_room_day: dict[tuple[int, dt.date], list[ExamRow]] = defaultdict(list)
    by_consult_room_day: dict[tuple[int, dt.date], list[ExamRow]] = defaultdict(list)
    groups = schedule.groups
    rooms = schedule.rooms
    off = rules.days_off
    start, end = schedule.start, schedule.end

    for e in schedule.exams:
        for g in e.group_ids:
            by_group_day[(g, e.day)].append(e)
        if e.examiner_id is not None:
            by_examiner_day[(e.examiner_id, e.day)].append(e)
        if e.room_id is not None:
            by_room_day[(e.room_id, e.day)].append(e)
        first_group = e.group_ids[0] if e.group_ids else None
        if e.day in off:
            name = off[e.day] or tr.weekday(e.day.weekday())
            out.append(ExamConflict("day_off", sev["day_off"], (e.id,), tr(
                "{date}: {exam} falls on a day off: {holiday}.").format(
                date=n.date(e.day), exam=n.exam(e), holiday=name), e.day, first_group))
        if e.day < start or e.day > end:
            out.append(ExamConflict("outside", sev["outside"], (e.id,), tr(
                "{date}: {exam} is outside the session ({start} – {end}).").format(
                date=n.date(e.day), exam=n.exam(e), start=n.date(start), end=n.date(end)), e.day, first_group))
        if e.room_id is not None and e.room_id in rooms:
            seats = rooms[e.room_id][1]
            students = sum(groups[g].size for g in e.group_ids if g in groups)
            if students > seats:
                out.append(ExamConflict("room_small", sev["room_small"], (e.id,), tr.ngettext(
                    "{date}: room {room} has {seats} seat, but {students} students sit {exam}.",
                    "{date}: room {room} has {seats} seats, but {students} students sit {exam}.", seats).format(
                    date=n.date(e.day), room=rooms[e.room_id][0], seats=seats, students=students, exam=n.exam(e)),
                    e.day, first_group))
        if e.consult_day is not None and (e.consult_day, e.consult_minute or 0) >= (e.day, e.start):
            out.append(ExamConflict("consultation_late", sev["consultation_late"], (e.id,), tr(
                "{date}: the consultation for {exam} is on {consultation}, not before the exam.").format(
                date=n.date(e.day), exam=n.exam(e),
                consultation=f"{n.date(e.consult_day)} {fmt_time(e.consult_minute)}".strip()), e.day, first_group))
        if e.consult_day is not None:
            if e.consult_day in off:
                out.append(ExamConflict("consultation_day_off", sev["consultation_day_off"], (e.id,), tr(
                    "{date}: the consultation for {exam} falls on a day off: {holiday}.").format(
                    date=n.date(e.consult_day), exam=n.exam(e),
                    holiday=off[e.consult_day] or tr.weekday(e.consult_day.weekday())), e.day, first_group))
            if e.consult_room_id is not None and e.consult_minute is not None:
                by_consult_room_day[(e.consult_room_id, e.consult_day)].append(e)

    for (g, day), bucket in by_group_day.items():
        if len(bucket) > 1:
            for i, a in enumerate(bucket):
                for b in bucket[i + 1:]:
                    out.append(ExamConflict("two_a_day", sev["two_a_day"], (a.id, b.id), tr(
                        "{date}: group {group} has two exams on one day: {first} and {second}.").format(
                        date=n.date(day), group=groups[g].name if g in groups else "?",
                        first=n.exam(a), second=n.exam(b)), day, g))

    if rules.min_rest > 0:
        days_of_group: dict[int, dict[dt.date, ExamRow]] = defaultdict(dict)
        for (g, day), bucket in by_group_day.items():
            days_of_group[g][day] = bucket[0]
        for g, days in days_of_group.items():
            ordered = sorted(days)
            for d1, d2 in zip(ordered, ordered[1:], strict=False):
                gap = (d2 - d1).days
                if gap < rules.min_rest:
                    a, b = days[d1], days[d2]
                    out.append(ExamConflict("rest", sev["rest"], (a.id, b.id), tr.ngettext(
                        "{date}: group {group} has only {days} day from {first} ({first_date}) to {second}; "
                        "the minimum is {minimum}.",
                        "{date}: group {group} has only {days} days from {first} ({first_date}) to {second}; "
                        "the minimum is {minimum}.", gap).format(
                        date=n.date(d2), group=groups[g].name if g in groups else "?", days=gap, first=n.exam(a),
                        first_date=n.date(d1), second=n.exam(b), minimum=rules.min_rest), d2, g))

    for kind, buckets, names, text in (
            ("examiner_busy", by_examiner_day, schedule.staff,
             N_("{date}: examiner {who} is booked twice at overlapping times: {first} and {second}.")),
            ("room_busy", by_room_day, {k: v[0] for k, v in rooms.items()},
             N_("{date}: room {who} is booked twice at overlapping times: {first} and {second}."))):
        for (who, day), bucket in buckets.items():
            if len(bucket) > 1:
                for a, b in _overlapping(bucket):
                    out.append(ExamConflict(kind, sev[kind], (a.id, b.id), tr(text).format(
                        date=n.date(day), who=names.get(who, "?"), first=n.exam(a), second=n.exam(b)),
                        day, a.group_ids[0] if a.group_ids else None))
    out.extend(_consultation_rooms(by_consult_room_day, by_room_day, rules, n, sev["consultation_room_busy"]))
    out.sort(key=lambda c: (c.day or dt.date.min, c.severity != "error", c.kind))
    return out


def _consultation_rooms(consults, exams, rules: CheckRules, n: _Names, severity: str) -> list[ExamConflict]:
    """A consultation's room taken by an exam or by another consultation at an overlapping time."""
    tr, length, rooms = n.tr, rules.consultation_minutes, n.s.rooms
    out: list[ExamConflict] = []
    for (room, day), bucket in consults.items():
        bucket = sorted(bucket, key=lambda e: e.consult_minute)

        def where(e: ExamRow) -> str:
            return tr("the consultation for {exam}").format(exam=n.exam(e))

        for e in bucket:
            start, end = e.consult_minute, e.consult_minute + length
            for other in exams.get((room, day), ()):
                if other.id != e.id and other.start < end and start < other.end:
                    out.append(ExamConflict("consultation_room_busy", severity, (e.id, other.id), tr(
                        "{date}: room {room} is booked twice at overlapping times: {first} at {time} and {second}."
                    ).format(date=n.date(day), room=rooms.get(room, ("?",))[0], first=where(e), time=fmt_time(start),
                             second=n.exam(other)), other.day, other.group_ids[0] if other.group_ids else None))
        for i, a in enumerate(bucket):
            for b in bucket[i + 1:]:
                if b.consult_minute >= a.consult_minute + length:
                    break
                out.append(ExamConflict("consultation_room_busy", severity, (a.id, b.id), tr(
                    "{date}: room {room} is booked twice at overlapping times: {first} at {time} and {second}."
                ).format(date=n.date(day), room=rooms.get(room, ("?",))[0], first=where(a),
                         time=fmt_time(a.consult_minute), second=where(b)), a.day,
                    a.group_ids[0] if a.group_ids else None))
    return out


def check_session(session, session_id: int, lang: str | None = None) -> tuple[Schedule, list[ExamConflict]]:
    """Load and check one session (the CLI's ``check session`` and the editor's refresh)."""
    from desktop.i18n import translator
    from desktop.models.exam_schedule import load_schedule

    schedule = load_schedule(session, session_id)
    rules = rules_for(session, schedule, lang)
    return schedule, find_conflicts(schedule, rules, translator(lang) if lang else current())


def conflicts_by_cell(conflicts: list[ExamConflict], schedule: Schedule
                      ) -> dict[tuple[dt.date, int], list[ExamConflict]]:
    """(day, group) -> conflicts touching an exam shown in that cell (for colouring the matrix)."""
    exams = {e.id: e for e in schedule.exams}
    cells: dict[tuple[dt.date, int], list[ExamConflict]] = defaultdict(list)
    for c in conflicts:
        seen = set()
        for exam_id in c.exam_ids:
            e = exams.get(exam_id)
            if e is None:
                continue
            for g in e.group_ids:
                if (e.day, g) not in seen:
                    seen.add((e.day, g))
                    cells[(e.day, g)].append(c)
    return cells
