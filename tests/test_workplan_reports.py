"""Work plan import from .docx/.xlsx in several layouts, exports read back exactly, the CLI."""

import datetime as dt
import subprocess

import pytest

from desktop.models import workplan as wp
from desktop.models.base import DomainError
from desktop.reports.workplan_import import import_plan, read_plan_file
from tests.factories import TRICKY, make_docx


@pytest.mark.parametrize("header, paragraphs", [(True, False), (False, False), (True, True), (False, True)])
def test_docx_layouts_import(tmp_path, session, header, paragraphs):
    path = tmp_path / "plan.docx"
    make_docx(path, header=header, headings_as_paragraphs=paragraphs)
    parsed = read_plan_file(path)
    assert [(s.title, s.kind, len(s.items)) for s in parsed.sections] == [
        ("Уюштуруу иштери", "organisational", 2), ("Тарбиялык иштер", "upbringing", 1)]
    assert parsed.approver_name == "Сопуев У.А." and parsed.approver_position == "Факультеттин деканы"
    assert parsed.title == "Факультеттин 2025-2026-окуу жылына карата иш планы"
    plan = import_plan(session, parsed, "2025-2026")
    items = plan.sections[0].items
    assert items[0].text == "Жадыбалды түзүү жана бекитүү"
    assert items[0].deadline == {"kind": "months", "months": [[2025, 9]]}
    assert [r.text for r in items[0].responsible] == ["Сопуев У.А.", "методисттер"]
    assert items[1].text == TRICKY
    assert plan.sections[1].items[0].deadline == {"kind": "monthly"}


def test_xlsx_import(tmp_path, session):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws["D1"] = "УТВЕРЖДАЮ"
    ws["D2"] = "Декан факультета"
    ws["D3"] = "__________ Сопуев У.А."
    ws["A5"] = "План работы факультета на 2025-2026 учебный год"
    ws.append(["№", "Мероприятие", "Срок", "Ответственный"])
    ws.append(["I. Организационная работа"])
    ws.append([1, "Составить расписание", "Сентябрь, октябрь 2025", "Сопуев У.А."])
    ws.append([2, "Еженедельное совещание", "Каждый понедельник", "Деканат, заведующие кафедрами"])
    ws.append(["II. Научная работа"])
    ws.append([1, "Конференция", "16-23 сентября 2025", "Кафедры"])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    parsed = read_plan_file(path)
    assert [(s.kind, len(s.items)) for s in parsed.sections] == [("organisational", 2), ("research", 1)]
    plan = import_plan(session, parsed, "2025-2026")
    assert plan.sections[0].items[1].deadline == {"kind": "weekly", "weekdays": [0]}
    assert plan.sections[0].items[1].responsible[1].role == "head_of_department"
    assert plan.sections[1].items[0].deadline == {"kind": "dates", "start": "2025-09-16", "end": "2025-09-23"}


def test_bad_input_is_refused(tmp_path):
    import docx

    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(DomainError, match="Word"):
        read_plan_file(bad)
    d = docx.Document()
    d.add_paragraph("Just a letter, no table.")
    d.save(tmp_path / "letter.docx")
    with pytest.raises(DomainError, match="no table"):
        read_plan_file(tmp_path / "letter.docx")
    with pytest.raises(DomainError):
        read_plan_file(tmp_path / "plan.txt")


@pytest.fixture
def tricky_tree(session):
    plan = wp.create_plan(session, "2025-2026", title="Жұмыс жоспары & <i>", approver_name="Сопуев У.А.")
    s = wp.add_section(session, plan.id, "Ұйымдастыру <b>", "organisational")
    wp.add_item(session, s.id, TRICKY, deadline={"kind": "year_round"}, responsible="=1+1")
    return wp.plan_tree(session, plan)


