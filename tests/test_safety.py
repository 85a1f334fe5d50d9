"""Automatic backups and the start-up check of the database file."""

import os
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.models import backup as backups
from desktop.models.db import Database

pytestmark = pytest.mark.sqlite_only


def _flip_bytes(path, start_page=2, pages=2, page_size=4096):
    data = bytearray(path.read_bytes())
    for offset in range(page_size * start_page, min(len(data), page_size * (start_page + pages))):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def _checkpoint(db: Database):
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()


def test_backup_only_when_the_file_changed(demo_db):
    first = backups.backup_if_changed(demo_db)
    assert first is not None
    assert backups.backup_if_changed(demo_db) is None  # nothing changed since
    with demo_db.session() as s:
        s.execute(__import__("sqlalchemy").text("UPDATE staff SET position = 'x' WHERE id = 1"))
    os.utime(demo_db.path)  # mtime resolution on some file systems is coarse
    second = backups.backup_if_changed(demo_db)
    assert second is not None and second != first


def test_sound_file_passes_the_startup_check(demo_db):
    _checkpoint(demo_db)
    assert backups.startup_check(demo_db.path) == []


def test_flipped_bytes_are_caught_and_the_file_set_aside(demo_db):
    good = backups.make_backup(demo_db)
    _checkpoint(demo_db)
    _flip_bytes(demo_db.path)
    with pytest.raises(backups.DamagedDatabase) as caught:
        backups.startup_check(demo_db.path)
    assert caught.value.damaged.exists() and caught.value.damaged.name.endswith(".damaged")
    assert not demo_db.path.exists()
    assert caught.value.backup[1] == good


def test_a_second_damaged_file_never_overwrites_the_first(tmp_path):
    path = tmp_path / "x.sqlite3"
    for content in (b"first broken file" * 300, b"second broken file" * 300):
        path.write_bytes(content)
        with pytest.raises(backups.DamagedDatabase):
            backups.startup_check(path)
    kept = sorted(p.name for p in tmp_path.iterdir() if ".damaged" in p.name)
    assert kept == ["x.sqlite3.damaged", "x.sqlite3.damaged.1"]
    assert (tmp_path / "x.sqlite3.damaged").read_bytes().startswith(b"first")


def test_window_start_offers_the_newest_good_backup(demo_db, monkeypatch, qapp):
    from desktop.views.app import check_file_at_startup

    backups.make_backup(demo_db)
    with demo_db.session() as s:
        students = s.execute(__import__("sqlalchemy").text("SELECT count(*) FROM student")).scalar()
    _checkpoint(demo_db)
    _flip_bytes(demo_db.path)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    assert check_file_at_startup(demo_db.path)
    assert "damaged" in asked[0]
    assert sqlite3.connect(demo_db.path).execute("SELECT count(*) FROM student").fetchone()[0] == students
