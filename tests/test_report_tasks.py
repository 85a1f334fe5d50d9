"""Long exports run behind the progress dialog: whole files or none, and Cancel stops them."""

from __future__ import annotations

import errno
import io
import subprocess

import openpyxl
import pytest

from desktop.models.progress import Cancelled, Progress
from desktop.views.common import tasks


def _cancel_at_first_step(monkeypatch):
    """As if the user pressed Cancel as soon as the work began."""
    real = tasks.run_with_progress

    def cancelling(parent, title, fn, label=""):
        def work(progress: Progress):
            progress.cancel()
            return fn(progress)

        return real(parent, title, work, label)

    monkeypatch.setattr(tasks, "run_with_progress", cancelling)


def test_a_written_file_appears_whole(qtbot, tmp_path):
    target = tmp_path / "list.txt"

    def write(temporary, progress):
        assert temporary != str(target) and not target.exists()
        progress.step(1, 2)
        with open(temporary, "w", encoding="utf-8") as f:
            f.write("Асанов")

    assert tasks.write_report_file(None, "Export", target, write)
    assert target.read_text(encoding="utf-8") == "Асанов"
    assert [p.name for p in tmp_path.iterdir()] == ["list.txt"]


def test_cancel_or_an_error_leaves_no_file_and_the_old_one_untouched(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "list.txt"
    target.write_text("old", encoding="utf-8")

    def write(temporary, progress):
        with open(temporary, "w", encoding="utf-8") as f:
            f.write("half")
        progress.step(1, 2)
        with open(temporary, "a", encoding="utf-8") as f:
            f.write(" and the rest")

    def broken(temporary, progress):
        with open(temporary, "w", encoding="utf-8") as f:
            f.write("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    told: list[str] = []
    monkeypatch.setattr(tasks.QMessageBox, "warning", lambda parent, title, text: told.append(text))
    assert tasks.write_report_file(None, "Export", target, broken) is False
    assert told == [f"{target} was not written: the disk is full. An existing file of that name was not changed."]
    assert tasks.write_report_file(None, "Export", tmp_path / "no such folder" / "list.txt", write) is False
    assert len(told) == 2 and "no such folder" in told[1]
    _cancel_at_first_step(monkeypatch)
    assert tasks.write_report_file(None, "Export", target, write) is False
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["list.txt"]


def test_a_pdf_reports_each_page_and_stops_at_cancel():
    from reportlab.platypus import Paragraph

    from desktop.i18n import translator
    from desktop.reports.pdf import build_pdf, styles

    def story():  # ReportLab consumes the list it lays out
        return [Paragraph(f"Строка {i}", styles()["body"]) for i in range(400)]

    pages: list[int] = []
    buf = io.BytesIO()
    build_pdf(buf, story(), translator("ru"), progress=Progress(lambda done, total, label: pages.append(done)))
    assert pages == list(range(1, len(pages) + 1)) and len(pages) > 3
    assert _page_count(buf.getvalue()) == len(pages)

    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        build_pdf(io.BytesIO(), story(), translator("ru"), progress=progress)


def _page_count(pdf: bytes) -> int:
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("Pages:")))


def test_the_students_export_runs_in_the_background_and_writes_every_row(qtbot, demo_db, tmp_path):
    from desktop.reports.student_export import export_students_xlsx
    from desktop.views.common.area import AppContext
    from desktop.views.students import StudentsArea

    page = StudentsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    path = tmp_path / "students.xlsx"
    assert page.export_xlsx(False, str(path)) == str(path)
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    assert sheet.max_row == page.model.rowCount() + 1

    rows = [page.model.row_tuple(i) for i in range(page.model.rowCount())] * 10  # past the first thousand
    seen: list[int] = []
    with demo_db.session() as s:
        export_students_xlsx(s, tmp_path / "big.xlsx", lang="ru", rows=rows,
                             progress=Progress(lambda done, total, label: seen.append(done)))
        assert seen == list(range(1000, len(rows) + 1, 1000))
        progress = Progress()
        progress.cancel()
        with pytest.raises(Cancelled):
            export_students_xlsx(s, tmp_path / "cancelled.xlsx", lang="ru", rows=rows, progress=progress)


