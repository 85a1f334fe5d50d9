"""The results area's table columns: the grade sheets list and the results grid of one sheet, the
debts register, the summary and the orders (columns on the shared ``RecordTableModel``), and the
grid's rows made from a sheet."""

from __future__ import annotations

from typing import Any

from desktop import dates
from desktop.i18n import N_, _
from desktop.models import debts as dm
from desktop.models import grading
from desktop.models import orders as om
from desktop.models import results as rm
from desktop.views.common.tablemodel import Column

ENTRY = "entry"  # the grid's column a result is typed in


def _num(v) -> str:
    return "" if v is None else f"{v:g}"


SHEET_COLUMNS = [
    Column("number", N_("No."), width=50),
    Column("discipline", N_("Discipline"), width=220),
    Column("groups", N_("Groups"), width=150),
    Column("day", N_("Date"), dates.table, width=90),
    Column("examiner", N_("Examiner"), width=130),
    Column("state", N_("Entered"), width=70),
]


def grid_columns(scale: grading.Scale, retake: bool) -> list[Column]:
    cols = [Column("no", N_("No."), width=40), Column("name", N_("Student"), width=240),
            Column("record_book", N_("Record book No"), width=130), Column("group", N_("Group"), width=90)]
    if scale.rating_weight is not None:
        cols.append(Column("rating", N_("Admission rating"), _num, editable=True, width=110))
    title = N_("Exam points") if scale.rating_weight is not None else (N_("Points") if scale.uses_points else
                                                                       N_("Grade"))
    cols.append(Column(ENTRY, title, editable=True, width=100))
    if scale.rating_weight is not None:
        cols.append(Column("score", N_("Final points"), _num, width=90))
    if scale.bands[0].letter:
        cols += [Column("letter", N_("Letter grade"), width=60), Column("gpa", N_("GPA"), _num, width=50)]
    cols.append(Column("result", N_("Result"), lambda v: _(v) if v else "", width=130))
    if retake:
        cols.append(Column("earlier", N_("Earlier result"), width=140))
    return cols


def result_label(o: grading.Outcome) -> str:
    """The English source of the grade or mark (translated where shown)."""
    if o.mark:
        return grading.Mark.labels()[grading.Mark(o.mark)]
    return grading.Grade.labels().get(o.grade, "")


def grid_rows(sheet: rm.Sheet) -> list[dict[str, Any]]:
    """The sheet's rows as the grid's RecordTableModel shows them (its columns by key)."""
    out = []
    for i, r in enumerate(sheet.rows, 1):
        o = r.outcome
        out.append({"id": r.result_id, "no": i, "name": r.name, "record_book": r.record_book, "group": r.group,
                    "rating": r.rating, ENTRY: rm.result_entry_text(r, sheet.scale), "score": o.score,
                    "letter": o.letter, "gpa": o.gpa, "result": result_label(o), "earlier": r.earlier,
                    "passed": o.passed,
                    "entered": o.entered})
    return out


# The register of open debts (``debts.open_debts``), in its order: group, then name.
DEBT_COLUMNS = [
    Column("name", N_("Student"), width=220), Column("record_book", N_("Record book No"), width=100),
    Column("group", N_("Group"), width=90), Column("discipline", N_("Discipline"), width=220),
    Column("session", N_("Session"), width=190),
    Column("kind", N_("Kind of debt"), lambda k: dm.DebtKind(k).label(), width=130),
    Column("result", N_("Result"), width=190),
    Column("retake", N_("Retake date"), dates.table, width=90)]

# The session's summary per group, course and programme (``debts.session_summary``).
SUMMARY_COLUMNS = [
    Column("label", N_("Group"), width=140), Column("course", N_("Course"), width=60),
    Column("programme", N_("Programme"), width=90), Column("students", N_("Students"), width=80),
    Column("sat", N_("Sat"), width=60), Column("passed", N_("Passed"), width=70),
    Column("excellent", N_("Only excellent"), width=100), Column("good", N_("Excellent and good"), width=120),
    Column("with_debts", N_("With debts"), width=90),
    Column("pass_rate", N_("Pass rate, %"), lambda v: f"{v:.1f}", width=100),
    Column("quality_rate", N_("Quality rate, %"), lambda v: f"{v:.1f}", width=110)]

# The orders the results led to (promotion, repeat year, expulsion), one row per order.
ORDER_COLUMNS = [
    Column("number", N_("Order No"), width=100),
    Column("order_date", N_("Order date"), dates.table, width=90),
    Column("kinds", N_("Kind"), lambda ks: ", ".join(om.MovementKind(k).label() for k in ks), width=260),
    Column("students", N_("Students"), width=80)]
