"""The owner-only log tells support what was imported, restored and backed up (what, how many,
how long, which file by its base name), written only once the work is committed, never a value
from the records."""

from __future__ import annotations

import logging
import re

import pytest

from desktop.cli import main
from desktop.models.db import Database
from tests.factories import xlsx

NAMES = ["Асанов", "Бакыт", "Үсөнова", "Айпери", "ЮР-1-25", "ЮР-2-25"]


def students_file(tmp_path):
    return xlsx(tmp_path / "тизме.xlsx", [
        ["Список студентов юридического факультета"],
        ["Фамилия", "Имя", "Группа"],
        ["Асанов", "Бакыт", "ЮР-1-25"],
        ["Үсөнова", "Айпери", "ЮР-2-25"],
    ])


def events(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "dekanat.events"]


def test_a_student_import_is_logged_with_its_counts_and_no_names(db_path, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="dekanat.events")
    assert main(["--database", str(db_path), "import", "students", str(students_file(tmp_path))]) == 0
    lines = [e for e in events(caplog) if e.startswith("students imported")]
    assert len(lines) == 1
    assert re.fullmatch(r"students imported file=тизме\.xlsx added=2 changed=0 unchanged=0 new_groups=2 ms=\d+",
                        lines[0])
    for name in NAMES:
        assert name not in caplog.text


def test_an_import_rolled_back_leaves_no_line_saying_it_was_written(db_path, tmp_path, caplog):
    from desktop.reports.student_import.writing import import_students

    caplog.set_level(logging.INFO, logger="dekanat.events")
    db = Database(db_path)
    try:
        with pytest.raises(RuntimeError), db.session() as s:
            import_students(s, students_file(tmp_path))
            raise RuntimeError("the office pressed Cancel after the rows were written")
        assert not any(e.startswith("students imported") for e in events(caplog))
        with db.session() as s:  # the next commit does not bring the dropped line back
            import_students(s, students_file(tmp_path), dry_run=True)
        assert not any(e.startswith("students imported") for e in events(caplog))
        with db.session() as s:
            import_students(s, students_file(tmp_path))
        assert [e.split(" ms=")[0] for e in events(caplog) if e.startswith("students imported")] == [
            "students imported file=тизме.xlsx added=2 changed=0 unchanged=0 new_groups=2"]
    finally:
        db.dispose()


def test_a_work_plan_import_is_logged_with_its_sections_and_items(db_path, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="dekanat.events")
    template = tmp_path / "план.docx"
    assert main(["--database", str(db_path), "export", "workplan-template", "-o", str(template)]) == 0
    assert main(["--database", str(db_path), "import", "workplan", str(template), "--year", "2026-2027"]) == 0
    lines = [e for e in events(caplog) if e.startswith("work plan imported")]
    assert len(lines) == 1
    # the template (reports/templates.py PLAN_EXAMPLES) holds three sections of one item each
    assert re.fullmatch(r"work plan imported year=2026-2027 sections=3 items=3 ms=\d+", lines[0])


def test_a_backup_and_a_restore_are_logged_by_file_name(db_path, tmp_path, caplog, monkeypatch):
    monkeypatch.setenv("DEKANAT_DATA_DIR", str(tmp_path / "data"))
    caplog.set_level(logging.INFO, logger="dekanat.events")
    assert main(["--database", str(db_path), "import", "students", str(students_file(tmp_path))]) == 0
    copy = tmp_path / "копия.sqlite3"
    assert main(["--database", str(db_path), "backup", "-o", str(copy)]) == 0
    assert main(["--database", str(db_path), "restore", str(copy)]) == 0
    taken = [e for e in events(caplog) if e.startswith("backup taken")]
    restored = [e for e in events(caplog) if e.startswith("database restored")]
    # the import backed up first (reason=import), then the office's own copy, then the restore backed up
    # the file it replaces (reason=restore) before it said what it put in
    assert [e.rsplit(" reason=", 1)[1] for e in taken] == ["import", "manual", "restore"]
    assert re.fullmatch(r"backup taken file=копия\.sqlite3 bytes=\d+ reason=manual", taken[1])
    assert len(restored) == 1
    assert re.fullmatch(r"database restored source=копия\.sqlite3 backup=\S+\.sqlite3 bytes=\d+ ms=\d+", restored[0])
    for name in NAMES:
        assert name not in caplog.text


def test_an_export_is_logged_with_its_size_and_time(db_path, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="dekanat.events")
    assert main(["--database", str(db_path), "import", "students", str(students_file(tmp_path))]) == 0
    out = tmp_path / "студенттер.xlsx"
    assert main(["--database", str(db_path), "export", "students", "--format", "xlsx", "-o", str(out)]) == 0
    written = [e for e in events(caplog) if e.startswith("export written")]
    assert len(written) == 1
    assert re.fullmatch(r"export written file=студенттер\.xlsx bytes=(\d+) ms=\d+", written[0])
    assert int(written[0].split("bytes=")[1].split()[0]) == out.stat().st_size
    for name in NAMES:
        assert name not in caplog.text
