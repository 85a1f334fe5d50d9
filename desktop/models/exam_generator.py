"""A first draft of a session's schedule for chosen groups, from the disciplines they sit.

Greedy and deterministic: groups in the order given, each group's disciplines in their order;
each exam goes on the earliest session day that keeps every rule:

- working days only (no weekend, holiday or moved day off) and within the session;
- one exam a day per group, and at least the minimum rest (calendar days, as in the check)
  from every other exam of the group;
- the examiner free at that time (existing exams count too);
- a free room big enough for the group (the smallest such room, keeping big halls free).

Start times tried in order: 09:00, then 13:00. What cannot be placed is returned, not forced.

``generate_draft`` reports a step per group to a ``Progress`` (the editor runs it in a worker
thread for many groups); Cancel raises ``Cancelled`` before anything is written, and the writes
come last in the caller's one transaction, so a cancelled draft leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy.orm import Session

from desktop.models.exam_conflicts import CheckRules, rules_for
from desktop.models.exam_schedule import ExamRow, Schedule, add_exams, load_schedule, session_disciplines
from desktop.models.progress import Progress, step

SLOTS = (9 * 60, 13 * 60)
DURATION = 120


def propose(schedule: Schedule, links: Sequence[tuple[int, int, int | None, str]], group_ids: Sequence[int],
            rules: CheckRules, progress: Progress | None = None) -> tuple[list[ExamRow], list[tuple[int, int]]]:
    """(exams to add, (group, discipline) pairs that found no place). Pure: no database."""
    days = [d for d in schedule.days() if schedule.start <= d <= schedule.end and d not in rules.days_off]
    group_days: dict[int, set[dt.date]] = defaultdict(set)
    examiner_busy: dict[tuple[int, dt.date], list[tuple[int, int]]] = defaultdict(list)
    room_busy: dict[tuple[int, dt.date], list[tuple[int, int]]] = defaultdict(list)
    done: set[tuple[int, int]] = set()
    for e in schedule.exams:
        for g in e.group_ids:
            group_days[g].add(e.day)
            done.add((g, e.discipline_id))
        if e.examiner_id is not None:
            examiner_busy[(e.examiner_id, e.day)].append((e.start, e.end))
        if e.room_id is not None:
            room_busy[(e.room_id, e.day)].append((e.start, e.end))
    rooms = sorted(schedule.rooms.items(), key=lambda r: (r[1][1], r[1][0]))  # smallest first

    def free(busy, key, start, end) -> bool:
        return all(end <= a or start >= b for a, b in busy.get(key, ()))

    wanted = set(group_ids)
    proposed: list[ExamRow] = []
    unplaced: list[tuple[int, int]] = []
    by_group: dict[int, list[tuple[int, int | None, str]]] = defaultdict(list)
    for g, d, examiner, form in links:
        if g in wanted and (g, d) not in done:
            by_group[g].append((d, examiner, form))
    for i, g in enumerate(group_ids):
        step(progress, i, len(group_ids))
        size = schedule.groups[g].size if g in schedule.groups else 0
        for discipline, examiner, form in by_group.get(g, ()):
            placed = None
            for day in days:
                taken = group_days[g]
                if any(abs((day - other).days) < max(rules.min_rest, 1) for other in taken):
                    continue
                for start in SLOTS:
                    end = start + DURATION
                    if examiner is not None and not free(examiner_busy, (examiner, day), start, end):
                        continue
                    room = next((r for r, (_n, cap, _b) in rooms
                                 if cap >= size and free(room_busy, (r, day), start, end)), None)
                    if room is None and rooms:
                        continue
                    placed = ExamRow(0, discipline, (g,), day, start, DURATION, examiner, None, room, form)
                    break
                if placed:
                    break
            if placed is None:
                unplaced.append((g, discipline))
                continue
            proposed.append(placed)
            group_days[g].add(placed.day)
            if examiner is not None:
                examiner_busy[(examiner, placed.day)].append((placed.start, placed.end))
            if placed.room_id is not None:
                room_busy[(placed.room_id, placed.day)].append((placed.start, placed.end))
    return proposed, unplaced


def generate_draft(session: Session, session_id: int, group_ids: Sequence[int],
                   progress: Progress | None = None) -> tuple[list[int], list[tuple[int, int]]]:
    """Write the draft in the caller's transaction; returns (new exam ids, unplaced pairs)."""
    schedule = load_schedule(session, session_id)
    rules = rules_for(session, schedule)
    rows, unplaced = propose(schedule, session_disciplines(session, session_id), group_ids, rules, progress)
    step(progress, len(group_ids), len(group_ids))  # the last chance to cancel: nothing written yet
    return add_exams(session, session_id, rows), unplaced
