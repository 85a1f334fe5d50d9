"""Curators' writes as operations (models/operations.py): who curates a group, the monthly
reports with their lines and status, the teaching log. Each announces ``Change.CURATORS``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from desktop.models import curator_reports as cr
from desktop.models import teaching_log as tl
from desktop.models.curators import PARTS, CuratorReport, assign_curator, end_of_assignment_on, unassign_curator
from desktop.models.operations import Bound, Change, Outcome, bind, delete_record, set_field, undo_by
from desktop.models.records import _UNSET

CURATORS = Change.CURATORS


def change_curator_op(session: Session, group_id: int, staff_id: int, start: dt.date) -> Outcome[int]:
    """A new curator of the group from ``start`` (the previous assignment ends the day before);
    undo gives the group back to the previous curator as it was."""
    previous_end = end_of_assignment_on(session, group_id, start)
    assignment_id = assign_curator(session, group_id, staff_id, start)
    return Outcome(assignment_id, undo_by(bind(unassign_curator, assignment_id, previous_end),
                                          bind(change_curator_op, group_id, staff_id, start), CURATORS), CURATORS)


# Monthly reports ----------------------------------------------------------------------------------
def open_report_op(session: Session, assignment_id: int, year: int, month: int,
                   report_id: int | None = None) -> Outcome[int]:
    rid = cr.open_report(session, assignment_id, year, month, report_id)
    return Outcome(rid, undo_by(bind(cr.delete_report, rid), bind(open_report_op, assignment_id, year, month, rid),
                                CURATORS), CURATORS)


def copy_last_month_plan_op(session: Session, report_id: int) -> Outcome[list[tuple[str, int]]]:
    lines = cr.copy_last_month_plan(session, report_id)
    return Outcome(lines, undo_by(bind(cr.delete_lines, lines), bind(copy_last_month_plan_op, report_id), CURATORS),
                   CURATORS)


def status_change_op(session: Session, report_id: int, change: Bound) -> Outcome[Any]:
    """Submit, accept or return a report (``change``: ``bind(cr.submit, rid, day)`` ...); undo
    puts the status, dates and comment back as they were."""
    before = cr.status_snapshot(session, report_id)
    result = change(session)
    return Outcome(result, undo_by(bind(cr.restore_status, report_id, before),
                                   bind(status_change_op, report_id, change), CURATORS), CURATORS)


def add_line_op(session: Session, report_id: int, part: str, values: dict[str, Any] | None = None) -> Outcome[int]:
    line_id = cr.add_line(session, report_id, part, values)
    return Outcome(line_id, bind(delete_record, PARTS[part], line_id, changes=CURATORS), CURATORS)


def delete_line_op(session: Session, part: str, line_id: int, expected: dict[str, Any] | None = None
                   ) -> Outcome[dict[str, Any]]:
    """``expected``: the line as the form showed it (another office's change meanwhile is refused
    as stale); the redo deletes the line only as its undo put it back."""
    return delete_record(session, PARTS[part], line_id, changes=CURATORS, expected=expected)


def set_line_field_op(session: Session, part: str, line_id: int, key: str, value, validators=None, *,
                      expected: Any = _UNSET) -> Outcome[Any]:
    """One cell of a report's part (an accepted report is refused); undo writes the old value,
    expecting the one written here. ``expected``: the value the user saw."""
    old = cr.set_line_field(session, part, line_id, key, value, validators, expected=expected)
    written = getattr(session.get(PARTS[part], line_id), key)
    return Outcome(old, bind(set_line_field_op, part, line_id, key, old, validators, expected=written), CURATORS)


def set_remarks_op(session: Session, report_id: int, text: str, expected: str) -> Outcome[str]:
    return set_field(session, CuratorReport, report_id, "remarks", text, expected=expected, changes=CURATORS)


# Teaching log -------------------------------------------------------------------------------------
def add_lesson_op(session: Session, staff_id: int, day: dt.date) -> Outcome[int]:
    entry_id = tl.add_entry(session, staff_id, day)
    return Outcome(entry_id, bind(delete_record, tl.TeachingLogEntry, entry_id, changes=CURATORS), CURATORS)


def delete_lesson_op(session: Session, entry_id: int, expected: dict[str, Any] | None = None
                     ) -> Outcome[dict[str, Any]]:
    """``expected``: the lesson as the log showed it (another office's change meanwhile: stale)."""
    return delete_record(session, tl.TeachingLogEntry, entry_id, changes=CURATORS, expected=expected)


def edit_lesson_op(session: Session, entry_id: int, key: str, value, expected: Any = _UNSET) -> Outcome[Any]:
    """One field of a lesson (``expected``: the value the user saw); undo writes the old value
    back, expecting the one stored here."""
    return set_field(session, tl.TeachingLogEntry, entry_id, key, value, tl.VALIDATORS, expected=expected,
                     changes=CURATORS)
