"""Exam schedules in Excel (list, matrix with merged cells, sheet per course / programme), PDF, and the CLI."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from desktop.models.exam_schedule import ExamRow, GroupInfo, Schedule
from desktop.reports.exam_pdf import session_pdf
from desktop.reports.exam_xlsx import session_xlsx

D = dt.date


@pytest.fixture
def schedule() -> Schedule:
    groups = {1: GroupInfo(1, "ҚҰҚ-1-25", 1, 1, "510100", "Математика", 20),
              2: GroupInfo(2, "ПИ-1-25", 1, 1, "510100", "Математика", 22),
              3: GroupInfo(3, "ӨҮҢ-1-25", 1, 2, "710400", "Программалык инженерия", 18),
              4: GroupInfo(4, "МАТ-2-24", 2, 1, "510100", "Математика", 25)}
    exams = [
        # ҚҰҚ and ПИ sit one exam together: one merged cell in the matrix.
        ExamRow(1, 1, (1, 2), D(2025, 12, 22), 9 * 60, 120, 1, None, 1, "written",
                D(2025, 12, 20), 14 * 60, 1),
        ExamRow(2, 2, (3,), D(2025, 12, 22), 13 * 60, 120, 2, None, 2, "oral"),
        ExamRow(3, 3, (4,), D(2025, 12, 24), 9 * 60, 90, 2, None, 2, "project"),
        ExamRow(4, 2, (1,), D(2025, 12, 25), 9 * 60, 120, 1, None, 1, "test"),
    ]
    return Schedule(1, "2025-2026", "winter", D(2025, 12, 22), D(2026, 1, 17), "KG", exams=exams, groups=groups,
                    rooms={1: ("Ауд. 101", 60, "Башкы"), 2: ("305", 30, "ИТ")},
                    staff={1: "Сейітқали Д.А.", 2: "Өмүрбеков Т.Ү."},
                    disciplines={1: "Алгебра <b> & геометрия", 2: "=1+1", 3: "Ғылыми жоба һәм і"})


def test_matrix_excel_has_a_sheet_per_course_merged_headers_and_groups_sitting_together(tmp_path, schedule):
    from openpyxl import load_workbook

    path = tmp_path / "m.xlsx"
    session_xlsx(path, schedule, "ru", "matrix", "course")
    book = load_workbook(path)
    assert book.sheetnames == ["1 курс", "2 курс"]
    ws = book["1 курс"]
    assert ws["A6"].value == "Зимняя сессия 2025-2026: расписание экзаменов"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "B9:C9" in merged  # programme 510100 over its two groups
    assert "A9:A10" in merged  # the Date header over both header rows
    assert [ws.cell(10, c).value for c in range(2, 5)] == ["ҚҰҚ-1-25", "ПИ-1-25", "ӨҮҢ-1-25"]
    assert ws["D9"].value == "710400"
    assert ws["A11"].value == "22.12.2025\nпонедельник"
    assert "B11:C11" in merged  # one exam, two groups
    assert ws["B11"].value == "Алгебра <b> & геометрия\nСейітқали Д.А.\nАуд. 101, 09:00"
    assert ws["D11"].value == "=1+1\nӨмүрбеков Т.Ү.\n305, 13:00" and ws["D11"].data_type == "s"
    assert ws["B12"].value.startswith("=1+1") and ws["A12"].value.startswith("25.12.2025")
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$7:$10"  # the course line and both header rows
    assert ws["B11"].border.left.style == "thin"
    two = book["2 курс"]
    assert two["B11"].value == "Ғылыми жоба һәм і\nӨмүрбеков Т.Ү.\n305, 09:00"


def test_matrix_by_programme_and_the_list(tmp_path, schedule):
    from openpyxl import load_workbook

    path = tmp_path / "p.xlsx"
    session_xlsx(path, schedule, "kk", "matrix", "programme")
    book = load_workbook(path)
    assert book.sheetnames == ["510100 Математика", "710400 Программалык инженерия"]
    assert [book.worksheets[0].cell(10, c).value for c in range(2, 5)] == ["ҚҰҚ-1-25", "ПИ-1-25", "МАТ-2-24"]

    path = tmp_path / "l.xlsx"
    session_xlsx(path, schedule, "ky", "list", "course")
    ws = load_workbook(path)["1-курс"]
    header = [c.value for c in ws[9]]
    assert header == ["Күнү", "Убактысы", "Тайпа", "Дисциплина", "Түрү", "Экзамен алуучу", "Аудитория", "Консультация"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=10)]
    assert rows[0][0] == dt.datetime(2025, 12, 22)
    assert rows[0][1:] == ["09:00", "ҚҰҚ-1-25, ПИ-1-25", "Алгебра <b> & геометрия", "Жазуу жүзүндө",
                           "Сейітқали Д.А.", "Ауд. 101", "20.12.2025 14:00 Ауд. 101"]
    assert rows[1][3] == "=1+1" and rows[1][4] == "Оозеки"
    rows = rows[:3]  # then the compiler's signature line
    assert ws.auto_filter.ref == "A9:H12"


def test_timetables_per_examiner_and_room(tmp_path, schedule):
    from openpyxl import load_workbook

    path = tmp_path / "e.xlsx"
    session_xlsx(path, schedule, "ru", "examiner")
    ws = load_workbook(path).active
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert "Өмүрбеков Т.Ү." in values and "Сейітқали Д.А." in values
    assert "Защита проекта" in values and "09:00–10:30" in values


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_pdf_matrix_and_list_read_back(tmp_path, schedule):
    path = tmp_path / "m.pdf"
    session_pdf(path, schedule, "kk", "matrix", "course")
    text = _pdf_text(path)
    assert "Қысқы сессия 2025-2026: емтихандар кестесі" in text
    for needle in ("ҚҰҚ-1-25", "ӨҮҢ-1-25", "Алгебра <b> & геометрия", "=1+1", "Ғылыми жоба һәм і", "Өмүрбеков Т.Ү."):
        assert needle in text
    path = tmp_path / "l.pdf"
    session_pdf(path, schedule, "ru", "list", "programme")
    text = _pdf_text(path)
    assert "Консультация" in text and "20.12.2025 14:00 Ауд. 101" in text
    assert "Устная" in text and "Письменная" in text


def test_cli_exports_and_check_exits_1_on_errors(tmp_path, cli, demo_template):
    import shutil

    db = tmp_path / "d.sqlite3"
    shutil.copyfile(demo_template, db)
    out = tmp_path / "s.xlsx"
    r = cli("--database", str(db), "export", "session", "--year", "2025-2026", "--session", "winter",
            "--layout", "matrix", "--format", "xlsx", "--lang", "ky", "--by", "programme", "-o", str(out))
    assert r.returncode == 0, r.stderr
    from openpyxl import load_workbook

    assert load_workbook(out).sheetnames[0].startswith("510100")
    out_pdf = tmp_path / "s.pdf"
    r = cli("--database", str(db), "export", "session", "--year", "2025-2026", "--session", "winter",
            "--layout", "list", "--format", "pdf", "-o", str(out_pdf))
    assert r.returncode == 0 and "Winter session" in _pdf_text(out_pdf)

    r = cli("--database", str(db), "--lang", "ru", "check", "session", "--year", "2025-2026", "--session", "winter")
    assert r.returncode == 1
    lines = r.stdout.strip().splitlines()
    assert lines and all(line.split("\t")[0] in ("ошибка", "предупреждение") for line in lines)
    assert any("День независимости" in line for line in lines)
    assert r.stderr == "dekanat: 3 конфликта уровня «ошибка»: Зимняя сессия, 2025-2026\n"

    r = cli("--database", str(db), "check", "session", "--year", "2025-2026", "--session", "summer")
    assert r.returncode == 1 and "Summer session: there is none in 2025-2026" in r.stderr

    # With every kind set to "warning" the same conflicts are listed and the check passes.
    from desktop.models import settings
    from desktop.models.db import Database
    from desktop.models.exams import CONFLICT_KINDS

    database = Database(db)
    with database.session() as s:
        for kind in CONFLICT_KINDS:
            settings.put(s, f"exams.severity.{kind}", "warning")
    database.dispose()
    r = cli("--database", str(db), "check", "session", "--year", "2025-2026", "--session", "winter")
    assert r.returncode == 0 and len(r.stdout.strip().splitlines()) == len(lines)
    assert all(line.startswith("warning\t") for line in r.stdout.strip().splitlines())
