"""Retakes drafted from open debts, promotion that holds debtors back (with the kept-back students'
order), the faculty's grading settings, and the undoable promotion."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models import grading, settings
from desktop.models.base import DomainError
from desktop.models.contingent import Group, Student, StudentStatus
from desktop.models.debts.queries import Debt, open_debts
from desktop.models.exams import Exam, ExamSession, SessionKind, exam_group
from desktop.models.movements import MovementKind, Order, apply_movement
from desktop.models.operations import Change, Outcome, bind, undo_by
from desktop.models.results import issue_sheet, student_sort_key


def draft_retakes(session: Session, target_session_id: int, day: dt.date, *, year: str | None = None,
                  issued_on: dt.date | None = None, kinds: set[str] | None = None) -> tuple[list[int], list[int]]:
    """One exam per discipline and examiner in the FX/retake session, each with a retake sheet listing
    only its debtors. ``kinds`` limits the debts (the FX session takes only FX). Returns (exam ids,
    sheet ids) for undo (deleting the exams deletes their sheets)."""
    target = session.get(ExamSession, target_session_id)
    if target is None:
        raise DomainError(_("This exam session no longer exists."))
    debts = [d for d in open_debts(session, year=year) if d.retake_date is None and (kinds is None or d.kind in kinds)]
    if not debts:
        raise DomainError(_("There are no open debts to retake."))
    by: dict[tuple[int, int | None], list[Debt]] = defaultdict(list)
    for d in debts:
        by[(d.discipline_id, d.examiner_id)].append(d)
    exam_ids, sheet_ids = [], []
    for (did, examiner), items in sorted(by.items(), key=lambda kv: (kv[1][0].discipline, kv[0][1] or 0)):
        exam = Exam(session_id=target_session_id, discipline_id=did, examiner_id=examiner, day=day)
        session.add(exam)
        session.flush()
        gids = sorted({d.group_id for d in items if d.group_id})
        if gids:
            session.execute(exam_group.insert(), [{"exam_id": exam.id, "group_id": g} for g in gids])
        exam_ids.append(exam.id)
        pairs = list(dict.fromkeys((d.student_id, d.group_id) for d in items))
        sheet_ids.append(issue_sheet(session, exam.id, issued_on or day, student_ids=pairs, retake=True))
    return exam_ids, sheet_ids


def undo_retakes(session: Session, exam_ids: list[int]) -> None:
    for eid in exam_ids:
        row = session.get(Exam, eid)
        if row is not None:
            session.delete(row)
    session.flush()


def fx_session_kinds(session_kind: str) -> set[str] | None:
    """The FX session retakes only FX results (seed 004); other retake sittings take every debt."""
    return {"fx"} if session_kind == SessionKind.FX.value else None


# Promotion that holds debtors back -------------------------------------------------------------------

@dataclass
class PromotionPlan:
    promoted: list[int]
    kept_back: list[tuple[int, str, str, list[Debt]]]  # (student id, name, group, debts)
    group_ids: list[int]
    max_debts: int


def promotion_plan(session: Session, group_ids: list[int], max_debts: int | None = None) -> PromotionPlan:
    """Who of the groups' studying students goes up a course and who stays back (more open debts than
    the faculty allows)."""
    if max_debts is None:
        max_debts = int(settings.get(session, "results.max_debts"))
    students = session.execute(select(Student.id, Student.last_name, Student.first_name, Student.patronymic,
                                      Group.name)
                               .join(Group, Group.id == Student.group_id)
                               .where(Student.group_id.in_(group_ids),
                                      Student.status == StudentStatus.STUDYING.value)).all()
    ids = [s.id for s in students]
    debts: dict[int, list[Debt]] = defaultdict(list)
    for d in open_debts(session, student_ids=ids) if ids else []:
        debts[d.student_id].append(d)
    promoted, kept = [], []
    for s in sorted(students, key=lambda x: (x[4], student_sort_key(x[1], x[2], x[3]))):
        if len(debts[s.id]) > max_debts:
            kept.append((s.id, " ".join(p for p in (s[1], s[2], s[3]) if p), s[4], debts[s.id]))
        else:
            promoted.append(s.id)
    return PromotionPlan(promoted, kept, list(group_ids), max_debts)


def promote(session: Session, plan: PromotionPlan, order: Order) -> tuple[list[int], list[int]]:
    """One order: every group's course goes up and the students of ``plan.promoted`` move with it;
    the kept-back stay on their course (their repeat-year or expulsion order comes from the same
    list). Returns (movement ids, group ids) for :func:`movements.undo_promotion`."""
    groups = list(session.scalars(select(Group).where(Group.id.in_(plan.group_ids))))
    too_high = [g.name for g in groups if g.course >= 6]
    if too_high:
        raise DomainError(_("Groups already in the 6th course cannot be promoted: {groups}.").format(
            groups=", ".join(too_high)))
    for g in groups:
        g.course += 1
    session.flush()
    movement_ids = apply_movement(session, plan.promoted, MovementKind.PROMOTION, order) if plan.promoted else []
    return movement_ids, [g.id for g in groups]


def kept_back_order(session: Session, plan: PromotionPlan, kind: str, order: Order, *,
                    group_id: int | None = None, reason: str = "") -> list[int]:
    """The repeat-year or expulsion order of the kept-back students (their debts are the ground)."""
    kind = MovementKind(kind)
    if kind not in (MovementKind.REPEAT_YEAR, MovementKind.EXPULSION):
        raise DomainError(_("Kept-back students get a repeat-year or an expulsion order."))
    ids = [k[0] for k in plan.kept_back]
    if not reason:
        reason = _("Academic debts beyond the allowed number ({n})").format(n=plan.max_debts)
    return apply_movement(session, ids, kind, order, group_id=group_id, reason=reason)


def set_grading(session: Session, scale: str, kg_thresholds, max_debts: int) -> tuple[str, list[int], int]:
    """The faculty's scale ("" = its country's), the Kyrgyz thresholds and the debts allowed at promotion,
    checked first; returns the old values (undo). Sheets already issued keep the scale they were issued with."""
    grading.kg_scale(kg_thresholds)
    if int(max_debts) < 0:
        raise DomainError(_("The number of debts allowed cannot be negative."))
    old = (settings.get(session, "grading.scale"), settings.get(session, "grading.kg_thresholds"),
           settings.get(session, "results.max_debts"))
    settings.put(session, "grading.scale", scale)
    settings.put(session, "grading.kg_thresholds", [int(t) for t in kg_thresholds])
    settings.put(session, "results.max_debts", int(max_debts))
    session.flush()
    return old


# Operations (undoable, models/operations.py) ------------------------------------------------------
def promote_op(session: Session, group_ids: list[int], order: Order):
    """Promote the groups (students with too many open debts stay back); undo takes the order back
    and the groups down a course, redo plans and promotes again."""
    from desktop.models.movements import undo_promotion

    made, groups = promote(session, promotion_plan(session, group_ids), order)
    changes = Change.STUDENTS | Change.GROUPS
    return Outcome((made, groups), undo_by(bind(undo_promotion, made, groups), bind(promote_op, group_ids, order),
                                           changes), changes)
