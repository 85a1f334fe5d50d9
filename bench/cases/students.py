"""Students: the view with N rows (open+paint, filter keystroke), import of a workbook, export to xlsx.

``prepare`` builds the demo database every later module uses (``env.made["demo_db"]``) and an
empty database at the current schema (``env.made["empty_db"]``) as the import's starting point.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import time

from bench.core import Case, Env, Limit, Ratio

IMPORT_HEADER = ["Фамилия", "Имя", "Зачетка", "Группа", "Дата рождения", "Форма оплаты"]
KEYSTROKES = ("а", "ас", "аса", "асан", "ас", "")


def prepare(env: Env) -> None:
    from desktop.models.db import Database
    from desktop.models.demo import build_demo
    from desktop.models.migrate import open_database

    empty = env.tmp / "empty.sqlite3"
    open_database(empty).dispose()
    env.made["empty_db"] = empty
    demo = env.tmp / "demo.sqlite3"
    shutil.copyfile(empty, demo)
    db = Database(demo)
    build_demo(db, students=env.sizes["students"])
    env.made["demo_db"] = demo
    env.made["db"] = db
    env.made["import_xlsx"] = _make_workbook(env, env.sizes["import_rows"])


def _make_workbook(env: Env, rows: int):
    import xlsxwriter

    path = env.tmp / "import.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet()
    ws.write_row(0, 0, IMPORT_HEADER)
    for i in range(rows):
        ws.write_row(i + 1, 0, (f"Фамилия{i}", f"Имя{i}", f"{900000 + i:06d}", f"ГР-{i % 40 + 1}-25",
                                f"0{1 + i % 9}.0{1 + i % 9}.2006", "грант" if i % 3 else "контракт"))
    book.close()
    return path


# The view ------------------------------------------------------------------------------------
def _open_page(env: Env):
    from desktop.views.common.area import AppContext
    from desktop.views.students import StudentsArea

    app = env.qt_app()
    page = StudentsArea(AppContext(env.made["db"]))
    page.retranslate_ui()
    page.resize(1280, 800)
    page.show()
    page.grab()  # the first paint, table rows included
    while page.loading:  # the whole list (the page opens with its first screen, then loads the rest)
        app.processEvents()
    page.grab()
    if page.model.rowCount() != env.sizes["students"]:
        raise RuntimeError(f"the view shows {page.model.rowCount()} students")
    return page


def _close(env: Env, page) -> None:
    page.close()
    page.deleteLater()
    env.qt_app().processEvents()


def view_open(env: Env) -> float:
    start = time.perf_counter()
    page = _open_page(env)
    elapsed = time.perf_counter() - start
    _close(env, page)
    return elapsed


def filter_keystroke(env: Env) -> float:
    """The slowest keystroke of typing a name into the filter and erasing it (filter + repaint)."""
    page = _open_page(env)
    slowest = 0.0
    for text in KEYSTROKES:
        start = time.perf_counter()
        page.search.setText(text)
        page.view.viewport().repaint()
        slowest = max(slowest, time.perf_counter() - start)
    _close(env, page)
    return slowest


# Import --------------------------------------------------------------------------------------
def import_dekanat(env: Env) -> float:
    from desktop.models.db import Database
    from desktop.reports.student_import.writing import import_students

    target = env.tmp / "import.sqlite3"
    shutil.copyfile(env.made["empty_db"], target)
    db = Database(target)
    start = time.perf_counter()
    with db.session() as s:
        plan = import_students(s, env.made["import_xlsx"])
    elapsed = time.perf_counter() - start
    db.dispose()
    if len(plan.new_rows) != env.sizes["import_rows"]:
        raise RuntimeError(f"imported {len(plan.new_rows)} rows")
    return elapsed


def import_floor(env: Env) -> float:
    import openpyxl

    target = env.tmp / "import-floor.sqlite3"
    target.unlink(missing_ok=True)
    start = time.perf_counter()
    wb = openpyxl.load_workbook(env.made["import_xlsx"], read_only=True)
    values = list(wb.worksheets[0].iter_rows(min_row=2, values_only=True))
    wb.close()
    con = sqlite3.connect(target)
    con.execute("CREATE TABLE s (a, b, c, d, e, f)")
    con.executemany("INSERT INTO s VALUES (?, ?, ?, ?, ?, ?)", values)
    con.commit()
    con.close()
    return time.perf_counter() - start


# Export --------------------------------------------------------------------------------------
def export_dekanat(env: Env) -> None:
    """The real export: the query and the styled workbook (as ``dekanat export students``)."""
    from desktop.reports.student_export import export_students_xlsx

    with env.made["db"].session() as s:
        written = export_students_xlsx(s, env.tmp / "export.xlsx", lang="ru")
    if written != env.sizes["students"]:
        raise RuntimeError(f"exported {written} rows")


def export_floor(env: Env) -> float:
    """xlsxwriter constant_memory writing the same cells from rows already in memory."""
    import xlsxwriter

    from desktop.models.students import F, student_rows
    from desktop.reports.student_export import XLSX_COLUMNS

    if "export_rows" not in env.made:
        with env.made["db"].session() as s:
            env.made["export_rows"] = student_rows(s)
    rows = env.made["export_rows"]
    keys = [F[k] for _t, k, _w in XLSX_COLUMNS]
    start = time.perf_counter()
    book = xlsxwriter.Workbook(str(env.tmp / "export-floor.xlsx"), {"constant_memory": True})
    ws = book.add_worksheet()
    for r, row in enumerate(rows, 1):
        for c, k in enumerate(keys):
            v = row[k]
            if isinstance(v, dt.date):
                ws.write_datetime(r, c, dt.datetime(v.year, v.month, v.day))
            elif isinstance(v, int):
                ws.write_number(r, c, v)
            elif v:
                ws.write_string(r, c, v)
    book.close()
    return time.perf_counter() - start


CASES = [
    Case("students view, {students} rows: open + paint", Limit(0.3), view_open),
    Case("students view, {students} rows: filter keystroke", Limit(0.05), filter_keystroke),
    Case("student import, {import_rows} rows xlsx", Ratio(3), import_dekanat, import_floor),
    Case("student export, {students} rows xlsx", Ratio(2), export_dekanat, export_floor),
]
