"""Session results on paper and in Excel: the filled sheet's round trip (and refusals), sheets,
debts, the summary and orders read back from the PDF, and the command line."""

from __future__ import annotations

import datetime as dt
import subprocess

import openpyxl
import pytest

from desktop.models import debts as dm
from desktop.models import orders, results
from desktop.models.base import DomainError
from desktop.models.movements import MovementKind, Order, apply_movement
from desktop.models.results import Frame
from desktop.reports import grade_sheet as gs
from desktop.reports import orders_pdf, session_results
from tests.factories import enter_result as enter
from tests.factories import results_faculty

D = dt.date
FRAME = Frame("Ош мамлекеттик университети", "Математика факультети", "Ош", "Сопуев У.А.")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def fill(path, values: dict[str, tuple], drop: str | None = None, out=None):
    """Type (rating, points) next to each record book; optionally delete one student's row."""
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    for row in range(gs.HEADER_ROW + 2, ws.max_row + 1):
        number = ws.cell(row, 2).value
        if number in values:
            ws.cell(row, 5).value, ws.cell(row, 6).value = values[number]
    if drop:
        for row in range(gs.HEADER_ROW + 2, ws.max_row + 1):
            if ws.cell(row, 2).value == drop:
                ws.delete_rows(row)
                break
    book.save(out or path)
    return out or path


def test_excel_round_trip_all_or_nothing(session, faculty, tmp_path):
    sheet_id = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    path = tmp_path / "sheet.xlsx"
    gs.sheets_xlsx(path, [results.load_sheet(session, sheet_id)], "ru")
    filled = fill(path, {"001": (60, 30), "002": (80, "н"), "003": (90, 95), "004": (40, 90), "005": (70, "80,5")})
    lines, old = results.import_filled(session, gs.read_filled(filled), D(2026, 1, 15))
    assert lines == ["Grade sheet No 1: 5 results"]
    sheet = results.load_sheet(session, sheet_id)
    got = {r.record_book: (r.outcome.score, r.outcome.letter, r.outcome.mark) for r in sheet.rows}
    assert got == {"001": (48, "FX", ""), "002": (None, "", "absent"), "003": (92, "A-", ""),
                   "004": (None, "", "not_admitted"), "005": (74, "C+", "")}  # 0.6*70+0.4*80.5 = 74.2
    results.restore_many(session, old)
    assert not results.load_sheet(session, sheet_id).filled


def test_a_student_without_a_record_book_is_refused_by_name_not_a_crash(session, faculty, tmp_path):
    from desktop.models.contingent import Student

    sheet_id = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    session.query(Student).filter(Student.record_book == "003").update({"record_book": None})
    session.flush()
    path = tmp_path / "sheet.xlsx"
    gs.sheets_xlsx(path, [results.load_sheet(session, sheet_id)], "ru")
    filled = fill(path, {"001": (60, 30), "002": (80, "н")}, out=tmp_path / "filled.xlsx")
    with pytest.raises(DomainError) as err:  # was: TypeError (None sorted among the missing record books)
        results.import_filled(session, gs.read_filled(filled), D(2026, 1, 15))
    assert "missing record books: —" in str(err.value)


def test_a_changed_list_and_bad_cells_are_refused_and_nothing_is_written(session, faculty, tmp_path):
    sheet_id = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    path = tmp_path / "sheet.xlsx"
    gs.sheets_xlsx(path, [results.load_sheet(session, sheet_id)], "ru")
    dropped = fill(path, {"001": (60, 30), "002": (60, 70)}, drop="003", out=tmp_path / "dropped.xlsx")
    with pytest.raises(DomainError) as err:
        results.import_filled(session, gs.read_filled(dropped), D(2026, 1, 15))
    assert "missing record books: 003" in str(err.value)
    bad = fill(path, {"001": (60, "abc"), "002": (120, 70)}, out=tmp_path / "bad.xlsx")
    with pytest.raises(DomainError) as err:
        results.import_filled(session, gs.read_filled(bad), D(2026, 1, 15))
    lines = str(err.value).splitlines()
    assert lines[0].startswith("Worksheet “№ 1”, row 12, column “Exam points”: “abc” is not a number")
    assert lines[1].startswith("Worksheet “№ 1”, row 13, column “Admission rating”: ")
    assert not results.load_sheet(session, sheet_id).filled


def test_sheet_pdf_blank_and_filled(session, faculty, tmp_path):
    sheet_id = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    enter(session, sheet_id, "Әлиев", "30", rating=50)
    sheet = results.load_sheet(session, sheet_id)
    blank, filled = tmp_path / "blank.pdf", tmp_path / "filled.pdf"
    gs.sheets_pdf(blank, [sheet], FRAME, "kk", blank=True)
    gs.sheets_pdf(filled, [sheet], FRAME, "kk")
    text = pdf_text(blank)
    assert "№ 1" in text and "Әлиев Ас" in text and "Ғалымов Ас" in text and "FX" not in text
    assert "Ош мамлекеттик университети" in text and "Сопуев У.А." in text
    assert "FX" in pdf_text(filled)


def test_order_and_extract_read_back_from_the_pdf(session, faculty, tmp_path):
    p = faculty["people"]
    apply_movement(session, [p["Бекова"], p["Аманов"]], MovementKind.EXPULSION, Order("12-ч", D(2026, 2, 1),
                   D(2026, 2, 2)), reason="Академический долг")
    doc = orders.order_document(session, "12-ч")
    path, one = tmp_path / "order.pdf", tmp_path / "extract.pdf"
    orders_pdf.order_pdf(path, doc, FRAME, "ru")
    text = pdf_text(path)
    assert "ПРИКАЗ № 12-ч" in text and "01.02.2026" in text and "Об отчислении студентов" in text
    assert "1.1. Аманов Ас, зачётная книжка № 003" in text and "1.2. Бекова Ас" in text
    assert "Основание: Академический долг" in text
    orders_pdf.order_pdf(one, doc.extract(p["Бекова"]), FRAME, "ky", extract=True)
    text = pdf_text(one)
    assert "Бекова Ас" in text and "Аманов" not in text and "12-ч" in text


