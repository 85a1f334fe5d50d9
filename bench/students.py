"""Benchmark of the students issue: ratios against the bare libraries, measured in the same run.

    python bench/students.py [--students 20000] [--rows 10000]

Prints: view open+paint and one filter keystroke with N students; import of a 10,000-row
workbook against openpyxl read-only + sqlite3 executemany; export of N rows against
xlsxwriter constant_memory; the window's peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def make_workbook(path: Path, rows: int) -> list[tuple]:
    import xlsxwriter

    data = [(f"Фамилия{i}", f"Имя{i}", f"{900000 + i:06d}", f"ГР-{i % 40 + 1}-25", f"0{1 + i % 9}.0{1 + i % 9}.2006",
             "грант" if i % 3 else "контракт") for i in range(rows)]
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet()
    ws.write_row(0, 0, ["Фамилия", "Имя", "Зачетка", "Группа", "Дата рождения", "Форма оплаты"])
    for r, row in enumerate(data, 1):
        ws.write_row(r, 0, row)
    book.close()
    return data


def bench_import(tmp: Path, rows: int, template: Path) -> None:
    from desktop.models.db import Database
    from desktop.reports.student_import_plan import import_students

    path = tmp / "import.xlsx"
    make_workbook(path, rows)

    def floor():
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True)
        values = [r for r in wb.worksheets[0].iter_rows(min_row=2, values_only=True)]
        wb.close()
        con = sqlite3.connect(tmp / "floor.sqlite3")
        con.execute("CREATE TABLE IF NOT EXISTS s (a, b, c, d, e, f)")
        con.executemany("INSERT INTO s VALUES (?, ?, ?, ?, ?, ?)", values)
        con.commit()
        con.close()

    t_floor, _r = timed(floor)
    target = tmp / "import.sqlite3"
    shutil.copyfile(template, target)
    db = Database(target)

    def ours():
        with db.session() as s:
            import_students(s, path)

    t_ours, _r = timed(ours)
    db.dispose()
    print(f"import {rows} rows: {t_ours:.2f} s, floor {t_floor:.2f} s, ratio {t_ours / t_floor:.2f} (target ≤ 3)")


def bench_export(tmp: Path, db) -> None:
    import datetime as dt

    import xlsxwriter

    from desktop.models.students import student_rows
    from desktop.reports.student_export import XLSX_COLUMNS, export_students_xlsx

    with db.session() as s:
        rows = student_rows(s)

        def floor():
            from desktop.models.students import F

            book = xlsxwriter.Workbook(str(tmp / "floor.xlsx"), {"constant_memory": True})
            ws = book.add_worksheet()
            keys = [F[k] for _t, k, _w in XLSX_COLUMNS]
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

        t_floor, _r = timed(floor)
        t_ours, _r = timed(lambda: export_students_xlsx(s, tmp / "ours.xlsx", lang="ru", rows=rows))
    print(f"export {len(rows)} rows: {t_ours:.2f} s, floor {t_floor:.2f} s, ratio {t_ours / t_floor:.2f} (target ≤ 2)")


def bench_view(db) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from desktop.views.common.area import AppContext
    from desktop.views.students import StudentsArea

    t = time.perf_counter()
    page = StudentsArea(AppContext(db))
    page.resize(1300, 800)
    page.show()
    page.grab()
    app.processEvents()
    t_open = time.perf_counter() - t
    times = []
    for text in ("а", "ас", "аса", "асан", "ас"):
        t = time.perf_counter()
        page.search.setText(text)
        page.view.viewport().repaint()
        times.append(time.perf_counter() - t)
    print(f"view with {len(page.model.rows)} students: open+paint {t_open * 1000:.0f} ms (target ≤ 300), "
          f"filter keystroke max {max(times) * 1000:.0f} ms (target ≤ 50)")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (target < 400)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=20000)
    parser.add_argument("--rows", type=int, default=10000)
    args = parser.parse_args()
    from desktop.models.db import Database
    from desktop.models.demo import build_demo
    from desktop.models.migrate import open_database

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        template = tmp / "empty.sqlite3"
        open_database(template).dispose()
        bench_import(tmp, args.rows, template)
        demo = tmp / "demo.sqlite3"
        shutil.copyfile(template, demo)
        db = Database(demo)
        t, _r = timed(lambda: build_demo(db, students=args.students))
        print(f"demo with {args.students} students: {t:.2f} s")
        bench_export(tmp, db)
        bench_view(db)
        db.dispose()


if __name__ == "__main__":
    main()
