"""Exam sessions' writes as operations (models/operations.py): the session and its dates, exams
added, edited, moved, copied, deleted and drafted. Each announces ``Change.EXAMS``."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import exam_rooms as rooms
from desktop.models import exam_schedule as schedule
from desktop.models import exams as ex
from desktop.models.exam_schedule import ExamRow
from desktop.models.operations import Change, Outcome, bind, created, deleted, undo_by

EXAMS = Change.EXAMS


def create_session_op(session: Session, year_name: str, kind: str) -> Outcome[int]:
    """The year's session of that kind (with the calendar's dates); undo removes it."""
    session_id = ex.get_or_create_session(session, year_name, kind)
    return Outcome(session_id, undo_by(bind(ex.delete_session, session_id), bind(create_session_op, year_name, kind),
                                       EXAMS), EXAMS)


def set_session_dates_op(session: Session, session_id: int, start: dt.date, end: dt.date,
                         country: str | None = None) -> Outcome[tuple]:
    old = ex.set_session_dates(session, session_id, start, end, country)
    return Outcome(old, bind(set_session_dates_op, session_id, *old), EXAMS)


def delete_exams_op(session: Session, exam_ids: list[int]) -> Outcome[list[tuple[int, ExamRow]]]:
    """Delete exams; undo puts them back with the same ids, groups, rooms and times."""
    saved = schedule.delete_exams(session, list(exam_ids))
    return Outcome(saved, bind(restore_exams_op, saved), EXAMS)


def restore_exams_op(session: Session, saved: list[tuple[int, ExamRow]]) -> Outcome[list[int]]:
    schedule.restore_exams(session, saved)
    ids = [row.id for _session_id, row in saved]
    return Outcome(ids, bind(delete_exams_op, ids), EXAMS)


def _discipline(session: Session, name: str) -> tuple[int, bool]:
    """The discipline of that name and whether it was made just now (undo removes it then)."""
    existed = session.scalar(select(ex.Discipline.id).where(ex.Discipline.name == name.strip()))
    return ex.discipline_id(session, name), existed is None


def add_exam_op(session: Session, session_id: int, discipline: str, row: ExamRow) -> Outcome[int]:
    """A new exam of the discipline named (made when new) for the row's groups; undo removes the
    exam and a discipline it made."""
    discipline_id, made = _discipline(session, discipline)
    exam_id = schedule.add_exam(session, session_id, replace(row, discipline_id=discipline_id))
    return Outcome(exam_id, bind(remove_added_exam_op, exam_id, discipline_id if made else None), EXAMS)


def remove_added_exam_op(session: Session, exam_id: int, made_discipline: int | None) -> Outcome[list]:
    saved = schedule.delete_exams(session, [exam_id])
    saved_discipline = rooms.delete_discipline(session, made_discipline) if made_discipline else None
    return Outcome(saved, bind(restore_added_exam_op, saved, saved_discipline), EXAMS)


def restore_added_exam_op(session: Session, saved: list, saved_discipline) -> Outcome[int]:
    if saved_discipline is not None:
        rooms.restore_discipline(session, saved_discipline)
    schedule.restore_exams(session, saved)
    exam_id = saved[0][1].id
    return Outcome(exam_id, bind(remove_added_exam_op, exam_id, saved_discipline.id if saved_discipline else None),
                   EXAMS)


def edit_exam_op(session: Session, exam_id: int, discipline: str, row: ExamRow,
                 restore_discipline=None) -> Outcome[ExamRow]:
    """The exam as the dialog gives it (discipline by name, groups, day, time, examiner, room);
    undo puts the exam back and removes a discipline the edit made."""
    if restore_discipline is not None:  # redo: the discipline made the first time, with its id
        rooms.restore_discipline(session, restore_discipline)
    discipline_id, made = _discipline(session, discipline)
    made = made or restore_discipline is not None
    changes = {key: getattr(row, key) for key in schedule.EXAM_FIELDS}
    changes["discipline_id"] = discipline_id
    old = schedule.update_exam(session, exam_id, group_ids=row.group_ids, **changes)
    return Outcome(old, bind(undo_edit_exam_op, exam_id, discipline, row, old, discipline_id if made else None),
                   EXAMS)


def undo_edit_exam_op(session: Session, exam_id: int, discipline: str, row: ExamRow, old: ExamRow,
                      made_discipline: int | None) -> Outcome[None]:
    schedule.restore_exam(session, old)
    saved_discipline = rooms.delete_discipline(session, made_discipline) if made_discipline else None
    return Outcome(None, bind(edit_exam_op, exam_id, discipline, row, saved_discipline), EXAMS)


def move_exam_op(session: Session, exam_id: int, day: dt.date, from_group: int | None = None,
                 to_group: int | None = None) -> Outcome[ExamRow]:
    old = schedule.move_exam(session, exam_id, day, from_group, to_group)
    return Outcome(old, undo_by(bind(schedule.restore_exam, old),
                                bind(move_exam_op, exam_id, day, from_group, to_group), EXAMS), EXAMS)


def copy_exam_op(session: Session, exam_id: int, group_ids: list[int],
                 day: dt.date | None = None) -> Outcome[list[int]]:
    """The same exam for other groups (on ``day`` when given); undo deletes the copies."""
    ids = schedule.copy_exam(session, exam_id, group_ids)
    if day is not None:
        for new_id in ids:
            schedule.update_exam(session, new_id, day=day)
    return Outcome(ids, bind(delete_exams_op, ids), EXAMS)


def generate_draft_op(session: Session, session_id: int, group_ids: list[int],
                      progress=None) -> Outcome[tuple[list[int], list]]:
    """Draft the groups' exams; undo deletes them, redo puts back the very same exams."""
    from desktop.models.exam_generator import generate_draft

    ids, unplaced = generate_draft(session, session_id, group_ids, progress)
    return Outcome((ids, unplaced), bind(delete_exams_op, ids), EXAMS)


