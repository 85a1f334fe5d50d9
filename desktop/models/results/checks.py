"""``dekanat check``: results that contradict themselves (the rule registers on import)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.check import rule
from desktop.models.results.entities import ExamResult


@rule
def _results_are_consistent(session: Session) -> list[str]:
    """A result is either nothing, a mark, or a grade; "passed" only with a passing grade."""
    problems = []
    r = ExamResult
    q = (select(r.id, r.sheet_id, r.mark, r.grade, r.passed)
         .where(((r.mark != "") & (r.grade != ""))
                | ((r.passed.is_(True)) & ((r.mark != "") | r.grade.in_(("", "2", "fail"))))
                | ((r.passed.is_(False)) & r.grade.in_(("5", "4", "3", "pass")))))
    for rid, sheet_id, mark, grade, passed in session.execute(q):
        problems.append(f"result {rid} on grade sheet {sheet_id}: mark {mark!r}, grade {grade!r} and passed={passed} "
                        f"contradict each other")
    return problems
