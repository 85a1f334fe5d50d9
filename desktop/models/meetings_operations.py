"""Meetings' writes as operations (models/operations.py): series, meetings, attendance, agenda,
decisions. Each returns its result, the operation that undoes it, and ``Change.MEETINGS``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from desktop.models import meetings as mt
from desktop.models import meetings_agenda as ag
from desktop.models import meetings_series as ms
from desktop.models.operations import Change, Outcome, bind, created, deleted, undo_by, updated

MEETINGS = Change.MEETINGS


# Series ----------------------------------------------------------------------------------------
def _delete_series_with_meetings(session: Session, series_id: int,
                                 expected: Mapping[str, Any] | None = None) -> ms.SeriesSnapshot:
    return ms.delete_series(session, series_id, with_meetings=True, expected=expected)


def add_series_op(session: Session, **values) -> Outcome[int]:
    return created(session, bind(mt.add_series, **values), ms.delete_series, ms.restore_series, MEETINGS)


def update_series_op(session: Session, series_id: int, **values: Any) -> Outcome[dict[str, Any]]:
    """Meetings already created keep their date, time, place and attendees."""
    return updated(session, ms.update_series, series_id, values, MEETINGS)


def delete_series_op(session: Session, series_id: int,
                     expected: Mapping[str, Any] | None = None) -> Outcome[ms.SeriesSnapshot]:
    """The series with its planned meetings; undo brings them all back. ``expected``: the series
    as the user saw it and confirmed (``meeting_count``); the redo deletes only what its undo put back."""
    return deleted(session, _delete_series_with_meetings, ms.restore_series, series_id, MEETINGS, expected)


# Meetings --------------------------------------------------------------------------------------
def create_next_meeting_op(session: Session, series_id: int) -> Outcome[int]:
    return created(session, bind(ag.create_next_meeting, series_id), mt.delete_meeting, mt.restore_meeting, MEETINGS)


def delete_meeting_op(session: Session, meeting_id: int) -> Outcome[mt.MeetingSnapshot]:
    return deleted(session, mt.delete_meeting, mt.restore_meeting, meeting_id, MEETINGS)


def update_meeting_op(session: Session, meeting_id: int, **fields: Any) -> Outcome[dict[str, Any]]:
    return updated(session, mt.update_meeting, meeting_id, fields, MEETINGS)


def set_attendance_op(session: Session, meeting_id: int, staff_id: int, present: bool | None,
                      note: str | None) -> Outcome[mt.AttendanceBefore | None]:
    """Present/absent with the reason; ``present=None`` takes the person off the list. Undo puts
    the person back as they were (at their place), redo sets it again."""
    old = mt.set_attendance(session, meeting_id, staff_id, present, note)
    redo = bind(set_attendance_op, meeting_id, staff_id, present, note)
    return Outcome(old, undo_by(bind(mt.restore_attendance, meeting_id, staff_id, old), redo, MEETINGS), MEETINGS)


# Agenda ----------------------------------------------------------------------------------------
def add_agenda_item_op(session: Session, meeting_id: int, title: str, position: int | None = None) -> Outcome[int]:
    return created(session, bind(mt.add_agenda_item, meeting_id, title, position=position),
                   mt.delete_agenda_item, mt.restore_agenda_item, MEETINGS)


def delete_agenda_item_op(session: Session, item_id: int) -> Outcome[mt.DeletedItem]:
    return deleted(session, mt.delete_agenda_item, mt.restore_agenda_item, item_id, MEETINGS)


def update_agenda_item_op(session: Session, item_id: int, **fields: Any) -> Outcome[dict[str, Any]]:
    return updated(session, mt.update_agenda_item, item_id, fields, MEETINGS)


def move_agenda_item_op(session: Session, item_id: int, position: int) -> Outcome[int]:
    old = mt.move_agenda_item(session, item_id, position)
    return Outcome(old, bind(move_agenda_item_op, item_id, old), MEETINGS)


def add_proposals_op(session: Session, meeting_id: int, proposals: list) -> Outcome[list[int]]:
    """The ticked proposals at the end of the agenda; undo removes those items."""
    ids = ag.add_proposals(session, meeting_id, proposals)
    return Outcome(ids, bind(remove_items_op, ids), MEETINGS)


def remove_items_op(session: Session, item_ids: list[int]) -> Outcome[list[mt.DeletedItem]]:
    snaps = ag.remove_items(session, item_ids)
    return Outcome(snaps, bind(restore_items_op, snaps), MEETINGS)


def restore_items_op(session: Session, snaps: list[mt.DeletedItem]) -> Outcome[None]:
    ag.restore_items(session, snaps)
    return Outcome(None, bind(remove_items_op, [snap["id"] for snap in snaps]), MEETINGS)


# Decisions -------------------------------------------------------------------------------------
def add_decision_op(session: Session, meeting_id: int, text: str, **values) -> Outcome[int]:
    return created(session, bind(mt.add_decision, meeting_id, text, **values), mt.delete_decision,
                   mt.restore_decision, MEETINGS)


def update_decision_op(session: Session, decision_id: int, **fields: Any) -> Outcome[dict[str, Any]]:
    return updated(session, mt.update_decision, decision_id, fields, MEETINGS)


def edit_agenda_item_texts_op(session: Session, item_id: int, originals: dict[str, Any], lang: str,
                              versions: dict[str, str | None]) -> Outcome[None]:
    """An agenda item edited where the page shows some of its texts in ``lang``: those fields
    write that language's version, the others the original; undo puts back both."""
    from desktop.models.text_versions import set_version

    old = mt.update_agenda_item(session, item_id, **originals) if originals else {}
    old_versions = {f: set_version(session, "agenda_item", item_id, f, lang, v) for f, v in versions.items()}
    return Outcome(None, bind(edit_agenda_item_texts_op, item_id, old, lang, old_versions), MEETINGS)


def sign_minutes_op(session: Session, meeting_id: int, signed_on) -> Outcome:
    """Sign a held meeting's minutes (None: unsign); undo puts the old signing date back."""
    old = mt.sign_minutes(session, meeting_id, signed_on)
    return Outcome(old, bind(sign_minutes_op, meeting_id, old), MEETINGS)


def delete_decision_op(session: Session, decision_id: int) -> Outcome[mt.DecisionSnapshot]:
    return deleted(session, mt.delete_decision, mt.restore_decision, decision_id, MEETINGS)
