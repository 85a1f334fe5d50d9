"""Render the README screenshot: a demo faculty in the main window, offscreen.

    python tools/screenshot.py [resources/screenshot.png] [--lang ky] [--area students]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output", nargs="?", default="resources/screenshot.png")
    parser.add_argument("--lang", default="ky")
    parser.add_argument("--area", default="")
    parser.add_argument("--students", type=int, default=600)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    os.environ["DEKANAT_DATA_DIR"] = str(tmp)

    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    from desktop import i18n
    from desktop.models.demo import build_demo
    from desktop.models.migrate import open_database
    from desktop.views.app import make_app
    from desktop.views.main_window import MainWindow

    app = make_app()
    db = open_database(tmp / "demo.sqlite3")
    build_demo(db, students=args.students)
    i18n.set_language(args.lang)
    window = MainWindow(db)
    window.resize(1360, 820)
    window.show()
    if args.area:
        window.show_area(args.area)
    import time

    deadline = time.monotonic() + 10
    app.processEvents()
    window.grab()  # the first paint: a long list then loads the rest
    while getattr(window.current_page(), "loading", False) and time.monotonic() < deadline:
        app.processEvents()
    for _ in range(5):
        app.processEvents()
    window.grab().save(args.output)
    print(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
