"""Exports read back: xlsx with openpyxl, PDF with pdftotext."""

import datetime as dt
import subprocess

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy import text as sql

from desktop.models.contingent import Group, Student
from desktop.reports.headcount import export_headcount_pdf, export_headcount_xlsx, headcount_table
from desktop.reports.student_export import export_group_list_pdf, export_students_xlsx


@pytest.fixture
def tricky(demo_db):
    """One student whose name looks like markup and a formula, with every Kazakh and Kyrgyz letter."""
    with demo_db.session() as s:
        st = s.scalars(select(Student).where(Student.status == "studying").order_by(Student.id)).first()
        st.last_name, st.first_name, st.patronymic = "=1+1", "<b>Әғқңөұүһі</b>", "А & Б"
        st.record_book = "@007"
        group = s.get(Group, st.group_id).name
    return demo_db, group


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_xlsx_one_sheet_with_group_column(tmp_path, tricky):
    db, group = tricky
    path = tmp_path / "s.xlsx"
    with db.session() as s:
        n = export_students_xlsx(s, path, lang="kk")
        total = len(s.scalars(select(Student.id)).all())
    assert n == total
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header[:5] == ["Тегі", "Аты", "Әкесінің аты", "Сынақ кітапшасының нөмірі", "Топ"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.print_title_rows == "$1:$1"
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "=1+1")
    assert row[1] == "<b>Әғқңөұүһі</b>" and row[2] == "А & Б" and row[3] == "@007" and row[4] == group
    cell = next(c for c in ws["A"] if c.value == "=1+1")
    assert cell.data_type == "s"
    assert ws.max_row == total + 1


def test_xlsx_sheet_per_group(tmp_path, demo_db):
    path = tmp_path / "g.xlsx"
    with demo_db.session() as s:
        export_students_xlsx(s, path, lang="ru", sheet_per_group=True)
        groups = set(s.scalars(select(Group.name).join(Student, Student.group_id == Group.id)))
    assert set(openpyxl.load_workbook(path, read_only=True).sheetnames) == groups


@pytest.mark.parametrize("lang,title,foot", [("ky", "тайпасынын студенттеринин тизмеси", "Куратор:"),
                                             ("kk", "тобының студенттер тізімі", "Топ басшысы:"),
                                             ("ru", "Список студентов группы", "Староста:")])
def test_group_list_pdf_in_each_language(tmp_path, tricky, lang, title, foot):
    db, group = tricky
    path = tmp_path / f"{lang}.pdf"
    with db.session() as s:
        assert export_group_list_pdf(s, path, lang=lang, group_name=group) == 1
    text = pdf_text(path)
    assert title in text and foot in text
    assert "=1+1 <b>Әғқңөұүһі</b> А & Б" in text
    assert "@007" in text


def test_headcount_xlsx_and_pdf(tmp_path, demo_db):
    on = dt.date(2025, 12, 1)
    with demo_db.session() as s:
        headers, rows, totals = headcount_table(s, on, "ru")
        # Studying on that day, straight from the movement rows: each student's last movement
        # effective on or before the day says the status they had.
        studying_then = s.execute(sql(
            "SELECT count(*) FROM movement m WHERE m.status = 'studying' AND m.id = ("
            " SELECT m2.id FROM movement m2 WHERE m2.student_id = m.student_id AND m2.effective_date <= :on"
            " ORDER BY m2.effective_date DESC, m2.id DESC LIMIT 1)"), {"on": on}).scalar()
        export_headcount_xlsx(s, tmp_path / "h.xlsx", on, "ru")
        export_headcount_pdf(s, tmp_path / "h.pdf", on, "kk")
    grand = rows[-1]
    assert grand[0] == "Итого" and grand[5] == grand[3] + grand[4]
    assert sum(r[5] for i, r in enumerate(rows) if i not in totals) == grand[5]
    assert studying_then > 100 and grand[5] == studying_then
    ws = openpyxl.load_workbook(tmp_path / "h.xlsx").active
    top = 5  # the document frame above the table
    assert ws[f"A{top + 1}"].value == "Контингент студентов на 1 декабря 2025 г."  # as the PDF title writes it
    assert [c.value for c in ws[top + 3]] == headers
    assert ws.cell(row=top + 3 + len(rows), column=6).value == grand[5]
    text = pdf_text(tmp_path / "h.pdf")
    assert "Барлығы" in text and "Күндізгі" in text
    assert "2025 жылғы 1 желтоқсандағы жағдай бойынша студенттер контингенті" in " ".join(text.split())
