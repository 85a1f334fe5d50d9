"""Migrations, newer-database refusal, SQLite settings, backups and restore."""

import datetime as dt
import os
import sqlite3
import stat

import pytest
from sqlalchemy import func, select, text

from desktop.models import backup as backups
from desktop.models.contingent import Student
from desktop.models.db import Database
from desktop.models.migrate import DatabaseTooNew, current_revision, head_revision, open_database, upgrade


def test_migration_from_empty_to_head(tmp_path):
    db = open_database(tmp_path / "new.sqlite3")
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"faculty", "department", "staff", "programme", "academic_year", "student_group", "student"} <= tables


def test_schema_matches_the_models(db):
    """Every table and column the models declare exists after migrating (no missing migration)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from desktop.models import Base, load_all

    load_all()

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if d[0] in ("add_table", "add_column", "remove_table")] == []


@pytest.mark.sqlite_only
def test_sqlite_connection_settings(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_database_file_is_owner_only(tmp_path):
    db = open_database(tmp_path / "private.sqlite3")
    assert stat.S_IMODE(os.stat(db.path).st_mode) == 0o600


def test_newer_database_is_refused_and_left_untouched(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version of Dekanat"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_migration_takes_a_backup_first(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = Database(path)
    upgrade(db, backup=False, revision="0001")
    with db.session() as s:
        s.execute(text("INSERT INTO faculty (name, university, city) VALUES ('F', '', '')"))
    assert upgrade(db) is True
    found = backups.list_backups(path)
    assert found and "migration" in found[0][1].name


@pytest.mark.sqlite_only
def test_backup_then_restore_keeps_every_row(demo_db, tmp_path):
    with demo_db.session() as s:
        students = s.scalar(select(func.count()).select_from(Student))
        names = s.scalars(select(Student.last_name).order_by(Student.id)).all()
    target = backups.make_backup(demo_db, tmp_path / "copy.sqlite3")
    assert backups.integrity_ok(target)
    with demo_db.session() as s:
        s.execute(text("DELETE FROM student"))
    safety = backups.restore(demo_db, target)
    assert safety.exists()
    db2 = Database(demo_db.path)
    with db2.session() as s:
        assert s.scalar(select(func.count()).select_from(Student)) == students
        assert s.scalars(select(Student.last_name).order_by(Student.id)).all() == names
    # The safety backup holds the state before the restore (no students).
    assert sqlite3.connect(safety).execute("SELECT count(*) FROM student").fetchone()[0] == 0


@pytest.mark.sqlite_only
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_backups_are_owner_only(db):
    target = backups.make_backup(db)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


@pytest.mark.sqlite_only
def test_restore_refuses_a_broken_file(db, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(backups.BackupError):
        backups.restore(db, bad)


def test_rotation_keeps_last_ten_daily_and_monthly():
    now = dt.datetime(2026, 11, 21, 12, 0)
    stamps = [now - dt.timedelta(hours=6 * i) for i in range(4 * 400)]  # every 6 hours for 400 days
    keep = backups.to_keep(stamps)
    assert set(sorted(stamps, reverse=True)[:10]) <= keep
    days = {s.date() for s in keep}
    assert len({now.date() - dt.timedelta(days=i) for i in range(14)} & days) == 14
    # One a month for twelve months: the last backup of each month from December 2025 on, nothing older.
    months = {(s.year, s.month) for s in keep}
    assert months == {(2025, 12)} | {(2026, m) for m in range(1, 12)}
    assert dt.datetime(2025, 12, 31, 18, 0) in keep and dt.datetime(2026, 10, 31, 18, 0) in keep
    # 10 last + 11 more days (21, 20 and 19 November are among the last ten) + 11 more months.
    assert len(keep) == 10 + 11 + 11


@pytest.mark.sqlite_only
def test_rotate_deletes_files_beyond_the_policy(db):
    folder = backups.backup_dir(db.path)
    folder.mkdir(parents=True, exist_ok=True)
    base = dt.datetime(2026, 1, 1, 8, 0)
    for i in range(30):
        stamp = (base + dt.timedelta(minutes=i)).strftime("%Y%m%d-%H%M%S")
        (folder / f"{db.path.stem}-{stamp}.sqlite3").write_bytes(b"x")
    backups.rotate(folder)
    assert len(list(folder.iterdir())) == 10
