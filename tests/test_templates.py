"""The blank forms of the File menu (and ``dekanat export student-template|workplan-template``):
each, written in every language, imports back cleanly through the office's own importers."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import load_all
from desktop.models.contingent import Student
from desktop.models.movements import Order
from desktop.reports.student_import.writing import import_students
from desktop.reports.templates import (
    write_student_list_template,
    write_workplan_template,
)
from desktop.reports.workplan_import import import_plan, read_plan_file

load_all()
DAY = dt.date(2026, 9, 1)


@pytest.mark.parametrize("lang, name, funding, gender", [
    ("ky", "Асанова", "grant", "f"), ("kk", "Әбдірова", "grant", "f"), ("ru", "Иванова", "grant", "f"),
    ("en", "Asanova", "grant", "f")])
def test_student_list_template_imports_back(db, tmp_path, lang, name, funding, gender):
    path = tmp_path / f"students-{lang}.xlsx"
    write_student_list_template(path, lang)
    with db.session() as s:
        plan = import_students(s, path, order=Order("1-к", DAY, DAY))
        assert len(plan.new_rows) == 2 and plan.new_groups
    with db.session() as s:
        rows = sorted(s.query(Student), key=lambda st: st.record_book)
        first = rows[0]
        assert (first.last_name, first.record_book, first.birth_date, first.funding, first.gender) == (
            name, "000101", dt.date(2007, 3, 14), funding, gender)
        assert rows[1].funding == "contract" and rows[1].gender == "m"
        assert first.group.name == ("MAT-1-25" if lang == "en" else "МАТ-1-25")


@pytest.mark.parametrize("lang, section, deadline_kind", [
    ("ky", "Уюштуруу иштери", "weekly"), ("kk", "Ұйымдастыру жұмыстары", "weekly"),
    ("ru", "Организационная работа", "weekly"), ("en", "Organisational work", "weekly")])
def test_workplan_template_imports_back(db, tmp_path, lang, section, deadline_kind):
    path = tmp_path / f"plan-{lang}.docx"
    write_workplan_template(path, lang)
    parsed = read_plan_file(path)
    assert [s.title for s in parsed.sections][0] == section
    assert [s.kind for s in parsed.sections] == ["organisational", "teaching", "upbringing"]
    assert parsed.item_count == 3
    with db.session() as s:
        plan = import_plan(s, parsed, "2026-2027")
        first = plan.sections[0].items[0]
        assert first.deadline["kind"] == deadline_kind
        assert plan.approver_position


def test_templates_from_the_command_line_and_the_file_menu(qtbot, db, tmp_path, capsys, monkeypatch):
    from desktop.cli import main
    from desktop.views.main_window import MainWindow

    monkeypatch.setattr("desktop.cli.Context.db", property(lambda self: db))
    # The test's database stays open across commands; each command still lets go of the file's lock.
    monkeypatch.setattr("desktop.cli.Context.close",
                        lambda self: self._lock.release() if getattr(self, "_lock", None) else None)
    xlsx, docx = tmp_path / "s.xlsx", tmp_path / "p.docx"
    assert main(["--lang", "ky", "export", "student-template", "-o", str(xlsx)]) == 0
    assert main(["export", "workplan-template", "--lang", "ru", "-o", str(docx)]) == 0
    assert read_plan_file(docx).sections[0].title == "Организационная работа"
    import openpyxl

    assert openpyxl.load_workbook(xlsx).active["A3"].value == "Аты-жөнү"
    w = MainWindow(db)
    qtbot.addWidget(w)
    assert w.act_student_template in w.menu_file.actions()
    assert w.act_workplan_template.text() == "Work plan template (.docx)…"
    out = tmp_path / "menu.docx"
    assert w.save_template("workplan", str(out))
    assert read_plan_file(out).item_count == 3
