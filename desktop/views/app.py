"""Starting the window: QApplication, translations, the single-instance lock, crash handling."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, ORG_NAME, __version__, i18n, paths
from desktop.i18n import _

log = logging.getLogger("dekanat")

# Qt has no Kyrgyz catalog; Russian is the closest every Kyrgyz office reads.
QT_CATALOG = {"ky": "ru", "kk": "kk", "ru": "ru"}


def setup_logging() -> str:
    """Log to a rotating, owner-only file in the user's log folder. Never personal data."""
    path = paths.log_dir() / "dekanat.log"
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)


class QtTranslations:
    """Qt's own button texts (OK, Cancel, Yes ...) in the interface language."""

    def __init__(self, app: QApplication):
        self.app = app
        self.translator: QTranslator | None = None

    def apply(self, lang: str) -> bool:
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
            self.translator = None
        catalog = QT_CATALOG.get(lang)
        QLocale.setDefault(QLocale(lang if lang != "en" else "en_GB"))
        if not catalog:
            return True
        translator = QTranslator(self.app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if paths.IS_FROZEN:
            folder = str(paths.root() / "PySide6" / "Qt" / "translations")
        if translator.load(f"qtbase_{catalog}", folder):
            self.app.installTranslator(translator)
            self.translator = translator
            return True
        return False


def excepthook(exc_type, exc, tb) -> None:
    """Any unhandled exception: log it (type and stack, no data) and tell the user; keep running."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    stack = "".join(traceback.format_tb(tb))
    log.error("unhandled %s.%s\n%s", exc_type.__module__, exc_type.__qualname__, stack)
    app = QApplication.instance()
    if app is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, _("Unexpected error"),
                      _("Something went wrong. Your data was not changed.\n\n{error}").format(
                          error=f"{exc_type.__name__}: {exc}"))
    box.setDetailedText(stack)
    box.exec()


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


class InstanceLock:
    """One Dekanat per database file; a stale lock left by a crash is taken over."""

    def __init__(self, db_path):
        self.path = str(db_path) + ".lock"
        self.lock = QLockFile(self.path)
        self.lock.setStaleLockTime(0)  # stale only when the holder process is gone

    def acquire(self) -> tuple[bool, str]:
        if self.lock.tryLock(200):
            return True, ""
        info = self.lock.getLockInfo()  # (pid, host, app), with a leading bool in some PySide6 versions
        if len(info) == 4:
            ok, pid, host, _app = info
        else:
            pid, host, _app = info
            ok = bool(pid)
        if self.lock.error() == QLockFile.LockError.LockFailedError and ok:
            return False, _("This database is already open in Dekanat (process {pid} on {host}).").format(
                pid=pid, host=host or "?")
        return False, _("The lock file {path} cannot be created.").format(path=self.path)

    def release(self) -> None:
        self.lock.unlock()


def run_gui(args) -> int:
    from desktop.views import settings as ui_settings

    setup_logging()
    app = make_app()
    lang = args.lang or ui_settings.get(ui_settings.INTERFACE_LANGUAGE)
    if lang not in i18n.LANGUAGES:
        lang = i18n.DEFAULT_LANGUAGE
    i18n.set_language(lang)
    qt_tr = QtTranslations(app)
    qt_tr.apply(lang)
    sys.excepthook = excepthook

    from desktop.models.db import Database
    from desktop.models.migrate import DatabaseTooNew, upgrade

    db = Database(args.database)
    lock = None
    if db.path is not None:
        lock = InstanceLock(db.path)
        ok, message = lock.acquire()
        if not ok:
            QMessageBox.critical(None, APP_NAME, message)
            return 1
    try:
        upgrade(db)
    except DatabaseTooNew as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1

    from desktop.views.main_window import MainWindow

    window = MainWindow(db, qt_translations=qt_tr)
    window.show()
    try:
        return app.exec()
    finally:
        if lock:
            lock.release()
