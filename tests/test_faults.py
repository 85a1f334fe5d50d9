"""The fault suite (issue 22): every wrong input, full disk, read-only target, lock contention and
kill ends in a specific message, and nothing stored is lost or changed."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.models import backup as backups
from desktop.models.db import Database
from tests.conftest import run_cli


def _state(path: Path) -> dict[str, bytes]:
    """The database file and its -wal (where committed writes land first), byte for byte; a missing
    -wal is an empty one. The -shm is SQLite's index of the -wal, made by any reader: not compared."""
    wal = Path(f"{path}-wal")
    return {"": Path(path).read_bytes(), "-wal": wal.read_bytes() if wal.exists() else b""}


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


# 4. Every export through the one atomic writer --------------------------------------------------

EXPORTS = {
    "students-xlsx": (["export", "students", "--format", "xlsx"], "xlsx"),
    "students-pdf": (["export", "students", "--format", "pdf"], "pdf"),
    "headcount-xlsx": (["export", "headcount", "--date", "2025-12-01", "--format", "xlsx"], "xlsx"),
    "headcount-pdf": (["export", "headcount", "--date", "2025-12-01", "--format", "pdf"], "pdf"),
    "workplan-pdf": (["export", "workplan", "--year", "2025-2026", "--format", "pdf"], "pdf"),
    "workplan-xlsx": (["export", "workplan", "--year", "2025-2026", "--format", "xlsx"], "xlsx"),
    "workplan-progress": (["export", "workplan-progress", "--year", "2025-2026", "--date", "2025-12-01"], "pdf"),
    "calendar-pdf": (["export", "calendar", "--year", "2025-2026", "--format", "pdf"], "pdf"),
    "calendar-xlsx": (["export", "calendar", "--year", "2025-2026", "--format", "xlsx"], "xlsx"),
    "curator-reports-xlsx": (["export", "curator-reports", "--year", "2025-2026", "--format", "xlsx",
                              "--as-of", "2025-12-01"], "xlsx"),
    "curator-reports-pdf": (["export", "curator-reports", "--year", "2025-2026", "--format", "pdf",
                             "--as-of", "2025-12-01"], "pdf"),
    "teaching-log-xlsx": (["export", "teaching-log", "--teacher", "Осмонова Ч.Т.", "--month", "2025-11",
                           "--format", "xlsx"], "xlsx"),
    "session-xlsx": (["export", "session", "--year", "2025-2026", "--session", "winter", "--format", "xlsx"], "xlsx"),
    "session-pdf": (["export", "session", "--year", "2025-2026", "--session", "winter", "--format", "pdf"], "pdf"),
    "agenda": (["export", "agenda", "--date", "2025-09-01"], "pdf"),
    "decisions": (["export", "decisions", "--format", "xlsx", "--date", "2025-12-01"], "xlsx"),
    "requests-xlsx": (["export", "requests", "--format", "xlsx", "--date", "2025-12-01"], "xlsx"),
    "requests-pdf": (["export", "requests", "--format", "pdf", "--date", "2025-12-01"], "pdf"),
    "request": (["export", "request", "--id", "{request}", "--format", "pdf", "--date", "2025-12-01"], "pdf"),
}
OLD = b"PK\x03\x04 the office's earlier export, which a failed export must leave as it was" * 20


@pytest.fixture(scope="module")
def export_db(tmp_path_factory, demo_template):
    folder = tmp_path_factory.mktemp("exports")
    path = folder / "faculty.sqlite3"
    shutil.copyfile(demo_template, path)
    conn = sqlite3.connect(path)
    request = conn.execute("SELECT min(id) FROM service_request").fetchone()[0]
    conn.close()
    return path, request


def _export(export_db, name: str, target: Path, capsys) -> tuple[int, str, str]:
    from desktop.cli import main

    path, request = export_db
    argv, _fmt = EXPORTS[name]
    argv = [a.replace("{request}", str(request)) for a in argv]
    capsys.readouterr()
    status = main(["--database", str(path), *argv, "-o", str(target)])
    out = capsys.readouterr()
    return status, out.out, out.err


class Mount:
    """A small tmpfs of its own (root only): a full disk and a read-only folder on demand."""

    def __init__(self, where: Path, size_kb: int):
        import subprocess

        self.where = where
        where.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(where)],
                              capture_output=True, check=False)
        if done.returncode != 0:
            where.rmdir()
            pytest.skip("mounting a tmpfs failed: " + done.stderr.decode(errors="replace").strip())

    def read_only(self) -> None:
        import subprocess

        subprocess.run(["mount", "-o", "remount,ro", str(self.where)], check=True)

    def fill(self, leave: int = 4096) -> None:
        filler = self.where / "filler"
        with open(filler, "wb", buffering=0) as fh:
            try:
                while True:
                    fh.write(b"\0" * 4096)
            except OSError:
                pass
        size = filler.stat().st_size
        os.truncate(filler, max(0, size - leave))

    def close(self) -> None:
        import subprocess

        subprocess.run(["umount", "-l", str(self.where)], check=False)


def _small_disk(tmp_path) -> Mount:
    if os.geteuid() != 0:
        pytest.skip("a full disk and a read-only mount need a tmpfs, which only root can mount")
    return Mount(tmp_path / "disk", 256)


@pytest.mark.parametrize("name", list(EXPORTS))
def test_export_into_a_read_only_folder_keeps_the_old_file(name, export_db, tmp_path, capsys):
    if os.geteuid() == 0:
        disk = _small_disk(tmp_path)
        folder = disk.where
    else:
        disk, folder = None, tmp_path / "ro"
        folder.mkdir()
    target = folder / f"{name}.{EXPORTS[name][1]}"
    target.write_bytes(OLD)
    try:
        if disk:
            disk.read_only()
        else:
            os.chmod(folder, 0o555)
        status, _out, err = _export(export_db, name, target, capsys)
        assert status == 1
        # The last line is the refusal (a session with conflicts first warns that it is a draft).
        assert err.strip().splitlines()[-1] == (f"dekanat: {target} was not written: the folder is read-only. "
                               "An existing file of that name was not changed.")
        assert target.read_bytes() == OLD
        assert sorted(p.name for p in folder.iterdir()) == [target.name]
    finally:
        if disk:
            disk.close()
        else:
            os.chmod(folder, 0o755)


@pytest.mark.parametrize("name", list(EXPORTS))
def test_export_onto_a_full_disk_keeps_the_old_file(name, export_db, tmp_path, capsys):
    disk = _small_disk(tmp_path)
    target = disk.where / f"{name}.{EXPORTS[name][1]}"
    try:
        target.write_bytes(OLD)
        disk.fill()
        status, _out, err = _export(export_db, name, target, capsys)
        assert status == 1, err
        # The last line is the refusal (a session with conflicts first warns that it is a draft).
        assert err.strip().splitlines()[-1] == (f"dekanat: {target} was not written: the disk is full. "
                               "An existing file of that name was not changed.")
        assert target.read_bytes() == OLD
        assert sorted(p.name for p in disk.where.iterdir()) == sorted(["filler", target.name])
    finally:
        disk.close()


def test_export_writes_nothing_to_the_system_temporary_folder(export_db, tmp_path):
    """XlsxWriter's scratch files hold the whole list: they go beside the target, never to TMPDIR."""
    private_tmp = tmp_path / "system-tmp"
    private_tmp.mkdir()
    target = tmp_path / "out" / "students.xlsx"
    target.parent.mkdir()
    path, _request = export_db
    done = run_cli("--database", str(path), "export", "students", "--format", "xlsx", "-o", str(target),
                   env={"TMPDIR": str(private_tmp)})
    assert done.returncode == 0, done.stderr
    assert list(private_tmp.iterdir()) == []
    assert sorted(p.name for p in target.parent.iterdir()) == ["students.xlsx"]


@pytest.mark.parametrize("what", ["", "-wal", "-shm", ".lock", "backups-folder", "in-backups-folder"])
def test_no_export_writes_over_the_database_or_its_files(what, tmp_path, migrated_template, capsys):
    from desktop.cli import main

    path = _db_with_student(tmp_path, migrated_template)
    backups.make_backup(Database(path))
    before = path.read_bytes()
    target = {"backups-folder": backups.backup_dir(path),
              "in-backups-folder": backups.backup_dir(path) / "x.xlsx"}.get(what, Path(f"{path}{what}"))
    status = main(["--database", str(path), "export", "students", "--format", "xlsx", "-o", str(target)])
    err = capsys.readouterr().err
    assert status == 1
    assert err.strip() == (f"dekanat: {target} was not written: it is the database or one of its own files. "
                           "An existing file of that name was not changed.")
    assert path.read_bytes() == before


# 3. One lock for the window and the command line -------------------------------------------------