# Rooms, disciplines and the session's disciplines (Rooms and disciplines dialog) ------------------------
# Every write names the values it expects to find (a shared server: another office's change
# meanwhile is refused as stale, never overwritten); an undo expects what its write stored.
def add_room_op(session: Session, name: str, capacity: int, building: str = "") -> Outcome[int]:
    room_id = rooms.add_room(session, name, capacity, building)
    return Outcome(room_id, bind(delete_room_op, room_id, (name.strip(), capacity, building.strip())), EXAMS)


def delete_room_op(session: Session, room_id: int, expected: tuple[str, int, str] | None = None) -> Outcome[tuple]:
    """An unused room (refused while an exam or consultation is in it), as shown (``expected``);
    undo brings it back."""
    saved = rooms.delete_room(session, room_id, expected=expected)
    return Outcome(saved, bind(restore_room_op, saved), EXAMS)


def restore_room_op(session: Session, saved: tuple) -> Outcome[int]:
    rooms.restore_room(session, saved)
    return Outcome(saved[0], bind(delete_room_op, saved[0], tuple(saved[1:])), EXAMS)


def update_room_op(session: Session, room_id: int, name: str, capacity: int, building: str,
                   expected: tuple[str, int, str] | None = None) -> Outcome[tuple]:
    """The room's new values; ``expected``: the values shown when it was edited."""
    old = rooms.update_room(session, room_id, name, capacity, building, expected=expected)
    stored = (name.strip(), capacity, building.strip())
    return Outcome(old, bind(update_room_op, room_id, *old, expected=stored), EXAMS)


def add_discipline_op(session: Session, name: str) -> Outcome[int]:
    """A new discipline; undo deletes it, redo puts it back with the same id."""
    return created(session, bind(rooms.add_discipline, name), rooms.delete_discipline, rooms.restore_discipline,
                   EXAMS)


def delete_discipline_op(session: Session, discipline_id: int) -> Outcome[rooms.SavedDiscipline]:
    """Delete a discipline no exam uses, with its links; undo puts both back."""
    return deleted(session, rooms.delete_discipline, rooms.restore_discipline, discipline_id, EXAMS)


def rename_discipline_op(session: Session, discipline_id: int, name: str,
                         expected: str | None = None) -> Outcome[str]:
    old = rooms.rename_discipline(session, discipline_id, name, expected=expected)
    return Outcome(old, bind(rename_discipline_op, discipline_id, old, name.strip()), EXAMS)


def add_link_op(session: Session, session_id: int, group_id: int, discipline_id: int, examiner_id: int | None,
                form: str) -> Outcome[int]:
    """The group sits the discipline in this session; undo removes the link, redo puts it back."""
    return created(session, bind(rooms.add_link, session_id, group_id, discipline_id, examiner_id, form),
                   rooms.delete_link, rooms.restore_link, EXAMS)


def delete_link_op(session: Session, link_id: int) -> Outcome[rooms.LinkSnapshot]:
    return deleted(session, rooms.delete_link, rooms.restore_link, link_id, EXAMS)


def update_link_op(session: Session, link_id: int, examiner_id: int | None, form: str) -> Outcome[tuple]:
    old = rooms.update_link(session, link_id, examiner_id, form)
    return Outcome(old, bind(update_link_op, link_id, *old), EXAMS)
