"""What the Excel and PDF schedules share: sheets (per course or programme), the list rows, the
matrix of dates by groups with merged cells for groups sitting together, and the timetables of
examiners and rooms. Plain data in, plain tuples out, texts in the report's language."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from desktop import dates
from desktop.i18n import Translator
from desktop.models.exam_schedule import ExamRow, Schedule, fmt_time
from desktop.models.exams import ExamForm, SessionKind


@dataclass
class Sheet:
    title: str
    group_ids: list[int]


def session_title(schedule: Schedule, tr: Translator) -> str:
    return tr("{session} {year}: exam schedule").format(
        session=SessionKind(schedule.kind).label(tr), year=schedule.year)


def period_line(schedule: Schedule, tr: Translator) -> str:
    return tr.date_range(schedule.start, schedule.end)


def sheets(schedule: Schedule, by: str, tr: Translator) -> list[Sheet]:
    """Groups that sit something in this session, one sheet per course or per programme."""
    sitting = {g for e in schedule.exams for g in e.group_ids}
    out: dict[str | int, Sheet] = {}
    for g in schedule.groups.values():  # already ordered by course, programme, name
        if g.id not in sitting:
            continue
        key: str | int
        if by == "programme":
            key = g.programme_code
            title = f"{g.programme_code} {g.programme_name}".strip() or tr("Other groups")
        else:
            key = g.course
            title = tr("Course {course}").format(course=g.course)
        out.setdefault(key, Sheet(title, [])).group_ids.append(g.id)
    if by == "programme":
        return [out[k] for k in sorted(out, key=str)]  # programme codes: the keys are str already
    return list(out.values())


def form_label(form: str, tr: Translator) -> str:
    return ExamForm(form).label(tr)


def day_label(day: dt.date, tr: Translator) -> str:
    return f"{dates.table(day)}\n{tr.weekday(day.weekday())}"


def room_name(schedule: Schedule, room_id: int | None) -> str:
    room = schedule.rooms.get(room_id) if room_id is not None else None
    return room[0] if room is not None else ""


def staff_name(schedule: Schedule, staff_id: int | None) -> str:
    return schedule.staff.get(staff_id, "") if staff_id is not None else ""


def consultation_text(schedule: Schedule, e: ExamRow) -> str:
    if e.consult_day is None:
        return ""
    room = room_name(schedule, e.consult_room_id) if e.consult_room_id else ""
    return " ".join(p for p in (f"{dates.table(e.consult_day)}", fmt_time(e.consult_minute), room) if p)


def list_rows(schedule: Schedule, group_ids: list[int], tr: Translator) -> list[tuple]:
    """(date, time, groups, discipline, form, examiner, room, consultation) of the sheet's exams."""
    wanted = set(group_ids)
    rows = []
    for e in schedule.exams:
        groups = [g for g in e.group_ids if g in wanted]
        if not groups:
            continue
        rows.append((e.day, fmt_time(e.start), ", ".join(schedule.groups[g].name for g in groups),
                     schedule.disciplines.get(e.discipline_id, ""), form_label(e.form, tr),
                     staff_name(schedule, e.examiner_id), room_name(schedule, e.room_id),
                     consultation_text(schedule, e)))
    return rows


def cell_text(schedule: Schedule, e: ExamRow) -> str:
    """Discipline / examiner / room, time: the matrix cell as offices write it."""
    room = room_name(schedule, e.room_id)
    place = ", ".join(p for p in (room, fmt_time(e.start)) if p)
    return "\n".join(p for p in (schedule.disciplines.get(e.discipline_id, ""),
                                 staff_name(schedule, e.examiner_id), place) if p)


@dataclass
class MatrixRow:
    day: dt.date
    # (first column, last column, text) per filled block; columns index ``group_ids``.
    blocks: list[tuple[int, int, str]]


def matrix(schedule: Schedule, group_ids: list[int]) -> list[MatrixRow]:
    """Rows of exam days; an exam sat by adjacent groups of the sheet becomes one merged block."""
    col = {g: i for i, g in enumerate(group_ids)}
    by_day: dict[dt.date, dict[int, list[ExamRow]]] = defaultdict(lambda: defaultdict(list))
    for e in schedule.exams:
        for g in e.group_ids:
            if g in col:
                by_day[e.day][col[g]].append(e)
    rows = []
    for day in sorted(by_day):
        cells = by_day[day]
        blocks = []
        columns = sorted(cells)
        i = 0
        while i < len(columns):
            c = columns[i]
            exams = cells[c]
            last = c
            # Extend over neighbours holding exactly the same single exam (groups sitting together).
            if len(exams) == 1:
                while last + 1 in cells and [x.id for x in cells[last + 1]] == [exams[0].id]:
                    last += 1
            blocks.append((c, last, "\n—\n".join(cell_text(schedule, e) for e in exams)))
            while i < len(columns) and columns[i] <= last:
                i += 1
        rows.append(MatrixRow(day, blocks))
    return rows


def programme_spans(schedule: Schedule, group_ids: list[int]) -> list[tuple[int, int, str]]:
    """(first column, last column, programme) for the merged header above the group names."""
    spans: list[tuple[int, int, str]] = []
    for i, g in enumerate(group_ids):
        code = schedule.groups[g].programme_code
        if spans and spans[-1][2] == code:
            spans[-1] = (spans[-1][0], i, code)
        else:
            spans.append((i, i, code))
    return spans


def timetables(schedule: Schedule, by: str, tr: Translator) -> list[tuple[str, list[tuple]]]:
    """Per examiner (or room): (name, rows of date, time, discipline, groups, room or examiner, form)."""
    out: dict[str, list[tuple]] = defaultdict(list)
    for e in schedule.exams:
        groups = ", ".join(schedule.groups[g].name for g in e.group_ids if g in schedule.groups)
        discipline = schedule.disciplines.get(e.discipline_id, "")
        room = room_name(schedule, e.room_id)
        examiner = staff_name(schedule, e.examiner_id)
        if by == "room":
            key, other = room or tr("No room"), examiner
        else:
            key, other = examiner or tr("No examiner"), room
        out[key].append((e.day, f"{fmt_time(e.start)}–{fmt_time(e.end)}", discipline, groups, other,
                         form_label(e.form, tr)))
    from desktop.models.collation import sort_key

    return sorted(out.items(), key=lambda item: sort_key(item[0], tr.lang))