@pytest.mark.parametrize("lang, approved", [("ky", "БЕКИТЕМИН"), ("kk", "БЕКІТЕМІН"), ("ru", "УТВЕРЖДАЮ")])
def test_pdf_round_trips_text(tmp_path, tricky_tree, lang, approved):
    from desktop.reports.workplan_pdf import plan_pdf, progress_pdf

    out = tmp_path / "plan.pdf"
    plan_pdf(out, tricky_tree, lang)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert approved in text and TRICKY in text and "=1+1" in text and "Жұмыс жоспары & <i>" in text
    assert "I. Ұйымдастыру <b>" in text
    progress_pdf(tmp_path / "p.pdf", tricky_tree, lang)
    text = subprocess.run(["pdftotext", str(tmp_path / "p.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Ұйымдастыру <b>" in text


def test_xlsx_round_trips_text(tmp_path, tricky_tree):
    from openpyxl import load_workbook

    from desktop.reports.workplan_xlsx import plan_xlsx

    out = tmp_path / "plan.xlsx"
    plan_xlsx(out, tricky_tree, "kk")
    ws = load_workbook(out).active
    values = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert TRICKY in values and "=1+1" in values and "БЕКІТЕМІН" in values
    assert "I. Ұйымдастыру <b>" in values
    # and the exported file imports back as the same plan
    parsed = read_plan_file(out)
    assert parsed.sections[0].items[0].text == TRICKY


def test_cli_import_dry_run_and_export(tmp_path, cli, db_path):
    path = tmp_path / "plan.docx"
    make_docx(path)
    r = cli("--database", str(db_path), "import", "workplan", str(path), "--year", "2025-2026", "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "I. Уюштуруу иштери: 2" in r.stdout
    r = cli("--database", str(db_path), "export", "workplan", "--year", "2025-2026", "--format", "pdf", "-o",
            str(tmp_path / "x.pdf"))
    assert r.returncode == 1 and "2025-2026" in r.stderr  # nothing was written by the dry run
    r = cli("--database", str(db_path), "import", "workplan", str(path), "--year", "2025-2026")
    assert r.returncode == 0, r.stderr
    r = cli("--database", str(db_path), "export", "workplan", "--year", "2025-2026", "--format", "xlsx",
            "--lang", "ky", "-o", str(tmp_path / "x.xlsx"))
    assert r.returncode == 0, r.stderr
    bad = tmp_path / "bad.docx"
    bad.write_text("nope")
    r = cli("--database", str(db_path), "import", "workplan", str(bad), "--year", "2026-2027")
    assert r.returncode == 1 and "bad.docx" in r.stderr


def test_progress_counts_people_once_however_the_office_wrote_them(session):
    from desktop.i18n import translator
    from desktop.models.org import add_staff
    from desktop.reports.workplan_pdf import progress_counts

    add_staff(session, last_name="Сопуев", first_name="Уран", patronymic="Асанович")
    plan = wp.create_plan(session, "2025-2026")
    s = wp.add_section(session, plan.id, "Уюштуруу", "organisational")
    wp.add_item(session, s.id, "A", deadline={"kind": "year_round"}, responsible="каф. башчылары, Сопуев У.А.")
    wp.add_item(session, s.id, "B", deadline={"kind": "year_round"}, responsible="Кафедра башчылары, Сопуев У.")
    wp.add_item(session, s.id, "C", deadline={"kind": "year_round"}, responsible="Жаштар комитети")
    wp.add_item(session, s.id, "D", deadline={"kind": "year_round"}, responsible="жаштар  комитети")
    tree = wp.plan_tree(session, plan, dt.date(2025, 10, 1))
    sections, people = progress_counts(tree, translator("ru"))
    assert sections[0].total == 4
    by_name = {p.name: p.total for p in people}
    assert by_name["Заведующие кафедрами"] == 2
    assert by_name["Жаштар комитети"] == 2
    assert sum(1 for name in by_name if name.startswith("Сопуев")) == 1
    assert sum(by_name.values()) == 6


def test_the_plan_table_keeps_its_section_headings_through_every_page_split():
    """The table is split page by page without ReportLab's SPAN/NOSPLIT (their cost grows with the
    whole table on every page): each part must still know which of its rows are headings, and no
    part may end with one."""
    from desktop.i18n import translator
    from desktop.reports.pdf import register_fonts
    from desktop.reports.workplan_pdf import plan_table

    register_fonts()
    numerals = ["I", "II", "III", "IV", "V", "VI"]
    tree = {"sections": [{"number": n, "title": f"Раздел {n}", "items": [
        {"number": i, "text": "Мероприятие " * (1 + i % 4), "deadline": {}, "responsible_text": "Деканат"}
        for i in range(1, 4 + 7 * k)]} for k, n in enumerate(numerals)]}
    table = plan_table(tree, translator("ru"))
    seen, parts = [], 0
    while True:
        table.wrap(500, 300)
        pieces = table.split(500, 300)
        last = pieces[0] if len(pieces) == 2 else table
        rows = [str(row[0]) for row in last._cellvalues]
        assert last.headings == {r for r, text in enumerate(rows) if text.split(".")[0] in numerals}
        seen += [rows[r].split(".")[0] for r in sorted(last.headings)]
        parts += 1
        if len(pieces) != 2:
            break
        assert rows[-1].split(".")[0] not in numerals, f"part {parts} ends with a heading"
        table = pieces[1]
    assert parts > 3 and seen == numerals
