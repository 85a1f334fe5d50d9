"""Starting the window: QApplication, translations, the single-instance lock, crash handling."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

# The pure-Python modules of every start come before PySide6. Once imported, PySide6 wraps
# ``__import__`` and reads the source of each module imported after it, looking for
# ``from __feature__ import`` (shibokensupport/feature.py): SQLAlchemy alone starts 0.1 s slower
# when it comes after Qt. The students area's entities come too: it is the first area, the one
# most offices work in, and the largest to load.
import sqlalchemy.dialects.sqlite  # noqa: F401  (the engine loads it when the file opens)

import desktop.logs  # noqa: F401
import desktop.models.backup  # noqa: F401
import desktop.models.check_stamps  # noqa: F401
import desktop.models.db  # noqa: F401
import desktop.models.lock  # noqa: F401
import desktop.models.migrate  # noqa: F401
import desktop.models.settings  # noqa: F401
import desktop.models.students  # noqa: F401

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, ORG_NAME, __version__, i18n, paths
from desktop import dates
from desktop.logs import setup_logging
from desktop.i18n import _

if TYPE_CHECKING:
    from desktop.models.backup import DamagedDatabase

log = logging.getLogger("dekanat")

# Qt has no Kyrgyz catalog; Russian is the closest every Kyrgyz office reads.
QT_CATALOG = {"ky": "ru", "kk": "kk", "ru": "ru"}


class QtTranslations:
    """Qt's own texts (OK, Cancel, Undo %1, the file dialog ...) in the interface language: our
    catalog first (``views/qt_catalog``), then Qt's own catalog of the closest language."""

    def __init__(self, app: QApplication):
        self.app = app
        self.translator: QTranslator | None = None
        self.ours: QTranslator | None = None

    # Every translator any instance installed: one application has one set of Qt texts, so a
    # switch removes them all (a window opened before this one may have installed its own).
    _installed: list[QTranslator] = []

    def apply(self, lang: str) -> bool:
        for old in QtTranslations._installed:
            self.app.removeTranslator(old)
        QtTranslations._installed.clear()
        self.translator = self.ours = None
        catalog = QT_CATALOG.get(lang)
        QLocale.setDefault(QLocale(lang if lang != "en" else "en_GB"))
        if not catalog:
            return True
        ok = self._install_qt(catalog)
        from desktop.views.qt_catalog import CatalogTranslator

        self.ours = CatalogTranslator(lang, self.app)
        self.app.installTranslator(self.ours)  # installed last: asked first
        QtTranslations._installed.append(self.ours)
        return ok

    def _install_qt(self, catalog: str) -> bool:
        translator = QTranslator(self.app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if paths.IS_FROZEN:
            folder = str(paths.root() / "PySide6" / "Qt" / "translations")
        if translator.load(f"qtbase_{catalog}", folder):
            self.app.installTranslator(translator)
            self.translator = translator
            QtTranslations._installed.append(translator)
            return True
        return False


_current_database = ""  # named in fault messages (set when the window opens a database)


def excepthook(exc_type, exc, tb) -> None:
    """Any unhandled exception: log it (type and stack, no data) and tell the user; keep running."""
    from PySide6.QtWidgets import QMessageBox  # its enums load only when a message is shown

    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    from sqlalchemy.orm.exc import StaleDataError

    if issubclass(exc_type, StaleDataError):  # e.g. Undo of an edit someone else changed since
        from desktop.views.common.stale import ask_reload, reload_everything

        log.warning("a write was refused: the record was changed by another install")
        if QApplication.instance() is not None and ask_reload():
            reload_everything()
        return
    from desktop.models.faults import describe_fault, fault_kind

    message = describe_fault(exc, database=_current_database)
    if message is not None:  # an expected fault (read-only file, full disk, busy, server down ...)
        log.warning("a command stopped: %s (%s)", fault_kind(exc), exc_type.__name__)
        if QApplication.instance() is not None:
            QMessageBox.warning(QApplication.activeWindow(), APP_NAME, message)
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
    assert isinstance(app, QApplication)  # a widgets program: any instance already made is a QApplication
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    from desktop.views.common.icons import PROGRAM_SIZES, resource_icon

    app.setWindowIcon(resource_icon("dekanat", PROGRAM_SIZES))
    return app


class InstanceLock:
    """One Dekanat per database file: the window holds the same lock as the command line's writing
    commands (``models/lock.py``); a stale lock left by a crash is taken over."""

    def __init__(self, db_path):
        from desktop.models.lock import DatabaseLock

        self.lock = DatabaseLock(db_path)
        self.path = str(self.lock.path)

    def acquire(self) -> tuple[bool, str]:
        from desktop.models.lock import DatabaseLocked

        try:
            self.lock.acquire()
        except DatabaseLocked as exc:
            return False, str(exc)
        return True, ""

    def release(self) -> None:
        self.lock.release()


def check_file_at_startup(db_path) -> bool:
    """Quick check of the file; a damaged one is set aside and the newest good backup offered.

    Returns False when the user chose to quit.
    """
    from desktop.models.backup import DamagedDatabase, startup_check

    try:
        startup_check(db_path)
        return True
    except DamagedDatabase as exc:
        return offer_backup(exc, db_path)


def offer_backup(exc, db_path) -> bool:
    """The file was set aside as damaged: offer its newest good backup (or start empty)."""
    from PySide6.QtWidgets import QMessageBox  # its enums load only when a message is shown

    from desktop.models.backup import restore_file

    log.error("database failed its start-up check; set aside as %s", exc.damaged.name)
    if exc.backup is None:
        QMessageBox.warning(None, APP_NAME, _(
            "The database file is damaged. It was set aside as {damaged} and no good backup was found; "
            "Dekanat starts with an empty database.").format(damaged=exc.damaged))
        return True
    when, backup = exc.backup
    answer = QMessageBox.question(None, APP_NAME, _(
        "The database file is damaged. It was set aside as {damaged}.\n\n"
        "Restore the newest good backup, made {when}?").format(
            damaged=exc.damaged, when=dates.table_time(when)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if answer == QMessageBox.StandardButton.Yes:
        restore_file(backup, db_path)
    return True


class FileCheck(threading.Thread):
    """The start-up check of the file (``quick_check``) and the start-of-day backup, run on the second
    core while the window is built; the window is shown only after it. No ``foreign_key_check``: the
    window has no use for its list, and on 20,000 students it costs a third of the check (and, on a
    busy machine, the wait for this thread at the end of start-up); ``dekanat check`` reports them.

    A file that passed the check and has not changed since (``models/check_stamps``: the stamps
    are kept in ``store``, beside the user's settings) is not checked again; ``checked`` says
    whether this start ran ``quick_check``."""

    def __init__(self, db, store: Path | None = None):
        super().__init__(name="dekanat-file-check", daemon=True)
        self.db = db
        self.store = store
        self.damaged: DamagedDatabase | None = None
        self.checked = False
        self.error: BaseException | None = None

    def run(self) -> None:
        from desktop.models import check_stamps
        from desktop.models.backup import DamagedDatabase, backup_if_changed, remove_leftovers, startup_check

        try:
            if not self.db.read_only:
                remove_leftovers(self.db.path)
            stamp = check_stamps.file_stamp(self.db.path)  # before the check: a change during it is seen
            if not check_stamps.passed_unchanged(self.store, self.db.path, stamp):
                self.checked = True
                if startup_check(self.db.path, foreign_keys=False) == []:  # a read-only file is not set aside
                    check_stamps.remember_passed(self.store, self.db.path, stamp)
            backup_if_changed(self.db)
        except DamagedDatabase as exc:
            self.damaged = exc
        except BaseException as exc:  # reported in the GUI thread
            self.error = exc


def check_store() -> Path:
    """Where the stamps of files that passed the start-up check are kept: beside the settings."""
    from desktop.views import settings as ui_settings

    return Path(ui_settings.qsettings().fileName()).with_name("checked-files.json")


def show_read_only(window, db) -> None:
    """A read-only file (or folder): the title and the status bar say so; reading, printing and
    exports work, and any change is refused by the file with its own message."""
    from PySide6.QtWidgets import QAbstractItemView, QLabel

    window.setWindowTitle(f"{window.windowTitle()} — {_('read-only')}")
    for view in window.findChildren(QAbstractItemView):  # no in-place editing of tables and trees
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    window.apply_read_only()  # no writing command, on the pages built now and those built later
    label = QLabel(_("Read-only: {db}. Changes cannot be saved; reading, printing and exports work.").format(
        db=db.display_name))
    label.setObjectName("readOnlyNotice")
    window.statusBar().addPermanentWidget(label)


def _stop(message: str) -> None:
    """Why the window does not open, in a message box (QMessageBox loads only then: its enums
    cost start-up time)."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, APP_NAME, message)


def start_window(args) -> tuple[QApplication, object, InstanceLock | None] | int:
    """Everything up to a shown main window: the application, the lock, the file checks, the window.

    Returns (app, window, lock), or an exit code when start-up stopped (the user was told why).
    ``desktop.cli.open_window`` calls it, for ``dekanat`` and the start-up benchmark alike.
    """
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

    from desktop.models.base import DomainError
    from desktop.models.db import Database, database_url
    from desktop.models.migrate import DatabaseTooNew, needs_upgrade, upgrade

    url = database_url(args.database)
    db_path = Database.path_of(url)
    lock = None
    if db_path is not None:
        from desktop.models.backup import UnusableDatabase, check_database_path
        from desktop.models.db import is_read_only

        try:
            check_database_path(db_path, creating=True)  # a new file is the set-up wizard's
        except UnusableDatabase as exc:
            _stop(str(exc))
            return 1
    if db_path is not None and not is_read_only(db_path):  # nothing can be written to a read-only file
        lock = InstanceLock(db_path)
        ok, message = lock.acquire()
        if not ok:
            _stop(message)
            return 1
    from desktop.views.main_window import MainWindow

    for _attempt in range(2):
        db = Database(url)
        checker = None
        if db.path is not None and db.path.stat().st_size > 0:
            checker = FileCheck(db, check_store())
            checker.start()
        try:
            if needs_upgrade(db):  # a migration writes: the file must pass its check first
                if checker:
                    checker.join()
                if not (checker and checker.damaged):
                    upgrade(db)
            window = None
            if not (checker and checker.damaged):
                try:
                    window = MainWindow(db, qt_translations=qt_tr)
                except Exception:
                    if checker is None:
                        raise
                    checker.join()
                    if not checker.damaged:
                        raise
        except (DatabaseTooNew, DomainError) as exc:  # too new; read-only and in need of an upgrade
            if checker:
                checker.join()
            _stop(str(exc))
            if lock:
                lock.release()
            return 1
        if checker:
            checker.join()
            if checker.error is not None:
                raise checker.error
            if checker.damaged is not None:
                if window is not None:
                    window.close()
                    window.deleteLater()
                db.dispose()
                offer_backup(checker.damaged, db_path)
                continue  # open the restored (or a new, empty) file
        if window is None:  # a new file: nothing to check
            upgrade(db)
            window = MainWindow(db, qt_translations=qt_tr)
        global _current_database
        _current_database = db.display_name
        if db.read_only:
            show_read_only(window, db)
        window.show()
        _offer_setup_when_empty(window, db)
        return app, window, lock
    _stop(_("The database file cannot be opened."))
    if lock:
        lock.release()
    return 1


def _offer_setup_when_empty(window, db) -> None:
    """A database without a faculty opens the set-up assistant once the window is painted."""
    from desktop.models.org import has_faculty

    with db.session() as s:
        empty = not has_faculty(s)
    if empty:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, window.offer_setup)


def run_event_loop(app: QApplication, _window, lock: InstanceLock | None) -> int:
    try:
        return app.exec()
    finally:
        if lock:
            lock.release()