def test_debts_and_summary_exports(session, faculty, tmp_path):
    sheet_id = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    enter(session, sheet_id, "Әлиев", "30", rating=50)
    enter(session, sheet_id, "Аманов", "100", rating=100)
    found = dm.open_debts(session, year="2025-2026")
    session_results.debts_xlsx(tmp_path / "d.xlsx", found, "2025-2026", None, "ky")
    ws = openpyxl.load_workbook(tmp_path / "d.xlsx").worksheets[0]
    assert [c.value for c in ws[4]][1:5] == ["Әлиев Ас", "001", "МАТ-1-25", "Алгебра"]
    session_results.debts_pdf(tmp_path / "d.pdf", found, "2025-2026", None, FRAME, "kk")
    text = pdf_text(tmp_path / "d.pdf")
    assert "Әлиев Ас" in text and "42 FX" in text and "қанағаттанарлықсыз" in text  # the report language
    summary = dm.session_summary(session, faculty["session"])
    session_results.summary_xlsx(tmp_path / "s.xlsx", summary, "ru")
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx").worksheets[0]
    assert [c.value for c in ws[4]][:6] == ["МАТ-1-25", 1, None, 3, 2, 1]
    session_results.summary_pdf(tmp_path / "s.pdf", summary, FRAME, "ru")
    assert "МАТ-1-25" in pdf_text(tmp_path / "s.pdf")


def test_cli_exports_and_refused_import(db_path, tmp_path, cli):
    from desktop.models.db import Database

    database = Database(db_path)
    with database.session() as s:
        made = results_faculty(s)
        sheet_id = results.issue_sheet(s, made["algebra"], D(2026, 1, 5))
        apply_movement(s, [made["people"]["Бекова"]], MovementKind.EXPULSION,
                       Order("12-ч", D(2026, 2, 1), D(2026, 2, 2)), reason="x")
    database.dispose()
    base = ("--database", str(db_path), "--lang", "ru")
    sheet = tmp_path / "sheet.xlsx"
    done = cli(*base, "export", "grade-sheet", "--year", "2025-2026", "--session", "winter", "--discipline",
               "алгебра", "--format", "xlsx", "-o", str(sheet))
    assert done.returncode == 0, done.stderr
    fill(sheet, {"001": (60, 30)}, drop="003", out=tmp_path / "dropped.xlsx")
    refused = cli(*base, "import", "results", str(tmp_path / "dropped.xlsx"))
    assert refused.returncode == 1 and "003" in refused.stderr
    fill(sheet, {"001": (60, 30)})
    dry = cli(*base, "import", "results", str(sheet), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    database = Database(db_path)
    with database.session() as s:
        assert not results.load_sheet(s, sheet_id).filled
    database.dispose()
    assert cli(*base, "import", "results", str(sheet)).returncode == 0
    out = tmp_path / "debts.pdf"
    assert cli(*base, "export", "debts", "--year", "2025-2026", "--format", "pdf", "-o", str(out)).returncode == 0
    assert "Әлиев Ас" in pdf_text(out)
    order = tmp_path / "order.pdf"
    done = cli(*base, "export", "order", "--number", "12-ч", "--extract", "002", "--format", "pdf", "-o", str(order))
    assert done.returncode == 0, done.stderr
    assert "Выписка из приказа № 12-ч" in pdf_text(order)
    missing = cli(*base, "export", "order", "--number", "99", "--format", "pdf", "-o", str(order))
    assert missing.returncode == 1


def test_individual_retake_slips_carry_the_earlier_result(session, faculty, tmp_path):
    s1 = results.issue_sheet(session, faculty["algebra"], D(2026, 1, 5))
    enter(session, s1, "Әлиев", "30", rating=50)  # 42 FX
    _exams, sheets = dm.draft_retakes(session, faculty["fx"], D(2026, 1, 21), kinds={"fx"})
    path = tmp_path / "slips.pdf"
    gs.slips_pdf(path, [results.load_sheet(session, sheets[0])], FRAME, "ru")
    text = pdf_text(path)
    assert "Экзаменационный лист № 2-1" in text and "Әлиев Ас" in text and "42 FX неудовлетворительно" in text
    assert "Бекова" not in text  # only the debtors of the retake sheet


def test_markup_and_formula_text_stays_literal(session, faculty, tmp_path):
    from desktop.models.exams import Discipline, Exam

    exam = session.get(Exam, faculty["algebra"])
    session.get(Discipline, exam.discipline_id).name = "<b>Алгебра</b> & =SUM(A1)"
    session.flush()
    sheet = results.load_sheet(session, results.issue_sheet(session, exam.id, D(2026, 1, 5)))
    gs.sheets_pdf(tmp_path / "s.pdf", [sheet], FRAME, "ru", blank=True)
    assert "<b>Алгебра</b> & =SUM(A1)" in pdf_text(tmp_path / "s.pdf")
    gs.sheets_xlsx(tmp_path / "s.xlsx", [sheet], "ru")
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx").worksheets[0]
    cell = next(c for row in ws.iter_rows() for c in row if c.value and "SUM" in str(c.value))
    assert cell.data_type == "s" and cell.value == "<b>Алгебра</b> & =SUM(A1)"
