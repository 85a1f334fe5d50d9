"""The fault suite (issue 22): every wrong input, full disk, read-only target, lock contention and
kill ends in a specific message, and nothing stored is lost or changed."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.models import backup as backups
from desktop.models.db import Database
from tests.conftest import run_cli


def _state(path: Path) -> dict[str, bytes]:
    """The database file and its side files, byte for byte."""
    return {suffix: Path(str(path) + suffix).read_bytes()
            for suffix in ("", "-wal", "-shm") if Path(str(path) + suffix).exists()}


def _db_with_student(tmp_path, migrated_template) -> Path:
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(migrated_template, path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO faculty (name, university, city) VALUES ('Faculty of Law', 'KNU', 'Bishkek')")
    conn.commit()
    conn.close()
    return path


# 1. Restore checks before it replaces ------------------------------------------------------------

def _zero_bytes(tmp_path, template):
    f = tmp_path / "zero.sqlite3"
    f.write_bytes(b"")
    return f


def _text_file(tmp_path, template):
    f = tmp_path / "notes.sqlite3"
    f.write_text("this is not a database\n" * 50)
    return f


def _foreign_sqlite(tmp_path, template):
    f = tmp_path / "other-program.sqlite3"
    conn = sqlite3.connect(f)
    conn.execute("CREATE TABLE student (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO student (name) VALUES ('someone')")
    conn.commit()
    conn.close()
    return f


def _newer_schema(tmp_path, template):
    f = tmp_path / "newer.sqlite3"
    shutil.copyfile(template, f)
    conn = sqlite3.connect(f)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    return f


def _damaged(tmp_path, template):
    f = tmp_path / "damaged.sqlite3"
    data = bytearray(Path(template).read_bytes())
    page = 4096
    for n in range(2, min(len(data) // page, 12)):  # scribble over the b-tree pages after the schema
        data[n * page + 8:n * page + 200] = b"\xff" * 192
    f.write_bytes(bytes(data))
    return f


def _broken_references(tmp_path, template):
    f = tmp_path / "broken.sqlite3"
    shutil.copyfile(template, f)
    conn = sqlite3.connect(f)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO department (name, short_name, faculty_id) VALUES ('Civil law', 'CL', 4242)")
    conn.commit()
    conn.close()
    return f


WRONG_FILES = {
    "zero-bytes": (_zero_bytes, "it is empty"),
    "text-file": (_text_file, "it is not a database file"),
    "foreign-sqlite": (_foreign_sqlite, "it is not a Dekanat database"),
    "newer-schema": (_newer_schema, "it was written by a newer Dekanat (schema 9999"),
    "damaged": (_damaged, "it is damaged or not a database file|it failed its integrity check"),
    "broken-references": (_broken_references, "it has broken references between tables"),
}


@pytest.mark.parametrize("kind", list(WRONG_FILES))
def test_restore_refuses_a_wrong_file_and_changes_nothing(kind, tmp_path, migrated_template):
    import re

    path = _db_with_student(tmp_path, migrated_template)
    db = Database(path)
    db.dispose()
    before = _state(path)
    make, reason = WRONG_FILES[kind]
    candidate = make(tmp_path, migrated_template)
    with pytest.raises(backups.RestoreRefused) as refused:
        backups.restore(db, candidate)
    message = str(refused.value)
    assert message.startswith(f"{candidate} was not restored: ")
    assert re.search(reason.replace("(", r"\(").replace(")", r"\)"), message), message
    assert message.endswith("The database was not changed.")
    assert _state(path) == before
    assert not backups.backup_dir(path).exists()  # no safety copy either: nothing was touched
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_restore_refuses_the_database_itself(tmp_path, migrated_template):
    path = _db_with_student(tmp_path, migrated_template)
    db = Database(path)
    before = _state(path)
    with pytest.raises(backups.RestoreRefused, match="it is the database itself"):
        backups.restore(db, path)
    assert _state(path) == before


def test_restore_recreates_missing_audit_triggers(tmp_path, migrated_template):
    path = _db_with_student(tmp_path, migrated_template)
    db = Database(path)
    candidate = tmp_path / "no-triggers.sqlite3"
    shutil.copyfile(migrated_template, candidate)
    conn = sqlite3.connect(candidate)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("INSERT INTO audit_log (at, os_user, host, action, table_name) "
                 "VALUES ('2026-01-05 10:00', 'u', 'h', 'insert', 'student')")
    conn.commit()
    conn.close()
    safety = backups.restore(db, candidate)
    assert safety is not None and safety.exists()
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit_log SET os_user = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit_log")
    assert conn.execute("SELECT count(*) FROM faculty").fetchone()[0] == 0  # the candidate's data
    conn.close()
    # The safety copy holds what was there before.
    assert sqlite3.connect(safety).execute("SELECT name FROM faculty").fetchall() == [("Faculty of Law",)]


def test_cli_restore_of_a_foreign_file_names_it_and_changes_nothing(tmp_path, migrated_template):
    path = _db_with_student(tmp_path, migrated_template)
    before = _state(path)
    candidate = _foreign_sqlite(tmp_path, migrated_template)
    result = run_cli("--database", str(path), "restore", str(candidate))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"dekanat: {candidate} was not restored: it is not a Dekanat database. "
                                     "The database was not changed.")
    assert "unexpected" not in result.stderr
    assert _state(path) == before


# 2. Destructive commands back up first -----------------------------------------------------------

def test_demo_force_on_office_data_needs_i_know_and_backs_up(tmp_path, migrated_template):
    path = _db_with_student(tmp_path, migrated_template)  # a faculty typed in by the office: not a demo
    before = _state(path)
    refused = run_cli("--database", str(path), "demo", "--students", "5", "--force")
    assert refused.returncode == 1
    assert "holds the office's data (0 students), not a demo" in refused.stderr
    assert "--force --i-know" in refused.stderr
    assert _state(path) == before
    assert not backups.backup_dir(path).exists()

    done = run_cli("--database", str(path), "demo", "--students", "5", "--force", "--i-know")
    assert done.returncode == 0, done.stderr
    saved = [p for _when, p in backups.list_backups(path)]
    assert len(saved) == 1 and saved[0].name.endswith("-demo.sqlite3")
    assert f"The previous data was saved as {saved[0]}" in done.stdout
    assert sqlite3.connect(saved[0]).execute("SELECT name FROM faculty").fetchall() == [("Faculty of Law",)]


def test_demo_over_an_untouched_demo_needs_only_force(demo_template, tmp_path):
    from desktop.models.demo import DemoRefused, build_demo

    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    db = Database(path)
    with pytest.raises(DemoRefused, match="already holds a demo; use --force"):
        build_demo(db, students=5)
    summary = build_demo(db, students=5, force=True)
    assert any(line.startswith("The previous data was saved as ") for line in summary)
    db.dispose()
