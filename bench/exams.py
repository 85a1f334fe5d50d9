"""Benchmark of the exam sessions issue, on a synthetic session of N exams (default 5,000).

    python bench/exams.py [--exams 5000]

Prints: the full conflict check (target <= 200 ms); the matrix Excel export against xlsxwriter
``constant_memory`` writing the same cells from a precomputed layout (target <= 2x); the paint
of one screen of the matrix view (target <= 30 ms).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def best(fn, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exams", type=int, default=5000)
    args = parser.parse_args()

    import xlsxwriter

    from desktop.i18n import translator
    from desktop.models.demo.exams import build_large_session
    from desktop.models.exam_conflicts import find_conflicts, rules_for
    from desktop.models.exam_schedule import load_schedule
    from desktop.models.migrate import open_database
    from desktop.reports import exam_layout as L
    from desktop.reports.exam_xlsx import session_xlsx

    tmp = Path(tempfile.mkdtemp())
    db = open_database(tmp / "bench.sqlite3")
    with db.session() as s:
        sid = build_large_session(s, n_exams=args.exams)
    with db.session() as s:
        schedule = load_schedule(s, sid)
        rules = rules_for(s, schedule)
    check = best(lambda: find_conflicts(schedule, rules))
    print(f"conflict check of {len(schedule.exams)} exams: {check * 1000:.1f} ms (target <= 200 ms)")

    tr = translator("ru")
    layout = [(sheet.title, [schedule.groups[g].name for g in sheet.group_ids],
               [(L.day_label(row.day, tr), row.blocks) for row in L.matrix(schedule, sheet.group_ids)])
              for sheet in L.sheets(schedule, "course", tr)]

    def bare():
        wb = xlsxwriter.Workbook(str(tmp / "bare.xlsx"), {"constant_memory": True})
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

    t_bare = best(bare)
    t_ours = best(lambda: session_xlsx(tmp / "ours.xlsx", schedule, "ru", "matrix", "course"))
    print(f"matrix xlsx: {t_ours:.3f} s vs bare xlsxwriter {t_bare:.3f} s = {t_ours / t_bare:.2f}x (target <= 2x)")

    from PySide6.QtWidgets import QApplication

    from desktop.views.common.area import AppContext
    from desktop.views.exams import ExamsArea

    app = QApplication.instance() or QApplication([])
    page = ExamsArea(AppContext(db))
    page.resize(1600, 1000)
    page.year.setCurrentIndex(page.year.findText(schedule.year))
    page._reload()
    page.show()
    app.processEvents()
    paints = []
    for i in range(20):
        page.grid.horizontalScrollBar().setValue(i * 900)
        t = time.perf_counter()
        page.grid.viewport().repaint()
        paints.append(time.perf_counter() - t)
    print(f"matrix view paint of one screen: max {max(paints) * 1000:.1f} ms (target <= 30 ms)")
    db.dispose()


if __name__ == "__main__":
    main()
