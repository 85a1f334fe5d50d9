"""Crash, concurrency and privacy checks of the foundation (issue 10 grows these)."""

import os
import shutil
import sqlite3
import threading

import pytest
from sqlalchemy import text

from desktop import paths
from desktop.models import backup as backups
from desktop.models.db import Database
from desktop.models.migrate import current_revision, head_revision, upgrade

pytestmark = pytest.mark.sqlite_only

BROKEN_MIGRATION = '''
from alembic import op
import sqlalchemy as sa

revision = "9000"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("UPDATE staff SET position = 'changed by a broken migration'")
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("extra", sa.String(10), nullable=True))
    raise RuntimeError("injected failure midway through the migration")


def downgrade():
    pass
'''


def test_failed_migration_leaves_the_old_schema_and_data_and_a_backup(demo_db, tmp_path, monkeypatch):
    scripts = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), scripts)
    (scripts / "versions" / "9000_broken.py").write_text(BROKEN_MIGRATION.format(head=head_revision()))
    monkeypatch.setattr(paths, "migrations_dir", lambda: scripts)
    before = sqlite3.connect(demo_db.path).execute("SELECT id, position FROM staff ORDER BY id").fetchall()
    with pytest.raises(RuntimeError, match="injected failure"):
        upgrade(demo_db)
    conn = sqlite3.connect(demo_db.path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "9000"
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    assert "extra" not in [r[1] for r in conn.execute("PRAGMA table_info(staff)")]
    assert conn.execute("SELECT id, position FROM staff ORDER BY id").fetchall() == before
    assert any("migration" in p.name for _w, p in backups.list_backups(demo_db.path))


def test_backup_taken_while_another_thread_writes_is_sound(demo_db, tmp_path):
    stop = threading.Event()
    written = []

    def writer():
        db = Database(demo_db.path)
        i = 0
        while not stop.is_set() and i < 2000:
            with db.session() as s:
                s.execute(text("INSERT INTO department (faculty_id, name, short_name) VALUES (1, :n, '')"),
                          {"n": f"dep {i}"})
            written.append(i)
            i += 1
        db.dispose()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = [backups.make_backup(demo_db, tmp_path / f"b{i}.sqlite3") for i in range(5)]
    finally:
        stop.set()
        thread.join()
    assert written
    for copy in copies:
        assert backups.integrity_ok(copy)


def test_two_writers_on_one_file_lose_nothing(db):
    n_threads, n_rows = 4, 150
    errors = []

    def writer(k):
        local = Database(db.path)
        try:
            for i in range(n_rows):
                with local.session() as s:
                    s.execute(text("INSERT INTO app_setting (key, value) VALUES (:k, '1')"), {"k": f"w{k}-{i}"})
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            local.dispose()

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    count = sqlite3.connect(db.path).execute("SELECT count(*) FROM app_setting WHERE key LIKE 'w%'").fetchone()[0]
    assert count == n_threads * n_rows


def test_logs_hold_no_personal_data_after_a_demo_run(cli, tmp_path):
    data = tmp_path / "data"
    db = tmp_path / "p.sqlite3"
    env = {"DEKANAT_DATA_DIR": str(data)}
    assert cli("--database", str(db), "demo", "--students", "60", env=env).returncode == 0
    # A failing command too: errors must not carry values either.
    cli("--database", str(db), "demo", env=env)
    conn = sqlite3.connect(db)
    names = {r[0] for r in conn.execute("SELECT last_name FROM student")}
    books = {r[0] for r in conn.execute("SELECT record_book FROM student")}
    births = {r[0] for r in conn.execute("SELECT birth_date FROM student")}
    assert cli("--database", str(db), "export", "students", "--format", "xlsx", "-o", str(tmp_path / "list.xlsx"),
               env=env).returncode == 0
    assert cli("--database", str(db), "backup", "-o", str(tmp_path / "copy.sqlite3"), env=env).returncode == 0
    logs = "".join(p.read_text(encoding="utf-8", errors="replace") for p in data.rglob("*.log*") if p.is_file())
    # The log is there and tells support what happened ...
    assert "schema migrated to=" in logs
    assert "command name=demo exit=0" in logs
    assert "command name=demo exit=1" in logs  # the refused second demo
    assert "command name=export students exit=0" in logs and "output=list.xlsx" in logs
    assert "backup taken file=copy.sqlite3" in logs
    # ... and holds no value from the records.
    assert len(names) > 10 and len(books) > 10
    for value in names | books | births:
        assert str(value) not in logs


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_log_file_is_owner_only(tmp_path, monkeypatch):
    import stat

    from desktop.views.app import setup_logging

    path = setup_logging()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_migrations_run_on_an_empty_file_in_one_transaction(tmp_path):
    db = Database(tmp_path / "fresh.sqlite3")
    assert upgrade(db, backup=False)
    assert current_revision(db) == head_revision()
