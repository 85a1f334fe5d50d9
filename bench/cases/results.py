"""Session results on the demo faculty of ``env.sizes["students"]`` students: the demo's winter session
(sheets issued and filled) plus a summer session of retake-sized sittings, until the database holds
``env.sizes["results"]`` results (120,000 for 20,000 students: a university on one server).

- the debts register of the year and the winter session's summary, absolute (≤ 1 s each);
- a grade sheet opened in the window and painted, absolute (≤ 100 ms);
- the summary's Excel against xlsxwriter writing the same cells (≤ 2×).
"""

from __future__ import annotations

import datetime as dt
import random
import time

from bench.core import Case, Env, Limit, Ratio


def prepare(env: Env) -> None:
    from sqlalchemy import func, insert, select

    from desktop.models.demo import DEMO_YEAR
    from desktop.models.demo.results import fill
    from desktop.models.exams import (
        Exam,
        SessionKind,
        exam_group,
        find_session,
        get_or_create_session,
    )
    from desktop.models.results import ExamResult, issue_sheets

    db = env.made["db"]
    wanted = env.sizes["results"]
    with db.session() as s:
        have = s.scalar(select(func.count()).select_from(ExamResult))
        winter = find_session(s, DEMO_YEAR, SessionKind.WINTER.value)
        env.made["results_session"] = winter
        env.made["results_year"] = DEMO_YEAR
        if have < wanted:
            summer = get_or_create_session(s, DEMO_YEAR, SessionKind.SUMMER.value)
            winter_exams = s.execute(select(Exam.id, Exam.discipline_id, Exam.examiner_id)
                                     .where(Exam.session_id == winter).order_by(Exam.id)).all()
            members = {}
            for eid, gid in s.execute(select(exam_group.c.exam_id, exam_group.c.group_id)):
                members.setdefault(eid, []).append(gid)
            sizes = dict(s.execute(select(ExamResult.group_id, func.count()).group_by(ExamResult.group_id)).all())
            per_exam = max(1, have // max(1, len(winter_exams)))
            rounds = -(-(wanted - have) // (per_exam * max(1, len(winter_exams))))
            day = dt.date(int(DEMO_YEAR[5:]), 6, 1)
            for r in range(rounds):
                for i, (eid, did, examiner) in enumerate(winter_exams):
                    new = s.scalar(insert(Exam).returning(Exam.id), {
                        "session_id": summer, "discipline_id": did, "examiner_id": examiner,
                        "day": day + dt.timedelta(days=(i + r * 3) % 20), "start_minute": 540, "duration": 120,
                        "form": "written"})
                    groups = [g for g in members.get(eid, []) if sizes.get(g)]
                    if groups:
                        s.execute(insert(exam_group), [{"exam_id": new, "group_id": g} for g in groups])
            sheets = issue_sheets(s, summer, day)
            fill(s, sheets, random.Random(21), day + dt.timedelta(days=30))
        env.made["results_count"] = s.scalar(select(func.count()).select_from(ExamResult))
        env.made["results_sheet"] = s.scalar(select(func.min(ExamResult.sheet_id)))


def debts(env: Env) -> None:
    from desktop.models.debts import open_debts

    with env.made["db"].session() as s:
        found = open_debts(s, year=env.made["results_year"])
    if not found:
        raise RuntimeError("no debts in the bench data")


def summary(env: Env) -> None:
    from desktop.models.debts import session_summary

    with env.made["db"].session() as s:
        env.made["results_summary"] = session_summary(s, env.made["results_session"])


def sheet_paint(env: Env) -> float:
    """Open one grade sheet in the results grid and paint it."""
    from desktop.views.common.area import AppContext
    from desktop.views.results import ResultsArea

    app = env.qt_app()
    if "results_page" not in env.made:
        page = ResultsArea(AppContext(env.made["db"]))
        page.resize(1366, 768)
        page.show()
        app.processEvents()
        env.made["results_page"] = page
    page = env.made["results_page"]
    start = time.perf_counter()
    page.open_sheet(env.made["results_sheet"])
    page.grid.viewport().repaint()
    return time.perf_counter() - start


def summary_xlsx(env: Env) -> None:
    from desktop.reports.session_results import summary_xlsx as write

    if "results_summary" not in env.made:
        summary(env)
    write(env.tmp / "summary.xlsx", env.made["results_summary"], "ru")


def summary_floor(env: Env) -> float:
    import xlsxwriter

    from desktop.i18n import translator
    from desktop.reports.session_results import (
        summary_headers,
        summary_rows,
        summary_values,
    )

    if "results_summary" not in env.made:
        summary(env)
    tr = translator("ru")
    rows = [summary_values(r, tr) for r in summary_rows(env.made["results_summary"])]
    headers = summary_headers(tr)
    start = time.perf_counter()
    wb = xlsxwriter.Workbook(str(env.tmp / "summary-floor.xlsx"))
    ws = wb.add_worksheet()
    ws.write_row(2, 0, headers)
    for i, values in enumerate(rows, start=3):
        for c, v in enumerate(values):
            if isinstance(v, str):
                ws.write_string(i, c, v)
            else:
                ws.write_number(i, c, v)
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": ["Sheet1", 3, 9, 2 + len(rows), 9]})
    ws.insert_chart(len(rows) + 4, 0, chart)
    wb.close()
    return time.perf_counter() - start


CASES = [
    Case("results: debts register, {students} students, {results} results", Limit(1.0), debts),
    Case("results: session summary, {students} students", Limit(1.0), summary),
    Case("results: grade sheet opened and painted", Limit(0.1), sheet_paint),
    Case("results: session summary xlsx", Ratio(2), summary_xlsx, summary_floor),
]
