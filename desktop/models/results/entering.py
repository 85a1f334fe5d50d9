"""Entering results: one typed cell, a whole sheet at once, and a filled sheet read back from Excel
(all or nothing); each returns the values it replaced, for undo."""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple, dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import clock
from desktop.i18n import _
from desktop.logs import event_on_commit
from desktop.models import grading
from desktop.models.base import DomainError
from desktop.models.contingent import Student
from desktop.models.results.entities import RESULT_FIELDS, ExamResult, GradeSheet
from desktop.models.results.sheets import SheetRow, scale_for


@dataclass(frozen=True, slots=True)
class ResultValues:
    """A result's entered values (RESULT_FIELDS): what an entry replaced, put back by undo."""

    rating: float | None
    points: float | None
    score: int | None
    letter: str
    gpa: float | None
    grade: str
    mark: str
    passed: bool
    entered_on: dt.date | None


def _snapshot(row: ExamResult) -> ResultValues:
    return ResultValues(*(getattr(row, f) for f in RESULT_FIELDS))


def enter_result(session: Session, result_id: int, *, points: float | None = None, rating: float | None = None,
                 grade: str | None = None, mark: str = "", on: dt.date | None = None) -> ResultValues:
    """Record one result; the scale of the sheet gives letter, GPA and grade. Returns the old values (undo)."""
    row = session.get(ExamResult, result_id)
    if row is None:
        raise DomainError(_("This result no longer exists; reload the sheet."))
    sheet = session.get(GradeSheet, row.sheet_id)
    assert sheet is not None  # a result's sheet (a foreign key)
    scale = scale_for(session, sheet.scale)
    old = _snapshot(row)
    outcome = grading.evaluate(scale, sheet.control, points=points, rating=rating, grade=grade, mark=mark)
    _apply(row, outcome, points, rating, on or clock.today())
    session.flush()
    return old


def _apply(row: ExamResult, outcome: grading.Outcome, points, rating, on: dt.date) -> None:
    row.rating, row.points = rating, points
    row.score, row.letter, row.gpa = outcome.score, outcome.letter, outcome.gpa
    row.grade, row.mark, row.passed = outcome.grade, outcome.mark, outcome.passed
    row.entered_on = on if outcome.entered else None


def enter_text(session: Session, result_id: int, text: str, *, rating: float | None | Literal["keep"] = "keep",
               on: dt.date | None = None) -> ResultValues:
    """What the user typed into the grade cell (points, a grade or a mark); returns the old values."""
    row = session.get(ExamResult, result_id)
    if row is None:
        raise DomainError(_("This result no longer exists; reload the sheet."))
    sheet = session.get(GradeSheet, row.sheet_id)
    assert sheet is not None  # a result's sheet (a foreign key)
    parsed = grading.parse_entry(scale_for(session, sheet.scale), sheet.control, text)
    return enter_result(session, result_id, rating=row.rating if isinstance(rating, str) else rating, on=on, **parsed)


def restore_result(session: Session, result_id: int, old: ResultValues) -> None:
    row = session.get(ExamResult, result_id)
    if row is not None:
        for f, v in zip(RESULT_FIELDS, astuple(old), strict=True):
            setattr(row, f, v)
        session.flush()


def result_entry_text(row: SheetRow, scale: grading.Scale) -> str:
    """What the grade cell holds for editing (the typed value)."""
    if row.outcome.mark:
        return {"absent": "н", "not_admitted": "нд"}[row.outcome.mark]
    if scale.uses_points:
        return "" if row.points is None else f"{row.points:g}"
    return {"pass": "+", "fail": "-"}.get(row.outcome.grade, row.outcome.grade)


def enter_many(session: Session, sheet_id: int, entries: dict[int, grading.RatedEntry], on: dt.date
               ) -> dict[int, ResultValues]:
    """Results of a whole sheet at once (the Excel import): ``entries`` result id -> evaluate() keywords.
    All are checked before any is written; returns old values per result id (undo)."""
    sheet = session.get(GradeSheet, sheet_id)
    assert sheet is not None  # the sheet the entries were read against
    scale = scale_for(session, sheet.scale)
    outcomes = {rid: grading.evaluate(scale, sheet.control, **kw) for rid, kw in entries.items()}
    old: dict[int, ResultValues] = {}
    rows = {r.id: r for r in session.scalars(select(ExamResult).where(ExamResult.sheet_id == sheet_id))}
    for rid, outcome in outcomes.items():
        row = rows[rid]
        old[rid] = _snapshot(row)
        _apply(row, outcome, entries[rid]["points"], entries[rid]["rating"], on)
    session.flush()
    return old


