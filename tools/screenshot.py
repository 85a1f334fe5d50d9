"""Render the README screenshot: a demo faculty in the main window, offscreen.

    python tools/screenshot.py [resources/screenshot.png] [--lang ky] [--area students]
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
    parser.add_argument("--size", default="1360x820", help="WxH, or several separated by commas")
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


if __name__ == "__main__":
    raise SystemExit(main())
