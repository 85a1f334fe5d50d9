"""Markup-like and formula-like text stays literal in every export: a PDF shows ``<b>`` and
``<img src=...>`` as text and fetches nothing; no Excel cell becomes a formula."""

from __future__ import annotations

import socket
import subprocess
import threading

import openpyxl
import pytest
from sqlalchemy import select

from desktop.models import workplan as wp
from desktop.models.contingent import Group, Student


@pytest.fixture
def listener():
    """A local server that counts connections: an exporter that fetched an image would call it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    hits: list[int] = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _addr = server.accept()
            except OSError:
                continue
            hits.append(1)
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join()
    server.close()


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def no_formulas(path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [f"{ws.title}!{c.coordinate}" for ws in book.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f"]


def all_values(path) -> set[str]:
    book = openpyxl.load_workbook(path)
    return {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None}


def test_student_and_work_plan_exports_keep_markup_and_formulas_literal(demo_db, tmp_path, listener):
    from desktop.reports.student_export import export_group_list_pdf, export_students_xlsx
    from desktop.reports.workplan_pdf import plan_pdf
    from desktop.reports.workplan_xlsx import plan_xlsx

    port, hits = listener
    img = f'<img src="http://127.0.0.1:{port}/a.png"/>'
    formula = f'=HYPERLINK("http://127.0.0.1:{port}/","x")'
    with demo_db.session() as s:
        st = s.scalars(select(Student).where(Student.status == "studying").order_by(Student.id)).first()
        st.last_name, st.first_name, st.patronymic = img, "<b>Әлия</b>", "=1+1"
        st.phone = formula
        group = s.get(Group, st.group_id).name
        plan = wp.plan_for_year(s, "2025-2026")
        section = plan.sections[0]
        wp.add_item(s, section.id, f"{img} <b>қорытынды</b> & {formula}", responsible="=1+1")
        s.flush()
        tree = wp.plan_tree(s, plan)
        export_group_list_pdf(s, tmp_path / "group.pdf", lang="ky", group_name=group)
        export_students_xlsx(s, tmp_path / "students.xlsx", lang="kk")
    plan_pdf(tmp_path / "plan.pdf", tree, "ru")
    plan_xlsx(tmp_path / "plan.xlsx", tree, "ky")

    group_text = " ".join(pdf_text(tmp_path / "group.pdf").split())
    assert f"{img} <b>Әлия</b> =1+1" in group_text
    plan_text = " ".join(pdf_text(tmp_path / "plan.pdf").split())
    assert "<b>қорытынды</b> &" in plan_text and f'src="http://127.0.0.1:{port}/a.png"/>' in plan_text
    for pdf in ("group.pdf", "plan.pdf"):
        assert b"/Subtype /Image" not in (tmp_path / pdf).read_bytes()  # nothing was rendered as a picture

    assert img in all_values(tmp_path / "students.xlsx") and formula in all_values(tmp_path / "students.xlsx")
    assert f"{img} <b>қорытынды</b> & {formula}" in all_values(tmp_path / "plan.xlsx")
    assert no_formulas(tmp_path / "students.xlsx") == [] and no_formulas(tmp_path / "plan.xlsx") == []
    assert hits == []  # nothing was fetched
