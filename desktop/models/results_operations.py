"""Session results' writes as operations (models/operations.py): grade sheets, results entered by
hand or imported, retakes, promotion with the kept-back order, the grading scale."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from desktop.models import debts as dm
from desktop.models import exams as ex
from desktop.models import results as rm
from desktop.models.movements import Order, undo_movements, undo_promotion
from desktop.models.operations import Change, Outcome, bind, undo_by

RESULTS = Change.RESULTS


def set_control_op(session: Session, sheet_id: int, control: str) -> Outcome[str]:
    """The sheet's form of control (exam, credit ...); undo sets the old one."""
    old = rm.set_control(session, sheet_id, control)
    return Outcome(old, bind(set_control_op, sheet_id, old), RESULTS)


def enter_result_op(session: Session, result_id: int, text: str, **options) -> Outcome[rm.ResultValues]:
    """A result as typed ("5", "отл", "н/я"; ``rating=`` for the 100-point score); undo puts the
    result back as it was."""
    old = rm.enter_text(session, result_id, text, **options)
    return Outcome(old, undo_by(bind(rm.restore_result, result_id, old), bind(enter_result_op, result_id, text,
                                                                               **options), RESULTS), RESULTS)


def issue_sheets_op(session: Session, session_id: int, issued_on: dt.date) -> Outcome[list[int]]:
    """Grade sheets for the session's exams that have none; undo deletes them."""
    ids = rm.issue_sheets(session, session_id, issued_on)
    return Outcome(ids, undo_by(bind(rm.delete_sheets, ids), bind(issue_sheets_op, session_id, issued_on), RESULTS),
                   RESULTS)


def import_results_op(session: Session, filled: list, on: dt.date) -> Outcome[list[str]]:
    """Filled grade sheets read from a workbook; undo puts every result back as it was."""
    lines, old = rm.import_filled(session, filled, on)
    return Outcome(lines, undo_by(bind(rm.restore_many, old), bind(import_results_op, filled, on), RESULTS), RESULTS)


def _undo_retakes(session: Session, exam_ids: list[int], made_session: int | None) -> None:
    dm.undo_retakes(session, exam_ids)
    if made_session is not None:
        ex.delete_session(session, made_session)


def draft_retakes_op(session: Session, year: str, kind: str, day: dt.date) -> Outcome[list]:
    """Retake exams and sheets for the open debts, in the year's session of ``kind`` (made when
    missing); undo removes them, and the session when this made it."""
    made = ex.find_session(session, year, kind) is None
    target = ex.get_or_create_session(session, year, kind)
    exams, sheets = dm.draft_retakes(session, target, day, year=year, kinds=dm.fx_session_kinds(kind))
    changes = RESULTS | Change.EXAMS
    return Outcome(sheets, undo_by(bind(_undo_retakes, exams, target if made else None),
                                   bind(draft_retakes_op, year, kind, day), changes), changes)


def _undo_promotion(session: Session, kept: list[int], moves: list[int], groups: list[int]) -> None:
    undo_movements(session, kept)
    undo_promotion(session, moves, groups)


def promote_op(session: Session, plan: dm.PromotionPlan, order: Order, kept_kind: str | None = None,
               kept_order: Order | None = None) -> Outcome[tuple]:
    """The groups up a course under ``order``; the kept-back students get ``kept_kind`` (repeat the
    year, expulsion) under ``kept_order`` when given. Undo takes both orders back."""
    moves, groups = dm.promote(session, plan, order)
    kept = (dm.kept_back_order(session, plan, kept_kind, kept_order)
            if kept_kind and kept_order is not None and plan.kept_back else [])
    changes = RESULTS | Change.STUDENTS | Change.GROUPS
    return Outcome((moves, groups, kept), undo_by(bind(_undo_promotion, kept, moves, groups),
                                                  bind(promote_op, plan, order, kept_kind, kept_order), changes),
                   changes)


def set_grading_op(session: Session, scale: str, thresholds, max_debts: int) -> Outcome[tuple]:
    """The faculty's grading scale, thresholds and allowed debts; undo sets the old ones."""
    old = dm.set_grading(session, scale, thresholds, max_debts)
    return Outcome(old, bind(set_grading_op, *old), RESULTS | Change.SETTINGS)
