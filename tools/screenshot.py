"""Render the README screenshot: a demo faculty in the main window, offscreen.

    python tools/screenshot.py [resources/screenshot.png] [--lang ky] [--area students]
    python tools/screenshot.py --help-pictures   # the user guide's pictures, every language

``--help-pictures`` writes ``resources/help/<lang>/img/<area>.jpg`` for the areas the guide shows,
from a live demo of that language's country, so the guide follows the interface.
    python tools/screenshot.py OUTDIR --lang ky,kk,ru --area all --size 1366x768,1920x1080
        (every area in every language at every size: OUTDIR/<area>-<lang>-<width>.png)
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
    parser.add_argument("--help-pictures", action="store_true", help="the user guide's pictures")
    parser.add_argument("--size", default="1360x820", help="WxH, or several separated by commas")
    args = parser.parse_args()
    if args.help_pictures:
        return help_pictures()
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
    import time

    from desktop.views.areas import AREAS

    langs = args.lang.split(",")
    areas = [a.key for a in AREAS] if args.area == "all" else [args.area] if args.area else [""]
    sizes = [tuple(int(v) for v in size.split("x")) for size in args.size.split(",")]
    many = len(langs) * len(areas) * len(sizes) > 1
    if many:
        Path(args.output).mkdir(parents=True, exist_ok=True)
    for lang in langs:
        i18n.set_language(lang)
        window = MainWindow(db)
        for width, height in sizes:
            window.resize(width, height)
            window.show()
            for area in areas:
                if area:
                    window.show_area(area)
                deadline = time.monotonic() + 10
                app.processEvents()
                window.grab()  # the first paint: a long list then loads the rest
                while getattr(window.current_page(), "loading", False) and time.monotonic() < deadline:
                    app.processEvents()
                for _ in range(5):
                    app.processEvents()
                out = (str(Path(args.output) / f"{area or 'window'}-{lang}-{width}.png") if many
                       else args.output)
                window.grab().save(out)
                print(out)
        window.close()
    return 0


HELP_AREAS = ("today", "students", "workplan", "meetings", "exams", "curators")
HELP_WIDTH = 900


def help_pictures() -> int:
    import datetime as dt

    from PySide6.QtCore import QSettings, Qt

    tmp = Path(tempfile.mkdtemp())
    os.environ["DEKANAT_DATA_DIR"] = str(tmp)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    from desktop import i18n
    from desktop.models.demo import build_demo
    from desktop.models.migrate import open_database
    from desktop.views.app import QtTranslations, make_app
    from desktop.views.main_window import MainWindow

    app = make_app()
    qt = QtTranslations(app)
    root = Path(__file__).resolve().parent.parent / "resources" / "help"
    today = dt.date(2026, 11, 18)  # a Wednesday of the autumn term: every area has something to show
    for lang, country in (("ky", "KG"), ("kk", "KZ"), ("ru", "RU"), ("en", "KG")):
        db = open_database(tmp / f"{lang}.sqlite3")
        build_demo(db, students=150, country=country, today=today)
        i18n.set_language(lang)
        qt.apply(lang)
        window = MainWindow(db, qt_translations=qt)
        window.resize(1366, 768)
        window.show()
        window.page("today").today = today
        for area in HELP_AREAS:
            window.show_area(area)
            for _ in range(20):
                app.processEvents()
            if area == "today":
                window.current_page().refresh()
            out = root / lang / "img" / f"{area}.jpg"
            out.parent.mkdir(parents=True, exist_ok=True)
            (window.grab().scaledToWidth(HELP_WIDTH, Qt.TransformationMode.SmoothTransformation)
             .save(str(out), "JPG", 80))
            print(out)
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
