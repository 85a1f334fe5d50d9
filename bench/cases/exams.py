"""Exam sessions: a synthetic session of ``env.sizes["exams"]`` exams (a large university).

- the full conflict check, absolute (an interactive limit: it runs on every edit);
- the matrix Excel export against xlsxwriter ``constant_memory`` writing the same cells
  (the same sheets, group titles, day labels and cell texts, made before the clock starts);
- the paint of one screen of the matrix view, absolute; and the same with every cell holding
  three exams (the same number of exams on a third of the cells: rows three times as tall,
  three wrapped entries per cell).
"""

from __future__ import annotations

import time

from bench.core import Case, Env, Limit, Ratio


def prepare(env: Env) -> None:
    from desktop.models.demo.exams import build_large_session
    from desktop.models.exam_conflicts import rules_for
    from desktop.models.exam_schedule import load_schedule

    db = env.made["db"]
    with db.session() as s:
        session_id = build_large_session(s, n_exams=env.sizes["exams"])
    with db.session() as s:
        schedule = load_schedule(s, session_id)
        env.made["exam_schedule"] = schedule
        env.made["exam_rules"] = rules_for(s, schedule)
    if len(schedule.exams) != env.sizes["exams"]:
        raise RuntimeError(f"the session holds {len(schedule.exams)} exams")


def check(env: Env) -> None:
    from desktop.models.exam_conflicts import find_conflicts

    find_conflicts(env.made["exam_schedule"], env.made["exam_rules"])


def matrix_xlsx(env: Env) -> None:
    from desktop.reports.exam_xlsx import session_xlsx

    session_xlsx(env.tmp / "exams.xlsx", env.made["exam_schedule"], "ru", "matrix", "course")


def matrix_floor(env: Env) -> float:
    import xlsxwriter

    from desktop.i18n import translator
    from desktop.reports import exam_layout as L

    schedule = env.made["exam_schedule"]
    if "exam_layout" not in env.made:
        tr = translator("ru")
        env.made["exam_layout"] = [
            (sheet.title, [schedule.groups[g].name for g in sheet.group_ids],
             [(L.day_label(row.day, tr), row.blocks) for row in L.matrix(schedule, sheet.group_ids)])
            for sheet in L.sheets(schedule, "course", tr)]
    layout = env.made["exam_layout"]
    start = time.perf_counter()
    wb = xlsxwriter.Workbook(str(env.tmp / "exams-floor.xlsx"), {"constant_memory": True})
    f = wb.add_format({"border": 1, "text_wrap": True})
    for title, names, rows in layout:
        ws = wb.add_worksheet(title)
        for c, name in enumerate(names):
            ws.write_string(4, c + 1, name, f)
        for r, (day, blocks) in enumerate(rows, start=5):
            ws.write_string(r, 0, day, f)
            for a, _b, text in blocks:
                ws.write_string(r, a + 1, text, f)
    wb.close()
    return time.perf_counter() - start


def matrix_paint(env: Env) -> float:
    """The slowest paint of one screen while scrolling across the matrix."""
    from desktop.views.common.area import AppContext
    from desktop.views.exams import ExamsArea

    app = env.qt_app()
    schedule = env.made["exam_schedule"]
    if "exam_page" not in env.made:
        page = ExamsArea(AppContext(env.made["db"]))
        page.resize(1600, 1000)
        page.year.setCurrentIndex(page.year.findText(schedule.year))
        page._reload()
        page.show()
        app.processEvents()
        env.made["exam_page"] = page
    page = env.made["exam_page"]
    worst = 0.0
    for i in range(10):
        page.grid.horizontalScrollBar().setValue(i * 900)
        start = time.perf_counter()
        page.grid.viewport().repaint()
        worst = max(worst, time.perf_counter() - start)
    return worst


def matrix_paint_crowded(env: Env) -> float:
    """As ``matrix_paint``, the session's exams packed three to a cell (same exam count)."""
    import dataclasses

    from desktop.views.common.area import AppContext
    from desktop.views.exams import ExamsArea

    app = env.qt_app()
    schedule = env.made["exam_schedule"]
    if "exam_page_crowded" not in env.made:
        page = ExamsArea(AppContext(env.made["db"]))
        page.resize(1600, 1000)
        page.year.setCurrentIndex(page.year.findText(schedule.year))
        page._reload()
        third = page.schedule.exams[: len(page.schedule.exams) // 3]
        page.schedule.exams = [dataclasses.replace(e, id=e.id + 10**7 * k, start=e.start + 40 * k)
                               for e in third for k in range(3)]
        page.conflicts = []
        page._show()
        page.show()
        app.processEvents()
        env.made["exam_page_crowded"] = page
    page = env.made["exam_page_crowded"]
    worst = 0.0
    for i in range(10):
        page.grid.horizontalScrollBar().setValue(i * 900)
        page.grid.verticalScrollBar().setValue(i * 120)
        start = time.perf_counter()
        page.grid.viewport().repaint()
        worst = max(worst, time.perf_counter() - start)
    return worst


CASES = [
    Case("exam conflict check, {exams} exams", Limit(0.2), check),
    Case("exam matrix xlsx, {exams} exams", Ratio(2), matrix_xlsx, matrix_floor),
    Case("exam matrix view, {exams} exams: paint of one screen", Limit(0.03), matrix_paint),
    Case("exam matrix view, {exams} exams three to a cell: paint of one screen", Limit(0.03), matrix_paint_crowded),
]
