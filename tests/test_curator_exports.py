"""Curator report, matrix and teaching-log exports read back; the command line."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess

import openpyxl
import pytest

from desktop.models import curator_reports as cr
from desktop.models import teaching_log as tl
from desktop.models.base import DomainError
from desktop.models.contingent import Group
from desktop.models.curators import CellState, assign_curator
from desktop.models.org import add_staff
from desktop.reports import curator_matrix, curator_report, curator_teaching_log

TRICKY = "Әңгіме <b>ғұмыр</b> & қүһө =1+1"


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def one_report(db):
    with db.session() as s:
        g = Group(name="ИСМ-1-25")
        s.add(g)
        s.flush()
        staff = add_staff(s, "Нұрпейісова", "Әсем", roles={"curator"})
        a = assign_curator(s, g.id, staff, dt.date(2025, 9, 1))
        rid = cr.open_report(s, a, 2025, 10)
        cr.add_line(s, rid, "activities", {"day": dt.date(2025, 10, 6), "kind": "curator_hour", "topic": TRICKY,
                                           "present": 23})
        cr.add_line(s, rid, "risks", {"student_name": "Үсөнов Ыдырыс", "reason": "debts", "action": "referral",
                                      "result": "=1+1"})
        cr.add_line(s, rid, "contacts", {"day": dt.date(2025, 10, 8), "student_name": "Үсөнов Ыдырыс", "way": "phone",
                                         "subject": "Карыздар"})
        cr.add_line(s, rid, "achievements", {"student_name": "Ғалым Ұлан", "kind": "olympiad",
                                             "title": "Олимпиада", "result": "I"})
        cr.submit(s, rid, dt.date(2025, 11, 3))
        return rid


def test_monthly_report_pdf_in_each_language(db, one_report, tmp_path):
    expected = {"ru": "Отчёт куратора", "ky": "Куратордун отчету", "kk": "Куратордың есебі"}
    for lang, title in expected.items():
        with db.session() as s:
            doc = cr.report_document(s, one_report)
        path = tmp_path / f"r_{lang}.pdf"
        curator_report.write_reports_pdf(path, [doc], lang, "Факультет")
        text = _flat(pdf_text(path))
        assert title in text
        assert TRICKY in text
        assert "Үсөнов Ыдырыс" in text and "=1+1" in text and "Ғалым Ұлан" in text
        assert "ИСМ-1-25" in text


def test_monthly_reports_xlsx(db, one_report, tmp_path):
    with db.session() as s:
        doc = cr.report_document(s, one_report)
    path = tmp_path / "r.xlsx"
    curator_report.write_reports_xlsx(path, [doc], "ru")
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) == 5
    acts = book.worksheets[1]
    assert acts.cell(2, 1).value == "ИСМ-1-25"
    assert acts.cell(2, 5).value == TRICKY
    risks = book.worksheets[2]
    assert risks.cell(2, 6).value == "=1+1" and risks.cell(2, 6).data_type == "s"


def test_matrix_and_summary_exports(demo_db, tmp_path):
    with demo_db.session() as s:
        matrix = cr.build_matrix(s, "2025-2026", dt.date(2026, 2, 20))
        summary = cr.summary(s, "2025-2026")
    xlsx = tmp_path / "m.xlsx"
    curator_matrix.write_matrix_xlsx(xlsx, matrix, summary, "en")
    book = openpyxl.load_workbook(xlsx)
    ws = book.worksheets[0]
    top = 5  # the document frame (blank: lines to sign by hand) above the matrix
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=top + 6, max_row=top + 5 + len(matrix.rows))]
    from desktop.reports.curator_matrix import alphabetical

    assert [v[0] for v in values] == [r.assignment.curator for r in alphabetical(matrix, "en")]
    assert sum(v.count("Missing") for v in values) == matrix.counts[CellState.MISSING]
    assert sum(v.count("Late") for v in values) == matrix.counts[CellState.LATE]
    sm = book.worksheets[1]
    found = {sm.cell(r, 1).value: sm.cell(r, 2).value for r in range(1, sm.max_row + 1)}
    assert found["Curator hour"] == summary.activities["curator_hour"]
    assert found["Contacts with parents"] == summary.parent_contacts
    assert found["Total"] == sum(summary.risks.values())
    assert sm._charts, "the summary sheet has a chart"
    import re

    categories = sm._charts[0].series[0].cat
    first = int(re.findall(r"\$A\$(\d+)", (categories.strRef or categories.numRef).f)[0])
    assert sm.cell(first, 1).value == "Curator hour"  # the chart reads its rows under the document frame

    pdf = tmp_path / "m.pdf"
    curator_matrix.write_matrix_pdf(pdf, matrix, summary, "kk", "Факультет")
    text = _flat(pdf_text(pdf))
    assert "Кураторлардың есептері, 2025-2026 оқу жылы" in text
    assert matrix.rows[0].assignment.group in text


def test_teaching_log_in_the_form_of_appendix_1(db, tmp_path):
    with db.session() as s:
        t = add_staff(s, "Жумабаев", "Нурлан", "Асанович", roles={"teacher"})
        tl.add_entry(s, t, dt.date(2025, 11, 3), time="10:00", hours="2", learner="ИСМз-1-25", subject="Алгебра",
                     form="webinar", platform="Zoom", notes=TRICKY)
        tl.add_entry(s, t, dt.date(2025, 11, 5), time="13:00-14:20", hours=1.5, learner="Әлиев Ә.",
                     subject="Алгебра", form="individual", platform="WhatsApp")
        tl.add_entry(s, t, dt.date(2025, 12, 1), hours=2)
        entries = tl.entries(s, t, 2025, 11)
        totals = tl.totals(s, t, 2025, 11)
        with pytest.raises(DomainError, match="25:00"):
            tl.add_entry(s, t, dt.date(2025, 11, 6), time="25:00")
    assert (totals.lessons, totals.hours) == (2, 3.5)
    xlsx = tmp_path / "log.xlsx"
    curator_teaching_log.write_log_xlsx(xlsx, "Жумабаев Н.А.", 2025, 11, entries, totals, "ru")
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    top = 5  # the document frame above the log
    assert ws.cell(top + 4, 1).value == "Дата"
    assert [ws.cell(top + 5, c).value for c in range(2, 9)] == ["10:00", 2, "ИСМз-1-25", "Алгебра", "Вебинар", "Zoom",
                                                               TRICKY]
    assert ws.cell(top + 7, 3).value == 3.5
    pdf = tmp_path / "log.pdf"
    curator_teaching_log.write_log_pdf(pdf, "Жумабаев Н.А.", 2025, 11, entries, totals, "ky")
    text = _flat(pdf_text(pdf))
    assert "Жумабаев Н.А." in text and "Әлиев Ә." in text and "3.5" in text and TRICKY in text


def test_cli_exports(cli, tmp_path):
    db = tmp_path / "c.sqlite3"
    assert cli("--database", str(db), "demo", "--students", "60").returncode == 0
    out = tmp_path / "m.xlsx"
    r = cli("--database", str(db), "export", "curator-reports", "--year", "2025-2026", "--format", "xlsx",
            "--as-of", "2026-02-20", "-o", str(out))
    assert r.returncode == 0, r.stderr
    sheet = openpyxl.load_workbook(out).worksheets[0]
    first = [row[0].value for row in sheet.iter_rows()]
    assert "State on 20 February 2026" in first  # the --as-of day heads the sheet, under the frame
    top = first.index("Curator") + 1  # the header row of the matrix
    header = [c.value for c in sheet[top]]
    assert header[:2] == ["Curator", "Group"] and header.index("Feb 2026") == 7
    rows = []
    for row in sheet.iter_rows(min_row=top + 1):
        if not row[0].value:
            break  # the matrix ends at its first blank row; a legend follows
        rows.append([c.value for c in row])
    with sqlite3.connect(db) as conn:
        groups = {g for (g,) in conn.execute("SELECT name FROM student_group")}
    assert {r[1] for r in rows} == groups  # every group has its row in the matrix
    # February's report is due on 05.03.2026, after the --as-of day: due for nobody yet (a blank
    # cell is a month the curator did not hold the group).
    february = [r[7] for r in rows]
    assert february.count("Not due yet") > len(rows) // 2 and set(february) <= {"Not due yet", None}
    pdf = tmp_path / "nov.pdf"
    r = cli("--database", str(db), "export", "curator-reports", "--year", "2025-2026", "--month", "11",
            "--format", "pdf", "--lang", "ru", "-o", str(pdf))
    assert r.returncode == 0, r.stderr
    assert "Отчёт куратора" in pdf_text(pdf)
    r = cli("--database", str(db), "export", "curator-reports", "--year", "2025-26", "--format", "pdf",
            "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 2 and "2025-2026" in r.stderr
    r = cli("--database", str(db), "export", "curator-reports", "--year", "2025-2026", "--month", "7",
            "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 2
    r = cli("--database", str(db), "export", "teaching-log", "--teacher", "Осмонова Ч.Т.", "--month", "2025-11",
            "--format", "xlsx", "-o", str(tmp_path / "log.xlsx"))
    assert r.returncode == 0, r.stderr
    r = cli("--database", str(db), "export", "teaching-log", "--teacher", "Nobody", "--month", "2025-11",
            "--format", "xlsx", "-o", str(tmp_path / "log.xlsx"))
    assert r.returncode == 1 and "Nobody" in r.stderr
