"""Opening the work plan editor with a 300-item plan and painting it once (issue 4 target: 200 ms).

Run: QT_QPA_PLATFORM=offscreen python bench/workplan_open.py [--profile]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_db(path: str, items: int = 300):
    from desktop.models import workplan as wp
    from desktop.models.db import Database
    from desktop.models.migrate import upgrade

    db = Database(path)
    upgrade(db, backup=False)
    kinds = [{"kind": "months", "months": [[2025, 9], [2025, 10]]}, {"kind": "weekly", "weekdays": [0, 3]},
             {"kind": "dates", "start": "2025-09-16", "end": "2025-09-23"}, {"kind": "year_round"},
             {"kind": "event", "events": ["after_winter_session"]}, {"kind": "text", "text": "Графикке ылайык"}]
    with db.session() as s:
        plan = wp.create_standard_plan(s, "2025-2026")
        sections = [sec.id for sec in plan.sections]
        for n in range(items):
            wp.add_item(s, sections[n % len(sections)], f"Иш-чара №{n}: өңүгүү, ұйымдастыру және тексеру " * 2,
                        deadline=kinds[n % len(kinds)], responsible="Деканат, каф. башчылары, кураторлор",
                        status=("planned", "done", "in_progress")[n % 3])
    return db


def open_page(db):
    from PySide6.QtWidgets import QApplication

    from desktop.views.common.area import AppContext
    from desktop.views.workplan import WorkPlanArea

    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    page = WorkPlanArea(AppContext(db))
    page.retranslate_ui()
    page.resize(1280, 800)
    page.show()
    page.grab()  # the first paint
    elapsed = time.perf_counter() - start
    page.close()
    page.deleteLater()
    app.processEvents()
    return elapsed


def main():
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DEKANAT_DATA_DIR"] = tmp
        db = make_db(os.path.join(tmp, "bench.sqlite3"))
        open_page(db)  # warm-up: imports, fonts
        if "--profile" in sys.argv:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
            open_page(db)
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
        times = sorted(open_page(db) for _ in range(5))
        print(f"open + first paint, 300 items: median {times[2] * 1000:.0f} ms (min {times[0] * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