def test_the_curator_matrix_previews_and_exports_through_the_progress_task(qtbot, demo_db, tmp_path, monkeypatch):
    from desktop.views.common.area import AppContext
    from desktop.views.curators import CuratorsArea

    page = CuratorsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    calls: list[str] = []
    real = tasks.run_with_progress

    def spy(parent, title, fn, label=""):
        calls.append(title)
        return real(parent, title, fn, label)

    monkeypatch.setattr(tasks, "run_with_progress", spy)
    shown: list[bytes] = []
    import desktop.views.common.printing as printing

    monkeypatch.setattr(printing, "preview_pdf", lambda parent, pdf, title="": shown.append(pdf) or 0)
    page.preview()
    assert len(shown) == 1 and _page_count(shown[0]) >= 1
    path = tmp_path / "matrix.xlsx"
    assert page.export_xlsx(str(path))
    assert openpyxl.load_workbook(path, read_only=True).sheetnames[0]
    assert calls == ["Curator reports", "Export to Excel"]


def test_printing_reports_each_page_and_cancel_aborts_the_job(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter
    from reportlab.platypus import Paragraph

    from desktop.i18n import translator
    from desktop.reports.pdf import build_pdf, styles
    from desktop.views.common.printing import render_pdf

    buf = io.BytesIO()
    build_pdf(buf, [Paragraph(f"Строка {i}", styles()["body"]) for i in range(150)], translator("ru"))
    total = _page_count(buf.getvalue())

    def printer_to(path):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    seen: list[tuple[int, int]] = []
    assert render_pdf(buf.getvalue(), printer_to(tmp_path / "all.pdf"), dpi=50,
                      on_page=lambda done, n: seen.append((done, n)) or True) == total
    assert seen == [(i, total) for i in range(total)]
    printer = printer_to(tmp_path / "cancelled.pdf")
    assert render_pdf(buf.getvalue(), printer, dpi=50, on_page=lambda done, n: done < 1) == 0
    out = tmp_path / "cancelled.pdf"  # the PDF engine cannot abort: at most the page before Cancel
    assert not out.exists() or _page_count(out.read_bytes()) <= 1


def test_the_reports_of_a_month_print_and_export_from_the_window(qtbot, demo_db, tmp_path, monkeypatch):
    import desktop.views.common.printing as printing
    from desktop.views.common.area import AppContext
    from desktop.views.curators import CuratorsArea
    from desktop.views.curators.matrix import FIXED

    page = CuratorsArea(AppContext(demo_db))
    qtbot.addWidget(page)
    page.year.setCurrentIndex(page.year.findData("2025-2026"))
    page._year_chosen()
    matrix = page.matrix_model.matrix
    column = FIXED + matrix.months.index((2025, 10))
    page.matrix_view.setCurrentIndex(page.matrix_model.index(0, column))
    assert page.chosen_month() == (2025, 10)
    docs = page.month_documents((2025, 10))
    assert docs and all((d.year, d.month) == (2025, 10) for d in docs)

    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(printing, "preview_pdf", lambda parent, pdf, title="": shown.append((pdf, title)) or 0)
    page.preview_month()
    (pdf, title), = shown
    assert title == "Curator reports, October 2025" and _page_count(pdf) >= len(docs)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Curator's report for October 2025" in text and docs[0].group in text

    path = tmp_path / "october.xlsx"
    assert page.export_month_xlsx(str(path))
    book = openpyxl.load_workbook(path, read_only=True)
    assert docs[0].group in {c for row in book.worksheets[0].iter_rows(values_only=True) for c in row}
