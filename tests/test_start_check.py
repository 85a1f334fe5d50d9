"""The window's start-up check of its file runs once per state of the file: a file that passed it
and has not changed since is not checked again (start-up speed); any change, a file put in its
place, or a damaged file given back its old modification time, is checked (and refused)."""

import argparse
import os
import shutil
import sqlite3
import time

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.models import backup as backups
from desktop.models import check_stamps
from desktop.views.app import FileCheck, check_store

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def settled(tmp_path, demo_template):
    """A demo file with its log written back and no connection open: as a window finds it."""
    path = tmp_path / "faculty.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


def _check(path, store):
    from desktop.models.db import Database

    db = Database(path)
    try:
        checker = FileCheck(db, store)
        checker.start()
        checker.join()
        assert checker.error is None
        return checker
    finally:
        db.dispose()


def _flip_bytes(path, start_page=2, pages=2, page_size=4096):
    data = bytearray(path.read_bytes())
    for offset in range(page_size * start_page, min(len(data), page_size * (start_page + pages))):
        data[offset] ^= 0xFF
    with open(path, "r+b") as f:  # in place: the same file (inode) and size, as a failing disk leaves it
        f.write(bytes(data))


def test_an_unchanged_file_is_checked_once_and_a_changed_one_again(settled, tmp_path):
    store = tmp_path / "settings" / "checked-files.json"
    assert _check(settled, store).checked
    assert not _check(settled, store).checked  # the same bytes: nothing new to learn
    assert not _check(settled, store).checked
    conn = sqlite3.connect(settled)
    conn.execute("UPDATE staff SET position = 'x' WHERE id = 1")
    conn.commit()
    conn.close()  # the last connection writes the log back into the file
    first = _check(settled, store)
    assert first.checked and first.damaged is None
    assert not _check(settled, store).checked


def test_a_write_still_in_the_log_is_checked(settled, tmp_path):
    store = tmp_path / "checked.json"
    assert _check(settled, store).checked
    keeper = sqlite3.connect(settled)  # stays open: the write stays in the -wal
    keeper.execute("PRAGMA journal_mode=WAL")
    keeper.execute("PRAGMA wal_autocheckpoint=0")
    keeper.execute("UPDATE staff SET position = 'y' WHERE id = 1")
    keeper.commit()
    try:
        assert os.path.getsize(f"{settled}-wal") > 0
        assert _check(settled, store).checked
    finally:
        keeper.close()


def test_a_file_damaged_after_its_check_is_caught_though_its_time_and_size_are_the_old_ones(settled, tmp_path):
    store = tmp_path / "checked.json"
    good = _backup(settled)
    assert _check(settled, store).checked
    before = settled.stat()
    _flip_bytes(settled)
    os.utime(settled, ns=(before.st_atime_ns, before.st_mtime_ns))  # the old modification time back
    after = settled.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    checker = _check(settled, store)
    assert checker.checked
    assert checker.damaged is not None and checker.damaged.damaged.name == "faculty.sqlite3.damaged"
    assert checker.damaged.backup[1] == good


def test_another_file_put_in_its_place_is_checked(settled, tmp_path, demo_template):
    store = tmp_path / "checked.json"
    assert _check(settled, store).checked
    shutil.copy2(demo_template, tmp_path / "other.sqlite3")  # the same bytes and modification time
    os.replace(tmp_path / "other.sqlite3", settled)
    assert _check(settled, store).checked


def test_a_lost_or_garbled_store_means_a_check(settled, tmp_path):
    store = tmp_path / "checked.json"
    assert _check(settled, store).checked
    store.write_text("{not json", encoding="utf-8")
    assert _check(settled, store).checked
    assert not _check(settled, store).checked  # and the store is whole again
    store.unlink()
    assert _check(settled, store).checked
    assert _check(settled, None).checked  # no store at all: every start checks


def test_a_journal_left_by_a_crash_is_never_skipped(settled, tmp_path):
    store = tmp_path / "checked.json"
    assert _check(settled, store).checked
    journal = settled.with_name(settled.name + "-journal")
    journal.write_bytes(b"\0" * 512)
    assert check_stamps.file_stamp(settled) is None
    journal.unlink()
    assert check_stamps.file_stamp(settled) is not None


def test_the_store_keeps_the_files_checked_last(tmp_path):
    store = tmp_path / "checked.json"
    files = []
    for n in range(check_stamps.KEPT + 3):
        path = tmp_path / f"f{n}.sqlite3"
        path.write_bytes(b"x" * 100)
        files.append(path)
        check_stamps.remember_passed(store, path, check_stamps.file_stamp(path))
    kept = [check_stamps.passed_unchanged(store, p, check_stamps.file_stamp(p)) for p in files]
    assert kept == [False] * 3 + [True] * check_stamps.KEPT


def test_the_window_start_skips_the_check_of_a_file_it_checked_and_refuses_it_once_damaged(
        qtbot, settled, monkeypatch):
    """Through the real start (``start_window``): the second start of an unchanged file runs no
    quick_check; the same file damaged in place (its old modification time set back) is set aside
    before the window opens, and the newest good backup is offered."""
    import sys

    from desktop.views.app import start_window

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_window installs its own
    checks = []
    real_check = backups.startup_check
    monkeypatch.setattr(backups, "startup_check", lambda path, **kw: checks.append(path) or real_check(path, **kw))

    def start():
        started = start_window(argparse.Namespace(database=str(settled), lang="en"))
        assert not isinstance(started, int)
        _app, window, lock = started
        qtbot.addWidget(window)
        window.close()
        window.db.dispose()
        lock.release()
        return window

    start()
    assert checks == [settled]
    assert check_store().is_file()
    start()
    assert checks == [settled]  # not checked again
    before = settled.stat()
    _flip_bytes(settled)
    os.utime(settled, ns=(before.st_atime_ns, before.st_mtime_ns))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    window = start()
    assert len(asked) == 1 and asked[0].startswith(
        f"The database file is damaged. It was set aside as {settled}.damaged")
    assert settled.with_name("faculty.sqlite3.damaged").exists()
    # the backup the first start made, put in its place: another file, so it was checked in turn
    assert checks == [settled] * 3
    assert window.db.path == settled and window.windowTitle()


def _backup(path):
    from desktop.models.db import Database

    db = Database(path)
    try:
        return backups.make_backup(db)
    finally:
        db.dispose()


def test_an_unchanged_file_is_checked_again_a_week_after_its_last_check(settled, tmp_path):
    """A decaying disk changes no stamp: a skip lasts a week from the last check that ran."""
    store = tmp_path / "checked.json"
    stamp = check_stamps.file_stamp(settled)
    checked_at = 1_800_000_000.0  # pinned, not the clock
    check_stamps.remember_passed(store, settled, stamp, now=checked_at)
    day = 24 * 3600
    assert check_stamps.passed_unchanged(store, settled, stamp, now=checked_at + 6 * day)
    assert not check_stamps.passed_unchanged(store, settled, stamp, now=checked_at + 7 * day)
    assert not check_stamps.passed_unchanged(store, settled, stamp, now=checked_at - day)  # a clock set back
    assert not check_stamps.passed_unchanged(store, settled, stamp[:-1] + [stamp[-1] + 1], now=checked_at + day)
    check_stamps.remember_passed(store, settled, stamp, now=time.time() - 8 * day)  # eight days before now
    assert _check(settled, store).checked  # the real start's check runs again, and is the newest now
    assert not _check(settled, store).checked