def _students_file(tmp_path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Фамилия", "Имя", "Группа"])
    ws.append(["Асанов", "Бакыт", "ЮР-1-25"])
    path = tmp_path / "students.xlsx"
    wb.save(path)
    return path


WRITING = {
    "import": lambda tmp, db: ["import", "students", str(_students_file(tmp))],
    "restore": lambda tmp, db: ["restore", str(backups.make_backup(Database(db), tmp / "b.sqlite3"))],
    "demo": lambda tmp, db: ["demo", "--students", "5", "--force", "--i-know"],
    "copy-to": lambda tmp, db: ["copy-to", str(tmp / "copy.sqlite3")],
}


@pytest.mark.parametrize("command", list(WRITING))
def test_writing_commands_refuse_while_the_window_holds_the_database(command, tmp_path, migrated_template, capsys):
    import socket

    from desktop.cli import main
    from desktop.views.app import InstanceLock

    path = _db_with_student(tmp_path, migrated_template)
    argv = WRITING[command](tmp_path, path)
    window = InstanceLock(path)  # what the window takes at start
    assert window.acquire()[0]
    try:
        before = _state(path)
        capsys.readouterr()
        status = main(["--database", str(path), *argv])
        err = capsys.readouterr().err
        assert status == 1
        assert err.strip() == (f"dekanat: This database is already open in Dekanat "
                               f"(process {os.getpid()} on {socket.gethostname()}).")
        assert _state(path) == before
    finally:
        window.release()


def test_read_only_commands_run_beside_the_window(tmp_path, migrated_template, capsys):
    from desktop.cli import main
    from desktop.views.app import InstanceLock

    path = _db_with_student(tmp_path, migrated_template)
    window = InstanceLock(path)
    assert window.acquire()[0]
    try:
        assert main(["--database", str(path), "check"]) == 0
        assert main(["--database", str(path), "backup", "-o", str(tmp_path / "b.sqlite3")]) == 0
        assert main(["--database", str(path), "export", "students", "--format", "xlsx",
                     "-o", str(tmp_path / "s.xlsx")]) == 0
        # ... and the window is refused while a writing command holds the file
        from desktop.models.lock import DatabaseLock

        window.release()
        with DatabaseLock(path):
            ok, message = InstanceLock(path).acquire()
            assert not ok and message.startswith("This database is already open in Dekanat (process ")
    finally:
        window.release()


def test_a_lock_left_by_a_killed_process_is_taken_over_by_the_command_line(tmp_path, migrated_template):
    import signal
    import subprocess
    import sys

    path = _db_with_student(tmp_path, migrated_template)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from desktop.models.lock import DatabaseLock\n"
         "DatabaseLock(sys.argv[1]).acquire(); print('locked', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent)
    try:
        assert holder.stdout.readline().strip() == "locked"
        refused = run_cli("--database", str(path), "import", "students", str(_students_file(tmp_path)))
        assert refused.returncode == 1
        assert f"(process {holder.pid} on " in refused.stderr
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    finally:
        holder.kill()
    done = run_cli("--database", str(path), "import", "students", str(_students_file(tmp_path)), "--dry-run")
    assert "already open" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert not Path(f"{path}.lock").exists()  # released at the end


def test_a_read_only_command_never_migrates_an_older_schema_under_another_holder(tmp_path, capsys):
    import socket

    from desktop.cli import main
    from desktop.models.lock import DatabaseLock
    from desktop.models.migrate import current_revision, known_revisions, upgrade

    path = tmp_path / "old.sqlite3"
    old = Database(path)
    upgrade(old, backup=False, revision=known_revisions()[-2])  # as an older Dekanat left it
    old.dispose()
    before = _state(path)
    outputs = {"check": [], "backup": ["-o", str(tmp_path / "b.sqlite3")],
               "export": ["students", "--format", "xlsx", "-o", str(tmp_path / "s.xlsx")]}
    with DatabaseLock(path):  # another process (an older window, a writing command) has the file
        for command, rest in outputs.items():
            capsys.readouterr()
            assert main(["--database", str(path), command, *rest]) == 1
            assert capsys.readouterr().err.strip() == (
                f"dekanat: The database {path} was written by an older Dekanat and must be brought up to date "
                f"first, but it is open in Dekanat (process {os.getpid()} on {socket.gethostname()}): it was not "
                "changed. Run the command again once that program has closed it.")
            assert _state(path) == before, command
        assert not (tmp_path / "b.sqlite3").exists() and not (tmp_path / "s.xlsx").exists()
        assert not (tmp_path / "old.backups").exists()
    # Once the holder is gone, the same command brings it up to date under its own lock and runs.
    assert main(["--database", str(path), "check"]) == 0
    db = Database(path)
    assert current_revision(db) == known_revisions()[-1]
    db.dispose()
    assert not Path(f"{path}.lock").exists()


# 7. Files and paths as the user means them -------------------------------------------------------

def test_a_database_on_a_read_only_disk_is_checked_and_exported_never_written(tmp_path, demo_template, capsys):
    from desktop.cli import main

    disk = _small_disk(tmp_path) if os.geteuid() == 0 else None
    if disk is None:
        pytest.skip("a read-only disk needs a tmpfs mount (root)")
    disk.close()
    disk = Mount(tmp_path / "ro-disk", 8192)
    try:
        path = disk.where / "faculty.sqlite3"
        shutil.copyfile(demo_template, path)
        disk.read_only()
        before = _state(path)
        assert main(["--database", str(path), "check"]) == 0
        assert capsys.readouterr().out.strip() == f"ok: {path}"
        out = tmp_path / "list.xlsx"
        assert main(["--database", str(path), "export", "students", "--format", "xlsx", "-o", str(out)]) == 0
        assert out.stat().st_size > 5000
        capsys.readouterr()
        assert main(["--database", str(path), "import", "students", str(_students_file(tmp_path))]) == 1
        assert capsys.readouterr().err.strip() == f"dekanat: The database {path} is read-only: nothing was written."
        assert main(["--database", str(path), "backup"]) == 1  # into its own (read-only) folder
        err = capsys.readouterr().err
        assert "the folder is read-only" in err and "unexpected" not in err
        assert main(["--database", str(path), "backup", "-o", str(tmp_path / "b.sqlite3")]) == 0
        assert _state(path) == before
        assert sorted(p.name for p in disk.where.iterdir()) == ["faculty.sqlite3"]
    finally:
        disk.close()


def test_a_file_the_user_made_read_only_stays_read_only(tmp_path, migrated_template, capsys):
    from desktop.cli import main

    path = _db_with_student(tmp_path, migrated_template)
    os.chmod(path, 0o444)
    before = _state(path)
    db = Database(path)
    assert db.read_only
    db.dispose()
    assert main(["--database", str(path), "check"]) == 0
    assert main(["--database", str(path), "demo", "--students", "5", "--force", "--i-know"]) == 1
    assert capsys.readouterr().err.strip().endswith(f"The database {path} is read-only: nothing was written.")
    assert os.stat(path).st_mode & 0o777 == 0o444
    assert _state(path) == before


def test_database_paths_are_taken_literally(tmp_path, migrated_template):
    from desktop.models.db import database_url

    odd = tmp_path / "office?mode=memory%41#1.sqlite3"
    shutil.copyfile(migrated_template, odd)
    db = Database(odd)
    assert db.path == odd
    with db.session() as s:
        from sqlalchemy import text

        s.execute(text("INSERT INTO faculty (name, university, city) VALUES ('F', 'U', 'C')"))
    db.dispose()
    assert sqlite3.connect(odd).execute("SELECT count(*) FROM faculty").fetchone()[0] == 1
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("office?mode=memory%41#1.sqlite3")) == []
    assert Database.path_of(database_url(str(odd))) == odd


