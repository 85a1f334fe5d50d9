"""The main window: areas, menus, language switch, settings, single instance, crash dialog."""

import logging

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop import i18n
from desktop.views import settings as ui_settings
from desktop.views.app import InstanceLock, excepthook
from desktop.views.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db):
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    w.show()
    return w


def test_window_shows_areas_and_menus(window):
    assert window.menu_file.title() == "&File"
    assert window.area_model.rowCount() >= 1
    assert window.current_page() is not None


def test_every_area_has_its_own_icon_at_both_sizes(window):
    from PySide6.QtCore import QSize, Qt

    from desktop.views.areas import AREAS

    assert len({a.icon for a in AREAS}) == len(AREAS)
    for row in range(window.area_model.rowCount()):
        icon = window.area_model.index(row).data(Qt.ItemDataRole.DecorationRole)
        assert sorted(s.width() for s in icon.availableSizes()) == [20, 40]
        assert not icon.pixmap(QSize(20, 20)).isNull()


def test_language_switch_retranslates_at_once(window):
    window.set_interface_language("ky")
    assert window.menu_file.title() == "&Файл"
    assert window.menu_settings.title() == "&Жөндөөлөр"
    page = window.page("staff")
    assert page.tabs.tabText(0) == "Кызматкерлер"
    assert page.staff.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "Фамилиясы"
    window.set_interface_language("kk")
    assert window.menu_settings.title() == "&Баптаулар"
    assert ui_settings.get(ui_settings.INTERFACE_LANGUAGE) == "kk"


def test_country_and_report_language_are_kept(window, demo_db):
    from desktop.models import settings as model_settings

    window.set_country("KZ")
    with demo_db.session() as s:
        assert model_settings.get(s, "country") == "KZ"
    window.set_report_language("ru")
    assert window.ctx.report_language == "ru"


def test_geometry_is_saved(window, qtbot, demo_db):
    window.resize(700, 500)
    window.close()
    assert ui_settings.get(ui_settings.MAIN_GEOMETRY)
    again = MainWindow(demo_db)
    qtbot.addWidget(again)
    assert again.size().width() == 700


def test_second_instance_is_refused(db_path):
    first = InstanceLock(db_path)
    assert first.acquire()[0]
    second = InstanceLock(db_path)
    ok, message = second.acquire()
    assert not ok
    assert "already open" in message
    first.release()
    assert second.acquire()[0]
    second.release()


def test_stale_lock_after_a_crash_is_taken_over(db_path):
    import socket

    # A lock file as QLockFile writes it, held by a process that no longer exists.
    lock_path = str(db_path) + ".lock"
    with open(lock_path, "w") as fh:
        fh.write(f"999999\npython\n{socket.gethostname()}\n")
    lock = InstanceLock(db_path)
    ok, _message = lock.acquire()
    assert ok
    lock.release()


def test_unhandled_exception_shows_a_dialog_and_is_logged(qtbot, monkeypatch, caplog, window):
    shown = {}
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.setdefault("text", self.text()))
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR):
            excepthook(type(exc), exc, exc.__traceback__)
    assert "boom" in shown["text"]
    assert "RuntimeError" in caplog.text
    assert window.isVisible()


@pytest.mark.parametrize("lang", ["ky", "kk", "ru"])
def test_every_area_fits_a_1366_pixel_screen(qtbot, demo_db, lang):
    from desktop.views.areas import AREAS

    i18n.set_language(lang)
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    w.show()
    for area in AREAS:
        w.page(area.key)
    assert w.minimumSizeHint().width() <= 1366


def test_qt_own_buttons_follow_the_language(qapp):
    from PySide6.QtCore import QCoreApplication

    from desktop.views.app import QtTranslations

    qt = QtTranslations(qapp)
    assert qt.apply("kk")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    assert qt.apply("ky")  # Qt has no Kyrgyz catalog: ours answers (tests/test_qt_texts.py)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Жокко чыгаруу"
    assert qt.apply("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.sqlite_only
def test_open_window_starts_on_a_file_and_gives_the_collector_back(qtbot, demo_db, monkeypatch):
    import gc
    import sys

    from desktop.cli import open_window, window_args

    path = str(demo_db.path)
    demo_db.dispose()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_window installs its own
    try:
        started = open_window(window_args(["--database", path]))
        app, window, lock = started
        qtbot.addWidget(window)
        assert gc.isenabled()
        assert type(window.current_page()).__name__ == "TodayArea"
        assert window.windowTitle() and not app.windowIcon().isNull()
        lock.release()
    finally:
        gc.unfreeze()


@pytest.mark.sqlite_only
def test_start_up_file_check_skips_the_foreign_key_pass(demo_db, monkeypatch):
    """The window's start checks the file with quick_check only: the foreign-key pass costs a third
    of the check on a big faculty and its list is never shown (``dekanat check`` reports it)."""
    import sqlite3

    from desktop.models.backup import startup
    from desktop.views.app import FileCheck

    pragmas: list[str] = []
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(pragmas.append)
        return conn

    monkeypatch.setattr(startup.sqlite3, "connect", connect)
    checker = FileCheck(demo_db)
    checker.start()
    checker.join()
    assert checker.error is None and checker.damaged is None
    assert "PRAGMA quick_check" in pragmas
    assert not [p for p in pragmas if "foreign_key_check" in p]


@pytest.mark.parametrize("had_data", [True, False], ids=["over-data", "over-an-empty-file"])
def test_restore_from_the_window_names_the_safety_copy_or_says_what_was_restored(had_data, qtbot, demo_db,
                                                                                 monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from desktop.models import backup as backups

    if demo_db.path is None:
        pytest.skip("a server database is restored on the server")
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    source = backups.make_backup(demo_db, reason="manual")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    if not had_data:  # restore() made no safety copy: a file with no data has nothing to keep
        real = backups.restore
        monkeypatch.setattr(backups, "restore", lambda db, src: real(db, src) and None)
    w.restore_backup()
    shown = w.statusBar().currentMessage()
    if had_data:
        assert shown.startswith("Restored. The previous data was saved as ")
        assert shown.endswith("-restore.sqlite3")
    else:
        assert shown == f"Restored from {source.name}."
