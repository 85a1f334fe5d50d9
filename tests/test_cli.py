"""The command line contract of CLI.md for the foundation sub-commands."""

import sqlite3

from desktop import __version__


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_usage_error_exits_2(cli):
    assert cli("no-such-command").returncode == 2


def test_demo_check_backup_restore(cli, tmp_path):
    db = tmp_path / "d.sqlite3"
    result = cli("--database", str(db), "demo", "--students", "80")
    assert result.returncode == 0, result.stderr
    assert "80 students" in result.stdout
    assert sqlite3.connect(db).execute("SELECT count(*) FROM student").fetchone()[0] == 80

    refused = cli("--database", str(db), "demo")
    assert refused.returncode == 1
    assert "--force" in refused.stderr

    assert cli("--database", str(db), "check").returncode == 0

    backup = tmp_path / "b.sqlite3"
    assert cli("--database", str(db), "backup", "-o", str(backup)).returncode == 0
    forced = cli("--database", str(db), "demo", "--students", "10", "--force")
    assert forced.returncode == 0, forced.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM student").fetchone()[0] == 10
    restored = cli("--database", str(db), "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM student").fetchone()[0] == 80


def test_database_from_environment(cli, tmp_path):
    db = tmp_path / "env.sqlite3"
    result = cli("demo", "--students", "5", env={"DEKANAT_DATABASE": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_check_fails_on_a_damaged_file(cli, tmp_path):
    db = tmp_path / "d.sqlite3"
    assert cli("--database", str(db), "demo", "--students", "300").returncode == 0
    data = bytearray(db.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 6)):
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))
    result = cli("--database", str(db), "check")
    assert result.returncode == 1
    assert result.stderr.strip()


def test_demo_is_deterministic(tmp_path, cli):
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for p in (a, b):
        assert cli("--database", str(p), "demo", "--students", "50").returncode == 0
    q = "SELECT last_name, first_name, patronymic, record_book FROM student ORDER BY id"
    assert sqlite3.connect(a).execute(q).fetchall() == sqlite3.connect(b).execute(q).fetchall()


def test_demo_has_kyrgyz_and_kazakh_patronymic_forms(demo_db):
    from sqlalchemy import select

    from desktop.models.contingent import Student

    with demo_db.session() as s:
        text = " ".join(f"{a} {b}" for a, b in s.execute(select(Student.last_name, Student.patronymic)))
    assert "уулу" in text or "кызы" in text
    assert "ұлы" in text or "қызы" in text
