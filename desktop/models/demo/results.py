"""Demo session results: the winter session's grade sheets issued and filled with a realistic spread
(most pass, a few top grades short, some FX / failing, a few absent), so debts and the summary show."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from desktop.models import grading
from desktop.models.demo import DemoContext
from desktop.models.exams import ExamSession
from desktop.models.results import ExamResult, GradeSheet, issue_sheets, scale_for


def fill(session, sheet_ids: list[int], rng, on: dt.date) -> int:
    """Random results on these sheets (Core updates: the demo and the benchmark fill thousands)."""
    rows = []
    for sheet_id, scale_key, control in session.execute(select(GradeSheet.id, GradeSheet.scale, GradeSheet.control)
                                                        .where(GradeSheet.id.in_(sheet_ids))):
        scale = scale_for(session, scale_key)
        for (rid,) in session.execute(select(ExamResult.id).where(ExamResult.sheet_id == sheet_id)):
            roll = rng.random()
            kw: dict = {}
            if roll < 0.04:
                kw["mark"] = "absent"
            elif not scale.uses_points:
                kw["grade"] = rng.choices(["5", "4", "3", "2"], [25, 40, 27, 8])[0]
                if control == grading.Control.PASS_FAIL.value:
                    kw["grade"] = "fail" if kw["grade"] == "2" else "pass"
            else:
                kw["points"] = float(min(100, max(0, round(rng.gauss(80, 10)))))
                if scale.rating_weight is not None:
                    kw["rating"] = float(min(100, max(35, round(rng.gauss(75, 12)))))
            o = grading.evaluate(scale, control, **kw)
            rows.append({"rid": rid, "rating": kw.get("rating"), "points": kw.get("points"), "score": o.score,
                         "letter": o.letter, "gpa": o.gpa, "grade": o.grade, "mark": o.mark, "passed": o.passed,
                         "entered_on": on})
    if rows:
        from sqlalchemy import bindparam

        t = ExamResult.__table__
        statement = update(t).where(t.c.id == bindparam("rid")).values(
            rating=bindparam("rating"), points=bindparam("points"), score=bindparam("score"),
            letter=bindparam("letter"), gpa=bindparam("gpa"), grade=bindparam("grade"), mark=bindparam("mark"),
            passed=bindparam("passed"), entered_on=bindparam("entered_on"))
        session.execute(statement.execution_options(synchronize_session=False), rows)
    return len(rows)


def build(ctx: DemoContext) -> None:
    s = ctx.session
    session_id = ctx.made.get("exam_session")
    if session_id is None:
        return
    start = s.scalar(select(ExamSession.start_date).where(ExamSession.id == session_id))
    assert start is not None  # the session the demo made just before
    sheets = issue_sheets(s, session_id, start - dt.timedelta(days=3))
    n = fill(s, sheets, ctx.rng, start + dt.timedelta(days=30))
    ctx.summary.append(f"session results: {len(sheets)} grade sheets, {n} results")
