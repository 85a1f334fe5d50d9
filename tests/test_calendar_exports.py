"""Calendar exports read back: the official PDF table, Excel, the one-page year view, the CLI."""

import datetime as dt
import re
import subprocess

import openpyxl
import pytest

from desktop.models import academic_calendar as ac
from desktop.models.academic_calendar import Entry, Rule, RuleKind
from desktop.models.workdays import WorkCalendar
from desktop.models.year_view import build_year_view
from desktop.reports.calendar_pdf import calendar_pdf, year_view_pdf
from desktop.reports.calendar_xlsx import calendar_xlsx

D = dt.date
TRICKY = "Әдеп <b>қағида</b> & ұстаз үшін һ і ң ө ғ"


@pytest.fixture
def data(session):
    cal_id = ac.create_calendar(session, "2025-2026", "bachelor", "semester", "KZ", "Университет & <i>Co</i>",
                                "БЕКІТІЛДІ\n№205-1-хаттама")
    exams = ac.add_event(session, cal_id, "final_exams", TRICKY, kind="final_exams", note="=1+1")
    results = ac.add_event(session, cal_id, "final_exams", "Results", kind="results")
    school = ac.add_event(session, cal_id, "final_exams", "Құқық жоғары мектебі", parent_id=exams)
    ac.set_entry(session, exams, "autumn", Entry(D(2025, 12, 15), D(2025, 12, 30)))
    ac.set_entry(session, school, "spring", Entry(D(2026, 5, 4), D(2026, 5, 8)))
    ac.set_entry(session, results, "autumn", Entry(rule=Rule(RuleKind.WITHIN, 5, exams)))
    grad = ac.add_event(session, cal_id, "graduation", "Graduation", kind="graduation")
    ac.set_entry(session, grad, "autumn", Entry(D(2025, 12, 12), D(2025, 12, 12)))
    ac.set_entry(session, grad, "spring", Entry(text="=SUM(A1)"))
    return ac.load(session, cal_id)


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


# Spans in the table read as each language's office writes them (desktop/dates.py): Kazakh as the
# approved calendar, seed 004 ("15.12. - 30.12.2025 ж."); the list of days off gives each day in the
# language's long form ("16 желтоқсан 2025 ж.", "16 декабря 2025 г.", "2025-жылдын 16-декабры").
@pytest.mark.parametrize("lang,words", [
    ("kk", ["Күзгі семестр", "12.12.2025 ж.", "16 желтоқсан 2025 ж.", "Тәуелсіздік күні", "15.12. - 30.12.2025 ж.",
            "04.05. - 08.05.2026 ж.", "(31.12.2025 - 09.01.2026 ж.)"]),
    ("ru", ["Осенний семестр", "12.12.2025", "16 декабря 2025 г.", "День Республики", "15.12–30.12.2025",
            "04.05–08.05.2026", "(31.12.2025–09.01.2026)"]),
    ("ky", ["Күзгү семестр", "12.12.2025", "2025-жылдын 16-декабры", "15.12–30.12.2025", "04.05–08.05.2026"]),
])
def test_calendar_pdf_in_three_languages(tmp_path, data, lang, words):
    work = WorkCalendar("KZ")
    path = tmp_path / f"cal-{lang}.pdf"
    calendar_pdf(path, data, ac.resolve(data, work), work, lang)
    text = _text(path)
    flat = " ".join(text.split())
    assert "Әдеп <b>қағида</b> & ұстаз үшін һ і ң ө ғ" in flat
    assert "Университет & <i>Co</i>" in flat and "=1+1" in flat and "=SUM(A1)" in flat
    assert "1.1." in flat and "№205-1-хаттама" in flat
    for word in words:
        assert word in flat, word
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "841.89 x 595.276" in info  # landscape A4


def test_calendar_xlsx_reads_back(tmp_path, data):
    work = WorkCalendar("KZ")
    path = tmp_path / "cal.xlsx"
    calendar_xlsx(path, data, ac.resolve(data, work), work, "ru")
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
    header = next(r for r in rows if r[0] == "№")
    assert header == ["№", "Наименование мероприятия", "Осенний семестр / Зимняя школа",
                      "Весенний семестр / Летний семестр", "Примечание"]
    exam = next(r for r in rows if r[1] == TRICKY)
    assert exam[0] == "1." and exam[2] == "15.12–30.12.2025" and exam[4] == "=1+1"
    assert ws.cell(row=rows.index(exam) + 1, column=5).data_type == "s"
    grad = next(r for r in rows if r[1] == "Graduation")
    assert grad[2] == "12.12.2025"  # a single day as the approved calendar writes it
    assert ws.freeze_panes is not None and ws.auto_filter.ref
    holidays = book.worksheets[1]
    values = [r for r in holidays.iter_rows(values_only=True)][1:]
    assert (dt.datetime(2025, 12, 16), "День независимости") in values
    assert all(dt.datetime(2025, 9, 1) <= v[0] <= dt.datetime(2026, 8, 31) for v in values)


def test_year_view_pdf_is_one_page_with_months_and_legend(tmp_path, data):
    work = WorkCalendar("KZ")
    view = build_year_view(data, ac.resolve(data, work), work, "kk")
    path = tmp_path / "year.pdf"
    year_view_pdf(path, view, "kk")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    text = " ".join(_text(path).split())
    for month in ("2025 ж. қыркүйек", "2025 ж. желтоқсан", "2026 ж. тамыз"):
        assert month in text
    assert "Қорытынды емтихандар" in text  # legend: final exams


def test_cli_export_calendar(cli, tmp_path):
    db = str(tmp_path / "c.sqlite3")
    assert cli("--database", db, "demo", "--students", "20").returncode == 0
    out = tmp_path / "c.pdf"
    r = cli("--database", db, "export", "calendar", "--year", "2025-2026", "--format", "pdf", "--lang", "kk",
            "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "Қысқы мектеп" in _text(out) and "MAQSUT NARIKBAYEV UNIVERSITY" in _text(out)
    xlsx = tmp_path / "t.xlsx"
    r = cli("--database", db, "export", "calendar", "--year", "2025-2026", "--format", "xlsx", "--layout",
            "trimester", "--lang", "ru", "-o", str(xlsx))
    assert r.returncode == 0, r.stderr
    header = [c.value for c in next(r for r in openpyxl.load_workbook(xlsx).worksheets[0].iter_rows()
                                    if r[0].value == "№")]
    assert header[2:5] == ["I триместр", "II триместр", "III триместр / Летний триместр"]
    r = cli("--database", db, "export", "calendar", "--year", "2025-2026", "--format", "pdf", "--year-view",
            "-o", str(tmp_path / "y.pdf"))
    assert r.returncode == 0 and (tmp_path / "y.pdf").stat().st_size > 1000
    r = cli("--database", db, "export", "calendar", "--year", "2031-2032", "--format", "pdf", "-o",
            str(tmp_path / "n.pdf"))
    assert r.returncode == 1 and "no bachelor calendar for 2031-2032" in r.stderr
    assert not (tmp_path / "n.pdf").exists()
    r = cli("--database", db, "export", "calendar", "--year", "2025", "--format", "pdf", "-o", str(tmp_path / "m.pdf"))
    assert r.returncode == 2  # bad input (README.md, exit statuses)