def test_a_missing_database_is_created_only_by_creating_commands(tmp_path, capsys):
    from desktop.cli import main

    missing = tmp_path / "typo.sqlite3"
    for argv in (["check"], ["export", "students", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx")],
                 ["backup"], ["workdays", "add", "--from", "2026-03-20", "--days", "1"]):
        capsys.readouterr()
        assert main(["--database", str(missing), *argv]) == 1
        assert capsys.readouterr().err.strip() == f"dekanat: no such database: {missing}"
    # Nothing but the user's data folder (where the log is kept): no database was made.
    assert [p.name for p in tmp_path.iterdir()] in ([], ["data"])
    assert not list(tmp_path.rglob("*.sqlite3"))


def test_a_backup_given_as_the_database_is_refused(tmp_path, migrated_template, capsys):
    from desktop.cli import main

    path = _db_with_student(tmp_path, migrated_template)
    backup = backups.make_backup(Database(path))
    before = _state(backup)
    assert main(["--database", str(backup), "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"dekanat: {backup} is a backup, not a working database; it was not opened.")
    assert f"restore {backup}" in err
    assert _state(backup) == before


def test_an_import_into_a_damaged_database_is_refused(tmp_path, migrated_template, capsys):
    from desktop.cli import main

    path = _damaged(tmp_path, migrated_template)
    before = _state(path)
    assert main(["--database", str(path), "import", "students", str(_students_file(tmp_path))]) == 1
    assert capsys.readouterr().err.strip().startswith(
        f"dekanat: The database {path} fails its integrity check; nothing was imported.")
    assert _state(path) == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_backups_folder_is_owner_only_and_leftovers_are_removed(tmp_path, migrated_template):
    import stat
    import subprocess
    import sys

    path = _db_with_student(tmp_path, migrated_template)
    folder = backups.backup_dir(path)
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    made = backups.make_backup(Database(path))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    # what a kill -9 in the middle of a backup and of a restore leaves behind
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    pid = int(dead.stdout)
    left = [folder / f"{made.name}.tmp{pid}", tmp_path / f".{path.name}.restore{pid}",
            tmp_path / f".{path.name}.restore{pid}-wal"]
    for f in left:
        f.write_bytes(b"a copy with names in it")
    mine = folder / f"{made.name}.tmp{os.getpid()}"  # a backup at work in a live process stays
    mine.write_bytes(b"x")
    assert sorted(backups.remove_leftovers(path)) == sorted(left)
    assert not any(f.exists() for f in left) and mine.exists() and made.exists()


# 8. Every expected fault has its own message ----------------------------------------------------

def test_a_busy_database_says_so_after_the_busy_timeout(tmp_path, migrated_template, capsys):
    from desktop.cli import main

    path = _db_with_student(tmp_path, migrated_template)
    students = _students_file(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, holding the file
    try:
        assert main(["--database", str(path), "import", "students", str(students)]) == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert err.strip() == (f"dekanat: The database {path} is busy: another program is writing to it. "
                           "Try again in a moment; nothing was written.")
    assert sqlite3.connect(path).execute("SELECT count(*) FROM student").fetchone()[0] == 0


@pytest.mark.skipif(importlib.util.find_spec("psycopg") is None,
                    reason="the PostgreSQL driver is installed only with the 'postgres' extra")
def test_an_unreachable_postgres_server_is_named_without_its_password(tmp_path):
    done = run_cli("--database", "postgresql+psycopg://office:S3cret-pw@127.0.0.1:1/dekanat", "check")
    assert done.returncode == 1
    assert done.stderr.strip() == ("dekanat: The server postgresql+psycopg://office:***@127.0.0.1:1/dekanat "
                                   "cannot be reached. Check the address and the network.")
    assert "S3cret" not in done.stdout + done.stderr


def test_a_missing_postgres_driver_says_how_to_install_it_without_the_password(tmp_path):
    # An installation without the "postgres" extra: a psycopg that cannot be imported shadows any
    # installed one, as on an office PC where only "pip install -e ." was run.
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "psycopg.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'psycopg'\", name='psycopg')\n", encoding="utf-8")
    done = run_cli("--database", "postgresql+psycopg://office:S3cret-pw@127.0.0.1:1/dekanat", "check",
                   env={"PYTHONPATH": str(shadow)})
    assert done.returncode == 1
    assert done.stderr.strip() == ("dekanat: The server postgresql+psycopg://office:***@127.0.0.1:1/dekanat needs "
                                   "the PostgreSQL driver, which is not installed. "
                                   "Install it with: pip install -e '.[postgres]'")
    assert "S3cret" not in done.stdout + done.stderr


@pytest.mark.parametrize("argv, message", [
    (["add", "--from", "2026-03-20", "--days", "1000000000"],
     "1000000000 days is out of range: at most 36500 days (a hundred years) are counted."),
    (["add", "--from", "9999-12-20", "--days", "30", "--calendar-days"],
     "9999-12-20 plus 30 days is outside the calendar (years 1 to 9999)."),
    (["between", "0001-01-01", "9999-12-31"],
     "3652058 days is out of range: at most 36500 days (a hundred years) are counted."),
])
def test_numbers_out_of_range_are_refused_by_name(argv, message, db_path, capsys):
    from desktop.cli import main

    assert main(["--database", str(db_path), "workdays", *argv]) == 1
    assert capsys.readouterr().err.strip() == f"dekanat: {message}"


def test_the_log_records_the_cause_of_a_fault_without_personal_data(tmp_path, migrated_template, capsys, caplog):
    from desktop.cli import main

    path = _db_with_student(tmp_path, migrated_template)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        main(["--database", str(path), "import", "students", str(_students_file(tmp_path))])
    finally:
        other.execute("ROLLBACK")
        other.close()
    logged = caplog.text
    assert "command import stopped: busy (OperationalError)" in logged
    assert "Асанов" not in logged and "unhandled" not in logged


# 6. The same limits on both databases ------------------------------------------------------------

def test_a_text_longer_than_its_column_is_refused_the_same_way_on_every_database(db):
    """The ``db`` fixture runs on SQLite and (with DEKANAT_TEST_POSTGRES) on PostgreSQL."""
    from sqlalchemy import func, select

    from desktop.models import load_all
    from desktop.models.limits import TextTooLong
    from desktop.models.org import Faculty

    load_all()
    with db.session() as s:
        s.add(Faculty(name="Faculty of Law", university="KNU", city="Bishkek"))
    limit = Faculty.__table__.c.name.type.length
    with pytest.raises(TextTooLong) as refused:
        with db.session() as s:
            s.add(Faculty(name="Ю" * (limit + 1), university="KNU", city="Bishkek"))
    assert str(refused.value) == f'column "name": at most {limit} characters, not {limit + 1}'
    with pytest.raises(TextTooLong):
        with db.session() as s:
            s.scalars(select(Faculty)).one().city = "x" * 10_000
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Faculty)) == 1
        assert s.scalars(select(Faculty)).one().city == "Bishkek"
        s.add(Faculty(name="Ю" * limit, university="", city=""))  # the longest allowed is kept whole


def test_a_bulk_row_too_long_is_named_by_its_row():
    from desktop.models import load_all
    from desktop.models.limits import TextTooLong, check_row
    from desktop.models.org import Faculty

    load_all()
    with pytest.raises(TextTooLong, match=r'^row 7, column "city": at most \d+ characters, not 5000$'):
        check_row(Faculty.__table__, {"name": "F", "city": "c" * 5000}, row=7)


def _long_student_list(tmp_path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Фамилия", "Имя", "Группа", "Телефон"])
    ws.append(["Асанов", "Бакыт", "ЮР-1-25", "+996 555 123456"])
    ws.append([])
    ws.append(["Осмонова", "Айгүл", "ЮР-1-25", "5" * 60])  # Excel row 4; a phone fits in 50
    path = tmp_path / "students.xlsx"
    wb.save(path)
    return path


def _long_work_plan(tmp_path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["№", "Иш-чаралардын аталышы", "Аткаруу мөөнөтү", "Жооптуулар"])
    ws.append(["I. Уюштуруу иштери"])
    ws.append(["1", "Кафедранын отурумун өткөрүү", "сентябрь", "Сопуев У.А."])
    ws.append([])
    ws.append([])
    ws.append(["2", "Окуу пландарын бекитүү", "октябрь", "Ж" * 400])  # Excel row 6; a person fits in 300
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    return path


BULK_IMPORTS = {
    "students": (lambda tmp: ["import", "students", str(_long_student_list(tmp))],
                 'row 4, column "Телефон": at most 50 characters, not 60'),
    "workplan": (lambda tmp: ["import", "workplan", str(_long_work_plan(tmp)), "--year", "2026-2027"],
                 'row 6, column "text": at most 300 characters, not 400'),
}


@pytest.mark.parametrize("importer", list(BULK_IMPORTS))
def test_a_bulk_import_names_the_row_of_an_over_long_cell_and_writes_nothing(importer, tmp_path, migrated_template,
                                                                              capsys):
    from desktop.cli import main

    path = _db_with_student(tmp_path, migrated_template)
    argv, expected = BULK_IMPORTS[importer]
    argv = argv(tmp_path)
    before = _state(path)
    capsys.readouterr()
    assert main(["--database", str(path), "--lang", "en", *argv]) == 1
    err = capsys.readouterr().err
    assert expected in err
    assert "unexpected" not in err
    assert _state(path) == before


# 5. Stale writes refused: undo carries the version it expects -----------------------------------

def test_undo_of_a_student_edit_never_overwrites_another_office(qtbot, demo_db, monkeypatch):
    """Two sessions: this window's edit, then another office's change; Undo must not erase it.
    ``demo_db`` runs on SQLite and (with DEKANAT_TEST_POSTGRES, as in CI) on PostgreSQL."""
    from PySide6.QtCore import Qt

    from desktop.models.contingent import Student
    from desktop.views.common import stale
    from desktop.views.common.area import AppContext
    from desktop.views.students import StudentsArea

    page = StudentsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    sid = page.model.student_id(0)
    assert page.model.setData(page.model.index(0, 1), "Нурлан", Qt.ItemDataRole.EditRole)
    with demo_db.session() as other:  # the other office, after our edit
        other.get(Student, sid).first_name = "Бакыт"
    asked = []
    monkeypatch.setattr(stale, "ask_reload", lambda parent=None: asked.append(1) or False)
    page.undo_stack.undo()  # the runner tells (reload?) and the refused entry leaves the stack
    assert asked == [1] and page.undo_stack.count() == 0
    with demo_db.session() as s:
        assert s.get(Student, sid).first_name == "Бакыт"


def test_undo_of_a_work_plan_item_edit_never_overwrites_another_office(qtbot, demo_db, monkeypatch):
    from desktop.models import workplan as wp
    from desktop.views.common import stale
    from desktop.views.common.area import AppContext
    from desktop.views.workplan import WorkPlanArea

    page = WorkPlanArea(AppContext(demo_db))
    qtbot.addWidget(page)
    item_id = page.model.sections[0]["items"][0]["id"]
    page.edit_item(item_id, "completion_note", "Өткөрүлдү")
    with demo_db.session() as other:
        other.get(wp.WorkPlanItem, item_id).completion_note = "Откладывается до марта"
    asked = []
    monkeypatch.setattr(stale, "ask_reload", lambda parent=None: asked.append(1) or False)
    page.undo_stack.undo()  # the runner tells (reload?) and the refused entry leaves the stack
    assert asked == [1] and page.undo_stack.count() == 0
    with demo_db.session() as s:
        assert s.get(wp.WorkPlanItem, item_id).completion_note == "Откладывается до марта"


def test_undo_and_redo_of_a_work_plan_item_edit_without_another_office(qtbot, demo_db):
    from desktop.models import workplan as wp
    from desktop.views.common.area import AppContext
    from desktop.views.workplan import WorkPlanArea

    page = WorkPlanArea(AppContext(demo_db))
    qtbot.addWidget(page)
    item_id = page.model.sections[0]["items"][0]["id"]
    with demo_db.session() as s:
        before = s.get(wp.WorkPlanItem, item_id).completion_note
    page.edit_item(item_id, "completion_note", "Жасалды")
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert s.get(wp.WorkPlanItem, item_id).completion_note == before
    page.undo_stack.redo()
    with demo_db.session() as s:
        assert s.get(wp.WorkPlanItem, item_id).completion_note == "Жасалды"


@pytest.mark.parametrize("what", ["edit", "undo of an edit", "delete", "undo of an add", "rename a discipline"])
def test_the_rooms_editor_never_overwrites_another_office(what, qtbot, demo_db, monkeypatch):
    """Two sessions (``demo_db`` runs on SQLite and, in CI, on PostgreSQL): the rooms-and-disciplines
    dialog's writes and undos name the values they expect; another office's change is kept."""
    from desktop.models.exams import Discipline, Room
    from desktop.views.common import stale
    from desktop.views.common.area import AppContext
    from desktop.views.exams import ExamsArea
    from desktop.views.exams.rooms_dialog import RoomsDisciplinesDialog

    asked: list = []  # the runner's "changed by someone else: reload?", answered No
    monkeypatch.setattr(stale, "ask_reload", lambda parent=None: asked.append(True) and False)
    page = ExamsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    dialog = RoomsDisciplinesDialog(page)
    qtbot.addWidget(dialog)
    m = dialog.room_model

    def other_office(room_id: int) -> None:  # a second session, another office on the same server
        with demo_db.session() as other:
            other.get(Room, room_id).capacity = 77

    def row_of(room_id: int) -> int:
        return next(i for i, r in enumerate(m.rows) if r["id"] == room_id)

    if what == "rename a discipline":
        d = dialog.discipline_model
        d_id = d.rows[0]["id"]
        with demo_db.session() as other:
            other.get(Discipline, d_id).name = "Философия (2-бөлүм)"
        d.setData(d.index(0, 0), "Философиянын тарыхы (жаңы)")
        with demo_db.session() as s:
            assert s.get(Discipline, d_id).name == "Философия (2-бөлүм)"
        assert asked == [True]  # told, and offered a reload
        return
    room_id = dialog.add_room("Ауд. 505", 40)
    if what == "edit":
        other_office(room_id)
        m.setData(m.index(row_of(room_id), 0), "Ауд. 506")
        assert asked == [True]
    elif what == "undo of an edit":
        m.setData(m.index(row_of(room_id), 1), 50)
        other_office(room_id)
        page.undo_stack.undo()  # refused: told (reload?), and the entry leaves the stack
        assert asked == [True]
    elif what == "delete":
        other_office(room_id)
        dialog.rooms.setCurrentIndex(dialog.rooms.model().mapFromSource(m.index(row_of(room_id), 0)))
        dialog.delete_room()
        assert asked == [True]
    elif what == "undo of an add":
        other_office(room_id)
        page.undo_stack.undo()  # refused: told (reload?), and the entry leaves the stack
        assert asked == [True]
    with demo_db.session() as s:
        room = s.get(Room, room_id)
        assert room is not None and (room.name, room.capacity) == ("Ауд. 505", 77)


def _told(monkeypatch) -> list:
    """The runner's "changed by someone else: reload?" question, answered No; one entry each time asked."""
    from desktop.views.common import stale

    asked: list = []
    monkeypatch.setattr(stale, "ask_reload", lambda parent=None: asked.append(True) and False)
    return asked


def _redo_deletes_only_what_undo_put_back(page, db, entity, record_id, field, other_office, text, monkeypatch):
    """After a delete and its undo: the redo deletes the record again; or, with another office's
    change to ``field`` meanwhile, it is refused (told, the entry leaves the stack) and the change kept."""
    if not other_office:
        page.undo_stack.redo()
        with db.session() as s:
            assert s.get(entity, record_id) is None
        return
    with db.session() as other:
        setattr(other.get(entity, record_id), field, text)
    told = _told(monkeypatch)
    page.undo_stack.redo()  # refused: told (reload?), and the entry leaves the stack
    assert told == [True] and page.undo_stack.count() == 0
    with db.session() as s:
        assert getattr(s.get(entity, record_id), field) == text


@pytest.mark.parametrize("when", ["delete", "redo of a delete"])
def test_a_work_plan_item_delete_never_deletes_another_offices_change_unseen(when, qtbot, demo_db, monkeypatch):
    from desktop.models import workplan as wp
    from desktop.views.common import stale
    from desktop.views.common.area import AppContext
    from desktop.views.workplan import WorkPlanArea

    asked = []
    monkeypatch.setattr(stale, "ask_reload", lambda parent=None: asked.append(True) and False)
    page = WorkPlanArea(AppContext(demo_db))
    qtbot.addWidget(page)
    page.view.setCurrentIndex(page.proxy.mapFromSource(page.model.index(0, 0, page.model.index(0, 0))))
    (kind, row), _index = page.current_node()
    assert kind == "item"
    if when == "redo of a delete":
        page.delete_current()
        page.undo_stack.undo()  # the item is back, as it was
    with demo_db.session() as other:  # another office changes the item meanwhile
        other.get(wp.WorkPlanItem, row["id"]).completion_note = "Март айына жылдырылды"
    if when == "delete":
        page.delete_current()  # refused: the user is told and offered a reload
        assert asked == [True]
        assert page.undo_stack.count() == 0
    else:
        page.undo_stack.redo()  # refused: told (reload?), and the entry leaves the stack
        assert asked == [True]
    with demo_db.session() as s:
        assert s.get(wp.WorkPlanItem, row["id"]).completion_note == "Март айына жылдырылды"


@pytest.mark.parametrize("other_office", [False, True], ids=["alone", "another-office-meanwhile"])
def test_the_redo_of_a_request_delete_deletes_only_what_its_undo_put_back(other_office, qtbot, demo_db, monkeypatch):

    from desktop.models.requests import ServiceRequest
    from desktop.views.common.area import AppContext
    from desktop.views.requests import RequestsArea

    page = RequestsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    rid = page.current_request_id()
    assert rid is not None
    page.delete_request()
    page.undo_stack.undo()  # back as it was
    with demo_db.session() as s:
        assert s.get(ServiceRequest, rid) is not None
    _redo_deletes_only_what_undo_put_back(page, demo_db, ServiceRequest, rid, "note", other_office,
                                          "Справка даяр, студент алып кетет", monkeypatch)


@pytest.mark.parametrize("other_office", [False, True], ids=["alone", "another-office-meanwhile"])
def test_the_redo_of_a_calendar_event_delete_deletes_only_what_its_undo_put_back(other_office, qtbot, demo_db,
                                                                                   monkeypatch):

    from desktop.models import academic_calendar as ac
    from desktop.views.calendar import CalendarArea
    from desktop.views.common.area import AppContext

    page = CalendarArea(AppContext(demo_db))
    qtbot.addWidget(page)
    event = next(e for e in page.data.events if e.parent_id is None and e.kind)
    page.tree.setCurrentIndex(page.model.index_of_event(event.id, 1))
    assert page.selected_event_id() == event.id
    page.delete_event()
    page.undo_stack.undo()
    _redo_deletes_only_what_undo_put_back(page, demo_db, ac.CalendarEvent, event.id, "note", other_office,
                                          "Ректордун буйругу менен жылдырылды", monkeypatch)


@pytest.mark.parametrize("what", ["agenda item", "decision"])
@pytest.mark.parametrize("other_office", [False, True], ids=["alone", "another-office-meanwhile"])
def test_the_redo_of_a_meeting_delete_deletes_only_what_its_undo_put_back(what, other_office, qtbot, demo_db,
                                                                          monkeypatch):
    from sqlalchemy import select

    from desktop.models import meetings as mt
    from desktop.views.common.area import AppContext
    from desktop.views.meetings import MeetingsArea

    page = MeetingsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    entity, field = (mt.AgendaItem, "decided") if what == "agenda item" else (mt.Decision, "note")
    with demo_db.session() as s:
        record_id = s.scalars(select(entity.id).order_by(entity.id)).first()
    delete = page.delete_item if what == "agenda item" else page.delete_decision
    delete(record_id)
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert s.get(entity, record_id) is not None
    _redo_deletes_only_what_undo_put_back(page, demo_db, entity, record_id, field, other_office,
                                          "Кийинки кеңешмеге чейин аткарылсын", monkeypatch)


def test_the_rooms_editor_undoes_and_redoes_without_another_office(qtbot, demo_db):
    from desktop.models.exams import Room
    from desktop.views.common.area import AppContext
    from desktop.views.exams import ExamsArea
    from desktop.views.exams.rooms_dialog import RoomsDisciplinesDialog

    page = ExamsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    dialog = RoomsDisciplinesDialog(page)
    qtbot.addWidget(dialog)
    m = dialog.room_model
    room_id = dialog.add_room("Ауд. 505", 40)
    m.setData(m.index(next(i for i, r in enumerate(m.rows) if r["id"] == room_id), 1), 50)
    dialog.rooms.setCurrentIndex(dialog.rooms.model().mapFromSource(
        m.index(next(i for i, r in enumerate(m.rows) if r["id"] == room_id), 0)))
    dialog.delete_room()
    assert not dialog.error.text()
    stack = page.undo_stack
    stack.undo()  # the delete
    stack.undo()  # the edit
    with demo_db.session() as s:
        assert s.get(Room, room_id).capacity == 40
    stack.redo()
    stack.redo()  # the delete again, of the room as its undo put it back
    with demo_db.session() as s:
        assert s.get(Room, room_id) is None


@pytest.mark.parametrize("what", ["edit", "undo"])
def test_the_staff_editor_never_overwrites_another_office(what, qtbot, demo_db, monkeypatch):
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from desktop.models.org import Staff
    from desktop.views.common import stale
    from desktop.views.common.area import AppContext
    from desktop.views.staff import StaffArea

    page = StaffArea(AppContext(demo_db))
    qtbot.addWidget(page)
    asked = []
    monkeypatch.setattr(stale, "ask_reload", lambda parent=None: asked.append(1) or False)
    model = page.staff.model
    row = next(i for i, r in enumerate(model.rows) if r["last_name"] == "Сопуев")

    def other_office():
        with demo_db.session() as other:
            other.scalars(select(Staff).where(Staff.last_name == "Сопуев")).one().position = "Проректор"

    if what == "edit":
        other_office()  # after the list was shown, before our edit
        model.setData(model.index(row, 4), "Декан факультета", Qt.ItemDataRole.EditRole)
        assert page.undo_stack.count() == 0
    else:
        assert model.setData(model.index(row, 4), "Декан факультета", Qt.ItemDataRole.EditRole)
        other_office()
        page.undo_stack.undo()  # told (reload?), and the refused entry leaves the stack
        assert page.undo_stack.count() == 0
    assert asked == [1]
    with demo_db.session() as s:
        assert s.scalar(select(Staff.position).where(Staff.last_name == "Сопуев")) == "Проректор"


@pytest.mark.parametrize("when", ["delete", "redo of a delete", "redo alone"])
def test_a_staff_delete_never_deletes_another_offices_change_unseen(when, qtbot, demo_db, monkeypatch):
    """Two sessions: the staff list's delete expects the member as shown; its redo deletes only
    what its undo put back."""
    from desktop.models.org import Staff, add_staff
    from desktop.views.common.area import AppContext
    from desktop.views.staff import StaffArea

    with demo_db.session() as s:
        staff_id = add_staff(s, "Жумабаева", "Айгүл", "Асановна", position="Лаборант", roles=["teacher"])
    page = StaffArea(AppContext(demo_db))
    qtbot.addWidget(page)
    view, proxy, model = page.staff.view, page.staff.proxy, page.staff.model
    view.setCurrentIndex(proxy.mapFromSource(model.index(
        next(i for i, r in enumerate(model.rows) if r["id"] == staff_id), 0)))
    assert page.staff.selected_record()["id"] == staff_id
    told = _told(monkeypatch)
    if when != "delete":
        page.delete_staff()
        page.undo_stack.undo()  # back as she was, with her role
    if when == "redo alone":
        page.undo_stack.redo()
        with demo_db.session() as s:
            assert s.get(Staff, staff_id) is None
        assert told == []
        return
    with demo_db.session() as other:  # another office, after the list was shown
        other.get(Staff, staff_id).position = "Ага окутуучу"
    if when == "delete":
        page.delete_staff()  # refused: told (reload?), nothing on the stack
        assert page.undo_stack.count() == 0
    else:
        page.undo_stack.redo()  # refused: told (reload?), and the entry leaves the stack
        assert page.undo_stack.count() == 0
    assert told == [True]
    with demo_db.session() as s:
        assert s.get(Staff, staff_id).position == "Ага окутуучу"


def test_the_redo_of_a_staff_delete_keeps_a_role_another_office_gave(demo_db):
    from sqlalchemy.orm.exc import StaleDataError

    from desktop.models import org
    from desktop.models.org import Staff, StaffRole

    with demo_db.session() as s:
        staff_id = org.add_staff(s, "Жумабаева", "Айгүл", position="Лаборант", roles=["teacher"])
    with demo_db.session() as s:
        done = org.delete_staff_op(s, staff_id)
    with demo_db.session() as s:
        undone = done.undo(s)
    with demo_db.session() as other:
        other.get(Staff, staff_id).roles = {StaffRole.TEACHER, StaffRole.CURATOR}
    with pytest.raises(StaleDataError), demo_db.session() as s:
        undone.undo(s)
    with demo_db.session() as s:
        assert {r.value for r in s.get(Staff, staff_id).roles} == {"teacher", "curator"}


@pytest.mark.parametrize("when", ["delete", "redo of a delete"])
def test_a_programme_delete_never_deletes_another_offices_change_unseen(when, qtbot, demo_db, monkeypatch):
    from desktop.models.org import Programme, add_programme
    from desktop.views.common.area import AppContext
    from desktop.views.staff import StaffArea

    with demo_db.session() as s:
        programme_id = add_programme(s, "590100", "Социалдык иш")
    page = StaffArea(AppContext(demo_db))
    qtbot.addWidget(page)
    lst = page.programmes
    lst.view.setCurrentIndex(lst.proxy.mapFromSource(lst.model.index(
        next(i for i, r in enumerate(lst.model.rows) if r["id"] == programme_id), 0)))
    if when != "delete":
        page.delete_programme()
        page.undo_stack.undo()
    with demo_db.session() as other:  # another office, after the list was shown
        other.get(Programme, programme_id).name = "Социалдык иш жана социалдык педагогика"
    told = _told(monkeypatch)
    count = page.undo_stack.count()
    if when == "delete":
        page.delete_programme()
        assert page.undo_stack.count() == count
    else:
        page.undo_stack.redo()  # refused: told (reload?), and the entry leaves the stack
        assert page.undo_stack.count() == count - 1
    assert told == [True]
    with demo_db.session() as s:
        assert s.get(Programme, programme_id).name == "Социалдык иш жана социалдык педагогика"


@pytest.mark.parametrize("when", ["delete", "edit"])
def test_a_teaching_log_lesson_never_overwrites_another_office(when, qtbot, demo_db, monkeypatch):
    from PySide6.QtCore import QDate

    from desktop.models.teaching_log import TeachingLogEntry
    from desktop.views.common.area import AppContext
    from desktop.views.curators import CuratorsArea

    page = CuratorsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    log = page.log
    log.month.setDate(QDate(2025, 11, 1))
    for i in range(log.teacher.count()):
        log.teacher.setCurrentIndex(i)
        if log.model.rowCount():
            break
    assert log.model.rowCount() > 0
    log.view.setCurrentIndex(log.model.index(0, 0))
    entry_id = log.model.record(log.view.currentIndex())["id"]
    with demo_db.session() as other:  # another office, after the log was shown
        other.get(TeachingLogEntry, entry_id).notes = "Сабак башка күнгө жылдырылды"
    told = _told(monkeypatch)
    if when == "delete":
        log.delete_entry()
    else:
        log._edit(log.model.record(log.view.currentIndex()), "notes", "Онлайн сабак")
    assert told == [True] and page.undo_stack.count() == 0
    with demo_db.session() as s:
        assert s.get(TeachingLogEntry, entry_id).notes == "Сабак башка күнгө жылдырылды"


def _series_with_meetings(page, demo_db, count: int) -> int:
    page.new_series({"name": "Кураторлордун кеңешмеси", "kind": "curators", "recurrence": "weekly", "weekday": 2})
    series_id = page.series.currentData()
    for _ in range(count):
        page.actions_by_key["next"].trigger()
    page.confirm = lambda text: True
    return series_id


@pytest.mark.parametrize("change", ["series", "meeting"])
@pytest.mark.parametrize("when", ["delete", "redo of a delete", "redo alone"])
def test_a_meeting_series_delete_never_deletes_another_offices_change_unseen(when, change, qtbot, demo_db,
                                                                             monkeypatch):
    """Two sessions: the series delete expects the series as shown and the planned meetings the
    user confirmed; its redo deletes only what its undo put back."""
    from sqlalchemy import select

    from desktop.models import meetings as mt
    from desktop.views.common.area import AppContext
    from desktop.views.meetings import MeetingsArea

    page = MeetingsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    series_id = _series_with_meetings(page, demo_db, 2)
    with demo_db.session() as s:
        meetings = list(s.scalars(select(mt.Meeting.id).where(mt.Meeting.series_id == series_id)))
    assert len(meetings) == 2
    told = _told(monkeypatch)
    if when != "delete":
        page.delete_series()
        page.undo_stack.undo()  # the series and its two meetings are back
        page.series.setCurrentIndex(page.series.findData(series_id))
    if when == "redo alone":
        page.undo_stack.redo()
        with demo_db.session() as s:
            assert s.get(mt.MeetingSeries, series_id) is None and s.get(mt.Meeting, meetings[0]) is None
        assert told == []
        return
    with demo_db.session() as other:  # another office, after the series was shown
        if change == "series":
            other.get(mt.MeetingSeries, series_id).place = "Ауд. 214"
        else:
            other.get(mt.Meeting, meetings[-1]).place = "Ауд. 214"
    count = page.undo_stack.count()
    if when == "delete" and change == "meeting":
        # A planned meeting's place is not what the user confirmed (their number is): the delete
        # goes on; its undo gives the meeting back as changed. The redo is where a change is refused.
        page.delete_series()
        assert told == [] and page.undo_stack.count() == count + 1
        page.undo_stack.undo()
        with demo_db.session() as s:
            assert s.get(mt.Meeting, meetings[-1]).place == "Ауд. 214"
        return
    if when == "delete":
        page.delete_series()  # refused: told (reload?)
        assert page.undo_stack.count() == count
    else:
        page.undo_stack.redo()  # refused: told (reload?), and the entry leaves the stack
        assert page.undo_stack.count() == count - 1
    assert told == [True]
    with demo_db.session() as s:
        assert s.get(mt.MeetingSeries, series_id) is not None
        kept = s.get(mt.Meeting, meetings[-1]) if change == "meeting" else s.get(mt.MeetingSeries, series_id)
        assert kept.place == "Ауд. 214"


def test_a_meeting_series_delete_refuses_a_meeting_another_office_added(qtbot, demo_db, monkeypatch):
    from desktop.models import meetings as mt
    from desktop.models import meetings_agenda as ag
    from desktop.views.common.area import AppContext
    from desktop.views.meetings import MeetingsArea

    page = MeetingsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    series_id = _series_with_meetings(page, demo_db, 1)
    added: list[int] = []

    def confirm(text: str) -> bool:  # while the user reads "1 planned meeting", another office plans one more
        if not added:
            with demo_db.session() as other:
                added.append(ag.create_next_meeting(other, series_id).id)
        return True

    page.confirm = confirm
    told = _told(monkeypatch)
    page.delete_series()  # the user confirmed one planned meeting, there are two: refused
    assert told == [True] and added
    with demo_db.session() as s:
        assert s.get(mt.MeetingSeries, series_id) is not None and s.get(mt.Meeting, added[0]) is not None


def _curator_form_with_lines(qtbot, demo_db):
    from PySide6.QtCore import QDate
    from sqlalchemy import select

    from desktop.models.curators import CuratorActivity, CuratorReport, ReportStatus
    from desktop.views.common.area import AppContext
    from desktop.views.curators import CuratorsArea

    page = CuratorsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    page.as_of.setDate(QDate(2026, 2, 20))
    with demo_db.session() as s:
        report = s.scalars(select(CuratorReport).join(CuratorActivity, CuratorActivity.report_id == CuratorReport.id)
                           .where(CuratorReport.status != ReportStatus.ACCEPTED.value)
                           .order_by(CuratorReport.id)).first()
        assert report is not None
        where = (report.assignment_id, (report.year, report.month))
    page.form.select(*where)
    table = page.form.tables["activities"]
    assert table.model.rowCount() > 0
    assert table.view.model() is table.model
    table.view.setCurrentIndex(table.model.index(0, 0))
    return page, table, table.model.record(table.view.currentIndex())


@pytest.mark.parametrize("when", ["delete", "redo of a delete", "redo alone", "edit", "undo of an edit"])
def test_a_curator_report_line_never_overwrites_another_office(when, qtbot, demo_db, monkeypatch):
    """Two sessions: a report line's delete and edits expect the line as the form showed it; the
    redo of a delete deletes only what its undo put back."""
    from desktop.models.curators import CuratorActivity

    page, table, line = _curator_form_with_lines(qtbot, demo_db)
    line_id = line["id"]
    topic = next(i for i, c in enumerate(table.model.columns) if c.key == "topic")
    told = _told(monkeypatch)
    if when in ("redo of a delete", "redo alone"):
        page.form.delete_line("activities")
        page.undo_stack.undo()
    if when == "undo of an edit":
        assert table.model.setData(table.model.index(table.model.rows.index(line), topic), "Ата-энелер жыйыны")
    if when == "redo alone":
        page.undo_stack.redo()
        with demo_db.session() as s:
            assert s.get(CuratorActivity, line_id) is None
        assert told == []
        return
    with demo_db.session() as other:  # another office, after the form was shown
        other.get(CuratorActivity, line_id).topic = "Сабакка катышуу (башка кеңсе)"
    count = page.undo_stack.count()
    if when == "delete":
        page.form.delete_line("activities")
        assert page.undo_stack.count() == count
    elif when == "edit":
        row = next(i for i, r in enumerate(table.model.rows) if r["id"] == line_id)
        table.model.setData(table.model.index(row, topic), "Ата-энелер жыйыны")
        assert page.undo_stack.count() == count
    else:
        page.undo_stack.redo() if when == "redo of a delete" else page.undo_stack.undo()
        assert page.undo_stack.count() == count - 1
    assert told == [True]
    with demo_db.session() as s:
        assert s.get(CuratorActivity, line_id).topic == "Сабакка катышуу (башка кеңсе)"


def test_the_first_delete_of_a_request_never_deletes_another_offices_change_unseen(qtbot, demo_db, monkeypatch):
    from desktop.models.requests import ServiceRequest
    from desktop.views.common.area import AppContext
    from desktop.views.requests import RequestsArea

    page = RequestsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    rid = page.current_request_id()
    with demo_db.session() as other:  # another office, after the register was shown
        other.get(ServiceRequest, rid).note = "Справка даяр, студент алып кетет"
    told = _told(monkeypatch)
    page.delete_request()  # refused: told (reload?), nothing on the stack
    assert told == [True] and page.undo_stack.count() == 0
    with demo_db.session() as s:
        assert s.get(ServiceRequest, rid).note == "Справка даяр, студент алып кетет"


@pytest.mark.parametrize("change", ["note", "date", "sub-row"])
def test_the_first_delete_of_a_calendar_event_never_deletes_another_offices_change_unseen(change, qtbot, demo_db,
                                                                                          monkeypatch):
    import datetime as dt

    from sqlalchemy import select

    from desktop.models import academic_calendar as ac
    from desktop.views.calendar import CalendarArea
    from desktop.views.common.area import AppContext

    page = CalendarArea(AppContext(demo_db))
    qtbot.addWidget(page)
    event = next(e for e in page.data.events if e.parent_id is None and e.kind and e.entries)
    page.tree.setCurrentIndex(page.model.index_of_event(event.id, 1))
    assert page.selected_event_id() == event.id
    with demo_db.session() as other:  # another office, after the calendar was shown
        if change == "note":
            other.get(ac.CalendarEvent, event.id).note = "Ректордун буйругу менен жылдырылды"
        elif change == "date":
            date = other.scalars(select(ac.CalendarDate).where(ac.CalendarDate.event_id == event.id)).first()
            date.text = "Ректордун буйругу менен"
            date.start = dt.date(2026, 12, 24)
        else:
            other.add(ac.CalendarEvent(calendar_id=page.data.id, category=event.category, title="Кошумча сабак",
                                       parent_id=event.id, position=99))
    told = _told(monkeypatch)
    page.delete_event()  # refused: told (reload?), nothing on the stack
    assert told == [True] and page.undo_stack.count() == 0
    with demo_db.session() as s:
        assert s.get(ac.CalendarEvent, event.id) is not None


def test_the_first_delete_of_a_calendar_event_as_shown_goes_through(qtbot, demo_db):
    from desktop.models import academic_calendar as ac
    from desktop.views.calendar import CalendarArea
    from desktop.views.common.area import AppContext

    page = CalendarArea(AppContext(demo_db))
    qtbot.addWidget(page)
    event = next(e for e in page.data.events if e.parent_id is None and e.kind and e.entries)
    page.tree.setCurrentIndex(page.model.index_of_event(event.id, 1))
    page.delete_event()
    with demo_db.session() as s:
        assert s.get(ac.CalendarEvent, event.id) is None
    page.undo_stack.undo()
    with demo_db.session() as s:
        assert s.get(ac.CalendarEvent, event.id) is not None


def test_kill_9_during_an_export_keeps_the_old_file_and_nothing_in_tmp(export_db, tmp_path):
    """kill -9 at several points of a students export over an existing file."""
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    path, _request = export_db
    private_tmp = tmp_path / "system-tmp"
    private_tmp.mkdir()
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "students.xlsx"
    target.write_bytes(OLD)
    env = {**os.environ, "TMPDIR": str(private_tmp), "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "desktop", "--database", str(path), "export", "students", "--format", "xlsx",
            "-o", str(target)]
    for delay in (0.3, 0.6, 0.9, 1.2):
        proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = target.read_bytes()
        assert data == OLD or data.startswith(b"PK\x03\x04") and len(data) > 5000  # old, or the new one whole
        if data != OLD:
            import openpyxl

            assert openpyxl.load_workbook(target).active.max_row > 100
            target.write_bytes(OLD)
        assert list(private_tmp.iterdir()) == []
    # The next export removes what the killed ones left beside the target.
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["students.xlsx"]


def _plan_tree(text: str) -> dict:
    return {"year": "2025-2026", "title": "Work plan", "approval_date": None, "approver_position": "",
            "approver_name": "", "sections": [{"number": 1, "title": "Educational work", "items": [
                {"number": "1.1", "text": text, "deadline": {"kind": "text", "text": "September"},
                 "responsible_text": "Dean's office"},
                {"number": "1.2", "text": "Short item", "deadline": {"kind": "text", "text": "October"},
                 "responsible_text": "Dean's office"}]}]}


@pytest.mark.parametrize("text", ["Word " * 800, "Start " + "Ж" * 300 + " end", "Word " * 80_000],
                         ids=["4000-characters", "300-character-word", "400k-characters"])
def test_the_work_plan_pdf_copes_with_the_longest_texts(text, tmp_path):
    import re
    import subprocess
    import time

    from desktop.reports.workplan_pdf import plan_pdf

    out = tmp_path / "plan.pdf"
    started = time.perf_counter()
    plan_pdf(out, _plan_tree(text), "en")  # no LayoutError
    assert time.perf_counter() - started < 10
    words = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    page_width = 595.3
    right_edges = [float(x) for x in re.findall(r'xMax="([0-9.]+)"', words)]
    assert right_edges and max(right_edges) < page_width - 10 * 2.83  # nothing beyond the right margin
    plain = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Short item" in plain  # the rest of the plan is still there after the long item
    if "Ж" in text:
        assert plain.count("Ж") == 300 and "end" in plain
    else:
        assert plain.count("Word") == text.count("Word")


TALL_TEXT = " ".join(f"слово{i}" for i in range(500)) + " КОНЕЦ"  # about 4,400 characters, many lines


@pytest.fixture(scope="module")
def tall_db(tmp_path_factory, demo_template):
    """The demo faculty with every text a PDF table shows made as long as the model allows: 4,400
    characters where the column is unbounded, the column's limit (a name without a space) elsewhere."""
    path = tmp_path_factory.mktemp("tall") / "faculty.sqlite3"
    shutil.copyfile(demo_template, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE calendar_event SET title = ?, note = ?", (TALL_TEXT, TALL_TEXT))
    conn.execute("UPDATE service_request SET note = ?", (TALL_TEXT,))
    conn.execute("UPDATE request_step SET note = ?", (TALL_TEXT[:500],))
    conn.execute("UPDATE agenda_item SET title = ?, heard = ?, decided = ?", (TALL_TEXT,) * 3)
    conn.execute("UPDATE meeting_decision SET text = ?", (TALL_TEXT,))
    conn.execute("UPDATE teaching_log_entry SET notes = ?", (TALL_TEXT,))
    conn.execute("UPDATE curator_report SET remarks = ?", (TALL_TEXT,))
    conn.execute("UPDATE discipline SET name = printf('%d', id) || substr(?, 1, 296)", ("Д" * 300,))
    conn.execute("UPDATE student SET last_name = ?, first_name = ?", ("Ж" * 100, "Ы" * 100))
    conn.commit()
    request = conn.execute("SELECT min(id) FROM service_request").fetchone()[0]
    conn.close()
    return path, request


# Every PDF whose tables hold what users type, and whether the long text ends up whole in it.
TALL_EXPORTS = {
    "calendar": (["export", "calendar", "--year", "2025-2026", "--format", "pdf"], "КОНЕЦ"),
    "agenda-minutes": (["export", "agenda", "--date", "2025-09-01"], "КОНЕЦ"),
    "request-card": (["export", "request", "--id", "{request}", "--format", "pdf", "--date", "2025-12-01"], "КОНЕЦ"),
    "requests-register": (["export", "requests", "--format", "pdf", "--date", "2025-12-01"], None),
    "teaching-log": (["export", "teaching-log", "--teacher", "Осмонова Ч.Т.", "--month", "2025-11",
                      "--format", "pdf"], "КОНЕЦ"),
    "curator-reports": (["export", "curator-reports", "--year", "2025-2026", "--format", "pdf",
                         "--as-of", "2025-12-01"], None),
    "exam-schedule": (["export", "session", "--year", "2025-2026", "--session", "winter", "--format", "pdf"], "Д" * 40),
    "group-lists": (["export", "students", "--format", "pdf"], "Ж" * 20),
}


@pytest.mark.parametrize("name", list(TALL_EXPORTS))
def test_every_pdf_table_copes_with_the_longest_texts(name, tall_db, tmp_path, capsys):
    """No LayoutError, no text beyond the page's edge, the long text whole (a row taller than a page
    goes on over the next pages)."""
    import re
    import subprocess

    from desktop.cli import main

    path, request = tall_db
    argv, marker = TALL_EXPORTS[name]
    out = tmp_path / f"{name}.pdf"
    capsys.readouterr()
    status = main(["--database", str(path), "--lang", "en", *[a.replace("{request}", str(request)) for a in argv],
                   "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 0, err
    assert "unexpected" not in err
    boxes = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="([0-9.]+)" height="([0-9.]+)">(.*?)</page>', boxes, re.DOTALL)
    assert pages
    for width, height, words in pages:
        assert max((float(x) for x in re.findall(r'xMax="([0-9.]+)"', words)), default=0) <= float(width) - 14
        assert max((float(y) for y in re.findall(r'yMax="([0-9.]+)"', words)), default=0) <= float(height) - 14
    if marker is not None:
        plain = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert marker in plain.replace("\n", "").replace("-", "")
        if marker == "КОНЕЦ":  # each long text in one piece: its 500 words all there, in order
            assert "слово0" in plain and "слово499" in plain


def test_pdf_time_grows_linearly_with_text_length(tmp_path):
    import time

    from desktop.reports.workplan_pdf import plan_pdf

    def seconds(n: int) -> float:
        started = time.perf_counter()
        plan_pdf(tmp_path / f"p{n}.pdf", _plan_tree("Word " * n), "en")
        return time.perf_counter() - started

    seconds(1000)  # fonts and caches
    small, large = seconds(8_000), seconds(80_000)
    assert large < 25 * max(small, 0.01)  # ten times the text: far from a hundred times the time


def test_a_mass_delete_in_the_window_backs_up_first_and_says_where(qtbot, demo_db, monkeypatch):
    """A whole work plan deleted from the window: the backup is taken before the delete, holds the
    plan, and the status bar names it; a single item delete takes none (threshold: more than 20
    rows, or any whole plan, section or series)."""
    if demo_db.path is None:
        pytest.skip("a server database has no backup file; its own backups are the server's")
    from PySide6.QtWidgets import QMessageBox

    from desktop.views.common.area import AppContext
    from desktop.views.workplan import WorkPlanArea

    page = WorkPlanArea(AppContext(demo_db))
    qtbot.addWidget(page)
    said: list[str] = []
    page.ctx.status_message.connect(said.append)
    folder = demo_db.path.with_name(demo_db.path.stem + ".backups")
    # one item: no backup
    page.view.setCurrentIndex(page.proxy.mapFromSource(page.model.index(0, 0, page.model.index(0, 0))))
    assert page.current_node()[0][0] == "item"
    page.delete_current()
    assert not list(folder.glob("*-delete.sqlite3")) and said == []
    items = sqlite3.connect(demo_db.path).execute("SELECT count(*) FROM workplan_item").fetchone()[0]
    assert items > 20
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_plan()
    backups = list(folder.glob("*-delete.sqlite3"))
    assert len(backups) == 1
    assert said == [f"The previous data was saved as {backups[0]}"]
    kept = sqlite3.connect(backups[0])
    assert kept.execute("SELECT count(*) FROM workplan_item").fetchone()[0] == items
    kept.close()
    assert sqlite3.connect(demo_db.path).execute("SELECT count(*) FROM workplan_item").fetchone()[0] == 0
    assert os.stat(folder).st_mode & 0o777 == 0o700


@pytest.mark.parametrize("what", ["a section with items", "a series with meetings", "21 exams", "20 exams"])
def test_a_mass_delete_of_a_section_series_or_exams_backs_up_first_and_says_where(what, qtbot, demo_db,
                                                                                  monkeypatch):
    """The backup holds what was deleted, is taken before the delete and named in the status bar;
    20 exams are not a mass delete (more than 20 rows, or a whole section or series, are)."""
    if demo_db.path is None:
        pytest.skip("a server database has no backup file; its own backups are the server's")
    from desktop.views.common.area import AppContext

    said: list[str] = []
    ctx = AppContext(demo_db)
    ctx.status_message.connect(said.append)
    folder = demo_db.path.with_name(demo_db.path.stem + ".backups")

    def count(sql: str, path=demo_db.path) -> int:
        conn = sqlite3.connect(path)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()

    if what == "a section with items":
        from desktop.views.workplan import WorkPlanArea

        page = WorkPlanArea(ctx)
        qtbot.addWidget(page)
        page.view.setCurrentIndex(page.proxy.mapFromSource(page.model.index(0, 0)))
        (kind, row), _index = page.current_node()
        assert kind == "section" and row["items"]
        gone = f"SELECT count(*) FROM workplan_item WHERE section_id = {row['id']}"
        before = count(gone)
        page.delete_current()
    elif what == "a series with meetings":
        from desktop.views.meetings import MeetingsArea

        page = MeetingsArea(ctx)
        qtbot.addWidget(page)
        series_id = _series_with_meetings(page, demo_db, 2)
        gone = f"SELECT count(*) FROM meeting WHERE series_id = {series_id}"
        before = count(gone)
        assert before == 2
        page.delete_series()
    else:
        from sqlalchemy import select

        from desktop.models.exams import Exam
        from desktop.views.exams import ExamsArea

        page = ExamsArea(ctx)
        qtbot.addWidget(page)
        with demo_db.session() as s:
            ids = list(s.scalars(select(Exam.id).order_by(Exam.id).limit(int(what.split()[0]))))
        assert len(ids) == int(what.split()[0])
        gone = f"SELECT count(*) FROM exam WHERE id IN ({', '.join(map(str, ids))})"
        before = count(gone)
        assert before == len(ids)
        page.delete_exams(ids)
    assert count(gone) == 0  # deleted
    backups = sorted(folder.glob("*-delete.sqlite3")) if folder.exists() else []
    if what == "20 exams":
        assert backups == [] and said == []
        return
    assert len(backups) == 1
    assert said == [f"The previous data was saved as {backups[0]}"]
    assert before > 0 and count(gone, backups[0]) == before  # the backup holds all that was deleted
    assert os.stat(folder).st_mode & 0o777 == 0o700


def test_an_import_backs_the_database_up_first_and_says_where(tmp_path, migrated_template, capsys):
    from desktop.cli import main

    path = _db_with_student(tmp_path, migrated_template)
    main(["--database", str(path), "import", "students", str(_students_file(tmp_path)), "--group", "ЮР-1-25"])
    out = capsys.readouterr().out
    saved = [p for _when, p in backups.list_backups(path)]
    assert len(saved) == 1 and saved[0].name.endswith("-import.sqlite3")
    assert f"The previous data was saved as {saved[0]}" in out
    copy = sqlite3.connect(saved[0])
    assert copy.execute("SELECT name FROM faculty").fetchall() == [("Faculty of Law",)]
    assert copy.execute("SELECT count(*) FROM student").fetchone()[0] == 0  # the state before the import


def test_a_backup_onto_a_full_disk_leaves_no_half_copy(tmp_path, demo_template, capsys):
    from desktop.cli import main

    disk = _small_disk(tmp_path)
    path = tmp_path / "faculty.sqlite3"
    shutil.copyfile(demo_template, path)
    try:
        target = disk.where / "copy.sqlite3"
        target.write_bytes(OLD)
        disk.fill()
        assert main(["--database", str(path), "backup", "-o", str(target)]) == 1
        err = capsys.readouterr().err
        assert err.strip() == (f"dekanat: {target} was not written: the disk is full. "
                               "An existing file of that name was not changed.")
        assert target.read_bytes() == OLD
        assert sorted(p.name for p in disk.where.iterdir()) == sorted(["filler", target.name])
    finally:
        disk.close()


def test_the_window_on_a_read_only_file_of_an_older_schema_says_why_it_cannot_open(qtbot, tmp_path, monkeypatch):
    import argparse

    from PySide6.QtWidgets import QMessageBox

    from desktop.models.migrate import known_revisions, upgrade
    from desktop.views.app import start_window

    path = tmp_path / "old.sqlite3"
    old = Database(path)
    upgrade(old, backup=False, revision=known_revisions()[-2])
    old.dispose()
    os.chmod(path, 0o444)
    before = _state(path)
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *a: said.append(text))
    assert start_window(argparse.Namespace(database=str(path), lang="en")) == 1
    assert said == [(f"The database {path} is read-only and was written by an older Dekanat: it must be brought up "
                     "to date before use. Make the file writable, or open a copy.")]
    assert _state(path) == before


# What a person may still do on a read-only database: find, open to read, print and export.
READING_COMMANDS = {
    "find", "refresh", "open", "card", "preview", "pdf", "excel", "card_pdf", "card_preview", "excel_groups",
    "group_list", "headcount_pdf", "headcount_xlsx", "month_excel", "month_preview", "preview_agenda",
    "register_export", "content_lang", "history",
}


# Buttons of detail panes that only read (the test's own list, by their English text).
READING_BUTTONS = {"Print preview", "Print preview…", "PDF…", "Receipt…", "Refusal letter…", "Export to Excel…",
                   "Month", "Week by week", "◀ Earlier", "This week", "Later ▶", "Due by", "Overdue only", "»"}


def _open_detail_panes(key: str, page, db) -> None:
    """Load what a person opens to read: a meeting in the editor, a curator's report that is
    still a draft, a request in progress in its card."""
    from sqlalchemy import select

    if key == "meetings":
        from desktop.models import meetings as mt

        with db.session() as s:
            meeting_id = s.scalar(select(mt.Meeting.id).where(mt.Meeting.minutes_signed_on.is_(None))
                                  .order_by(mt.Meeting.date.desc()))
        page.open_meeting(meeting_id)
        assert page.editor.isEnabled()
    elif key == "curators":
        from desktop.models.curators import CuratorReport, ReportStatus

        with db.session() as s:
            report = s.scalars(select(CuratorReport).where(CuratorReport.status != ReportStatus.ACCEPTED.value)
                               .order_by(CuratorReport.id)).first()
            where = (report.assignment_id, (report.year, report.month))
        page.form.select(*where)
        assert page.form.report_id is not None
    elif key == "requests":
        for r in range(page.proxy.rowCount()):
            page.view.setCurrentIndex(page.proxy.index(r, 0))
            if page.card.done_button.text() and page.card.refuse_button.text():
                break


def _editable_text_fields(page) -> list[str]:
    """Text fields of detail panes a person could type into (searches and filters excepted)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    from desktop.views.common.page import CommandBar, FilterBar

    found = []
    for field in [*page.findChildren(QLineEdit), *page.findChildren(QPlainTextEdit), *page.findChildren(QTextEdit)]:
        if not field.isEnabled() or field.isReadOnly():
            continue
        if isinstance(field, QLineEdit) and field.placeholderText() in ("Search… (Ctrl+F)", "Filter…"):
            continue
        w, inside = field.parentWidget(), False
        while w is not None and w is not page:
            inside = inside or isinstance(w, (CommandBar, FilterBar, QAbstractSpinBox, QComboBox))
            w = w.parentWidget()
        if not inside:
            found.append(f"{type(field).__name__} in {type(field.parentWidget()).__name__}")
    return found


def _enabled_write_buttons(page) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QCalendarWidget, QLineEdit, QToolButton

    from desktop.views.common.page import CommandBar, FilterBar

    found = []
    for button in page.findChildren(QAbstractButton):
        if not button.isEnabled() or button.objectName().startswith("qt_") or isinstance(button.parentWidget(),
                                                                                          QLineEdit):
            continue  # Qt's own (a table's corner, a search field's clear button)
        act = button.defaultAction() if isinstance(button, QToolButton) else None
        if act is not None and act in page.commands.values():
            continue  # a command: the walk above checked it
        w, in_bar = button.parentWidget(), False
        while w is not None and w is not page:
            in_bar = in_bar or isinstance(w, (CommandBar, FilterBar, QCalendarWidget))
            w = w.parentWidget()
        text = (act.text() if act is not None else button.text()).replace("&", "")
        if not in_bar and text not in READING_BUTTONS:
            found.append(f"{type(button).__name__} “{text}” in {type(button.parentWidget()).__name__}")
    return found


def test_the_window_on_a_read_only_file_leaves_no_writing_command_enabled_in_any_area(qtbot, tmp_path,
                                                                                      demo_template):
    """Every area (each page is built when first shown, after the window has started) is walked
    with a row selected, so the commands that follow the selection would be enabled."""
    import argparse

    from PySide6.QtWidgets import QAbstractItemView

    from desktop.views.app import start_window
    from desktop.views.areas import AREAS

    path = tmp_path / "faculty.sqlite3"
    shutil.copyfile(demo_template, path)
    os.chmod(path, 0o444)
    started = start_window(argparse.Namespace(database=str(path), lang="en"))
    assert not isinstance(started, int)
    _app, window, _lock = started
    qtbot.addWidget(window)
    try:
        for act in (window.act_restore, window.act_faculty, window.act_frame, *window.country_actions.values()):
            assert not act.isEnabled(), act.text()
        disabled, still_enabled = set(), set()
        pane_writes: list[str] = []
        for area in AREAS:
            page = window.show_area(area.key)
            view = page.list_view
            if view is not None and view.model() is not None and view.model().rowCount() > 0:
                view.setCurrentIndex(view.model().index(0, 0))
            page.update_commands()
            for key, act in page.commands.items():
                if act.isEnabled():
                    still_enabled.add(key)
                    assert key in READING_COMMANDS or page.command_kinds[key] in ("print", "pdf", "excel"), \
                        f"{area.key}: {key} writes and is enabled"
                else:
                    disabled.add(key)
            for v in page.findChildren(QAbstractItemView):
                assert v.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers, area.key
                assert v.dragDropMode() == QAbstractItemView.DragDropMode.NoDragDrop, area.key
            # The buttons inside detail panes and forms, with what they show loaded as for reading.
            _open_detail_panes(area.key, page, window.db)
            pane_writes.extend(f"{area.key}: {b}" for b in _enabled_write_buttons(page))
            pane_writes.extend(f"{area.key}: {f}" for f in _editable_text_fields(page))
            if area.key == "students":  # the student card, a dialog opened for reading
                from PySide6.QtWidgets import QAbstractButton

                card = page.open_card()
                shown = {b.text().replace("&", "") for b in card.findChildren(QAbstractButton)
                         if b.isEnabled() and not b.objectName().startswith("qt_")}
                card.close()
                assert shown and shown <= {"Close", "History…"}, shown
        assert pane_writes == []
        # Writing commands of every kind were there and are off; reading ones still work.
        assert {"new", "enrol", "import", "delete", "edit", "move", "promote", "generate"} <= disabled
        assert {"find", "pdf", "excel", "preview"} <= still_enabled
        assert os.stat(path).st_mode & 0o777 == 0o444
    finally:
        window.close()


def test_the_window_on_a_read_only_file_says_so_and_edits_nothing_in_place(qtbot, tmp_path, demo_template):
    import argparse

    from PySide6.QtWidgets import QAbstractItemView, QLabel

    from desktop.views.app import start_window

    path = tmp_path / "faculty.sqlite3"
    shutil.copyfile(demo_template, path)
    os.chmod(path, 0o444)
    started = start_window(argparse.Namespace(database=str(path), lang="en"))
    assert not isinstance(started, int)
    _app, window, lock = started
    qtbot.addWidget(window)
    try:
        assert lock is None  # nothing to guard: the file cannot be written
        assert window.windowTitle().endswith("— read-only")
        notice = window.findChild(QLabel, "readOnlyNotice")
        assert notice.text() == f"Read-only: {path}. Changes cannot be saved; reading, printing and exports work."
        views = window.findChildren(QAbstractItemView)
        assert views and all(v.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers for v in views)
        assert os.stat(path).st_mode & 0o777 == 0o444
    finally:
        window.close()
