"""Academic debts, the session's summary, retakes drafted from debts, promotion that holds debtors back.

A debt is a failing, absent or not-admitted result that no later result in the same discipline
closes. Per student and discipline the **latest entered result** decides (exam day, then sheet):
failing -> an open debt of that kind; passing -> closed. A later sheet that lists the student
with nothing entered yet is the debt's retake date.

Every query here reads plain columns in a few statements (120,000 results in well under a second).

Modules by job
--------------
``queries`` (the ``Debt`` record, open debts, counts, one student's results), ``summary`` (the
session's summary per group, course and programme), ``promotion`` (retakes drafted from debts,
promotion that holds debtors back, the grading settings, and their operations). Every public name
is importable from this package.
"""

from desktop.models.debts.promotion import (
    PromotionPlan,
    draft_retakes,
    fx_session_kinds,
    kept_back_order,
    promote,
    promote_op,
    promotion_plan,
    set_grading,
    undo_retakes,
)
from desktop.models.debts.queries import (
    MAX_DEBTS,
    Debt,
    DebtKind,
    StudentResult,
    debt_counts,
    open_debts,
    student_results,
)
from desktop.models.debts.summary import Summary, SummaryRow, session_summary

__all__ = [
    "MAX_DEBTS", "Debt", "DebtKind", "PromotionPlan", "StudentResult", "Summary", "SummaryRow", "debt_counts",
    "draft_retakes", "fx_session_kinds", "kept_back_order", "open_debts", "promote", "promote_op",
    "promotion_plan", "session_summary", "set_grading", "student_results", "undo_retakes",
]