def restore_many(session: Session, old: dict[int, ResultValues]) -> None:
    for rid, values in old.items():
        restore_result(session, rid, values)


# A filled sheet read back (the Excel import): all or nothing -----------------------------------------------

def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def import_filled(session: Session, filled: list, on: dt.date) -> tuple[list[str], dict[int, ResultValues]]:
    """``filled``: objects with ``sheet_id``, ``number``, ``worksheet`` and ``rows`` of (excel row,
    record book, [entered values]). Every row must match a student of the sheet by record-book
    number and every student must be there once; every value must read under the sheet's scale.
    On any problem nothing is written and a DomainError lists each one (worksheet, row, column).
    Returns (one line per sheet of what changed, old values per result id for undo)."""
    problems: list[str] = []
    plans: list[tuple[int, dict[int, grading.RatedEntry], int]] = []
    for f in filled:
        sheet = session.get(GradeSheet, f.sheet_id)
        if sheet is None or sheet.number != f.number:
            problems.append(_("Worksheet “{ws}”: grade sheet No {number} is not in this database.").format(
                ws=f.worksheet, number=f.number))
            continue
        scale = scale_for(session, sheet.scale)
        listed = {book: (rid, sid) for rid, sid, book in session.execute(
            select(ExamResult.id, ExamResult.student_id, Student.record_book)
            .join(Student, Student.id == ExamResult.student_id).where(ExamResult.sheet_id == sheet.id))}
        seen: dict[str, int] = {}
        entries: dict[int, grading.RatedEntry] = {}
        rating_col = scale.rating_weight is not None
        value_title = _("Grade") if not scale.uses_points else (_("Exam points") if rating_col else _("Points"))
        for row_no, book, values in f.rows:
            where = _("Worksheet “{ws}”, row {row}").format(ws=f.worksheet, row=row_no)
            if not book:
                problems.append(_("{where}: the record-book number is empty.").format(where=where))
                continue
            if book in seen:
                problems.append(_("{where}: record book {book} is already on row {other}.").format(
                    where=where, book=book, other=seen[book]))
                continue
            seen[book] = row_no
            if book not in listed:
                problems.append(_("{where}: record book {book} is not on grade sheet No {number}.").format(
                    where=where, book=book, number=sheet.number))
                continue
            rating, text = (values[0], values[1]) if rating_col else (None, values[0])
            column = _("Admission rating")
            try:
                rating_value = None
                if rating_col and _cell_text(rating):
                    try:
                        rating_value = float(_cell_text(rating).replace(",", "."))
                    except ValueError:
                        raise DomainError(_("“{text}” is not a number.").format(text=_cell_text(rating))) from None
                    grading.evaluate(scale, sheet.control, rating=rating_value)
                column = value_title
                parsed = grading.parse_entry(scale, sheet.control, _cell_text(text))
                kw = grading.RatedEntry(points=parsed["points"], grade=parsed["grade"], mark=parsed["mark"],
                                        rating=rating_value)
                grading.evaluate(scale, sheet.control, **kw)
            except DomainError as exc:
                problems.append(_("{where}, column “{column}”: {message}").format(
                    where=where, column=column, message=exc))
                continue
            entries[listed[book][0]] = kw
        # a student without a record book (the column may be empty) is missing too: shown as "—", not a TypeError
        missing = sorted(set(listed) - set(seen), key=lambda b: b or "")
        if missing:
            problems.append(_("Worksheet “{ws}”: the list of students differs from grade sheet No {number}; "
                              "missing record books: {books}. Export the sheet again.").format(
                ws=f.worksheet, number=sheet.number, books=", ".join(b or "—" for b in missing)))
        plans.append((sheet.id, entries, sheet.number))
    if problems:
        raise DomainError("\n".join(problems))
    lines, old = [], {}
    for sheet_id, entries, number in plans:
        old.update(enter_many(session, sheet_id, entries, on))
        entered = sum(1 for kw in entries.values() if kw["points"] is not None or kw["grade"] or kw["mark"])
        lines.append(_("Grade sheet No {number}: {n} results").format(number=number, n=entered))
    event_on_commit(session, "results imported", sheets=len(plans), results=len(old))
    return lines, old

