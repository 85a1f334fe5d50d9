"""import students / export students / export headcount from the command line."""

import sqlite3
import subprocess

import openpyxl


def make_list(path, rows):
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_import_dry_run_then_import_and_bad_file(cli, tmp_path):
    db = tmp_path / "d.sqlite3"
    assert cli("--database", str(db), "demo", "--students", "30").returncode == 0
    good = make_list(tmp_path / "g.xlsx", [["ФИО", "Группа", "Зачетка"], ["Ким Анна", "МАТ-1-25", "900001"],
                                           ["Ли Мария", "НОВАЯ-1-25", "900002"]])
    dry = cli("--database", str(db), "import", "students", str(good), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Students to add: 2" in dry.stdout and "НОВАЯ-1-25" in dry.stdout
    count = lambda: sqlite3.connect(db).execute("SELECT count(*) FROM student").fetchone()[0]  # noqa: E731
    assert count() == 30
    done = cli("--database", str(db), "import", "students", str(good))
    assert done.returncode == 0, done.stderr
    assert count() == 32
    bad = make_list(tmp_path / "b.xlsx", [["ФИО", "Группа", "Дата рождения"], ["Пак Ирина", "МАТ-1-25", "30.02.2006"],
                                          ["Ким", "МАТ-1-25", None]])
    refused = cli("--database", str(db), "import", "students", str(bad))
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[:2] == [
        'row 2, column "Дата рождения": impossible date “30.02.2006”.',
        'row 3, column "ФИО": the last name and the first name are required.']
    assert count() == 32
    assert cli("--database", str(db), "check").returncode == 0


def test_exports(cli, tmp_path):
    db = tmp_path / "d.sqlite3"
    assert cli("--database", str(db), "demo", "--students", "30").returncode == 0
    group = sqlite3.connect(db).execute("SELECT name FROM student_group ORDER BY name LIMIT 1").fetchone()[0]
    xlsx, pdf, hc = tmp_path / "s.xlsx", tmp_path / "s.pdf", tmp_path / "h.pdf"
    r = cli("--database", str(db), "export", "students", "--format", "xlsx", "-o", str(xlsx))
    assert r.returncode == 0, r.stderr
    assert openpyxl.load_workbook(xlsx).active.max_row == 31
    r = cli("--database", str(db), "export", "students", "--format", "pdf", "-o", str(pdf), "--group", group,
            "--lang", "kk")
    assert r.returncode == 0, r.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    listed = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout
    assert group in listed
    assert cli("--database", str(db), "export", "students", "--format", "pdf", "-o", str(pdf),
               "--group", "НЕТ-9-99").returncode == 1
    r = cli("--database", str(db), "export", "headcount", "--date", "2025-12-01", "--format", "pdf", "-o", str(hc))
    assert r.returncode == 0, r.stderr
    assert cli("--database", str(db), "export", "headcount", "--date", "1.12.2025", "--format", "pdf",
               "-o", str(hc)).returncode == 2
